"""RSS and Atom feeds, and URL lists: each item's linked page is one input.

A feed item's page is fetched politely (``warta.readers.fetch``); with fetching off
(``feed_fetch_links = false``) or when the fetch fails and the item carries its full text
(``content:encoded``), that text is the article. A URL list is a text file whose every line is
an http(s) URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from warta.config import Options
from warta.errors import DOCUMENT_ERRORS
from warta.model import Article, Source
from warta.readers.decode import decode

_FEED_SIGNS = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_URL_LINE = re.compile(rb"https?://\S+")
_FULL_TEXT = 1500  # characters of item content that count as the whole article


def is_feed(head: bytes) -> bool:
    stripped = head.lstrip()
    return stripped.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and bool(_FEED_SIGNS.search(head[:4096]))


def is_url_list(head: bytes) -> bool:
    lines = [line.strip() for line in head.splitlines()[:200] if line.strip() and not line.startswith(b"#")]
    return bool(lines) and all(_URL_LINE.fullmatch(line) for line in lines)


def feed_documents(data: bytes, path: str, options: Options, fetcher) -> Iterator[object]:
    import feedparser

    from warta.readers import Failure

    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser fails in its own ways (a non-ASCII encoding name)
        yield Failure(Source(format="rss", path=path), "input.invalid_record",
                      f"not a readable RSS/Atom feed: {type(exc).__name__}: {exc}")
        return
    if feed.bozo and not feed.entries:
        yield Failure(Source(format="rss", path=path), "input.invalid_record",
                      f"not a readable RSS/Atom feed: {feed.bozo_exception}")
        return
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        published = _published(entry)
        source = Source(format="rss", path=path, url=link, line=number)
        content = _item_text(entry)
        if link and fetcher is not None:
            try:
                yield page_document(fetcher, link, options, source, published)
                continue
            except DOCUMENT_ERRORS as exc:
                if len(content) < _FULL_TEXT:
                    yield Failure(source, exc.code, exc.message)
                    continue
        if not content:
            yield Failure(source, "input.empty", f"feed item {number} has no link to fetch and no text")
            continue
        from warta.model import RawDocument

        yield Article(source=source, raw=RawDocument(content=_plain(content), format="jsonl",
                                                     title=entry.get("title"), url=link, published=published))


def url_documents(data: bytes, path: str, options: Options, fetcher) -> Iterator[object]:
    from warta.readers import Failure

    for number, line in enumerate(data.splitlines(), start=1):
        url = line.strip().decode("utf-8", "replace")
        if not url or url.startswith("#"):
            continue
        source = Source(format="html", path=path, url=url, line=number)
        try:
            yield page_document(fetcher, url, options, source, None)
        except DOCUMENT_ERRORS as exc:
            yield Failure(source, exc.code, exc.message)


def page_document(fetcher, url: str, options: Options, source: Source, published: str | None) -> Article:
    """One fetched page as a raw article (raises a document error when it cannot be)."""
    from warta.readers import raw_from_text

    fetched = fetcher.fetch(url)
    text, warnings = decode(fetched.content, options.max_input_bytes)
    raw = raw_from_text(text, warnings, url=fetched.url, published=published)
    return Article(source=Source(format=raw.format, path=source.path, url=fetched.url, line=source.line,
                                 fetched=fetched.fetched), raw=raw)


def _plain(content: str) -> str:
    """An item's HTML fragment as paragraphs of text."""
    import html

    text = re.sub(r"(?i)</p\s*>|<br\s*/?>|</div\s*>|</h\d\s*>", "\n\n", content)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _item_text(entry) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return content["value"]
    return entry.get("summary") or ""


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat(timespec="seconds")
    return None
