"""Golden test on the page dump that defines the job (../shared/examples)."""

from __future__ import annotations

import pytest

import warta
from warta.pipeline import check_article


@pytest.fixture(scope="module")
def seed_record(seed_text):
    return warta.process(seed_text, options=warta.Options(debug=True))


def test_title(seed_record):
    assert seed_record.title == "Rusia dan AS Lanjutkan Dialog Konflik Ukraina Pasca Pertemuan di Jenewa"


def test_boilerplate_holds_site_chrome(seed_record):
    for line in ("Beritabaru.co Dapatkan aplikasi di Play Store", "Berita", "Network", "Partner"):
        assert line in seed_record.boilerplate
    assert "Beritabaru.co" not in seed_record.body


def test_caption_kept_once_with_credit(seed_record):
    assert len(seed_record.captions) == 1
    caption = seed_record.captions[0]
    assert caption.credit == "Reuters"
    assert caption.text.startswith("Seorang penduduk setempat berjalan dengan sepedanya")
    assert caption.text.endswith("20 Januari 2022.")
    assert "Seorang penduduk setempat" not in seed_record.body


def test_outlet_and_dateline(seed_record):
    assert seed_record.outlet == "Berita Baru"
    assert seed_record.dateline.place == "Moskow"


def test_body_paragraphs(seed_record):
    paragraphs = seed_record.body.split("\n\n")
    assert len(paragraphs) == 14
    assert paragraphs[0].startswith("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan")
    assert paragraphs[-1].endswith("jika tuntutan keamanannya tidak dipenuhi.")
    assert all(p.strip() == p and p for p in paragraphs)


def test_language_and_id(seed_record):
    assert seed_record.language == "id"
    assert len(seed_record.id) == 24 and int(seed_record.id, 16) >= 0


def test_every_sentence_span_is_valid(seed_record):
    # 1 title + 15 body (the Blinken quote holds two sentences) + 1 caption
    assert len(seed_record.sentences) == 17
    fields = {s.field for s in seed_record.sentences}
    assert fields == {"title", "body", "caption:0"}
    check_article(seed_record)
    for sentence in seed_record.sentences:
        text = seed_record.text_of(sentence.field)[sentence.start : sentence.end]
        assert text and text == text.strip()


def test_same_text_same_id(seed_text, seed_record):
    again = warta.process(seed_text.encode("utf-8"))
    assert again.id == seed_record.id
    assert again.to_dict() | {"source": None} == seed_record.to_dict() | {"source": None}


def _linked(record, text):
    return {e.actor for e in record.entities if e.span.text == text}


def test_seed_people_link_to_one_actor_each(seed_record):
    actors = {a.id: a for a in seed_record.actors}
    names = {actors[e.actor].name for e in seed_record.entities if e.type == "PER" and e.actor}
    assert {"Sergei Lavrov", "Antony Blinken", "Vladimir Putin", "Joe Biden"} <= names
    assert _linked(seed_record, "Lavrov") == _linked(seed_record, "Sergei Lavrov") == {"per:sergei-lavrov"}
    assert _linked(seed_record, "Biden") == _linked(seed_record, "Joe Biden") == {"per:joe-biden"}
    assert _linked(seed_record, "Blinken") == {"per:antony-blinken"}
    lavrov = actors["per:sergei-lavrov"]
    assert (lavrov.kind, lavrov.sector, lavrov.country) == ("person", "GOV", "RUS")


def test_seed_states_organisations_and_places(seed_record):
    by_text = {(e.span.text, e.type, e.actor) for e in seed_record.entities}
    for text, actor in (("AS", "USA"), ("Rusia", "RUS"), ("Ukraina", "UKR"), ("Belarus", "BLR")):
        assert (text, "GPE", actor) in by_text
    for text, actor in (("NATO", "org:nato"), ("Reuters", "org:reuters")):
        assert (text, "ORG", actor) in by_text
    actors = {a.id: a for a in seed_record.actors}
    for place, country in (("Jenewa", "CHE"), ("Horlivka", "UKR"), ("Donetsk", "UKR")):
        (actor,) = _linked(seed_record, place)
        assert actors[actor].kind == "place" and actors[actor].country == country, place
    krimea = [e for e in seed_record.entities if "Krimea" in e.span.text]
    assert krimea and all(e.type in ("GPE", "LOC") and e.actor for e in krimea)
    assert seed_record.dateline.place_id == "geo:524901"  # Moskow


def test_seed_entities_point_into_their_text(seed_record):
    assert seed_record.entities
    for entity in seed_record.entities:
        assert seed_record.text_of(entity.span.field)[entity.span.start:entity.span.end] == entity.span.text
    referenced = {e.actor for e in seed_record.entities if e.actor}
    referenced |= {side for e in seed_record.events for side in (e.actor, e.recipient) if side}
    referenced |= {a.parent for a in seed_record.actors if a.parent}
    assert referenced == {a.id for a in seed_record.actors}  # every actor the record names, and no other


def _quotes_of(record, actor):
    return [q for q in record.quotes if q.speaker == actor]


def test_seed_quotes_and_speakers(seed_record):
    blinken = _quotes_of(seed_record, "per:antony-blinken")
    assert any(q.kind == "direct" and q.span.text.startswith("Tetapi saya berharap") and q.cue == "kata"
               for q in blinken)
    lavrov = _quotes_of(seed_record, "per:sergei-lavrov")
    assert len(lavrov) >= 3
    assert any(q.span.text.startswith("Rusia tidak memiliki rencana") for q in lavrov)
    assert any("membayar mahal" in q.span.text for q in _quotes_of(seed_record, "per:joe-biden"))
    denial = [q for q in _quotes_of(seed_record, "RUS") if q.cue == "membantah"]
    assert denial and denial[0].span.text.startswith("merencanakan serangan")
    for quote in seed_record.quotes:
        assert seed_record.text_of(quote.span.field)[quote.span.start:quote.span.end] == quote.span.text
        if quote.speaker_span:
            span = quote.speaker_span
            assert seed_record.text_of(span.field)[span.start:span.end] == span.text


def _events(record, kind, status=None):
    return [e for e in record.events if e.type == kind and (status is None or e.status == status)]


def test_seed_meeting_in_geneva(seed_record):
    consult = [e for e in _events(seed_record, "CONSULT", "asserted")
               if {e.actor, e.recipient} == {"per:sergei-lavrov", "per:antony-blinken"}]
    assert consult
    dated = [e for e in consult if e.date == "2022-01-21"]
    assert dated
    location = dated[0].location
    assert location.name == "Jenewa" and location.country == "CHE" and location.precision == "city"
    assert abs(location.lat - 46.2) < 0.1 and abs(location.lon - 6.15) < 0.1
    actors = {a.id: a for a in seed_record.actors}
    assert actors["per:sergei-lavrov"].country == "RUS" and actors["per:antony-blinken"].country == "USA"
    assert dated[0].rule.startswith("id:consult.") and dated[0].trigger.text.startswith("bertemu")


def test_seed_agreement_mobilisation_demand_rejection_threat(seed_record):
    assert any({e.actor, e.recipient} == {"per:sergei-lavrov", "per:antony-blinken"}
               for e in _events(seed_record, "AGREE", "asserted"))
    mobilize = _events(seed_record, "MOBILIZE", "asserted")
    assert any(e.actor == "RUS" and e.location and e.location.country == "UKR" for e in mobilize)
    assert any(e.actor == "RUS" and e.recipient == "org:nato" for e in _events(seed_record, "REQUEST", "asserted"))
    assert any(e.actor == "org:nato" for e in _events(seed_record, "REJECT", "asserted"))
    assert any(e.actor == "per:joe-biden" and e.recipient == "RUS" for e in _events(seed_record, "THREATEN", "asserted"))


def test_seed_has_no_asserted_attack(seed_record):
    assaults = _events(seed_record, "ASSAULT")
    assert not [e for e in assaults if e.status == "asserted"]
    statuses = {e.trigger.text: e.status for e in assaults}
    assert statuses.get("menyerang") == "negated"
    assert statuses.get("melakukan serangan") == "hypothetical"
    historical = [e for e in assaults if e.status == "historical"]
    assert historical and historical[0].date == "2014" and historical[0].location.name == "Krimea"


def test_seed_events_point_into_their_text(seed_record):
    assert seed_record.events
    for event in seed_record.events:
        span = event.trigger
        assert seed_record.text_of(span.field)[span.start:span.end] == span.text
        assert event.sentence.start <= span.start and span.end <= event.sentence.end
        assert event.quad and -10 <= event.intensity <= 10 and 0 < event.confidence <= 1
        assert event.rule.split(":")[0] == "id"
