"""The detik 2025 articles the benchmarks may read: ids divisible by 5, and the repeats of
them the dataset's README lists under other ids, are reserved for evaluation and never read here."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from warta.events.gold import is_reserved

DATA = Path(os.environ.get("WARTA_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
DETIK = DATA / "detik-aspect-summarization-2025" / "articles.jsonl"


def detik_rows() -> Iterator[dict]:
    """Rows of ``articles.jsonl`` in file order, without the reserved ones."""
    for line in DETIK.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        if not is_reserved(row["id"], DATA):
            yield row
