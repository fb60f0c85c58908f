"""Validate the event corpus (or one file of annotated rows) against its guidelines.

    .venv/bin/python tools/check_event_corpus.py                 # the corpus in tests/data/events/corpus
    .venv/bin/python tools/check_event_corpus.py --file out.jsonl  # one annotator's file

Checks: every snippet verbatim and unique in its field, every trigger inside its snippet,
types, modes, statuses, kinds, sectors and dates well formed, both sides not null, splits
disjoint, reserved detik ids absent, no text repeated across splits. Exit status 1 on any
problem; each problem is printed on its own line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.events.gold import read_rows, row_problems, validate

CORPUS = ROOT / "tests" / "data" / "events" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--file", type=Path, help="check this file of rows instead of the corpus")
    args = parser.parse_args()
    root = args.data.resolve()
    if args.file:
        problems = []
        for n, row in enumerate(read_rows(args.file), 1):
            if "source" not in row or not isinstance(row.get("events"), list):
                problems.append(f"line {n}: a row needs 'source' and an 'events' list")
                continue
            problems.extend(row_problems(row["source"], row["events"], row, root, f"line {n} {row['source']}"))
        rows = n if args.file.stat().st_size else 0
    else:
        problems = validate(CORPUS, root)
        rows = None
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" + (f" in {rows} rows" if rows is not None else ""), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
