"""One language's time vocabulary, read from ``resources/<lang>/`` and compiled once.

The grammar (``warta.dates.grammar``) only combines the pieces named here: month and
weekday names (``months.tsv``, ``weekdays.tsv``) and the words of ``time_words.yaml``.
Adding a language means adding those three files, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.resources import load

UNITS = ("day", "week", "month", "year")


def alternation(words, *, boundary: bool = True) -> str:
    """A regex alternation of literal words, longest first; inner spaces match any space."""
    escaped = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    if not escaped:
        return r"(?!x)x"  # matches nothing: the language lacks this construction
    body = "|".join(escaped)
    return rf"(?:{body})" if not boundary else rf"(?:{body})(?![\w])"


def key(text: str) -> str:
    """How a word is looked up in a lexicon table: case-folded, single-spaced."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Lexicon:
    lang: str
    months: dict[str, int]  # every written form → 1..12
    full_months: frozenset[str]  # forms that are a month on their own ("Oktober", not "Okt")
    weekdays: dict[str, int]  # → 0 (Monday) .. 6
    title_case_weekdays: frozenset[str]  # "Minggu" is Sunday only when capitalised
    alone_weekdays: frozenset[str]
    numbers: dict[str, int | None]
    units: dict[str, str]
    single_units: dict[str, str]
    fixed: dict[str, tuple[str, int] | None]
    after_unit: dict[str, int]
    before_unit: dict[str, int]
    count_back: tuple[str, ...]
    count_ahead: tuple[str, ...]
    count_span: tuple[str, ...]
    duration_before: tuple[str, ...]
    span_before_count: tuple[str, ...]
    after_weekday: dict[str, int]
    before_weekday: dict[str, int]
    parts_of_day: tuple[str, ...]
    weekend: tuple[str, ...]
    old_year_after: frozenset[str]
    qualifiers: tuple[str, ...]
    qualifier_units: tuple[str, ...]
    year_words: tuple[str, ...]
    month_words: tuple[str, ...]
    month_alone_after: frozenset[str]
    not_date_before: frozenset[str]
    not_year_after: frozenset[str]
    clock_words: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    range_words: tuple[str, ...]
    year_links: tuple[str, ...]
    day_month_links: tuple[str, ...]
    qualified_unit_words: tuple[str, ...]
    recurring_before: frozenset[str]
    decade_suffixes: tuple[str, ...]
    time_zones: tuple[str, ...]
    past_markers: frozenset[str]
    future_markers: frozenset[str]

    def month(self, text: str) -> int:
        return self.months[key(text).rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.weekdays[key(text).rstrip(".")]

    def lookup(self, table: dict, text: str):
        return table[key(text)]


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled vocabulary of ``lang``; raises ResourceError for a language not shipped."""
    months = load(lang, "months.tsv")
    weekdays = load(lang, "weekdays.tsv")
    words = load(lang, "time_words.yaml")
    return Lexicon(
        lang=lang,
        months={row["name"]: int(row["month"]) for row in months},
        full_months=frozenset(row["name"] for row in months if row["abbr"] == "no"),
        weekdays={row["name"]: int(row["weekday"]) for row in weekdays},
        title_case_weekdays=frozenset(row["name"] for row in weekdays if row["case"] == "title"),
        alone_weekdays=frozenset(row["name"] for row in weekdays if row["alone"] == "yes"),
        numbers={key(k): v for k, v in words["numbers"].items()},
        units={key(k): v for k, v in words["units"].items()},
        single_units={key(k): v for k, v in (words["single_units"] or {}).items()},
        fixed={key(k): (tuple(v) if v else None) for k, v in words["fixed"].items()},
        after_unit={key(k): v for k, v in (words["after_unit"] or {}).items()},
        before_unit={key(k): v for k, v in (words["before_unit"] or {}).items()},
        count_back=tuple(words["count_back"]),
        count_ahead=tuple(words["count_ahead"]),
        count_span=tuple(words["count_span"]),
        duration_before=tuple(words["duration_before"]),
        span_before_count=tuple(words["span_before_count"]),
        after_weekday={key(k): v for k, v in (words["after_weekday"] or {}).items()},
        before_weekday={key(k): v for k, v in (words["before_weekday"] or {}).items()},
        parts_of_day=tuple(words["parts_of_day"]),
        weekend=tuple(words["weekend"]),
        old_year_after=frozenset(key(w) for w in words["old_year_after"]),
        qualifiers=tuple(words["qualifiers"]),
        qualifier_units=tuple(words["qualifier_units"]),
        year_words=tuple(words["year_words"]),
        month_words=tuple(words["month_words"]),
        month_alone_after=frozenset(key(w) for w in words["month_alone_after"]),
        not_date_before=frozenset(key(w) for w in words["not_date_before"]),
        not_year_after=frozenset(key(w) for w in words["not_year_after"]),
        clock_words=tuple(words["clock_words"]),
        clause_breaks=tuple(words["clause_breaks"]),
        range_words=tuple(words["range_words"]),
        year_links=tuple(words["year_links"]),
        day_month_links=tuple(words["day_month_links"]),
        qualified_unit_words=tuple(words["qualified_unit_words"]),
        recurring_before=frozenset(key(w) for w in words["recurring_before"]),
        decade_suffixes=tuple(words["decade_suffixes"]),
        time_zones=tuple(words["time_zones"]),
        past_markers=frozenset(key(w) for w in words["past_markers"]),
        future_markers=frozenset(key(w) for w in words["future_markers"]),
    )

