"""Event pattern files: validated on load, expanded as documented, PLOVER tables sane."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.events import lexicon as lexicon_module
from warta.events.lexicon import GAP, lexicon, plover_types, words_of


def _load_patterns(monkeypatch, patterns):
    plover_types()  # the real PLOVER table, read before the pattern file is replaced
    monkeypatch.setattr(lexicon_module, "load", lambda lang, name: {"patterns": patterns})
    return lexicon_module._patterns("id", "event_patterns.yaml", True)


GOOD = {"id": "x.meet", "version": 1, "type": "CONSULT", "mode": "meet", "verbs": ["bertemu dengan"]}


def test_a_good_pattern_loads(monkeypatch):
    items = _load_patterns(monkeypatch, [GOOD])
    triggers = [i for i in items if isinstance(i, tuple)]
    assert triggers == [(items[-1], "active", "bertemu dengan")]
    assert items[-1].rule == "id:x.meet@1"


@pytest.mark.parametrize("broken, message", [
    ({**GOOD, "type": "ATTACK"}, "unknown PLOVER type"),
    ({**GOOD, "mode": "firearms"}, "has no mode 'firearms'"),
    ({**GOOD, "version": 0}, "version must be a positive integer"),
    ({k: v for k, v in GOOD.items() if k != "verbs"}, "no trigger phrases"),
    ({**GOOD, "verbs": ["… bertemu"]}, "bad phrase"),
    ({**GOOD, "answers": "NOPE"}, "answers an unknown type"),
    ({**GOOD, "object": "after"}, "unknown keys"),
])
def test_broken_patterns_name_the_file_and_pattern(monkeypatch, broken, message):
    with pytest.raises(ResourceError, match=message) as info:
        _load_patterns(monkeypatch, [broken])
    assert "id/event_patterns.yaml" in str(info.value)


def test_repeated_ids_are_refused(monkeypatch):
    with pytest.raises(ResourceError, match="repeated id"):
        _load_patterns(monkeypatch, [GOOD, GOOD])


def test_gap_and_english_inflections():
    assert words_of("menetapkan … sebagai tersangka") == ("menetapkan", GAP, "sebagai", "tersangka")
    english = lexicon("en")
    assert any(t.pattern.type == "COERCE" for t in english.triggers["arrested"])
    assert any(t.pattern.type == "COERCE" for t in english.triggers["arresting"])
    indonesian = lexicon("id")
    assert any(t.words == ("menetapkan", GAP, "sebagai", "tersangka") for t in indonesian.triggers["menetapkan"])


def test_shipped_files_load_and_every_type_has_patterns():
    for lang in ("id", "en"):
        assert {p.type for p in lexicon(lang).patterns} == set(plover_types()), lang


def test_plover_table_quads_and_intensities():
    types = plover_types()
    assert len(types) == 16
    assert types["CONSULT"].quad == "verbal_cooperation" and types["CONSULT"].intensity > 0
    assert types["ASSAULT"].quad == "material_conflict" and types["ASSAULT"].intensity < -9
    assert types["THREATEN"].quad == "verbal_conflict"
    assert "meet" in types["CONSULT"].modes and "arrest" in types["COERCE"].modes
