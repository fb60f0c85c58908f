"""Publication dates: read one from a field or a byline, or infer one from the dates a text mentions."""

from __future__ import annotations

import datetime as dt
import re

from warta.dates.grammar import find
from warta.model import Published
from warta.resources import LANGUAGES

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Input fields (detik's JSONL ``tanggal``) write M/D/YYYY; see parse_field_date.
_MONTH_FIRST = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100  # a publication date outside this is a misread


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else None


def parse_field_date(value: str | None) -> dt.date | None:
    """A date an input states outright: ISO 8601, ``M/D/YYYY HH:MM`` (detik exports), or a
    written date in any shipped language ("Jumat, 21 Jan 2022 14:05 WIB")."""
    if not value or not value.strip():
        return None
    iso = _ISO.match(value)
    if iso:
        return _day(*(int(g) for g in iso.groups()))
    us = _MONTH_FIRST.match(value)
    if us:
        month, day, year = (int(g) for g in us.groups())
        return _day(year, month, day)
    return parse_written_date(value)


def parse_written_date(text: str, langs: tuple[str, ...] = LANGUAGES, numeric: bool = True) -> dt.date | None:
    """The first full written date in a short text such as a byline ("21 Januari 2022", "Jan. 21,
    2022", "21/01/2022"), trying ``langs`` in order (their day/month orders differ);
    ``numeric=False`` accepts only dates whose month is a name."""
    for lang in langs:
        for found in find(text, lang):
            if found.day is None or found.month is None or found.year is None or found.relative:
                continue
            if found.numeric and not numeric:
                continue
            value = _day(found.year, found.month, found.day)
            if value:
                return value
    return None


# A line that is only a timestamp: "- Kamis, 05/11/2015 09:25 WIB", "Selasa, 16 Februari 2016 |
# 13:01 WIB" (lists of related-article times, the date above the text).
MAX_DATE_LINE_CHARS = 60
_TIME_TAIL = re.compile(r"[\s|,-]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*[A-Za-z]{0,4}\s*")


def is_date_line(line: str) -> bool:
    """Whether a short line holds nothing but a full date and perhaps a clock time."""
    if len(line) > MAX_DATE_LINE_CHARS or not any(c.isdigit() for c in line):
        return False
    start = len(line) - len(line.lstrip("-–— "))
    for lang in LANGUAGES:
        founds = find(line, lang)
        if founds and founds[0].start == start and founds[0].year is not None and founds[0].day is not None \
                and _TIME_TAIL.fullmatch(line, founds[0].end):
            return True
    return False


# "/2022/01/21/", "/20220121/", "-2022-01-21-"; an id such as "d-8171947" is not a date.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:/|[^\d])")


def date_from_url(url: str | None) -> dt.date | None:
    match = _URL_DATE.search(url or "")
    return _day(*(int(g) for g in match.groups())) if match else None


def infer_published(mentions) -> Published | None:
    """The latest date the text tells as past or present: the story cannot be older than it.

    ``mentions`` are (Resolved, tense) pairs of written (not relative) dates. Only dates
    without warnings count, and none from a future-tense clause (a scheduled event is not
    the publication day). Day precision when a day is mentioned, else month. A bare year is
    not enough: stories name past years ("pada 2014") far more often than their own."""
    best: dict[str, dt.date] = {}
    for resolved, tense in mentions:
        if resolved.start is None or resolved.warnings or tense == "future":
            continue
        current = best.get(resolved.granularity)
        if current is None or resolved.start > current:
            best[resolved.granularity] = resolved.start
    for granularity in ("day", "month"):
        if granularity in best:
            return Published(date=best[granularity].isoformat(), precision=granularity, basis="body-mentions")
    return None
