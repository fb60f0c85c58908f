"""Feeds, URL lists and http(s) inputs through the polite fetcher, against a local server."""

from __future__ import annotations

import http.server
import threading

import pytest

from warta.config import Options
from warta.readers import Failure, read_inputs

ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>JAKARTA - Menteri Perdagangan meninjau pasar induk pada Senin (20/10/2025) untuk memastikan harga stabil.</p>
<p>Menurut dia, pasokan beras dan cabai di seluruh daerah masih aman hingga akhir tahun.</p>
</article></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Berita</title>
<item><title>Harga Pangan Stabil</title><link>{base}/a</link><pubDate>Mon, 20 Oct 2025 08:00:00 +0700</pubDate></item>
<item><title>Tidak Ada</title><link>{base}/missing</link></item>
<item><title>Rahasia</title><link>{base}/private/x</link></item>
</channel></rss>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        pages = {"/a": ARTICLE.format(title="Harga Pangan Stabil Jelang Akhir Tahun"),
                 "/b": ARTICLE.format(title="Pasokan Beras Aman di Seluruh Daerah"),
                 "/feed.xml": FEED.format(base=base),
                 "/robots.txt": "User-agent: *\nDisallow: /private/\n",
                 "/big": "x" * 5000}
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/b")
            self.end_headers()
            return
        body = pages.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


LOCAL = Options(fetch_allow_private=True, fetch_delay=0.0, fetch_timeout=5.0)


def test_feed_items_are_fetched_pages(server):
    items = list(read_inputs([f"{server}/feed.xml"], LOCAL))
    assert len(items) == 3
    article, missing, private = items
    assert article.source.format == "html" and article.source.url == f"{server}/a"
    assert article.raw.published.startswith("2025-10-20") and article.source.fetched
    assert "Harga Pangan Stabil" in article.raw.content
    assert isinstance(missing, Failure) and missing.code == "input.fetch" and "404" in missing.message
    assert isinstance(private, Failure) and "robots.txt" in private.message


def test_url_list_file_and_redirects(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/a\n# a comment\n{server}/moved\n", encoding="utf-8")
    items = list(read_inputs([str(urls)], LOCAL))
    assert [i.source.url for i in items] == [f"{server}/a", f"{server}/b"]
    assert items[1].source.line == 3


def test_private_addresses_file_urls_and_size_cap(server, tmp_path):
    items = list(read_inputs([f"{server}/a"], Options(fetch_delay=0.0)))
    assert isinstance(items[0], Failure) and "private" in items[0].message
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/big\n", encoding="utf-8")
    items = list(read_inputs([str(urls)], LOCAL.evolve(max_input_bytes=1000)))
    assert isinstance(items[0], Failure) and "limit" in items[0].message


def test_url_list_lines_that_are_not_urls_fail_alone(server, tmp_path):
    # Found by the fuzzing run (make fuzz): an unparsable URL stopped the whole batch.
    urls = tmp_path / "urls.txt"
    bad = ["http://[::", "http://host:99999/", "http://x\u202e.com/", "https://" + "a" * 70 + ".com/"]
    urls.write_text("\n".join([*bad, f"{server}/a"]), encoding="utf-8")
    items = list(read_inputs([str(urls)], LOCAL))
    assert [i.code for i in items[:4]] == ["input.fetch"] * 4
    assert all("not a URL that can be fetched" in i.message for i in items[:4])
    assert items[4].source.url == f"{server}/a" and not isinstance(items[4], Failure)


def test_feed_from_a_file_with_full_text_and_no_fetching(tmp_path):
    feed = tmp_path / "feed.xml"
    paragraph = "Pemerintah menegaskan pasokan pangan aman. " * 50
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"
      xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>X</title>
      <item><title>Pasokan Pangan Aman</title><link>https://example.com/x</link>
      <content:encoded><![CDATA[<p>{paragraph}</p><p>Paragraf kedua.</p>]]></content:encoded></item>
      </channel></rss>""", encoding="utf-8")
    items = list(read_inputs([str(feed)], Options(feed_fetch_links=False)))
    assert len(items) == 1 and items[0].raw.title == "Pasokan Pangan Aman"
    assert items[0].raw.content.endswith("Paragraf kedua.") and "<p>" not in items[0].raw.content


def test_feed_entities_are_never_fetched_nor_expanded_into_a_bomb(tmp_path):
    text = "Pemerintah menegaskan pasokan pangan aman menjelang akhir tahun. " * 30
    entities = "<!ENTITY a 'aaaaaaaaaa'>" + "".join(
        f"<!ENTITY {chr(98 + i)} '{('&' + chr(97 + i) + ';') * 10}'>" for i in range(8))  # 10^9 a's
    feeds = {
        "xxe.xml": ('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
        "bomb.xml": (f"<!DOCTYPE rss [{entities}]>", "&i;"),
    }
    for name, (doctype, reference) in feeds.items():
        (tmp_path / name).write_text(
            f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>X</title><item>'
            f"<title>Judul {reference}</title><link>https://example.com/x</link>"
            f"<description>{text} {reference}</description></item></channel></rss>", encoding="utf-8")
        items = list(read_inputs([str(tmp_path / name)], Options(feed_fetch_links=False)))
        assert len(items) == 1 and not isinstance(items[0], Failure)
        assert "root:" not in items[0].raw.content and len(items[0].raw.content) < 5000
