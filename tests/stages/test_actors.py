"""The actor dictionary and the actors stage, run alone on hand-made entities."""

from __future__ import annotations

import re

import pytest

from warta.actors.dictionary import load_dictionary, minted_id
from warta.actors.names import slug
from warta.config import Options
from warta.errors import ConfigError, ResourceError
from warta.model import Article, Entity, Published, Source, Span
from warta.stages.actors import link_actors

OPTIONS = Options()


def article(body: str, entities: list[tuple[str, str]], lang: str = "id", day: str | None = "2022-01-21",
            title: str | None = None) -> Article:
    """An article whose entities are the given (text, type) pairs, in order of occurrence."""
    found, position = [], 0
    for text, kind in entities:
        start = body.index(text, position)
        found.append(Entity(Span("body", start, start + len(text), text), kind))
        position = start + len(text)
    published = Published(day, "day", "test") if day else None
    return Article(source=Source(format="text"), body=body, title=title, language=lang,
                   published=published, entities=tuple(found))


def linked(result: Article) -> dict[str, str | None]:
    return {e.span.text: e.actor for e in result.entities}


def test_dictionary_aliases_respect_language_and_capitals():
    d = load_dictionary()
    assert [e.actor for e in d.lookup("AS", "id")][:1] == ["USA"]
    assert d.lookup("as", "id") == []  # the ordinary word
    assert "USA" not in [e.actor for e in d.lookup("AS", "en")]  # English "AS" is not the US
    assert [e.actor for e in d.lookup("Paman Sam", "id")][:1] == ["USA"]
    assert [e.actor for e in d.lookup("Tiongkok", "id")][:1] == ["CHN"]
    assert [e.actor for e in d.lookup("Korsel", "id")][:1] == ["KOR"]
    assert [e.role for e in d.lookup("Moskow", "id")][:1] == ["capital"]


def test_office_holders_on_a_date():
    import datetime as dt

    d = load_dictionary()
    assert d.holder("foreign_minister", "RUS", dt.date(2022, 1, 21)) == "per:sergei-lavrov"
    assert d.holder("head_of_state", "IDN", dt.date(2025, 10, 21)) == "per:prabowo-subianto"
    assert d.holder("head_of_state", "IDN", dt.date(2023, 6, 1)) == "per:joko-widodo"


def test_find_by_part_of_a_name():
    found = load_dictionary().find("lavrov")
    assert found and found[0][0].id == "per:sergei-lavrov"


def test_user_file_adds_and_replaces_actors(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: per:budi-santoso\n  name: Budi Santoso\n  kind: person\n  country: IDN\n  sector: CVL\n"
        "  aliases: {id: [Pak Budi]}\n"
        "- id: org:kpk\n  name: KPK (mine)\n  kind: organization\n  country: IDN\n  sector: JUD\n",
        encoding="utf-8",
    )
    d = load_dictionary((str(extra),))
    assert d.actors["per:budi-santoso"].sector == "CVL"
    assert [e.actor for e in d.lookup("Pak Budi", "id")] == ["per:budi-santoso"]
    assert d.actors["org:kpk"].name == "KPK (mine)"
    assert "org:kpk" in load_dictionary().actors and load_dictionary().actors["org:kpk"].name != "KPK (mine)"


@pytest.mark.parametrize("content, message", [
    ("- id: per:x\n  name: X\n  kind: persona\n", "kind 'persona'"),
    ("- id: Per X\n  name: X\n  kind: person\n", "id must look like"),
    ("- id: per:x\n  name: X\n  kind: person\n  sector: ARMY\n", "sector 'ARMY'"),
    ("- id: per:x\n  name: X\n  kind: person\n  colour: red\n", "unknown key"),
    ("- id: per:x\n  name: X\n  kind: person\n  offices: [{office: president, start: 2020-01-01, end: 2019-01-01}]\n",
     "ends before it starts"),
    ("id: per:x\n", "YAML list"),
])
def test_malformed_user_file_names_file_and_entry(tmp_path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(message)) as info:
        load_dictionary((str(bad),))
    assert "bad.yaml" in str(info.value)


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_dictionary((str(tmp_path / "nope.yaml"),))


def test_minted_ids_are_normalised_names():
    assert slug("Sergéi  LAVROV") == "sergei-lavrov"
    assert minted_id("person", "Budi Santoso") == "per:budi-santoso"


def test_full_name_title_and_surname_link_to_one_actor():
    body = ("Menteri Luar Negeri Rusia Sergei Lavrov bertemu Antony Blinken di Jenewa. "
            "Lavrov mengatakan Blinken menolak. Biden dan Presiden Rusia Vladimir Putin akan bicara.")
    result = link_actors(article(body, [
        ("Rusia", "GPE"), ("Sergei Lavrov", "PER"), ("Antony Blinken", "PER"), ("Jenewa", "GPE"),
        ("Lavrov", "PER"), ("Blinken", "PER"), ("Biden", "PER"), ("Rusia", "GPE"), ("Vladimir Putin", "PER"),
    ]), OPTIONS)
    actors = {a.id: a for a in result.actors}
    by_text = [(e.span.text, e.actor) for e in result.entities]
    assert ("Sergei Lavrov", "per:sergei-lavrov") in by_text and ("Lavrov", "per:sergei-lavrov") in by_text
    assert ("Blinken", "per:antony-blinken") in by_text
    assert ("Biden", "per:joe-biden") in by_text  # the one Biden in office on the day
    assert ("Vladimir Putin", "per:vladimir-putin") in by_text
    assert ("Rusia", "RUS") in by_text
    assert actors["per:sergei-lavrov"].sector == "GOV" and actors["per:sergei-lavrov"].country == "RUS"
    assert actors["RUS"].kind == "state"
    jenewa = actors[linked(result)["Jenewa"]]
    assert jenewa.kind == "place" and jenewa.country == "CHE"


def test_unknown_people_get_stable_ids_and_short_names_follow_them():
    body = "Gubernur Riau Abdul Wahid meluncurkan mobil. Wahid mengatakan harga turun."
    result = link_actors(article(body, [("Riau", "GPE"), ("Abdul Wahid", "PER"), ("Wahid", "PER")],
                                 day="2025-10-20"), OPTIONS)
    ids = linked(result)
    assert ids["Abdul Wahid"] == "per:abdul-wahid" == ids["Wahid"]


def test_title_without_a_name_is_the_office_holder():
    body = "Kata Menlu Rusia kepada wartawan, dialog berlanjut."
    result = link_actors(article(body, [("Rusia", "GPE")]), OPTIONS)
    assert ("Menlu", "per:sergei-lavrov") in [(e.span.text, e.actor) for e in result.entities]
    people = [e for e in result.entities if e.type == "PER"]
    assert len(people) == 1

    body = "Presiden menegaskan pentingnya pengendalian inflasi."
    result = link_actors(article(body, [], day="2025-10-21"), OPTIONS)
    assert [(e.span.text, e.actor) for e in result.entities] == [("Presiden", "per:prabowo-subianto")]

    body = "Mantan Presiden itu datang."  # a former holder is not today's
    assert link_actors(article(body, [], day="2025-10-21"), OPTIONS).entities == ()


def test_capital_is_its_state_unless_it_is_a_place_word():
    body = "Moskow menuntut jaminan. Pertemuan digelar di Moskow."
    result = link_actors(article(body, [("Moskow", "GPE"), ("Moskow", "GPE")]), OPTIONS)
    first, second = (e.actor for e in result.entities)
    assert first == "RUS"
    assert second.startswith("geo:")
    assert {a.id: a for a in result.actors}[second].country == "RUS"


def test_home_capital_is_the_city_and_old_office_holders_need_their_full_name():
    body = "Jakarta menetapkan aturan baru. Tony mengatakan aturan itu baik."
    result = link_actors(article(body, [("Jakarta", "GPE"), ("Tony", "PER")], day="2025-10-22"), OPTIONS)
    ids = linked(result)
    assert ids["Jakarta"] == "geo:1642911"
    assert ids["Tony"] == "per:tony"  # not Singapore's president of 2011-2017


def test_aliases_and_demonyms():
    body = "Jokowi bertemu pejabat Amerika Serikat."
    result = link_actors(article(body, [("Jokowi", "PER"), ("Amerika Serikat", "GPE")], day="2023-06-01"),
                         OPTIONS)
    assert linked(result) == {"Jokowi": "per:joko-widodo", "Amerika Serikat": "USA"}
    body = "Russian troops moved while American officials met."
    result = link_actors(article(body, [("Russian", "NORP"), ("American", "NORP")], lang="en"), OPTIONS)
    assert linked(result) == {"Russian": "RUS", "American": "USA"}


def test_known_organisation_followed_by_its_state():
    body = "Kemlu RI memanggil duta besar. Kementerian Pertahanan Rusia membantah."
    result = link_actors(article(body, [("Kemlu RI", "ORG"), ("Kementerian Pertahanan Rusia", "ORG")]),
                         OPTIONS)
    ids = linked(result)
    assert ids["Kemlu RI"] == "org:kemlu"
    assert ids["Kementerian Pertahanan Rusia"] == "org:kementerian-pertahanan-rusia"  # Kemhan is Indonesia's


def test_bracketed_short_form_is_the_same_actor():
    body = "Data Badan Pusat Statistik (BPS) naik. Menurut BPS, harga turun. Lembaga Kajian Baru (LKB) ragu."
    result = link_actors(article(body, [("Badan Pusat Statistik", "ORG"), ("BPS", "ORG"), ("BPS", "ORG"),
                                        ("Lembaga Kajian Baru", "ORG"), ("LKB", "ORG")]), OPTIONS)
    ids = [e.actor for e in result.entities]
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] == ids[4] == "org:lembaga-kajian-baru"
    assert {e.actor for e in result.entities} == {a.id for a in result.actors}


def test_every_referenced_actor_is_in_the_record():
    body = "Lavrov dan Menlu AS Antony Blinken bertemu di Jenewa."
    result = link_actors(article(body, [("Lavrov", "PER"), ("AS", "GPE"), ("Antony Blinken", "PER"),
                                        ("Jenewa", "GPE")]), OPTIONS)
    ids = {a.id for a in result.actors}
    assert {e.actor for e in result.entities if e.actor} <= ids
    assert linked(result)["Antony Blinken"] == "per:antony-blinken"
    assert linked(result)["Lavrov"] == "per:sergei-lavrov"  # no full name here: the dictionary's one Lavrov
