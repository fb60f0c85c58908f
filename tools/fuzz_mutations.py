"""Mutation fuzz of the whole pipeline: N mutated real inputs, count crashes and span violations.

    python tools/fuzz_mutations.py SEED N

Mutates the bundled examples, the seed page and 15 anpandu pages (when ../shared is
present) with deletions, truncations, insertions of characters Warta treats specially
and random code points, runs the default pipeline in debug mode (span invariants
checked after every stage), and counts anything that is not a per-document error.
The long run, with coverage-guided fuzzing, is `make fuzz` (fuzz/); this is the quick sweep.
"""

from __future__ import annotations

import random
import sys
import traceback
from pathlib import Path

import warta
from warta.errors import DOCUMENT_ERRORS
from warta.pipeline import Pipeline, check_article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INSERTS = ["\n", "“", "”", '"', ".", " – ", "\x00", "😀", "Foto: AP", "\n\n", "<p>", "</div>", "<figcaption>",
           "(ANTARA FOTO/X)", "Baca juga: ", "\u202e", "JAKARTA, KOMPAS.com - ", "{", "Dr. ", " (21/1) "]


def _sources() -> list[str]:
    paths = sorted((REPO / "examples").iterdir()) + sorted((SHARED / "examples").glob("*.txt"))
    paths += sorted((SHARED / "data" / "anpandu-indonesian-news-pages" / "html").glob("*/*.html"))[:15]
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def mutate(text: str, rnd: random.Random) -> str:
    chars = list(text)
    for _ in range(rnd.randint(1, 40)):
        if not chars:
            break
        at, action = rnd.randrange(len(chars)), rnd.random()
        if action < 0.3:
            del chars[at : at + rnd.randint(1, 200)]
        elif action < 0.7:
            chars.insert(at, rnd.choice(INSERTS))
        elif action < 0.8:
            chars = chars[:at]
        else:
            chars[at] = chr(rnd.randint(1, 0x2FFF))
    return "".join(chars)


def main(seed: int, runs: int) -> int:
    pipeline = Pipeline(options=warta.Options(debug=True))
    sources, rnd, crashes = _sources(), random.Random(seed), 0
    for _ in range(runs):
        text = mutate(rnd.choice(sources), rnd)
        try:
            check_article(pipeline.process(text))
        except DOCUMENT_ERRORS:
            continue
        except Exception:  # any other exception is a crash: count it and show the first few
            crashes += 1
            if crashes <= 3:
                traceback.print_exc()
    print(f"inputs {runs}, crashes or span violations {crashes}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
