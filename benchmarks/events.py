"""Events: precision, recall and status accuracy on the annotated tables; type accuracy on
PLOVER GSR and on PETRARCH's real-news validation sentences.

Indonesian (``tests/data/events/{dev,test}.id.jsonl``, format in the GUIDELINES.md there):
each article runs through the default pipeline with its publication date. A predicted event
matches a gold one when it is read from the sentence holding the gold snippet and type,
actor and recipient all match (names match when they share a word, title words aside, with
the actor's name, aliases or id; CONSULT, AGREE and COOPERATE may name the sides either way
round; a gold side that is null, or only describes someone without a name ("lima
tersangka", "korban"), must be null). Status accuracy is over matched events.
Also printed: matching on sentence and type alone, to separate finding events from naming
their sides.

English: every sentence of ``plover-gsr`` (322, PLOVER 0.5 names mapped to today's: DEMAND →
REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT) and the AFP real-news
and GOLD sentences of ``petrarch-validation/en_petr2_gsr_validation.jsonl`` (CAMEO codes mapped to
PLOVER with the CAMEO→PLOVER table) run as one-sentence English articles; the predicted
type is that of the first asserted event (else the first event). GSR is split by
record number: odd records were used for error analysis, even ones were not. On GSR, also
the share of sentences whose event has the right type and sides (a side matches by ISO3 code
or a shared name word; a side GSR leaves blank is not scored) and, of right types, how many are
asserted (every GSR event is).

    python benchmarks/events.py [--split dev|test] [--errors N] [--json] [--only id|gsr|petrarch]
                                [--patterns hand|cameo|both]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TABLES = ROOT / "tests" / "data" / "events"
GSR = SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
PETRARCH = SHARED / "petrarch-validation" / "en_petr2_gsr_validation.jsonl"
CAMEO = SHARED / "cameo-plover-codebooks" / "cameo_codes_merged.tsv"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
_WORD = re.compile(r"\w+")


def words(text: str | None) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text or "")}


PATTERNS = {"hand": ("event_patterns.yaml",), "cameo": ("event_patterns_cameo.yaml",),
            "both": ("event_patterns.yaml", "event_patterns_cameo.yaml")}
_CHOICE = {"patterns": "both"}


def _pipeline():
    from warta.config import load_options
    from warta.pipeline import Pipeline

    return Pipeline(options=load_options().evolve(event_patterns=PATTERNS[_CHOICE["patterns"]]))


def _run(pipeline, record: dict, path: str, language: str | None = None):
    from warta.model import Article, Source
    from warta.readers import DEFAULT_FIELDS, raw_from_record

    pipe = pipeline
    if language:
        from warta.pipeline import Pipeline

        pipe = Pipeline(options=pipeline.options.evolve(language=language))
    return pipe.run(Article(source=Source(format="jsonl", path=path), raw=raw_from_record(record, DEFAULT_FIELDS)))


def _titles() -> set[str]:
    from warta.resources import load

    out = set()
    for lang in ("id", "en"):
        table = load(lang, "titles.yaml")
        for phrase in [t for names in table["offices"].values() for t in names] + list(table.get("roles", ())):
            out |= words(phrase)
    return out


def _published(value: str | None) -> str | None:
    """"10/7/2025 14:30" (M/D/YYYY) → "2025-10-07"."""
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value or "")
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else None


def indonesian(split: str, errors: list[str]) -> dict | None:
    path = TABLES / f"{split}.id.jsonl"
    if not path.exists():
        return None
    titles = _titles()
    pipeline = _pipeline()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    n_gold = n_pred = tp = typed_tp = status_right = sentences = 0
    seconds = 0.0
    for row in rows:
        record = {"title": row.get("title"), "text": row["text"], "published": _published(row.get("published"))}
        start = time.perf_counter()
        article = _run(pipeline, record, row["source"])
        seconds += time.perf_counter() - start
        sentences += len(article.sentences)
        actors = {a.id: a for a in article.actors}

        def sentence_of(event: dict):
            field = event.get("field", "body")
            text = article.text_of(field)
            at = text.find(event["sentence"])
            if at < 0:
                return None
            for s in article.sentences:
                if s.field == field and s.start <= at < s.end:
                    return (field, s.start)
            return None

        def same(gold: str | None, actor_id: str | None) -> bool:
            if gold is not None and not named(gold):
                gold = None  # "lima tersangka", "korban": nobody an actor id could name
            if gold is None or actor_id is None:
                return gold is None and actor_id is None
            actor = actors.get(actor_id)
            said = words(actor_id.split(":")[-1].replace("-", " "))
            if actor:
                for name in (actor.name, *actor.aliases):
                    said |= words(name)
            core = words(gold) - titles or words(gold)
            return bool(said & core)

        gold = [(g, sentence_of(g)) for g in row["events"]]
        pred = [(e, (e.sentence.field, e.sentence.start)) for e in article.events]
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        typed_used: set[int] = set()
        for g, where in gold:
            if where is None:
                errors.append(f"unlocated [{row['source']}] {g['sentence'][:60]!r}")
                continue
            candidates = [j for j, (e, w) in enumerate(pred) if w == where and e.type == g["type"]]
            typed = [j for j in candidates if j not in typed_used]
            if typed:
                typed_used.add(typed[0])
                typed_tp += 1
            hit = None
            for j in candidates:
                if j in used:
                    continue
                e = pred[j][0]
                if (same(g.get("actor"), e.actor) and same(g.get("recipient"), e.recipient)) or (
                        g["type"] in RECIPROCAL and same(g.get("actor"), e.recipient)
                        and same(g.get("recipient"), e.actor)):
                    hit = j
                    break
            if hit is None:
                got = [(pred[j][0].type, _name(actors, pred[j][0].actor), _name(actors, pred[j][0].recipient))
                       for j, (e, w) in enumerate(pred) if w == where]
                errors.append(f"missed [{row['source']}] {g['type']} {g.get('actor')!r} -> {g.get('recipient')!r} "
                              f"'{g['trigger']}' in {g['sentence'][:70]!r}; got {got}")
                continue
            used.add(hit)
            tp += 1
            if pred[hit][0].status == g.get("status", "asserted"):
                status_right += 1
            else:
                errors.append(f"status [{row['source']}] {g['type']} '{g['trigger']}': gold {g.get('status')} "
                              f"got {pred[hit][0].status}")
        for j, (e, _) in enumerate(pred):
            if j not in used:
                errors.append(f"false [{row['source']}] {e.type} {_name(actors, e.actor)!r} -> "
                              f"{_name(actors, e.recipient)!r} '{e.trigger.text}' in "
                              f"{article.text_of(e.sentence.field)[e.sentence.start:e.sentence.end][:80]!r}")
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    tp_, tr_ = typed_tp / max(1, n_pred), typed_tp / max(1, n_gold)
    return {
        "articles": len(rows), "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / max(1e-9, p + r), 3),
        "status_accuracy": round(status_right / max(1, tp), 3),
        "type_only_precision": round(tp_, 3), "type_only_recall": round(tr_, 3),
        "sentences_per_s": round(sentences / seconds, 1) if seconds else None,
    }


def named(side: str) -> bool:
    """Whether a gold side names someone ("Kejari Jember", "SR") rather than describing them
    ("lima tersangka", "5 Orang"): it has a capitalised word that is not a common word."""
    return any(w[:1].isupper() and w.casefold() not in _common() for w in side.split())


_COMMON: set[str] = set()


def _common() -> set[str]:
    if not _COMMON:
        from warta.resources import load

        for lang in ("id", "en"):
            _COMMON.update(w.casefold() for w in load(lang, "common_words.txt"))
    return _COMMON


def _name(actors: dict, actor_id: str | None) -> str | None:
    return actors[actor_id].name if actor_id in actors else actor_id


def _top(article):
    """The sentence's event: the first asserted one (the main verb comes first), else the first."""
    if not article.events:
        return None
    asserted = [e for e in article.events if e.status == "asserted"]
    return (asserted or list(article.events))[0]


def _top_type(article) -> str | None:
    top = _top(article)
    return top.type if top else None


def _side_matches(article, actor_id: str | None, gold: list[dict] | None) -> bool:
    """A GSR side (a list of {actorText, code}) against a predicted actor: by ISO3 code or a
    shared name word; a side the GSR leaves blank is not scored."""
    if not gold:
        return True
    actor = next((a for a in article.actors if a.id == actor_id), None)
    if actor is None:
        return False
    codes = {actor.id if actor.kind == "state" else actor.country}
    names = words(actor.name) | {w for alias in actor.aliases for w in words(alias)}
    return any(g.get("code") in codes or words(g.get("actorText")) & names for g in gold)


def gsr(errors: list[str]) -> dict | None:
    if not GSR.exists():
        return None
    pipeline = _pipeline()
    records = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    right = {"odd": 0, "even": 0}
    total = {"odd": 0, "even": 0}
    sides_right = asserted = 0
    seconds = 0.0
    for n, rec in enumerate(records, 1):
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        start = time.perf_counter()
        article = _run(pipeline, {"text": rec["text"]}, rec["id"], language="en")
        seconds += time.perf_counter() - start
        top = _top(article)
        got = top.type if top else None
        part = "odd" if n % 2 else "even"
        total[part] += 1
        right[part] += got == gold
        if got == gold:
            asserted += top.status == "asserted"
            sides_right += (_side_matches(article, top.actor, rec.get("source"))
                            and _side_matches(article, top.recipient, rec.get("target")))
        if got != gold and part == "odd":
            errors.append(f"gsr {rec['id']}: gold {gold} got {got}: {rec['text'][:110]!r}")
    all_right, all_total = sum(right.values()), sum(total.values())
    return {"sentences": all_total, "type_accuracy": round(all_right / all_total, 3),
            "type_accuracy_odd": round(right["odd"] / total["odd"], 3),
            "type_accuracy_even": round(right["even"] / total["even"], 3),
            "event_accuracy": round(sides_right / all_total, 3),
            "status_accuracy": round(asserted / max(1, all_right), 3),
            "sentences_per_s": round(all_total / seconds, 1) if seconds else None}


def petrarch(errors: list[str]) -> dict | None:
    if not PETRARCH.exists() or not CAMEO.exists():
        return None
    with CAMEO.open(encoding="utf-8") as f:
        to_plover = {row["cameo_code"]: row["plover_event"] for row in csv.DictReader(f, delimiter="\t")}
    pipeline = _pipeline()
    rows = [json.loads(line) for line in PETRARCH.read_text(encoding="utf-8").split("\n") if line.strip()]
    rows = [r for r in rows if r.get("category") in ("AFP", "GOLD")]  # real news; the rest test coding logic
    right = 0
    for row in rows:
        gold = set()
        for coding in row["event_codings"]:
            code = coding.get("eventcode") or ""
            if coding.get("noevents") or not code:
                continue
            gold.add(to_plover.get(code) or to_plover.get(code[:3]) or to_plover.get(code[:2]) or "")
        gold.discard("")
        article = _run(pipeline, {"text": row["text"]}, row["id"], language="en")
        got = _top_type(article)
        ok = (got in gold) if gold else got is None
        right += ok
        if not ok:
            errors.append(f"petrarch {row['id']}: gold {sorted(gold) or None} got {got}: {row['text'][:100]!r}")
    return {"sentences": len(rows), "type_accuracy": round(right / max(1, len(rows)), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print N misses, false alarms and wrong types")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=["id", "gsr", "petrarch"], help="run one part")
    parser.add_argument("--patterns", choices=sorted(PATTERNS), default="both",
                        help="pattern files: hand-written, CAMEO-derived, or both (the default)")
    args = parser.parse_args()
    _CHOICE["patterns"] = args.patterns
    errors: list[str] = []
    results = {}
    if args.only in (None, "id"):
        results["id"] = indonesian(args.split, errors)
    if args.only in (None, "gsr"):
        results["en_gsr"] = gsr(errors)
    if args.only in (None, "petrarch"):
        results["en_petrarch"] = petrarch(errors)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        r = results.get("id")
        if r:
            print(f"Indonesian {args.split} table: {r['articles']} articles, {r['gold']} gold events, {r['predicted']} predicted")
            print(f"  type+actor+recipient  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                  f"status accuracy {r['status_accuracy']:.3f}")
            print(f"  sentence+type only    P {r['type_only_precision']:.3f}  R {r['type_only_recall']:.3f}")
            print(f"  {r['sentences_per_s']} sentences/s (whole default pipeline, one core)")
        elif "id" in results:
            print(f"Indonesian: skipped, no table {TABLES}/{args.split}.id.jsonl")
        for key, label in (("en_gsr", "English PLOVER GSR"), ("en_petrarch", "English PETRARCH real news (AFP, GOLD)")):
            r = results.get(key)
            if r:
                extra = (f" (odd {r['type_accuracy_odd']:.3f}, even held out {r['type_accuracy_even']:.3f}); "
                         f"type+actor+recipient {r['event_accuracy']:.3f}; status accuracy {r['status_accuracy']:.3f}; "
                         f"{r['sentences_per_s']} sentences/s" if key == "en_gsr" else "")
                print(f"{label}: {r['sentences']} sentences, type accuracy {r['type_accuracy']:.3f}{extra}")
            elif key in results:
                print(f"{label}: skipped, data not found under {SHARED}")
    for line in errors[:args.errors]:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
