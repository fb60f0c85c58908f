"""Quotes: detection precision/recall/F1 and speaker accuracy on the annotated tables.

Tables: ``tests/data/quotes/{dev,test}.{id,en}.jsonl`` (format and rules in the
GUIDELINES.md there): each line is one article with its text and its quotes (snippet,
kind, speaker, speaker_span, cue). Each article runs through the default pipeline as a
JSONL record (title, text, and for detik articles the publication date from the source
file). A predicted quote matches a gold one when their spans overlap (one-to-one, largest
overlap first). Speaker accuracy is over matched gold quotes that have a speaker: right when
the predicted actor's name or aliases, or the speaker words in the text, share the gold
speaker's name words (title words aside).

    python benchmarks/quotes.py [--split dev|test] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "tests" / "data" / "quotes"
DETIK = ROOT.parent / "shared" / "data" / "detik-aspect-summarization-2025" / "articles.jsonl"
_WORD = re.compile(r"\w+")


def words(text: str | None) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text or "")}


def locate(snippet: str, text: str) -> tuple[int, int] | None:
    """Where ``snippet`` is in ``text``, allowing any whitespace between its words."""
    parts = snippet.split()
    if not parts:
        return None
    m = re.search(r"\s+".join(re.escape(p) for p in parts), text)
    return (m.start(), m.end()) if m else None


def detik_dates() -> dict[str, str]:
    if not DETIK.exists():
        return {}
    dates = {}
    for line in DETIK.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            row = json.loads(line)
            if int(row["id"]) % 5:  # ids divisible by 5 are reserved for evaluation elsewhere
                dates[row["id"]] = row["tanggal"]
    return dates


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    overlaps = sorted(((min(g[1], p[1]) - max(g[0], p[0]), i, j)
                       for i, g in enumerate(gold) for j, p in enumerate(pred)
                       if min(g[1], p[1]) > max(g[0], p[0])), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in overlaps:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print N misses, false alarms and wrong speakers")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from warta.config import load_options
    from warta.model import Article, Source
    from warta.pipeline import Pipeline
    from warta.readers import DEFAULT_FIELDS, raw_from_record
    from warta.resources import load

    titles = set()
    for lang in ("id", "en"):
        table = load(lang, "titles.yaml")
        for phrase in [t for names in table["offices"].values() for t in names] + list(table.get("roles", ())):
            titles |= words(phrase)
    pipeline = Pipeline(options=load_options())
    dates = detik_dates()
    results, errors = {}, []
    for lang in ("id", "en"):
        path = TABLES / f"{args.split}.{lang}.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        tp = n_gold = n_pred = speakers = speakers_right = 0
        seconds = 0.0
        for row in rows:
            record = {"title": row.get("title"), "text": row["text"]}
            detik_id = row["source"].split("#")[-1] if row["source"].startswith("detik") else None
            if detik_id in dates:
                record["published"] = dates[detik_id]
            start = time.perf_counter()
            article = pipeline.run(Article(source=Source(format="jsonl", path=row["source"]),
                                           raw=raw_from_record(record, DEFAULT_FIELDS)))
            seconds += time.perf_counter() - start
            actors = {a.id: a for a in article.actors}
            gold = [(q, locate(q["quote"], article.body)) for q in row["quotes"]]
            gold = [(q, at) for q, at in gold if at]
            pred = [q for q in article.quotes if q.span.field == "body"]
            pairs = match([at for _, at in gold], [(q.span.start, q.span.end) for q in pred])
            tp += len(pairs)
            n_gold += len(gold)
            n_pred += len(pred)
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, j in pairs:
                expected = gold[i][0].get("speaker")
                if not expected:
                    continue
                speakers += 1
                quote = pred[j]
                actor = actors.get(quote.speaker or "")
                said = words(quote.speaker_span.text if quote.speaker_span else "")
                if actor:
                    for name in (actor.name, *actor.aliases):
                        said |= words(name)
                core = words(expected) - titles or words(expected)
                right = bool(said & core)
                speakers_right += right
                if not right:
                    errors.append(f"speaker [{row['source']}] {expected!r} got "
                                  f"{actor.name if actor else None!r}: {quote.span.text[:70]!r}")
            errors += [f"missed [{row['source']}] {q['kind']} {q['quote'][:80]!r}"
                       for i, (q, _) in enumerate(gold) if i not in matched_g]
            errors += [f"false [{row['source']}] {q.kind} {q.span.text[:80]!r}"
                        for j, q in enumerate(pred) if j not in matched_p]
        p, r = tp / max(1, n_pred), tp / max(1, n_gold)
        results[lang] = {
            "articles": len(rows), "gold": n_gold, "predicted": n_pred,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(1e-9, p + r), 3),
            "speaker_accuracy": round(speakers_right / max(1, speakers), 3), "speakers_scored": speakers,
            "quotes_per_s": round(n_pred / seconds, 1) if seconds else None,
            "articles_per_s": round(len(rows) / seconds, 1) if seconds else None,
        }
    if not results:
        print(f"skipped: no tables in {TABLES}")
        return 0
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"quotes, {args.split} tables; overlap match; speaker accuracy on matched quotes with a gold speaker")
        print(f"{'lang':<5}{'articles':>9}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}"
              f"{'art/s':>7}{'quotes/s':>9}")
        for lang, r in results.items():
            print(f"{lang:<5}{r['articles']:>9}{r['gold']:>6}{r['predicted']:>6}{r['precision']:>7.3f}"
                  f"{r['recall']:>7.3f}{r['f1']:>7.3f}{r['speaker_accuracy']:>9.3f}{r['articles_per_s']:>7}"
                  f"{r['quotes_per_s']:>9}")
        print("speed is the whole default pipeline per article (extraction to quotes), one core")
    for line in errors[:args.errors]:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
