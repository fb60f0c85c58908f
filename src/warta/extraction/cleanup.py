"""Line-level knowledge shared by every input format: chrome, bylines, photo credits, datelines.

Extraction runs before language detection, so the Indonesian and English rule
files are used together. All patterns are data in ``resources/<lang>/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from warta.resources import LANGUAGES, load

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalize_line(line: str) -> str:
    """Collapse runs of spaces (incl. NBSP and thin spaces) and strip the line."""
    return _SPACE.sub(" ", line).strip()


@cache
def _compiled(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for lang in LANGUAGES for p in load(lang, name))


@cache
def _whole_line(name: str) -> re.Pattern[str]:
    """All whole-line patterns of ``name`` joined into one alternation (one regex call per line)."""
    patterns = [p for lang in LANGUAGES for p in load(lang, name)]
    return re.compile("(?:" + ")|(?:".join(patterns) + ")", re.IGNORECASE)


# Longer lines are never chrome (the longest chrome line in the tuning pages, a
# "Baca juga" with a long headline, is ~200 characters); skipping them saves time.
CHROME_MAX_CHARS = 300
# Photo credits sit in the last characters of a caption line; only those are searched.
CREDIT_TAIL_CHARS = 160


def is_chrome(line: str) -> bool:
    """Menus, promos, share/login lines, 'Baca juga' links, agency codes."""
    return len(line) <= CHROME_MAX_CHARS and bool(_whole_line("chrome_lines.txt").fullmatch(line))


def is_byline(line: str) -> bool:
    """Author and timestamp lines between a headline and its article."""
    return len(line) <= 120 and bool(_whole_line("byline_lines.txt").fullmatch(line))


_AUTHOR = re.compile(
    r"^(?:oleh|by|written by|penulis|reporter|pewarta)\s*\|?\s*:?\s+(?P<name>[A-Z][\w.'’-]*(?:[ ,]+(?:and |dan )?[A-Z][\w.'’-]*){0,6})\s*(?:[|·•].*)?$",
    re.IGNORECASE,
)


def byline_author(line: str) -> str | None:
    """The name in ``Penulis: Siti Aminah`` / ``By Jane Doe``, else None."""
    match = _AUTHOR.match(line)
    return match.group("name").strip(" ,") if match else None


def split_credit(line: str) -> tuple[str, str] | None:
    """(caption text, credit) when ``line`` ends with a photo credit, else None."""
    offset = max(0, len(line) - CREDIT_TAIL_CHARS)
    tail = line[offset:]
    for pattern in _compiled("caption_credits.txt"):
        match = pattern.search(tail)
        if match:
            text = line[: offset + match.start()].rstrip(" -–—|,(")
            credit = match.group("credit").strip().rstrip(".").strip()
            return text, credit
    return None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {row["alias"].casefold(): row["outlet"] for row in load("common", "outlets.tsv")}


def canonical_outlet(name: str) -> str:
    """The outlet's usual name (``KOMPAS.com`` → ``Kompas.com``); unknown names as written."""
    return _outlets().get(name.strip().casefold(), name.strip())


@dataclass(frozen=True, slots=True)
class DatelineSplit:
    place: str | None
    outlet: str | None
    rest: str  # the paragraph without its dateline


# "<head> – text": the head is at most ~60 characters with no sentence punctuation.
_DATELINE = re.compile(
    r"^(?P<head>(?:[^.!?:;\"“”\n]|\.(?=\S)|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.|(?<=\b[A-Z][a-z]{3})\.|(?<=\b[A-Z][a-z]{4})\.){2,70}?(?:\([^()]{2,40}\))?)"
    r"(?:\s+(?:--|—|–|-)\s*|\s*(?:--|—|–|-)\s+)"
    r"(?P<rest>[A-Z0-9“\"‘'].*)$",
    re.DOTALL,
)
_PAREN_OUTLET = re.compile(r"^(?P<place>[^()]+?)\s*\((?P<outlet>[^()]+)\)$")
_DOMAIN = re.compile(r"\.(?:com|co(?:\.id)?|id|net|org|news)\b", re.IGNORECASE)
_DATE_PART = re.compile(r"^\d{1,2}\s+\w+\s+\d{4}$|^\d{1,2}/\d{1,2}(/\d{2,4})?$|^\d{4}$")
_NAME = re.compile(r"^[A-Z][\w.'’/-]*(?:\s+[A-Z][\w.'’/-]*){0,4}$")


def _is_outlet(part: str) -> bool:
    return part.casefold() in _outlets() or bool(_DOMAIN.search(part))


def split_dateline(paragraph: str) -> DatelineSplit | None:
    """Split ``JAKARTA, KOMPAS.com - …``-style openings into place, outlet and text.

    Handles outlet-first (``Berita Baru, Moskow –``, ``TEMPO.CO, Jakarta -``),
    place-first (``Jakarta, CNN Indonesia --``), agency in brackets
    (``Jakarta (ANTARA) -``, ``WASHINGTON (Reuters) -``) and place alone (``JAKARTA -``).
    """
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    head, rest = match.group("head").strip(), match.group("rest")
    outlet = place = None
    bracket = _PAREN_OUTLET.match(head)
    if bracket:
        head, outlet = bracket.group("place").strip(), bracket.group("outlet").strip()
    parts = [p.strip() for p in head.split(",") if p.strip() and not _DATE_PART.match(p.strip())]
    if not parts or len(parts) > 3 or not all(_NAME.match(p) for p in parts):
        return None
    if outlet is None and len(parts) >= 2:
        if _is_outlet(parts[0]):
            outlet, parts = parts[0], parts[1:]
        elif _is_outlet(parts[-1]):
            outlet, parts = parts[-1], parts[:-1]
        elif len(parts) == 2 and not parts[0].isupper() and parts[1].isupper():
            outlet, parts = parts[0], parts[1:]
    place = ", ".join(parts) if parts else None
    if place and outlet is None and len(place.split()) > 3:
        return None  # "Kata Menteri Dalam Negeri Tito - ..." is prose, not a dateline
    if place is None and outlet is None:
        return None
    return DatelineSplit(place=place, outlet=canonical_outlet(outlet) if outlet else None, rest=rest)
