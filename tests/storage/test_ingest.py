"""Ingesting through every backend: the same WARC twice leaves the same rows; a truncated one
stores every good record and one failure."""

from __future__ import annotations

from tests.readers.test_warc import pages, write_warc

import warta
from warta.batch import process_inputs


def test_same_warc_twice_leaves_the_same_rows(store, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages())
    pipeline = warta.Pipeline()
    process_inputs([str(path)], pipeline, store)
    first = store.counts()
    summary = process_inputs([str(path)], pipeline, store)
    assert store.counts() == first and first["articles"] == 3 and summary.added == 0
    assert first["stories"] == 1 and first["failures"] == 0  # the three pages differ by one sentence: one story


def test_truncated_warc_keeps_good_records_and_one_failure(store, tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, pages()[:3], gzip=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    process_inputs([str(path)], warta.Pipeline(), store)
    counts = store.counts()
    assert counts["articles"] == 2 and counts["failures"] == 1
    failure = store.failures()[0]
    assert failure.code == "input.truncated" and failure.source.endswith(":3")


def test_jsonl_escapes_utf8_cannot_carry_are_repaired_and_stored(store, tmp_path):
    # JSON lets a record carry a lone surrogate, NUL and ESC; UTF-8, PostgreSQL text and a
    # terminal cannot. Found by the fuzzing run (make fuzz), which crashed on the surrogate.
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"title": "Lavrov \\ud83d menolak", "text": "Menlu Rusia Sergey Lavrov \\u0000menolak tuntutan itu '
        'di Jenewa.\\u001b[31m Ia bertemu Blinken."}\n', encoding="utf-8")
    summary = process_inputs([str(path)], warta.Pipeline(), store)
    assert summary.added == 1 and store.counts()["failures"] == 0
    article = next(store.articles())
    assert article.title == "Lavrov \ufffd menolak"
    assert article.body == "Menlu Rusia Sergey Lavrov menolak tuntutan itu di Jenewa.[31m Ia bertemu Blinken."
    assert "1 lone UTF-16 surrogates replaced with U+FFFD" in article.warnings
    assert "2 control characters removed" in article.warnings
