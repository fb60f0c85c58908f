"""Language resources are valid data: every file parses, every pattern compiles, same names per language."""

from __future__ import annotations

import re

import pytest

from warta.errors import ResourceError
from warta.resources import LANGUAGES, available, load

REGEX_FILES = ("chrome_lines.txt", "caption_credits.txt", "byline_lines.txt")


def test_every_language_ships_the_same_file_names():
    names = {lang: set(available(lang)) for lang in LANGUAGES}
    assert names["id"] == names["en"], names


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", REGEX_FILES)
def test_pattern_files_compile(lang, name):
    patterns = load(lang, name)
    assert patterns
    for pattern in patterns:
        compiled = re.compile(pattern, re.IGNORECASE)
        if name == "caption_credits.txt":
            assert "credit" in compiled.groupindex, pattern
        assert not compiled.fullmatch(""), f"{lang}/{name}: {pattern!r} matches the empty line"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_abbreviations_end_with_a_dot(lang):
    for abbreviation in load(lang, "abbreviations.txt"):
        assert abbreviation.endswith("."), abbreviation


def test_outlets_table_schema():
    rows = load("common", "outlets.tsv")
    assert rows and all(set(row) == {"alias", "outlet"} and row["alias"] and row["outlet"] for row in rows)
    aliases = [row["alias"].casefold() for row in rows]
    assert len(aliases) == len(set(aliases)), "duplicate alias"


def test_unknown_resource_raises():
    with pytest.raises(ResourceError, match="no resource"):
        load("id", "nonexistent.txt")
    with pytest.raises(ResourceError):
        load("xx", "chrome_lines.txt")


def test_library_prints_nothing(capsys, seed_text):
    import warta

    warta.process(seed_text)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_months_table_covers_the_year(lang):
    rows = load(lang, "months.tsv")
    assert all(set(row) == {"name", "month", "abbr"} and row["abbr"] in {"yes", "no"} for row in rows)
    assert {int(row["month"]) for row in rows} == set(range(1, 13))
    assert {int(row["month"]) for row in rows if row["abbr"] == "no"} == set(range(1, 13))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_weekdays_table_covers_the_week(lang):
    rows = load(lang, "weekdays.tsv")
    assert all(set(row) == {"name", "weekday", "case", "alone"} for row in rows)
    assert all(row["case"] in {"any", "title"} and row["alone"] in {"yes", "no"} for row in rows)
    assert {int(row["weekday"]) for row in rows if row["alone"] == "yes"} == set(range(7))
    assert all(row["name"] == row["name"].lower() for row in rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_time_words_share_one_schema(lang):
    """Every language file has the same keys, so the grammar never meets a missing one."""
    words = load(lang, "time_words.yaml")
    assert set(words) == set(load("id", "time_words.yaml"))
    units = {"day", "week", "month", "year"}
    assert set(words["units"].values()) == units
    assert set((words["single_units"] or {}).values()) <= units
    for entry in words["fixed"].values():
        assert entry is None or (entry[0] in units and isinstance(entry[1], int))
    for table in ("after_unit", "before_unit", "after_weekday", "before_weekday"):
        assert all(value in {-1, 0, 1} for value in (words[table] or {}).values())
    for name in ("not_date_before", "not_year_after", "past_markers", "future_markers", "month_alone_after"):
        assert all(isinstance(w, str) and w for w in words[name]), name  # YAML would read `no` as False


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["boilerplate_classes.txt", "credit_labels.txt"])
def test_word_lists_are_plain_lowercase_phrases(lang, name):
    words = load(lang, name)
    assert words and len(words) == len(set(words))
    assert all(w == w.lower() and re.fullmatch(r"[a-z][a-z -]*", w) for w in words), words


def test_news_agencies_are_plain_names():
    agencies = load("common", "news_agencies.txt")
    assert "REUTERS" in agencies and all(re.fullmatch(r"[A-Za-z][A-Za-z -]*", a) for a in agencies)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["entity_words.yaml", "titles.yaml"])
def test_entity_word_files_share_one_schema(lang, name):
    """Same keys in every language; every value a list of non-empty strings (YAML reads `no` as False)."""
    words = load(lang, name)
    assert set(words) == set(load("id", name))
    lists = [v for k, v in words.items() if k != "offices"] + list((words.get("offices") or {}).values())
    for values in lists:
        assert isinstance(values, list) and all(isinstance(w, str) and w.strip() for w in values)
