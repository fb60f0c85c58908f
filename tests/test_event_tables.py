"""The annotated event tables are well formed (format in tests/data/events/GUIDELINES.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.events.lexicon import plover_types

TABLES = Path(__file__).parent / "data" / "events"
STATUSES = {"asserted", "negated", "future", "hypothetical", "historical"}


def _rows(name):
    path = TABLES / name
    if not path.exists():
        pytest.skip(f"no table {name}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.mark.parametrize("name, articles", [("dev.id.jsonl", 40), ("test.id.jsonl", 20)])
def test_tables_are_well_formed(name, articles):
    rows = _rows(name)
    assert len(rows) >= articles
    ids = [int(r["source"].split("#")[1]) for r in rows]
    assert all(i % 5 for i in ids), "ids divisible by 5 are reserved for evaluation"
    assert len(set(ids)) == len(ids)
    types = plover_types()
    total = 0
    for row in rows:
        for event in row["events"]:
            total += 1
            field = row["title"] if event.get("field") == "title" else row["text"]
            assert field.count(event["sentence"]) == 1, (row["source"], event["sentence"])
            assert event["trigger"] in event["sentence"], (row["source"], event["trigger"])
            assert event["type"] in types, event
            assert event["mode"] is None or event["mode"] in types[event["type"]].modes, event
            assert event["status"] in STATUSES, event
            assert event.get("actor") or event.get("recipient"), event
    assert total >= 150


def test_dev_and_test_hold_different_articles():
    dev = {r["source"] for r in _rows("dev.id.jsonl")}
    test = {r["source"] for r in _rows("test.id.jsonl")}
    assert not dev & test
