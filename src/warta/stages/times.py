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

import datetime as dt

from warta.config import Options
from warta.dates.grammar import Found, clause_tense, find
from warta.dates.published import infer_published
from warta.dates.resolve import Resolved, resolve
from warta.model import Article, Published, Span, TimeMention
from warta.resources import LANGUAGES

# Languages whose time words Warta does not ship but a shipped language covers.
_READ_AS = {"ms": "id"}


def _language(article: Article) -> str | None:
    lang = _READ_AS.get(article.language or "", article.language)
    return lang if lang in LANGUAGES else None


def _anchor(published: Published | None) -> dt.date | None:
    if published is None or published.precision != "day":
        return None
    return dt.date.fromisoformat(published.date)


def _paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (max(start, 0)), (len(text) if end < 0 else end)


def _full_date(found: Found) -> dt.date | None:
    """A date written with its year: it can lend the year to dates written without one."""
    if found.year is None or found.year_lent or found.month is None or found.relative:
        return None
    try:
        return dt.date(found.year, found.month, found.day or 15)
    except ValueError:
        return None


def _references(field: str, found: Found, texts: dict[str, str], full: list[tuple[str, int, dt.date]],
                anchor: dt.date | None) -> list[dt.date]:
    """Dates that may lend a year, most trusted first: same paragraph, publication day, page."""
    text = texts[field]
    low, high = _paragraph_bounds(text, found.start)
    same = [(abs(pos - found.start), day) for f, pos, day in full if f == field and low <= pos <= high]
    anywhere = sorted(
        (0 if f == field else 1, abs(pos - found.start) if f == field else 0, day) for f, pos, day in full
    )
    ordered = [day for _, day in sorted(same)]
    if anchor:
        ordered.append(anchor)
    ordered.extend(day for _, _, day in anywhere)
    return ordered


def _inside_quote(text: str, low: int, position: int) -> int | None:
    """Where the quotation holding ``position`` closes, if it is inside one in its paragraph."""
    before = text[low:position]
    curly_open = before.rfind("“") > before.rfind("”")
    if curly_open or before.count('"') % 2 == 1:
        close = min((i for i in (text.find("”", position), text.find('"', position)) if i >= 0), default=-1)
        return close if close >= 0 else None
    return None


def _speech_day(field: str, found: Found, texts: dict[str, str], days: list[tuple[str, Found, dt.date]],
                anchor: dt.date | None) -> dt.date | None:
    """The day a relative time counts from when it is not the publication day.

    * in a quotation attributed with a date ("Kejadiannya tadi malam," kata X, Sabtu
      (18/10/2025)) "tadi malam" counts from the day it was said;
    * in apposition ("hari ini, Senin (20/10/2025)") it names that date itself."""
    text = texts[field]
    for other_field, other, day in days:
        if other_field == field and other.start > found.end and not text[found.end : other.start].strip(" ,"):
            return day - dt.timedelta(days=found.offset) if found.unit == "day" and found.offset is not None else None
    low, high = _paragraph_bounds(text, found.start)
    close = _inside_quote(text, low, found.start)
    if close is None:
        return None
    for other_field, other, day in days:
        if other_field == field and close < other.start <= high and (anchor is None or day < anchor):
            return day
    return None


def _resolve_all(founds, texts, lang, anchor) -> list[tuple[str, Found, Resolved, str | None]]:
    full = [(field, f.start, day) for field, f in founds if (day := _full_date(f))]
    resolved = []
    for field, found in founds:
        tense = clause_tense(texts[field], found.start, found.end, lang)
        references = _references(field, found, texts, full, anchor)
        resolved.append((field, found, resolve(found, anchor, references, tense), tense))
    days = [(field, f, r.start) for field, f, r, _ in resolved
            if not f.relative and r.granularity == "day" and r.start is not None]
    for index, (field, found, result, tense) in enumerate(resolved):
        if found.relative and found.rule not in {"weekday", "weekend"} and anchor is not None:
            local = _speech_day(field, found, texts, days, anchor)
            if local is not None:
                resolved[index] = (field, found, resolve(found, local, [], tense), tense)
    return resolved


def find_times(article: Article, options: Options) -> Article:
    lang = _language(article)
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
