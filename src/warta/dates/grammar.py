"""Find time expressions in one text: where they are and what they say, not yet their value.

Each rule is one regular expression built from a language's ``Lexicon`` and one reader that
turns its match into a ``Found``. All rules run over the text; overlapping matches are
settled longest first ("Jumat (21/1) malam" beats "Jumat"), then filters drop numbers that
only look like dates (``UU No. 1 Tahun 2023``, ``2024 orang``, ``Pasal 21/1``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from warta.dates.lexicon import Lexicon, alternation, key, lexicon


@dataclass(frozen=True, slots=True)
class Found:
    """What a time expression says, before it is resolved against the publication day."""

    start: int
    end: int
    text: str
    rule: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # as written, 0 = Monday
    weekday_text: str | None = None
    unit: str | None = None  # relative expressions: day | week | month | year
    offset: int | None = None  # units from the publication day; None: not resolvable
    relative: bool = False
    weekday_shift: int | None = None  # "Senin lalu" -1, "Senin depan" +1, "Senin ini" 0
    numeric: bool = False  # the month was written as a number ("21/1"), not a name
    swapped: bool = False  # digits read in the order the language does not usually write
    direction: int | None = None  # a year-less date said to be past (-1: "23 Maret lalu") or ahead (+1)
    year_offset: int | None = None  # "Aug 31 last year": the year relative to the publication day
    year_lent: bool = False  # the year was taken from a neighbouring time ("July 15 in 2022")


_SPACE = r"\s+"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]|20)\d{2}"  # before 1900 only where a word says it is a year (_plausible)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Lexicon], Found | None]


def _found(match: re.Match[str], rule: str, **fields) -> Found:
    return Found(start=match.start(), end=match.end(), text=match.group(0), rule=rule, **fields)


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    return int(re.sub(r"\D", "", text))


def _year(text: str | None) -> int | None:
    value = _int(text)
    if value is not None and value < 100:  # "21/1/22"
        value += 2000
    return value


def _title_case(text: str) -> bool:
    return text[:1].isupper()


# --- absolute dates ---------------------------------------------------------------------


def _date_core(lex: Lexicon, suffix: str = "") -> str:
    """'20 Januari 2022', 'Jan. 21, 2022', '21/1/2022', '2022-01-21' with groups named by kind;
    a day range ("13 sampai dengan 25 Februari") is one date, its first day."""
    months = alternation(lex.months)
    to = rf"\s*(?:{alternation(lex.range_words, boundary=False)})\s*"
    of = alternation(lex.day_month_links)
    s = suffix
    num = r"(?<![\w/.])(?<!\d-)"  # a number starts a token: not inside "12/21/2022" or "d-8171947"
    return (
        rf"(?:{num}(?P<d1{s}>{_DAY})(?:{to}{_DAY})?\s+(?:{of}\s+)?(?P<m1{s}>{months})\.?(?:,?\s+(?P<y1{s}>{_YEAR}))?"
        rf"|(?<!\w)(?P<m2{s}>{months})\.?\s+(?P<d2{s}>{_DAY})(?!\d)(?:{to}{_DAY}(?!\d))?(?:,?\s+(?P<y2{s}>{_YEAR}))?"
        rf"|{num}(?P<d3{s}>\d{{1,2}})(?P<sep{s}>[/.-])(?P<m3{s}>\d{{1,2}})(?P=sep{s})(?P<y3{s}>{_YEAR}|\d{{2}})(?![\d/])"
        rf"|{num}(?P<y4{s}>{_YEAR})-(?P<m4{s}>\d{{2}})-(?P<d4{s}>\d{{2}})(?!\d))"
    )


def _clock(lex: Lexicon) -> str:
    """A clock time that belongs to the date before it: ', pukul 14.05 WIB', '14:05 WIB'."""
    zones = alternation(lex.time_zones)
    words = alternation(lex.clock_words)
    return (
        rf"(?:,?\s*(?:{words}\s+\d{{1,2}}[.:]\d{{2}}(?:\s*{zones})?"
        rf"|\d{{1,2}}[.:]\d{{2}}(?:[.:]\d{{2}})?\s*{zones}))"
    )


def _read_core(match: re.Match[str], lex: Lexicon, suffix: str = "") -> dict | None:
    g = match.group
    s = suffix
    if g(f"d1{s}"):
        return {"day": _int(g(f"d1{s}")), "month": lex.month(g(f"m1{s}")), "year": _year(g(f"y1{s}"))}
    if g(f"m2{s}"):
        return {"day": _int(g(f"d2{s}")), "month": lex.month(g(f"m2{s}")), "year": _year(g(f"y2{s}"))}
    if g(f"d3{s}"):
        first, second = int(g(f"d3{s}")), int(g(f"m3{s}"))
        day, month, swapped = _numeric_order(first, second, lex.lang)
        return {"day": day, "month": month, "year": _year(g(f"y3{s}")), "swapped": swapped, "numeric": True}
    if g(f"y4{s}"):
        return {"day": int(g(f"d4{s}")), "month": int(g(f"m4{s}")), "year": int(g(f"y4{s}")), "numeric": True}
    return None


def _numeric_order(first: int, second: int, lang: str) -> tuple[int, int, bool]:
    """Day, month and whether the order was swapped: '21/1' is D/M in Indonesian and M/D on
    English pages; when the usual order is impossible ("10/21/2025" in Indonesian) the other wins."""
    if lang == "en":
        return (second, first, False) if first <= 12 else (first, second, True)
    return (first, second, False) if second <= 12 or first > 12 else (second, first, True)


def _read_date(match: re.Match[str], lex: Lexicon) -> Found | None:
    parts = _read_core(match, lex)
    if parts is None:
        return None
    month_text = match.group("m1") or match.group("m2")
    if month_text and not _title_case(month_text) and not month_text.isdigit():
        return None  # "may 20 percent": month names are written with a capital
    return _found(match, "date", **parts)


def _read_weekday_date(match: re.Match[str], lex: Lexicon) -> Found | None:
    wd_text = match.group("wd")
    if key(wd_text).rstrip(".") in lex.title_case_weekdays and not _title_case(wd_text):
        return None
    if match.group("pd"):
        first, second = int(match.group("pd")), int(match.group("pm"))
        day, month, swapped = _numeric_order(first, second, lex.lang)
        parts = {"day": day, "month": month, "year": _year(match.group("py")), "swapped": swapped, "numeric": True}
    else:
        parts = _read_core(match, lex, "w")
        if parts is None:
            return None
    return _found(match, "weekday_date", weekday=lex.weekday(wd_text), weekday_text=wd_text, **parts)


# --- months and years -----------------------------------------------------------------------


def _read_month_year(match: re.Match[str], lex: Lexicon) -> Found | None:
    month_text = match.group("m")
    if not _title_case(month_text):
        return None
    return _found(match, "month_year", month=lex.month(month_text), year=_year(match.group("y")))


def _read_month(match: re.Match[str], lex: Lexicon) -> Found | None:
    month_text = match.group("m")
    if not _title_case(month_text) or key(month_text) not in lex.full_months:
        return None
    if match.group("b"):  # "last March": the previous year's; "next March": the next one
        shift = lex.lookup(lex.before_weekday, match.group("b"))
        if shift == -1:
            return _found(match, "month", month=lex.month(month_text), year_offset=-1)
        return _found(match, "month", month=lex.month(month_text), direction=shift or None)
    if lex.month_alone_after and not match.group("q"):
        before = match.string[max(0, match.start() - 20) : match.start()].split()
        last = key(before[-1]).rstrip("-") if before else ""
        if last not in lex.month_alone_after and not last.endswith(("'s", "’s")):
            return None  # "May" alone is a verb until a preposition says otherwise
    return _found(match, "month", month=lex.month(month_text))


def _read_year(match: re.Match[str], lex: Lexicon) -> Found | None:
    return _found(match, "year", year=int(match.group("y")))


# --- relative expressions -------------------------------------------------------------------


def _read_fixed(match: re.Match[str], lex: Lexicon) -> Found | None:
    entry = lex.lookup(lex.fixed, match.group("f"))
    if entry is None:
        return _found(match, "fixed", unit="day", relative=True)
    unit, offset = entry
    return _found(match, "fixed", unit=unit, offset=offset, relative=True)


def _read_unit(match: re.Match[str], lex: Lexicon) -> Found | None:
    unit = lex.lookup(lex.units, match.group("u"))
    if match.group("a") is not None:
        offset = lex.lookup(lex.after_unit, match.group("a"))
    else:
        offset = lex.lookup(lex.before_unit, match.group("b"))
    return _found(match, "unit", unit=unit, offset=offset, relative=True)


def _count(match: re.Match[str], lex: Lexicon) -> int | None:
    if match.group("single"):
        return 1
    text = match.group("n")
    if text.isdigit():
        return int(text)
    return lex.lookup(lex.numbers, text)


def _read_count(match: re.Match[str], lex: Lexicon) -> Found | None:
    unit = lex.lookup(lex.single_units, match.group("single")) if match.group("single") else (
        lex.lookup(lex.units, match.group("u")))
    count = _count(match, lex)
    direction = match.group("dir")
    sign = 1 if direction and key(direction) in {key(w) for w in lex.count_ahead} else -1
    offset = None if count is None else sign * count
    return _found(match, "count", unit=unit, offset=offset, relative=True)


def _read_weekday(match: re.Match[str], lex: Lexicon) -> Found | None:
    wd_text = match.group("wd")
    name = key(wd_text)
    if name not in lex.alone_weekdays:
        return None
    if name in lex.title_case_weekdays and not _title_case(wd_text):
        return None
    return _found(match, "weekday", weekday=lex.weekday(wd_text), weekday_text=wd_text,
                  weekday_shift=_shift(match, lex), relative=True)


def _shift(match: re.Match[str], lex: Lexicon) -> int | None:
    """'Senin lalu' / 'last Friday' -1, 'Senin depan' / 'next Monday' +1, 'ini' / 'this' 0."""
    if match.group("a"):
        return lex.lookup(lex.after_weekday, match.group("a"))
    if match.group("b"):
        return lex.lookup(lex.before_weekday, match.group("b"))
    return None


def _read_weekend(match: re.Match[str], lex: Lexicon) -> Found | None:
    return _found(match, "weekend", weekday=5, unit="week", weekday_shift=_shift(match, lex), relative=True)


def _read_unit_any(match: re.Match[str], lex: Lexicon) -> Found | None:
    if match.group("the"):  # "(the end of) the year": the current one
        return _found(match, "unit", unit=lex.lookup(lex.units, match.group("u3")), offset=0, relative=True)
    if match.group("u") is None:  # "last week": English order
        unit = lex.lookup(lex.units, match.group("u2"))
        offset = lex.lookup(lex.before_unit, match.group("b"))
        return _found(match, "unit", unit=unit, offset=offset, relative=True)
    return _read_unit(match, lex)


def _read_count_any(match: re.Match[str], lex: Lexicon) -> Found | None:
    if match.group("span"):  # "the last three weeks"
        text = match.group("n2")
        count = int(text) if text.isdigit() else lex.lookup(lex.numbers, text)
        unit = lex.lookup(lex.units, match.group("u2"))
        return _found(match, "count", unit=unit, offset=None if count is None else -count, relative=True)
    return _read_count(match, lex)


# --- the rules of one language --------------------------------------------------------------


@cache
def rules(lang: str) -> tuple[_Rule, ...]:
    lex = lexicon(lang)
    flags = re.IGNORECASE
    b = r"(?<![\w/.])(?<!\d-)"  # a number starts a token: not inside "12/21/2022" or "d-8171947"
    bw = r"(?<!\w)"  # a word may follow a dash: "Oktober-Desember 2025"
    weekdays = alternation(lex.weekdays)
    alone = alternation(lex.alone_weekdays)
    parts = alternation(lex.parts_of_day)
    part = rf"(?:\s+{parts})?"
    clock = rf"{_clock(lex)}?"
    quals = alternation(lex.qualifiers)
    qual_units = alternation(lex.qualifier_units)
    qual = rf"(?P<q>{quals}\s*(?:{qual_units}\s+)?)"
    months = alternation(lex.months)
    units = alternation(lex.units)
    numbers = alternation(lex.numbers)
    count_dirs = alternation((*lex.count_back, *lex.count_ahead, *lex.count_span))
    year_words = alternation(lex.year_words)
    month_words = alternation(lex.month_words)
    decades = rf"(?!{alternation(lex.decade_suffixes)})"
    paren_dm = r"\(\s*(?P<pd>\d{1,2})\s*/\s*(?P<pm>\d{1,2})(?:\s*/\s*(?P<py>\d{4}|\d{2}))?\s*\)"
    table = [
        _Rule("weekday_date", re.compile(
            rf"{b}(?P<wd>{weekdays})\.?{part}(?:\s*,\s*|\s+)?"
            rf"(?:{paren_dm}|\(?{_date_core(lex, 'w')}\)?){part}{clock}", flags), _read_weekday_date),
        _Rule("date", re.compile(rf"{_date_core(lex)}{part}{clock}", flags), _read_date),
        _Rule("month_year", re.compile(
            rf"{bw}{qual}?(?:{month_words}\s+)?(?P<m>{months})\.?,?\s+(?:(?:{year_words}|{alternation(lex.year_links)})\s+)?(?P<y>{_YEAR})(?![\d.,]\d)",
            flags), _read_month_year),
        _Rule("month", re.compile(
            rf"{bw}{qual}?(?:(?P<b>{alternation(lex.before_weekday)})\s+)?(?:{month_words}\s+)?(?P<m>{months})(?![\w])",
            flags), _read_month),
        _Rule("year", re.compile(
            rf"{b}(?<!\d\s){qual}?(?:{year_words}\s+)?(?P<y>{_YEAR})(?:\s*[-–/]\s*(?:{_YEAR}|\d{{2}}))?(?![\d.,]\d|\w|\s*%|\s?\d){decades}",
            flags), _read_year),
        _Rule("fixed", re.compile(rf"{bw}(?P<f>{alternation(lex.fixed)}){part}", flags), _read_fixed),
        _Rule("unit", re.compile(
            rf"{bw}{qual}?(?:(?P<u>{units})\s+(?P<a>{alternation(lex.after_unit)})"
            rf"|(?P<b>{alternation(lex.before_unit)})\s+(?P<u2>{units})"
            rf"|(?(q)(?P<the>{alternation(lex.qualified_unit_words)})\s+(?P<u3>{units})|(?!x)x))", flags), _read_unit_any),
        _Rule("count", re.compile(
            rf"{b}(?:(?:(?P<n>\d{{1,3}}|{numbers})\s+(?P<u>{units})|(?P<single>{alternation(lex.single_units)}))"
            rf"\s+(?P<dir>{count_dirs})"
            rf"|(?P<span>{alternation(lex.span_before_count)})\s+(?P<n2>\d{{1,3}}|{numbers})\s+(?P<u2>{units}))",
            flags), _read_count_any),
        _Rule("weekend", re.compile(
            rf"{bw}(?:(?P<b>{alternation(lex.before_weekday)})\s+)?(?P<w>{alternation(lex.weekend)})"
            rf"(?:\s+(?P<a>{alternation(lex.after_weekday)}))?", flags), _read_weekend),
        _Rule("weekday", re.compile(
            rf"{bw}(?:(?P<b>{alternation(lex.before_weekday)})\s+)?(?P<wd>{alone})(?!\w){part}"
            rf"(?:\s+(?P<a>{alternation(lex.after_weekday)}))?", flags), _read_weekday),
    ]
    return tuple(table)




_TOKEN = re.compile(r"[^\W_]+")


@cache
def _first_words(lang: str) -> frozenset[str]:
    """Words a time expression can start with; other tokens are skipped without trying a rule."""
    lex = lexicon(lang)
    entries = [
        *lex.months, *lex.weekdays, *lex.fixed, *lex.units, *lex.single_units, *lex.numbers,
        *lex.qualifiers, *lex.year_words, *lex.month_words, *lex.before_unit, *lex.before_weekday,
        *lex.span_before_count, *lex.weekend,
    ]
    return frozenset(key(words[0]) for entry in entries if (words := _TOKEN.findall(entry)))


def find(text: str, lang: str) -> list[Found]:
    """Every time expression in ``text``, in order, none overlapping."""
    lex = lexicon(lang)
    first_words = _first_words(lang)
    starts = [m.start() for m in _TOKEN.finditer(text) if m.group()[0].isdigit() or key(m.group()) in first_words]
    candidates: list[Found] = []
    for rule in rules(lang):
        for start in starts:
            match = rule.pattern.match(text, start)
            if match is None:
                continue
            found = rule.read(match, lex)
            if found is not None and _plausible(found, text, lex):
                candidates.append(found)
    return _join([_trim(f, lex) for f in _longest_first(candidates)], text, lex)


def _longest_first(candidates: list[Found]) -> list[Found]:
    """Non-overlapping finds, longer ones winning, in text order."""
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start))
    starts: list[int] = []  # of the finds taken so far, sorted; they never overlap each other
    ends: list[int] = []
    taken: list[Found] = []
    for found in candidates:
        i = bisect.bisect_right(starts, found.start)
        if (i and ends[i - 1] > found.start) or (i < len(starts) and starts[i] < found.end):
            continue
        starts.insert(i, found.start)
        ends.insert(i, found.end)
        taken.insert(i, found)
    return taken


@cache
def _gaps(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What may stand between two finds that are one time: a range word, a year link, nothing."""
    lex = lexicon(lang)
    return (
        re.compile(rf"\s*(?:{alternation(lex.range_words, boundary=False)})\s*", re.IGNORECASE),
        re.compile(rf"\s*,?\s*(?:(?:{alternation(lex.year_links)})\s+)?", re.IGNORECASE),
        re.compile(rf"\s+(?P<w>{alternation(lex.after_weekday)})", re.IGNORECASE),
    )


def _absolute(found: Found) -> bool:
    return not found.relative


def _join(founds: list[Found], text: str, lex: Lexicon) -> list[Found]:
    """Settle what neighbouring finds say about each other:

    * a range is one time valued at its start ("Oktober-Desember 2025" → October 2025);
    * "Aug 31 last year", "Juni tahun ini": the relative year completes the date;
    * "Jumat (8/8/2025) besok", "Kamis (24/7) kemarin": the day word only confirms the date;
    * "23 Maret lalu": a year-less date said to be past (or "depan", ahead);
    * "July 15-24 in 2022": the year that follows lends itself (both stay times)."""
    range_gap, link_gap, direction_word = _gaps(lex.lang)
    founds = list(founds)
    out: list[Found] = []
    i = 0
    while i < len(founds):
        current = founds[i]
        following = founds[i + 1] if i + 1 < len(founds) else None
        merged = _merge(current, following, text, range_gap, link_gap) if following else None
        if merged is not None:
            founds[i + 1] = merged  # look again: "July 23-August 8 next year"
            i += 1
            continue
        i += 1
        if following and _absolute(current) and current.year is None and following.rule == "year" \
                and link_gap.fullmatch(text, current.end, following.start):
            current = replace(current, year=following.year, year_lent=True)
        if _absolute(current) and current.year is None and current.year_offset is None:
            word = direction_word.match(text, current.end)
            if word:
                current = replace(current, end=word.end(), text=text[current.start : word.end()],
                                  direction=lex.lookup(lex.after_weekday, word.group("w")) or None)
        out.append(current)
    return out


def _merge(current: Found, following: Found, text: str, range_gap, link_gap) -> Found | None:
    span = {"end": following.end, "text": text[current.start : following.end]}
    if current.rule == "fixed" and current.unit == "day" and following.day is not None \
            and re.fullmatch(r"\s*\(\s*", text[current.end : following.start]) and _absolute(following):
        # "tomorrow (November 19)", "Kemarin (26/5)": the date says which day
        end = following.end + 1 if text[following.end : following.end + 1] == ")" else following.end
        return replace(following, start=current.start, end=end, text=text[current.start : end])
    if not _absolute(current):
        return None
    if _absolute(following) and "range" not in (current.rule, following.rule) \
            and range_gap.fullmatch(text, current.end, following.start):
        return _range(current, following, text)
    if current.year is None and following.relative and following.unit == "year" \
            and following.offset is not None and link_gap.fullmatch(text, current.end, following.start):
        return replace(current, year_offset=following.offset, **span)
    if current.day is not None and following.rule == "fixed" and following.unit == "day" \
            and not text[current.end : following.start].strip():
        return replace(current, **span)
    return None


def _range(first: Found, last: Found, text: str) -> Found:
    """One time from two ends: the start, completed by the end's year."""
    year = first.year
    if year is None and last.year is not None:
        year = last.year - 1 if (first.month or 0) > (last.month or 13) else last.year
    return replace(first, end=last.end, text=text[first.start : last.end], year=year, rule="range")


def _words_before(text: str, start: int, count: int = 2) -> list[str]:
    return [key(w.strip("(),:;\"'")) for w in text[max(0, start - 40) : start].split()[-count:]]


_LAW_NUMBER = re.compile(r"(?:nomor|nomer|no\.?)\s*\d+[a-z]?\s+(?:tahun\s+)?$", re.IGNORECASE)


def _plausible(found: Found, text: str, lex: Lexicon) -> bool:
    """Drop numbers that only look like dates; check calendar ranges."""
    if found.rule in {"year", "month_year", "date"}:
        before = _words_before(text, found.start)
        if before and (before[-1] in lex.not_date_before or before[-1].rstrip(".") in lex.not_date_before):
            return False
        if _LAW_NUMBER.search(text[max(0, found.start - 40) : found.start]):
            return False  # "UU Nomor 1 Tahun 2023": part of a law's number
    if found.year is not None and found.year < 1900 and found.rule in {"year", "month_year"}:
        before = _words_before(text, found.start, 1)
        if not before or before[-1] not in lex.old_year_after:
            return False  # "1500 orang": a count, unless "pada 1889"
    if found.rule == "year":
        after = text[found.end : found.end + 30].split()
        if after and key(after[0].strip(".,;:)")) in lex.not_year_after:
            return False
        if text[found.start - 1 : found.start] in {"$", "#"}:
            return False
    if found.rule == "count" and found.offset is not None and found.offset > 0:
        before = " ".join(_words_before(text, found.start, 2))
        if any(before == key(w) or before.endswith(" " + key(w)) for w in lex.duration_before):
            return False  # "dalam waktu tiga tahun ke depan": a length of time
    if found.rule == "weekday":
        before = _words_before(text, found.start)
        if any(word in lex.recurring_before for word in before):
            return False  # "setiap hari Rabu": every Wednesday, not one
    if found.month is not None and not 1 <= found.month <= 12:
        return False
    if found.day is not None and not 1 <= found.day <= 31:
        return found.rule == "weekday_date"  # "Senin (32/1)": keep it, flagged later
    return True


def _trim(found: Found, lex: Lexicon) -> Found:
    """Spans end on a word: drop trailing commas and spaces a pattern took, and a full stop
    unless it closes an abbreviation ("Jan.")."""
    text = found.text.rstrip(" ,")
    if text.endswith("."):
        last = key(text[:-1].split()[-1]) if text[:-1].split() else ""
        if last in lex.full_months or last in lex.alone_weekdays or not last.isalpha():
            text = text[:-1]
    return replace(found, text=text, end=found.start + len(text)) if text != found.text else found


# --- tense of the clause around a time ------------------------------------------------------

_CLAUSE_END = re.compile(r"[,;:.!?\n\"“”()]")


@cache
def _marker_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(lang)
    return (
        re.compile(rf"(?<!\w){alternation(lex.past_markers)}", re.IGNORECASE),
        re.compile(rf"(?<!\w){alternation(lex.future_markers)}", re.IGNORECASE),
        re.compile(rf"(?<!\w){alternation(lex.clause_breaks)}", re.IGNORECASE),
    )


def clause_tense(text: str, start: int, end: int, lang: str) -> str | None:
    """"future" or "past" from marker words in the clause around text[start:end], else None.

    The clause runs from the punctuation before the expression to the punctuation or
    clause word ("that", "bahwa") after it: in "announced on Thursday that it will…" the
    "will" belongs to another clause. The expression's own words do not count."""
    past, future, breaks = _marker_patterns(lang)
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    right_match = _CLAUSE_END.search(text, end, end + 200)
    right = right_match.start() if right_match else min(len(text), end + 200)
    clause_break = breaks.search(text, end, right)
    if clause_break:
        right = clause_break.start()
    clause = text[left:start] + " " + text[end:right]
    if future.search(clause):
        return "future"
    if past.search(clause):
        return "past"
    return None
