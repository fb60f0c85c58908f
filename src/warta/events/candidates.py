"""Event candidates: where a sentence may state an event, and of which kind.

A candidate is the same whatever proposes it — a pattern of ``event_patterns*.yaml`` today, a
trained tagger later: its trigger tokens, type, mode, voice, a score and its source. The
argument, status and merge components read candidates only, never patterns.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.events.lexicon import GAP, GAP_WORDS, Lexicon, Trigger
from warta.events.view import QUOTE_MARKS, FieldView, Token


@dataclass(frozen=True, slots=True)
class Candidate:
    field: str
    sentence: int  # sentence number within the field
    first: int  # trigger tokens (view indexes), inclusive
    last: int
    gap: tuple[int, int] | None  # tokens inside "…" ("menetapkan [SB] sebagai tersangka")
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    voice: str  # active | passive | speaker | noun
    speech: bool  # a speech act: what it asks for may be future while it is asserted
    reciprocal: bool  # "A dan B bertemu": A with B
    answers: str | None  # the type whose actor it answers ("menolak tuntutan" answers REQUEST)
    score: float
    source: str  # which component proposed it: "patterns", "model"
    rule: str  # rule id with its version
    primary: bool = True  # from a primary pattern file (fallback files only fill gaps)


def is_break(lex: Lexicon, token: Token) -> bool:
    return token.word in _PUNCTUATION or token.word in lex.clause_breaks or token.word == "."


_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "!", "?"})


def pattern_candidates(fv: FieldView, sentence: int, lex: Lexicon) -> list[Candidate]:
    """Pattern triggers in one sentence, longest first, not overlapping."""
    first, last = fv.sentences[sentence]
    tokens = fv.tokens
    words = [k for k in range(first, last) if tokens[k].word not in QUOTE_MARKS]  # Rusia akan “masuk” ke
    blocked = _not_events(lex, tokens, words)
    found: list[Candidate] = []
    n = 0
    while n < len(words):
        best: tuple[Trigger, int, int, tuple[int, int] | None] | None = None
        for trigger in _triggers_at(lex, tokens[words[n]].word):
            match = _match_at(lex, tokens, words, n, trigger)
            if match and (best is None or match[1] - n > best[2] - n):
                best = (trigger, match[0], match[1], match[2])
        if best is None or words[n] in blocked:
            n += 1
            continue
        trigger, _, end_n, gap = best
        i, j = words[n], words[end_n]
        # "(OTT)" right after the trigger it abbreviates is the same event
        if not (n > 0 and tokens[words[n - 1]].word == "(" and found and found[-1].last >= words[n - 1] - 1):
            p = trigger.pattern
            found.append(Candidate(fv.name, sentence, i, j, gap, p.type, p.mode, p.contexts, trigger.voice, p.speech,
                                   p.reciprocal, p.answers, 1.0 if p.primary else 0.6, "patterns", p.rule,
                                   p.primary))
        n = end_n + 1
    return found


def _not_events(lex: Lexicon, tokens: list[Token], words: list[int]) -> set[int]:
    """Tokens inside a phrase that is never an event ("bunuh diri")."""
    blocked: set[int] = set()
    firsts = {p[0] for p in lex.not_events}
    for n in range(len(words)):
        if tokens[words[n]].word not in firsts:
            continue
        for phrase in lex.not_events:
            if tuple(tokens[k].word for k in words[n:n + len(phrase)]) == phrase:
                blocked.update(words[n:n + len(phrase)])
                break
    return blocked


def _triggers_at(lex: Lexicon, word: str):
    found = lex.triggers.get(word, ())
    if lex.suffix and word.endswith(lex.suffix) and len(word) > len(lex.suffix) + 3:
        found = found + lex.triggers.get(word[:-len(lex.suffix)], ())  # "menganiayanya"
    return found


def _same(lex: Lexicon, word: str, wanted: str) -> bool:
    return word == wanted or (bool(lex.suffix) and word.endswith(lex.suffix) and word[:-len(lex.suffix)] == wanted)


def _match_at(lex: Lexicon, tokens: list[Token], words: list[int], n: int, trigger: Trigger):
    """(start, end, gap) in ``words`` positions if ``trigger`` matches at words[n]."""
    phrase = trigger.words
    k, m, gap = 0, n, None
    while k < len(phrase):
        if phrase[k] == GAP:
            following = phrase[k + 1]
            for g in range(m, min(len(words), m + GAP_WORDS + 1)):
                token = tokens[words[g]]
                if token.word == following and g > m:
                    gap = (words[m], words[g])
                    m = g
                    break
                if is_break(lex, token):
                    return None
            else:
                return None
            k += 1
            continue
        if m >= len(words) or not _same(lex, tokens[words[m]].word, phrase[k]):
            return None
        m += 1
        k += 1
    return n, m - 1, gap
