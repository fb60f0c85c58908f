"""Plain-text page dumps (what a browser's "select all, copy" gives): find the article in them.

A dump is site chrome, photo captions (often printed twice), a headline,
bylines, the article and more chrome, one block per line. Steps:

1. normalise lines; join hard-wrapped blocks into paragraphs;
2. captions: lines ending in a photo credit, each kept once (duplicates dropped);
3. headline: the first headline-shaped line whose next content line is prose;
   everything before it is chrome (menus, app promos);
4. body: prose after the headline; bylines and chrome lines leave it; after the
   last prose paragraph, short lines (tags, related links) are chrome too;
5. published: the first short line before the body that holds a full written date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warta.dates.published import parse_written_date
from warta.extraction.cleanup import (
    byline_author,
    is_byline,
    is_chrome,
    normalize_line,
    split_credit,
)
from warta.model import Caption

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’]$")
_WORD = re.compile(r"\w+")

# Shape thresholds, tuned on the seed page and the bundled examples/: a headline has
# 3-30 words and no final full stop; a prose paragraph has >= 8 words and ends a sentence,
# or is long enough (>= 25 words) to be prose regardless.
HEADLINE_WORDS = (3, 30)
PROSE_MIN_WORDS = 8
PROSE_LONG_WORDS = 25
# A block whose lines all reach this width without ending a sentence is hard-wrapped.
WRAP_MIN_CHARS = 50
# A line above the story this short that holds a full date is its date line
# ("Kompas.com - Selasa, 21 Oktober 2025 14:05 WIB"); longer lines are prose or teasers.
MAX_LEAD_DATE_LINE_CHARS = 80


@dataclass(frozen=True, slots=True)
class TextDumpExtraction:
    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    boilerplate: tuple[str, ...]
    author: str | None = None
    published: dt.date | None = None  # from a date line above the story ("Selasa, 21 Oktober 2025 14:05 WIB")


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str) -> bool:
    words = _words(line)
    return words >= PROSE_LONG_WORDS or (words >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line)))


def _is_headline(line: str) -> bool:
    low, high = HEADLINE_WORDS
    return (
        low <= _words(line) <= high
        and not line.endswith((".", ",", ";", ":"))
        and not line[:1].islower()
        and not is_chrome(line)
        and not is_byline(line)
    )


def _continues(line: str) -> bool:
    """A wide line that stops mid-sentence: the block was hard-wrapped."""
    return len(line) >= WRAP_MIN_CHARS and not line.endswith((")", "]", ":")) and not _SENTENCE_END.search(line)


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, with hard-wrapped blocks joined into one paragraph each."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [normalize_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        wrapped = (
            len(lines) > 1
            and len(set(lines)) == len(lines)
            and all(_continues(line) for line in lines[:-1])
            and not any(split_credit(line) for line in lines)
        )
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def extract_text_dump(text: str) -> TextDumpExtraction:
    """Headline, article paragraphs, captions and chrome of a page-text dump."""
    lines = _paragraphs(text)
    captions: list[Caption] = []
    seen_captions: set[str] = set()
    content: list[str] = []  # lines that are not captions, in order
    for line in lines:
        credited = split_credit(line)
        if credited and credited[0]:
            if line not in seen_captions:
                seen_captions.add(line)
                captions.append(Caption(text=credited[0], credit=credited[1]))
            continue
        content.append(line)

    title_at = _find_headline(content)
    boilerplate: list[str] = []
    if title_at is None:
        title, rest = None, content
    else:
        boilerplate.extend(content[:title_at])
        title, rest = content[title_at], content[title_at + 1 :]

    last_prose = max((i for i, line in enumerate(rest) if is_prose(line) and not is_chrome(line)), default=-1)
    paragraphs: list[str] = []
    seen: set[str] = set()
    published = None
    for i, line in enumerate(rest):
        in_lead = not paragraphs
        if (
            is_chrome(line)
            or i > last_prose
            or (in_lead and (is_byline(line) or not is_prose(line)))
            or (line in seen and not is_prose(line))
            or line == title
        ):
            boilerplate.append(line)
            if in_lead and published is None and len(line) <= MAX_LEAD_DATE_LINE_CHARS:
                published = parse_written_date(line)
            continue
        if line in seen:  # a repeated prose paragraph (teaser printed twice): keep it once
            continue
        seen.add(line)
        paragraphs.append(line)
    return TextDumpExtraction(
        author=next(filter(None, map(byline_author, boilerplate)), None),
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        boilerplate=tuple(boilerplate),
        published=published,
    )


def _find_headline(content: list[str]) -> int | None:
    """Index of the headline: headline-shaped, and the next non-byline line is prose."""
    for i, line in enumerate(content):
        if not _is_headline(line):
            continue
        for following in content[i + 1 : i + 6]:
            if is_byline(following) or is_chrome(following):
                continue
            if is_prose(following):
                return i
            break
    return None
