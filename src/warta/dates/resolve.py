"""Give a found time expression its value, against the publication day and the page's own dates.

* a date written without a year takes the year that puts it nearest a reference date: first
  a full date in the same paragraph, then the publication day, then the nearest full date
  anywhere in the page (the seed's ``Jumat (21/1)`` borrows 2022 from its caption's
  ``20 Januari 2022``). Where a weekday is written, a reference whose year fits the weekday
  wins;
* relative expressions (``kemarin``, ``pekan lalu``, ``dua hari lalu``) and bare weekdays
  need the publication day; without one their value is null;
* checks never change a written date: a weekday that contradicts it, a date after the
  publication day told in the past tense, and a date far in the future become warnings.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from warta.dates.grammar import Found

WEEKDAY_NAMES = tuple(calendar.day_name)  # warnings are in English whatever the page language

# A day, week or month this far after the publication day is more likely a misread date than
# news (scheduled elections and plans fall inside it); for a bare year the horizon is longer
# because long-range targets ("Indonesia Emas 2045") are common.
FAR_FUTURE_DAYS = 2 * 366
FAR_FUTURE_YEARS = 30


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    granularity: str  # day | week | month | year
    warnings: tuple[str, ...] = ()
    start: dt.date | None = None  # first day of the period the value names


def granularity_of(found: Found) -> str:
    if found.relative and found.rule != "weekday":
        return found.unit or "day"
    if found.day is not None or found.weekday is not None:
        return "day"
    if found.month is not None:
        return "month"
    return "year"


def resolve(found: Found, anchor: dt.date | None, references: list[dt.date], tense: str | None) -> Resolved:
    """``references``: dates that may lend a missing year, most trusted first."""
    granularity = granularity_of(found)
    if found.relative:
        return _relative(found, anchor, granularity, tense)
    if granularity == "year":
        start = dt.date(found.year, 1, 1)
        return _checked(Resolved(f"{found.year:04d}", "year", (), start), found, anchor, tense)
    if granularity == "month":
        year = found.year if found.year is not None else _year_for(found, 15, anchor, references, tense)
        if year is None:
            return Resolved(None, "month", ("no year for this month in the text or the publication date",))
        start = dt.date(year, found.month, 1)
        resolved = Resolved(f"{year:04d}-{found.month:02d}", "month", (), start)
        return _checked(resolved, found, anchor, tense)
    return _day(found, anchor, references, tense)


def _day(found: Found, anchor: dt.date | None, references: list[dt.date], tense: str | None) -> Resolved:
    year = found.year
    if year is None:
        year = _year_for(found, found.day, anchor, references, tense)
        if year is None:
            return Resolved(None, "day", ("no year for this date in the text or the publication date",))
    try:
        day = dt.date(year, found.month, found.day)
    except ValueError:
        return Resolved(None, "day", (f"{found.text!r} is not a date in the calendar",))
    warnings: list[str] = []
    if found.weekday is not None and day.weekday() != found.weekday:
        warnings.append(_weekday_warning(found, day))
    if found.swapped:
        warnings.append(f"{found.text!r} read in the unusual day/month order: {day.isoformat()}")
    resolved = Resolved(day.isoformat(), "day", tuple(warnings), day)
    return _checked(resolved, found, anchor, tense)


def _weekday_warning(found: Found, day: dt.date) -> str:
    wanted = found.weekday
    forward = (wanted - day.weekday()) % 7
    nearest = day + dt.timedelta(days=forward) if forward <= 3 else day - dt.timedelta(days=7 - forward)
    return (
        f"weekday mismatch: {found.weekday_text} is {WEEKDAY_NAMES[wanted]}, but {day.isoformat()} "
        f"was a {WEEKDAY_NAMES[day.weekday()]}; the nearest {WEEKDAY_NAMES[wanted]} is {nearest.isoformat()}; "
        f"the written date is kept"
    )


# A year-less date is placed in this window around the publication day: news mostly looks
# back, so up to ~10 months back and ~2 months ahead ("(28/12)" in January is last December;
# "Senin (27/10)" on 21 October is next week); a future-tense clause flips the window.
PAST_WINDOW_DAYS, AHEAD_WINDOW_DAYS = 300, 62


def _year_for(found: Found, day: int, anchor: dt.date | None, references: list[dt.date],
              tense: str | None) -> int | None:
    """The year of a date written without one."""
    if found.year_offset is not None:
        return anchor.year + found.year_offset if anchor else None
    if found.direction is not None and anchor is not None:
        return _year_in_direction(found.month, day, anchor, found.direction)
    candidates: list[int] = []
    for reference in references:
        if reference == anchor:
            back, ahead = (AHEAD_WINDOW_DAYS, PAST_WINDOW_DAYS) if tense == "future" else (
                PAST_WINDOW_DAYS, AHEAD_WINDOW_DAYS)
            year = _year_in_window(found.month, day, reference, back, ahead)
        else:
            year = _nearest_year(found.month, day, reference)
        if year is not None and year not in candidates:
            candidates.append(year)
    if found.weekday is not None:  # the written weekday picks between the candidates
        for year in candidates:
            try:
                if dt.date(year, found.month, day).weekday() == found.weekday:
                    return year
            except ValueError:
                continue
    return candidates[0] if candidates else None


def _dates_around(month: int, day: int, reference: dt.date):
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            yield year, (dt.date(year, month, day) - reference).days
        except ValueError:  # 29 February in a common year
            continue


def _nearest_year(month: int, day: int, reference: dt.date) -> int | None:
    found = min(_dates_around(month, day, reference), key=lambda pair: abs(pair[1]), default=None)
    return found[0] if found else None


def _year_in_window(month: int, day: int, reference: dt.date, back: int, ahead: int) -> int | None:
    for year, distance in _dates_around(month, day, reference):
        if -back <= distance <= ahead:
            return year
    return _nearest_year(month, day, reference)


def _year_in_direction(month: int, day: int, anchor: dt.date, direction: int) -> int | None:
    """'23 Maret lalu': the latest such date up to the publication day; 'depan': the next one."""
    around = list(_dates_around(month, day, anchor))
    if direction < 0:
        past = [year for year, distance in around if distance <= 0]
        return past[-1] if past else None
    ahead = [year for year, distance in around if distance >= 0]
    return ahead[0] if ahead else None


def _relative(found: Found, anchor: dt.date | None, granularity: str, tense: str | None) -> Resolved:
    if found.rule == "weekend":
        if anchor is None:
            return Resolved(None, "week", ("no publication date to place this weekend",))
        saturday = _weekday_near(anchor, found.weekday, found.weekday_shift, tense)
        return period(saturday, "week", 0)
    if found.rule == "weekday":
        if anchor is None:
            return Resolved(None, "day", ("no publication date to place this weekday",))
        day = _weekday_near(anchor, found.weekday, found.weekday_shift, tense)
        return Resolved(day.isoformat(), "day", (), day)
    if found.offset is None:
        return Resolved(None, granularity, ())
    if anchor is None:
        return Resolved(None, granularity, ("no publication date to resolve this relative time",))
    return period(anchor, granularity, found.offset)


def period(anchor: dt.date, unit: str, offset: int) -> Resolved:
    """The period ``offset`` units of ``unit`` from ``anchor``: 'pekan lalu' = (week, -1)."""
    if unit == "day":
        day = anchor + dt.timedelta(days=offset)
        return Resolved(day.isoformat(), "day", (), day)
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        return Resolved(monday.isoformat(), "week", (), monday)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        year, month = divmod(index, 12)
        return Resolved(f"{year:04d}-{month + 1:02d}", "month", (), dt.date(year, month + 1, 1))
    year = anchor.year + offset
    return Resolved(f"{year:04d}", "year", (), dt.date(year, 1, 1))


def _weekday_near(anchor: dt.date, weekday: int, shift: int | None, tense: str | None) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift == -1:
        return anchor - dt.timedelta(days=back or 7)
    if shift == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _checked(resolved: Resolved, found: Found, anchor: dt.date | None, tense: str | None) -> Resolved:
    """Warn about a written date after the publication day told in the past, or far ahead."""
    if anchor is None or resolved.start is None or resolved.start <= anchor:
        return resolved
    warnings = list(resolved.warnings)
    ahead = (resolved.start - anchor).days
    if resolved.granularity == "year":
        if resolved.start.year - anchor.year > FAR_FUTURE_YEARS:
            warnings.append(f"{resolved.value} is more than {FAR_FUTURE_YEARS} years after the publication date")
    elif ahead > FAR_FUTURE_DAYS:
        warnings.append(f"{resolved.value} is far in the future of the publication date {anchor.isoformat()}")
    elif tense == "past" and resolved.granularity == "day":
        warnings.append(
            f"{resolved.value} is after the publication date {anchor.isoformat()} but told in the past tense"
        )
    return Resolved(resolved.value, resolved.granularity, tuple(warnings), resolved.start)
