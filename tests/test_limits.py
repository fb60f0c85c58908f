"""Limits per document: one pathological page fails alone, quickly, in bounded memory."""

from __future__ import annotations

import resource
import subprocess
import sys

from warta.batch import process_inputs
from warta.config import load_options
from warta.pipeline import Pipeline
from warta.storage.memory import MemoryStore

SENTENCE = "Banjir merendam ratusan rumah warga di Bandung pada Senin (20/10) setelah hujan deras. "


def test_a_document_over_the_time_limit_fails_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_slow.txt").write_text("Banjir Besar di Bandung\n\n" + SENTENCE * 20_000, encoding="utf-8")
    (tmp_path / "b_quick.txt").write_text("Banjir di Bandung\n\n" + SENTENCE * 3, encoding="utf-8")
    options = load_options(env={}).evolve(max_document_seconds=0.5)
    pipeline = Pipeline(options=options)
    pipeline.process("Banjir di Jakarta\n\n" + SENTENCE * 3)  # resources load once, off the clock
    store = MemoryStore()
    summary = process_inputs([str(tmp_path)], pipeline, store)
    (failure,) = store.failures()
    assert failure.source.endswith("a_slow.txt") and failure.code == "input.time_limit"
    assert "max_document_seconds" in failure.message
    assert [a.source.path for a in store.articles()] == [str(tmp_path / "b_quick.txt")]
    assert summary.articles == 1 and summary.failed == 1 and summary.seconds < 30


def test_a_50_mb_page_is_refused_in_bounded_memory(tmp_path):
    page = tmp_path / "huge.html"
    with open(page, "w", encoding="utf-8") as out:
        out.write("<html><head><title>Besar</title></head><body><article>")
        for _ in range(50 * 1024 * 1024 // len(SENTENCE) + 1):
            out.write("<p>" + SENTENCE + "</p>")
        out.write("</article></body></html>")
    assert page.stat().st_size > 50_000_000
    (tmp_path / "small.txt").write_text("Banjir di Bandung\n\n" + SENTENCE * 3, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-c", "from warta.cli import main; main()", "process", str(page),
                           str(tmp_path / "small.txt"), "--no-db"], capture_output=True, text=True, timeout=300)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 1 and "input.too_large" in done.stderr
    assert "1 " in done.stderr  # the small page was processed
    assert peak_mb < 600 or before / 1024 >= 600, f"peak RSS {peak_mb:.0f} MB"
