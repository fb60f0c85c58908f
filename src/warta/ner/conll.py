"""CoNLL-style NER corpora: readers, per-corpus label maps and an entity-level scorer.

Every corpus is read into ``Sentence(tokens, tags)`` with BIO tags over the
*internal* label set ``PER ORG LOC EVENT FNB``:

=================  ==========================================================
corpus             original label -> internal label
=================  ==========================================================
``nergrit``        PERSON->PER, ORGANISATION->ORG, PLACE->LOC
``nerp``           PPL->PER, IND->ORG, PLC->LOC, EVT->EVENT, FNB->FNB
``nerui``          PERSON->PER, ORGANIZATION->ORG, LOCATION->LOC
``nerugm``         PERSON->PER, ORGANIZATION->ORG, LOCATION->LOC,
                   TIME->O, QUANTITY->O (not SPEC entity types)
=================  ==========================================================

``FNB`` (NERP food & beverage) is learned by the model as an internal label so
NERP can be scored on its five original classes; ``Tagger.tag`` never returns it
(SPEC types are PER / ORG / LOC / EVENT).

The scorer (:func:`score`) is CoNLL-style (conlleval): an entity counts as
correct only when both its exact token span and its type match. Spans are read
from BIO the conlleval way: an ``I-X`` that does not continue an ``X`` entity
starts a new one.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "EVENT", "FNB")
SPEC_LABELS = ("PER", "ORG", "LOC", "EVENT")

LABEL_MAPS: dict[str, dict[str, str | None]] = {
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": "EVENT", "FNB": "FNB"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nerugm": {
        "PERSON": "PER",
        "ORGANIZATION": "ORG",
        "LOCATION": "LOC",
        "TIME": None,
        "QUANTITY": None,
    },
}

# (corpus, split) -> path relative to the shared data root.
SPLIT_FILES: dict[str, dict[str, str]] = {
    "nergrit": {
        "train": "indonlu-nergrit/train_preprocess.txt",
        "valid": "indonlu-nergrit/valid_preprocess.txt",
        "test": "indonlu-nergrit/test_preprocess.txt",
    },
    "nerp": {
        "train": "indonlu-nerp/train_preprocess.txt",
        "valid": "indonlu-nerp/valid_preprocess.txt",
        "test": "indonlu-nerp/test_preprocess.txt",
    },
    # IndoLEM: fold 01 only (the other folds' test parts overlap fold-01 train).
    "nerui": {
        "train": "indolem-ner/nerui/train.01.tsv",
        "valid": "indolem-ner/nerui/dev.01.tsv",
        "test": "indolem-ner/nerui/test.01.tsv",
    },
    "nerugm": {
        "train": "indolem-ner/nerugm/train.01.tsv",
        "valid": "indolem-ner/nerugm/dev.01.tsv",
        "test": "indolem-ner/nerugm/test.01.tsv",
    },
}
CORPORA = tuple(SPLIT_FILES)

# Labels each corpus annotates (internal names) -- what the benchmark scores.
CORPUS_LABELS: dict[str, tuple[str, ...]] = {
    "nergrit": ("PER", "ORG", "LOC"),
    "nerp": ("PER", "ORG", "LOC", "EVENT", "FNB"),
    "nerui": ("PER", "ORG", "LOC"),
    "nerugm": ("PER", "ORG", "LOC"),
}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]
    corpus: str = ""
    meta: dict = field(default_factory=dict)


def default_data_root() -> Path:
    """``$WARTA_SHARED_DATA`` or ``../shared/data`` relative to the repository root."""
    env = os.environ.get("WARTA_SHARED_DATA")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    return (repo / ".." / "shared" / "data").resolve()


def map_tag(tag: str, label_map: dict[str, str | None]) -> str:
    if tag == "O" or not tag:
        return "O"
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or not label:
        raise ValueError(f"not a BIO tag: {tag!r}")
    if label not in label_map:
        raise ValueError(f"unknown label {label!r}")
    mapped = label_map[label]
    return "O" if mapped is None else f"{prefix}-{mapped}"


def parse_conll(text: str, label_map: dict[str, str | None] | None = None, corpus: str = ""):
    """Parse ``token<TAB>tag`` lines (blank line between sentences) into Sentences."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            if tokens:
                sentences.append(Sentence(tokens, tags, corpus))
                tokens, tags = [], []
            continue
        if "\t" in line:
            tok, _, tag = line.rpartition("\t")
        else:
            tok, _, tag = line.rpartition(" ")
        tag = tag.strip()
        if label_map is not None:
            tag = map_tag(tag, label_map)
        tokens.append(tok)
        tags.append(tag)
    if tokens:
        sentences.append(Sentence(tokens, tags, corpus))
    return sentences


def read_conll(path: str | Path, label_map=None, corpus: str = "") -> list[Sentence]:
    with open(path, encoding="utf-8") as fh:
        return parse_conll(fh.read(), label_map, corpus)


def read_split(corpus: str, split: str, root: str | Path | None = None) -> list[Sentence]:
    """Read one split (``train`` / ``valid`` / ``test``) of a corpus with internal labels."""
    root = Path(root) if root is not None else default_data_root()
    return read_conll(root / SPLIT_FILES[corpus][split], LABEL_MAPS[corpus], corpus)


def split_path(corpus: str, split: str, root: str | Path | None = None) -> Path:
    root = Path(root) if root is not None else default_data_root()
    return root / SPLIT_FILES[corpus][split]


# --------------------------------------------------------------------------- scoring


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, label)`` from BIO tags (conlleval rules)."""
    spans = []
    start = None
    label = None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or not tag:
            prefix, lab = "O", None
        else:
            prefix, _, lab = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and lab != label)
        if label is not None and (prefix == "O" or begins):
            spans.append((start, i, label))
            label = None
        if prefix != "O" and (begins or label is None):
            start, label = i, lab
    return spans


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[list[str]], pred: list[list[str]], labels=None):
    """Entity-level exact-match P/R/F1. Returns ``(overall Score, {label: Score})``.

    ``labels``: when given, entities of other types (in gold or prediction) are
    ignored -- e.g. scoring NERP on SPEC types only drops FNB on both sides.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and prediction differ in sentence count")
    per: dict[str, Score] = {}
    total = Score()
    for g_tags, p_tags in zip(gold, pred):
        if len(g_tags) != len(p_tags):
            raise ValueError("gold and prediction differ in sentence length")
        g = {s for s in bio_spans(g_tags) if labels is None or s[2] in labels}
        p = {s for s in bio_spans(p_tags) if labels is None or s[2] in labels}
        for s in g | p:
            sc = per.setdefault(s[2], Score())
            if s in g and s in p:
                sc.tp += 1
                total.tp += 1
            elif s in p:
                sc.fp += 1
                total.fp += 1
            else:
                sc.fn += 1
                total.fn += 1
    return total, dict(sorted(per.items()))


def label_counts(sentences: list[Sentence]) -> Counter:
    c: Counter = Counter()
    for s in sentences:
        for _, _, lab in bio_spans(s.tags):
            c[lab] += 1
    return c
