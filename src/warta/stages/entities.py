"""Stage ``entities``: the names in title, body and captions, with SPEC types.

1. A tagger reads each sentence: the CRF trained on Indonesian NER corpora (PER, ORG,
   LOC, EVENT) for Indonesian, Malay and languages without their own; for English,
   which has no training data offline, a capitalisation chunker typed by word lists,
   the dictionary and the CRF's vote (``warta.ner.english``).
2. The actor dictionary finds the names it knows in the same sentence (``AS``, ``PBB``,
   ``Paman Sam``, ``Russian``). Where the tagger found nothing, the dictionary's name is
   added; where a dictionary name contains the tagger's span, it replaces it
   ("Amerika" → "Amerika Serikat").
3. Types are refined with the dictionary and the gazetteer: a state, a capital or a
   populated place is GPE, a demonym is NORP, a place with a facility word (``Bandara``,
   ``Airport``) is FAC; other places stay LOC.
4. One name, one type per article: a tagger span that is part of a person's full name
   given elsewhere in the article is that person ("Blinken" tagged LOC once is PER).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from warta.actors.dictionary import ActorDictionary, Entry, load_dictionary
from warta.actors.names import name_key
from warta.actors.places import places_named
from warta.actors.scan import Hit, PhraseIndex
from warta.config import Options
from warta.model import Article, Entity, Span, field_order
from warta.ner import load_tagger
from warta.ner.english import load_english_tagger
from warta.resources import data_language, load

_KIND_TYPE = {"state": "GPE", "place": "GPE", "person": "PER", "organization": "ORG", "group": "ORG"}


def dictionary_type(entries: list[Entry], dictionary: ActorDictionary) -> str:
    """The SPEC type a dictionary name has: a demonym is NORP, a capital is GPE."""
    entry = entries[0]
    if entry.role == "demonym":
        return "NORP"
    if entry.role == "capital":
        return "GPE"
    return _KIND_TYPE[dictionary.actors[entry.actor].kind]


@cache
def _facility_words(lang: str) -> PhraseIndex:
    return PhraseIndex(name_key(w) for w in load(lang, "entity_words.yaml")["facility_words"])


def _known_names(text: str, dictionary: ActorDictionary, lang: str) -> list[tuple[Hit, str]]:
    """Dictionary names in ``text``, each with its type. A name written in lower case is
    an ordinary word ("as", "amerika" in a URL), so only capitalised hits count."""
    def accept(hit: Hit, source: str) -> bool:
        first = source[hit.start]
        return (first.isupper() or first.isdigit()) and bool(dictionary.lookup(source[hit.start:hit.end], lang))

    index = dictionary.names_index(lang)
    return [(hit, dictionary_type(dictionary.lookup(text[hit.start:hit.end], lang), dictionary))
            for hit in index.find(text, accept)]


def _refine(label: str, words: str, entries: list[Entry], dictionary: ActorDictionary, lang: str) -> str:
    """SPEC type of a tagger span: the dictionary knows best (``entries``, its lookup of
    ``words``), then facility words, then places."""
    if entries:
        return dictionary_type(entries, dictionary)
    if label != "LOC":
        return label
    if _facility_words(lang).find(words):
        return "FAC"
    if places_named(words):
        return "GPE"
    return "LOC"


# Where a tagger span holds two names: "Kantor DJP, Jakarta", "Badan Pusat Statistik (BPS)".
_INNER_BREAK = re.compile(r",\s+|\s*[()]\s*")


_WORDS = re.compile(r"\S+")
_OPENERS = " \"'“‘(["


def _split(start: int, end: int, label: str, text: str, particles: frozenset[str] = frozenset(),
           common: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """A tagger span cut at commas and brackets into the names it holds. In cased text a
    name neither starts nor ends with a lower-case word ("kota Jenewa"), bar particles
    ("bin", "van"), nor starts with a common word whose capital only says the sentence
    starts there ("Harapan AS untuk …")."""
    parts, position = [], start
    for m in _INNER_BREAK.finditer(text, start, end):
        parts.append((position, m.start()))
        position = m.end()
    parts.append((position, end))
    cased = any(c.isupper() for c in text)
    headline = _headline(text)
    out = []
    for s, e in parts:
        words = [(m.start(), m.end()) for m in _WORDS.finditer(text, s, e)]
        while cased and words and text[words[0][0]].islower() and text[slice(*words[0])] not in particles:
            words.pop(0)
        while cased and words and text[words[-1][0]].islower() and text[slice(*words[-1])] not in particles:
            words.pop()
        if (len(words) > 1 and not text[:words[0][0]].strip(_OPENERS)
                and text[slice(*words[0])].lower() in common):
            words.pop(0)
        while headline and len(words) > 1 and text[slice(*words[-1])].lower() in common:
            words.pop()  # "Lisa Mariana Minta …": in a headline the verb is capitalised too
        if words and any(c.isalnum() for c in text[words[0][0]:words[-1][1]]):
            out.append((words[0][0], words[-1][1], label))
    return out


def _headline(text: str) -> bool:
    """Title case: nearly every longer word capitalised, so capitals do not mark names."""
    longer = [w for w in _WORDS.findall(text) if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


@cache
def _edge_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Particles allowed at a name's edge, and words usually written in lower case."""
    return frozenset(load(lang, "ner_words.yaml")["particles"]), frozenset(load(lang, "common_words.txt"))


def _merge(tagged: list[tuple[int, int, str]], known: list[tuple[Hit, str]]
           ) -> list[tuple[int, int, str | None, str]]:
    """Tagger spans plus dictionary names, as (start, end, type, label); a dictionary
    name wins over spans it contains. Tagger spans come untyped (``None``): their label
    is refined later."""
    tagged = sorted(tagged)  # the tagger's spans do not overlap: starts and ends both ascend
    starts = [s for s, _, _ in tagged]
    dropped: set[int] = set()
    merged: list[tuple[int, int, str | None, str]] = []
    for hit, kind in known:
        first = max(0, bisect.bisect_right(starts, hit.start) - 1)
        last = bisect.bisect_left(starts, hit.end)
        overlapping = [i for i in range(first, last) if tagged[i][1] > hit.start]
        if all(hit.start <= tagged[i][0] and tagged[i][1] <= hit.end for i in overlapping):
            dropped.update(overlapping)
            merged.append((hit.start, hit.end, kind, kind))
    merged += [(s, e, None, label) for i, (s, e, label) in enumerate(tagged) if i not in dropped]
    return sorted(merged)


@cache
def _institution_pattern(lang: str) -> re.Pattern | None:
    heads = set(load(lang, "entity_words.yaml").get("institution_heads") or ())
    heads |= set(load(lang, "units.yaml").get("heads") or ())  # "Kortas Tipikor Polri", "Komisi III DPR"
    if not heads:
        return None
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:\s*\([^()\n]{{1,15}}\))?(?P<tail>(?:\s+[A-Z][\w-]*){{1,3}})")


def _with_institutions(tagged: list[tuple[int, int, str]], text: str, lang: str) -> list[tuple[int, int, str]]:
    """"Kejaksaan Negeri (Kejari) Jember", "Polres Metro Depok": a regional institution and
    its place are one organisation, whatever pieces the tagger made of them."""
    pattern = _institution_pattern(lang)
    if pattern is None:
        return tagged
    found = [span for m in pattern.finditer(text) if (span := _institution_span(m, lang))]
    if not found:
        return tagged
    kept = [t for t in tagged if not any(t[0] < end and start < t[1] for start, end in found)]
    return sorted(kept + [(start, end, "ORG") for start, end in found])


_TAIL_WORD = re.compile(r"\s+([A-Z][\w-]*)")


def _institution_span(m: re.Match, lang: str) -> tuple[int, int] | None:
    """The head and the place words after it; a headline's next word ("Kejari Lembata
    Geledah 3 Kantor") is not a place and ends the name."""
    place_words = _institution_place_words(lang)
    end = None
    for word in _TAIL_WORD.finditer(m.string, m.start("tail"), m.end("tail")):
        name = word.group(1)
        if name not in place_words and not places_named(name):
            break
        end = word.end(1)
    return (m.start(), end) if end else None


@cache
def _institution_place_words(lang: str) -> frozenset[str]:
    """Words that may close an institution's name: place words, and the short names of the
    bodies a unit belongs to ("Kortas Tipikor Polri", "Komisi III DPR RI")."""
    words = load(lang, "entity_words.yaml")
    return frozenset((*(words.get("institution_place_words") or ()), *(words.get("institution_body_words") or ())))


def _tag(text: str, lang: str) -> list[tuple[int, int, str]]:
    """The tagger's spans; the English chunker repairs its own, the CRF's are cut here."""
    if lang == "en":
        return load_english_tagger().tag(text)
    return [part for span in load_tagger("id").tag(text) for part in _split(*span, text, *_edge_words(lang))]


def find_entities(article: Article, options: Options) -> Article:
    lang = data_language(article.language) or "id"  # other languages: capitalised names still show
    dictionary = load_dictionary(tuple(options.actor_files))
    entities: list[Entity] = []
    tagged_only: list[int] = []  # entities the dictionary does not know
    for sentence in article.sentences:
        text = article.text_of(sentence.field)[sentence.start:sentence.end]
        tagged = _with_institutions(_tag(text, lang), text, lang)
        known = _known_names(text, dictionary, lang)
        for start, end, typed, label in _merge(tagged, known):
            words = text[start:end]
            entries = [] if typed else dictionary.lookup(words, lang)
            kind = typed or _refine(label, words, entries, dictionary, lang)
            span = Span(sentence.field, sentence.start + start, sentence.start + end, words)
            if typed is None and not entries:
                tagged_only.append(len(entities))
            entities.append(Entity(span=span, type=kind))
    entities = _one_type_per_name(article, entities, tagged_only, lang)
    entities = _initials_are_people(article, entities, lang)
    entities += _named_again(article, entities, [entities[i] for i in tagged_only], lang)
    entities.sort(key=lambda e: (field_order(e.span.field), e.span.start))
    return article.evolve(entities=tuple(entities))


_INITIALS = re.compile(r"[A-Z]{2,4}")


def _initials_are_people(article: Article, entities: list[Entity], lang: str) -> list[Entity]:
    """"berinisial HM", "tersangka AR": initials after a word for a person are a person,
    everywhere in the article, whatever the tagger called them."""
    cues = {w.casefold() for w in load(lang, "entity_words.yaml").get("person_initial_cues") or ()}
    people = set()
    for e in entities:
        if _INITIALS.fullmatch(e.span.text):
            before = article.text_of(e.span.field)[max(0, e.span.start - 25):e.span.start].split()
            if before and before[-1].casefold().strip(".,") in cues:
                people.add(e.span.text)
    if not people:
        return entities
    return [Entity(e.span, "PER", e.actor) if e.span.text in people else e for e in entities]


def _named_again(article: Article, entities: list[Entity], tagged: list[Entity], lang: str) -> list[Entity]:
    """Where the tagger found a name once, the same name elsewhere in the article is one too
    ("Lavrov" missed in one sentence, found in another); so is a person's family or first
    name alone ("Lavrov" after "Sergei Lavrov"), unless it is a common word."""
    _, common = _edge_words(lang)
    kinds: dict[str, set[str]] = {}
    for entity in tagged:
        if entity.type not in ("PER", "ORG") or not entity.span.text[:1].isupper():
            continue
        kinds.setdefault(name_key(entity.span.text), set()).add(entity.type)
        words = entity.span.text.split()
        if entity.type == "PER" and len(words) > 1:
            for word in (words[0], words[-1]):
                if len(word) >= 4 and word[:1].isupper() and word.lower() not in common:
                    kinds.setdefault(name_key(word), set()).add("PER")
    names = {key: next(iter(types)) for key, types in kinds.items() if len(types) == 1}
    if not names:
        return []
    index = PhraseIndex(names)
    taken: dict[str, list[tuple[int, int]]] = {}
    for entity in entities:
        taken.setdefault(entity.span.field, []).append((entity.span.start, entity.span.end))
    for spans in taken.values():
        spans.sort()
    found = []
    for field, text in article.text_fields():
        spans = taken.get(field, [])
        starts = [s for s, _ in spans]
        for hit in index.find(text, lambda hit, t: t[hit.start].isupper()):
            i = bisect.bisect_left(starts, hit.end)
            if i and spans[i - 1][1] > hit.start:
                continue  # overlaps a name already found
            found.append(Entity(Span(field, hit.start, hit.end, text[hit.start:hit.end]), names[hit.key]))
    return found


@cache
def _speech_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words after which a name speaks ("kata Purbaya") and verbs it speaks with."""
    words = load(lang, "reporting_verbs.yaml")
    return frozenset(w.lower() for w in words["after_quote"]), frozenset(words["speech_verbs"])


def _speaks(article: Article, entity: Entity, lang: str) -> bool:
    before_words, verbs = _speech_words(lang)
    text = article.text_of(entity.span.field)
    before = text[max(0, entity.span.start - 12):entity.span.start].split()
    after = text[entity.span.end:entity.span.end + 30].split()
    return bool((before and before[-1].lower() in before_words) or (after and after[0].lower() in verbs))


def _one_type_per_name(article: Article, entities: list[Entity], tagged_only: list[int], lang: str
                       ) -> list[Entity]:
    """A name the tagger typed differently in one article takes its most frequent type
    (a person on a tie); a name that speaks ("kata Purbaya", "Purbaya mengatakan") votes
    twice for a person; part of a person's full name is that person."""
    full_names = {f" {name_key(e.span.text)} " for e in entities
                  if e.type == "PER" and " " in e.span.text.strip()}
    votes: dict[str, dict[str, int]] = {}
    for i in tagged_only:
        kinds = votes.setdefault(name_key(entities[i].span.text), {})
        kind = entities[i].type
        if kind in ("LOC", "GPE", "FAC") and _speaks(article, entities[i], lang):
            kinds["PER"] = kinds.get("PER", 0) + 2
        else:
            kinds[kind] = kinds.get(kind, 0) + 1
    for i in tagged_only:
        entity = entities[i]
        key = name_key(entity.span.text)
        kinds = votes[key]
        kind = max(kinds, key=lambda k: (kinds[k], k == "PER"))
        if kind != "PER" and any(f" {key} " in name for name in full_names):
            kind = "PER"
        if kind != entity.type:
            entities[i] = Entity(entity.span, kind)
    return entities
