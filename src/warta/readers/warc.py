"""WARC and ARC files: every HTML response record is one input, with its URL and fetch date.

A record that cannot be read (a truncated gzip member, a broken header) ends the file with
one failure naming the record; every record before it is still read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from warta.config import Options
from warta.errors import DOCUMENT_ERRORS
from warta.model import Article, Source
from warta.readers.decode import decode

WARC_MAGIC = (b"WARC/1.", b"WARC/0.")
ARC_MAGIC = b"filedesc://"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(head: bytes) -> bool:
    return head.startswith(WARC_MAGIC) or head.startswith(ARC_MAGIC)


def warc_documents(stream: BinaryIO, path: str, options: Options) -> Iterator[object]:
    """Raw articles, or Failures, from one WARC/ARC stream (gzipped or not)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from warta.readers import Failure, raw_from_text

    number = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    read_to = 0  # where the last whole record ends in the file
    size = _size(stream)
    while True:
        try:
            record = next(records)
        except StopIteration:
            if size is not None and read_to and size - read_to > 64:
                yield Failure(Source(format="warc", path=path, line=number + 1), "input.truncated",
                              f"WARC record {number + 1} of {path} cannot be read: the file ends inside it "
                              f"({size - read_to:,} bytes after record {number})")
            return
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Failure(Source(format="warc", path=path, line=number + 1), "input.truncated",
                          f"WARC record {number + 1} of {path} cannot be read: {exc}")
            return
        except (AttributeError, KeyError, TypeError, IndexError) as exc:  # warcio on headers it did not expect
            yield Failure(Source(format="warc", path=path, line=number + 1), "input.invalid_record",
                          f"WARC record {number + 1} of {path} is malformed ({type(exc).__name__}: {exc}); "
                          "the rest of the file is not read")
            return
        number += 1
        if record.rec_type != "response" or record.http_headers is None:
            read_to = _end(archive, read_to)
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if not content_type.startswith(_HTML_TYPES):
            read_to = _end(archive, read_to)
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        fetched = record.rec_headers.get_header("WARC-Date")
        source = Source(format="warc", path=path, url=url, line=number, fetched=fetched)
        try:
            data = record.content_stream().read(options.max_input_bytes + 1)
        except (OSError, EOFError, ValueError) as exc:
            yield Failure(source, "input.truncated", f"WARC record {number} of {path} is cut short: {exc}")
            return
        read_to = _end(archive, read_to)
        if getattr(record.raw_stream, "limit", 0) > 0 and len(data) <= options.max_input_bytes:
            missing = record.raw_stream.limit
            yield Failure(source, "input.truncated",
                          f"WARC record {number} of {path} is cut short: {missing:,} bytes of its block missing")
            return
        if len(data) > options.max_input_bytes:
            yield Failure(source, "input.too_large",
                          f"record is over the {options.max_input_bytes:,}-byte limit (option max_input_bytes)")
            continue
        try:
            text, warnings = decode(data, options.max_input_bytes)
        except DOCUMENT_ERRORS as exc:
            yield Failure(source, exc.code, exc.message)
            continue
        yield Article(source=source, raw=raw_from_text(text, warnings, url=url))


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return None  # stdin or a pipe: no size to check the last record against


def _end(archive, fallback: int) -> int:
    try:
        archive.read_to_end()
        return archive.get_record_offset() + archive.get_record_length()
    except Exception:  # noqa: BLE001 - offsets are a check, never a reason to fail
        return fallback
