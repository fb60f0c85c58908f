"""Sentence splitting speed on real Indonesian news, against a naive regex baseline in the same run.

    python benchmarks/sentences.py [--limit N]

Reads the detik 2025 articles in ../shared/data (or $WARTA_SHARED_DATA), skipping the
ones whose id is divisible by 5 (reserved for evaluation).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

from warta.stages.sentences import segment

DATA = Path(os.environ.get("WARTA_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
NAIVE = re.compile(r"[^.!?]+[.!?]*")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = DATA / "detik-aspect-summarization-2025" / "articles.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set WARTA_SHARED_DATA)")
        return 0
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if int(article["id"]) % 5 == 0:
                continue  # reserved for evaluation
            texts.append(article["isi_berita"])
            if len(texts) >= args.limit:
                break
    chars = sum(map(len, texts))

    def timed(function):
        best, count = float("inf"), 0
        for _ in range(args.rounds):
            start = time.perf_counter()
            count = sum(function(text) for text in texts)
            best = min(best, time.perf_counter() - start)
        return count, best

    warta_count, warta_s = timed(lambda t: len(segment(t, "id")))
    naive_count, naive_s = timed(lambda t: len(NAIVE.findall(t)))
    print(f"{len(texts)} detik articles, {chars:,} characters, best of {args.rounds} rounds, one core")
    print(f"warta segment : {warta_count:7,} sentences  {warta_count / warta_s:10,.0f} sentences/s")
    print(f"naive regex   : {naive_count:7,} pieces     {naive_count / naive_s:10,.0f} pieces/s")
    print(f"time ratio warta/naive: {warta_s / naive_s:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
