"""The annotated time-expression tables (tests/timex): sound data, and a floor Warta must hold.

The ``test`` tables are for reporting only: rules were developed on ``dev``. The floors
below sit just under the scores measured when the tables were made (see README,
"Time expressions"); raising them is fine, lowering them needs a reason in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.dates.score import load_table, score, warta_predictor

TABLES = Path(__file__).parent / "timex"
SOURCES = ("detik", "anpandu", "mediacloud")
GRANULARITIES = {"day", "week", "month", "year"}
TEST_F1_FLOOR = 0.95
TEST_VALUE_ACCURACY_FLOOR = 0.945
DEV_F1_FLOOR = 0.98
DEV_VALUE_ACCURACY_FLOOR = 0.975


def _rows(split: str) -> list[dict]:
    return load_table(sorted(TABLES.glob(f"{split}.*.jsonl")))


@pytest.mark.parametrize("split", ["dev", "test"])
def test_rows_are_well_formed(split):
    rows = _rows(split)
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"id", "source", "doc", "lang", "anchor", "text", "times"}, row["id"]
        assert row["lang"] in {"id", "en"}
        starts = [t["start"] for t in row["times"]]
        assert starts == sorted(starts), row["id"]
        for time in row["times"]:
            assert row["text"][time["start"] : time["end"]] == time["text"], row["id"]
            assert time["granularity"] in GRANULARITIES, row["id"]
            value = time["value"]
            if value is not None:
                width = {"day": 10, "week": 10, "month": 7, "year": 4}[time["granularity"]]
                assert len(value) == width, (row["id"], value)


def test_test_tables_hold_enough_real_expressions():
    rows = _rows("test")
    assert sum(len(row["times"]) for row in rows) >= 200
    assert {row["source"] for row in rows} >= {
        "detik-aspect-summarization-2025", "anpandu-indonesian-news-pages", "htmldate-mediacloud-2020"}


def test_evaluation_articles_are_not_used():
    """detik ids divisible by 5 are reserved for evaluation."""
    for split in ("dev", "test"):
        for row in _rows(split):
            if row["source"] == "detik-aspect-summarization-2025":
                assert int(row["doc"]) % 5 != 0, row["id"]


@pytest.mark.parametrize("source", SOURCES)
def test_dev_and_test_come_from_different_articles(source):
    dev = {row["doc"] for row in load_table([TABLES / f"dev.{source}.jsonl"])}
    test = {row["doc"] for row in load_table([TABLES / f"test.{source}.jsonl"])}
    assert dev and test and not dev & test


@pytest.mark.parametrize(("split", "f1_floor", "value_floor"), [
    ("dev", DEV_F1_FLOOR, DEV_VALUE_ACCURACY_FLOOR),
    ("test", TEST_F1_FLOOR, TEST_VALUE_ACCURACY_FLOOR),
])
def test_warta_holds_its_floor(split, f1_floor, value_floor):
    result = score(_rows(split), warta_predictor())
    report = json.dumps(result.summary())
    assert result.f1 >= f1_floor, report
    assert result.value_accuracy >= value_floor, report
