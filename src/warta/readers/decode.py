"""Bytes to text: refuse binaries, undo gzip, find the encoding, repair mojibake.

Nothing is dropped silently: every repair or lossy decode adds a warning that
ends up in the record's ``warnings``.
"""

from __future__ import annotations

import re
import zlib

from warta.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

# Magic numbers of files that are often misnamed .html or .txt in crawls.
_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or docx/xlsx)",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media file",
    b"\x00\x00\x00": "binary data",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"OggS": "Ogg media file",
    b"ID3": "MP3 audio",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# A UTF-16 surrogate on its own: JSON may carry one ("\\ud83d"); UTF-8 cannot.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls other than whitespace: NUL cannot be stored in PostgreSQL text, ESC and
# CSI would drive the terminal that shows a record.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Control characters that never occur in text (tab, newline, CR, FF excluded).
_CONTROL_BYTES = bytes(range(9)) + b"\x0b\x0e\x0f" + bytes(range(0x10, 0x20)) + b"\x7f"
# UTF-8 read as cp1252/latin-1: "Ã©", "â€œ", "Â " ...
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def _gunzip(data: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BinaryInputError(f"corrupt gzip data: {exc}") from exc
    if len(out) > limit:
        raise InputTooLargeError(f"gzip input expands beyond the {limit:,}-byte limit")
    return out


def sniff_binary(data: bytes) -> str | None:
    """A human name for the binary type of ``data``, or None when it looks like text."""
    head = data[:8192]
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text, decoded below
        return None
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if head.count(0) > 0 or controls > max(8, len(head) // 100):
        return "binary data (control bytes in the first 8 KB)"
    return None


def decode(data: bytes, max_bytes: int) -> tuple[str, tuple[str, ...]]:
    """Text of ``data`` and the warnings about how it was decoded."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit (option max_input_bytes)"
        )
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    if not data.strip():
        raise EmptyInputError("input is empty")
    binary = sniff_binary(data)
    if binary:
        raise BinaryInputError(f"input is not text: looks like {binary}")
    warnings: list[str] = []
    text = _decode_text(data, warnings)
    text = repair_mojibake(text, warnings)
    if not text.strip():
        raise EmptyInputError("input has no visible text")
    return text, tuple(warnings)


def _decode_text(data: bytes, warnings: list[str]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _META_CHARSET.search(data[:4096])
    candidates = []
    if declared:
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None:
        candidates.append(best.encoding)
    candidates.append("cp1252")
    for encoding in candidates:
        if encoding.replace("-", "").replace("_", "") in {"utf8", "utf8sig"}:
            continue
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        warnings.append(f"input is not valid UTF-8 (byte {first_bad}); decoded as {encoding}")
        return text
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > len(text) // 20:
        raise EncodingError(f"cannot decode input: {bad:,} undecodable bytes in any known encoding")
    warnings.append(f"{bad} undecodable bytes replaced with U+FFFD")
    return text


def repair_mojibake(text: str, warnings: list[str]) -> str:
    """Undo UTF-8-read-as-cp1252 ("Ã©" for "é") when the page clearly has it."""
    hits = len(_MOJIBAKE.findall(text))
    if hits < 2:
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        warnings.append(f"repaired {hits} mojibake sequences (text was double-encoded)")
    return fixed


def scrub(text: str) -> tuple[str, int, int]:
    """``text`` fit to store and show: lone surrogates (no UTF-8 for them) become U+FFFD,
    control characters go; and how many of each there were."""
    text, surrogates = _LONE_SURROGATE.subn("\ufffd", text)
    text, controls = _CONTROL_CHARS.subn("", text)
    return text, surrogates, controls
