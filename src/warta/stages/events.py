"""Stage ``events``: who did what to whom, when and where, and whether it happened (PLOVER).

1. Triggers are phrases from ``resources/<lang>/event_patterns.yaml``, found word by word in
   each sentence (longest first; "…" lets the object stand inside: "menetapkan X sebagai
   tersangka").
2. Arguments come from the entities stage's actors: the subject before the trigger (past
   words such as "juga telah"; "A dan B" is a pair; a pronoun is the last person named; a
   first-person pronoun inside a quote is its speaker; a fronted clause "Selain mengirim …,
   Rusia …" takes the main clause's subject) and the object after it (past "dengan", "ke" and
   title words: "bertemu dengan Menteri Luar Negeri AS Antony Blinken" is Blinken). Passives
   swap them, with the agent after "oleh"/"by" or right after a di- verb.
3. Status (PLOVER auxiliary mode) from ``event_status.yaml``: a negation, a future or a
   hypothetical marker before the trigger in its clause, a condition after it, or a date well
   before the story (historical). "…seperti yang terjadi di Krimea pada 2014" is a second,
   historical event of the same kind.
4. Date: the time expression in the sentence, else the paragraph's last date before it, else
   the publication date (with lower confidence). Place: a place after a locative in the
   sentence, else where a noun of the same kind was placed ("pertemuan di Jenewa"), else the
   dateline; geocoded against the shipped gazetteer, with its precision.
5. Intensity and quad from ``resources/common/plover.yaml`` (Goldstein values via CAMEO).
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from warta.actors.names import fold
from warta.actors.places import best_place
from warta.config import Options
from warta.events.candidates import is_break
from warta.events.lexicon import GAP, GAP_WORDS, Lexicon, Trigger, lexicon, plover_types
from warta.events.references import reference_words
from warta.events.status import long_before, phrase_before
from warta.events.view import QUOTE_MARKS, tokenize
from warta.events.view import Token as _Token
from warta.model import Article, Entity, Event, Location, Sentence, Span, field_order
from warta.resources import data_language

_ARGUMENT_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "“", "”", "\"", "!", "?"})
_SUBJECT_REACH = 10  # words a subject may stand before its trigger
_OBJECT_REACH = 9  # words an object may stand after its trigger


@dataclass(frozen=True, slots=True)
class _Match:
    trigger: Trigger
    first: int  # token indexes, inclusive
    last: int
    gap: tuple[int, int] | None  # tokens inside "…"


@dataclass(frozen=True, slots=True)
class _Found:
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    actor: str | None
    recipient: str | None
    status: str
    sentence: Sentence
    trigger: Span
    rule: str
    date: str | None
    date_from_story: bool
    location: Location | None


class _Reader:
    """One article: its tokens per field and the entities that can be arguments or places."""

    def __init__(self, article: Article, lex: Lexicon):
        self.article = article
        self.lex = lex
        self.tokens: dict[str, list[_Token]] = {}
        self.starts: dict[str, list[int]] = {}
        for name, text in article.text_fields():
            tokens = [t for t in tokenize(text) if t.word not in QUOTE_MARKS]  # Rusia akan “masuk” ke Ukraina
            self.tokens[name] = tokens
            self.starts[name] = [t.start for t in tokens]
        self.arguments: dict[str, list[Entity]] = {}
        self.places: dict[str, list[Entity]] = {}
        for entity in article.entities:
            if entity.actor and entity.type in _ARGUMENT_TYPES and not entity.actor.startswith("geo:"):
                self.arguments.setdefault(entity.span.field, []).append(entity)
            if entity.type in _PLACE_TYPES:
                self.places.setdefault(entity.span.field, []).append(entity)
        self.ends = {f: {e.span.end: e for e in es} for f, es in self.arguments.items()}
        self.begins = {f: {e.span.start: e for e in es} for f, es in self.arguments.items()}
        self.people = sorted(((field_order(e.span.field), e.span.start), e.actor)
                             for e in article.entities if e.type == "PER" and e.actor)
        self.groups = sorted(((field_order(e.span.field), e.span.start), e.actor)
                             for e in article.entities if e.type in ("ORG", "GPE") and e.actor
                             and not e.actor.startswith("geo:"))
        self.authorities = sorted(
            ((field_order(e.span.field), e.span.start), e.actor) for e in article.entities
            if e.type == "ORG" and e.actor and set(fold(e.span.text).split()) & lex.authorities)
        self.suspect = _suspect(article)
        self.countries = tuple(dict.fromkeys(
            a.id if a.kind == "state" else a.country for a in article.actors if (a.kind == "state" or a.country)))

    def token_at(self, field: str, position: int) -> int:
        return bisect.bisect_left(self.starts[field], position)

    def entity_ending_at(self, field: str, token: _Token) -> Entity | None:
        ends = self.ends.get(field, {})
        entity = ends.get(token.end)
        if entity is None and token.word.endswith(("'s", "’s")):
            entity = ends.get(token.end - 2)  # "Sudan's government"
        return entity

    def entity_starting_at(self, field: str, token: _Token) -> Entity | None:
        return self.begins.get(field, {}).get(token.start)

    def authority_before(self, field: str, position: int) -> str | None:
        """The police, prosecutor or court acting in an arrest or a search the sentence tells in
        the passive ("Barang bukti telah disita"): of those named up to ``position``, the one
        named most often."""
        i = bisect.bisect_left(self.authorities, ((field_order(field), position),))
        if not i:
            return None
        named = [actor for _, actor in self.authorities[:i]]
        counts = {actor: named.count(actor) for actor in named}
        # the unit the story is about (named most often so far), the latest on a tie
        return max(reversed(named), key=lambda actor: counts[actor])

    def last_group_before(self, field: str, position: int) -> str | None:
        i = bisect.bisect_left(self.groups, ((field_order(field), position),))
        return self.groups[i - 1][1] if i else None

    def last_person_before(self, field: str, position: int) -> str | None:
        i = bisect.bisect_left(self.people, ((field_order(field), position),))
        return self.people[i - 1][1] if i else None


def _suspect(article: Article) -> str | None:
    """The person a crime story is about: named most often, and never quoted speaking (the
    police chief and the lawyer speak; the suspect is spoken of). None if no one stands out."""
    speakers = {q.speaker for q in article.quotes if q.speaker}
    counts: dict[str, int] = {}
    for e in article.entities:
        if e.type == "PER" and e.actor and e.actor not in speakers:
            counts[e.actor] = counts.get(e.actor, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0] if ranked[0][1] >= 2 else None


def _matches(reader: _Reader, field: str, first: int, last: int) -> list[_Match]:
    """Triggers in tokens[first:last], longest first, not overlapping."""
    tokens, lex = reader.tokens[field], reader.lex
    found: list[_Match] = []
    i = first
    while i < last:
        best = None
        for trigger in lex.triggers.get(tokens[i].word, ()):
            match = _match_at(lex, tokens, i, last, trigger)
            if match and (best is None or match.last - match.first > best.last - best.first):
                best = match
        if best and not (i > first and tokens[i - 1].word == "(" and found and found[-1].last >= i - 2):
            found.append(best)
            i = best.last + 1
        elif best:
            i = best.last + 1
        else:
            i += 1
    return found


def _match_at(lex: Lexicon, tokens: list[_Token], i: int, last: int, trigger: Trigger) -> _Match | None:
    words = trigger.words
    k, j, gap = 0, i, None
    while k < len(words):
        if words[k] == GAP:
            following = words[k + 1]
            for g in range(j, min(last, j + GAP_WORDS + 1)):
                if tokens[g].word == following and g > j:
                    gap = (j, g)
                    j = g
                    break
                if is_break(lex, tokens[g]):
                    return None
            else:
                return None
            k += 1
            continue
        if j >= last or tokens[j].word != words[k]:
            return None
        j += 1
        k += 1
    return _Match(trigger, i, j - 1, gap)


def find_events(article: Article, options: Options) -> Article:
    lang = data_language(article.language) or "id"
    lex = lexicon(lang, tuple(options.event_patterns))
    reader = _Reader(article, lex)
    anchors = _anchors(reader)
    found: list[_Found] = []
    for sentence in article.sentences:
        found.extend(_sentence_events(reader, sentence, anchors, found))
    types = plover_types()
    events = []
    seen = set()
    for f in found:
        key = (f.type, f.actor, f.recipient, f.sentence, f.status, f.trigger.start)
        if key in seen:
            continue
        seen.add(key)
        plover = types[f.type]
        confidence = 0.5 + 0.2 * (f.actor is not None) + 0.2 * (f.recipient is not None) - 0.1 * (not f.date_from_story)
        events.append(Event(
            type=f.type, actor=f.actor, recipient=f.recipient, status=f.status, sentence=f.sentence,
            trigger=f.trigger, rule=f.rule, mode=f.mode, contexts=f.contexts, date=f.date, location=f.location,
            confidence=round(max(0.1, confidence), 2),
            intensity=plover.mode_intensity.get(f.mode or "", plover.intensity), quad=plover.quad,
        ))
    return article.evolve(events=tuple(events))


# -- one sentence ---------------------------------------------------------------------------
def _sentence_events(reader: _Reader, sentence: Sentence, anchors: dict, before: list[_Found]) -> list[_Found]:
    field, lex = sentence.field, reader.lex
    tokens = reader.tokens[field]
    first, last = reader.token_at(field, sentence.start), reader.token_at(field, sentence.end)
    out: list[_Found] = []
    subjects: list = []  # each trigger's subject as found, for "… dan sepakat" after it
    analogy_at = next((k for k in range(first, last) if any(
        tuple(t.word for t in tokens[k:k + len(p)]) == p for p in lex.analogies)), None)
    matches = _matches(reader, field, first, last)
    if any(m.trigger.pattern.primary for m in matches):  # fallback patterns only where no primary one fits
        matches = [m for m in matches if m.trigger.pattern.primary]
    for match in matches:
        if match.trigger.voice == "noun":
            continue
        pattern = match.trigger.pattern
        actor, recipient, subject = _arguments(reader, field, match, first, last, subjects)
        subjects.append(subject)
        if pattern.reciprocal and isinstance(actor, tuple):
            actor, recipient = actor[0], recipient or actor[1]
        elif isinstance(actor, tuple):
            actor = actor[0]
        if isinstance(recipient, tuple):
            recipient = recipient[0]
        if recipient is None and pattern.answers:
            recipient = next((f.actor for f in reversed(before + out) if f.type == pattern.answers and f.actor), None)
        somebody = UNNAMED in (actor, recipient)
        actor = None if actor == UNNAMED else actor
        recipient = None if recipient == UNNAMED else recipient
        if actor is None and "legal" in pattern.contexts:
            actor = reader.authority_before(field, tokens[match.first].start)
        if actor is None and recipient is None and not somebody:
            continue  # nobody at all: no evidence of who did what to whom
        if actor == recipient:
            recipient = None
        stop = analogy_at if analogy_at is not None and analogy_at > match.last else last
        date, from_story = _date(reader, sentence, tokens[match.first].start, tokens[stop - 1].end if stop > first else sentence.end)
        status = _status(reader, field, match, first, stop, date)
        if status == "asserted" and not pattern.speech and _requested(reader, field, match, matches):
            status = "future"  # "meminta ketua umum parpol untuk menonaktifkan …": asked for, not done
        location = _location(reader, field, match, first, stop) or anchors.get(pattern.type) or _dateline(reader)
        text = reader.article.text_of(field)
        trigger = Span(field, tokens[match.first].start, tokens[match.last].end,
                       text[tokens[match.first].start:tokens[match.last].end])
        found = _Found(pattern.type, pattern.mode, pattern.contexts, actor, recipient, status, sentence,
                       trigger, pattern.rule, date, from_story, location)
        out.extend(_announced(reader, field, match, first, found))
        out.append(found)
        if analogy_at is not None and analogy_at > match.last and pattern.type not in {"REQUEST", "ACCUSE", "REJECT"}:
            out.append(_analogy(reader, sentence, analogy_at, last, out[-1]))
            analogy_at = None
    return out


def _requested(reader: _Reader, field: str, match: _Match, matches: list[_Match]) -> bool:
    """Whether the trigger is what a demand or threat before it in its clause asks for."""
    tokens = reader.tokens[field]
    for earlier in matches:
        if earlier.last >= match.first:
            break
        if earlier.trigger.pattern.type in ("REQUEST", "THREATEN") and earlier.trigger.voice == "active" \
                and not any(is_break(reader.lex, t) for t in tokens[earlier.last + 1:match.first]):
            return True
    return False


def _announced(reader: _Reader, field: str, match: _Match, first: int, event: _Found) -> list[_Found]:
    """What announcing an action is in PLOVER: "Israel will evacuate the settlements" is an
    asserted AGREE, "will withdraw its force unless …" an asserted THREATEN, and "Sudan must
    return the helicopter", said by Russia, an asserted REQUEST from Russia to Sudan."""
    lex, tokens = reader.lex, reader.tokens[field]
    if match.trigger.pattern.speech or match.trigger.voice != "active":
        return []
    if phrase_before(tokens, match.first, first, lex.obligation, lex, lex.window):
        speaker = _speaker(reader, field, tokens[match.first].start)
        if speaker or event.actor:
            return [dataclasses.replace(event, type="REQUEST", mode=None, contexts=(), actor=speaker,
                                        recipient=event.actor, status="asserted", rule=event.rule + "+obligation")]
    if event.status == "future" and event.actor and phrase_before(tokens, match.first, first, lex.intent, lex, lex.window):
        kind = lex.announcing.get(event.type)
        if kind and kind != event.type:
            return [dataclasses.replace(event, type=kind, mode=None, status="asserted", rule=event.rule + "+intent")]
    return []


def _analogy(reader: _Reader, sentence: Sentence, at: int, last: int, event: _Found) -> _Found:
    """"…seperti yang terjadi di Krimea pada 2014": the same kind of event, earlier, elsewhere."""
    field, tokens = sentence.field, reader.tokens[sentence.field]
    length = next(len(p) for p in reader.lex.analogies
                  if tuple(t.word for t in tokens[at:at + len(p)]) == p)
    text = reader.article.text_of(field)
    trigger = Span(field, tokens[at].start, tokens[at + length - 1].end, text[tokens[at].start:tokens[at + length - 1].end])
    date, from_story = _date(reader, sentence, tokens[at].start, sentence.end, after=tokens[at].start)
    place = _place_in(reader, field, at + length, last)
    return _Found(event.type, event.mode, event.contexts, event.actor, None, "historical", sentence, trigger,
                  event.rule + "+analogy", date, from_story, place)


# -- arguments ------------------------------------------------------------------------------
def _arguments(reader: _Reader, field: str, match: _Match, first: int, last: int, subjects: list):
    """(actor, recipient, the subject as found); an actor may be a pair ("A dan B")."""
    lex, tokens = reader.lex, reader.tokens[field]
    voice = match.trigger.voice
    if voice == "active" and lex.passive_auxiliaries and _passive_auxiliary(lex, tokens, match.first, first):
        voice = "passive"
    subject = _subject(reader, field, match.first, first, last, subjects, "legal" in match.trigger.pattern.contexts)
    if match.gap:
        obj = _object(reader, field, match.gap[0], match.gap[1])
    else:
        obj = _object(reader, field, match.last + 1, min(last, match.last + 1 + _OBJECT_REACH))
    if voice == "passive":
        return _agent(reader, field, match.last + 1, last), subject, subject
    if voice == "speaker":
        return _speaker(reader, field, tokens[match.first].start), subject, subject
    return subject, obj, subject


def _passive_auxiliary(lex: Lexicon, tokens: list[_Token], i: int, floor: int) -> bool:
    k = i - 1
    while k >= floor and i - k <= 3:
        if tokens[k].word in lex.passive_auxiliaries:
            return tokens[i].word.endswith(("ed", "en", "wn", "ld", "ght", "ot", "ung", "uck", "eld"))
        if tokens[k].word not in lex.subject_gap:
            return False
        k -= 1
    return False


def _subject(reader: _Reader, field: str, i: int, first: int, last: int, subjects: list, legal: bool = False):
    """The actor named before tokens[i] in its clause: an id, a pair of ids, None, or UNNAMED
    for a description that names nobody ("students", "massa")."""
    lex, tokens = reader.lex, reader.tokens[field]
    k = i - 1
    described = 0  # agent nouns stepped over: "the Israeli army", "Afghan rebel leaders"
    while k >= first and i - k <= _SUBJECT_REACH:
        token = tokens[k]
        entity = reader.entity_ending_at(field, token)
        if entity:
            return _coordinated(reader, field, entity, first) or entity.actor
        if token.word in lex.suspect_nouns and described == 0 and (suspect := reader.suspect):
            return suspect  # "Terdakwa dihukum …": the one the story is about
        if token.word in lex.agent_nouns and described < 3 and not (described == 0 and token.word in lex.authority_nouns):
            described += 1
            k -= 1
            continue
        if described:
            return UNNAMED
        words = reference_words(lex.lang)
        if token.word in words.personal or token.word in words.plural:
            return reader.last_person_before(field, token.start)
        if token.word in words.it:
            return reader.last_group_before(field, token.start)
        if token.word in lex.authority_nouns or (legal and token.word in words.first_person_plural):
            # "polisi menangkap", "kami amankan" (a police chief speaking): the force the story names
            return reader.authority_before(field, token.start)
        if token.word in words.first_person or token.word in words.first_person_plural:
            return _speaker(reader, field, token.start)
        if token.word == ")":  # "Kejaksaan Negeri (Kejari) Jember menetapkan"
            opening = next((j for j in range(k - 1, max(first - 1, k - 8), -1) if tokens[j].word == "("), None)
            if opening is not None:
                k = opening - 1
                continue
        if token.word == "," and k > first:
            # "Lavrov, Menteri Luar Negeri Rusia, mengatakan": skip a comma-enclosed apposition
            opening = next((j for j in range(k - 1, max(first - 1, k - 12), -1) if tokens[j].word == ","), None)
            if opening is not None and (entity := reader.entity_ending_at(field, tokens[opening - 1])):
                return entity.actor
            break
        if is_break(lex, token):
            break
        if token.word in lex.coordinators:
            # "… dan telah mendesak": the verb shares the subject of the clause before it
            known = [s for s in subjects if s is not None]
            return known[-1] if known else _sentence_subject(reader, field, first, k)
        if token.word not in lex.subject_gap and token.word not in reader.lex.status_words:
            break
        k -= 1
    if described:
        return UNNAMED
    if tokens[first].word in lex.fronted:
        comma = next((j for j in range(first, last) if tokens[j].word == ","), None)
        if comma is not None and comma > i:
            entity = _first_entity(reader, field, comma + 1, min(last, comma + 4))
            return entity.actor if entity else None
    return None


UNNAMED = "unnamed"  # a subject the text describes but does not name


def _sentence_subject(reader: _Reader, field: str, first: int, before: int) -> str | None:
    entity = _first_entity(reader, field, first, min(before, first + 3))
    return entity.actor if entity else None


def _first_entity(reader: _Reader, field: str, start: int, stop: int) -> Entity | None:
    tokens = reader.tokens[field]
    for k in range(start, stop):
        if entity := reader.entity_starting_at(field, tokens[k]):
            return entity
    return None


def _coordinated(reader: _Reader, field: str, entity: Entity, first: int):
    """"Blinken dan Lavrov": both sides, the first named first."""
    tokens = reader.tokens[field]
    text = reader.article.text_of(field)
    k = reader.token_at(field, entity.span.start) - 1
    while k > first and text[tokens[k].start].isupper() and tokens[k].word not in reader.lex.coordinators \
            and entity.span.start - tokens[k].start < 40:
        k -= 1  # past the second side's title: "… dan Menlu Rusia Sergei Lavrov"
    if k - 1 >= first and tokens[k].word in reader.lex.coordinators:
        other = reader.entity_ending_at(field, tokens[k - 1])
        if other and other.actor != entity.actor:
            return (other.actor, entity.actor)
    return None


def _object(reader: _Reader, field: str, start: int, stop: int) -> str | None:
    """The first actor named after a trigger in its clause ("menyita uang … dari Siman",
    "mengapresiasi langkah jajaran Polresta"); a person after a title that names them, not
    the title's country ("bertemu dengan Menteri Luar Negeri AS Antony Blinken")."""
    lex, tokens = reader.lex, reader.tokens[field]
    for k in range(start, min(stop, len(tokens))):
        token = tokens[k]
        entity = reader.entity_starting_at(field, token)
        if entity:
            if entity.type != "PER":
                person = _first_entity(reader, field, reader.token_at(field, entity.span.end),
                                       min(len(tokens), reader.token_at(field, entity.span.end) + 3))
                if person and person.type == "PER" and _title_words_between(reader, field, entity, person):
                    return person.actor
            return entity.actor
        if token.word in lex.suspect_nouns and reader.suspect:
            return reader.suspect  # "memeriksa pemohon", "menahan tersangka"
        if is_break(lex, token) or (k > start and token.word in lex.triggers):
            return None  # the object of this trigger ends where another event begins
    return None


def _title_words_between(reader: _Reader, field: str, left: Entity, right: Entity) -> bool:
    between = reader.article.text_of(field)[left.span.end:right.span.start]
    return all(w[:1].isupper() for w in between.split())


def _agent(reader: _Reader, field: str, start: int, last: int) -> str | None:
    """"ditangkap oleh polisi" / "arrested by police" / "ditangkap Polda Metro Jaya"."""
    lex, tokens = reader.lex, reader.tokens[field]
    for k in range(start, min(last, start + _OBJECT_REACH)):
        if tokens[k].word in lex.agent_markers:
            return _object(reader, field, k + 1, min(last, k + 1 + _OBJECT_REACH))
        if is_break(lex, tokens[k]):
            return None
    if lex.agent_after_verb and start < last and (entity := reader.entity_starting_at(field, tokens[start])):
        return entity.actor
    return None


def _speaker(reader: _Reader, field: str, position: int) -> str | None:
    """The speaker of the quote around ``position``."""
    for quote in reader.article.quotes:
        if quote.span.field == field and quote.span.start <= position < quote.span.end:
            return quote.speaker
    return None


# -- status, date, place --------------------------------------------------------------------
def _status(reader: _Reader, field: str, match: _Match, first: int, stop: int, date: str | None) -> str:
    lex, tokens = reader.lex, reader.tokens[field]
    pattern = match.trigger.pattern
    reach = lex.window
    if phrase_before(tokens, match.first, first, lex.negation, lex, reach):
        return "negated"
    if phrase_before(tokens, match.first, first, lex.hypothetical, lex, reach):
        return "hypothetical"
    if not pattern.speech and any(tokens[k].word in lex.conditions for k in range(match.last + 1, stop)):
        return "hypothetical"
    if match.trigger.voice != "speaker" and phrase_before(tokens, match.first, first, lex.future, lex, reach):
        return "future"
    if date and long_before(date, reader.article):
        return "historical"
    return "asserted"


def _date(reader: _Reader, sentence: Sentence, trigger_at: int, end: int, after: int | None = None):
    """The event's date and whether the story gave it (not the publication date)."""
    article = reader.article
    in_sentence = [t for t in article.times if t.span.field == sentence.field and t.value
                   and sentence.start <= t.span.start < min(sentence.end, end + 1)
                   and (after is None or t.span.start >= after)]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.span.start - trigger_at)).value, True
    if after is None:
        text = article.text_of(sentence.field)
        paragraph = text.rfind("\n\n", 0, sentence.start) + 1
        earlier = [t for t in article.times if t.span.field == sentence.field and t.value
                   and paragraph <= t.span.start < sentence.start]
        if earlier:
            return earlier[-1].value, True
    return (article.published.date if article.published else None), False


def _location(reader: _Reader, field: str, match: _Match, first: int, stop: int) -> Location | None:
    """A place after a locative in the sentence: after the trigger first, then before it."""
    return _place_in(reader, field, match.last + 1, stop) or _place_in(reader, field, first, match.first)


def _place_in(reader: _Reader, field: str, start: int, stop: int) -> Location | None:
    lex, tokens = reader.lex, reader.tokens[field]
    places = {e.span.start: e for e in reader.places.get(field, ())}
    k = start
    while k < stop:
        if tokens[k].word in lex.locatives:
            j = k + 1
            while j < stop and (tokens[j].word in lex.place_gap or tokens[j].word in _PUNCTUATION - {",", ";"}):
                j += 1
            while j < stop and tokens[j].start in places:
                entity = places[tokens[j].start]
                location = _geocode(reader, entity.span.text)
                if location:
                    return location
                j = reader.token_at(field, entity.span.end)  # "di Hotel President Wilson di kota Jenewa"
                break
        k += 1
    return None


def _geocode(reader: _Reader, name: str) -> Location | None:
    place = best_place(name, reader.countries)
    if place is None:
        return None
    return Location(name=name, place_id=place.id, country=place.country, lat=place.lat, lon=place.lon,
                    precision=place.precision)


def _dateline(reader: _Reader) -> Location | None:
    dateline = reader.article.dateline
    return _geocode(reader, dateline.place) if dateline else None


def _anchors(reader: _Reader) -> dict[str, Location]:
    """"pertemuan di Jenewa": where the article places an event of each kind by its noun."""
    out: dict[str, Location] = {}
    for field, tokens in reader.tokens.items():
        for match in _matches(reader, field, 0, len(tokens)):
            kind = match.trigger.pattern.type
            if match.trigger.voice != "noun" or kind in out:
                continue
            k = match.last + 1
            if k < len(tokens) and tokens[k].word in reader.lex.locatives:
                location = _place_in(reader, field, k, min(len(tokens), k + 6))
                if location:
                    out[kind] = location
    return out

