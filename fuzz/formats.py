"""Hypothesis strategies for every kind of file Warta reads, good and bad.

Each strategy draws whole files as bytes: HTML pages, text dumps, JSONL exports, WARC
archives, RSS/Atom/RDF feeds and URL lists; valid ones, and the same cut short, mutated,
re-encoded, mixed in encoding, deeply nested, with enormous lines, control characters,
right-to-left and emoji text. ``inputs()`` draws any of them, as the fuzzing run and the
unit suite's short version do.
"""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import strategies as st

# Pieces of news text Warta treats specially, and text that is hard for any reader.
_NEWS = [
    "Jakarta", " (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "Berita Baru, Moskow – ", "Presiden", " Dr. ",
    " H. ", "Jl. Sudirman No. 5", " kata Lavrov.", " ujar Jokowi, Jumat (21/1).", "“", "”", '"', "‘", "’",
    ". ", "? ", "! ", "... ", " (21/1) ", " Rabu (18/1) ", " 3,5 ", " 1.000.000 ", "Foto: Reuters.",
    "(ANTARA FOTO/Budi)", "Baca juga: ", "ADVERTISEMENT", "Dapatkan aplikasi di Play Store", "U.S.",
    "Jan. 21, 2022", "a.n.", "dll.", "e.g.", "–", "—", "-", "Polisi menangkap tersangka di Bandung. ",
    "Rusia tidak memiliki rencana untuk menyerang Ukraina. ", "AS khawatir Rusia akan melakukan serangan. ",
    "Menlu Rusia Sergey Lavrov bertemu Menlu AS Antony Blinken di Jenewa. ",
    '"Kami menolak tuntutan itu," kata juru bicara Kremlin Dmitry Peskov. ',
    "Police arrested two men in Surabaya on Monday, the ministry said. ",
]
_HOSTILE = [
    "\n", "\n\n", " ", "\t", "\r\n", "\r", "\x00", "\x07", "\x0b", "\x1b[31m", "\x7f", "\x85", "\u2028",
    "\u2029", "\ufeff", "\u200b", "\u200d", "\u202e", "\u2066", "\ufffd", "\ufffe", "مرحبا بالعالم",
    "שלום עולם", "😀", "👩‍👩‍👧", "🇮🇩", "ǅ", "ﬁ", "İ", "ß", "ẞ", "Å", "\u0301", "e\u0301", "Ⅻ", "𝔸",
    "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "]]>", "<!--", "-->", "{", "}", "\\", "\\u0000",
]
_PIECES = st.sampled_from(_NEWS + _HOSTILE)

news_text = st.lists(st.one_of(_PIECES, _PIECES, st.text(max_size=12)), max_size=60).map("".join)
"""Text that looks like news, with hostile characters and arbitrary Unicode mixed in."""

long_line = st.builds(lambda piece, n: piece * n, st.sampled_from(["a", "kata ", "😀", "\u202e", "<b>", ". "]),
                      st.integers(min_value=1_000, max_value=8_000))
"""One enormous line (up to ~40 KB): tokenisers and regexes meet their worst case."""

paragraph = st.integers(min_value=0, max_value=39).flatmap(lambda n: long_line if n == 0 else news_text)
paragraphs = st.lists(paragraph, min_size=1, max_size=8)

_TAGS = ["div", "section", "span", "p", "b", "table", "tr", "td", "ul", "li", "blockquote", "a", "font", "article"]


@st.composite
def html_pages(draw) -> str:
    """An article page, from tidy to tag soup: chrome, figures, scripts, comments, nesting."""
    title = draw(news_text)
    body = "".join(f"<p>{p}</p>" if draw(st.booleans()) else p for p in draw(paragraphs))
    depth = draw(st.sampled_from([0, 0, 0, 3, 50, 400, 5000]))
    if depth:
        tag = draw(st.sampled_from(_TAGS))
        closed = draw(st.booleans())
        body = f"<{tag}>" * depth + body + (f"</{tag}>" * depth if closed else "")
    extras = draw(st.lists(st.sampled_from([
        "<script>var a = '</p><p>';</script>", "<style>p{}</style>", "<!-- <p>hidden</p> -->",
        "<figure><img src='a.jpg'><figcaption>Foto: Reuters</figcaption></figure>",
        "<nav>Home | Berita | Politik</nav>", "<iframe src='javascript:alert(1)'></iframe>",
        "<svg onload=alert(1)>", "<![CDATA[ x ]]>", "<p", "</div></div></div>", "<?php echo 1; ?>",
        "<meta charset='shift_jis'>", "<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>",
        "<base href='file:///etc/'>", "<a href='http://127.0.0.1/'>link</a>", "&#1234567;", "&bogus;",
    ]), max_size=5))
    head = "".join(extras[: len(extras) // 2])
    tail = "".join(extras[len(extras) // 2 :])
    meta = draw(st.sampled_from([
        "", "<meta property='article:published_time' content='2022-01-21T10:00:00+07:00'>",
        "<meta property='article:published_time' content='not a date'>",
        "<meta name='date' content='9999-99-99'>",
        "<script type='application/ld+json'>{\"datePublished\": \"2022-01-21\", \"author\": [1, {}]}</script>",
        "<script type='application/ld+json'>{broken json</script>",
    ]))
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0'?>"]))
    return (f"{doctype}<html><head><title>{title}</title>{meta}{head}</head><body>"
            f"<header>Dapatkan aplikasi di Play Store</header><article><h1>{title}</h1>{body}</article>"
            f"{tail}<footer>© 2022</footer></body></html>")


@st.composite
def text_dumps(draw) -> str:
    """A page-text dump like the bundled examples: chrome lines, caption, headline, dateline."""
    lines = draw(st.lists(st.sampled_from(["Beranda", "Politik", "Dapatkan aplikasi di Play Store",
                                           "Foto: Reuters", "Berita Baru, Moskow – ", ""]), max_size=6))
    lines += [draw(news_text) for _ in range(draw(st.integers(min_value=1, max_value=4)))]
    lines += draw(paragraphs)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return newline.join(lines)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | news_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_KEYS = ["title", "judul", "text", "isi_berita", "body", "html", "url", "tautan", "published", "tanggal",
         "outlet", "author", "id"]


@st.composite
def jsonl_files(draw) -> bytes:
    """JSONL exports: good records, records of the wrong shape, broken lines, lone surrogates."""
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        kind = draw(st.sampled_from(["record", "record", "record", "wrong", "broken", "blank"]))
        if kind == "record":
            record = {key: draw(st.one_of(news_text, _JSON_VALUES)) for key in draw(
                st.lists(st.sampled_from(_KEYS), min_size=1, max_size=6, unique=True))}
            if draw(st.booleans()):
                record[draw(st.sampled_from(["text", "isi_berita", "html"]))] = "\n".join(draw(paragraphs))
            line = json.dumps(record, ensure_ascii=draw(st.booleans()))
            if draw(st.integers(min_value=0, max_value=5)) == 0:  # a lone surrogate, as JSON allows
                line = line.replace("a", "\\ud83d", 1)
        elif kind == "wrong":
            line = json.dumps(draw(_JSON_VALUES))
        elif kind == "broken":
            line = draw(st.sampled_from(['{"title": "cut', "{", '{"text": "a"}}', "{'text': 'single quotes'}",
                                         '{"text": NaN}', '{"text": "\\x00"}']))
        else:
            line = ""
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def warc_files(draw) -> bytes:
    """WARC archives written by warcio: responses of every content type, requests, metadata."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["response", "response", "response", "request", "metadata"]))
        # fixed ids and dates: the same draw must give the same bytes
        ids = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
               "WARC-Date": draw(st.sampled_from(["2022-01-21T10:00:00Z", "kemarin", "0000-00-00T00:00:00Z"]))}
        payload = draw(st.one_of(html_pages(), text_dumps())).encode(
            draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"])), "replace")
        url = draw(st.sampled_from([f"https://news.example/{number}", "", "not-a-url", "file:///etc/passwd"]))
        if kind == "response":
            content_type = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "application/pdf",
                                                 "TEXT/HTML; charset=bogus", "application/xhtml+xml"]))
            headers = StatusAndHeaders(draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"])),
                                       [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url or "https://news.example/", "response", payload=io.BytesIO(payload),
                                               http_headers=headers, warc_headers_dict=ids)
        elif kind == "request":
            request = b"GET /" + str(number).encode() + b" HTTP/1.1\r\nHost: news.example\r\n\r\n"
            record = writer.create_warc_record(url or "https://news.example/", kind, payload=io.BytesIO(request),
                                               warc_headers_dict=ids)
        else:
            record = writer.create_warc_record(url or "https://news.example/", kind, payload=io.BytesIO(payload),
                                               warc_headers_dict=ids)
        writer.write_record(record)
    return out.getvalue()


@st.composite
def feeds(draw) -> str:
    """RSS 2.0, Atom and RDF feeds whose items carry links, full text, or neither."""
    flavour = draw(st.sampled_from(["rss", "atom", "rdf"]))
    items = []
    for number in range(draw(st.integers(min_value=0, max_value=4))):
        title = draw(news_text).replace("<", "&lt;")
        link = draw(st.sampled_from([f"https://news.example/{number}", "http://127.0.0.1/admin",
                                     "file:///etc/passwd", "", "javascript:alert(1)"]))
        text = "\n".join(draw(paragraphs))
        content = draw(st.sampled_from([f"<![CDATA[{text}]]>", text.replace("&", "&amp;").replace("<", "&lt;"), ""]))
        date = draw(st.sampled_from(["Fri, 21 Jan 2022 10:00:00 +0700", "2022-01-21T10:00:00Z", "kemarin", ""]))
        if flavour == "atom":
            items.append(f"<entry><title>{title}</title><link href='{link}'/><updated>{date}</updated>"
                         f"<content type='html'>{content}</content></entry>")
        else:
            items.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                         f"<description>{content}</description><content:encoded>{content}</content:encoded></item>")
    doctype = draw(st.sampled_from([
        "", "<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>",  # external entity
        ("<!DOCTYPE lolz [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"  # entity expansion
         "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>"),
    ]))
    body = "".join(items) + draw(st.sampled_from(["", "&xxe;", "&d;"]))
    if flavour == "atom":
        feed = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Berita</title>{body}</feed>"
    elif flavour == "rdf":
        feed = (f"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'>"
                f"<channel><title>Berita</title></channel>{body}</rdf:RDF>")
    else:
        feed = (f"<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
                f"<channel><title>Berita</title>{body}</channel></rss>")
    return f"<?xml version='1.0' encoding='utf-8'?>{doctype}{feed}"


url_lists = st.lists(st.sampled_from(["https://news.example/a", "http://127.0.0.1:9/x", "http://[::1]/",
                                      "https://news.example/" + "a" * 5000, "http://169.254.169.254/latest"]),
                     min_size=1, max_size=4).map("\n".join)


@st.composite
def encoded(draw, text: str) -> bytes:
    """``text`` as bytes: UTF-8, another encoding, a BOM, two encodings mixed, or gzipped."""
    how = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1",
                                "shift_jis", "koi8-r", "mixed", "mojibake"]))
    if how == "mixed":  # the first half in UTF-8, the rest in cp1252
        middle = len(text) // 2
        data = text[:middle].encode("utf-8", "replace") + text[middle:].encode("cp1252", "replace")
    elif how == "mojibake":  # UTF-8 read as cp1252 and written out again as UTF-8
        data = text.encode("utf-8", "replace").decode("cp1252", "replace").encode("utf-8", "replace")
    else:
        data = text.encode(how, "replace")
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        data = gzip.compress(data, compresslevel=1)
    return data


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` cut short, with bytes flipped, inserted, deleted or a stretch repeated."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not buffer:
            break
        at = draw(st.integers(min_value=0, max_value=len(buffer) - 1))
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete", "repeat"]))
        if action == "cut":
            del buffer[max(at, 1):]
        elif action == "flip":
            buffer[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif action == "insert":
            buffer[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del buffer[at : at + draw(st.integers(min_value=1, max_value=64))]
        else:
            buffer[at:at] = buffer[at : at + draw(st.integers(min_value=1, max_value=256))] * 3
    return bytes(buffer)


_TEXT_FORMATS = {"html": html_pages(), "text": text_dumps(), "feed": feeds(), "urls": url_lists}
_BYTE_FORMATS = {"jsonl": jsonl_files(), "warc": warc_files()}
FORMATS = tuple(_TEXT_FORMATS) + tuple(_BYTE_FORMATS) + ("bytes",)


@st.composite
def inputs(draw, formats: tuple[str, ...] = FORMATS) -> tuple[str, bytes]:
    """(format, file bytes): a valid file of one format, then maybe cut, mutated or re-encoded."""
    kind = draw(st.sampled_from(formats))
    if kind == "bytes":
        return kind, draw(st.binary(max_size=2000))
    if kind in _TEXT_FORMATS:
        data = draw(encoded(draw(_TEXT_FORMATS[kind])))
    else:
        data = draw(_BYTE_FORMATS[kind])
    damage = draw(st.sampled_from(["none", "none", "cut", "mutate"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(min_value=1, max_value=len(data)))]
    elif damage == "mutate":
        data = draw(mutated(data))
    return kind, data
