"""Readers for three Indonesian coreference datasets in the shared data folder, as plain
``Document``/``Mention`` objects a benchmark can score a pronoun/description resolver against.

- ``read_suherik``: id-coref-news-suherik (Suherik & Purwarianti 2017; UI treebank news sentences).
  XML ``<phrase type="np|np-sbj" id=.. coref=..>`` elements are the mentions; tokens ``word\\POS``
  lose their ``\\POS``. Sentences are grouped into documents with ``document_id.csv`` and joined
  with "\\n". ``coref`` names the antecedent phrase id; a link whose antecedent is missing from the
  file or lies in another document is skipped.
- ``read_indocoref``: IndoCoref (Artari et al. 2021; Wikipedia). SACR markup
  ``{M<k>:jenis="<type>" ...}`` in ``data/annotated``; tags nested around the same words (only
  whitespace/punctuation besides) form one mention, and every ``M<k>`` on it (typed, or an empty
  ``jenis=""`` link tag) is a label of that mention. Mentions sharing a label corefer, as in the
  upstream preprocessing, except split antecedents: a plural or nominal mention with link tags
  to several chains (``{M9:.. {M8:"" {M10:"" Keempatnya}}}``) does not merge them; it is put in
  a group chain with the other mentions that point at the same set of chains. The text is the
  passage in ``data/passage`` (same words, with its paragraph breaks).
- ``read_coin``: COIN dev/test (AI Singapore; Wikipedia). WebAnno-like TSV; each ``#Text=``
  paragraph is one document, tokens joined with spaces. IDENT, ALIAS and APPOS links build the
  chains (upstream puts ALIAS in the chain and folds APPOS into its antecedent's mention); the
  anaphor of an EXAPPOS link is dropped, as upstream does by default.

Chains are the connected components of the links (union-find), so links count transitively and
unlinked mentions are singleton chains. Chain ids are "c0", "c1", ... per document, in order of
first mention. ``kind`` is "pronoun", "name" or "nominal": from the dataset's mention types
(IndoCoref ``jenis``, COIN PRONOUN/PROPER/...), from POS tags (suherik), or from the words
(untyped IndoCoref mentions). Malformed items are skipped and counted in ``SKIPPED``; oddities
kept as they are are counted in ``NOTES``; both are keyed by "dataset/split" and filled by the
readers. ``self_check()`` prints counts per dataset and asserts that ``doc.text[m.start:m.end]``
is each mention's words.
"""

from __future__ import annotations

import csv
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(
    os.environ.get("WARTA_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
SUHERIK = DATA / "id-coref-news-suherik"
INDOCOREF = DATA / "indocoref" / "data"
COIN = DATA / "coin-coref"

SKIPPED: dict[str, Counter[str]] = {}
NOTES: dict[str, Counter[str]] = {}


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into Document.text
    end: int
    chain: str  # mentions with the same chain id corefer
    kind: str  # "pronoun", "name" or "nominal"


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    mentions: tuple[Mention, ...]


# --- shared helpers -------------------------------------------------------------------------

PRONOUNS = frozenset(
    [
        "ia",
        "dia",
        "beliau",
        "mereka",
        "nya",
        "-nya",
        "saya",
        "kami",
        "kita",
        "aku",
        "anda",
        "engkau",
        "kau",
        "kamu",
        "ku",
        "-ku",
        "mu",
        "-mu",
        "kalian",
        "daku",
        "dikau",
        "dirinya",
    ]
)
_PRONOUN_EXTRAS = frozenset(["sendiri", "semua", "semuanya", "berdua", "bertiga", "pun", "lah"])


def _words(surface: str) -> list[str]:
    words = []
    for w in surface.lower().split():
        w = w.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019")
        for particle in ("lah", "pun"):
            if w.endswith(particle) and w[: -len(particle)] in PRONOUNS:
                w = w[: -len(particle)]
        if w:
            words.append(w)
    return words


def is_pronoun(surface: str) -> bool:
    """A personal pronoun, optionally with "sendiri"/"semua"/...: "dia", "-nya", "mereka semua"."""
    words = _words(surface)
    return (
        bool(words)
        and words[0] in PRONOUNS
        and all(w in PRONOUNS or w in _PRONOUN_EXTRAS for w in words)
    )


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _document(
    doc_id: str, text: str, spans: list[tuple[int, int, str]], uf: _UnionFind, nodes: list
) -> Document:
    """Mentions from ``spans`` (start, end, kind); their chains are the roots of ``nodes``."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    names: dict = {}
    mentions = []
    for i in order:
        root = uf.find(nodes[i])
        chain = names.setdefault(root, f"c{len(names)}")
        mentions.append(Mention(spans[i][0], spans[i][1], chain, spans[i][2]))
    return Document(doc_id, text, tuple(mentions))


_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:(?:\w\.)+|(?:Jr|Sr|Dr|dr|Prof|St|Tbk|Inc|Co|Ltd|Corp|dkk|dll|No|Mr|Mrs|Ms)\.)$"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and clause punctuation picked up at a mention's edges."""
    while True:
        before = (start, end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] in ",;:":
            end -= 1
        if end > start and text[end - 1] == "." and not _ABBREVIATION.search(text[start:end]):
            end -= 1  # "Sarawak." and "nya." but not "Jr.", "S." or "U.N.C.L.E."
        for quote in "\"'":
            span = text[start:end]
            if span.count(quote) % 2 == 1:
                if span.startswith(quote):
                    start += 1
                elif span.endswith(quote):
                    end -= 1
        if (start, end) == before:
            return start, end


def _sorted_surfaces(spans: list[tuple[int, int, str]], surfaces: list[str]) -> list[str]:
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    return [surfaces[i] for i in order]


def _reset(name: str) -> tuple[Counter[str], Counter[str]]:
    SKIPPED[name] = Counter()
    NOTES[name] = Counter()
    return SKIPPED[name], NOTES[name]


# --- id-coref-news-suherik ------------------------------------------------------------------

_SUHERIK_FILES = {
    "full": "full.xml",
    "training": "training/data.xml",
    "testing": "testing/data.xml",
}


def _tagged(tokens: str | None) -> list[tuple[str, str]]:
    """``word\\POS`` tokens as (word, POS); a token without a backslash has no POS."""
    tagged = []
    for token in (tokens or "").split():
        word, _, pos = token.rpartition("\\") if "\\" in token else (token, "", "")
        if word:
            tagged.append((word, pos))
    return tagged


def _suherik_kind(tagged: list[tuple[str, str]]) -> str:
    surface = " ".join(w for w, _ in tagged)
    if is_pronoun(surface) and all(pos in ("PRP", "") for w, pos in tagged if _words(w)):
        return "pronoun"
    for word, pos in tagged:  # Indonesian NPs are head-first: the first noun decides
        if pos == "NNP" or (pos == "FW" and word[:1].isupper()):
            return "name"
        if pos in ("NN", "NND", "FW"):
            return "nominal"
    return "pronoun" if is_pronoun(surface) else "nominal"


def _read_suherik(split: str) -> list[tuple[Document, list[str]]]:
    if split not in _SUHERIK_FILES:
        raise ValueError(f"split must be one of {sorted(_SUHERIK_FILES)}, not {split!r}")
    skipped, notes = _reset(f"suherik/{split}")
    doc_of: dict[str, str] = {}
    with open(SUHERIK / "document_id.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row.get("sentence_id") and row.get("document_id"):
            doc_of[row["sentence_id"].strip()] = row["document_id"].strip()
        else:
            skipped["document_id.csv row without ids"] += 1
    previous, seen, scattered = None, set(), set()
    for row in rows:  # a document id that comes back after another one is probably a typo
        d = row.get("document_id")
        if d != previous:
            if d in seen:
                scattered.add(d)
            seen.add(d)
            previous = d

    root = ET.parse(SUHERIK / _SUHERIK_FILES[split]).getroot()
    docs: dict[str, list[str]] = {}  # doc id -> text pieces
    lengths: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    surfaces: dict[str, list[str]] = {}
    where: dict[str, tuple[str, int]] = {}  # phrase id -> (doc id, mention index)
    links: list[tuple[str, str]] = []
    for sentence in root.iter("sentence"):
        doc_id = doc_of.get(sentence.get("id", ""))
        if doc_id is None:
            skipped["sentence not in document_id.csv"] += 1
            continue
        pieces = docs.setdefault(doc_id, [])
        offset = lengths.get(doc_id, 0)
        if pieces:
            pieces.append("\n")
            offset += 1
        words_so_far: list[str] = []
        chunks: list[tuple[ET.Element | None, list[tuple[str, str]]]] = [
            (None, _tagged(sentence.text))
        ]
        for phrase in sentence:
            if phrase.tag != "phrase":
                skipped[f"<{phrase.tag}> inside <sentence>"] += 1
            chunks.append((phrase, _tagged("".join(phrase.itertext()))))
            chunks.append((None, _tagged(phrase.tail)))
        for phrase, tagged in chunks:
            start = offset + sum(len(w) + 1 for w in words_so_far)
            words_so_far.extend(w for w, _ in tagged)
            if phrase is None or phrase.tag != "phrase" or not phrase.get("id"):
                continue
            surface = " ".join(w for w, _ in tagged)
            a, b = _trim(surface, 0, len(surface))  # tokens carry punctuation: "nya." "Delhi,"
            if not re.search(r"\w", surface[a:b]):
                skipped["mention without words"] += 1
                continue
            pid = phrase.get("id")
            if pid in where:
                skipped["duplicate phrase id"] += 1
                continue
            surface = surface[a:b]
            where[pid] = (doc_id, len(spans.setdefault(doc_id, [])))
            spans[doc_id].append((start + a, start + b, _suherik_kind(tagged)))
            surfaces.setdefault(doc_id, []).append(surface)
            if phrase.get("coref"):
                links.append((pid, phrase.get("coref", "").strip()))
        sentence_text = " ".join(words_so_far)
        pieces.append(sentence_text)
        lengths[doc_id] = offset + len(sentence_text)

    for doc_id in sorted(scattered & docs.keys()):
        notes[f"document {doc_id}: its sentences are not contiguous in document_id.csv"] += 1
    uf = _UnionFind()
    for pid, antecedent in links:
        if antecedent not in where:
            skipped["coref link to a missing phrase id"] += 1
        elif where[antecedent][0] != where[pid][0]:
            skipped["coref link across documents"] += 1
        else:
            uf.union(where[pid], where[antecedent])
    out = []
    for doc_id in sorted(docs, key=lambda d: (len(d), d)):
        n = len(spans.get(doc_id, []))
        out.append(
            (
                _document(
                    doc_id,
                    "".join(docs[doc_id]),
                    spans.get(doc_id, []),
                    uf,
                    [(doc_id, i) for i in range(n)],
                ),
                _sorted_surfaces(spans.get(doc_id, []), surfaces.get(doc_id, [])),
            )
        )
    return out


def read_suherik(split: str = "testing") -> list[Document]:
    """Documents of id-coref-news-suherik: split is "training", "testing" or "full"."""
    return [doc for doc, _ in _read_suherik(split)]


# --- IndoCoref ------------------------------------------------------------------------------

_SACR_OPEN = re.compile(r'\{(M\d+):jenis="([^"]*)" ?')
_SACR_META = re.compile(r"#[A-Z][A-Z-]*:")


class _Tag:
    __slots__ = ("children", "end", "jenis", "label", "parent", "start")

    def __init__(self, label: str, jenis: str, start: int, parent: _Tag | None) -> None:
        self.label, self.jenis, self.start, self.end = label, jenis, start, -1
        self.parent, self.children = parent, []


def _parse_sacr(raw: str, skipped: Counter[str], notes: Counter[str]) -> tuple[str, list[_Tag]]:
    body = "\n".join(line for line in raw.split("\n") if not _SACR_META.match(line)).rstrip()
    out: list[str] = []
    n = 0
    stack: list[_Tag] = []
    tags: list[_Tag] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "{":
            m = _SACR_OPEN.match(body, i)
            if m:
                tag = _Tag(m.group(1), m.group(2), n, stack[-1] if stack else None)
                if stack:
                    stack[-1].children.append(tag)
                stack.append(tag)
                tags.append(tag)
                i = m.end()
                continue
            notes["'{' that opens no SACR tag (kept as text)"] += 1
        elif c == "}":
            if stack:
                stack.pop().end = n
                i += 1
                continue
            notes["'}' that closes no SACR tag (kept as text)"] += 1
        out.append(c)
        n += 1
        i += 1
    for tag in stack:
        skipped["SACR tag never closed (dropped)"] += 1
        tags.remove(tag)
        if tag.parent is not None:
            tag.parent.children.remove(tag)
    return "".join(out), tags


def _indocoref_kind(jenis: list[str], surface: str) -> str:
    kinds = set()
    for j in jenis:
        if j.startswith("kata ganti"):
            kinds.add("pronoun")
        elif j.startswith("named-entity"):
            kinds.add("name")
        elif j.startswith("noun phrase"):
            kinds.add("nominal")
    if kinds == {"pronoun"} and len(surface.split()) > 1 and not is_pronoun(surface):
        return "nominal"
    if len(kinds) == 1:
        return kinds.pop()
    if is_pronoun(surface):
        return "pronoun"
    if "name" in kinds or (not kinds and surface[:1].isupper()):
        return "name"
    return "nominal"


_PLURAL = re.compile(
    r"(mereka|kami|kita|kalian|ke(dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)nya)$"
)


def _indocoref_plural(jamak: bool, surface: str) -> bool:
    """A plural mention: typed "kata ganti orang jamak", or "mereka", "keduanya", ... in it."""
    return (
        jamak
        or any(_PLURAL.match(w) for w in _words(surface))
        or "bertiga" in surface
        or "berdua" in surface
    )


def _align(source: str, target: str) -> list[int] | None:
    """Index in ``target`` of each non-space character of ``source``; None unless only spacing
    differs."""
    index = [-1] * (len(source) + 1)
    j = 0
    for i, c in enumerate(source):
        if c.isspace():
            continue
        while j < len(target) and target[j].isspace():
            j += 1
        if j >= len(target) or target[j] != c:
            return None
        index[i] = j
        j += 1
    if target[j:].strip():
        return None
    return index


def _read_indocoref() -> list[tuple[Document, list[str]]]:
    skipped, notes = _reset("indocoref")
    out = []
    for path in sorted((INDOCOREF / "annotated").glob("*.txt")):
        doc_id = re.sub(r"_\d{8}-\d{6}.*$", "", path.stem)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            skipped["unreadable annotated file"] += 1
            continue
        text, tags = _parse_sacr(raw, skipped, notes)

        # Tags nested around the same words form one mention ("group").
        group_of: dict[int, int] = {}
        groups: list[list[_Tag]] = []
        for tag in tags:  # opening order: parents before children
            parent = tag.parent
            if (
                parent is not None
                and len(parent.children) == 1
                and not re.search(
                    r"\w", text[parent.start : tag.start] + text[tag.end : parent.end]
                )
            ):
                group_of[id(tag)] = group_of[id(parent)]
                groups[group_of[id(tag)]].append(tag)
            else:
                group_of[id(tag)] = len(groups)
                groups.append([tag])

        spans, labels, links, plural = [], [], [], []
        for group in groups:
            inner = group[-1]
            start, end = _trim(text, inner.start, inner.end)
            if not re.search(r"\w", text[start:end]):
                skipped["mention without words"] += 1
                continue
            jenis = [t.jenis for t in group if t.jenis]
            if not jenis:
                notes["mention with only link tags (kind from its words)"] += 1
            spans.append((start, end, _indocoref_kind(jenis, text[start:end])))
            labels.append({t.label for t in group if t.jenis})
            links.append({t.label for t in group if not t.jenis})
            plural.append(any("jamak" in j for j in jenis))

        # Mentions sharing a label corefer. Split antecedents are the exception: a plural or
        # nominal mention whose link tags point at several chains ("{M9:.. {M8:"" {M10:""
        # Keempatnya}}}"; on a plural, a typed label used earlier points too) joins none of them
        # but a group chain with the mentions that point at the same set of chains.
        uses = Counter(label for i in range(len(spans)) for label in labels[i] | links[i])
        uf = _UnionFind()
        seen: set[str] = set()
        split = []
        for i in range(len(spans)):
            uf.find(("m", i))
            surface = text[spans[i][0] : spans[i][1]]
            is_plural = _indocoref_plural(plural[i], surface)
            targets = {label for label in links[i] if uses[label] > 1} | (
                labels[i] & seen if is_plural else set()
            )
            seen |= labels[i] | links[i]
            if len(targets) > 1 and (is_plural or spans[i][2] == "nominal"):
                split.append((i, targets))
                for label in (labels[i] | links[i]) - targets:
                    uf.union(("m", i), ("label", label))
                continue
            if len(targets) > 1:
                notes["name/pronoun with links to several chains (chains merged)"] += 1
            for label in labels[i] | links[i]:
                uf.union(("m", i), ("label", label))
        for i, targets in split:  # one group chain per set of antecedent chains
            roots = frozenset(uf.find(("label", label)) for label in targets)
            if len(roots) == 1:
                uf.union(("m", i), ("label", next(iter(targets))))
            else:
                notes["mention with split antecedents (own group chain)"] += 1
                uf.union(("m", i), ("group", roots))

        surfaces = [text[s:e] for s, e, _ in spans]
        passage = INDOCOREF / "passage" / f"{doc_id}.txt"
        try:
            passage_text = passage.read_text(encoding="utf-8").rstrip()
        except (OSError, UnicodeDecodeError):
            passage_text = None
        index = _align(text, passage_text) if passage_text is not None else None
        if index is None:
            notes["passage missing or different: text rebuilt from the markup"] += 1
        else:
            spans = [(index[s], index[e - 1] + 1, k) for s, e, k in spans]
            text = passage_text
        nodes = [("m", i) for i in range(len(spans))]
        out.append((_document(doc_id, text, spans, uf, nodes), _sorted_surfaces(spans, surfaces)))
    return out


def read_indocoref() -> list[Document]:
    """The 201 IndoCoref documents (there are no predefined splits)."""
    return [doc for doc, _ in _read_indocoref()]


# --- COIN -----------------------------------------------------------------------------------

_COIN_MENTION_TYPES = {
    "PROPER": "name",
    "PRONOUN": "pronoun",
    "NOUN": "nominal",
    "LIST": "nominal",
    "VERB": "nominal",
}
_COIN_LABEL = re.compile(r"([A-Z]+)\[(\d+)(?:_(\d+))?\]")


def _read_coin(split: str, links: frozenset[str]) -> list[tuple[Document, list[str]]]:
    if split not in ("dev", "test"):
        raise ValueError(
            f"split must be 'dev' or 'test' (train.tsv is not in the snapshot), not {split!r}"
        )
    skipped, notes = _reset(f"coin/{split}")
    paragraphs: list[tuple[str, list[list[str]]]] = []
    for line in (COIN / f"{split}.tsv").read_text(encoding="utf-8").split("\n"):
        if line.startswith("#Text="):
            paragraphs.append((line[len("#Text=") :], []))
        elif line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if not paragraphs or len(cols) < 4:
                skipped["malformed token row"] += 1
            else:
                paragraphs[-1][1].append(cols)

    out = []
    for number, (raw_text, rows) in enumerate(paragraphs, 1):
        if not rows:
            skipped["paragraph without tokens"] += 1
            continue
        doc_id = f"{split}-{rows[0][0].split('-')[0] or number}"
        tokens = [cols[2] for cols in rows]
        text = " ".join(tokens)
        if text != raw_text:
            notes["#Text= differs from the tokens (tokens used)"] += 1
        starts = []
        offset = 0
        for token in tokens:
            starts.append(offset)
            offset += len(token) + 1

        token_ids: dict[str, list[int]] = {}
        types: dict[str, str] = {}
        pairs: list[tuple[str, str, str]] = []
        for t, cols in enumerate(rows):
            if cols[3] == "_":
                continue
            for label in cols[3].split("|"):
                m = _COIN_LABEL.fullmatch(label)
                if not m:
                    skipped["unparsable label"] += 1
                elif m.group(1) in _COIN_MENTION_TYPES and m.group(3) is None:
                    token_ids.setdefault(m.group(2), []).append(t)
                    if types.setdefault(m.group(2), m.group(1)) != m.group(1):
                        notes["mention id with two types (first kept)"] += 1
                elif (
                    m.group(1) in ("IDENT", "ALIAS", "APPOS", "EXAPPOS") and m.group(3) is not None
                ):
                    pairs.append((m.group(1), m.group(2), m.group(3)))
                else:
                    skipped[f"malformed label {m.group(1)}[..]"] += 1

        dropped = set()
        for kind, _, anaphor in pairs:
            if kind == "EXAPPOS":
                dropped.add(anaphor)
        mentions: dict[str, int] = {}
        spans, surfaces = [], []
        for mid, ts in token_ids.items():
            if mid in dropped:
                notes["EXAPPOS anaphor dropped"] += 1
                continue
            ts = sorted(set(ts))
            if ts[-1] - ts[0] + 1 != len(ts):
                skipped["discontinuous mention"] += 1
                continue
            start, end = starts[ts[0]], starts[ts[-1]] + len(tokens[ts[-1]])
            mentions[mid] = len(spans)
            surface = " ".join(tokens[ts[0] : ts[-1] + 1])
            kind = _COIN_MENTION_TYPES[types[mid]]
            if kind == "pronoun" and len(ts) > 1 and not is_pronoun(surface):
                kind = "nominal"  # PRONOUN on a relative clause: "yang lebih dikenal sebagai ..."
            spans.append((start, end, kind))
            surfaces.append(surface)

        uf = _UnionFind()
        for kind, a, b in pairs:
            if kind not in links:
                continue
            if a in dropped or b in dropped:
                skipped[f"{kind} link to a dropped mention"] += 1
            elif a not in mentions or b not in mentions:
                skipped[f"{kind} link to a mention not in the paragraph"] += 1
            else:
                uf.union(mentions[a], mentions[b])
        out.append(
            (
                _document(doc_id, text, spans, uf, list(range(len(spans)))),
                _sorted_surfaces(spans, surfaces),
            )
        )
    return out


def read_coin(
    split: str = "test", *, links: tuple[str, ...] = ("IDENT", "ALIAS", "APPOS")
) -> list[Document]:
    """COIN paragraphs of ``split`` ("dev" or "test"); ``links``: the relations that make chains."""
    return [doc for doc, _ in _read_coin(split, frozenset(links))]


# --- self-check -----------------------------------------------------------------------------


def _summary(name: str, pairs: list[tuple[Document, list[str]]]) -> None:
    mentions = chains = pronouns = resolvable = 0
    for doc, surfaces in pairs:
        assert len(surfaces) == len(doc.mentions), doc.id
        first: dict[str, int] = {}
        sizes = Counter(m.chain for m in doc.mentions)
        for m, surface in zip(doc.mentions, surfaces, strict=True):
            span = doc.text[m.start : m.end]
            assert span.split() == surface.split() and span == span.strip(), (
                name,
                doc.id,
                span,
                surface,
            )
            assert m.kind in ("pronoun", "name", "nominal"), m
            first.setdefault(m.chain, m.start)
            if m.kind == "pronoun":
                pronouns += 1
                resolvable += first[m.chain] < m.start
        mentions += len(doc.mentions)
        chains += sum(1 for n in sizes.values() if n >= 2)
    print(
        f"{name:18} documents {len(pairs):4}  mentions {mentions:6}  chains>=2 {chains:5}  "
        f"pronouns {pronouns:5} (with antecedent {resolvable:5})  "
        f"skipped {sum(SKIPPED[name].values())}"
    )
    for label, counter in (("skipped", SKIPPED[name]), ("note", NOTES[name])):
        for what, n in sorted(counter.items()):
            print(f"    {label}: {what}: {n}")


def self_check() -> None:
    """Read every dataset/split, assert the text invariant and print the counts."""
    for split in ("training", "testing", "full"):
        _summary(f"suherik/{split}", _read_suherik(split))
    _summary("indocoref", _read_indocoref())
    for split in ("dev", "test"):
        _summary(f"coin/{split}", _read_coin(split, frozenset(("IDENT", "ALIAS", "APPOS"))))


if __name__ == "__main__":
    self_check()
