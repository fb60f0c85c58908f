"""Score time-expression finders against annotated snippet tables (``tests/timex/*.jsonl``).

A prediction matches a gold expression when their spans overlap (annotators and rules differ
on edges such as "pada" or a trailing "lalu"); each gold expression matches at most one
prediction. Value accuracy is over matched pairs, and ``value_recall`` over all gold
expressions (both right span and right value), so neither hides the other.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    value: str | None
    granularity: str | None = None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.matched if self.matched else 0.0

    @property
    def value_recall(self) -> float:
        return self.value_correct / self.gold if self.gold else 0.0

    def summary(self) -> dict:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "value_accuracy": round(self.value_accuracy, 4), "value_recall": round(self.value_recall, 4),
        }


def load_table(paths: Iterable[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def same_value(gold: dict, predicted: str | None) -> bool:
    return predicted == gold["value"]


def score(rows: list[dict], predict: Callable[[dict], list[Predicted]],
          same: Callable[[dict, str | None], bool] = same_value) -> Score:
    result = Score()
    for row in rows:
        gold = row["times"]
        predicted = predict(row)
        result.gold += len(gold)
        result.predicted += len(predicted)
        used: set[int] = set()
        for g in gold:
            best, overlap = None, 0
            for i, p in enumerate(predicted):
                size = min(g["end"], p.end) - max(g["start"], p.start)
                if i not in used and size > overlap:
                    best, overlap = i, size
            if best is None:
                result.errors.append({"id": row["id"], "kind": "missed", "gold": g["text"], "value": g["value"],
                                      "text": row["text"]})
                continue
            used.add(best)
            result.matched += 1
            p = predicted[best]
            if same(g, p.value):
                result.value_correct += 1
            else:
                result.errors.append({"id": row["id"], "kind": "value", "gold": g["text"], "value": g["value"],
                                      "got": p.value, "got_text": row["text"][p.start:p.end],
                                      "anchor": row["anchor"], "text": row["text"]})
        for i, p in enumerate(predicted):
            if i not in used:
                result.errors.append({"id": row["id"], "kind": "spurious", "got_text": row["text"][p.start:p.end],
                                      "got": p.value, "text": row["text"]})
    return result


def warta_predictor() -> Callable[[dict], list[Predicted]]:
    """Warta's ``times`` stage on one snippet, as the body of an article published on the anchor."""
    from warta.config import Options
    from warta.model import Article, Published, Source
    from warta.stages.times import find_times

    options = Options()

    def predict(row: dict) -> list[Predicted]:
        article = Article(source=Source(format="text"), body=row["text"], language=row["lang"],
                          published=Published(date=row["anchor"], precision="day", basis="input-field"))
        found = find_times(article, options).times
        return [Predicted(t.span.start, t.span.end, t.value, t.granularity) for t in found]

    return predict


def truncate(moment: dt.date, granularity: str) -> str:
    """A full date cut to a gold granularity, so a baseline that only returns days is not
    penalised for precision it cannot express."""
    if granularity == "week":
        return (moment - dt.timedelta(days=moment.weekday())).isoformat()
    if granularity == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if granularity == "year":
        return f"{moment.year:04d}"
    return moment.isoformat()
