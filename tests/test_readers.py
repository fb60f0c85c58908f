"""Reading inputs: formats from content, encodings repaired, bad inputs named precisely."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from warta.config import Options
from warta.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from warta.readers import Failure, detect_format, parse_field_map, read_inputs
from warta.readers.decode import decode

OPTIONS = Options()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><head><title>x</title></head><body><p>y</p></body></html>", "html"),
        ("<div class='a'><p>Berita</p><p>Lain</p></div>", "html"),
        ('{"title": "A", "text": "B"}\n{"title": "C", "text": "D"}\n', "jsonl"),
        ("Judul\n\nJAKARTA - Presiden <b>tidak</b> hadir.", "text"),
        ("{bukan json} Judul berita", "text"),
        ("Harga naik 5 < 7 persen > dugaan", "text"),
    ],
)
def test_detect_format(text, expected):
    assert detect_format(text) == expected


def test_decode_utf8_and_bom():
    assert decode("Jenewa – “kata”".encode(), 1000) == ("Jenewa – “kata”", ())
    assert decode(b"\xef\xbb\xbfHalo", 1000)[0] == "Halo"
    assert decode("Halo dunia".encode("utf-16"), 1000)[0] == "Halo dunia"


def test_decode_legacy_encoding_is_repaired_with_warning():
    data = "Café di Jenewa — “kata” Lavrov, résumé".encode("cp1252")
    text, warnings = decode(data, 1000)
    assert text == "Café di Jenewa — “kata” Lavrov, résumé"
    assert warnings and "not valid UTF-8" in warnings[0]


def test_decode_repairs_mojibake_with_warning():
    broken = "Café résumé di Jenewa, déjà vu".encode().decode("cp1252")
    assert "Ã©" in broken
    text, warnings = decode(broken.encode("utf-8"), 1000)
    assert text == "Café résumé di Jenewa, déjà vu"
    assert any("mojibake" in w for w in warnings)


def test_decode_gzip():
    assert decode(gzip.compress(b"Berita hari ini"), 1000)[0] == "Berita hari ini"


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\t ", EmptyInputError, "empty"),
        (b"%PDF-1.7 binary", BinaryInputError, "PDF"),
        (b"\x89PNG\r\n\x1a\n....", BinaryInputError, "PNG"),
        (bytes(range(256)) * 3, BinaryInputError, "binary"),
        (b"x" * 2000, InputTooLargeError, "limit"),
        (gzip.compress(b"y" * 5000, mtime=0), InputTooLargeError, "expands"),
    ],
)
def test_decode_refuses_bad_input(data, error, message):
    with pytest.raises(error, match=message):
        decode(data, 1000)


def test_read_inputs_walks_directories_and_records_failures(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Judul Berita Ini Cukup Panjang\n\nIsi berita yang cukup panjang di sini.")
    (tmp_path / "sub" / "b.html").write_text("<html><head><title>T</title></head><body><p>x</p></body></html>")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / ".hidden").write_text("skip me")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")], OPTIONS))
    kinds = [(type(i).__name__, i.source.path.rsplit("/", 1)[-1], i.source.format) for i in items]
    assert kinds == [
        ("Article", "a.txt", "text"),
        ("Article", "b.html", "html"),
        ("Failure", "empty.txt", "text"),
        ("Failure", "missing.txt", "text"),
    ]
    assert items[2].code == "input.empty"
    assert items[3].code == "input.unreadable" and "No such file" in items[3].message


def test_jsonl_lines_become_documents_and_bad_lines_fail_alone(tmp_path):
    lines = [
        json.dumps({"judul": "Satu", "isi_berita": "Isi satu.", "tanggal": "2022-01-21", "tautan": "https://x.id/1"}),
        "{not json",
        json.dumps({"judul": "Tanpa isi"}),
        json.dumps(["a", "list"]),
        json.dumps({"judul": "Dua", "isi_berita": "Isi dua."}),
    ]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n")
    fields = parse_field_map(["title=judul", "text=isi_berita", "published=tanggal", "url=tautan"])
    items = list(read_inputs([str(path)], OPTIONS, fields))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Failure", "Article"]
    first = items[0]
    assert (first.raw.title, first.raw.content, first.raw.published, first.raw.url) == (
        "Satu", "Isi satu.", "2022-01-21", "https://x.id/1")
    assert first.source.ref.endswith("berita.jsonl:1")
    assert items[1].code == "input.invalid_record" and "line 2" in items[1].message
    assert "no article text" in items[2].message
    assert "list" in items[3].message
    assert items[4].source.line == 5


def test_indonesian_export_keys_are_read_without_a_field_map(tmp_path):
    path = tmp_path / "detik.jsonl"
    path.write_text(json.dumps({"judul": "Satu", "isi_berita": "Isi satu.", "tanggal": "10/21/2025 20:43",
                                "tautan": "https://news.detik.com/berita/d-8171947/satu"}) + "\n")
    (article,) = read_inputs([str(path)], OPTIONS, parse_field_map([]))
    assert (article.raw.title, article.raw.content, article.raw.published) == ("Satu", "Isi satu.", "10/21/2025 20:43")


def test_jsonl_gz_and_stdin(tmp_path):
    path = tmp_path / "b.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"title": "T", "text": "Isi."}\n'))
    assert [i.raw.title for i in read_inputs([str(path)], OPTIONS)] == ["T"]
    stdin = io.BufferedReader(io.BytesIO(b"Judul\n\nIsi berita."))
    (item,) = read_inputs(["-"], OPTIONS, stdin=stdin)
    assert item.raw.content.startswith("Judul") and item.source.path == "-"


def test_too_large_file_fails_alone(tmp_path):
    (tmp_path / "big.txt").write_text("kata " * 1000)
    (tmp_path / "ok.txt").write_text("kata " * 10)
    items = list(read_inputs([str(tmp_path)], Options(max_input_bytes=1000)))
    assert isinstance(items[0], Failure) and items[0].code == "input.too_large"
    assert not isinstance(items[1], Failure)


def test_field_map_rejects_nonsense():
    with pytest.raises(ValueError, match="NAME=KEY"):
        parse_field_map(["judul"])
    with pytest.raises(ValueError, match="one of"):
        parse_field_map(["colour=warna"])


def test_jsonl_whose_first_record_is_long_is_still_jsonl(tmp_path):
    from warta.config import Options
    from warta.readers import read_inputs

    body = "Banjir merendam ratusan rumah warga di Bandung setelah hujan deras mengguyur sejak sore. " * 80
    rows = [{"title": "Banjir Bandung", "text": body}, {"title": "Kedua", "text": "Isi berita kedua yang pendek."}]
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert len(json.dumps(rows[0])) > 5_000
    items = list(read_inputs([str(path)], Options()))
    assert len(items) == 2 and all(i.source.line for i in items)
    assert items[0].raw.title == "Banjir Bandung"


def test_a_reader_bug_fails_that_file_alone(tmp_path, monkeypatch):
    import warta.readers.feeds

    def broken(*args, **kwargs):
        yield from ()
        raise RuntimeError("a bug in the feed reader")

    monkeypatch.setattr(warta.readers.feeds, "feed_documents", broken)
    (tmp_path / "a.xml").write_text("<?xml version='1.0'?><rss><channel></channel></rss>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Menlu Rusia Sergey Lavrov bertemu Blinken di Jenewa.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], Options()))
    assert isinstance(items[0], Failure) and items[0].code == "internal.reader"
    assert "RuntimeError: a bug in the feed reader" in items[0].message and items[0].source.path.endswith("a.xml")
    assert items[1].raw.content.startswith("Menlu Rusia")
