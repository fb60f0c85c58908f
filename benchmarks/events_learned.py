"""Events, a second approach: a learned sentence-level event-type classifier against the rules.

The default coder finds events with patterns. This benchmark asks how far a statistical model
of the same corpus would get at the first level (the right type in the right sentence). Each
sentence of the corpus gets the set of PLOVER types of its gold events; one averaged
perceptron per type (one against the rest) over the sentence's words, word pairs, the words'
rough stems (Indonesian affixes stripped) and its first words learns from the ``train`` split
and is scored on ``dev`` (never ``test``). The v2 coder is scored on the same sentences: a
(sentence, type) pair is right when a gold event of that type is in that sentence.

It is a measurement, not a shipped model: the corpus's texts are detik.com articles with no
licence (../shared/data/detik-aspect-summarization-2025/README.md), so a model trained on them
may be used to measure but not shipped by default.

    python benchmarks/events_learned.py [--epochs 8]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

from events import CORPUS, DATA, _article, _coder, _front

_STRIP = re.compile(r"^(?:memper|diper|mem|men|meng|meny|me|di|ber|ter|pen|pem|peng|peny|pe|ke)|(?:kan|an|i|nya)$")


def sentences(split: str) -> list[dict]:
    from warta.actors.names import fold
    from warta.events.gold import gold_text, load_split, locate

    front = _front()
    coder = _coder("events.v2", front.options)
    out = []
    for row in load_split(CORPUS, split):
        text = gold_text(row.source, DATA)
        article = coder.run(_article(front, text, row.source))
        gold: dict[tuple[str, int], set[str]] = {}
        for event in row.events:
            where = locate(text, event)
            if where is None:
                continue
            for s in article.sentences:
                if s.field == where[0] and s.start <= where[1] < s.end:
                    gold.setdefault((s.field, s.start), set()).update([event["type"], *(event.get("also") or ())])
        for s in article.sentences:
            words = [fold(w) for w in re.findall(r"\w+", article.text_of(s.field)[s.start:s.end])]
            out.append({"words": words, "gold": gold.get((s.field, s.start), set()),
                        "rules": {e.type for e in article.events if (e.sentence.field, e.sentence.start) == (s.field, s.start)}})
    return out


def features(sentence: dict) -> list[str]:
    words = sentence["words"]
    f = {f"w={w}" for w in words}
    f |= {f"s={_STRIP.sub('', w)}" for w in words if len(w) > 5}
    f |= {f"ww={a}_{b}" for a, b in itertools.pairwise(words)}
    f |= {f"first{i}={w}" for i, w in enumerate(words[:2])}
    return sorted(f)


def train(rows: list[dict], kind: str, epochs: int) -> dict[str, float]:
    """An averaged perceptron for one type, with a bias feature; positives weighted by how rare
    they are, so the model does not learn to say no everywhere."""
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    positives = sum(kind in r["gold"] for r in rows) or 1
    weight_pos = max(1.0, (len(rows) - positives) / positives / 16)
    data = [(features(r) + ["bias"], kind in r["gold"]) for r in rows]
    rng = random.Random(13)
    step = 0
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, label in data:
            step += 1
            score = sum(weights[f] for f in feats)
            if (score > 0) != label:
                delta = (1.0 if label else -1.0) * (weight_pos if label else 1.0)
                for f in feats:
                    totals[f] += (step - stamps[f]) * weights[f]
                    stamps[f] = step
                    weights[f] += delta
    for f, weight in weights.items():
        totals[f] += (step - stamps[f]) * weight
    return {f: totals[f] / step for f in weights}


def score(gold: set, predicted: set) -> tuple[float, float, float]:
    tp = len(gold & predicted)
    p, r = tp / max(1, len(predicted)), tp / max(1, len(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args()
    if not (CORPUS / "train.id.jsonl").exists():
        print("skipped: no event corpus")
        return 0
    trained, held = sentences("train"), sentences("dev")
    types = sorted({t for r in trained for t in r["gold"]})
    learned: list[set[str]] = [set() for _ in held]
    for kind in types:
        model = train(trained, kind, args.epochs)
        for i, r in enumerate(held):
            if sum(model.get(f, 0.0) for f in features(r) + ["bias"]) > 0:
                learned[i].add(kind)
    gold = {(i, t) for i, r in enumerate(held) for t in r["gold"]}
    print(f"Indonesian dev: {len(held)} sentences, {len(gold)} (sentence, type) pairs with a gold event; "
          f"trained on {len(trained)} train sentences")
    print(f"{'approach':<52}{'P':>7}{'R':>7}{'F1':>7}")
    rules = {(i, t) for i, r in enumerate(held) for t in r["rules"]}
    model = {(i, t) for i, s in enumerate(learned) for t in s}
    for name, pred in (("rules (events.v2)", rules), ("averaged perceptron (train -> dev)", model),
                       ("rules, and the model where the rules find nothing",
                        {(i, t) for i, r in enumerate(held) for t in (r["rules"] or learned[i])}),
                       ("rules and the model together", rules | model)):
        p, r, f = score(gold, pred)
        print(f"{name:<52}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
