"""WARC input: every HTML response is one record with its URL and fetch date; a truncated
record costs one failure, never the records before it."""

from __future__ import annotations

import io

import pytest

from warta.config import Options
from warta.readers import Failure, read_inputs

warcio = pytest.importorskip("warcio")

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>JAKARTA - {sentence} Hal itu disampaikan dalam konferensi pers di Jakarta pada Senin (20/10/2025).</p>
<p>Menurut dia, langkah tersebut diambil untuk menjaga stabilitas harga pangan di seluruh daerah.</p>
</article></body></html>"""


def write_warc(path, pages, gzip=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


def pages():
    return [
        (f"https://news.example.id/{n}", "text/html; charset=utf-8",
         PAGE.format(title=f"Berita Nomor {n} Tentang Harga Pangan", sentence=f"Menteri Perdagangan ke-{n} meninjau pasar."))
        for n in range(3)
    ] + [("https://news.example.id/logo.png", "image/png", "PNG")]


def test_every_html_response_is_one_input(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages())
    items = list(read_inputs([str(path)], Options()))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    first = items[0].source
    assert first.format == "warc" and first.url == "https://news.example.id/0" and first.line == 1
    assert first.fetched and first.fetched.startswith("20")
    assert "Berita Nomor 0" in items[0].raw.content


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_record_keeps_the_good_ones(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, pages()[:3], gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])  # the last record is cut short
    items = list(read_inputs([str(path)], Options()))
    articles = [i for i in items if not isinstance(i, Failure)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 2 and len(failures) == 1
    assert failures[0].code == "input.truncated" and "record 3" in failures[0].message
