"""Events: the event coders side by side on the annotated corpus, and English type accuracy.

Indonesian (``tests/data/events/corpus``, guidelines in ``tests/data/events/GUIDELINES.md``):
each article's text is read from ``../shared/data`` and runs through the default pipeline up to
the quotes stage once; then each coder (``events.v1``, ``events.v2``) runs on the same record.
Printed per split and coder, by ``warta.events.score``:
- precision, recall and F1 at three levels: the right type read from the right sentence;
  … with the right actor; … and the right recipient (strict: an event as the mission counts it);
- status accuracy over type-level matches (historical counts as asserted);
- a per-type table (type level and strict level);
- the coder's own speed, in sentences per second (the events stage alone, one core).
Then the agreement of the two independent annotation passes (``corpus/agreement``): the second
pass scored against the first at the same three levels — the ceiling a coder is held to.

English: the PLOVER GSR sentences (322; PLOVER 0.5 names mapped to today's) and PETRARCH's
real-news validation sentences (CAMEO codes mapped to PLOVER) as one-sentence articles; the
predicted type is that of the first asserted event (else the first). GSR's odd records were
used for error analysis, its even records never.

    python benchmarks/events.py [--split dev|test|train|all] [--coders events.v1,events.v2]
                                [--errors N] [--json] [--only id|agreement|gsr|petrarch]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("WARTA_SHARED_DATA", ROOT.parent / "shared" / "data"))
CORPUS = ROOT / "tests" / "data" / "events" / "corpus"
GSR = DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
PETRARCH = DATA / "petrarch-validation" / "en_petr2_gsr_validation.jsonl"
CAMEO = DATA / "cameo-plover-codebooks" / "cameo_codes_merged.tsv"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODERS = ("events.v1", "events.v2")


def _front(language: str | None = None):
    """The default pipeline without its events stage."""
    from warta.config import load_options
    from warta.pipeline import Pipeline

    options = load_options()
    if language:
        options = options.evolve(language=language)
    return Pipeline([s for s in options.stages if not s.startswith("events")], options=options)


def _coder(name: str, options):
    from warta.pipeline import Pipeline

    return Pipeline([name], options=options)


def _article(pipeline, text, source: str):
    from warta.model import Article, Source
    from warta.readers import DEFAULT_FIELDS, raw_from_record

    record = {"title": text.title, "text": text.body, "published": text.published}
    return pipeline.run(Article(source=Source(format="jsonl", path=source), raw=raw_from_record(record, DEFAULT_FIELDS)))


def indonesian(split: str, coders: list[str], errors: dict[str, list[str]]) -> dict:
    from warta.events.gold import gold_text, load_split
    from warta.events.score import Tally

    rows = [r for s in (("train", "dev", "test") if split == "all" else (split,)) for r in load_split(CORPUS, s)]
    if not rows:
        return {}
    front = _front()
    stages = {name: _coder(name, front.options) for name in coders}
    tallies = {name: Tally() for name in coders}
    seconds = dict.fromkeys(coders, 0.0)
    sentences = 0
    for row in rows:
        article = _article(front, gold_text(row.source, DATA), row.source)
        sentences += len(article.sentences)
        for name, stage in stages.items():
            start = time.perf_counter()
            coded = stage.run(article)
            seconds[name] += time.perf_counter() - start
            tallies[name].add(_score(coded, row))
    out = {"articles": len(rows), "sentences": sentences}
    for name in coders:
        out[name] = tallies[name].scores() | {"sentences_per_s": round(sentences / seconds[name], 1)}
        errors[name] = tallies[name].errors
    return out


def _score(article, row):
    from warta.events.score import score_article

    return score_article(article, row.events, row.source)


def agreement_report() -> dict:
    from warta.events.gold import gold_text, load_split, read_rows
    from warta.events.score import Tally, agreement

    first = {r.source: r for s in ("train", "dev", "test") for r in load_split(CORPUS, s)}
    tally = Tally()
    n = 0
    segmenter = None
    for path in sorted((CORPUS / "agreement").glob("*.id.jsonl")):
        for row in read_rows(path):
            if row["source"] not in first:
                continue
            if segmenter is None:
                from warta.pipeline import Pipeline

                segmenter = Pipeline(["extract", "language", "sentences"])
            article = _article(segmenter, gold_text(row["source"], DATA), row["source"])
            tally.add(agreement(article, first[row["source"]].events, row["events"], row["source"]))
            n += 1
    return {"articles": n, **tally.scores()} if n else {}


# -- English ----------------------------------------------------------------------------------
def _top(article):
    if not article.events:
        return None
    asserted = [e for e in article.events if e.status == "asserted"]
    return (asserted or list(article.events))[0]


def _english(coders: list[str], texts: list[tuple[str, str]]) -> dict[str, list]:
    front = _front("en")
    from warta.model import Article, Source
    from warta.readers import DEFAULT_FIELDS, raw_from_record

    stages = {name: _coder(name, front.options) for name in coders}
    out = {name: [] for name in coders}
    for key, text in texts:
        article = front.run(Article(source=Source(format="jsonl", path=key),
                                    raw=raw_from_record({"text": text}, DEFAULT_FIELDS)))
        for name, stage in stages.items():
            out[name].append(_top(stage.run(article)))
    return out


def gsr(coders: list[str], errors: dict[str, list[str]]) -> dict:
    if not GSR.exists():
        return {}
    records = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    tops = _english(coders, [(r["id"], r["text"]) for r in records])
    out = {"sentences": len(records)}
    for name in coders:
        right = {"odd": 0, "even": 0}
        total = {"odd": 0, "even": 0}
        for n, (rec, top) in enumerate(zip(records, tops[name]), 1):
            gold = OLD_NAMES.get(rec["event"], rec["event"])
            part = "odd" if n % 2 else "even"
            total[part] += 1
            got = top.type if top else None
            right[part] += got == gold
            if got != gold and part == "odd":
                errors.setdefault(name, []).append(f"gsr {rec['id']}: gold {gold} got {got}: {rec['text'][:110]!r}")
        out[name] = {"type_accuracy": round(sum(right.values()) / len(records), 3),
                     "type_accuracy_odd": round(right["odd"] / total["odd"], 3),
                     "type_accuracy_even": round(right["even"] / total["even"], 3)}
    return out


def petrarch(coders: list[str], errors: dict[str, list[str]]) -> dict:
    if not PETRARCH.exists() or not CAMEO.exists():
        return {}
    with CAMEO.open(encoding="utf-8") as f:
        to_plover = {row["cameo_code"]: row["plover_event"] for row in csv.DictReader(f, delimiter="\t")}
    rows = [json.loads(line) for line in PETRARCH.read_text(encoding="utf-8").split("\n") if line.strip()]
    rows = [r for r in rows if r.get("category") in ("AFP", "GOLD")]  # real news; the rest test coding logic
    tops = _english(coders, [(r["id"], r["text"]) for r in rows])
    out = {"sentences": len(rows)}
    for name in coders:
        right = 0
        for row, top in zip(rows, tops[name]):
            gold = set()
            for coding in row["event_codings"]:
                code = coding.get("eventcode") or ""
                if not coding.get("noevents") and code:
                    gold.add(to_plover.get(code) or to_plover.get(code[:3]) or to_plover.get(code[:2]) or "")
            gold.discard("")
            got = top.type if top else None
            right += (got in gold) if gold else got is None
        out[name] = {"type_accuracy": round(right / max(1, len(rows)), 3)}
    return out


# -- printing ---------------------------------------------------------------------------------
def _line(label: str, s: dict) -> str:
    return f"{label:<24} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"


def _print_corpus(title: str, result: dict, coders: list[str]) -> None:
    print(f"{title}: {result['articles']} articles, {result['sentences']} sentences")
    for name in coders:
        r = result[name]
        print(f"  {name}: {r['gold']} gold events, {r['predicted']} predicted; "
              f"status accuracy {r['status_accuracy']}; {r['sentences_per_s']} sentences/s (events stage alone)")
        print("    " + _line("type + sentence", r["type"]))
        print("    " + _line("… + actor", r["actor"]))
        print("    " + _line("… + recipient (strict)", r["event"]))
    print(f"  per type (F1 at type level / strict), {' | '.join(coders)}:")
    types = sorted({t for name in coders for t in result[name]["by_type"]})
    for kind in types:
        cells = []
        for name in coders:
            c = result[name]["by_type"].get(kind)
            cells.append(f"{c['type']['f1']:.2f} / {c['event']['f1']:.2f}" if c else "   -   ")
        gold = max((result[name]["by_type"].get(kind, {}).get("gold", 0) for name in coders), default=0)
        print(f"    {kind:<10} gold {gold:>4}   " + "   |   ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["train", "dev", "test", "all"], default="dev")
    parser.add_argument("--coders", default=",".join(CODERS))
    parser.add_argument("--errors", type=int, default=0, help="print N errors of the last coder")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=["id", "agreement", "gsr", "petrarch"])
    args = parser.parse_args()
    coders = [c for c in args.coders.split(",") if c]
    errors: dict[str, list[str]] = {}
    results: dict = {}
    if args.only in (None, "id"):
        results["id"] = indonesian(args.split, coders, errors)
    if args.only in (None, "agreement"):
        results["agreement"] = agreement_report()
    if args.only in (None, "gsr"):
        results["en_gsr"] = gsr(coders, errors)
    if args.only in (None, "petrarch"):
        results["en_petrarch"] = petrarch(coders, errors)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        if results.get("id"):
            _print_corpus(f"Indonesian {args.split}", results["id"], coders)
        a = results.get("agreement")
        if a:
            print(f"Annotator agreement ({a['articles']} test articles annotated twice; second pass against first): "
                  f"status agreement {a['status_accuracy']}")
            print("    " + _line("type + sentence", a["type"]))
            print("    " + _line("… + actor", a["actor"]))
            print("    " + _line("… + recipient (strict)", a["event"]))
        for key, label in (("en_gsr", "English PLOVER GSR"), ("en_petrarch", "English PETRARCH real news")):
            r = results.get(key)
            if r:
                parts = []
                for name in coders:
                    extra = (f" (odd {r[name]['type_accuracy_odd']:.3f}, even {r[name]['type_accuracy_even']:.3f})"
                             if "type_accuracy_odd" in r[name] else "")
                    parts.append(f"{name} {r[name]['type_accuracy']:.3f}{extra}")
                print(f"{label}: {r['sentences']} sentences, type accuracy: " + "; ".join(parts))
    if args.errors and coders:
        for line in errors.get(coders[-1], [])[:args.errors]:
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
