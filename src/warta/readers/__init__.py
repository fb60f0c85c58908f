"""Inputs to raw articles: files, directories, stdin and URLs; HTML, text dumps, JSONL, WARC/ARC,
RSS/Atom feeds and URL lists.

``read_inputs`` yields one raw ``Article`` (``source`` + ``raw`` filled) per
document, or a ``Failure`` for a document that cannot be read, so a batch never
stops on one bad input. The format is detected from the content, not the name.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from warta.config import Options
from warta.errors import DOCUMENT_ERRORS, InvalidRecordError
from warta.model import Article, RawDocument, Source
from warta.readers.decode import decode

_HTML_SIGNS = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title|script|section|main)\b", re.IGNORECASE
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>")

# JSONL keys read by default for each article field; ``--field`` adds or replaces.
# Keys tried in order; the Indonesian ones are those of common Indonesian news exports
# (the detik dataset: judul, isi_berita, tautan, tanggal in M/D/YYYY HH:MM).
DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline", "judul"),
    "text": ("text", "body", "content", "isi_berita", "isi"),
    "html": ("html",),
    "url": ("url", "link", "tautan"),
    "published": ("published", "date", "published_at", "datePublished", "tanggal"),
    "outlet": ("outlet", "source_name", "site_name"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become a record, with what to re-run and why."""

    source: Source
    code: str
    message: str


def detect_format(text: str) -> str:
    """'jsonl', 'html' or 'text', from the content itself."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if _HTML_SIGNS.search(head) and len(_TAG.findall(head)) >= 3:
        return "html"
    return "text"


def parse_field_map(pairs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``["title=judul", "text=isi_berita"]`` → field map over DEFAULT_FIELDS."""
    fields = dict(DEFAULT_FIELDS)
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key or name not in DEFAULT_FIELDS:
            raise ValueError(
                f"--field expects NAME=KEY with NAME one of {', '.join(DEFAULT_FIELDS)}; got {pair!r}"
            )
        fields[name] = (key,) + tuple(k for k in fields[name] if k != key)
    return fields


def _first(record: Mapping, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def raw_from_text(text: str, warnings: tuple[str, ...] = (), url: str | None = None,
                  published: str | None = None) -> RawDocument:
    """A RawDocument for one HTML page or text dump."""
    return RawDocument(content=text, format=detect_format(text), url=url,
                       published=published, warnings=warnings)


def raw_from_record(record: object, fields: Mapping[str, tuple[str, ...]]) -> RawDocument:
    """A RawDocument from one JSONL object, using the field map."""
    if not isinstance(record, dict):
        raise InvalidRecordError(f"JSONL line is a {type(record).__name__}, not an object")
    html = _first(record, fields["html"])
    text = html or _first(record, fields["text"])
    if not text or not text.strip():
        keys = ", ".join(fields["text"] + fields["html"])
        raise InvalidRecordError(f"JSONL record has no article text (looked for keys: {keys})")
    return RawDocument(
        content=text,
        format="html" if html or detect_format(text) == "html" else "jsonl",
        title=_first(record, fields["title"]),
        url=_first(record, fields["url"]),
        published=_first(record, fields["published"]),
        outlet=_first(record, fields["outlet"]),
        author=_first(record, fields["author"]),
    )


def _jsonl_documents(lines: Iterable[bytes], source: Source, options: Options,
                     fields: Mapping[str, tuple[str, ...]]) -> Iterator[Article | Failure]:
    """One document per line; a JSONL file may be far larger than one document's limit."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        line_source = Source(format="jsonl", path=source.path, url=source.url, line=number)
        try:
            text, warnings = decode(line, options.max_input_bytes)
            try:
                record = json.loads(text)
            except ValueError as exc:
                raise InvalidRecordError(f"line {number} is not valid JSON: {exc}") from exc
            raw = raw_from_record(record, fields)
        except DOCUMENT_ERRORS as exc:
            yield Failure(line_source, exc.code, exc.message)
            continue
        yield Article(source=line_source, raw=dataclasses.replace(raw, warnings=warnings))


def _documents(data: bytes, source: Source, options: Options,
               fields: Mapping[str, tuple[str, ...]]) -> Iterator[Article | Failure]:
    if _looks_like_jsonl(data[:65536]):
        yield from _jsonl_documents(data.splitlines(), source, options, fields)
        return
    try:
        text, warnings = decode(data, options.max_input_bytes)
    except DOCUMENT_ERRORS as exc:
        yield Failure(source, exc.code, exc.message)
        return
    fmt = detect_format(text)
    yield Article(source=Source(format=fmt, path=source.path, url=source.url, fetched=source.fetched),
                  raw=raw_from_text(text, warnings, url=source.url))


def _looks_like_jsonl(head: bytes) -> bool:
    """A file whose first line (however long, within the peeked head) is a JSON object."""
    text = head.decode("utf-8", "ignore").lstrip()
    if not text.startswith("{"):
        return False
    first, newline, _ = text.partition("\n")
    if not newline:  # one record longer than the head: its lines say the rest
        return text.startswith('{"')
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Files named by ``inputs``; directories are walked recursively in sorted order."""
    for item in inputs:
        if item == "-" or not os.path.isdir(item):
            yield item
            continue
        for root, dirs, files in os.walk(item):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name)


def _open(path: str, stdin) -> BinaryIO:
    stream = (stdin or sys.stdin.buffer) if path == "-" else open(path, "rb")
    if stream.peek(2)[:2] == b"\x1f\x8b" if hasattr(stream, "peek") else False:
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def read_inputs(inputs: Iterable[str], options: Options,
                fields: Mapping[str, tuple[str, ...]] = DEFAULT_FIELDS,
                stdin=None, fetcher=None) -> Iterator[Article | Failure]:
    """Raw articles (or failures) from files, directories, ``-`` (stdin) and http(s) URLs."""
    from warta.readers.fetch import Fetcher

    own_fetcher = None

    def get_fetcher():
        nonlocal fetcher, own_fetcher
        if fetcher is None:
            fetcher = own_fetcher = Fetcher(options)
        return fetcher

    try:
        yield from _read(inputs, options, fields, stdin, get_fetcher)
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def _read(inputs, options, fields, stdin, get_fetcher) -> Iterator[Article | Failure]:
    from warta.readers.feeds import feed_documents, is_feed

    for path in iter_paths(inputs):
        if path.startswith(("http://", "https://")):
            source = Source(format="html", url=path)
            try:
                fetched = get_fetcher().fetch(path)
            except DOCUMENT_ERRORS as exc:
                yield Failure(source, exc.code, exc.message)
                continue
            if is_feed(fetched.content[:4096]):
                links = get_fetcher() if options.feed_fetch_links else None
                documents = feed_documents(fetched.content, path, options, links)
            else:
                documents = _documents(fetched.content, Source(format="html", url=fetched.url, fetched=fetched.fetched),
                                       options, fields)
            yield from _guarded(documents, source)
            continue
        source = Source(format="text", path=path)
        try:
            stream = _open(path, stdin)
        except OSError as exc:
            yield Failure(source, "input.unreadable", f"cannot read {path}: {exc.strerror or exc}")
            continue
        yield from _guarded(_file_documents(stream, path, options, fields, get_fetcher, reopen=path != "-"), source)


def _guarded(documents: Iterator[Article | Failure], source: Source) -> Iterator[Article | Failure]:
    """A bug in a reader ends that one input with a failure to re-run, not the batch."""
    try:
        yield from documents
    except Exception as exc:  # noqa: BLE001 - any reader error; the documents read before it stand
        yield Failure(source, "internal.reader", f"reading stopped: {type(exc).__name__}: {exc}")


def read_blob(path: str, data: bytes, options: Options, fields: Mapping[str, tuple[str, ...]] = DEFAULT_FIELDS,
              fetcher=None) -> Iterator[Article | Failure]:
    """Raw articles (or failures) from one file's bytes read elsewhere (a Spark task reading
    any Hadoop-compatible URL): the same formats as a local file."""
    stream = io.BufferedReader(io.BytesIO(data))
    if data[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]

    def get_fetcher():
        nonlocal fetcher
        if fetcher is None:
            from warta.readers.fetch import Fetcher

            fetcher = Fetcher(options)
        return fetcher

    yield from _guarded(_file_documents(stream, path, options, fields, get_fetcher, reopen=False, raw=data),
                        Source(format="text", path=path))


def _file_documents(stream, path: str, options: Options, fields, get_fetcher, reopen: bool,
                    raw: bytes | None = None) -> Iterator[Article | Failure]:
    from warta.readers.feeds import feed_documents, is_feed, is_url_list, url_documents
    from warta.readers.warc import is_warc, warc_documents

    source = Source(format="text", path=path)
    try:
        stream = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
        head = stream.peek(65536)[:65536]
        if is_warc(head):
            if isinstance(stream, gzip.GzipFile) and (reopen or raw is not None):
                stream.close()  # warcio reads gzip members itself, and sees where one is cut
                stream = open(path, "rb") if reopen else io.BufferedReader(io.BytesIO(raw))
            yield from warc_documents(stream, path, options)
            return
        if _looks_like_jsonl(head):
            yield from _jsonl_documents(stream, source, options, fields)
            return
        data = stream.read(options.max_input_bytes + 1)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(source, "input.unreadable", f"cannot read {path}: {exc}")
        return
    finally:
        if path != "-":
            stream.close()
    if len(data) > options.max_input_bytes:
        yield Failure(source, "input.too_large",
                      f"input is over the {options.max_input_bytes:,}-byte limit "
                      "(option max_input_bytes)")
        return
    if is_feed(data[:4096]):
        yield from feed_documents(data, path, options, get_fetcher() if options.feed_fetch_links else None)
    elif is_url_list(data[:65536]):
        yield from url_documents(data, path, options, get_fetcher())
    else:
        yield from _documents(data, source, options, fields)
