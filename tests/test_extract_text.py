"""The extract stage on page-text dumps and JSONL bodies: chrome, captions, headline, dateline."""

from __future__ import annotations

import pytest

import warta
from warta.errors import NoArticleTextError
from warta.extraction.cleanup import split_credit, split_dateline
from warta.extraction.text_dump import extract_text_dump
from warta.model import Article, RawDocument, Source
from warta.pipeline import Pipeline

PARAGRAPH = "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di kota itu pada Senin pagi."


@pytest.mark.parametrize(
    ("opening", "outlet", "place"),
    [
        ("Berita Baru, Moskow –", "Berita Baru", "Moskow"),
        ("JAKARTA, KOMPAS.com -", "Kompas.com", "JAKARTA"),
        ("Jakarta (ANTARA) -", "ANTARA", "Jakarta"),
        ("Liputan6.com, Jakarta -", "Liputan6.com", "Jakarta"),
        ("REPUBLIKA.CO.ID, JAKARTA --", "Republika", "JAKARTA"),
        ("TEMPO.CO, Jakarta -", "Tempo", "Jakarta"),
        ("Jakarta, CNN Indonesia --", "CNN Indonesia", "Jakarta"),
        ("WASHINGTON (Reuters) -", "Reuters", "WASHINGTON"),
        ("Mataram, NTB (ANTARA News) -", "ANTARA", "Mataram, NTB"),
        ("Jakarta -", None, "Jakarta"),
        ("SURABAYA —", None, "SURABAYA"),
    ],
)
def test_dateline_forms(opening, outlet, place):
    found = split_dateline(f"{opening} {PARAGRAPH}")
    assert (found.outlet, found.place, found.rest) == (outlet, place, PARAGRAPH)


@pytest.mark.parametrize(
    "paragraph",
    [
        PARAGRAPH,
        "Menurut dia - yang juga menjabat ketua - rapat itu penting.",
        "Rusia-Ukraina: perang memasuki tahun ketiga - kata analis.",
        "Dia berkata, \"Kami siap\" - lalu pergi.",
    ],
)
def test_prose_is_not_a_dateline(paragraph):
    assert split_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        ("Warga antre beras. Foto: Reuters.", "Warga antre beras.", "Reuters"),
        ("Warga antre beras (ANTARA FOTO/Sigid Kurniawan/foc)", "Warga antre beras", "ANTARA FOTO/Sigid Kurniawan/foc"),
        ("Suasana rapat. (Foto: dok. Humas Polri)", "Suasana rapat.", "dok. Humas Polri"),
        ("Polisi berjaga di Monas. Foto: dok. Polda Metro", "Polisi berjaga di Monas.", "dok. Polda Metro"),
        ("A man walks past a shop in Kyiv. REUTERS/Gleb Garanich", "A man walks past a shop in Kyiv.", "REUTERS/Gleb Garanich"),
        ("Protesters march in Paris. Photo: AP", "Protesters march in Paris.", "AP"),
    ],
)
def test_caption_credits(line, text, credit):
    assert split_credit(line) == (text, credit)


def test_prose_with_the_word_foto_is_not_a_caption():
    assert split_credit("Polisi menyita foto dan dokumen dari rumah tersangka pada Senin malam.") is None


DUMP = """Masuk
Daftar
Dapatkan aplikasi Kabar Kita di Play Store

Nasional
Ekonomi

Petugas memeriksa kendaraan di gerbang tol. (ANTARA FOTO/Budi Santoso)
Petugas memeriksa kendaraan di gerbang tol. (ANTARA FOTO/Budi Santoso)

Polisi Tutup Sementara Gerbang Tol Cikampek Selama Mudik

Penulis: Siti Aminah
Selasa, 21 Oktober 2025 14:05 WIB

JAKARTA, KOMPAS.com - Kepolisian menutup sementara gerbang tol Cikampek Utama pada Senin (20/10/2025) untuk mengurai kepadatan arus mudik.

ADVERTISEMENT

SCROLL TO CONTINUE WITH CONTENT

Kepala Korlantas mengatakan penutupan berlangsung sekitar dua jam dan pengendara dialihkan ke jalur arteri.

Baca juga: Arus Mudik Meningkat, Jasa Marga Tambah Petugas

"Kami minta masyarakat mematuhi petunjuk petugas di lapangan," kata dia kepada wartawan di Jakarta.

Tag: mudik
Berita Terkait
Jasa Marga Siapkan Gardu Tambahan
© 2025 Kabar Kita. All rights reserved.
"""


def test_full_dump():
    dump = extract_text_dump(DUMP)
    assert dump.title == "Polisi Tutup Sementara Gerbang Tol Cikampek Selama Mudik"
    assert [(c.text, c.credit) for c in dump.captions] == [
        ("Petugas memeriksa kendaraan di gerbang tol.", "ANTARA FOTO/Budi Santoso")]
    for chrome in ("Masuk", "Nasional", "Penulis: Siti Aminah", "Selasa, 21 Oktober 2025 14:05 WIB",
                   "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Tag: mudik",
                   "Baca juga: Arus Mudik Meningkat, Jasa Marga Tambah Petugas", "Berita Terkait"):
        assert chrome in dump.boilerplate, chrome
    assert len(dump.paragraphs) == 3


def test_full_dump_through_the_stage():
    record = warta.process(DUMP, options=warta.Options(debug=True))
    assert record.outlet == "Kompas.com" and record.dateline.place == "JAKARTA"
    assert record.body.startswith("Kepolisian menutup sementara gerbang tol")
    assert record.body.endswith("kata dia kepada wartawan di Jakarta.")
    for chrome in ("ADVERTISEMENT", "SCROLL TO CONTINUE", "Baca juga", "Berita Terkait", "©", "Penulis"):
        assert chrome not in record.body


def test_hard_wrapped_paragraphs_are_joined():
    text = ("Banjir Rendam Ratusan Rumah di Bekasi\n\n"
            "Ratusan rumah di Bekasi terendam banjir setinggi satu meter setelah hujan\n"
            "deras mengguyur kawasan itu sejak Minggu malam, kata petugas BPBD setempat.\n\n"
            "Warga mengungsi ke masjid terdekat.\n")
    dump = extract_text_dump(text)
    assert dump.paragraphs[0].startswith("Ratusan rumah") and dump.paragraphs[0].endswith("setempat.")
    assert "hujan deras" in dump.paragraphs[0]


def test_dump_without_headline_keeps_all_prose():
    dump = extract_text_dump(PARAGRAPH + "\n\n" + PARAGRAPH.replace("jembatan", "pasar"))
    assert dump.title is None and len(dump.paragraphs) == 2


def test_jsonl_body_is_cleaned_but_title_kept():
    raw = RawDocument(content="Liputan6.com, Jakarta - " + PARAGRAPH + "\n\nBaca Juga\n\n" + PARAGRAPH.replace("Senin", "Selasa"),
                      format="jsonl", title="Jembatan Baru", published="2025-10-21T10:00:00+07:00", outlet="Liputan6")
    record = Pipeline(["extract"]).run(Article(source=Source(format="jsonl"), raw=raw))
    assert record.title == "Jembatan Baru"
    assert record.outlet == "Liputan6"  # the input's own field wins
    assert record.dateline.place == "Jakarta"
    assert record.published.date == "2025-10-21" and record.published.basis == "input-field"
    assert record.body.split("\n\n") == [PARAGRAPH, PARAGRAPH.replace("Senin", "Selasa")]
    assert record.boilerplate == ("Baca Juga",)


@pytest.mark.parametrize("text", ["Masuk\nDaftar\nBeranda", "ADVERTISEMENT\n\nBaca juga: Sesuatu"])
def test_dump_with_no_article_is_a_specific_error(text):
    with pytest.raises(NoArticleTextError, match="no article text"):
        warta.process(text)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Penulis: Siti Aminah", "Siti Aminah"),
        ("Penulis: Nadia Kusumawardani | Editor: Bagus Santoso", "Nadia Kusumawardani"),
        ("By Jane Doe", "Jane Doe"),
        ("Oleh: Budi Santoso dan Ani Lestari", "Budi Santoso dan Ani Lestari"),
        ("Berita terbaru hari ini", None),
    ],
)
def test_byline_author(line, author):
    from warta.extraction.cleanup import byline_author

    assert byline_author(line) == author


def test_dump_author_from_byline():
    assert warta.process(DUMP).author == "Siti Aminah"
