"""Named-entity recognition for English news: capitalised chunks, repaired and typed.

There is no English NER training data offline, so the English tagger is built from what
Warta knows: capitalisation (in cased English a name is a run of capitalised words), the
word lists in ``resources/en/ner_words.yaml`` (function words, title words, heads of
organisation / place / facility / event names, demonyms and groups), the actor
dictionary, the places gazetteer and, as a vote for untyped names, the Indonesian CRF.

Steps for one sentence:

1. Tokens (``U.S.``, ``Polygraph.info``, ``Calif.`` stay whole; ``Apple's`` splits).
2. Titles (``Interior Minister``, ``Sen.``, ``Mr.``) are found and left out; the name
   after a title is a person.
3. Chunks: runs of capitalised words, joined by lower-case particles (``Braunau am
   Inn``, ``al-Tanf``), by hyphens (``Soon-Shiong``) and, after an organisation or place
   head, by ``of``/``for`` (``Bureau of Meteorology``). A possessive, a lower-case word
   or punctuation ends a chunk, so "told Polygraph" and "Punjab's Bhatinda" cannot form.
4. Edges: function words (``The``) and, where capitals prove nothing (sentence start,
   after an opening quote), ordinary English words (``Customers``, ``Although``) are cut.
5. Type: dictionary, event / group / region names, head words, gazetteer, acronyms, the
   CRF's label, then context (``in X`` → GPE, ``X said`` → PER); a person by default.

``EnglishTagger(mode="chunk")`` keeps every chunk (the default); ``mode="crf"`` keeps only
chunks the CRF also marked plus chunks typed by dictionary or head words (span repair of
the CRF's output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.resources import load

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                                   # U.S.  N.J.  p.m.
  | [A-Za-z][\w-]*\.(?:com|org|net|info|gov|io)\b         # Polygraph.info
  | \d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?\b                # 2,500  14th  1990s
  | [^\W\d_][^\W_]*(?:['’][^\W\d_]+)*                    # words, O'Brien, Apple's (split below)
  | \S                                                   # any other single character
    """,
    re.VERBOSE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_OPEN_QUOTES = frozenset("“‘\"'«(")
_CLOSE_QUOTES = frozenset("”’\"'»)")
_CAMEL = re.compile(r"^(?!Mc|Mac|O['’])[A-Z]?[a-z]+[A-Z]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    gap: bool  # whitespace (or the text's start) before it

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def low(self) -> str:
        return self.text.lower()


def tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Token]:
    """English tokens with offsets: ``'s`` splits off; a known abbreviation or an initial
    keeps its period unless it ends the text ("Inc." at the end is Inc + a full stop)."""
    tokens: list[Token] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s < prev_end:  # the period an abbreviation took
            continue
        word = m.group()
        gap = s == 0 or s > prev_end
        if word[0].isalpha() and _POSSESSIVE.search(word) and len(word) > 2:
            tokens.append(Token(word[:-2], s, e - 2, gap))
            tokens.append(Token(word[-2:], e - 2, e, False))
            prev_end = e
            continue
        if (
            word[0].isalpha()
            and text[e : e + 1] == "."
            and text[e + 1 :].strip(" ”\"’'") != ""
            and (f"{word}." in abbreviations or (len(word) == 1 and word.isupper()))
        ):
            word, e = word + ".", e + 1
        tokens.append(Token(word, s, e, gap))
        prev_end = e
    return tokens


class _Phrases:
    """Phrases as tuples of lower-cased tokens, longest match first."""

    def __init__(self, phrases, abbreviations: frozenset[str]):
        self.keys: set[tuple[str, ...]] = set()
        self.longest = 0
        for phrase in phrases:
            key = tuple(t.low for t in tokenize(f"{phrase} x", abbreviations))[:-1]
            if key:
                self.keys.add(key)
                self.longest = max(self.longest, len(key))

    def match(self, tokens: list[Token], i: int, limit: int | None = None) -> int:
        """Length of the longest phrase starting at token ``i`` (0: none)."""
        top = min(self.longest, (limit if limit is not None else len(tokens)) - i)
        for n in range(top, 0, -1):
            if tuple(t.low for t in tokens[i : i + n]) in self.keys:
                return n
        return 0

    def suffix(self, tokens: list[Token]) -> int:
        """Length of the longest phrase that ends the token list (0: none)."""
        for n in range(min(self.longest, len(tokens)), 0, -1):
            if tuple(t.low for t in tokens[-n:]) in self.keys:
                return n
        return 0

    def __contains__(self, tokens: list[Token]) -> bool:
        return tuple(t.low for t in tokens) in self.keys


class _LazySpans:
    """The CRF's spans for one sentence, computed only when a chunk needs the vote."""

    def __init__(self, crf, text: str):
        self._crf, self._text, self._spans = crf, text, None

    def __iter__(self):
        if self._spans is None:
            self._spans = self._crf.tag(self._text) if self._crf is not None else []
        return iter(self._spans)


@dataclass(slots=True)
class _Chunk:
    first: int  # token indexes, end exclusive
    last: int
    person: bool = False  # follows a title


class EnglishTagger:
    """``tag(text) -> [(start, end, label)]`` with SPEC labels for English sentences."""

    def __init__(self, mode: str = "chunk", crf=None, dictionary=None):
        if mode not in ("chunk", "crf", "nocrf"):
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self.crf = crf
        self.dictionary = dictionary
        words = load("en", "ner_words.yaml")
        titles = load("en", "titles.yaml")
        title_list = [w for v in (titles.get("offices") or {}).values() for w in v]
        title_list += list(titles.get("honorifics") or []) + list(titles.get("roles") or [])
        title_list += list(words["title_words"])
        dotted = {
            w
            for w in [*title_list, *words["not_names"], *words["org_words"]]
            if str(w).endswith(".")
        }
        abbreviations = frozenset(load("en", "abbreviations.txt")) | dotted
        self.abbreviations = abbreviations

        def phrases(*names: str) -> _Phrases:
            return _Phrases([w for n in names for w in words[n]], abbreviations)

        def lower(name: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in words[name])

        self.titles = _Phrases(title_list, abbreviations)
        self.function = lower("function_words")
        self.particles = lower("particles")
        self.connectors = lower("connectors")
        self.common = frozenset(load("en", "common_words.txt"))  # tools/build_common_words.py
        self.name_starts = lower("name_starts")
        self.person_verbs = lower("person_verbs")
        self.place_before = lower("place_before")
        self.work_words = lower("work_words")
        self.norp_lowercase = lower("norp_lowercase")
        self.not_names = phrases("not_names")
        self.event_names = phrases("event_names")
        self.norp = phrases("norp_words")
        self.loc_names = phrases("loc_names")
        self.org_names = phrases("org_names")
        self.gpe_names = phrases("gpe_names")
        self.skip_heads = phrases("skip_words")
        self.first_names: set[str] = set()
        self.surnames: set[str] = set()
        if dictionary is not None:
            for actor in dictionary.actors.values():
                if actor.kind != "person":
                    continue
                for name in (actor.name, *actor.aliases):
                    parts = name.split()
                    if len(parts) > 1:
                        self.first_names.add(parts[0].lower())
                        self.surnames.add(parts[-1].lower())
        # head words: the longest phrase that ends a name decides; FAC before ORG on a tie
        self.heads: list[tuple[str, _Phrases]] = [
            ("FAC", phrases("fac_words")),
            ("EVENT", phrases("event_words")),
            ("GPE", phrases("gpe_words")),
            ("LOC", phrases("loc_words")),
            ("ORG", phrases("org_words")),
        ]
        self.org_heads = phrases("org_words", "gpe_words", "fac_words", "loc_words")

    # -- knowledge -------------------------------------------------------------------

    def _dictionary_type(self, words: str) -> str | None:
        if self.dictionary is None:
            return None
        from warta.stages.entities import dictionary_type

        entries = self.dictionary.lookup(words, "en")
        return dictionary_type(entries, self.dictionary) if entries else None

    @staticmethod
    def _place(words: str):
        from warta.actors.places import places_named

        found = places_named(words)
        return found[0] if found else None

    def _head_type(self, toks: list[Token]) -> str | None:
        """Type by the name's head: its last words, or the words before ``of``/``for``."""
        whole = len(toks)
        for k, t in enumerate(toks):
            if k and t.low in self.connectors:
                toks = toks[:k]
                break
        best, best_n = None, 0
        for label, table in self.heads:
            n = table.suffix(toks)
            if n > best_n:
                best, best_n = label, n
        if best is None or (best_n == whole and best != "ORG"):
            return None  # "Street", "Sea" alone are no names
        if best_n == len(toks) and whole == 1:
            return None  # "Army", "Party" alone: ordinary words
        return best

    # -- tagging ---------------------------------------------------------------------

    def tag(self, text: str) -> list[tuple[int, int, str]]:
        tokens = tokenize(text, self.abbreviations)
        if not tokens:
            return []
        crf_spans = _LazySpans(self.crf if self.mode != "nocrf" else None, text)
        initials = [t.text[0] for t in tokens if t.text[0].isalpha()]
        if not any(c.islower() for c in initials) or not any(c.isupper() for c in initials):
            return list(crf_spans)  # all capitals, or no capitals: capitalisation tells nothing
        out: list[tuple[int, int, str]] = []
        for chunk in self._chunks(tokens):
            for first, last, person in self._repair(tokens, chunk):
                label, sure = self._type(tokens, first, last, person, text, crf_spans)
                if label is None:
                    continue
                s, e = tokens[first].start, tokens[last - 1].end
                if (
                    self.mode == "crf"
                    and not sure
                    and not any(cs < e and s < ce for cs, ce, _ in crf_spans)
                ):
                    continue
                out.append((s, e, label))
        for t in tokens:  # "black voters": a racial group in lower case
            if t.text in self.norp_lowercase:
                out.append((t.start, t.end, "NORP"))
        return sorted(out)

    @staticmethod
    def _word(t: Token) -> bool:
        return t.text[0].isalpha()

    def _is_title(self, tokens: list[Token], i: int, inside: bool = False) -> int:
        """Length of a title at ``i`` (0: none). A title stands before a capitalised name
        ("Judge Wilson") or alone ("Interior Minister said"); not when the capitalised
        words after it end in an organisation head ("Justice Department")."""
        if not tokens[i].cap:
            return 0
        n = self.titles.match(tokens, i)
        if not n or not all(
            t.cap or t.low in ("of", "the", "for", "to") for t in tokens[i : i + n]
        ):
            return 0
        j = i + n
        followed = j < len(tokens) and tokens[j].cap and self._word(tokens[j]) and tokens[j].gap
        if followed:
            k = j
            while k < len(tokens) and tokens[k].cap and (tokens[k].gap or k == j):
                k += 1
            if self._head_type(tokens[i:k]) in ("ORG", "FAC", "GPE", "LOC", "EVENT"):
                return 0  # "Justice Department", "General Assembly", "Press Council"
            if n == 1 and i == 0 and tokens[i].low in self.common and tokens[j].low in self.common:
                return 0
            return n
        if inside and n == 1 and not tokens[i].text.isupper() and not tokens[i].text.endswith("."):
            return 0  # "Martin Luther King": a one-word title ends no name
        return n

    def _starts_chunk(self, tokens: list[Token], i: int) -> bool:
        t = tokens[i]
        if t.cap and self._word(t):
            return True
        # al-Tanf: a lower-case particle hyphened to a capitalised word
        return (
            t.low in self.particles
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "-"
            and not tokens[i + 1].gap
            and not tokens[i + 2].gap
            and tokens[i + 2].cap
        )

    def _works(self, tokens: list[Token]) -> set[int]:
        """Tokens of quoted titles of works ("“Marriage Story,”", "drama “The Crown”")."""
        spans = []
        i = 0
        n = len(tokens)
        while i < n:
            if (
                tokens[i].text in '“"‘'
                and i + 1 < n
                and not tokens[i + 1].gap
                and tokens[i + 1].cap
            ):
                j = i + 1
                while j < n and (
                    tokens[j].cap
                    or tokens[j].text[0].isdigit()
                    or tokens[j].low in self.function
                    or tokens[j].low in ("’s", "'s")
                ):
                    j += 1
                end = j
                if j < n and tokens[j].text in ",.!?" and j + 1 < n:
                    j += 1
                if j < n and tokens[j].text in '”"’' and end - i - 1 <= 8:
                    spans.append((i + 1, end))
                i = j + 1
                continue
            i += 1
        out: set[int] = set()
        for a, b in spans:
            before = tokens[a - 2].low if a >= 2 else ""
            if len(spans) >= 2 or before in self.work_words or tokens[a].text == "The":
                out.update(range(a, b))
        return out

    def _chunks(self, tokens: list[Token]) -> list[_Chunk]:
        chunks: list[_Chunk] = []
        n = len(tokens)
        works = self._works(tokens)
        i = 0
        person = False
        while i < n:
            if i in works:
                i += 1
                continue
            k = self._is_title(tokens, i)
            if k:
                i += k
                person = True
                continue
            if not self._starts_chunk(tokens, i):
                i += 1
                person = False
                continue
            j = i + 1
            while j < n:
                t = tokens[j]
                if t.text in "-–" and not t.gap and j + 1 < n and not tokens[j + 1].gap:
                    nxt = tokens[j + 1]
                    if self._word(nxt) and (nxt.cap or nxt.low not in self.common):
                        j += 2
                        continue
                    break
                if t.text == "&" and j + 1 < n and tokens[j + 1].cap:
                    j += 2
                    continue
                if not t.gap:
                    break
                if t.cap and self._word(t):
                    if self._is_title(tokens, j, inside=True):
                        break
                    j += 1
                    continue
                if j + 1 < n and tokens[j + 1].cap and tokens[j + 1].gap:
                    if t.low in self.particles and t.text.islower():
                        j += 2
                        continue
                    if (
                        t.low in self.connectors
                        and self.org_heads.suffix(tokens[i:j])
                        and not self.not_names.match(tokens, j + 1)
                    ):
                        j += 2
                        continue
                    if t.low == "and":  # "Hong Kong Human Rights and Democracy Act": one law
                        k = j + 1
                        while k < n and tokens[k].cap and tokens[k].gap:
                            k += 1
                        if self.skip_heads.suffix(tokens[j + 1 : k]):
                            j = k
                            continue
                break
            chunks.append(_Chunk(i, j, person))
            person = False
            i = j
        return chunks

    def _uninformative(self, tokens: list[Token], i: int) -> bool:
        """Capitals prove nothing here: the sentence's first word, after an opening quote,
        a colon or a dash."""
        k = i - 1
        while k >= 0 and tokens[k].text in _OPEN_QUOTES:
            if k == 0 or tokens[k].gap or tokens[k].text in "“‘(":
                return True
            k -= 1
        return i == 0 or tokens[i - 1].text in (":", "—", "–", "•", "-")

    def _known(self, tokens: list[Token], first: int, last: int) -> bool:
        toks = tokens[first:last]
        words = " ".join(t.text for t in toks)
        return bool(
            toks in self.norp
            or toks in self.loc_names
            or toks in self.org_names
            or toks in self.gpe_names
            or toks in self.event_names
            or self._dictionary_type(words)
            or (last - first > 1 and self._place(words))
        )

    def _ordinary(self, word: str) -> bool:
        """An English word usually written in lower case ("Customers", "Rebranded")."""
        w = word.lower()
        if w in self.common or w in self.function:
            return True
        if w.endswith("s") and w[:-1] in self.common:
            return True
        return w.endswith(("ed", "ing", "ly")) and len(w) > 5

    def _repair(self, tokens: list[Token], chunk: _Chunk) -> list[tuple[int, int, bool]]:
        """Cut edges and split joined names; (first, last, person) pieces."""
        first, last = chunk.first, chunk.last
        if self.skip_heads.suffix(tokens[first:last]) and last - first > 1:
            return []
        while first < last:
            t = tokens[first]
            if "'" in t.text or "’" in t.text:
                head = re.split(r"['’]", t.low)[0]
                if head in self.function:  # "We’re", "I'll"
                    first += 1
                    continue
            if t.low in ("the", "a", "an") or (
                t.low in self.function and self._uninformative(tokens, first)
            ):
                first += 1
                continue
            if (
                self._uninformative(tokens, first)
                and self._ordinary(t.text)
                and not (last - first > 1 and t.low in self.name_starts)
                and not self._known(tokens, first, last)
            ):
                first += 1
                continue
            break
        while last > first and (
            tokens[last - 1].low in self.connectors
            or tokens[last - 1].low in self.particles
            or tokens[last - 1].low in ("the", "and", "&")
        ):
            last -= 1
        if first >= last:
            return []
        # party tags: "D-Calif." -> Calif.
        if last - first > 2 and len(tokens[first].text) == 1 and tokens[first + 1].text == "-":
            return [(first + 2, last, False)]
        # hyphened names: "Putin-Erdogan" splits when its parts are names of their own
        pieces: list[tuple[int, int]] = []
        start = first
        for k in range(first + 1, last - 1):
            if (
                tokens[k].text == "-"
                and not tokens[k].gap
                and tokens[k + 1].cap
                and tokens[k - 1].cap
                and self._standalone(tokens, start, k)
                and self._standalone(tokens, k + 1, k + 2)
                and not self._known(tokens, first, last)
            ):
                pieces.append((start, k))
                start = k + 1
        pieces.append((start, last))
        return [(a, b, chunk.person) for a, b in pieces if a < b]

    def _short_name(self, word: str) -> bool:
        """A person the dictionary knows by this one word ("Xi", "Putin")."""
        called = getattr(self.dictionary, "people_called", None)
        return bool(called and called(word))

    def _is_place(self, tokens: list[Token], last: int) -> bool:
        """The capitalised name that ends at token ``last`` is a place."""
        first = last
        while first > 0 and tokens[first - 1].cap and tokens[first].gap:
            first -= 1
        toks = tokens[first : last + 1]
        words = " ".join(t.text for t in toks)
        if toks in self.gpe_names:
            return True
        place = self._place(words)
        return (
            place is not None
            and place.population >= 100_000
            or (place is not None and place.feature != "city")
        )

    def _standalone(self, tokens: list[Token], first: int, last: int) -> bool:
        words = " ".join(t.text for t in tokens[first:last])
        return bool(
            self._known(tokens, first, last)
            or self._place(words)
            or (last - first == 1 and words.lower() in self.surnames)
        )

    def _type(
        self,
        tokens: list[Token],
        first: int,
        last: int,
        person: bool,
        text: str,
        crf_spans: _LazySpans,
    ) -> tuple[str | None, bool]:
        """(label, sure): ``None`` drops the chunk; ``sure`` is knowledge, not a guess."""
        toks = tokens[first:last]
        words = text[toks[0].start : toks[-1].end]
        before = tokens[first - 1].low if first else ""
        after = tokens[last].low if last < len(tokens) else ""
        if person:
            return "PER", True
        if toks in self.not_names:
            return None, True
        if (
            last < len(tokens)
            and len(toks) == 1
            and tokens[last].text[0].isdigit()
            and self._ordinary(words)
        ):
            return None, True  # "Phase 1", "Article 5"
        if first >= 2 and tokens[first - 1].text == "-" and len(tokens[first - 2].text) == 1:
            return "GPE", True  # R-Ky.
        for table, label in (
            (self.org_names, "ORG"),
            (self.event_names, "EVENT"),
            (self.norp, "NORP"),
            (self.loc_names, "LOC"),
            (self.gpe_names, "GPE"),
        ):
            if toks in table:
                return label, True
        known = self._dictionary_type(words)
        if known:
            return known, True
        head = self._head_type(toks)
        if head:
            return head, True
        place = self._place(words)
        if place is not None and (
            place.feature in ("country", "admin1", "region") or place.population >= 100_000
        ):
            return ("LOC" if place.feature == "sea" else "GPE"), True
        if len(toks) == 1 and re.search(r"\.(com|org|net|info|gov|io)$", words):
            return "ORG", True
        if len(toks) > 1 and toks[0].low in self.first_names:
            return "PER", True
        if len(toks) == 1 and (toks[0].low in self.surnames or self._short_name(words)):
            return "PER", True
        letters = [c for c in words if c.isalpha()]
        if (
            len(letters) >= 2
            and all(c.isupper() for c in letters)
            and len(toks) == 1
            and len(letters) <= 5
        ):
            return "ORG", False
        if after in ("’s", "'s") and last + 1 < len(tokens):
            after = tokens[last + 1].low
        if before in self.place_before and before not in ("of", "to"):
            return "GPE", False
        if before in ("’s", "'s") and first >= 2 and self._is_place(tokens, first - 2):
            return "GPE", False  # "Punjab's Bhatinda"
        if after in self.person_verbs or before in ("said", "says", "told", "tells"):
            return "PER", False
        crf = [lab for cs, ce, lab in crf_spans if cs < toks[-1].end and toks[0].start < ce]
        if crf and self.mode != "nocrf":
            label = crf[0]
            if label == "LOC":
                return ("GPE" if place is not None or before in self.place_before else "LOC"), False
            return label, False
        if before == "of" and place is not None:
            return "GPE", False
        if first and tokens[first - 1].text == "The" and not self._uninformative(tokens, first - 1):
            return "ORG", False  # "The Times", "The Associated Press"
        if len(toks) == 1 and _CAMEL.match(toks[0].text):
            return "ORG", False
        return "PER", False


@cache
def load_english_tagger(mode: str = "chunk") -> EnglishTagger:
    """The English tagger, built once: word lists, actor dictionary and the CRF vote."""
    from warta.actors.dictionary import load_dictionary
    from warta.ner.tagger import load_tagger

    return EnglishTagger(mode, crf=load_tagger("id"), dictionary=load_dictionary())
