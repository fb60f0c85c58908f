"""When and where an event happened.

Date: the time expression in its sentence nearest the trigger, else the paragraph's last date
before it, else the publication date (with lower confidence). Place: a place after a locative
in the sentence, after the trigger first; else where a noun of the same kind was placed
("pertemuan di Jenewa"); else the dateline; geocoded against the shipped gazetteer.
"""

from __future__ import annotations

from warta.actors.places import best_place
from warta.events.lexicon import Lexicon
from warta.events.view import FieldView
from warta.model import Article, Entity, Location

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_PUNCTUATION = frozenset({"(", ")", "“", "”", "\"", "!", "?", ":"})


def event_date(article: Article, field: str, sentence: tuple[int, int], trigger_at: int, end: int,
               after: int | None = None) -> tuple[str | None, bool]:
    """(date, whether the story gave it rather than the publication date)."""
    start, stop = sentence
    in_sentence = [t for t in article.times if t.span.field == field and t.value
                   and start <= t.span.start < min(stop, end + 1) and (after is None or t.span.start >= after)]
    if in_sentence:
        best = min(in_sentence, key=lambda t: abs(t.span.start - trigger_at))
        return best.value, True
    if after is None:
        text = article.text_of(field)
        paragraph = text.rfind("\n\n", 0, start) + 1
        earlier = [t for t in article.times if t.span.field == field and t.value and paragraph <= t.span.start < start]
        if earlier:
            return earlier[-1].value, True
    return (article.published.date if article.published else None), False


class Places:
    """The article's place mentions and countries, for geocoding events."""

    def __init__(self, article: Article, lex: Lexicon):
        self.article = article
        self.lex = lex
        self.by_field: dict[str, dict[int, Entity]] = {}
        for entity in article.entities:
            if entity.type in _PLACE_TYPES:
                self.by_field.setdefault(entity.span.field, {})[entity.span.start] = entity
        self.countries = tuple(dict.fromkeys(
            a.id if a.kind == "state" else a.country for a in article.actors if (a.kind == "state" or a.country)))
        self.anchors: dict[str, Location] = {}

    def geocode(self, name: str) -> Location | None:
        place = best_place(name, self.countries)
        if place is None:
            return None
        return Location(name=name, place_id=place.id, country=place.country, lat=place.lat, lon=place.lon,
                        precision=place.precision)

    def dateline(self) -> Location | None:
        dateline = self.article.dateline
        return self.geocode(dateline.place) if dateline else None

    def after_locative(self, fv: FieldView, start: int, stop: int) -> Location | None:
        tokens, lex = fv.tokens, self.lex
        places = self.by_field.get(fv.name, {})
        for k in range(start, stop):
            if tokens[k].word in lex.locatives:
                j = k + 1
                while j < stop and (tokens[j].word in lex.place_gap or tokens[j].word in _PUNCTUATION):
                    j += 1
                if j < stop and tokens[j].start in places:
                    location = self.geocode(places[tokens[j].start].span.text)
                    if location:
                        return location
        return None

    def of_event(self, fv: FieldView, first: int, trigger_first: int, trigger_last: int, stop: int,
                 kind: str) -> Location | None:
        return (self.after_locative(fv, trigger_last + 1, stop) or self.after_locative(fv, first, trigger_first)
                or self.anchors.get(kind) or self.dateline())
