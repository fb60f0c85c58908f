"""Limits per document: one pathological page fails alone, quickly, in bounded memory."""

from __future__ import annotations

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


_MEASURED = """
import resource, sys
from warta.cli import main
try:
    main()
except SystemExit as done:
    print("peak-rss-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
    raise
"""


def _process(*paths) -> tuple[subprocess.CompletedProcess, float]:
    """``warta process PATHS --no-db`` in a fresh process, and that process's peak RSS in MB."""
    done = subprocess.run([sys.executable, "-c", _MEASURED, "process", *map(str, paths), "--no-db"],
                          capture_output=True, text=True, timeout=300)
    peak = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("peak-rss-kb"))
    return done, peak / 1024


def test_a_50_mb_page_is_refused_in_bounded_memory(tmp_path):
    page = tmp_path / "huge.html"
    with open(page, "w", encoding="utf-8") as out:
        out.write("<html><head><title>Besar</title></head><body><article>")
        out.writelines("<p>" + SENTENCE + "</p>" for _ in range(50 * 1024 * 1024 // len(SENTENCE) + 1))
        out.write("</article></body></html>")
    assert page.stat().st_size > 50_000_000
    small = tmp_path / "small.txt"
    small.write_text("Banjir di Bandung\n\n" + SENTENCE * 3, encoding="utf-8")
    alone, alone_mb = _process(small)
    both, both_mb = _process(page, small)
    assert alone.returncode == 0 and both.returncode == 1 and "input.too_large" in both.stderr
    assert "huge.html" in both.stderr and "1 new" not in both.stderr
    # the 50 MB page costs at most the bytes read to refuse it (the limit, 20 MB) and change
    assert both_mb - alone_mb < 80, f"{both_mb:.0f} MB with the page, {alone_mb:.0f} MB without"
