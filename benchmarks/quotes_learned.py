"""Quotes, a second approach: a learned reported-speech detector against the rules.

The ``quotes`` stage finds indirect quotes with rules (cue verbs, subjects, clauses). This
benchmark asks whether a statistical detector would do better. Each body sentence of the
development tables is labelled "holds reported speech without quotation marks" when a gold
indirect quote overlaps it. A logistic regression over the sentence's words, word pairs and
cue-lexicon flags is trained and scored with 5-fold cross-validation grouped by article (an
article is never in its own training folds); the rules are scored on the same sentences.
Development tables only: the test tables are never used to train or to choose features.

    python benchmarks/quotes_learned.py [--lang id|en]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes import TABLES, detik_dates, locate


def sentences_of(lang: str) -> tuple[list[dict], list[int]]:
    """Every body sentence with its words, gold label, rule prediction and article number."""
    from warta.actors.names import fold
    from warta.config import load_options
    from warta.model import Article, Source
    from warta.pipeline import Pipeline
    from warta.readers import DEFAULT_FIELDS, raw_from_record
    from warta.resources import load

    verbs = load(lang, "reporting_verbs.yaml")
    cue_words = {fold(w) for key in ("speech_verbs", "after_quote", "source_before", "source_self",
                                     "after_quote_self", "participle_cues") for p in verbs[key] for w in p.split()}
    pipeline = Pipeline(options=load_options())
    dates = detik_dates()
    rows = [json.loads(line) for line in (TABLES / f"dev.{lang}.jsonl").read_text(encoding="utf-8").split("\n")
            if line.strip()]
    out, groups = [], []
    for n, row in enumerate(rows):
        record = {"title": row.get("title"), "text": row["text"]}
        detik_id = row["source"].split("#")[-1]
        if detik_id in dates:
            record["published"] = dates[detik_id]
        article = pipeline.run(Article(source=Source(format="jsonl", path=row["source"]),
                                       raw=raw_from_record(record, DEFAULT_FIELDS)))
        gold = [locate(q["quote"], article.body) for q in row["quotes"] if q["kind"] == "indirect"]
        pred = [(q.span.start, q.span.end) for q in article.quotes if q.kind == "indirect" and q.span.field == "body"]
        for s in article.sentences:
            if s.field != "body":
                continue
            text = article.body[s.start:s.end]
            words = [fold(w) for w in text.split()]
            entities = [e.type for e in article.entities if e.span.field == "body" and s.start <= e.span.start < s.end]
            out.append({
                "words": words,
                "cues": [w for w in words if w.strip(",.") in cue_words],
                "entities": entities,
                "quoted": any(c in text for c in "\"“”"),
                "gold": any(g and g[0] < s.end and s.start < g[1] for g in gold),
                "rules": any(p[0] < s.end and s.start < p[1] for p in pred),
            })
            groups.append(n)
    return out, groups


def features(sentence: dict) -> dict[str, float]:
    f: dict[str, float] = {}
    words = [w.strip(",.:;!?\"“”") for w in sentence["words"]]
    for w in words:
        f[f"w={w}"] = 1.0
    for a, b in zip(words, words[1:]):
        f[f"ww={a}_{b}"] = 1.0
    for i, w in enumerate(words[:3]):
        f[f"first{i}={w}"] = 1.0
    for c in sentence["cues"]:
        f[f"cue={c.strip(',.')}"] = 1.0
    f["n_cues"] = float(len(sentence["cues"]))
    f["has_cue"] = float(bool(sentence["cues"]))
    f["quoted"] = float(sentence["quoted"])
    for t in set(sentence["entities"]):
        f[f"ent={t}"] = 1.0
    return f


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
    except ImportError:
        print("skipped: scikit-learn is not installed (pip install -e '.[tools]')")
        return 0
    if not (TABLES / f"dev.{args.lang}.jsonl").exists():
        print(f"skipped: no dev table for {args.lang}")
        return 0
    sentences, groups = sentences_of(args.lang)
    gold = [s["gold"] for s in sentences]
    learned = [False] * len(sentences)
    for train, held in GroupKFold(n_splits=5).split(sentences, gold, groups):
        vectorizer = DictVectorizer()
        x = vectorizer.fit_transform([features(sentences[i]) for i in train])
        model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        model.fit(x, [gold[i] for i in train])
        guesses = model.predict(vectorizer.transform([features(sentences[i]) for i in held]))
        for i, guess in zip(held, guesses):
            learned[i] = bool(guess)
    print(f"indirect quotes, {args.lang} dev table: {len(sentences)} body sentences, {sum(gold)} hold one")
    print(f"{'approach':<42}{'P':>7}{'R':>7}{'F1':>7}")
    for name, pred in (("rules (quotes stage)", [s["rules"] for s in sentences]),
                       ("logistic regression, 5-fold by article", learned),
                       ("either", [a or b for a, b in zip(learned, (s["rules"] for s in sentences))])):
        p, r, f = prf(gold, pred)
        print(f"{name:<42}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
