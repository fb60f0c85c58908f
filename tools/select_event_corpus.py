"""Choose the articles of the event corpus and their splits; writes corpus/manifest.tsv.

Run once, before any annotation, so that the test articles are set apart from the start:

    .venv/bin/python tools/select_event_corpus.py [--data ../shared/data]

Selection (deterministic; ordering by sha256 of the source, so no one picks articles):
- detik 2025: ids that are not reserved (divisible by 5, or a repeat the dataset's README
  lists), one id per distinct text and title (the first in file order), per topic in sha256
  order: 105 from each of the event-rich topics (law, politics) and 65 from each of the
  others. The 37 articles of the version-1 development table (used to write the lexicon)
  go to train, the 18 of the version-1 held-out table to test.
- anpandu pages (the 25 Indonesian ones) and the 5 detik 2022 pages.
- Splits: test 120 articles, dev 80, train the rest, by sha256 order within each dataset and
  topic so that each split has every topic. 40 test articles are annotated twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.events.gold import ANPANDU, DETIK_2022, DETIK_2025, is_reserved

OUT = ROOT / "tests" / "data" / "events" / "corpus" / "manifest.tsv"
PER_TOPIC = {"Hukum & Kriminalitas": 105, "Politik & Kebijakan Publik": 105, "Ekonomi & Keuangan": 65,
             "Pembangunan & Lingkungan": 65, "Sosial & Kemasyarakatan": 65}
V1_DEV = [207, 212, 217, 222, 232, 237, 242, 252, 257, 267, 272, 277, 282, 292, 297, 317, 322, 327, 332, 337,
          342, 347, 352, 357, 362, 367, 372, 377, 397, 417, 432, 437, 442, 447, 452, 457, 472, 487, 502, 517]
V1_TEST = [208, 218, 223, 228, 233, 238, 248, 258, 263, 268, 273, 278, 283, 288, 293, 298, 303, 318, 323, 328]
TEST, DEV, DOUBLE = 120, 80, 40


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    root = args.data.resolve()
    rows = [json.loads(line) for line in (root / DETIK_2025 / "articles.jsonl").read_text(encoding="utf-8").split("\n")
            if line.strip()]
    seen_text, seen_title, eligible = set(), set(), []
    for row in rows:
        if is_reserved(row["id"], root):
            continue  # never looked at, not even to compare
        text, title = row["isi_berita"].strip(), row["judul"].strip()
        if text in seen_text or title in seen_title:
            seen_text.add(text)
            seen_title.add(title)
            continue
        seen_text.add(text)
        seen_title.add(title)
        eligible.append(row)
    by_id = {int(r["id"]): r for r in eligible}
    chosen: dict[str, tuple[str, str]] = {}  # source -> (topic, forced split or "")
    for i in V1_DEV:
        if i in by_id:
            chosen[f"{DETIK_2025}#{i}"] = (by_id[i]["aspek_target"], "train")
    for i in V1_TEST:
        if i in by_id:
            chosen[f"{DETIK_2025}#{i}"] = (by_id[i]["aspek_target"], "test")
    for topic, n in PER_TOPIC.items():
        pool = sorted((f"{DETIK_2025}#{r['id']}" for r in eligible if r["aspek_target"] == topic), key=_key)
        have = sum(1 for t, _ in chosen.values() if t == topic)
        for source in pool:
            if have >= n:
                break
            if source not in chosen:
                chosen[source] = (topic, "")
                have += 1
    anpandu = json.loads((root / ANPANDU / "expected.json").read_text(encoding="utf-8"))["articles"]
    for a in anpandu:
        if "tempo-english" not in a["fixture"]:
            chosen[f"{ANPANDU}#{a['fixture']}"] = ("pages", "")
    for path in sorted((root / DETIK_2022 / "html").glob("*.html")):
        chosen[f"{DETIK_2022}#{path.name}"] = ("pages", "")

    total = len(chosen)
    groups: dict[str, list[str]] = {}
    for source, (topic, _) in chosen.items():
        groups.setdefault(topic, []).append(source)
    split: dict[str, str] = {s: forced for s, (_, forced) in chosen.items() if forced}
    quota = {"test": TEST, "dev": DEV}
    # each group gives test and dev their share of what is still free, in sha256 order
    for topic, sources in sorted(groups.items()):
        free = sorted((s for s in sources if s not in split), key=_key)
        share = len(sources) / total
        want_test = round(TEST * share) - sum(1 for s in sources if split.get(s) == "test")
        want_dev = round(DEV * share) - sum(1 for s in sources if split.get(s) == "dev")
        for s in free:
            if want_test > 0:
                split[s], want_test = "test", want_test - 1
            elif want_dev > 0:
                split[s], want_dev = "dev", want_dev - 1
            else:
                split[s] = "train"
    for name in ("test", "dev"):  # rounding: move the last train articles in sha256 order
        missing = quota[name] - sum(1 for v in split.values() if v == name)
        for s in sorted((s for s, v in split.items() if v == "train" and not chosen[s][1]), key=_key)[:max(0, missing)]:
            split[s] = name
    tests = sorted((s for s, v in split.items() if v == "test"), key=_key)
    double = set(tests[:DOUBLE])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["source\tsplit\ttopic\tpasses"]
    for source in sorted(chosen, key=lambda s: (("train", "dev", "test").index(split[s]), _key(s))):
        lines.append(f"{source}\t{split[source]}\t{chosen[source][0]}\t{'a,b' if source in double else 'a'}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {name: sum(1 for v in split.values() if v == name) for name in ("train", "dev", "test")}
    print(f"{total} articles: {counts}; {len(double)} test articles annotated twice -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
