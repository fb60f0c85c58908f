"""Scoring events against the annotated corpus, and two annotators against each other.

Three levels, each a one-to-one matching of predicted to gold events in an article:

1. ``type``: the predicted event has the gold type (or one of its ``also`` types) and is read
   from the sentence that holds the gold trigger;
2. ``actor``: … and its actor is the gold actor;
3. ``event`` (strict): … and its recipient is the gold recipient — an event as the mission
   counts it. A gold side that is null must be null; CONSULT, AGREE and COOPERATE may name
   their sides either way round.

A side matches (``tests/data/events/GUIDELINES.md`` § 3): a named actor by its name or an
alias (one name's words contained in the other's, initials against a full name), at either
level of a unit and its parent; an unnamed group by the same country and sector. Status
accuracy is over type-level matches, with ``historical`` counted as ``asserted`` (both
happened; ANNOTATION.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from warta.actors.names import fold
from warta.model import Actor, Article

LEVELS = ("type", "actor", "event")
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_WORD = re.compile(r"\w+")


@cache
def _ignored() -> frozenset[str]:
    """Words that never make two names the same: titles, honorifics and a few particles."""
    from warta.resources import load

    words: set[str] = set()
    for lang in ("id", "en"):
        table = load(lang, "titles.yaml")
        for phrase in [t for names in table["offices"].values() for t in names] + list(table.get("roles", ())) \
                + list(table.get("honorifics", ())):
            words |= {fold(w) for w in _WORD.findall(phrase) if len(w) > 3}
    return frozenset(words | {"dan", "the", "of", "ri", "republik", "negara", "saudara", "sdr", "kakek", "nenek",
                              "pak", "bu", "bapak", "ibu", "para", "pihak"})


def name_words(name: str | None) -> tuple[str, ...]:
    words = tuple(fold(w) for w in _WORD.findall(name or ""))
    core = tuple(w for w in words if w not in _ignored())
    return core or words


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w)


def names_agree(a: str | None, b: str | None) -> bool:
    """Two names of one referent: the words of one inside the other's, or initials ("SB")
    against the full name ("Siman Bahar")."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    sa, sb = set(wa), set(wb)
    if sa <= sb or sb <= sa:
        return True
    if len(wa) == 1 and len(wa[0]) >= 2 and wa[0] == _initials(wb):
        return True
    return len(wb) == 1 and len(wb[0]) >= 2 and wb[0] == _initials(wa)


def _side_names(side: Mapping) -> list[str]:
    return [n for n in (side.get("name"), side.get("text")) if n]


def _alternatives(side: Mapping) -> list[Mapping]:
    return [side, *(side.get("others") or ())]


def actor_matches(gold: Mapping | None, actor: Actor | None, actors: Mapping[str, Actor]) -> bool:
    """Whether a predicted actor is the gold side (None against None is a match)."""
    if gold is None or actor is None:
        return gold is None and actor is None
    for side in _alternatives(gold):
        if side.get("kind") == "group":
            if side.get("country") and side.get("sector") and actor.country == side["country"] \
                    and actor.sector == side["sector"]:
                return True
            if actor.kind == "group" and names_agree(side.get("name"), actor.name):
                return True
            continue
        said = [actor.name, *actor.aliases]
        if actor.kind == "state":
            wanted = {name_words(n) for n in (side.get("name"), side.get("parent"), side.get("text")) if n}
            if any(name_words(n) in wanted for n in said):
                return True
            continue
        parent = actors.get(actor.parent) if getattr(actor, "parent", None) else None
        levels = [said] + ([[parent.name, *parent.aliases]] if parent else [])
        golds = [_side_names(side)] + ([[side["parent"]]] if side.get("parent") else [])
        if any(names_agree(g, p) for gs in golds for g in gs for ps in levels for p in ps):
            return True
    return False


def sides_agree(a: Mapping | None, b: Mapping | None) -> bool:
    """Whether two annotators coded the same side."""
    if a is None or b is None:
        return a is None and b is None
    for x in _alternatives(a):
        for y in _alternatives(b):
            grouped = x.get("kind") == "group" or y.get("kind") == "group"
            if grouped and x.get("country") == y.get("country") and x.get("sector") and x.get("sector") == y.get("sector"):
                return True
            xs = _side_names(x) + ([x["parent"]] if x.get("parent") else [])
            ys = _side_names(y) + ([y["parent"]] if y.get("parent") else [])
            if any(names_agree(p, q) for p in xs for q in ys):
                return True
    return False


# -- counting -------------------------------------------------------------------------------
@dataclass
class Tally:
    """Counts for one system on one split; ``add`` merges another tally."""

    gold: int = 0
    predicted: int = 0
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    status_right: int = 0
    repeats: int = 0  # predictions that repeat a gold event from another sentence
    excused: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))  # repeats, per level
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def _type(self, kind: str) -> dict[str, int]:
        return self.by_type.setdefault(kind, {"gold": 0, "predicted": 0, **dict.fromkeys(LEVELS, 0),
                                              **{f"excused_{level}": 0 for level in LEVELS}})

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.status_right += other.status_right
        self.repeats += other.repeats
        for level in LEVELS:
            self.matched[level] += other.matched[level]
            self.excused[level] += other.excused[level]
        for kind, counts in other.by_type.items():
            mine = self._type(kind)
            for key, value in counts.items():
                mine[key] += value
        self.errors.extend(other.errors)

    def scores(self) -> dict:
        out = {"gold": self.gold, "predicted": self.predicted, "repeats": self.repeats}
        for level in LEVELS:
            out[level] = prf(self.matched[level], self.predicted - self.excused[level], self.gold)
        out["status_accuracy"] = round(self.status_right / self.matched["type"], 3) if self.matched["type"] else None
        out["by_type"] = {kind: {"gold": c["gold"], "predicted": c["predicted"],
                                 **{level: prf(c[level], c["predicted"] - c[f"excused_{level}"], c["gold"])
                                    for level in LEVELS}}
                          for kind, c in sorted(self.by_type.items())}
        return out


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _same_status(a: str | None, b: str | None) -> bool:
    def norm(s: str | None) -> str:
        return "asserted" if s in (None, "historical") else s

    return norm(a) == norm(b)


@dataclass(frozen=True)
class _Item:
    """An event reduced to what is scored: where its trigger is, its types, sides, status."""

    where: tuple[str, int, int]  # field, sentence start, sentence end
    types: frozenset[str]
    actor: object
    recipient: object
    status: str | None
    label: str


def _match(gold: list[_Item], predicted: list[_Item], same_side: Callable[[object, object], bool]) -> Tally:
    tally = Tally(gold=len(gold), predicted=len(predicted))
    for item in predicted:
        tally._type(next(iter(sorted(item.types))))["predicted"] += 1
    for item in gold:
        tally._type(min(item.types))["gold"] += 1
    used = {level: set() for level in LEVELS}

    def sides_ok(g: _Item, p: _Item, strict: bool) -> bool:
        straight = same_side(g.actor, p.actor) and (not strict or same_side(g.recipient, p.recipient))
        if straight:
            return True
        if g.types & RECIPROCAL:
            crossed = same_side(g.actor, p.recipient) and (not strict or same_side(g.recipient, p.actor))
            return crossed
        return False

    for g in gold:
        kind = min(g.types)
        candidates = [j for j, p in enumerate(predicted) if p.where == g.where and p.types & g.types]
        for level in LEVELS:
            free = [j for j in candidates if j not in used[level]]
            if level == "actor":
                free = [j for j in free if sides_ok(g, predicted[j], strict=False)]
            elif level == "event":
                free = [j for j in free if sides_ok(g, predicted[j], strict=True)]
            if free:
                used[level].add(free[0])
                tally.matched[level] += 1
                tally._type(kind)[level] += 1
                if level == "type" and _same_status(g.status, predicted[free[0]].status):
                    tally.status_right += 1
                elif level == "type":
                    tally.errors.append(f"status {g.label}: gold {g.status}, got {predicted[free[0]].status}")
            else:
                got = [predicted[j].label for j in candidates] or [p.label for p in predicted if p.where == g.where]
                tally.errors.append(f"missed@{level} {g.label}; got {got}")
                break
    # "An event counts once … repeats in later sentences may be coded too and are not wrong"
    # (ANNOTATION.md): at each level, a prediction left unmatched that has a gold event's type and
    # sides (from another sentence) is a repeat, and counts neither way.
    for j, p in enumerate(predicted):
        repeat = j not in used["event"] and any(p.types & g.types and sides_ok(g, p, strict=True) for g in gold)
        for level in LEVELS:
            if repeat and j not in used[level]:
                tally.excused[level] += 1
                tally._type(next(iter(sorted(p.types))))[f"excused_{level}"] += 1
        if repeat:
            tally.repeats += 1
        elif j not in used["type"]:
            tally.errors.append(f"false {p.label}")
    return tally


def _sentence_at(article: Article, field_name: str, position: int) -> tuple[str, int, int]:
    for s in article.sentences:
        if s.field == field_name and s.start <= position < s.end:
            return (field_name, s.start, s.end)
    return (field_name, position, position + 1)


def _gold_label(source: str, event: Mapping) -> str:
    def side(s):
        return None if s is None else s.get("name")

    return (f"[{source}] {event['type']} {side(event.get('actor'))!r} -> {side(event.get('recipient'))!r} "
            f"{event.get('status')} '{event['trigger']}' in {event['sentence'][:70]!r}")


def score_article(article: Article, gold_events: Iterable[Mapping], source: str = "") -> Tally:
    """Predicted events of ``article`` (run on the annotated text) against its gold events."""
    from warta.events.gold import GoldText, locate

    text = GoldText(source, article.title, article.body, None)
    actors = {a.id: a for a in article.actors}
    gold: list[_Item] = []
    unlocated: list[str] = []
    for event in gold_events:
        where = locate(text, event)
        if where is None:
            unlocated.append(f"unlocated {_gold_label(source, event)}")
            continue
        gold.append(_Item(_sentence_at(article, where[0], where[1]), frozenset([event["type"], *(event.get("also") or ())]),
                          event.get("actor"), event.get("recipient"), event.get("status"), _gold_label(source, event)))

    def name(actor_id):
        return actors[actor_id].name if actor_id in actors else actor_id

    predicted = [_Item((e.sentence.field, e.sentence.start, e.sentence.end), frozenset([e.type]),
                       actors.get(e.actor), actors.get(e.recipient), e.status,
                       f"[{source}] {e.type} {name(e.actor)!r} -> {name(e.recipient)!r} {e.status} "
                       f"'{e.trigger.text}' ({e.rule}) in "
                       f"{article.text_of(e.sentence.field)[e.sentence.start:e.sentence.end][:70]!r}")
                 for e in article.events]
    tally = _match(gold, predicted, lambda g, p: actor_matches(g, p, actors))
    tally.gold += len(unlocated)
    tally.errors.extend(unlocated)
    return tally


def agreement(article: Article, first: Sequence[Mapping], second: Sequence[Mapping], source: str = "") -> Tally:
    """Annotator ``second`` scored against annotator ``first`` on the same article (its
    sentences drawn by the segmenter, so that two snippets of one sentence meet)."""
    from warta.events.gold import GoldText, locate

    text = GoldText(source, article.title, article.body, None)

    def items(events: Sequence[Mapping]) -> list[_Item]:
        out = []
        for event in events:
            where = locate(text, event)
            if where is not None:
                out.append(_Item(_sentence_at(article, where[0], where[1]),
                                 frozenset([event["type"], *(event.get("also") or ())]), event.get("actor"),
                                 event.get("recipient"), event.get("status"), _gold_label(source, event)))
        return out

    return _match(items(first), items(second), sides_agree)
