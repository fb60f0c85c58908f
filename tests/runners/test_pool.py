"""``--workers N``: a process pool gives the single process's records, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from warta.batch import process_inputs
from warta.pipeline import Pipeline
from warta.storage.memory import MemoryStore

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def test_two_workers_give_the_same_records_in_the_same_order(tmp_path, seed_text):
    for page in sorted(STORIES.glob("*.txt")):
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    results = []
    for workers in (1, 2):
        store, seen = MemoryStore(), []
        summary = process_inputs([str(tmp_path)], Pipeline(), store, on_record=lambda a, s=seen: s.append(a.id),
                                 workers=workers)
        results.append((seen, {a.id: a.to_dict() for a in store.articles()},
                        [(f.source, f.code) for f in store.failures()], summary.articles, summary.failed))
    assert results[0] == results[1]
    assert results[0][3] == 8 and results[0][4] == 1
