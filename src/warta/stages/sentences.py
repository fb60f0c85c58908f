"""Sentence spans over an article's title, body and captions (Indonesian and English).

Rule-based on purpose: news text is edited prose, and a splitter whose every decision
can be traced to one rule and one data file is easier to fix than a model. Steps:

1. Cut the text into lines. A sentence never crosses a line break, so paragraph breaks
   ("\\n\\n") and single "\\n" are hard boundaries.
2. In each line, one regex (``_CANDIDATE``) finds every possible boundary: a token, a run
   of ``. ! ? …``, optional closing quotes or brackets, then whitespace. Dots inside a
   token (``3.5``, ``1.000.000``, ``detik.com``, ``a.n.``) are never candidates.
3. Each candidate is kept unless a rule vetoes it (``_vetoed``): the next word starts in
   lower case, the token is an abbreviation or initial, the "sentence" so far is only
   punctuation or a list number, an ellipsis is not followed by a capital, or a quote ending in ? or !
   is followed by its speaker and cue.

Language knowledge lives in ``resources/<lang>/abbreviations.txt`` and
``sentence_rules.yaml``; languages without data use the union of Indonesian and English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from warta.config import Options
from warta.errors import ResourceError
from warta.model import Article, Sentence
from warta.resources import load

# Line breaks as str.splitlines() sees them; all of them are whitespace to \s and strip().
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"
_TERMINALS = ".!?…。！？؟"

# A stripped run of text without a line break: starts and ends on a non-space.
_LINE = re.compile(rf"\S(?:[^{_BREAKS}]*\S)?")

# A candidate boundary. ``tok`` is the whole token before the terminal run; ``next`` is
# the first character of the next word, after any opening quotes or brackets. The scan
# stays linear on any input: ``(?<!\S)`` starts a match only at a token start, the
# lookbehind before ``term`` lets it start only at the first terminal of a run, and the
# possessive ``++``/``*+`` never re-scan a run of dots or quotes.
_CANDIDATE = re.compile(
    rf"(?<!\S)(?P<tok>\S*?)(?<![{_TERMINALS}])(?P<term>[{_TERMINALS}]++)"
    rf"(?P<close>[{re.escape(_CLOSERS)}]*+)\s++(?=[{re.escape(_OPENERS)}]*(?P<next>.?))"
)

# "J.R.R", "U.S", "A.S": single letters joined by dots (the final dot is the terminal).
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# A list marker that would otherwise be a sentence of its own: "1.", "a.", "(iv).".
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[^\W\d_]|[ivxIVX]{1,4})\)?")
_WORD = re.compile(r"\w")

NEVER = "never"  # no sentence ends after it: "Dr.", "Jl.", "a.n."
MAY_END = "may_end"  # ends a sentence before a capitalized word: "dll.", "Inc."
BEFORE_NUMBER = "before_number"  # an abbreviation only before a digit: "No. 5", "hal. 12"
# When languages are merged, the kind that splits less wins.
_PRECEDENCE = {MAY_END: 0, BEFORE_NUMBER: 1, NEVER: 2}


@dataclass(frozen=True, slots=True)
class _Rules:
    """Compiled language knowledge for one language (or a union of them)."""

    kinds: Mapping[str, str]  # abbreviation with its final period -> NEVER|MAY_END|BEFORE_NUMBER
    folded: Mapping[str, str]  # the same, keyed in lower case, for all-lowercase text
    cue: re.Pattern[str] | None  # speaker words then a reporting verb, after a closing quote


def _data_languages(lang: str | None) -> tuple[str, ...]:
    """Which resource folders serve ``lang``: Malay shares Indonesian's, unknown gets both."""
    if lang in ("id", "ms"):
        return ("id",)
    if lang == "en":
        return ("en",)
    return ("id", "en")


@cache
def _rules(langs: tuple[str, ...]) -> _Rules:
    """Read and check the data files once per language set; a bad file raises ResourceError."""
    kinds: dict[str, str] = {}
    cues: set[str] = set()
    for lang in langs:
        abbreviations = set(load(lang, "abbreviations.txt"))
        rules = load(lang, "sentence_rules.yaml") or {}
        own = dict.fromkeys(abbreviations, NEVER)
        for kind in (MAY_END, BEFORE_NUMBER):
            key = "may_end_sentence" if kind == MAY_END else kind
            for word in rules.get(key) or ():
                if word not in abbreviations:
                    raise ResourceError(
                        f"resource {lang}/sentence_rules.yaml: {word!r} is not in abbreviations.txt"
                    )
                own[word] = kind
        for word, kind in own.items():
            _merge(kinds, word, kind)
        cues.update(rules.get("quote_cues") or ())
    # Case variants after the exact entries, so an exact entry always wins:
    # "dll." also matches "Dll.", and every entry matches in headline capitals ("JL.").
    # One-letter entries ("p.", "v.") get none: "P." and "V." are initials.
    variants: dict[str, str] = {}
    for word, kind in kinds.items():
        if len(word) <= 2:
            continue
        if word == word.lower():
            variants.setdefault(word[:1].upper() + word[1:], kind)
        variants.setdefault(word.upper(), kind)
    folded: dict[str, str] = {}
    for word, kind in kinds.items():
        _merge(folded, word.lower(), kind)
    for word, kind in variants.items():
        kinds.setdefault(word, kind)
    cue = None
    if cues:
        alternatives = "|".join(sorted(map(re.escape, cues), key=len, reverse=True))
        cue = re.compile(rf"(?:[^\s{_TERMINALS}]+\s+){{1,3}}(?:{alternatives})\b")
    return _Rules(kinds=kinds, folded=folded, cue=cue)


def _merge(kinds: dict[str, str], word: str, kind: str) -> None:
    """Add ``word`` to ``kinds``; on a clash between languages, the kind that splits less wins."""
    old = kinds.get(word)
    if old is None or _PRECEDENCE[kind] > _PRECEDENCE[old]:
        kinds[word] = kind


def segment(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets into ``text``, in order and non-overlapping.

    Each ``text[start:end]`` is non-empty and has no surrounding whitespace.
    """
    rules = _rules(_data_languages(lang))
    spans: list[tuple[int, int]] = []
    candidates = _CANDIDATE.finditer
    # All-lowercase text (some corpora ship it so) has no capitals to start sentences:
    # there, any letter may start one.
    cased = not text.islower()
    for line in _LINE.finditer(text):
        start, line_end = line.span()
        # Whether text[start:checked] has a word character; kept as we go so a run of
        # punctuation-only candidates (". . . . ") is scanned once, not once per candidate.
        wordy, checked = False, start
        for m in candidates(text, start, line_end):
            if not wordy:
                term_start = m.start("term")
                wordy = _WORD.search(text, checked, term_start) is not None
                checked = term_start
                if not wordy:
                    continue  # nothing but punctuation so far ("... Lalu", "“!” Ya")
            if _vetoed(text, m, start, rules, cased):
                continue
            spans.append((start, m.end("close")))
            start = m.end()
            wordy, checked = False, start
        spans.append((start, line_end))
    return spans


def _vetoed(text: str, m: re.Match[str], start: int, rules: _Rules, cased: bool) -> bool:
    """True when candidate ``m`` does not end the sentence that began at ``start``."""
    following = m.group("next")
    if cased:
        if following.islower():
            # No sentence starts in lower case: "C,” kata Blinken", "... lalu", "approx. five".
            return True
        capital = following.isupper()
    else:
        capital = following.isalpha()
    term = m.group("term")
    tok = m.group("tok")
    if m.start("tok") == start and _ENUMERATOR.fullmatch(tok):
        return True  # "1. Pertama", "b. Kedua"
    if term == ".":
        if m.group("close"):
            return False  # a closing quote or bracket after the period ends the sentence
        word = tok.lstrip(_OPENERS)
        kind = rules.kinds.get(word + ".") if cased else rules.folded.get(word.lower() + ".")
        if kind == NEVER:
            return True
        if kind == BEFORE_NUMBER:
            return following.isdigit()
        if kind == MAY_END:
            return not capital
        if (len(word) == 1 and word.isupper()) or _INITIALISM.fullmatch(word):
            # An initial ("J. Smith", "H.O.S. Tjokroaminoto") comes before a name, not
            # before a quotation: 'eselon I. "Kita ...' ends a sentence.
            return text[m.end()] not in _OPENERS
        return False
    if "…" in term or ".." in term:
        return not capital  # "tapi... kemudian", "Tunggu... 5 menit"
    if rules.cue is not None and ("?" in term or "!" in term) and m.group("close"):
        # '"Why?" Blinken asked.': the speaker and cue belong to the quoted sentence.
        return rules.cue.match(text, m.end(), m.endpos) is not None
    return False


def find_sentences(article: Article, options: Options) -> Article:
    """Stage: sentence spans over title, body and each caption, in reading order.

    Fields are ``title``, ``body`` and ``caption:N``; the text fields are left unchanged.
    """
    lang = article.language
    sentences = tuple(
        Sentence(field, start, end)
        for field, text in article.text_fields()
        for start, end in segment(text, lang)
    )
    return article.evolve(sentences=sentences)


__all__ = ["find_sentences", "segment"]
