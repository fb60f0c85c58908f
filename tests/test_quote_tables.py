"""Validate the hand-annotated quote tables in tests/data/quotes (stdlib only)."""
import json
import re
from pathlib import Path

import pytest

QDIR = Path(__file__).parent / "data" / "quotes"
FILES = sorted(QDIR.glob("*.jsonl"))
KINDS = {"direct", "indirect", "partial"}
KEYS = {"quote", "kind", "speaker", "speaker_span", "cue"}


def _load(path):
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                rows.append((n, json.loads(line)))
    return rows


def test_files_present():
    names = {p.name for p in FILES}
    assert {"dev.id.jsonl", "dev.en.jsonl"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rows_valid(path):
    seen = set()
    for n, row in _load(path):
        where = f"{path.name}:{n}"
        assert {"source", "title", "text", "quotes"} <= set(row), where
        assert row["source"] not in seen, f"{where} duplicate source"
        seen.add(row["source"])
        text = row["text"]
        assert isinstance(text, str) and text, where
        m = re.fullmatch(r"detik-aspect-summarization-2025#(\d+)", row["source"])
        if m:
            assert int(m.group(1)) % 5 != 0, f"{where} uses a reserved detik id"
        last = -1
        for q in row["quotes"]:
            assert set(q) == KEYS, f"{where} {q}"
            assert q["kind"] in KINDS, f"{where} {q}"
            assert q["quote"] and q["quote"] in text, f"{where} quote not verbatim: {q['quote']!r}"
            if q["speaker_span"] is not None:
                assert q["speaker_span"] in text, f"{where} span not verbatim: {q['speaker_span']!r}"
            for k in ("speaker", "speaker_span", "cue"):
                assert q[k] is None or (isinstance(q[k], str) and q[k].strip()), f"{where} {k}"
            pos = text.find(q["quote"])
            assert pos >= last, f"{where} quotes out of text order at {q['quote'][:40]!r}"
            last = pos


def test_dev_test_disjoint():
    for lang in ("id", "en"):
        dev, test = QDIR / f"dev.{lang}.jsonl", QDIR / f"test.{lang}.jsonl"
        if not (dev.exists() and test.exists()):
            continue
        d = {r["source"] for _, r in _load(dev)}
        t = {r["source"] for _, r in _load(test)}
        assert not d & t, f"{lang}: dev/test overlap {sorted(d & t)}"
