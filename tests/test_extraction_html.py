"""extract_html on small hand-written news pages and one real detik.com page."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import NoArticleTextError
from warta.extraction.html import extract_html
from warta.model import Caption

FIXTURES = Path(__file__).parent / "fixtures" / "html"
DETIK = Path("/work/shared/data/detik-raw-pages-2022/html")

CHROME = ("Baca juga", "ADVERTISEMENT", "SCROLL TO CONTINUE", "Editor:", "Bagikan", "Berita Terkait",
          "Beranda", "Copyright", "Presiden Jokowi Terima", "Tag:")


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def berita():
    return extract_html(read("id_berita.html"), url="https://kabarnusantara.example/x")


@pytest.fixture(scope="module")
def news():
    return extract_html(read("en_news.html"))


def test_indonesian_paragraphs_exact(berita):
    assert berita.paragraphs == (
        ("Jakarta - Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Rusia Sergei "
        "Lavrov di Jenewa, Swiss, pada Kamis (20/1/2022). Pertemuan itu membahas situasi keamanan di "
        "Eropa Timur dan kerja sama kedua negara."),
        ('"Indonesia mendorong semua pihak untuk menahan diri dan mengedepankan dialog," kata Retno '
        "dalam keterangan pers yang disiarkan secara daring dari Jenewa, Jumat (21/1/2022)."),
        ("Retno menambahkan bahwa Indonesia siap berperan sebagai jembatan bagi negara-negara yang "
        "berselisih. Menurut dia, perdamaian di kawasan mana pun berdampak langsung pada stabilitas "
        "ekonomi global, termasuk harga pangan dan energi di Indonesia."),
        ("Lavrov, menurut Retno, menyampaikan bahwa Rusia tidak memiliki rencana untuk menyerang "
        "negara tetangganya. Kedua menteri juga sepakat untuk melanjutkan pembicaraan mengenai kerja "
        "sama perdagangan dan pendidikan pada pertemuan berikutnya di Jakarta."),
    )


def test_indonesian_chrome_and_headline_left_out(berita):
    body = "\n".join(berita.paragraphs)
    for chrome in CHROME:
        assert chrome not in body
    assert berita.title not in body


def test_indonesian_caption_once_with_antara_credit(berita):
    assert berita.captions == (
        Caption(
            text="Menteri Luar Negeri Retno Marsudi berjabat tangan dengan Menteri Luar Negeri Rusia "
            "Sergei Lavrov di Jenewa, Swiss, Kamis (20/1/2022).",
            credit="ANTARA FOTO/Hafidz Mubarak A",
        ),
    )
    assert not any("berjabat tangan" in p for p in berita.paragraphs)


def test_indonesian_metadata_from_json_ld(berita):
    assert berita.title == "Menlu Retno Bertemu Menlu Rusia di Jenewa"
    assert (berita.published, berita.published_basis) == ("2022-01-21", "json-ld")
    assert berita.author == "Siti Rahmawati"
    assert berita.sitename == "Kabar Nusantara"
    assert berita.url == "https://kabarnusantara.example/internasional/menlu-retno-bertemu-menlu-rusia"
    assert berita.lang == "id"


def test_english_paragraphs_exact(news):
    assert news.paragraphs == (
        ("Heavy rain overnight flooded large parts of the Indonesian capital on Tuesday, forcing more "
        "than 12,000 people to leave their homes, the city's disaster agency said."),
        ("Water reached two metres in some neighbourhoods along the Ciliwung river, and officials "
        "opened schools and mosques as temporary shelters for families who lost their belongings."),
        ('"We have never seen the water rise this fast," said Ahmad Fauzi, a shopkeeper who spent the '
        "night on the roof of his house with his wife and three children."),
        ("The meteorology agency warned that more rain was expected until the end of the week and "
        "urged residents in low-lying areas to stay alert and follow evacuation orders."),
    )


def test_english_captions_credit_element_and_reuters_suffix(news):
    assert news.captions == (
        Caption(text="Residents wade through a flooded street in East Jakarta on Tuesday.", credit="AP"),
        Caption(text="A rescue worker carries a child to a rubber boat in Kampung Melayu.",
                credit="REUTERS/Willy Kurniawan"),
    )
    body = "\n".join(news.paragraphs)
    for chrome in ("newsletter", "Share on", "Related stories", "Why Jakarta is sinking", "rights reserved"):
        assert chrome not in body


def test_english_metadata_from_meta_tags(news):
    assert (news.published, news.published_basis) == ("2023-02-14", "html-meta")
    assert news.author == "Maria Gomez"
    assert news.sitename == "The Daily Ledger"
    assert news.url is None  # no canonical or og:url, none passed in
    assert news.lang == "en"


def test_url_passed_in_is_kept_without_canonical():
    page = extract_html(read("en_news.html"), url="https://ledger.example/2023/02/14/flood")
    assert page.url == "https://ledger.example/2023/02/14/flood"


def test_date_from_url_when_markup_has_none():
    html = read("en_news.html").replace('<meta property="article:published_time" content="2023-02-14T08:15:00Z">', "")
    page = extract_html(html, url="https://ledger.example/news/2023/02/13/flood-jakarta")
    assert (page.published, page.published_basis) == ("2023-02-13", "url")


def test_index_page_has_no_article_text():
    with pytest.raises(NoArticleTextError, match="index page|not an article page"):
        extract_html(read("id_index.html"))


@pytest.mark.parametrize("html", ["", "   ", "<html><body></body></html>"])
def test_empty_pages_raise(html):
    with pytest.raises(NoArticleTextError):
        extract_html(html)


def test_real_detik_page():
    page_path = DETIK / "1.html"
    if not page_path.exists():
        pytest.skip(f"shared data absent: {page_path} (needs /work/shared/data)")
    page = extract_html(page_path.read_text(encoding="utf-8"))
    assert page.title == "Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor: Cuma Diperlihatkan"
    assert (page.published, page.published_basis) == ("2022-12-10", "html-meta")
    assert page.author == "Mulia Budi"
    assert page.captions == (Caption(text="Ilustrasi penodongan", credit="Edi Wahyono/detikcom"),)
    assert page.paragraphs[0].startswith("Jakarta - Polisi masih mendalami percekcokan")
    body = "\n".join(page.paragraphs)
    for chrome in ("Baca juga", "ADVERTISEMENT", "SCROLL TO", "Ilustrasi penodongan"):
        assert chrome not in body
    assert len(page.paragraphs) >= 10


@pytest.fixture(scope="module")
def lead():
    return extract_html(read("id_lead_outside_p.html"), url="https://wartakota.example/metro/banjir-bekasi")


def test_lead_text_outside_paragraphs_is_kept(lead):
    # trafilatura alone drops text that sits directly in a <div> whose other children are <p>s
    assert lead.paragraphs[0].startswith("WartaKota.example - Banjir setinggi satu meter")
    assert lead.paragraphs[-1].startswith("Warga berharap pemerintah")


def test_title_without_site_name(lead):
    assert lead.title == "Banjir Rendam Ratusan Rumah di Bekasi"


def test_date_written_in_indonesian(lead):
    assert (lead.published, lead.published_basis) == ("2016-02-23", "html-text")


def test_removed_chrome_is_reported(lead):
    assert "Baca juga: Hujan deras diperkirakan berlanjut hingga akhir pekan" in lead.boilerplate
    assert "Pewarta: Andi Saputra" in lead.boilerplate
    assert not any("Pewarta" in p or "Baca juga" in p for p in lead.paragraphs)


@pytest.mark.parametrize(("title", "url", "expected"), [
    ("Samsul Arif Tak Beban Lawan Arema - Kompas.com", "https://bola.kompas.com/read/1",
     "Samsul Arif Tak Beban Lawan Arema"),
    ("KapanLagi.com: FOTO: Dian Saat Berusia 13 Tahun", "https://www.kapanlagi.com/x",
     "FOTO: Dian Saat Berusia 13 Tahun"),
    ("Marcella Promo Pariwisata | Republika Online", "https://republika.co.id/x", "Marcella Promo Pariwisata"),
    ("Polisi soal Pistol: Cuma Diperlihatkan", "https://news.detik.com/x", "Polisi soal Pistol: Cuma Diperlihatkan"),
])
def test_site_name_stripped_from_title(title, url, expected):
    body = "<p>" + "Isi berita yang cukup panjang. " * 20 + "</p>"
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    assert extract_html(html, url=url).title == expected


def test_teaser_cards_make_an_index_page():
    card = ('<li><div class="date">Selasa, 23 Februari 2016 | 14:51 WIB</div>'
            '<h3><a href="/read/{i}">Judul berita nomor {i} yang menarik</a></h3>'
            '<p>Ringkasan berita nomor {i} yang cukup panjang untuk terlihat seperti paragraf isi berita.</p></li>')
    html = "<html><body><ul>" + "".join(card.format(i=i) for i in range(12)) + "</ul></body></html>"
    with pytest.raises(NoArticleTextError):
        extract_html(html)


# --- publication date rules ------------------------------------------------------------

_BODY = "".join(f"<p>Paragraph {i} of the story, long enough to count as article text for the "
                f"extractor, about the flood in the capital and what the city did next.</p>" for i in range(6))


def _page(head: str = "", body_top: str = "") -> str:
    return (f"<html><head><title>Flood story</title>{head}</head><body><article><h1>Flood story</h1>"
            f"{body_top}{_BODY}</article></body></html>")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://ledger.example/2022/01/21/flood", "2022-01-21"),
    ("https://ledger.example/news/20220121/flood", "2022-01-21"),
    ("https://news.detik.com/berita/d-5907415/flood", None),  # an article id, not a date
    ("https://kompas.example/read/2016/02/16/14382361/flood", "2016-02-16"),
])
def test_date_in_url(url, expected):
    page = extract_html(_page(), url=url)
    assert page.published == expected
    assert page.published_basis == ("url" if expected else None)


def test_utc_stamp_one_day_off_yields_the_urls_local_day():
    # 02:25 UTC on the 25th is still the 24th at the publisher, whose CMS dated the URL
    head = '<meta property="article:published_time" content="2020-02-25T02:25:54+00:00">'
    page = extract_html(_page(head), url="https://ledger.example/2020/02/24/story/")
    assert (page.published, page.published_basis) == ("2020-02-24", "url")


def test_local_stamp_beats_a_different_url_date():
    # with an explicit local offset the stamp's own day stands (the URL may be the draft's day)
    head = '<meta property="article:published_time" content="2020-02-19T18:37:32+01:00">'
    page = extract_html(_page(head), url="https://ledger.example/2020/02/18/story/")
    assert (page.published, page.published_basis) == ("2020-02-19", "html-meta")


def test_json_ld_in_graph_and_rfc_2822_meta():
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
             '{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2022-01-21T14:05:00+07:00"}]}'
             '</script>')
    assert extract_html(_page(graph)).published == "2022-01-21"
    rfc = '<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">'
    assert extract_html(_page(rfc)).published == "2019-10-19"


def test_published_time_element_but_not_a_teaser_list():
    time = '<time itemprop="datePublished" datetime="2022-01-21T14:05:00+07:00">21 Jan</time>'
    assert extract_html(_page(body_top=time)).published == "2022-01-21"
    teasers = "".join(f'<aside><time class="published" datetime="2019-0{m}-10">x</time></aside>'
                      for m in (3, 4, 5))
    assert extract_html(_page(body_top=teasers)).published_basis != "html-meta"


def test_byline_date_written_out():
    byline = '<div class="detail__date">Jumat, 21 Jan 2022 14:05 WIB</div>'
    page = extract_html(_page(body_top=byline), url="https://news.detik.com/berita/d-5907415/judul")
    assert (page.published, page.published_basis) == ("2022-01-21", "html-text")
