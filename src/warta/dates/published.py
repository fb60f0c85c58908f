"""Publication dates: read one from a field or a byline, or infer one from the dates a text mentions."""

from __future__ import annotations

import datetime as dt
import re

from warta.dates.grammar import find
from warta.model import Published

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


def parse_written_date(text: str) -> dt.date | None:
    """The first full written date in a short text such as a byline ("21 Januari 2022", "Jan. 21,
    2022", "21/01/2022"), in Indonesian or English."""
    for lang in ("id", "en"):
        for found in find(text, lang):
            if found.day is not None and found.month is not None and found.year is not None:
                value = _day(found.year, found.month, found.day)
                if value:
                    return value
    return None


def infer_published(mentions) -> Published | None:
    """The latest date the text tells as past or present: the story cannot be older than it.

    ``mentions`` are (Resolved, tense) pairs of written (not relative) dates. Only dates
    without warnings count, and none from a future-tense clause (a scheduled event is not
    the publication day). Day precision when a day is mentioned, else month. A bare year is
    not enough: stories name past years ("pada 2014") far more often than their own."""
    best: dict[str, tuple[dt.date, str]] = {}
    for resolved, tense in mentions:
        if resolved.start is None or resolved.warnings or tense == "future":
            continue
        current = best.get(resolved.granularity)
        if current is None or resolved.start > current[0]:
            best[resolved.granularity] = (resolved.start, resolved.value)
    for granularity in ("day", "month"):
        if granularity in best:
            start, value = best[granularity]
            return Published(date=start.isoformat(), precision=granularity, basis="body-mentions")
    return None
