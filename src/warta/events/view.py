"""One article's text as tokens, built once and read by every stage that walks words.

For each text field: the tokens (offsets and the folded word), the sentence each token is in,
and the field's entity mentions in text order (``references`` indexes them, and every other
mention, by token). Quotes and events read the same
view; it is cached on the identity of the text and entity tuples it was built from, so a
stage that runs after ``entities`` and ``actors`` reuses the view an earlier stage built for
the same article, and a changed article never gets a stale one.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass

from warta.actors.names import fold
from warta.model import Article, Entity

WORD = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")
QUOTE_MARKS = frozenset("“”\"‘’'«»„")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    word: str  # folded
    # "word"; stages may make tokens of other kinds for phrases they treat as one word
    # (quotes: "group" for "para ahli", "anaphor" for "Politikus Partai Golkar ini")
    kind: str = "word"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [Token(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text, start, len(text) if end is None else end)]


@dataclass
class FieldView:
    """One text field: tokens, their sentences, and its entities."""

    name: str
    text: str
    tokens: list[Token]
    starts: list[int]  # token start offsets, for bisect
    sentence_of: list[int]  # token index -> sentence number within the field (-1 outside any)
    sentences: list[tuple[int, int]]  # (first token, last token + 1) per sentence
    sentence_spans: list[tuple[int, int]]  # (start, end) offsets of those sentences
    entities: list[Entity]  # in text order

    def token_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect.bisect_left(self.starts, position)


@dataclass
class TokenView:
    article_id: str
    fields: dict[str, FieldView]

    def field(self, name: str) -> FieldView:
        return self.fields[name]


def _build(article: Article) -> TokenView:
    by_field: dict[str, list[Entity]] = {}
    for entity in article.entities:
        by_field.setdefault(entity.span.field, []).append(entity)
    sentences_by_field: dict[str, list[tuple[int, int]]] = {}
    for s in article.sentences:
        sentences_by_field.setdefault(s.field, []).append((s.start, s.end))
    fields = {}
    for name, text in article.text_fields():
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        spans = sorted(sentences_by_field.get(name, ()))
        sentence_of = [-1] * len(tokens)
        ranges = []
        for n, (start, end) in enumerate(spans):
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            for k in range(first, last):
                sentence_of[k] = n
            ranges.append((first, last))
        entities = sorted(by_field.get(name, ()), key=lambda e: (e.span.start, -e.span.end))
        fields[name] = FieldView(name, text, tokens, starts, sentence_of, ranges, spans, entities)
    return TokenView(article.id, fields)


_CACHE: dict[int, tuple[tuple, TokenView]] = {}
_LOCK = threading.Lock()
_KEEP = 8  # views kept: a worker runs one article at a time through every stage


def token_view(article: Article) -> TokenView:
    """The article's token view, reused while its texts, sentences and entities are the same
    objects."""
    key = (article.title, article.body, article.captions, article.sentences, article.entities)
    with _LOCK:
        hit = _CACHE.get(id(article.body))
        if hit is not None and all(a is b for a, b in zip(hit[0], key)):
            return hit[1]
    view = _build(article)
    with _LOCK:
        if len(_CACHE) >= _KEEP:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(article.body)] = (key, view)
    return view
