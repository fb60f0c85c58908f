"""The event scorer: the three levels, how sides match, repeats, agreement."""

from __future__ import annotations

import pytest

from warta.events.score import actor_matches, names_agree, score_article, sides_agree
from warta.model import Actor, Article, Event, Sentence, Source, Span

BODY = "KPK menangkap BP di Jakarta. Polisi menahan dua pencuri. KPK kembali menangkap BP."
POLRI = Actor("org:polri", "Kepolisian Negara Republik Indonesia", "organization", "IDN", "POL", aliases=("Polri",))
UNIT = Actor("org:polres-jember", "Polres Jember", "organization", "IDN", "POL", parent="org:polri")
KPK = Actor("org:kpk", "Komisi Pemberantasan Korupsi", "organization", "IDN", "JUD", aliases=("KPK",))
BP = Actor("per:bp-abc123", "BP", "person", "IDN")
THIEVES = Actor("grp:idn-crm-pencuri", "pencuri", "group", "IDN", "CRM")
ACTORS = {a.id: a for a in (POLRI, UNIT, KPK, BP, THIEVES)}


def _side(name, kind="organization", **extra):
    return {"name": name, "kind": kind, **extra}


def test_names_agree_by_containment_and_initials():
    assert names_agree("Asep", "Asep Guntur Rahayu") and names_agree("Siman Bahar", "SB")
    assert not names_agree("Polres Jember", "Kejari Jember")


def test_a_side_matches_at_either_level_of_a_unit():
    assert actor_matches(_side("Polres Jember", parent="Kepolisian Negara Republik Indonesia"), POLRI, ACTORS)
    assert actor_matches(_side("Kepolisian Negara Republik Indonesia"), UNIT, ACTORS)  # the unit's parent
    assert not actor_matches(_side("Kejaksaan Negeri Jember"), UNIT, ACTORS)


def test_an_unnamed_group_matches_by_country_and_sector():
    gold = _side("dua pencuri", kind="group", country="IDN", sector="CRM")
    assert actor_matches(gold, THIEVES, ACTORS)
    assert actor_matches({**gold, "sector": "CVL"}, THIEVES, ACTORS)  # the same description
    assert not actor_matches({**gold, "name": "warga", "sector": "CVL"}, THIEVES, ACTORS)
    assert actor_matches(None, None, ACTORS) and not actor_matches(None, THIEVES, ACTORS)


def _event(kind, start, end, trigger, actor, recipient, status="asserted"):
    return Event(type=kind, actor=actor, recipient=recipient, status=status, sentence=Sentence("body", start, end),
                 trigger=Span("body", BODY.index(trigger, start), BODY.index(trigger, start) + len(trigger), trigger),
                 rule="id:test@1")


@pytest.fixture
def article():
    sentences = (Sentence("body", 0, 28), Sentence("body", 29, 56), Sentence("body", 57, len(BODY)))
    return Article(source=Source(format="text"), body=BODY, sentences=sentences, actors=tuple(ACTORS.values()))


GOLD = [
    {"sentence": "KPK menangkap BP", "trigger": "menangkap", "type": "COERCE", "mode": "arrest",
     "actor": _side("Komisi Pemberantasan Korupsi", text="KPK"), "recipient": _side("BP", kind="person"),
     "status": "asserted"},
    {"sentence": "Polisi menahan dua pencuri", "trigger": "menahan", "type": "COERCE",
     "actor": _side("Polres Jember", parent="Kepolisian Negara Republik Indonesia"),
     "recipient": _side("dua pencuri", kind="group", country="IDN", sector="CRM"), "status": "asserted"},
]


def test_three_levels_and_status(article):
    predicted = (
        _event("COERCE", 0, 28, "menangkap", "org:kpk", "per:bp-abc123"),  # right
        _event("COERCE", 29, 56, "menahan", "org:polri", None, status="future"),  # right type and actor only
        _event("ASSAULT", 0, 28, "menangkap", "org:kpk", None),  # a false event
    )
    tally = score_article(article.evolve(events=predicted), GOLD, "test")
    scores = tally.scores()
    assert (tally.matched["type"], tally.matched["actor"], tally.matched["event"]) == (2, 2, 1)
    assert scores["type"]["precision"] == round(2 / 3, 3) and scores["event"]["recall"] == 0.5
    assert scores["status_accuracy"] == 0.5
    assert any(e.startswith("false") for e in tally.errors)


def test_a_repeat_of_a_gold_event_in_a_later_sentence_is_not_counted(article):
    predicted = (_event("COERCE", 0, 28, "menangkap", "org:kpk", "per:bp-abc123"),
                 _event("COERCE", 57, len(BODY), "menangkap", "org:kpk", "per:bp-abc123"))  # the repeat
    scores = score_article(article.evolve(events=predicted), GOLD[:1], "test").scores()
    assert scores["event"]["precision"] == 1.0 and scores["repeats"] == 1


def test_annotators_agree_on_sides():
    assert sides_agree(_side("KPK"), _side("Komisi Pemberantasan Korupsi (KPK)"))
    assert sides_agree(_side("dua pencuri", kind="group", country="IDN", sector="CRM"),
                       _side("pencuri", kind="group", country="IDN", sector="CRM"))
    assert not sides_agree(_side("Polres Jember"), _side("Kejari Jember"))
