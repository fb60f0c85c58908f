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
    assert items[-1].rule.startswith("id:x.meet@1.")


def test_a_rule_changes_when_its_words_change(monkeypatch):
    rule = _load_patterns(monkeypatch, [GOOD])[-1].rule
    assert _load_patterns(monkeypatch, [GOOD])[-1].rule == rule  # stable across loads
    changed = _load_patterns(monkeypatch, [{**GOOD, "verbs": ["bertemu dengan", "menemui"]}])[-1].rule
    assert changed != rule and changed.startswith("id:x.meet@1.")
    retyped = _load_patterns(monkeypatch, [{**GOOD, "reciprocal": True}])[-1].rule
    assert retyped != rule


def test_roots_inflect_into_every_voice():
    from warta.events.lexicon import root_forms

    forms = {phrase: voice for voice, phrase in root_forms("geledah", "id")}
    assert forms == {"menggeledah": "verbs", "digeledah": "passives", "geledah": "verbs", "penggeledahan": "nouns"}
    assert [p for _, p in root_forms("periksa", "id")] == ["memeriksa", "diperiksa", "periksa", "pemeriksaan"]
    assert next(p for _, p in root_forms("sita", "id")) == "menyita"
    assert next(p for _, p in root_forms("kritik", "id")) == "mengkritik"  # k stays before a consonant
    assert [p for _, p in root_forms("tetap+kan … sebagai tersangka", "id")] == [
        "menetapkan … sebagai tersangka", "ditetapkan … sebagai tersangka", "tetapkan … sebagai tersangka"]
    assert [p for _, p in root_forms("adil+i:apb", "id")] == ["mengadili", "diadili", "adili"]  # no "pengadilan"


def test_a_users_pattern_file_adds_patterns(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("language: id\npatterns:\n  - {id: my.raid, version: 1, type: COERCE, mode: seize, "
                    "roots: [obrak-abrik]}\n", encoding="utf-8")
    lex = lexicon("id", ("event_patterns.yaml", str(mine)))
    assert any(t.pattern.id == "my.raid" for t in lex.triggers["mengobrak-abrik"])
    assert "my.raid" not in {p.id for p in lexicon("en", ("event_patterns.yaml", str(mine))).patterns}


def test_a_users_pattern_file_must_say_its_language(tmp_path):
    from warta.errors import ConfigError

    mine = tmp_path / "mine.yaml"
    mine.write_text("patterns: []\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="language"):
        lexicon("id", ("event_patterns.yaml", str(mine)))
    with pytest.raises(ConfigError, match="does not exist"):
        lexicon("id", ("event_patterns.yaml", str(tmp_path / "missing.yaml")))


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


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reference_and_agent_files_share_one_schema(lang):
    from warta.actors.dictionary import SECTORS, load_dictionary
    from warta.resources import load

    assert set(load(lang, "references.yaml")) == set(load("id", "references.yaml"))
    assert set(load(lang, "morphology.yaml")) == set(load("id", "morphology.yaml"))
    for name in ("references.yaml",):
        for key, value in load(lang, name).items():
            if isinstance(value, list):
                assert all(isinstance(w, str) and w.strip() for w in value), (lang, key)  # YAML reads `no` as False
    rows = load(lang, "agents.tsv")
    assert rows and all(r["sector"] in SECTORS and r["refers"] in
                        ("", "suspect", "authority", "police", "prosecutor", "court") for r in rows)
    assert len({r["phrase"] for r in rows}) == len(rows)
    actors = load_dictionary().actors
    units = load(lang, "units.yaml")
    for head, row in (units["heads"] or {}).items():
        assert row["parent"] is None or row["parent"] in actors, head
        assert row["sector"] in SECTORS, head
    assert all(t in actors for t in units["tails"])
    for role in load(lang, "references.yaml")["authority_roles"].values():
        assert role["default"] is None or role["default"] in actors
