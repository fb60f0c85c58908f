"""CRF features for Indonesian NER -- the one function used for training and at runtime.

``FeatureExtractor(clusters, gazetteer, titles).sentence(tokens)`` returns, per
token, a list of string features (crfsuite binary features). Everything it needs
is frozen next to the model (``resources/models/ner-id.*``) so the features seen
at runtime are exactly those the model was trained with.

Features (token i, lowercased word ``w``):

* identity: ``w``, digit-normalised ``w``, prefixes/suffixes 1-4, Indonesian affixes
* orthography: shape (``Xxxx``), short shape (``Xx``), title/upper/digit/punct flags,
  length bucket, contains hyphen/period/apostrophe
* word clusters of ``w`` at several granularities (k-means over SVD of PPMI
  co-occurrence, learned from unlabeled news + training text; bit-string
  prefixes of a hierarchical clustering)
* gazetteer: B-/I- membership of the longest multiword match per type
* context: words, shapes, clusters of tokens i-2..i+2, bigrams ``w[-1]|w``,
  ``w|w[+1]``, title/role word among the previous 1-3 tokens, quote verbs nearby
* sentence: BOS/EOS, first-token, ``lc`` (sentence written without capitals,
  e.g. NERP) so lowercased and cased text share one model.
* usual casing of ``w`` in cased text (``case=cap|mix|low|upper|unk``, also for i+-1):
  restores some capitalisation evidence in lowercased text.
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"\d")
_PUNCT_CATS = ("P", "S")

ID_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "pe",
    "ber",
    "ter",
    "di",
    "ke",
    "se",
    "per",
)
ID_SUFFIXES = ("kan", "nya", "an", "i", "lah", "kah", "pun", "wan", "wati", "isme", "is")

QUOTE_VERBS = frozenset(
    [
        "kata",
        "ujar",
        "ungkap",
        "ucap",
        "tutur",
        "jelas",
        "tegas",
        "sebut",
        "papar",
        "imbuh",
        "tambah",
        "katanya",
        "ujarnya",
        "ungkapnya",
        "ucapnya",
        "tuturnya",
        "jelasnya",
        "tegasnya",
        "sebutnya",
        "paparnya",
        "imbuhnya",
        "tambahnya",
        "menurut",
        "said",
        "says",
        "told",
        "added",
        "according",
    ]
)


def shape(tok: str) -> str:
    out = []
    for ch in tok:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        out.append(c)
    return "".join(out)


def short_shape(tok: str) -> str:
    s = shape(tok)
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def is_punct(tok: str) -> bool:
    return all(unicodedata.category(ch)[0] in _PUNCT_CATS for ch in tok)


def norm_word(tok: str) -> str:
    return _DIGITS.sub("0", tok.lower())


class Gazetteer:
    """Multiword phrase lists by type, matched on lowercased tokens (longest match first)."""

    def __init__(self, entries: dict[str, set[tuple[str, ...]]] | None = None):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.max_len = 1
        for typ, phrases in (entries or {}).items():
            for ph in phrases:
                if not ph:
                    continue
                self.by_first.setdefault(ph[0], []).append((ph, typ))
                self.max_len = max(self.max_len, len(ph))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: (-len(x[0]), x[1]))

    @classmethod
    def from_lines(cls, lines) -> Gazetteer:
        entries: dict[str, set[tuple[str, ...]]] = {}
        for line in lines:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            typ, _, phrase = line.partition("\t")
            toks = tuple(phrase.split(" "))
            entries.setdefault(typ, set()).add(toks)
        return cls(entries)

    def match(self, lower: list[str]) -> list[list[str]]:
        """Per token, features like ``B-LOC`` / ``I-PER`` (one per type, longest match)."""
        n = len(lower)
        out: list[list[str]] = [[] for _ in range(n)]
        for i in range(n):
            cands = self.by_first.get(lower[i])
            if not cands:
                continue
            seen_types = set()
            for ph, typ in cands:
                if typ in seen_types:
                    continue
                L = len(ph)
                if i + L <= n and tuple(lower[i : i + L]) == ph:
                    seen_types.add(typ)
                    out[i].append(f"B-{typ}")
                    for j in range(i + 1, i + L):
                        out[j].append(f"I-{typ}")
                    if L > 1:
                        out[i].append(f"L-{typ}")
        return out


def _neighbours(features: list[str], prefix: str, matches: list[list[str]], i: int) -> None:
    """Phrase-match features of token i and of its two neighbours (``g=``, ``g-1=``, ``g1=``)."""
    features.extend(f"{prefix}=" + g for g in matches[i])
    for d in (-1, 1):
        if 0 <= i + d < len(matches):
            features.extend(f"{prefix}{d}=" + g for g in matches[i + d])


WORD_CACHE = 30_000  # distinct tokens whose own features are kept (~40 MB)


class FeatureExtractor:
    def __init__(
        self,
        clusters: dict[str, tuple[str, ...]] | None = None,
        gazetteer: Gazetteer | None = None,
        titles: set[str] | None = None,
        use_clusters: bool = True,
        memory: Gazetteer | None = None,
        case: dict[str, str] | None = None,
        word_bigrams: bool = True,
        window: int = 2,
    ):
        self.clusters = clusters or {}
        self.gazetteer = gazetteer or Gazetteer()
        self.titles = frozenset(t.lower() for t in (titles or ()))
        self.use_clusters = use_clusters
        # entity strings seen in the training data, by type (training uses a jackknifed
        # copy per sentence so the model does not learn to trust it blindly)
        self.memory = memory
        # how a word is usually written in cased text ("cap" / "mix" / "low" / "upper"):
        # lets lowercased text (NERP) know that "iran" is a name
        self.case = case or {}
        self.word_bigrams = word_bigrams
        self.window = window
        self._ncl = len(next(iter(self.clusters.values()))) if self.clusters else 0
        self._words: dict[str, tuple[str, str, tuple[str, ...]]] = {}

    def _cl(self, w: str) -> tuple[str, ...]:
        c = self.clusters.get(w)
        if c is None:
            return ("none",) * self._ncl
        return c

    def _word(self, tok: str) -> tuple[str, str, tuple[str, ...]]:
        """A token's normal form, short shape and the features it has whatever its neighbours
        (form, shape, affixes, clusters), computed once per distinct token: most of a
        sentence's features, and the same words come back in every article."""
        found = self._words.get(tok)
        if found is not None:
            return found
        w, lw, ss = norm_word(tok), tok.lower(), short_shape(tok)
        f = ["w=" + w, "sh=" + shape(tok)[:8], "ss=" + ss, "len=" + str(min(len(tok), 8))]
        if tok[:1].isupper():
            f.append("title")
        if tok.isupper() and len(tok) > 1:
            f.append("upper")
        if any(ch.isdigit() for ch in tok):
            f.append("digit")
        if is_punct(tok):
            f.append("punct")
        if "-" in tok:
            f.append("hyph")
        if "." in tok and len(tok) > 1:
            f.append("dot")
        for k in (1, 2, 3, 4):
            if len(lw) > k:
                f.append(f"p{k}=" + lw[:k])
                f.append(f"s{k}=" + lw[-k:])
        if len(lw) > 4 and lw.isalpha():
            for p in ID_PREFIXES:
                if lw.startswith(p):
                    f.append("ip=" + p)
                    break
            for s in ID_SUFFIXES:
                if lw.endswith(s):
                    f.append("is=" + s)
                    break
        if self.use_clusters and self._ncl:
            f.extend(f"c{g}={c}" for g, c in enumerate(self._cl(w)))
        if len(self._words) > WORD_CACHE:
            self._words.clear()
        found = self._words[tok] = (w, ss, tuple(f))
        return found

    def sentence(self, tokens: list[str], memory: Gazetteer | None = None) -> list[list[str]]:
        n = len(tokens)
        lower = [t.lower() for t in tokens]
        words = [self._word(t) for t in tokens]
        normed = [w[0] for w in words]
        lc_sentence = not any(ch.isupper() for t in tokens for ch in t)
        shapes = [w[1] for w in words]
        titlecase = [t[:1].isupper() for t in tokens]
        cls = [self._cl(w) for w in normed] if self.use_clusters and self._ncl else None
        gaz = self.gazetteer.match(lower)
        memory = memory if memory is not None else self.memory
        mem = memory.match(lower) if memory is not None else None
        is_title_word = [w.rstrip(".") in self.titles or w in self.titles for w in lower]

        def w_at(j: int) -> str:
            if j < 0:
                return "<s>"
            if j >= n:
                return "</s>"
            return normed[j]

        def sh_at(j: int) -> str:
            if j < 0 or j >= n:
                return "<b>"
            return shapes[j]

        feats_all: list[list[str]] = []
        for i, tok in enumerate(tokens):
            w = normed[i]
            f = ["bias", *words[i][2]]
            if lc_sentence:
                f.append("lc")
            if self.case:
                cs = self.case.get(lower[i], "unk")
                f.append("case=" + cs)
                for d in (-1, 1):
                    j = i + d
                    if 0 <= j < n:
                        f.append(f"case{d}=" + self.case.get(lower[j], "unk"))
                if not lc_sentence:
                    f.append("case|title=" + cs + "|" + str(titlecase[i]))
            if i == 0:
                f.append("BOS")
            if i == n - 1:
                f.append("EOS")
            if i == 0 or tokens[i - 1] in ('"', "“", "(", "'", ":"):
                f.append("first")
                if titlecase[i]:
                    f.append("first_title")
            elif titlecase[i] and not lc_sentence:
                f.append("mid_title")
            # clusters
            if cls is not None:
                for d in (-2, -1, 1, 2):
                    j = i + d
                    if 0 <= j < n:
                        f.append(f"c{d}:{cls[j][1]}")
                        f.append(f"cc{d}:{cls[j][-1]}")
                if i > 0:
                    f.append(f"c-1|c:{cls[i - 1][1]}|{cls[i][1]}")
                if i < n - 1:
                    f.append(f"c|c+1:{cls[i][1]}|{cls[i + 1][1]}")
            # gazetteer
            if mem is not None:
                _neighbours(f, "m", mem, i)
            _neighbours(f, "g", gaz, i)
            # titles
            if is_title_word[i]:
                f.append("titleword")
            for d in (1, 2, 3):
                j = i - d
                if j >= 0 and is_title_word[j]:
                    f.append(f"title-{d}")
                    f.append("title_before")
            # quote verbs
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n and lower[j] in QUOTE_VERBS:
                    f.append(f"qv{d}")
            # context words and shapes
            for d in (-2, -1, 1, 2):
                f.append(f"w{d}=" + w_at(i + d))
                f.append(f"ss{d}=" + sh_at(i + d))
            if self.window >= 3:
                f.append("w-3=" + w_at(i - 3))
                f.append("w3=" + w_at(i + 3))
            if self.word_bigrams:
                f.append("w-1|w=" + w_at(i - 1) + "|" + w)
                f.append("w|w+1=" + w + "|" + w_at(i + 1))
            f.append("ss-1|ss|ss+1=" + sh_at(i - 1) + "|" + shapes[i] + "|" + sh_at(i + 1))
            feats_all.append(f)
        return feats_all


# Corpus-specific feature copies ("frustratingly easy" domain adaptation, Daume 2007).
# Training adds, for each corpus, a copy of the features prefixed by the corpus name; the
# general copy learns what the corpora share. At runtime the tagger adds the copies of
# one domain only when asked (``domain=``); by default it uses the general features.
BIAS_ONLY = ("bias", "lc", "title", "upper", "first_title", "mid_title", "title_before", "punct")


def augment(feats: list[list[str]], domain: str | None, mode: str) -> list[list[str]]:
    if mode == "none" or not domain:
        return feats
    out = []
    for f in feats:
        if mode == "full":
            extra = [f"{domain}|{x}" for x in f]
        elif mode == "biasg":  # bias + gazetteer / memory membership
            extra = [
                f"{domain}|{x}" for x in f if x in BIAS_ONLY or x.startswith(("w=", "g=", "m="))
            ]
        elif mode == "bias0":  # label-bias features only
            extra = [f"{domain}|{x}" for x in f if x in BIAS_ONLY]
        else:  # "bias": a few label-bias features per corpus
            extra = [f"{domain}|{x}" for x in f if x in BIAS_ONLY or x.startswith("w=")]
        out.append(f + extra)
    return out
