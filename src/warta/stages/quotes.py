"""Stage ``quotes``: who said what, as direct, indirect and partial quotes with speakers.

1. Direct quotes are the words inside quotation marks. A quote still open at the end of a
   paragraph goes on when the next paragraph opens with a quotation mark.
2. A direct quote's speaker stands by its cue: after the closing mark (`,” kata Blinken`,
   `," he said`, `," Blinken said`, `,” ujarnya`), else before the opening mark
   (`Menurut Tito, “…”`, `X said: "…"`). A quote with no cue goes on in the voice of the
   quote before it, if that one is in the same or the previous paragraph.
3. Indirect quotes: a speech verb (``reporting_verbs.yaml``) outside direct quotes, whose
   subject is a name or a pronoun right before it; the quote is the reported clause after it
   (without `bahwa`/`that`) up to the next speaker or the sentence end. `Menurut X, …` and a
   closing `…, kata X.` without quotation marks are indirect quotes too.
4. A few quoted words inside a sentence that reports speech are a ``partial`` quote.
5. Speakers are actors from the entities stage; a pronoun (`ia`, `he`) or a cue with `-nya`
   is the previous speaker, or else the last person named before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from warta.actors.names import fold
from warta.config import Options
from warta.events.references import references
from warta.events.view import WORD, token_view, tokenize
from warta.events.view import Token as _Token
from warta.model import Article, Entity, Quote, Span, field_order
from warta.resources import data_language, load

_SPEAKER_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})
# Opening and closing marks; straight quotes close whatever they opened.
_PAIRS = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
_SHORT = 3  # a quotation of at most this many words is a partial quote or a scare quote
_GAP_WORDS = 3  # words allowed between a subject and its speech verb ("Rusia juga telah …")
_NAMING_WORDS = 12  # words allowed for the title and name before a cue after a quote


@dataclass(frozen=True, slots=True)
class _Cues:
    verbs: frozenset[str]
    after: tuple[tuple[str, ...], ...]  # longest first
    after_self: frozenset[str]
    source_before: tuple[tuple[str, ...], ...]
    source_self: frozenset[str]
    participles: tuple[tuple[str, ...], ...]
    naming_verbs: frozenset[str]
    groups: tuple[tuple[str, ...], ...]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    subject_gap: frozenset[str]
    roles: dict[str, str]  # role noun → the kind of actor it points back to
    determiners_before: frozenset[str]
    determiners_after: frozenset[str]

    def group_ending(self, tokens: list[_Token], i: int) -> _Token | None:
        """The words of "officials" / "para ahli" ending at ``tokens[i]``, as one token."""
        for phrase in self.groups:
            j = i - len(phrase) + 1
            if j >= 0 and tuple(t.word for t in tokens[j:i + 1]) == phrase:
                return _Token(tokens[j].start, tokens[i].end, tokens[i].word, "group")
        return None

    def role_at(self, tokens: list[_Token], i: int) -> int | None:
        """Index of the role noun in "the minister" / "pejabat tersebut" starting at ``tokens[i]``."""
        if i + 1 >= len(tokens):
            return None
        if tokens[i].word in self.determiners_before and tokens[i + 1].word in self.roles:
            return i + 1
        if tokens[i].word in self.roles and tokens[i + 1].word in self.determiners_after:
            return i
        return None


@cache
def _cues(lang: str) -> _Cues:
    data = load(lang, "reporting_verbs.yaml")

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(fold(w) for w in WORD.findall(p)) for p in data[key]), key=len, reverse=True))

    return _Cues(
        verbs=frozenset(fold(w) for w in data["speech_verbs"]),
        after=phrases("after_quote"),
        after_self=frozenset(fold(w) for w in data["after_quote_self"]),
        source_before=phrases("source_before"),
        source_self=frozenset(fold(w) for w in data["source_self"]),
        participles=phrases("participle_cues"),
        naming_verbs=frozenset(fold(w) for w in data["naming_verbs"]),
        groups=phrases("group_nouns"),
        complementizers=frozenset(fold(w) for w in data["complementizers"]),
        pronouns=frozenset(fold(w) for w in data["pronouns"]),
        subject_gap=frozenset(fold(w) for w in data["subject_gap"]),
        roles={fold(w): kind for kind, nouns in data["role_nouns"].items() for w in nouns if " " not in w},
        determiners_before=frozenset(fold(w) for w in data["determiners_before"]),
        determiners_after=frozenset(fold(w) for w in data["determiners_after"]),
    )


def _match(tokens: list[_Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the first phrase that starts at ``tokens[i]`` (0 if none)."""
    for phrase in phrases:
        if tuple(t.word for t in tokens[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


# -- direct quotes ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Quoted:
    open: int  # position of the opening mark
    close: int  # position of the closing mark, or the end of the text it ran to
    start: int  # the quoted words, without marks and outer spaces
    end: int


def _quotations(text: str) -> list[_Quoted]:
    """Every quotation in ``text``; an unclosed one continues into a paragraph that opens
    with a quotation mark, else ends with its paragraph."""
    found: list[_Quoted] = []
    i, n = 0, len(text)
    while i < n:
        mark = text[i]
        if mark not in _PAIRS or (mark == "\"" and i + 1 < n and text[i + 1].isspace() and i > 0
                                  and not text[i - 1].isspace()):
            i += 1
            continue
        closer = _PAIRS[mark]
        j = i + 1
        while True:
            close = text.find(closer, j)
            para = text.find("\n", j)
            if close != -1 and (para == -1 or close < para):
                end_at = close
                break
            if para == -1:
                end_at = close if close != -1 else n
                break
            nxt = para
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt < n and text[nxt] in _PAIRS:  # the quote re-opens in the next paragraph
                j = nxt + 1
                continue
            end_at = para
            break
        inner = text[i + 1:end_at]
        start = i + 1 + (len(inner) - len(inner.lstrip()))
        end = i + 1 + len(inner.rstrip())
        if end > start:
            found.append(_Quoted(i, end_at, start, end))
        i = end_at + 1
    return found


# -- speakers -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Speaker:
    entity: Entity | None  # a name
    pronoun: _Token | None  # "ia", "he"; or a -nya cue (then the span is not a name)
    cue: str | None


class _Field:
    """One text field with its tokens (the article's shared token view), speaker-capable
    entities and quotations."""

    def __init__(self, name: str, text: str, entities: list[Entity], tokens: list[_Token]):
        self.name = name
        self.text = text
        self.tokens = tokens
        self.token_starts = [t.start for t in self.tokens]
        self.entities = sorted((e for e in entities if e.span.field == name and e.type in _SPEAKER_TYPES),
                               key=lambda e: e.span.start)
        self.entity_starts = [e.span.start for e in self.entities]
        self.entity_ends = [e.span.end for e in self.entities]

    def token_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect.bisect_left(self.token_starts, position)

    def named_after(self, position: int) -> Entity | None:
        """Who a cue names: the first person within a few words after ``position`` (past a
        title such as "Juru Bicara KPK"), else the first name there; never past a sentence end."""
        stop = position + 80
        m = re.compile(r"[.!?\n]").search(self.text, position, stop)
        stop = m.start() if m else stop
        i = bisect.bisect_left(self.entity_starts, position)
        candidates = []
        while i < len(self.entities) and self.entities[i].span.start < stop:
            candidates.append(self.entities[i])
            i += 1
        people = [e for e in candidates if e.type == "PER"]
        return (people or candidates or [None])[0]

    def entity_starting(self, position: int, limit: int) -> Entity | None:
        i = bisect.bisect_left(self.entity_starts, position)
        if i < len(self.entities) and self.entities[i].span.start <= limit:
            return self.entities[i]
        return None

    def entity_ending(self, position: int, floor: int) -> Entity | None:
        """The entity ending last at or before ``position`` and after ``floor``."""
        i = bisect.bisect_right(self.entity_ends, position)
        while i > 0:
            entity = self.entities[i - 1]
            if entity.span.end <= position:
                return entity if entity.span.end > floor else None
            i -= 1
        return None


def _speaker_after(field: _Field, close: int, cues: _Cues) -> _Speaker | None:
    """`,” kata Blinken` · `,” ujarnya` · `," Blinken said` · `," he said`."""
    i = field.token_at(close + 1)
    tokens = field.tokens
    while i < len(tokens) and tokens[i].word in {",", "."}:
        i += 1
    if i >= len(tokens) or "\n" in field.text[close:tokens[i].start]:
        return None  # a cue stands in the quote's own paragraph
    if tokens[i].word in cues.after_self:
        return _Speaker(None, tokens[i], field.text[tokens[i].start:tokens[i].end])
    length = _match(tokens, i, cues.after)
    if length:
        cue = field.text[tokens[i].start:tokens[i + length - 1].end]
        after = tokens[i + length - 1].end
        nxt = i + length
        if nxt < len(tokens) and tokens[nxt].word in cues.pronouns:
            return _Speaker(None, tokens[nxt], cue)
        if (role := cues.role_at(tokens, nxt)) is not None:
            return _Speaker(None, tokens[role], cue)
        entity = field.named_after(after)
        return _Speaker(entity, None, cue) if entity else None
    # "…," Blinken said / he said
    if tokens[i].word in cues.pronouns and _match(tokens, i + 1, cues.after):
        j = i + 1
        return _Speaker(None, tokens[i], field.text[tokens[j].start:tokens[j + _match(tokens, j, cues.after) - 1].end])
    if (role := cues.role_at(tokens, i)) is not None and (length := _match(tokens, role + 1 + (role == i), cues.after)):
        j = role + 1 + (role == i)
        return _Speaker(None, tokens[role], field.text[tokens[j].start:tokens[j + length - 1].end])
    if tokens[i].word in {"the", "sang"} and i + 1 < len(tokens):  # "…," the Rodong Sinmun said
        i += 1
    # "…," Blinken said · "…," Patrol Chief James Hall with the New York Police Department said
    for j in range(i, min(i + _NAMING_WORDS, len(tokens))):
        if tokens[j].word in {".", "!", "?", ";", "“", "\""} or "\n" in field.text[tokens[i].start:tokens[j].start]:
            break
        length = _match(tokens, j, cues.after)
        if length and j > i:
            people = [e for e in _entities_between(field, tokens[i].start, tokens[j].start) if e.type == "PER"]
            entity = people[-1] if people else field.entity_starting(tokens[i].start, tokens[i].start)
            if entity and entity.span.end <= tokens[j].start:
                return _Speaker(entity, None, field.text[tokens[j].start:tokens[j + length - 1].end])
            break
    return None


def _entities_between(field: _Field, start: int, end: int) -> list[Entity]:
    i = bisect.bisect_left(field.entity_starts, start)
    out = []
    while i < len(field.entities) and field.entities[i].span.start < end:
        out.append(field.entities[i])
        i += 1
    return out


def _speaker_before(field: _Field, open_at: int, floor: int, cues: _Cues) -> _Speaker | None:
    """`Menurut Tito, “…”` · `X said: "…"` · `X mengatakan, "…"`."""
    first = field.token_at(floor)
    last = field.token_at(open_at)
    tokens = field.tokens[first:last]
    for k in range(len(tokens)):
        length = _match(tokens, k, cues.source_before)
        if length:
            after = tokens[k + length - 1].end
            entity = field.named_after(after)
            if entity and entity.span.end <= open_at:
                return _Speaker(entity, None, field.text[tokens[k].start:tokens[k + length - 1].end])
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].word in cues.verbs or tokens[k].word in cues.naming_verbs:
            subject = _subject(field, first + k, floor, cues)
            if subject:
                return _Speaker(*subject, field.text[tokens[k].start:tokens[k].end])
    return None


def _subject(field: _Field, verb: int, floor: int, cues: _Cues) -> tuple[Entity | None, _Token | None] | None:
    """The name or pronoun right before the speech verb ``field.tokens[verb]``."""
    tokens = field.tokens
    position = tokens[verb].start
    entity = field.entity_ending(position, floor)
    if entity:
        between = [t for t in tokens[field.token_at(entity.span.end):verb]]
        if len(between) <= _GAP_WORDS and all(t.word in cues.subject_gap for t in between):
            return entity, None
        if between and between[0].word == "," and between[-1].word == "," and len(between) <= 12:
            return entity, None  # "Lavrov, Menteri Luar Negeri Rusia, mengatakan"
    k = verb - 1
    while k >= 0 and tokens[k].start >= floor and verb - k <= _GAP_WORDS + 1:
        if tokens[k].word in cues.pronouns:
            return None, tokens[k]
        if k >= 1 and tokens[k - 1].start >= floor and (role := cues.role_at(tokens, k - 1)) is not None:
            return None, tokens[role]
        if (group := cues.group_ending(tokens, k)) is not None and group.start >= floor:
            return None, group
        if tokens[k].word in cues.determiners_after and (description := _description(field, k, floor)):
            return None, description
        if tokens[k].word not in cues.subject_gap:
            break
        k -= 1
    return None


def _description(field: _Field, last: int, floor: int) -> _Token | None:
    """“Politikus Partai Golkar ini” / “mantan istri Ivan Fadilla itu”: a description that opens
    the sentence (or follows its opening connective) and ends in a demonstrative points back."""
    tokens = field.tokens
    first = field.token_at(floor)
    for k in range(first, min(first + 4, last)):
        if tokens[k].word == ",":
            first = k + 1
            break
    between = tokens[first:last]
    if not between or len(between) > _NAMING_WORDS or any(not t.word[0].isalnum() for t in between):
        return None
    return _Token(tokens[first].start, tokens[last].end, tokens[last].word, "anaphor")


# -- indirect quotes ----------------------------------------------------------------------
def _clause(field: _Field, verb: int, end: int, cues: _Cues) -> tuple[int, int] | None:
    """The reported clause after the speech verb, up to ``end``, without `bahwa`/`that`."""
    tokens = field.tokens
    i = verb + 1
    last = field.token_at(end)
    for k in range(i, min(i + 5, last)):  # "told reporters on Friday that", not "said he hoped that"
        if tokens[k].word in cues.complementizers:
            i = k + 1
            break
        if tokens[k].word in cues.pronouns or tokens[k].word in cues.verbs:
            break
    while i < last and tokens[i].word in {",", ":"}:
        i += 1
    if i >= last:
        return None
    start = tokens[i].start
    stop = end
    while stop > start and field.text[stop - 1] in " .,;:!?\n":
        stop -= 1
    if len(tokenize(field.text, start, stop)) < 2:
        return None
    return start, stop


def find_quotes(article: Article, options: Options) -> Article:
    lang = data_language(article.language) or "id"
    cues = _cues(lang)
    found: list[tuple[_Pending, int]] = []
    view = token_view(article)
    for name, text in article.text_fields():
        field = _Field(name, text, list(article.entities), view.field(name).tokens)
        sentences = sorted((s.start, s.end) for s in article.sentences if s.field == name)
        sentence_starts = [s for s, _ in sentences]
        quoted = _quotations(text)
        direct_spans = []  # a direct quote with its cue: no indirect quote may cross one
        cue_spans = []  # where a direct quote's cue and speaker stand: no indirect quote there
        for q in quoted:
            words = len(tokenize(text, q.start, q.end))
            i = bisect.bisect_right(sentence_starts, q.open)
            sentence = sentences[i - 1] if i else (0, q.open)
            if words <= _SHORT and not re.search(r"[.!?,]$", text[q.start:q.end]):
                continue  # a partial quote if its sentence reports speech (below), else scare quotes
            after = _speaker_after(field, q.close, cues)
            speaker = after or _speaker_before(field, q.open, sentence[0], cues)
            if speaker is None and words <= _SHORT:
                continue  # "Meet the Press." is a name in quotation marks, not a quote
            if _title_like(text[q.start:q.end]) and not (
                    text[q.start:q.end].endswith(",") or re.search(r"[,:]\s*$", text[sentence[0]:q.open])):
                continue  # on NBC’s “Meet the Press.”, “Once Upon A Time in Hollywood”: names of works
            found.append((_pending(field, q.start, q.end, "direct", speaker), q.open))
            end = q.close + 1
            if speaker and speaker.entity:
                end = max(end, speaker.entity.span.end)
            direct_spans.append((q.open, min(len(text), end)))
            if after:
                cue_spans.append((q.close, min(len(text), end + 1)))
            elif speaker and re.search(r"[,:]\s*$", text[sentence[0]:q.open]):
                cue_spans.append((sentence[0], q.open))  # "X mengatakan, “…”": the intro is the cue
        for s_start, s_end in sentences:
            if any(a < s_end and s_start < b for a, b in cue_spans):
                continue
            for quote in _indirect(field, s_start, s_end, cues, quoted):
                span = quote.span
                crosses = any(a < span.end and span.start < b and not (span.start <= a and b <= span.end)
                              for a, b in direct_spans)
                if not crosses:
                    found.append((quote, span.start))
    found.sort(key=lambda item: (field_order(item[0].span.field), item[1]))
    return article.evolve(quotes=_resolve([q for q, _ in found], article, cues))


def _title_like(quoted: str) -> bool:
    """A short quotation whose longer words all start upper-case names a work or a show."""
    words = [w for w in re.findall(r"\w+(?:[’']\w+)?", quoted)]
    return 0 < len(words) <= 8 and words[0][0].isupper() and all(w[0].isupper() for w in words if len(w) >= 4)


def _indirect(field: _Field, start: int, end: int, cues: _Cues, quoted: list[_Quoted]) -> list[_Pending]:
    tokens = field.tokens
    first, last = field.token_at(start), field.token_at(end)
    out: list[_Pending] = []
    # "Menurut X, …" / "According to X, …" / "Lebih lanjut, dipaparkan Gede, …"
    opening = next((k + 1 for k in range(first, min(first + 4, last)) if tokens[k].word == ","), first)
    for at in dict.fromkeys((first, opening)):
        length = _match(tokens, at, cues.source_before)
        if length:
            after = tokens[at + length - 1].end
            source = _source(field, at + length, min(last, at + length + _NAMING_WORDS), cues)
            if source:
                speaker, comma = source
                clause = _clause(field, comma, end, cues)
                if clause:
                    cue = field.text[tokens[at].start:after]
                    return [_pending(field, *clause, "indirect", _Speaker(*speaker, cue))]
    if first < last and tokens[first].word in cues.source_self:  # "Menurutnya, …"
        clause = _clause(field, first, end, cues)
        if clause:
            cue = field.text[tokens[first].start:tokens[first].end]
            return [_pending(field, *clause, "indirect", _Speaker(None, tokens[first], cue))]
    verbs = [k for k in range(first, last) if tokens[k].word in cues.verbs]
    heads: list[tuple[int, tuple]] = []
    for k in verbs:
        subject = _subject(field, k, start, cues)
        begins = (subject[0].span.start if subject[0] else subject[1].start) if subject else None
        # "mengatakan dia berharap …": a subject right after the last verb is inside its clause
        if subject and not (heads and field.token_at(begins) - heads[-1][0] <= 2):
            heads.append((k, subject))
    for n, (k, subject) in enumerate(heads):
        stop = end
        if n + 1 < len(heads):
            _, (entity, pronoun) = heads[n + 1]
            stop = entity.span.start if entity else pronoun.start
        clause = _clause(field, k, stop, cues)
        if clause:
            speaker = _Speaker(*subject, field.text[tokens[k].start:tokens[k].end])
            out.append(_pending(field, *clause, "indirect", speaker))
            for q in quoted:  # a few quoted words inside it are a partial quote of the same voice
                if clause[0] <= q.start and q.end <= clause[1] and len(tokenize(field.text, q.start, q.end)) <= _SHORT:
                    out.append(_pending(field, q.start, q.end, "partial", speaker))
    if not heads:  # "The paper blasted Seoul, warning that …": the sentence's subject speaks
        for k in range(first + 1, last):
            if tokens[k - 1].word == "," and (length := _match(tokens, k, cues.participles)):
                clause = _clause(field, k + length - 1, end, cues)
                if clause:
                    subject = field.entity_starting(start, tokens[min(first + 1, last - 1)].start)
                    pronoun = tokens[first] if tokens[first].word in cues.pronouns else None
                    cue = field.text[tokens[k].start:tokens[k + length - 1].end]
                    out.append(_pending(field, *clause, "indirect", _Speaker(subject, pronoun, cue)))
                break
    if not out:  # "…, kata X." or "…, lanjut dia, …" with no quotation marks
        for k in range(first + 1, last):
            if tokens[k - 1].word != ",":
                continue
            if tokens[k].word in cues.after_self:
                length, speaker = 1, _Speaker(None, tokens[k], field.text[tokens[k].start:tokens[k].end])
            elif length := _match(tokens, k, cues.after):
                after = tokens[k + length - 1].end
                nxt = k + length
                cue = field.text[tokens[k].start:after]
                if nxt < last and tokens[nxt].word in cues.pronouns:
                    speaker = _Speaker(None, tokens[nxt], cue)
                else:
                    entity = field.named_after(after)
                    speaker = _Speaker(entity, None, cue) if entity and entity.span.end <= end else None
                if speaker is None and _match(tokens, k, cues.source_before) and nxt < last:
                    # "…, according to analysts working in the region."
                    speaker = _Speaker(None, _unnamed(field, nxt, last - 1), cue)
            else:
                continue
            if speaker is None:
                break
            named_until = speaker.entity.span.end if speaker.entity else speaker.pronoun.end
            rest = field.text[named_until:end].strip(" .!?\n")
            stop = tokens[k - 1].start if not rest.startswith(",") or len(rest) < 3 else end
            while stop > start and field.text[stop - 1] in " .,;:!?\n":
                stop -= 1
            if len(tokenize(field.text, start, stop)) >= 3:
                out.append(_pending(field, start, stop, "indirect", speaker))
            break
    return out


def _source(field: _Field, i: int, limit: int, cues: _Cues) -> tuple[tuple, int] | None:
    """Who "According to X," names, and the index of its comma: a name, a pronoun, or
    words that name nobody in particular ("the report", "critics")."""
    tokens = field.tokens
    comma = next((k for k in range(i, limit) if tokens[k].word == ","), None)
    if comma is None and (entity := field.entity_starting(tokens[i].start, tokens[i].start)):
        return (entity, None), field.token_at(entity.span.end) - 1  # "Menurut AHY pemerintah …"
    if comma is None or comma == i:
        return None
    if tokens[i].word in cues.pronouns and comma == i + 1:
        return (None, tokens[i]), comma
    people = [e for e in _entities_between(field, tokens[i].start, tokens[comma].start)]
    if people:
        persons = [e for e in people if e.type == "PER"]
        return ((persons or people)[0], None), comma
    return (None, _unnamed(field, i, comma - 1)), comma


def _unnamed(field: _Field, first: int, last: int) -> _Token:
    """Words ``tokens[first..last]`` that name a source but no actor, as one token."""
    tokens = field.tokens
    while last > first and not tokens[last].word[0].isalnum():
        last -= 1
    return _Token(tokens[first].start, tokens[last].end, tokens[last].word, "group")


# -- putting it together --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Pending:
    """A quote found, its speaker not yet an actor."""

    span: Span
    kind: str
    speaker: _Speaker | None


def _pending(field: _Field, start: int, end: int, kind: str, speaker: _Speaker | None) -> _Pending:
    return _Pending(Span(field.name, start, end, field.text[start:end]), kind, speaker)


def _resolve(pending: list[_Pending], article: Article, cues: _Cues) -> tuple[Quote, ...]:
    """Actor ids and speaker spans; pronouns, -nya cues and cue-less quotes take the voice
    of the quote before them, else what the story-level reference step resolves them to
    (the same step events use: "Politikus Partai Golkar ini" is the Golkar politician the
    story named), else the last person named."""
    people = sorted(((e.span.field, e.span.start), e) for e in article.entities if e.type == "PER" and e.actor)
    others = sorted(((e.span.field, e.span.start), e) for e in article.entities if e.type == "ORG" and e.actor)
    refs = None

    def referred(field: str, token: _Token) -> str | None:
        nonlocal refs
        if refs is None:
            refs = references(article)
        fv = refs.view.field(field)
        first, last_token = fv.token_at(token.start), fv.token_at(token.end) - 1
        for k in range(first, last_token + 1):
            mention = refs.covering(field, k)
            if mention is None or not mention.actor:
                continue
            if refs.kind_of(mention.actor) == "person":
                return mention.actor
            member = next((p for p, body in refs.affiliation.items() if body == mention.actor), None)
            if member is not None:
                return member  # "Politikus Partai Golkar ini": the one the story named there
        return None

    resolved: list[Quote] = []
    last: tuple[str | None, Quote | None] = (None, None)
    for quote in pending:
        speaker = quote.speaker
        actor, span, cue = None, None, None
        if speaker is not None:
            cue = speaker.cue
            if speaker.entity is not None:
                actor, span = speaker.entity.actor, speaker.entity.span
            elif speaker.pronoun is not None and speaker.pronoun.kind == "group":
                token = speaker.pronoun
                text = article.text_of(quote.span.field)
                span = Span(quote.span.field, token.start, token.end, text[token.start:token.end])
            elif speaker.pronoun is not None and speaker.pronoun.word in cues.roles:
                kind = cues.roles[speaker.pronoun.word]
                actor = _last_person(people if kind == "person" else others, quote.span)
                token = speaker.pronoun
                text = article.text_of(quote.span.field)
                span = Span(quote.span.field, token.start, token.end, text[token.start:token.end])
            else:
                token = speaker.pronoun
                actor = last[0] or (referred(quote.span.field, token) if token is not None else None) \
                    or _last_person(people, quote.span)
                if token is not None and (token.word in cues.pronouns or token.kind == "anaphor"):
                    text = article.text_of(quote.span.field)
                    span = Span(quote.span.field, token.start, token.end, text[token.start:token.end])
        elif quote.kind in ("direct", "partial") and last[1] is not None and _near(last[1], quote, article):
            actor = last[0]
        final = Quote(quote.span, quote.kind, actor, span, cue)
        resolved.append(final)
        if actor:
            last = (actor, final)
    return tuple(resolved)


def _last_person(people: list, span: Span) -> str | None:
    i = bisect.bisect_left(people, ((span.field, span.start),), key=lambda p: (p[0],))
    while i > 0:
        (field, _), entity = people[i - 1]
        if field == span.field:
            return entity.actor
        i -= 1
    return None


def _near(before: Quote, quote: _Pending, article: Article) -> bool:
    """The same or the next paragraph: a cue-less quote there goes on in the same voice."""
    if before.span.field != quote.span.field:
        return False
    between = article.text_of(quote.span.field)[before.span.end:quote.span.start]
    return between.count("\n\n") <= 1 and between.count("\n") <= 2
