"""The Indonesian NER tagger: a python-crfsuite CRF with frozen feature data.

Files (``warta/resources/models/``):

* ``ner-id.crfsuite``        -- the CRF model
* ``ner-id.clusters.tsv``    -- word clusters the features use (word, then one id per granularity)
* ``ner-id.gazetteer.txt``   -- ``TYPE<TAB>lowercased phrase`` the model was trained with
* ``ner-id.titles.txt``      -- title / role words that precede names
* ``ner-id.case.tsv``        -- how each word is usually written in cased text
* ``ner-id.memory.txt``      -- entity strings of the training data, ``TYPE<TAB>phrase``
* ``ner-id.json``            -- metadata: data files + sha256, options, scores
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _res
from pathlib import Path

from warta.ner.conll import SPEC_LABELS, bio_spans
from warta.ner.features import FeatureExtractor, Gazetteer, augment
from warta.ner.tokens import tokenize

MODEL_NAMES = {"id": "ner-id"}


def models_dir() -> Path:
    return Path(str(_res.files("warta.resources") / "models"))


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    clusters: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                clusters[parts[0]] = tuple(parts[1:])
    return clusters


def read_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


def load_extractor(folder: Path, name: str, meta: dict | None = None) -> FeatureExtractor:
    meta = meta or {}
    opts = meta.get("options", {})
    cl_path = folder / f"{name}.clusters.tsv"
    gz_path = folder / f"{name}.gazetteer.txt"
    ti_path = folder / f"{name}.titles.txt"
    clusters = read_clusters(cl_path) if cl_path.exists() and opts.get("clusters", True) else {}
    gaz = Gazetteer()
    if gz_path.exists() and opts.get("gazetteer", True):
        with open(gz_path, encoding="utf-8") as fh:
            gaz = Gazetteer.from_lines(fh)
    titles = set(read_lines(ti_path)) if ti_path.exists() else set()
    memory = None
    mem_path = folder / f"{name}.memory.txt"
    if mem_path.exists() and opts.get("memory", False):
        with open(mem_path, encoding="utf-8") as fh:
            memory = Gazetteer.from_lines(fh)
    case = None
    case_path = folder / f"{name}.case.tsv"
    if case_path.exists() and opts.get("case", False):
        case = {w: c[0] for w, c in read_clusters(case_path).items()}
    return FeatureExtractor(
        clusters,
        gaz,
        titles,
        memory=memory,
        case=case,
        word_bigrams=opts.get("word_bigrams", True),
        window=opts.get("window", 2),
    )


class Tagger:
    def __init__(self, model_path: Path, extractor: FeatureExtractor, meta: dict | None = None):
        import pycrfsuite

        self.meta = meta or {}
        self.extractor = extractor
        opts = self.meta.get("options", {})
        self.augment_mode = opts.get("augment", "none")
        # runtime conventions: which training corpus's feature copies to add when the
        # caller names none -- one for cased text, one for text written without capitals
        rd = opts.get("runtime_domain") or {}
        self.domain_cased = rd.get("cased")
        self.domain_lower = rd.get("lowercase")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @classmethod
    def from_folder(cls, folder: Path, name: str) -> Tagger:
        meta_path = folder / f"{name}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return cls(folder / f"{name}.crfsuite", load_extractor(folder, name, meta), meta)

    def tag_tokens(self, tokens: list[str], domain: str | None = None) -> list[str]:
        """BIO tags over the internal labels (PER ORG LOC EVENT, and FNB for food & drink).

        ``domain`` (a training corpus name: nergrit, nerp, nerui, nerugm) adds that
        corpus's feature copies (its annotation conventions). ``None`` (the runtime
        default) picks the model's ``runtime_domain``: one corpus for cased text, another
        for text without capital letters. ``""`` uses the general features only.
        """
        if not tokens:
            return []
        feats = self.extractor.sentence(list(tokens))
        if domain is None:
            lower = not any(ch.isupper() for t in tokens for ch in t)
            domain = self.domain_lower if lower else self.domain_cased
        if domain:
            feats = augment(feats, domain, self.augment_mode)
        return list(self._tagger.tag(feats))

    def tag(self, text: str, events: bool = True) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` in ``text``; labels PER / ORG / LOC / EVENT.

        Only NERP annotates events, and NERP is lowercased: for cased text a second pass
        over the lowercased tokens (NERP conventions) adds its EVENT spans that overlap
        no entity of the cased pass. It runs only on sentences holding a word that starts
        an EVENT name in NERP (``resources/models/ner-id.event_cues.txt``): it doubles the tagging
        time and finds a name in about one sentence in 180 (``events=False`` skips it).
        """
        spans = tokenize(text)
        if not spans:
            return []
        tokens = [text[s:e] for s, e in spans]
        found = [
            (a, b, lab) for a, b, lab in bio_spans(self.tag_tokens(tokens)) if lab in SPEC_LABELS
        ]
        lowered = [t.lower() for t in tokens]
        if events and lowered != tokens and self.domain_lower and not _event_cues().isdisjoint(lowered):
            taken = set()
            for a, b, _ in found:
                taken.update(range(a, b))
            for a, b, lab in bio_spans(self.tag_tokens(lowered)):
                if lab == "EVENT" and not taken.intersection(range(a, b)):
                    found.append((a, b, lab))
            found.sort()
        return [(spans[a][0], spans[b - 1][1], lab) for a, b, lab in found]


@cache
def _event_cues() -> frozenset[str]:
    text = (models_dir() / "ner-id.event_cues.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def load_tagger(lang: str = "id") -> Tagger:
    """The committed model for ``lang`` (only ``"id"``), loaded once."""
    if lang not in MODEL_NAMES:
        raise ValueError(f"no NER model for language {lang!r}")
    return Tagger.from_folder(models_dir(), MODEL_NAMES[lang])
