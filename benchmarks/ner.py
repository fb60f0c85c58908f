"""Indonesian NER: entity-level P/R/F1 of the committed model, and its speed.

    python benchmarks/ner.py [--split test|valid] [--json] [--domain own|none]

Scores the shipped model (``warta.ner.load_tagger("id")``) CoNLL-style (exact token span
and type) on NERGrit, NERP and IndoLEM NER-UI / NER-UGM (fold 01) from ../shared/data
(or $WARTA_SHARED_DATA). Labels are mapped to SPEC types (``warta.ner.conll``):

* NERGrit  PERSON->PER, ORGANISATION->ORG, PLACE->LOC
* NERP     PPL->PER, IND->ORG, PLC->LOC, EVT->EVENT, FNB->FNB (internal label, never
  returned by ``tag``). Row ``nerp`` scores all five original classes (comparable with
  the IndoNLU paper's 79.25); row ``nerp-spec`` scores PER/ORG/LOC/EVENT only (FNB
  dropped from gold and prediction).
* IndoLEM  PERSON->PER, ORGANIZATION->ORG, LOCATION->LOC; NER-UGM TIME/QUANTITY -> O.

English: the hand-annotated tables in ``tests/ner_en`` (``--split test`` reads
``test.jsonl``, ``valid`` reads ``dev.jsonl``), scored on SPEC types through the whole
``entities`` stage (tagger, dictionary, type refinement) one sentence at a time, against
the Indonesian CRF run on the same English sentences as the baseline.

``--domain own`` additionally switches on the corpus-specific feature copies the model
learned for each corpus (same model file; see ``warta.ner.features.augment``). The
default (``none``) is exactly what ``tag`` does at runtime.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from warta.ner import load_tagger
from warta.ner.conll import CORPORA, CORPUS_LABELS, SPEC_LABELS, read_split, score

DATA = Path(
    os.environ.get(
        "WARTA_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)


def run(split: str, domain: str) -> dict:
    tagger = load_tagger("id")
    rows = {}
    for corpus in CORPORA:
        sents = read_split(corpus, split, DATA)
        dom = corpus if domain == "own" else None
        start = time.perf_counter()
        pred = [tagger.tag_tokens(s.tokens, domain=dom) for s in sents]
        seconds = time.perf_counter() - start
        gold = [s.tags for s in sents]
        variants = [(corpus, CORPUS_LABELS[corpus])]
        if corpus == "nerp":
            variants.append(
                ("nerp-spec", tuple(x for x in CORPUS_LABELS[corpus] if x in SPEC_LABELS))
            )
        for name, labels in variants:
            total, per = score(gold, pred, labels)
            rows[name] = {
                "sentences": len(sents),
                "precision": round(100 * total.precision, 2),
                "recall": round(100 * total.recall, 2),
                "f1": round(100 * total.f1, 2),
                "per_type_f1": {k: round(100 * v.f1, 2) for k, v in per.items()},
                "tag_tokens_sent_per_s": round(len(sents) / seconds, 1),
            }
    # raw-text speed: tag() on the cased sentences (tokens joined by spaces), one core
    texts = [
        " ".join(s.tokens)
        for c in ("nergrit", "nerui", "nerugm")
        for s in read_split(c, split, DATA)
    ]
    start = time.perf_counter()
    n_ent = sum(len(tagger.tag(t)) for t in texts)
    seconds = time.perf_counter() - start
    return {
        "split": split,
        "domain_features": domain,
        "rows": rows,
        "tag_raw_text": {
            "sentences": len(texts),
            "entities": n_ent,
            "sent_per_s": round(len(texts) / seconds, 1),
        },
        "model": {k: tagger.meta.get(k) for k in ("model_file", "model_sha256", "date")},
    }


ENGLISH = Path(__file__).resolve().parents[1] / "tests" / "ner_en"


def run_english(split: str) -> dict:
    """The entities stage on the English table, with its English tagger and with the CRF."""
    from warta import config
    from warta.model import Article, Sentence, Source
    from warta.stages import entities as stage

    rows = [json.loads(line) for line in (ENGLISH / f"{'test' if split == 'test' else 'dev'}.jsonl")
            .read_text(encoding="utf-8").splitlines()]
    english = stage.load_english_tagger
    results = {}
    for system, tagger in (("Indonesian CRF on English", lambda: load_tagger("id")),
                           ("Warta English (entities.v1)", english)):
        stage.load_english_tagger = tagger
        try:
            gold, pred = [], []
            start = time.perf_counter()
            for row in rows:
                text = row["text"]
                article = Article(source=Source(format="text"), body=text, language="en",
                                  sentences=(Sentence("body", 0, len(text)),))
                found = stage.find_entities(article, config.Options()).entities
                pred.append({(e.span.start, e.span.end, e.type) for e in found})
                gold.append({(g["start"], g["end"], g["type"]) for g in row["entities"]})
            seconds = time.perf_counter() - start
        finally:
            stage.load_english_tagger = english
        results[system] = _set_scores(gold, pred) | {"sentences": len(rows),
                                                      "sent_per_s": round(len(rows) / seconds, 1)}
    return results


def _set_scores(gold: list[set], pred: list[set]) -> dict:
    """Exact span + type P/R/F1 over per-sentence sets of (start, end, type)."""
    def prf(gold: list[set], pred: list[set]) -> tuple[float, float, float]:
        pairs = list(zip(gold, pred, strict=True))
        tp = sum(len(g & p) for g, p in pairs)
        p = tp / max(1, sum(len(p) for _, p in pairs))
        r = tp / max(1, sum(len(g) for g, _ in pairs))
        return p, r, 2 * p * r / max(1e-9, p + r)

    def only(sets: list[set], kind: str) -> list[set]:
        return [{x for x in s if x[2] == kind} for s in sets]

    p, r, f = prf(gold, pred)
    types = sorted({x[2] for s in gold for x in s})
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
            "per_type_f1": {t: round(100 * prf(only(gold, t), only(pred, t))[2], 2) for t in types}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["test", "valid"], default="test")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--domain", choices=["none", "own"], default="none")
    args = ap.parse_args()
    if not (DATA / "indonlu-nergrit").exists():
        print(f"skipped: NER corpora not found under {DATA} (set WARTA_SHARED_DATA)")
        return 0
    res = run(args.split, args.domain)
    res["english"] = run_english(args.split)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(
        f"Indonesian NER, split={args.split}, domain features={args.domain}, "
        f"entity-level exact span+type (CoNLL)"
    )
    print(
        f"{'dataset':10s} {'sents':>6s} {'P':>6s} {'R':>6s} {'F1':>6s}  {'sent/s':>7s}  per-type F1"
    )
    for name, r in res["rows"].items():
        per = " ".join(f"{k} {v:.1f}" for k, v in r["per_type_f1"].items())
        print(
            f"{name:10s} {r['sentences']:6d} {r['precision']:6.2f} {r['recall']:6.2f} "
            f"{r['f1']:6.2f}  {r['tag_tokens_sent_per_s']:7.0f}  {per}"
        )
    t = res["tag_raw_text"]
    print(
        f"tag() on raw text: {t['sentences']} sentences, {t['sent_per_s']:.0f} sentences/s (one core)"
    )
    print(
        "nerp = five original NERP classes incl. FNB (comparable with IndoNLU 79.25); "
        "nerp-spec = PER/ORG/LOC/EVENT only"
    )
    print(f"\nEnglish, tests/ner_en/{'test' if args.split == 'test' else 'dev'}.jsonl, SPEC types "
          "through the entities stage")
    for name, r in res["english"].items():
        per = " ".join(f"{k} {v:.1f}" for k, v in r["per_type_f1"].items())
        print(f"{name:28s} {r['sentences']:4d} P {r['precision']:6.2f} R {r['recall']:6.2f} "
              f"F1 {r['f1']:6.2f}  {r['sent_per_s']:5.0f} sent/s  {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
