"""An event's status (PLOVER auxiliary mode) and the events that announcing it makes.

From ``event_status.yaml``: a negation, a future or a hypothetical marker before the trigger in
its clause, a condition after it, or a date well before the story (historical). What a demand
or threat asks for is future; "…seperti yang terjadi di Krimea pada 2014" is a second,
historical event of the same kind; announcing an act is itself an AGREE or a THREATEN, and an
obligation ("NATO harus menarik pasukan", said by Russia) a REQUEST from the speaker.
"""

from __future__ import annotations

from datetime import date as Date

from warta.events.candidates import Candidate, is_break
from warta.events.lexicon import Lexicon
from warta.events.view import QUOTE_MARKS, Token
from warta.model import Article

_HISTORICAL_DAYS = 365


def phrase_before(tokens: list[Token], end: int, floor: int, phrases: tuple[tuple[str, ...], ...], lex: Lexicon,
                  reach: int) -> bool:
    """Whether one of ``phrases`` ends within ``reach`` words before tokens[end] in its clause."""
    words: list[str] = []
    k = end - 1
    while k >= floor and len(words) < reach and not is_break(lex, tokens[k]):
        if tokens[k].word not in QUOTE_MARKS:
            words.insert(0, "not" if tokens[k].word.endswith("n't") else tokens[k].word)
        k -= 1
    text = tuple(words)
    return any(_contains(text, p) for p in phrases)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def status(lex: Lexicon, tokens: list[Token], c: Candidate, first: int, stop: int, date: str | None,
           article: Article) -> str:
    reach = lex.window
    if phrase_before(tokens, c.first, first, lex.negation, lex, reach):
        return "negated"
    if phrase_before(tokens, c.first, first, lex.hypothetical, lex, reach):
        return "hypothetical"
    if not c.speech and any(tokens[k].word in lex.conditions for k in range(c.last + 1, stop)):
        return "hypothetical"
    if c.voice != "speaker" and phrase_before(tokens, c.first, first, lex.future, lex, reach):
        return "future"
    if date and long_before(date, article):
        return "historical"
    return "asserted"


def long_before(date: str, article: Article) -> bool:
    if not article.published:
        return False
    published = Date.fromisoformat(article.published.date)
    year = int(date[:4])
    if len(date) == 4:
        return year < published.year
    month = int(date[5:7])
    day = int(date[8:10]) if len(date) >= 10 else 28
    return (published - Date(year, month, day)).days > _HISTORICAL_DAYS


def requested(lex: Lexicon, tokens: list[Token], c: Candidate, candidates: list[Candidate]) -> bool:
    """Whether the trigger is what a demand or threat before it in its clause asks for."""
    for earlier in candidates:
        if earlier.last >= c.first:
            break
        if earlier.type in ("REQUEST", "THREATEN") and earlier.voice == "active" \
                and not any(is_break(lex, t) for t in tokens[earlier.last + 1:c.first]):
            return True
    return False


def obliged(lex: Lexicon, tokens: list[Token], c: Candidate, first: int) -> bool:
    """"NATO harus menarik pasukan": an act demanded of its actor."""
    return not c.speech and c.voice == "active" and phrase_before(tokens, c.first, first, lex.obligation, lex,
                                                                   lex.window)


def announced(lex: Lexicon, tokens: list[Token], c: Candidate, first: int, current: str) -> str | None:
    """The type that announcing this future act is ("Rusia siap menarik pasukan": AGREE)."""
    if c.speech or c.voice != "active" or current != "future":
        return None
    if not phrase_before(tokens, c.first, first, lex.intent, lex, lex.window):
        return None
    kind = lex.announcing.get(c.type)
    return kind if kind and kind != c.type else None


def analogy_at(lex: Lexicon, tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """(start, length) of "seperti yang terjadi" in the sentence, if any."""
    firsts = {p[0] for p in lex.analogies}
    for k in range(first, last):
        if tokens[k].word not in firsts:
            continue
        for p in lex.analogies:
            if tuple(t.word for t in tokens[k:k + len(p)]) == p:
                return k, len(p)
    return None
