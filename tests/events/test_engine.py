"""Events v2: the components one at a time, on short Indonesian stories written for the case."""

from __future__ import annotations

import pytest

from warta.config import Options
from warta.events.candidates import Candidate
from warta.events.merge import merge
from warta.events.references import references
from warta.pipeline import Pipeline

STORY = """KPK Tahan Dua Tersangka Korupsi Jalan

JEMBER - Kejaksaan Negeri (Kejari) Jember menetapkan kakek J sebagai tersangka. Kortas Tipikor Polri menangkap BP dan MRS di rumahnya, Senin (20/10/2025).

"Kami sudah memeriksa 12 saksi," kata Kasat Reskrim Polres Jember AKP Angga Pratama. Pihaknya juga menyita uang dari rumah BP.

Dua orang tersangka itu telah ditahan. Sejumlah warga menggelar unjuk rasa di depan kantor Kejari Jember.
"""


@pytest.fixture(scope="module")
def record():
    return Pipeline(options=Options(debug=True)).process(STORY, published="2025-10-21")


def _side(record, actor_id):
    return next((a for a in record.actors if a.id == actor_id), None)


def _events(record, kind):
    return [e for e in record.events if e.type == kind]


def test_v2_is_the_default_coder(record):
    assert record.stages[-1] == "events.v2"
    assert all(e.rule.startswith("id:") for e in record.events)


def test_initials_and_units_are_sides_with_parents(record):
    arrests = [e for e in _events(record, "COERCE") if e.trigger.text == "menangkap"]
    assert arrests
    arrest = arrests[0]
    unit = _side(record, arrest.actor)
    assert unit.name == "Kortas Tipikor Polri" and unit.parent == "org:polri" and unit.sector == "POL"
    person = _side(record, arrest.recipient)
    assert person.kind == "person" and person.name == "BP"
    assert person.id.startswith("per:bp-")  # scoped to this story


def test_a_suspect_named_by_initials_is_the_recipient_of_a_charge(record):
    charge = [e for e in _events(record, "ACCUSE") if e.trigger.text.startswith("menetapkan")]
    assert charge and _side(record, charge[0].actor).name.startswith("Kejaksaan Negeri")
    assert _side(record, charge[0].recipient).name == "J"


def test_kami_and_pihaknya_are_the_speakers_body(record):
    questioned = [e for e in _events(record, "ACCUSE") if e.trigger.text == "memeriksa"]
    assert questioned and questioned[0].actor == "org:polres-jember"
    witnesses = _side(record, questioned[0].recipient)
    assert witnesses.kind == "group" and witnesses.sector == "CVL" and witnesses.country == "IDN"
    seized = [e for e in _events(record, "COERCE") if e.trigger.text == "menyita"]
    assert seized and seized[0].actor == "org:polres-jember"


def test_a_passive_without_agent_takes_the_authority_and_the_named_suspects(record):
    held = [e for e in _events(record, "COERCE") if e.trigger.text == "ditahan"]
    assert held
    assert _side(record, held[0].actor).sector in ("POL", "JUD")
    assert _side(record, held[0].recipient).kind == "person"


def test_an_unnamed_group_protests(record):
    demo = _events(record, "PROTEST")
    assert demo
    group = _side(record, demo[0].actor)
    assert group.kind == "group" and group.sector == "CVL" and group.country == "IDN" and "warga" in group.aliases[0]


def test_every_side_is_in_the_records_actors(record):
    ids = {a.id for a in record.actors}
    for e in record.events:
        assert e.actor in ids and (e.recipient is None or e.recipient in ids)
    for actor in record.actors:
        assert actor.parent is None or actor.parent in ids


def test_references_resolve_pronouns_and_officials():
    text = ("Eks Dirjen Kemenkeu Didakwa Rugikan Negara\n\nDirektur Jenderal Kementerian Keuangan (Kemenkeu) "
            "Sri Mulyani hadir di pengadilan. Dia membantah semua tuduhan.\n")
    article = Pipeline(["extract", "language", "sentences", "times", "entities", "actors", "quotes"]).process(text)
    refs = references(article)
    title = refs.view.field("title")
    official = next(m for m in refs.mentions["title"] if m.kind == "official")
    assert title.text[title.tokens[official.first].start:title.tokens[official.last].end] == "Eks Dirjen Kemenkeu"
    assert official.actor == "per:sri-mulyani-indrawati"
    body = refs.view.field("body")
    dia = next(m for m in refs.mentions["body"] if body.tokens[m.first].word == "dia")
    assert dia.actor == "per:sri-mulyani-indrawati"


def test_the_merge_policy_keeps_primary_candidates_and_resolves_overlaps():
    def cand(first, last, kind, score, primary=True, source="patterns"):
        return Candidate("body", 0, first, last, None, kind, None, (), "active", False, False, None, score, source,
                         f"id:{kind.lower()}@1", primary)

    primary, fallback = cand(2, 3, "COERCE", 1.0), cand(6, 6, "ASSAULT", 0.6, primary=False)
    assert merge([primary, fallback], "primary") == [primary]
    assert merge([primary, fallback], "union") == [primary, fallback]
    overlapping = cand(3, 4, "ACCUSE", 0.5)
    assert merge([primary, overlapping], "union") == [primary]
    model = cand(8, 8, "REQUEST", 0.9, source="model")
    assert merge([fallback, model], "best") == [model]
    with pytest.raises(Exception, match="event_merge"):
        merge([primary], "vote")
