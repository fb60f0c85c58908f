"""Stage ``times``: every time expression in title, body and captions, with its value.

1. find the expressions of the article's language (``dates.grammar``);
2. resolve them against the publication day (``dates.resolve``); a date without a year
   borrows one from a full date in its paragraph, the publication day or the page;
3. with no publication date, infer one from the written dates (basis ``body-mentions``)
   and resolve again, so ``kemarin`` and bare weekdays get values too;
4. every check on a time's value (weekday mismatch, past-tense future date) is also an
   article warning, prefixed with where it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from warta.config import Options
from warta.dates.grammar import Found, clause_tense, find
from warta.dates.published import infer_published
from warta.dates.resolve import Resolved, resolve
from warta.model import Article, Published, Span, TimeMention
from warta.resources import data_language


def _anchor(published: Published | None) -> dt.date | None:
    if published is None or published.precision != "day":
        return None
    return dt.date.fromisoformat(published.date)


class _FieldIndex:
    """Positions in one field's text, sorted for bisection: paragraph breaks, quotation
    marks, and the dates written in full (which lend years and date quotations)."""

    def __init__(self, text: str, founds: list[Found]):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n\n", text)]
        self.straight = [m.start() for m in re.finditer('"', text)]
        self.opening = [m.start() for m in re.finditer("“", text)]
        self.closing = [m.start() for m in re.finditer("”", text)]
        full = [(f.start, day) for f in founds if (day := _full_date(f))]
        self.full_at = [pos for pos, _ in full]
        self.full = [day for _, day in full]
        self.days_at: list[int] = []
        self.days: list[tuple[Found, dt.date]] = []

    def paragraph(self, position: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, position)
        low = self.breaks[i - 1] + 2 if i else 0
        high = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return low, high

    def nearest_full(self, position: int, low: int = 0, high: int | None = None) -> dt.date | None:
        high = len(self.text) if high is None else high
        i = bisect.bisect_left(self.full_at, position)
        near = [j for j in (i - 1, i) if 0 <= j < len(self.full_at) and low <= self.full_at[j] <= high]
        if not near:
            return None
        return self.full[min(near, key=lambda j: abs(self.full_at[j] - position))]

    def quote_close(self, low: int, position: int) -> int | None:
        """Where the quotation holding ``position`` closes, if it is inside one in its paragraph."""
        def count(marks: list[int]) -> int:
            return bisect.bisect_left(marks, position) - bisect.bisect_left(marks, low)

        last_open = self.opening[bisect.bisect_left(self.opening, position) - 1] if count(self.opening) else -1
        last_close = self.closing[bisect.bisect_left(self.closing, position) - 1] if count(self.closing) else -1
        if last_open > last_close or count(self.straight) % 2 == 1:
            after = [marks[i] for marks in (self.closing, self.straight)
                     if (i := bisect.bisect_left(marks, position)) < len(marks)]
            return min(after) if after else None
        return None

    def next_day(self, position: int) -> tuple[Found, dt.date] | None:
        i = bisect.bisect_right(self.days_at, position)
        return self.days[i] if i < len(self.days) else None


def _full_date(found: Found) -> dt.date | None:
    """A date written with its year: it can lend the year to dates written without one."""
    if found.year is None or found.year_lent or found.month is None or found.relative:
        return None
    try:
        return dt.date(found.year, found.month, found.day or 15)
    except ValueError:
        return None


def _references(field: str, found: Found, index: dict[str, _FieldIndex], anchor: dt.date | None) -> list[dt.date]:
    """Dates that may lend a year, most trusted first: the nearest full date in the same
    paragraph, the publication day, the nearest in the field, the first of each other field."""
    own = index[field]
    low, high = own.paragraph(found.start)
    ordered = [own.nearest_full(found.start, low, high), anchor, own.nearest_full(found.start)]
    ordered.extend(other.full[0] for name, other in index.items() if name != field and other.full)
    return [day for day in ordered if day is not None]


def _speech_day(field: str, found: Found, index: dict[str, _FieldIndex], anchor: dt.date) -> dt.date | None:
    """The day a relative time counts from when it is not the publication day.

    * in apposition ("hari ini, Senin (20/10/2025)") it names that date itself;
    * in a quotation attributed with a date ("Kejadiannya tadi malam," kata X, Sabtu
      (18/10/2025)) "tadi malam" counts from the day it was said."""
    own = index[field]
    following = own.next_day(found.end)
    if following and not own.text[found.end : following[0].start].strip(" ,"):
        if found.unit == "day" and found.offset is not None:
            return following[1] - dt.timedelta(days=found.offset)
        return None
    low, high = own.paragraph(found.start)
    close = own.quote_close(low, found.start)
    said = own.next_day(close) if close is not None else None
    if said and said[0].start <= high and said[1] < anchor:
        return said[1]
    return None


def _resolve_all(founds, texts, lang, anchor) -> list[tuple[str, Found, Resolved, str | None]]:
    index = {field: _FieldIndex(text, [f for name, f in founds if name == field]) for field, text in texts.items()}
    resolved = []
    for field, found in founds:
        tense = clause_tense(texts[field], found.start, found.end, lang)
        resolved.append((field, found, resolve(found, anchor, _references(field, found, index, anchor), tense), tense))
    if anchor is None:
        return resolved
    for field, found, result, _ in resolved:
        if not found.relative and result.granularity == "day" and result.start is not None:
            index[field].days_at.append(found.start)
            index[field].days.append((found, result.start))
    for position, (field, found, _, tense) in enumerate(resolved):
        if found.relative and found.rule not in {"weekday", "weekend"}:
            local = _speech_day(field, found, index, anchor)
            if local is not None:
                resolved[position] = (field, found, resolve(found, local, [], tense), tense)
    return resolved


def find_times(article: Article, options: Options) -> Article:
    lang = data_language(article.language)
    if lang is None:
        return article.evolve(times=())
    texts = dict(article.text_fields())
    founds = [(field, found) for field, text in texts.items() for found in find(text, lang)]
    published = article.published
    results = _resolve_all(founds, texts, lang, _anchor(published))
    if published is None:
        published = infer_published((r, tense) for _, f, r, tense in results if not f.relative)
        if published is not None:
            results = _resolve_all(founds, texts, lang, _anchor(published))
    times = tuple(
        TimeMention(
            span=Span(field, found.start, found.end, found.text),
            value=result.value,
            granularity=result.granularity,
            warnings=result.warnings,
        )
        for field, found, result, _ in results
    )
    # Checks on a resolved value go to the article's warnings; why a time has no value stays on it.
    warnings = tuple(
        f"time {t.span.field}[{t.span.start}:{t.span.end}] {t.span.text!r}: {w}"
        for t in times if t.value is not None for w in t.warnings
    )
    unresolved = sum(1 for t in times if t.value is None and t.warnings)
    if unresolved:
        warnings += (f"{unresolved} time expression(s) left without a value: no publication date or year",)
    return article.evolve(times=times, published=published, warnings=article.warnings + warnings)
