"""Error analysis for the pattern files: annotated triggers the patterns do not know yet.

Reads the gold events of the given splits (never ``test``), finds which of their trigger words
no pattern of ``event_patterns.yaml`` matches, and lists them by how often annotators used
them, with the type and mode they gave and an example. An engineer reads the list and writes
the patterns (as roots where the word inflects); nothing is added automatically.

    .venv/bin/python tools/propose_triggers.py [--splits train,dev] [--top 150]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.actors.names import fold
from warta.events.gold import load_split
from warta.events.lexicon import lexicon, words_of

CORPUS = ROOT / "tests" / "data" / "events" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", default="train,dev")
    parser.add_argument("--top", type=int, default=150)
    args = parser.parse_args()
    splits = [s for s in args.splits.split(",") if s and s != "test"]
    lex = lexicon("id", ("event_patterns.yaml",))
    known = {t.words for ts in lex.triggers.values() for t in ts}
    firsts = set(lex.triggers)
    counts: Counter = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, str] = {}
    for split in splits:
        for row in load_split(CORPUS, split):
            for event in row.events:
                words = tuple(w for w in words_of(event["trigger"]) if w != "…")
                if not words or words in known or any(w in firsts for w in words[:1]):
                    continue
                key = " ".join(fold(w) for w in words)
                counts[key] += 1
                kinds[key][f"{event['type']}/{event.get('mode')}"] += 1
                examples.setdefault(key, event["sentence"][:90])
    for key, n in counts.most_common(args.top):
        print(f"{n:>3}  {key:<40} {dict(kinds[key].most_common(3))}  | {examples[key]}")
    print(f"{sum(counts.values())} annotated triggers in {len(counts)} forms are unknown to the patterns",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
