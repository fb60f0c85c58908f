"""The hand-annotated English NER tables (tests/ner_en): sound data, split by article.

Only the shape of the data is checked here (see tests/ner_en/GUIDELINES.md for the
annotation rules); scoring a recogniser against the tables is left to whoever uses them.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

TABLES = Path(__file__).parent / "ner_en"
SPLITS = ("dev", "test")
TYPES = {"PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
DATASETS = {
    "htmldate-mediacloud-2020",
    "scrapinghub-article-extraction-benchmark",
    "trafilatura-eval",
}


def _rows(split: str) -> list[dict]:
    path = TABLES / f"{split}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number}: blank line"
        rows.append(json.loads(line))
    return rows


@pytest.mark.parametrize("split", SPLITS)
def test_rows_are_well_formed(split):
    rows = _rows(split)
    assert 140 <= len(rows) <= 180
    assert len({row["text"] for row in rows}) == len(rows), "duplicate sentence"
    for row in rows:
        assert set(row) == {"source", "text", "entities"}, row
        dataset, _, name = row["source"].partition("/")
        assert dataset in DATASETS and name, row["source"]
        text = row["text"]
        assert text == text.strip() and "\n" not in text, text
        for entity in row["entities"]:
            assert set(entity) == {"start", "end", "text", "type"}, entity
            assert entity["type"] in TYPES, entity
            assert 0 <= entity["start"] < entity["end"] <= len(text), entity
            assert text[entity["start"] : entity["end"]] == entity["text"], (text, entity)
            assert entity["text"] == entity["text"].strip(), entity
            assert not entity["text"].lower().startswith("the "), entity


@pytest.mark.parametrize("split", SPLITS)
def test_entities_are_sorted_and_do_not_overlap(split):
    for row in _rows(split):
        spans = [(e["start"], e["end"]) for e in row["entities"]]
        assert spans == sorted(spans), row["text"]
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, row["text"]


@pytest.mark.parametrize("split", SPLITS)
def test_each_article_gives_four_to_six_sentences(split):
    per_article = Counter(row["source"] for row in _rows(split))
    assert len(per_article) >= 25
    assert all(4 <= n <= 6 for n in per_article.values()), per_article


def test_dev_and_test_share_no_article():
    dev = {row["source"] for row in _rows("dev")}
    test = {row["source"] for row in _rows("test")}
    assert not dev & test


def test_every_type_is_used():
    used = Counter(e["type"] for split in SPLITS for r in _rows(split) for e in r["entities"])
    assert set(used) == TYPES, used
