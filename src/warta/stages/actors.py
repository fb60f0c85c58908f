"""Stage ``actors``: link every entity to one canonical actor, and name the actors.

Steps, in order, for one article:

1. States, organisations and demonyms the dictionary knows link directly (``AS`` → USA).
   A capital is its state ("Moskow menuntut …") unless a locative word stands before it
   ("di Moskow"): then it is the city, from the gazetteer.
2. Places link to the gazetteer, preferring countries the article names.
3. People: a dictionary name first; else the holder of the office whose title stands
   before the name on the story's date ("Menlu Rusia Sergei Lavrov"), if the names agree;
   else the full name already given in this article (``Lavrov`` → Sergei Lavrov); else the
   one dictionary person with that name word (in office on the day, if several); else a
   new actor whose id is the normalised name, so it is the same in every article.
   Initials ("BP", "kakek J") are someone the story keeps anonymous: their id is scoped to
   the story, so two stories' "BP" stay two people.
4. An organisation the dictionary does not know may be a unit of one it knows
   (``resources/<lang>/units.yaml``): "Polres Jember" and "Kortas Tipikor Polri" keep their
   own ids and point to Polri as their ``parent``, with the unit's sector.
5. An office title with no name ("kata Menlu Rusia", "Presiden" in Indonesian news) is
   itself a PER mention of whoever held the office on the story's date.
6. The dateline's place gets its gazetteer id (``Moskow`` → GeoNames 524901).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cache

from warta.actors.dictionary import ActorDictionary, load_dictionary, minted_id
from warta.actors.names import fold, name_key, tokens
from warta.actors.places import best_place
from warta.actors.scan import Hit, PhraseIndex
from warta.config import Options
from warta.model import Actor, Article, Dateline, Entity, Span, field_order
from warta.resources import data_language, load

_SEPARATORS = re.compile(r"[\s,]*")


@dataclass(frozen=True, slots=True)
class _Titles:
    index: PhraseIndex
    offices: dict[str, tuple[str, ...]]  # title key → office ids
    skip: frozenset[str]  # honorifics and person prefixes: stand between a title and a name
    former: frozenset[str]
    locatives: frozenset[str]
    home: tuple[str, ...]


@cache
def _titles(lang: str) -> _Titles:
    titles = load(lang, "titles.yaml")
    words = load(lang, "entity_words.yaml")
    offices: dict[str, list[str]] = {}
    for office, names in titles["offices"].items():
        for title in names:
            offices.setdefault(name_key(title), []).append(office)
    return _Titles(
        index=PhraseIndex(offices),
        offices={key: tuple(ids) for key, ids in offices.items()},
        skip=frozenset(name_key(w) for w in (*titles.get("honorifics", ()), *words["person_prefixes"])),
        former=frozenset(fold(w) for w in words["former"]),
        locatives=frozenset(name_key(w) for w in words["locatives"]),
        home=tuple(words["home_countries"]),
    )


@dataclass(frozen=True, slots=True)
class _Units:
    heads: tuple[tuple[tuple[str, ...], str | None, str | None], ...]  # (folded words, parent, sector)
    tails: tuple[str, ...]  # actor ids whose name closing an organisation's name makes it their unit


@cache
def _units(lang: str) -> _Units:
    data = load(lang, "units.yaml")
    heads = sorted(((tuple(fold(w) for w in tokens(head)), row.get("parent"), row.get("sector"))
                    for head, row in (data.get("heads") or {}).items()), key=lambda h: -len(h[0]))
    return _Units(tuple(heads), tuple(data.get("tails") or ()))


_INITIALS = re.compile(r"(?:[A-Z]\.?){1,4}")


@dataclass(frozen=True, slots=True)
class _Marks:
    """One field's office titles and GPE entities, in text order, with their positions."""

    titles: list[Hit]
    title_ends: list[int]
    gpes: list[Entity]
    gpe_starts: list[int]

    @classmethod
    def of(cls, titles: list[Hit], gpes: list[Entity]) -> _Marks:
        gpes = sorted(gpes, key=lambda e: e.span.start)
        return cls(titles, [h.end for h in titles], gpes, [g.span.start for g in gpes])


def _day(article: Article) -> dt.date | None:
    return dt.date.fromisoformat(article.published.date) if article.published else None


class _Linker:
    """What linking one article needs to remember: its actors, people and countries."""

    def __init__(self, article: Article, dictionary: ActorDictionary, lang: str):
        self.dictionary = dictionary
        self.lang = lang
        self.story = article.id[:6] or "story"
        self.units = _units(lang)
        self.titles = _titles(lang)
        self.day = _day(article)
        self.actors: dict[str, Actor] = {}
        self.people: list[tuple[tuple[str, ...], str]] = []  # (folded name words, actor id)

    def named(self, entities: list[Entity]) -> tuple[Actor, ...]:
        """The article's actors. One the dictionary does not know (a new person or
        organisation, a place) lists as aliases the other ways this article names it."""
        forms: dict[str, set[str]] = {}
        for entity in entities:
            if entity.actor and entity.actor not in self.dictionary.actors:
                forms.setdefault(entity.actor, set()).add(entity.span.text)
        return tuple(
            dataclasses.replace(a, aliases=tuple(sorted(forms[a.id] - {a.name}))) if a.id in forms else a
            for a in self.actors.values()
        )

    def use(self, actor: Actor) -> str:
        self.actors.setdefault(actor.id, actor)
        return actor.id

    def known(self, actor_id: str) -> str:
        return self.use(self.dictionary.actors[actor_id])

    # -- titles ------------------------------------------------------------------
    def title_before(self, entity: Entity, text: str, marks: _Marks) -> tuple[Hit, str | None] | None:
        """The office title standing right before ``entity`` and the state named with it."""
        before = bisect.bisect_right(marks.title_ends, entity.span.start)
        if not before:
            return None
        hit = marks.titles[before - 1]
        gap = text[hit.end:entity.span.start]
        if len(gap) > 80:
            return None
        country = None
        first = bisect.bisect_left(marks.gpe_starts, hit.end)
        for gpe in marks.gpes[first:]:
            if gpe.span.end > entity.span.start:
                break
            actor = self.dictionary.actors.get(gpe.actor or "")
            if actor and actor.kind == "state":
                country = actor.id
            gap = gap.replace(gpe.span.text, " ", 1)
        rest = [w for w in tokens(gap) if w not in ",." and name_key(w) not in self.titles.skip]
        return (hit, country) if not rest else None

    def holder(self, title: Hit, country: str | None) -> str | None:
        for office in self.titles.offices[title.key]:
            for where in ((country,) if country else self.titles.home):
                person = self.dictionary.holder(office, where, self.day)
                if person:
                    return person
        return None

    def is_former(self, text: str, title: Hit) -> bool:
        before = tokens(text[max(0, title.start - 30):title.start])
        return bool(before) and fold(before[-1]) in self.titles.former

    # -- people ------------------------------------------------------------------
    def person(self, name: str, title: tuple[Hit, str | None] | None) -> str:
        words = [w for w in tokens(name) if w.isalnum() and name_key(w) not in self.titles.skip]
        clean = " ".join(words) or name
        entries = [e for e in self.dictionary.lookup(clean, self.lang)
                   if self.dictionary.actors[e.actor].kind == "person"]
        holder = self.holder(*title) if title else None
        folded = tuple(fold(w) for w in words)
        if entries:
            ids = [e.actor for e in entries]
            return self._remember(folded, self.known(holder if holder in ids else ids[0]))
        if holder and set(folded) & set(tokens(fold(self.dictionary.actors[holder].name))):
            return self.known(holder)
        if len(folded) <= 2:
            for full, actor_id in self.people:
                if len(full) > len(folded) and set(folded) <= set(full):
                    return actor_id
        if len(folded) == 1 and not (words[0].isupper() and len(words[0]) <= 4):
            # Initials ("AR") are someone the story keeps anonymous, never a dictionary name's part.
            # One word names a dictionary person only if it is the one such person in
            # office on the story's day: "Lavrov" in 2022, not any "Tony" ever in office.
            candidates = self.dictionary.people_called(words[0])
            if self.day:
                candidates = [c for c in candidates if self.dictionary.in_office(c, self.day)]
            if len(candidates) == 1:
                return self.known(candidates[0])
        # Someone new: a title still says where they serve and in which sector.
        office = self.dictionary.offices.get(self.titles.offices[title[0].key][0], {}) if title else {}
        country = (title[1] or next(iter(self.titles.home), None)) if title else None
        actor_id = minted_id("person", clean)
        if _INITIALS.fullmatch(clean.replace(" ", "")):
            actor_id = f"{actor_id}-{self.story}"  # initials name someone only within their story
            country = country or next(iter(self.titles.home), None)
        actor = Actor(id=actor_id, name=clean, kind="person", country=country, sector=office.get("sector"))
        return self._remember(folded, self.use(actor))

    def _remember(self, words: tuple[str, ...], actor_id: str) -> str:
        """A full name, for the short names after it ("Prabowo" after "Prabowo Subianto")."""
        if len(words) >= 2:
            self.people.append((words, actor_id))
        return actor_id

    # -- everything else ---------------------------------------------------------
    def other(self, entity: Entity, text: str, countries: tuple[str, ...]) -> str | None:
        entries = self.dictionary.lookup(entity.span.text, self.lang)
        if entries:
            entry = entries[0]
            # A capital stands for its state ("Moskow menuntut"), except after a place word
            # and in the home country's own news, where "Jakarta" is the city.
            if entry.role != "capital" or not (self._after_locative(entity, text)
                                               or entry.actor in self.titles.home):
                return self.known(entry.actor)
        if entity.type in ("GPE", "LOC", "FAC"):
            place = best_place(entity.span.text, countries)
            if place:
                return self.use(Actor(id=place.id, name=place.name, kind="place", country=place.country))
            return None
        if entity.type == "ORG":
            name = entity.span.text
            return self._org_of_state(name) or self.use(self._unit(name) or
                Actor(id=minted_id("organization", name), name=name, kind="organization"))
        return None

    def _unit(self, name: str) -> Actor | None:
        """"Polres Jember" -> a unit of Polri; "Kortas Tipikor Polri" -> a unit of the body its
        name ends with."""
        words = tuple(fold(w) for w in tokens(name) if w.isalnum())
        for head, parent, sector in self.units.heads:
            if words[:len(head)] == head and len(words) >= len(head):
                parent = self.known(parent) if parent in self.dictionary.actors else None
                country = self.dictionary.actors[parent].country if parent else next(iter(self.titles.home), None)
                return Actor(id=minted_id("organization", name), name=name, kind="organization",
                             parent=parent, country=country, sector=sector)
        for n in range(1, min(4, len(words))):
            entries = [e for e in self.dictionary.lookup(" ".join(words[-n:]), self.lang)
                       if e.actor in self.units.tails]
            if entries:
                body = self.dictionary.actors[entries[0].actor]
                self.known(body.id)
                return Actor(id=minted_id("organization", name), name=name, kind="organization",
                             parent=body.id, country=body.country, sector=body.sector)
        return None

    def _org_of_state(self, name: str) -> str | None:
        """"Kemlu RI", "Kementerian Pertahanan Rusia": a known organisation, then its state."""
        words = tokens(name)
        for n in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:n]), " ".join(words[n:])
            heads = [e for e in self.dictionary.lookup(head, self.lang)
                     if self.dictionary.actors[e.actor].kind in ("organization", "group")]
            states = [e for e in self.dictionary.lookup(tail, self.lang)
                      if self.dictionary.actors[e.actor].kind == "state"]
            if heads and states and self.dictionary.actors[heads[0].actor].country in (None, states[0].actor):
                return self.known(heads[0].actor)
        return None

    def _after_locative(self, entity: Entity, text: str) -> bool:
        before = tokens(fold(text[max(0, entity.span.start - 20):entity.span.start]))
        return any(" ".join(before[-n:]) in self.titles.locatives for n in (1, 2) if len(before) >= n)


def link_actors(article: Article, options: Options) -> Article:
    lang = data_language(article.language) or "id"
    linker = _Linker(article, load_dictionary(tuple(options.actor_files)), lang)
    titles_by_field = {field: linker.titles.index.find(text, lambda hit, t: t[hit.start].isupper())
                       for field, text in article.text_fields()}
    countries = tuple(dict.fromkeys(
        entries[0].actor for e in article.entities
        if (entries := linker.dictionary.lookup(e.span.text, lang))
        and linker.dictionary.actors[entries[0].actor].kind == "state")) + linker.titles.home
    entities = list(article.entities)
    for i, entity in enumerate(entities):  # first what is not a person: it names titles' countries
        if entity.type != "PER":
            actor = linker.other(entity, article.text_of(entity.span.field), countries)
            entities[i] = Entity(entity.span, entity.type, actor)
    _same_as_bracketed(article, entities, linker)
    marks = {field: _Marks.of(titles, [e for e in entities if e.type == "GPE" and e.span.field == field])
             for field, titles in titles_by_field.items()}
    people = [i for i, e in enumerate(entities) if e.type == "PER"]
    for i in sorted(people, key=lambda i: -len(entities[i].span.text)):  # full names before short
        entity = entities[i]
        field = entity.span.field
        title = linker.title_before(entity, article.text_of(field), marks[field])
        entities[i] = Entity(entity.span, entity.type, linker.person(entity.span.text, title))
    entities += _title_mentions(article, linker, titles_by_field, entities)
    entities.sort(key=lambda e: (field_order(e.span.field), e.span.start))
    dateline = article.dateline
    if dateline and dateline.place_id is None and (place := best_place(dateline.place, countries)):
        dateline = Dateline(dateline.place, place.id)
    return article.evolve(entities=tuple(entities), actors=linker.named(entities), dateline=dateline)


_BRACKET = re.compile(r"\s*\(\s*")


def _same_as_bracketed(article: Article, entities: list[Entity], linker: _Linker) -> None:
    """"Badan Pusat Statistik (BPS)": the name and its bracketed short form are one actor
    everywhere in the article: the dictionary's if it knows either, else the full name's."""
    replace: dict[str, str] = {}
    for full, short in itertools.pairwise(entities):
        if full.type != "ORG" or short.type != "ORG" or full.span.field != short.span.field:
            continue
        text = article.text_of(full.span.field)
        m = _BRACKET.match(text, full.span.end)
        if not m or m.end() != short.span.start or not text.startswith(")", short.span.end):
            continue
        keep = short.actor if short.actor in linker.dictionary.actors else full.actor
        for other in (full.actor, short.actor):
            if keep and other and other != keep and other not in linker.dictionary.actors:
                replace[other] = keep
    for i, entity in enumerate(entities):
        if entity.actor in replace:
            entities[i] = Entity(entity.span, entity.type, replace[entity.actor])
    for gone in replace:
        linker.actors.pop(gone, None)


def _title_mentions(article: Article, linker: _Linker, titles_by_field: dict[str, list[Hit]],
                    entities: list[Entity]) -> list[Entity]:
    """Office titles with no name after them, as PER mentions of the office holder."""
    found = []
    for field, hits in titles_by_field.items():
        text = article.text_of(field)
        here = sorted((e for e in entities if e.span.field == field), key=lambda e: e.span.start)
        starts = [e.span.start for e in here]
        ends = list(itertools.accumulate((e.span.end for e in here), max))
        gpes = [e for e in here if e.type == "GPE"]
        field_marks = _Marks.of([], gpes)
        people = [e for e in here if e.type == "PER"]
        people_at = [e.span.start for e in people]
        states_at = {g.span.start: g.actor for g in gpes
                     if linker.dictionary.actors.get(g.actor or "") and linker.dictionary.actors[g.actor].kind == "state"}
        for hit in hits:
            before = bisect.bisect_left(starts, hit.end)
            if before and ends[before - 1] > hit.start:
                continue  # inside an entity
            if linker.is_former(text, hit):
                continue
            follower = bisect.bisect_left(people_at, hit.end)
            only_this = _Marks([hit], [hit.end], field_marks.gpes, field_marks.gpe_starts)
            if follower < len(people) and linker.title_before(people[follower], text, only_this):
                continue
            country = states_at.get(_SEPARATORS.match(text, hit.end).end())
            person = linker.holder(hit, country)
            if person:
                span = Span(field, hit.start, hit.end, text[hit.start:hit.end])
                found.append(Entity(span, "PER", linker.known(person)))
    return found
