"""The annotated event corpus (tests/data/events): valid, as large as promised, its splits apart.

The articles' texts are read from ../shared/data (present in CI too); without it the corpus
cannot be checked and these tests skip.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warta.events.gold import SPLITS, load_split, read_rows, validate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "events" / "corpus"
DATA = ROOT.parent / "shared" / "data"

pytestmark = pytest.mark.skipif(not (DATA / "detik-aspect-summarization-2025").exists(),
                                reason="the shared data folder is not here")


def _manifest() -> list[dict]:
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_the_corpus_passes_its_validator():
    assert validate(CORPUS, DATA) == []


def test_every_article_of_the_manifest_is_annotated_in_its_split():
    manifest = _manifest()
    rows = {s: {r.source for r in load_split(CORPUS, s)} for s in SPLITS}
    for entry in manifest:
        assert entry["source"] in rows[entry["split"]], entry
    assert sum(len(v) for v in rows.values()) == len(manifest) >= 400
    assert len(rows["test"]) >= 100


def test_the_doubly_annotated_articles_are_the_manifests_second_passes():
    second = {r["source"] for r in read_rows(CORPUS / "agreement" / "test.id.jsonl")}
    wanted = {e["source"] for e in _manifest() if e["passes"] == "a,b"}
    assert second == wanted and len(second) >= 40
    first = {r.source: r.annotator for r in load_split(CORPUS, "test") if r.source in second}
    others = {r["source"]: r["annotator"] for r in read_rows(CORPUS / "agreement" / "test.id.jsonl")}
    assert all(first[s] != others[s] for s in second)  # two annotators, not one twice


def test_every_split_holds_every_topic():
    topics = {}
    for entry in _manifest():
        topics.setdefault(entry["split"], set()).add(entry["topic"])
    assert topics["train"] == topics["dev"] == topics["test"] and len(topics["test"]) == 6


def test_the_validator_catches_what_it_promises(tmp_path):
    import json
    import shutil

    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    rows = read_rows(folder / "dev.id.jsonl")
    event = next(e for r in rows for e in r["events"])
    event["sentence"] = event["sentence"] + " (not in the text)"
    event["type"] = "ATTACK"
    rows.append(rows[0])  # the same article twice
    (folder / "dev.id.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                         encoding="utf-8")
    problems = "\n".join(validate(folder, DATA))
    assert "found 0 times" in problems and "unknown type 'ATTACK'" in problems and "is in dev and dev" in problems
