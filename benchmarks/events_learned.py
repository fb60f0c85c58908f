"""Events, a second approach: a learned sentence-level event-type classifier against the rules.

The ``events`` stage codes events with hand-written patterns. This benchmark asks whether a
statistical model would find the kinds of events better. Each sentence of the Indonesian
development table gets the set of PLOVER types of its gold events; one logistic regression per
type (one-vs-rest, balanced classes) over the sentence's words, word pairs and first words is
trained and scored with 5-fold cross-validation grouped by article (an article never trains
the model that scores it). The rules are scored on the same sentences: a (sentence, type) pair
is right when a gold event of that type is in that sentence. Development table only.

    python benchmarks/events_learned.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import TABLES, _pipeline, _published, _run


def sentences() -> tuple[list[dict], list[int]]:
    from warta.actors.names import fold

    pipeline = _pipeline()
    rows = [json.loads(line) for line in (TABLES / "dev.id.jsonl").read_text(encoding="utf-8").split("\n")
            if line.strip()]
    out, groups = [], []
    for n, row in enumerate(rows):
        record = {"title": row.get("title"), "text": row["text"], "published": _published(row.get("published"))}
        article = _run(pipeline, record, row["source"])
        gold: dict[tuple[str, int], set[str]] = {}
        for event in row["events"]:
            field = event.get("field", "body")
            at = article.text_of(field).find(event["sentence"])
            for s in article.sentences:
                if s.field == field and s.start <= at < s.end:
                    gold.setdefault((field, s.start), set()).add(event["type"])
        for s in article.sentences:
            text = article.text_of(s.field)[s.start:s.end]
            out.append({
                "words": [fold(w).strip(",.:;!?\"“”()") for w in text.split()],
                "gold": gold.get((s.field, s.start), set()),
                "rules": {e.type for e in article.events if (e.sentence.field, e.sentence.start) == (s.field, s.start)},
            })
            groups.append(n)
    return out, groups


def features(sentence: dict) -> dict[str, float]:
    words = [w for w in sentence["words"] if w]
    f = {f"w={w}": 1.0 for w in words}
    f.update({f"ww={a}_{b}": 1.0 for a, b in zip(words, words[1:])})
    f.update({f"first{i}={w}": 1.0 for i, w in enumerate(words[:2])})
    return f


def score(pairs_gold: set, pairs_pred: set) -> tuple[float, float, float]:
    tp = len(pairs_gold & pairs_pred)
    p, r = tp / max(1, len(pairs_pred)), tp / max(1, len(pairs_gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> int:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
    except ImportError:
        print("skipped: scikit-learn is not installed (pip install -e '.[tools]')")
        return 0
    if not (TABLES / "dev.id.jsonl").exists():
        print("skipped: no event development table")
        return 0
    rows, groups = sentences()
    types = sorted({t for r in rows for t in r["gold"]})
    learned: list[set[str]] = [set() for _ in rows]
    for train, held in GroupKFold(n_splits=5).split(rows, groups=groups):
        vectorizer = DictVectorizer()
        x_train = vectorizer.fit_transform([features(rows[i]) for i in train])
        x_held = vectorizer.transform([features(rows[i]) for i in held])
        for kind in types:
            y = [kind in rows[i]["gold"] for i in train]
            if sum(y) < 2:
                continue
            model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(x_train, y)
            for i, guess in zip(held, model.predict(x_held)):
                if guess:
                    learned[i].add(kind)
    gold = {(i, t) for i, r in enumerate(rows) for t in r["gold"]}
    print(f"Indonesian dev table: {len(rows)} sentences, {len(gold)} (sentence, type) pairs with a gold event")
    print(f"{'approach':<44}{'P':>7}{'R':>7}{'F1':>7}")
    for name, pred in (("rules (events stage)", {(i, t) for i, r in enumerate(rows) for t in r["rules"]}),
                       ("logistic regression, 5-fold by article", {(i, t) for i, s in enumerate(learned) for t in s}),
                       ("rules, and the model where rules find nothing",
                        {(i, t) for i, r in enumerate(rows) for t in (r["rules"] or learned[i])})):
        p, r, f = score(gold, pred)
        print(f"{name:<44}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
