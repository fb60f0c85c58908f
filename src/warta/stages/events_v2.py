"""Stage ``events`` (v2): who did what to whom, when and where, and whether it happened (PLOVER).

An engine of components, each in ``warta/events/``, over one token view of the article:

1. ``references``: every name, initials, description and pronoun that can stand for a side,
   resolved once for the whole story (shared with quote speakers);
2. ``candidates``: where a sentence may state an event — the patterns of the language's
   pattern files (``event_patterns`` option, user files too); a trained tagger plugs in here;
3. ``merge``: one list of candidates per sentence, by the ``event_merge`` policy;
4. ``arguments``: the actor and recipient of each candidate, scored over the mentions of the
   sentence and, where the sentence leaves a side unsaid, of the story;
5. ``status``: asserted, negated, future, hypothetical or historical, and the events that
   announcing, demanding or comparing make;
6. ``setting``: date and geocoded place;
7. intensity and quad from ``resources/common/plover.yaml``.

Unnamed groups ("lima tersangka", "warga") become actors of kind ``group`` with the story's
country and a sector; initials become people of the story. The record lists them with the
other actors, so every side an event names is in ``record.actors``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from warta.config import Options
from warta.events.arguments import NOBODY, Sentence, Side, occurs, sides
from warta.events.candidates import Candidate, pattern_candidates
from warta.events.lexicon import Lexicon, lexicon, plover_types
from warta.events.merge import merge
from warta.events.references import References, references
from warta.events.setting import Places, event_date
from warta.events.status import analogy_at, announced, obliged, requested, status
from warta.events.view import FieldView
from warta.model import Article, Event, Location, Span
from warta.model import Sentence as SentenceSpan
from warta.resources import data_language

# Legal acts whose recipient is the person the story is about when the sentence leaves it out
# ("Penyidik kemudian melakukan penahanan"): by type, and mode where it matters.
_SUSPECT_RECIPIENT = {("COERCE", "arrest"), ("COERCE", "seize"), ("ACCUSE", "allege"), ("ACCUSE", "investigate"),
                      ("SANCTION", "convict")}


@dataclass(frozen=True, slots=True)
class _Found:
    candidate: Candidate
    type: str
    mode: str | None
    actor: Side
    recipient: Side
    status: str
    trigger: Span
    sentence: SentenceSpan
    rule: str
    date: str | None
    date_from_story: bool
    location: Location | None


def find_events(article: Article, options: Options) -> Article:
    lang = data_language(article.language) or "id"
    lex = lexicon(lang, tuple(options.event_patterns))
    refs = references(article)
    places = Places(article, lex)
    plan = []
    for fv in refs.view.fields.values():
        for n in range(len(fv.sentences)):
            plan.append((fv, n, merge(pattern_candidates(fv, n, lex), options.event_merge)))
    _anchor_places(plan, places, lex)
    found: list[_Found] = []
    for fv, n, candidates in plan:
        found.extend(_sentence_events(refs, lex, places, fv, n, candidates, found))
    return article.evolve(events=_events(found), actors=_with_new_actors(article, refs, found))


def _anchor_places(plan, places: Places, lex: Lexicon) -> None:
    """"pertemuan di Jenewa": where the article places an event of each kind by its noun."""
    for fv, _, candidates in plan:
        for c in candidates:
            if c.voice != "noun" or c.type in places.anchors:
                continue
            k = c.last + 1
            if k < len(fv.tokens) and fv.tokens[k].word in lex.locatives:
                location = places.after_locative(fv, k, min(len(fv.tokens), k + 6))
                if location:
                    places.anchors[c.type] = location


def _sentence_events(refs: References, lex: Lexicon, places: Places, fv: FieldView, n: int,
                     candidates: list[Candidate], before: list[_Found]) -> list[_Found]:
    first, last = fv.sentences[n]
    if first >= last:
        return []
    tokens = fv.tokens
    s = Sentence(refs, lex, fv, first, last)
    analogy = analogy_at(lex, tokens, first, last)
    sentence = SentenceSpan(fv.name, *fv.sentence_spans[n])
    verb_types = {c.type for c in candidates if c.voice != "noun"}
    subjects: list[Side] = []
    out: list[_Found] = []
    for c in candidates:
        if c.voice == "noun" and c.type in verb_types:
            continue  # "melakukan penggeledahan … penggeledahan itu": the verb states it
        actor, recipient, subject = sides(s, c, subjects)
        subjects.append(subject)
        if c.voice == "noun" and not (actor.actor or recipient.actor or occurs(s, c)):
            continue  # a noun that names an event without telling it happened
        if c.reciprocal and actor.others:
            actor, recipient = Side(actor.actor, actor.how), recipient if recipient.actor else Side(
                actor.others[0], actor.how, actor.others[1:])
        if recipient.actor is None and c.answers:
            answered = next((f.actor for f in reversed(before + out) if f.type == c.answers and f.actor.actor), None)
            if answered is not None:
                recipient = Side(answered.actor, "answers")
        if actor.actor is None and "legal" in c.contexts:
            body = refs.authority(fv.name, c.first, lex.authority_by_mode.get(c.mode or "", "investigator"))
            if body is not None:
                actor = Side(body, "story:authority")
        if actor.actor is None:  # "Menjatuhkan sanksi …", read out in a quote: its speaker acts
            speaker = refs.speaker_at(fv.name, tokens[c.first].start)
            if speaker is not None and speaker != recipient.actor:
                actor = Side(refs.body_of(speaker) if not c.speech else speaker, "speaker")
        if recipient.actor is None and ((c.type, c.mode) in _SUSPECT_RECIPIENT) and refs.suspects:
            recipient = Side(refs.suspects[0], "story:suspect", tuple(refs.suspects[1:]))
        if actor.actor is None and (lex.require_actor or recipient.actor is None):
            continue  # who did it is the first thing an event tells (event_status.yaml require_actor)
        if actor.actor == recipient.actor:
            recipient = NOBODY
        stop = analogy[0] if analogy is not None and analogy[0] > c.last else last
        end = tokens[stop - 1].end if stop > first else sentence.end
        date, from_story = event_date(refs.article, fv.name, (sentence.start, sentence.end), tokens[c.first].start, end)
        state = status(lex, tokens, c, first, stop, date, refs.article)
        if state == "asserted" and not c.speech and requested(lex, tokens, c, candidates):
            state = "future"  # "meminta ketua umum parpol untuk menonaktifkan …": asked for, not done
        location = places.of_event(fv, first, c.first, c.last, stop, c.type)
        trigger = Span(fv.name, tokens[c.first].start, tokens[c.last].end, fv.text[tokens[c.first].start:tokens[c.last].end])
        event = _Found(c, c.type, c.mode, actor, recipient, state, trigger, sentence, c.rule, date, from_story, location)
        out.extend(_announced(refs, lex, fv, c, first, event))
        out.append(event)
        if analogy is not None and analogy[0] > c.last and c.type not in {"REQUEST", "ACCUSE", "REJECT"}:
            out.append(_analogy(refs, places, fv, sentence, analogy, last, event))
            analogy = None
    return out


def _announced(refs: References, lex: Lexicon, fv: FieldView, c: Candidate, first: int, event: _Found) -> list[_Found]:
    """What announcing an act is in PLOVER: "Israel will evacuate the settlements" is an
    asserted AGREE, "will withdraw its force unless …" an asserted THREATEN, and "Sudan must
    return the helicopter", said by Russia, an asserted REQUEST from Russia to Sudan."""
    tokens = fv.tokens
    if obliged(lex, tokens, c, first):
        speaker = refs.speaker_at(fv.name, tokens[c.first].start)
        if speaker and speaker != event.actor.actor:
            return [dataclasses.replace(event, type="REQUEST", mode=None, actor=Side(speaker, "speaker"),
                                        recipient=event.actor, status="asserted", rule=event.rule + "+obligation")]
    kind = announced(lex, tokens, c, first, event.status) if event.actor.actor else None
    if kind:
        return [dataclasses.replace(event, type=kind, mode=None, status="asserted", rule=event.rule + "+intent")]
    return []


def _analogy(refs: References, places: Places, fv: FieldView, sentence: SentenceSpan, analogy: tuple[int, int],
             last: int, event: _Found) -> _Found:
    """"…seperti yang terjadi di Krimea pada 2014": the same kind of event, earlier, elsewhere."""
    at, length = analogy
    tokens = fv.tokens
    trigger = Span(fv.name, tokens[at].start, tokens[at + length - 1].end,
                   fv.text[tokens[at].start:tokens[at + length - 1].end])
    date, from_story = event_date(refs.article, fv.name, (sentence.start, sentence.end), tokens[at].start,
                                     sentence.end, after=tokens[at].start)
    place = places.after_locative(fv, at + length, last)
    return dataclasses.replace(event, recipient=NOBODY, status="historical", trigger=trigger,
                               rule=event.rule + "+analogy", date=date, date_from_story=from_story, location=place)


def _events(found: list[_Found]) -> tuple[Event, ...]:
    types = plover_types()
    events = []
    seen = set()
    for f in found:
        key = (f.type, f.actor.actor, f.recipient.actor, f.sentence, f.status, f.trigger.start)
        if key in seen:
            continue
        seen.add(key)
        plover = types[f.type]
        confidence = 0.3 + 0.35 * f.actor.score + 0.25 * f.recipient.score + 0.1 * f.date_from_story \
            + 0.05 * (f.candidate.score - 0.5)
        events.append(Event(
            type=f.type, actor=f.actor.actor, recipient=f.recipient.actor, status=f.status, sentence=f.sentence,
            trigger=f.trigger, rule=f.rule, mode=f.mode, contexts=f.candidate.contexts, date=f.date,
            location=f.location, confidence=round(min(1.0, max(0.1, confidence)), 2),
            intensity=plover.mode_intensity.get(f.mode or "", plover.intensity), quad=plover.quad,
        ))
    return tuple(events)


def _with_new_actors(article: Article, refs: References, found: list[_Found]):
    """The record's actors plus the groups, story people and parents its events name."""
    used = {f.actor.actor for f in found} | {f.recipient.actor for f in found}
    have = {a.id for a in article.actors}
    extra = [a for a_id, a in refs.new_actors.items() if a_id in used and a_id not in have]
    return article.actors + tuple(extra) if extra else article.actors
