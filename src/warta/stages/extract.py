"""Stage ``extract``: raw input → title, body, captions, boilerplate, outlet, author, dateline, id.

After this stage ``title``, ``body`` and ``captions`` never change again: every
later span points into them.

1. format-specific reading: HTML (``extraction.html``), page-text dumps
   (``extraction.text_dump``) or JSONL fields (title given, body text as is);
2. format-independent clean-up of the paragraphs: in-body chrome
   (``Baca juga: …``, ``ADVERTISEMENT``) and caption lines leave the body;
3. the dateline (``JAKARTA, KOMPAS.com -``) is split off the first paragraph;
4. ``id`` is the hash of the clean body; an empty body is an error for this input.
"""

from __future__ import annotations

import dataclasses
import re

from warta.config import Options
from warta.dates.published import date_from_url, parse_field_date
from warta.errors import NoArticleTextError
from warta.extraction.cleanup import is_chrome, normalize_line, split_credit, split_dateline
from warta.extraction.text_dump import extract_text_dump
from warta.model import Article, Caption, Dateline, Published, RawDocument, article_id
from warta.readers.decode import scrub

# A credited line longer than this is a paragraph that quotes a credit, not a caption
# (the longest caption in the anpandu and detik pages is ~300 characters).
MAX_CAPTION_CHARS = 400


def _clean_paragraphs(paragraphs, captions: list[Caption], boilerplate: list[str]) -> list[str]:
    """Drop in-body chrome (to boilerplate) and credited caption lines (to captions)."""
    kept: list[str] = []
    known = {c.text for c in captions}
    for paragraph in paragraphs:
        paragraph = normalize_line(paragraph)
        if not paragraph:
            continue
        if is_chrome(paragraph):
            boilerplate.append(paragraph)
            continue
        credited = split_credit(paragraph)
        if credited and credited[0] and len(credited[0]) < MAX_CAPTION_CHARS:
            if credited[0] not in known:
                known.add(credited[0])
                captions.append(Caption(text=credited[0], credit=credited[1]))
            continue
        kept.append(paragraph)
    return kept


def _published_from_input(value: str | None) -> Published | None:
    """A date the input states outright (JSONL ``published``/``tanggal``, ``--published``)."""
    day = parse_field_date(value)
    return Published(date=day.isoformat(), precision="day", basis="input-field") if day else None


def _scrubbed(raw: RawDocument) -> RawDocument:
    """The raw fields without lone surrogates and control characters, which JSONL escapes
    and Python callers can carry past the decoder; each repair is a warning."""
    fields, surrogates, controls = {}, 0, 0
    for name in ("content", "title", "url", "published", "outlet", "author"):
        value = getattr(raw, name)
        if value:
            fields[name], found_surrogates, found_controls = scrub(value)
            surrogates += found_surrogates
            controls += found_controls
    warnings = raw.warnings
    if surrogates:
        warnings += (f"{surrogates} lone UTF-16 surrogates replaced with U+FFFD",)
    if controls:
        warnings += (f"{controls} control characters removed",)
    return dataclasses.replace(raw, **fields, warnings=warnings) if surrogates or controls else raw


def extract(article: Article, options: Options) -> Article:
    raw = article.raw
    if raw is None:
        raise NoArticleTextError("no raw input to extract from")
    raw = _scrubbed(raw)
    captions: list[Caption] = []
    boilerplate: list[str] = []
    outlet = raw.outlet
    author = raw.author
    published = _published_from_input(raw.published)
    title = raw.title
    url = raw.url or article.source.url
    if raw.format == "html":
        from warta.extraction.html import extract_html

        page = extract_html(raw.content, url=url)
        paragraphs = list(page.paragraphs)
        captions.extend(page.captions)
        boilerplate.extend(page.boilerplate)
        title = title or page.title
        outlet = outlet or page.sitename
        author = author or page.author
        if published is None and page.published:
            published = Published(date=page.published, precision="day",
                                  basis=page.published_basis or "html-meta")
        url = url or page.url
    elif raw.format == "text":
        dump = extract_text_dump(raw.content)
        paragraphs = list(dump.paragraphs)
        captions.extend(dump.captions)
        boilerplate.extend(dump.boilerplate)
        title = title or dump.title
        author = author or dump.author
        if published is None and dump.published:
            published = Published(date=dump.published.isoformat(), precision="day", basis="page-text")
    else:  # jsonl: fields given; the body may still carry chrome and a dateline
        paragraphs = re.split(r"\n+", raw.content)

    paragraphs = _clean_paragraphs(paragraphs, captions, boilerplate)
    dateline = None
    if paragraphs:
        found = split_dateline(paragraphs[0])
        if found:
            paragraphs[0] = found.rest.strip()
            dateline = Dateline(place=found.place) if found.place else None
            outlet = outlet or found.outlet
            if found.outlet and raw.format != "jsonl":
                outlet = found.outlet  # the story's own dateline beats the page's site name
    if published is None and (url_day := date_from_url(url)):
        published = Published(date=url_day.isoformat(), precision="day", basis="url")
    body = "\n\n".join(p for p in paragraphs if p)
    if not body.strip():
        raise NoArticleTextError(f"no article text found in this {raw.format} input")
    title = normalize_line(title) if title else None
    source = article.source
    if url and not source.url:
        source = dataclasses.replace(source, url=url)
    return article.evolve(
        id=article_id(body),
        source=source,
        title=title or None,
        body=body,
        captions=tuple(captions),
        boilerplate=tuple(boilerplate),
        outlet=outlet,
        author=author,
        dateline=dateline,
        published=published,
        warnings=article.warnings + raw.warnings,
    )
