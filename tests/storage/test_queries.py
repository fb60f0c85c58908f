"""The queries behind the API, answered the same by every store: pages, newest articles,
quotes by text, actor profiles, story-deduplicated events and the actor network."""

from __future__ import annotations

import dataclasses

import pytest

import warta
from warta.model import Source
from warta.storage import EventQuery, QuoteQuery, SearchQuery

COPY_NOTE = ("\n\nLaporan ini disalin dari kantor berita lain oleh redaksi kami pada hari yang sama, "
             "dengan sedikit perubahan pada judul dan susunan kalimatnya.\n")
OTHER = "Judul Berita Uji Coba Untuk Penyimpanan\n\nJAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin (20/10) pagi.\n"


@pytest.fixture(scope="module")
def records(seed_text):
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"), story_id="s1")
    copy = warta.process(seed_text + COPY_NOTE).evolve(
        source=Source(format="text", path="copy.txt"), story_id="s1")
    other = warta.process(OTHER).evolve(source=Source(format="text", path="other.txt"))
    assert len({seed.id, copy.id, other.id}) == 3
    return seed, copy, other


@pytest.fixture
def stored(store, records):
    store.save_batch(list(records))
    return store


def test_search_pages_and_blank_text_lists_newest(stored, records):
    seed, copy, other = records
    both = stored.search(SearchQuery("Lavrov"))
    assert {h.article_id for h in both} == {seed.id, copy.id}
    first, second = stored.search(SearchQuery("Lavrov", limit=1)), stored.search(SearchQuery("Lavrov", limit=1, offset=1))
    assert [h.article_id for h in first + second] == [h.article_id for h in both]
    newest = stored.search(SearchQuery("", limit=10))
    assert {h.article_id for h in newest} == {seed.id, copy.id, other.id}
    dates = [h.published or "" for h in newest]
    assert dates == sorted(dates, reverse=True)
    assert [h.article_id for h in stored.search(SearchQuery("", language="id", since="2025"))] == [other.id] or \
        all((h.published or "") >= "2025" for h in stored.search(SearchQuery("", since="2025")))
    assert stored.search(SearchQuery("", limit=10, offset=3)) == []


def test_quotes_by_speaker_and_text(stored):
    lavrov = stored.quotes(QuoteQuery("per:sergei-lavrov"))
    assert lavrov and all(q.speaker == "per:sergei-lavrov" for q in lavrov)
    word = lavrov[0].text.split()[2]
    by_text = stored.quotes(QuoteQuery(text=word.upper()))
    assert by_text and all(word.casefold() in q.text.casefold() for q in by_text)
    assert len(stored.quotes(QuoteQuery(limit=2))) == 2
    assert stored.quotes(QuoteQuery(text="tidak ada kutipan seperti ini")) == []
    everything = stored.quotes(QuoteQuery())
    assert stored.quotes(QuoteQuery(offset=1, limit=1))[0] == everything[1]


def test_actor_profile(stored, records):
    seed, copy, _ = records
    lavrov = stored.actor("per:sergei-lavrov")
    assert lavrov["name"] == "Sergei Lavrov" and lavrov["kind"] == "person" and lavrov["articles"] == 2
    assert lavrov["quotes"] == sum(q.speaker == "per:sergei-lavrov" for q in seed.quotes + copy.quotes)
    assert lavrov["events"] == sum("per:sergei-lavrov" in (e.actor, e.recipient) for e in seed.events + copy.events)
    assert stored.actor("per:nobody-at-all") is None


def test_events_once_per_story_and_by_recipient(stored, records):
    seed, copy, _ = records
    every = stored.events(EventQuery())
    assert len(every) == len(seed.events) + len(copy.events)
    once = stored.events(EventQuery(per_story=True))
    assert len(once) == len({r.canonical for r in every}) < len(every)
    assert sum(r.copies for r in once) == len(every) and max(r.copies for r in once) >= 2
    page = stored.events(EventQuery(limit=3, offset=2))
    assert [(r.article_id, r.n) for r in page] == [(r.article_id, r.n) for r in every[2:5]]
    to_blinken = stored.events(EventQuery(recipient="per:antony-blinken"))
    assert to_blinken and all(r.event["recipient"] == "per:antony-blinken" for r in to_blinken)
    assert all(r.event["recipient"] == "per:antony-blinken" for r in stored.events(EventQuery(recipient="blinken")))


def test_network_counts_events_between_actors(stored):
    edges = stored.network(EventQuery(limit=50))
    assert edges and all(e["actor"] != e["recipient"] and e["events"] >= 1 for e in edges)
    rows = stored.events(EventQuery())
    first = edges[0]
    told = [r for r in rows if (r.event["actor"], r.event["recipient"]) == (first["actor"], first["recipient"])]
    assert first["events"] == len(told)
    assert first["conflict"] == sum(r.event["quad"].endswith("conflict") for r in told)
    per_story = {(e["actor"], e["recipient"]): e["events"] for e in stored.network(EventQuery(per_story=True))}
    assert per_story[(first["actor"], first["recipient"])] == len({r.canonical for r in told})
    weights = [e["events"] for e in edges]
    assert weights == sorted(weights, reverse=True)


@pytest.mark.parametrize("query", [EventQuery(actor="per:sergei-lavrov"), EventQuery(country="RUS"),
                                   EventQuery(actor="RUS", country="UKR"), EventQuery(country="CHE", types=("CONSULT",))])
def test_id_and_country_filters_read_through_indexes_in_order(stored, query):
    every = stored.events(EventQuery(limit=10_000))
    expected = [r for r in every if _holds(r, query)]
    assert expected
    assert [(r.article_id, r.n) for r in stored.events(query)] == [(r.article_id, r.n) for r in expected]
    page = stored.events(dataclasses.replace(query, limit=2, offset=1))
    assert [(r.article_id, r.n) for r in page] == [(r.article_id, r.n) for r in expected[1:3]]


def _holds(row, query) -> bool:
    event = row.event
    sides = (event["actor"], event["recipient"])
    places = (row.actor_country, row.recipient_country, (event["location"] or {}).get("country"))
    return ((not query.actor or query.actor in sides) and (not query.country or query.country in places)
            and (not query.types or event["type"] in query.types))


def test_a_units_parent_and_a_group_are_stored(store):
    record = warta.process("Polisi Tangkap Dua Pencuri\n\nJEMBER - Polres Jember menangkap dua pencuri di pasar "
                           "pada Senin (20/10/2025). Warga melaporkan pencurian itu ke polisi.\n")
    store.save_batch([record])
    unit = store.actor("org:polres-jember")
    assert unit["parent"] == "org:polri" and unit["sector"] == "POL"
    assert store.actor("org:polri")["parent"] is None
    groups = [a for a in record.actors if a.kind == "group"]
    assert groups and all(g.country == "IDN" and g.sector for g in groups)
    assert store.actor(groups[0].id)["kind"] == "group"
