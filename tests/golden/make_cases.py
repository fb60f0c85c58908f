"""Derive the Indonesian golden cases (tests/golden/id/*.expected.json) from the real pages.

The pages are not copied into the repository: they live in the shared data folder (a sibling
of the repository root, ``../shared/data``; override with the env var ``WARTA_SHARED_DATA``).

Where each field of a case comes from:
  * anpandu-indonesian-news-pages (2015-2017 pages of ten outlets): ``title``, ``url`` and
    ``published`` (the WIB date of the epoch-ms ``date``) from its ``expected.json``;
    ``body_must_contain`` is chosen here from the expected ``content`` (first, middle and last
    eligible sentences; see ``pick_must``), keeping only sentences that also occur in the page's
    visible text.
  * detik-raw-pages-2022: ``title``/``published`` from the pages' own ``og:title`` and
    ``publishdate`` meta tags; body snippets are hand-picked (there is no expected body).
  * ``body_must_not_contain`` (menus, related headlines, captions, footers, "Baca juga" lines)
    and any title override are hand-picked in ``CURATED`` after reading each page.
  * The ten index pages (``*-mainpage.html``; four of them are RSS feeds saved as .html) hold
    no article: their cases expect the error ``extract.no_text``.

Every snippet is checked before anything is written: a must snippet occurs in the page's visible
text (and, for anpandu, in the expected content); a must-not snippet occurs in the page's visible
text and not in the expected content (except the expected-output noise listed per case).

Usage (from the repository root):
  .venv/bin/python tests/golden/make_cases.py            # write missing cases, report drift
  .venv/bin/python tests/golden/make_cases.py --update   # also merge new snippets into existing
                                                        # cases; never removes or changes one
  .venv/bin/python tests/golden/make_cases.py --check    # only verify the case files on disk
Exit status 1 when a snippet fails its check.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.html

REPO = Path(__file__).resolve().parents[2]
CASE_DIR = Path(__file__).resolve().parent / "id"
ANPANDU = "anpandu-indonesian-news-pages"
DETIK22 = "detik-raw-pages-2022"
WIB = timezone(timedelta(hours=7))

# Snippet length bounds for automatically chosen must-contain sentences (characters, after
# whitespace collapse): long enough to be distinctive, short enough to survive small edits.
MIN_SNIPPET, MAX_SNIPPET = 40, 140
MUST_COUNT = 5


def data_root() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def norm(text: str) -> str:
    """The comparison form used by tests/test_golden_pages.py: whitespace collapsed."""
    return re.sub(r"\s+", " ", text).strip()


_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "blockquote",
        "dd",
        "dt",
        "nav",
        "aside",
        "main",
        "form",
        "option",
        "iframe",
        "title",
        "item",
    ]
)


def visible_text(raw: str, boundary: str = " ") -> str:
    """Text a reader can see: scripts/styles dropped, block boundaries kept as whitespace.

    With ``boundary="¶"`` every block boundary (including <br>) is marked, so that a snippet
    found in that text lies inside one paragraph.
    """
    doc = lxml.html.fromstring(raw.encode("utf-8"))
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    mark = f" {boundary} "
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = mark + (el.tail or "")
            el.text = mark + (el.text or "")
    return norm(doc.text_content())


def meta(raw: str) -> dict[str, str]:
    doc = lxml.html.fromstring(raw.encode("utf-8"))
    out: dict[str, str] = {}
    for m in doc.xpath("//meta"):
        key = m.get("name") or m.get("property") or m.get("itemprop")
        if key and m.get("content") is not None and key not in out:
            out[key] = norm(m.get("content"))
    for link in doc.xpath("//link[@rel='canonical']"):
        out.setdefault("canonical", link.get("href"))
    return out


def read_page(rel: str) -> str:
    return (data_root() / rel).read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------------------------
# Hand-picked parts, after reading each page's HTML.
#   must_not: strings on the page that are not article text.
#   must: extra (or, for detik 2022, all) must-contain snippets.
#   expected_noise: strings in expected.json's content that are site chrome, not article text.
#   title: the headline the page itself shows, where it differs from expected.json.
# --------------------------------------------------------------------------------------------
CURATED: dict[str, dict] = {
    "antara-singlepage": {
        "must_not": [
            "Dokumentasi petugas Badan Meteorologi Klimatologi dan Geofisika (BMKG) kelas III",
            "COPYRIGHT © ANTARA 2015",
            "Editor: Ade Marboen",
            "Operator perpanjang penutupan Bandara Ngurah Rai",
            "Warga Mataram diimbau kurangi aktivitas di luar rumah",
            "Ketentuan Penggunaan",
        ],
        "notes": "Photo caption above the body; 'Editor:'/COPYRIGHT are glued to the last "
        "paragraph without a space in the HTML.",
    },
    "antara-singlepage2": {
        "must_not": [
            "Dokumentasi anggota Satuan Polisi Pamong Praja Wanita menemukan pasangan mesum",
            "COPYRIGHT © ANTARA 2016",
            "Pewarta: Budisantoso Budiman dan Agus S",
            "Pemerintah ingin prostitusi jelas ilegal",
            "Polda Lampung tangkap pedangdut atas dugaan prostitusi",
            "Kapal perang Koarmatim amankan penenggelaman kapal ilegal",
        ],
        "notes": "A pull quote repeats part of a body sentence above the body (allowed: it is "
        "a substring of the body). Caption above the body.",
    },
    "antara-singlepage3": {
        "must_not": [
            "Editor: PR Wire",
            "COPYRIGHT © ANTARA 2016",
            "Pewarta: prwir",
            "Portal Properti Rumah123.com Luncurkan Kontes Online Terbesar di Indonesia",
            "Tweets by @antaranews",
            "Pembongkaran Kalijodo",
        ],
        "notes": "PR Newswire release with hard-wrapped lines inside paragraphs and short "
        "section labels ('Dewan juri', 'Didukung').",
    },
    "antara-singlepage4": {
        "must_not": [
            "(Antaranews/Monalisa)",
            "Pewarta: Monalisa",
            "Ban Aspira Premio diproduksi 1.5 juta unit pada 2016",
            "Land Rover Defender berakhir produksi",
            "Gaikindo optimistis pembangunan infrastruktur dongkrak penjualan",
            "Mitsubishi tambah dealer di Kota Palembang",
        ],
        "notes": "Antara Otomotif layout; no datePublished meta (date only in the visible "
        "'Selasa, 23 Februari 2016 15:06 WIB'). The caption repeats the first body sentence's "
        "words, so only its credit is a must-not.",
    },
    "antara-singlepage5": {
        "must_not": [
            "Sidang Kasus Suap AKBP Brotoseno. Kanit III Subdit III Dirtipikor Bareskrim Polri",
            "Editor: B Kunto Wibisono",
            "COPYRIGHT © ANTARA 2017",
            "Jessica Wongso satu TPS dengan Angelina Sondakh",
            "Sidang tuntutan Brotoseno kembali ditunda",
            "Oleh Desca Lidya Natalia",
        ],
        "notes": "Feature with subheadings ('Awal Cerita', 'Akhir Cerita?') and a pull quote "
        "that repeats a body quote. og:title carries ' - ANTARA News'; the h1 does not.",
    },
    "detik-singlepage": {
        "must_not": [
            "Galaxy Note 5 & S6 Edge+ Lepas Landas",
            "Samsung Turut Perkuat Gembok Android Tiap Bulan",
            "Fino Yurio Kristo - detikinet",
            "Ini Dia Tempat Terbasah di Dunia, Hujan Bisa 24 Jam",
            "Redaksi: redaksi[at]detikinet.com",
            "Galaxy S6 Edge & S6 (ist)",
        ],
        "notes": "2015 detikINET layout; meta pubdate '2015-11-05 T10:08:58Z' is WIB despite "
        "the Z. '(fyk/ash)' (editor initials) is left unasserted.",
    },
    "detik-singlepage2": {
        "must_not": [
            "Fotografer: Grandyos Zafna",
            "Vote Photo",
            "Form Rating",
            "Bahana Targetkan Dana Kelolaan Rp 34 T di 2016",
            "Ayo Curi Ilmu Bos Sido Muncul, Salah Satu Orang Terkaya RI",
        ],
        "notes": "detikFinance photo page (readfoto): the whole article is one two-sentence "
        "description, so only two must snippets exist; extraction must not reject it as too "
        "short. <title> ends with the stray words 'Form Rating'.",
    },
    "kapanlagi-singlepage": {
        "must_not": [
            "Heart Beat bikin Brandon terpukau oleh ceritanya yang positif",
            "M. Akrom Sukarya",
            "Kunjungan Artis ke KapanLagi.com",
            "Tak Menghilang Dari Dunia Musik, Java Jive Hanya Kurang Disorot",
            "Jangan Lewatkan",
            "KLN KapanLagi Network",
        ],
        "notes": "<title> is 'Brandon Nicholas Salim | … - KapanLagi.com' and og:title "
        "'KapanLagi.com: …'; the h1 is the expected title. expected.json has spaces before "
        "commas after linked names ('Salim , putra'); snippets avoid them.",
    },
    "kapanlagi-singlepage2": {
        "must_not": [
            "Dian Sastro saat masih 13 tahun",
            "JANGAN LEWATKAN!!!",
            "Armand Maulana & Rambut Gondrong Ikoniknya Dari Tahun ke Tahun",
            "Simak Lifestyle Populer Lainnya",
            "Bikin Iri! Olahraga Pagi, Dian Sastro Ditemani Sang Suami",
            "KLN KapanLagi Network",
        ],
        "notes": "In-body Instagram photo caption between paragraphs; title prefix 'FOTO:' "
        "is part of the headline (h1).",
    },
    "kapanlagi-singlepage3": {
        "must_not": [
            "Lebih dari 100 orang diundang ke acara ulang tahun penyanyi asal Wales ini",
            "Charlotte Chruch berulang tahun dan mengadakan pesta di rumahnya",
            "FOTO: Chris Hemsworth Putuskan Jual Rumahnya Seharga Rp 87 Miliar",
            "Ini dia tampilan rumah mewah milik Robert Pattinson, keren ya?",
            "TOP 10 LIRIK",
            "KLN KapanLagi Network",
        ],
        "notes": "Two in-body captions are glued to the start of the next paragraph "
        "('… © Twitter.comPihak Kepolisian …'): the caption must go, the paragraph must stay.",
    },
    "kompas-singlepage": {
        "must_not": [
            "menyerahkan senjata AK 56 dan puluhan amunisi milik Komeng ke Kejaksaan Negeri",
            "Polres Lhokseumawe Sita 27 Pucuk Senjata Api dan Ribuan Butir Peluru",
            "Kontributor Lhokseumawe, Masriadi",
            "Ganjar: Laporkan Balik Fadli Zon Saja",
            "Produced by ABC Australia",
            "Kompasiana.com",
        ],
        "notes": "Body is one <br>-separated block. No date meta: only 'Rabu, 4 November 2015 "
        "| 21:04 WIB' and the URL. The h1 is the section name ('Regional'), not the headline. "
        "expected.json drops the dateline 'LHOKSEUMAWE, KOMPAS.com –' that the page shows.",
    },
    "kompas-singlepage2": {
        "must_not": [
            "Yuddy Chrisnandi di Kantor Kemenpan RB, Senayan, Jakarta",
            "Nabilla Tashandra",
            "copy link",
            "Citra Jokowi Meningkat Drastis",
            "Intelijen Ungkap Teroris Berniat Racuni Makanan Polisi",
            "KOMPAS.com/NABILLA TASHANDRA",
        ],
        "notes": "h1 is the section ('Nasional'); title from <title> minus ' - Kompas.com'.",
    },
    "kompas-singlepage3": {
        "must_not": [
            "Mark Zuckerberg saat berpidato di Tsinghua University, Beijing",
            "Pekan Depan, KPK Tetapkan Dada Rosada Jadi Tersangka",
            "Ervan Hardoko",
            "Obama: Saya Tinggal di Indonesia dan Kenal Asia Tenggara sejak Kecil",
            "Profesor Kristen Berjilbab Undurkan Diri dari Tempatnya Mengajar",
            "copy link",
        ],
        "notes": "h1 is the section ('Internasional'). Page shows the dateline 'LOS ANGELES, "
        "KOMPAS.com -', which expected.json drops.",
    },
    "kompas-singlepage4": {
        "must_not": [
            "Samsul Arif dan Purwaka Yudi gabung dengan skuad Persib Bandung",
            "Dua Mantan Pemain Arema Sudah Ditaksir Persib sejak Tahun Lalu",
            "Ikuti perkembangan berita ini dalam topik",
            "Ferril Dennys",
            "Trik Penalti Messi Dianggap Tabu di Italia",
            "Pesepak Bola Indonesia di Luar Negeri",
        ],
        "notes": "URL slug says 'lawan persib' but the page's headline is 'Lawan Arema' (the "
        "expected title). h1 is 'Bola'.",
    },
    "kompas-singlepage5": {
        "must_not": [
            "Menperin bersama pejabat ekselon satu Kementerian Perindustrian berkunjung",
            "Ketua Umum Baru Gaikindo Periode 2016-2019",
            "Wajar Merek China Bermunculan",
            "Aditya Maulana",
            "Duo Merek China",
            "copy link",
        ],
        "notes": "Curly quotes in the title (“Serbu”). Dateline 'Jakarta, KompasOtomotif –'. "
        "Subheading 'Persaingan' inside the body.",
    },
    "liputan6-singlepage": {
        "must_not": [
            "Direktur ICGR Tri Indonesia, Chandra Hawan",
            "Telkomsel Targetkan Selimuti 40 Kota dengan 4G di Akhir 2016",
            "Jangan sampai ketinggalan berita terkini",
            "Rate artikel ini",
            "Layanan VoLTE Diprediksi Raup US$ 120 Miliar di 2020",
            "Email berhasil dikirim",
        ],
        "notes": "Minified 286 kB page; 'Baca Juga' box sits inside the article body.",
    },
    "liputan6-singlepage2": {
        "must_not": [
            "Poster London Love Story",
            "5 Adegan London Love Story yang Sukses Bikin Baper",
            "Setelah London Love Story, Akan Ada Apa Lagi?",
            "Jangan sampai ketinggalan berita terkini",
            "Rate artikel ini",
            "Email berhasil dikirim",
        ],
        "notes": "'Baca Juga' box with three related headlines sits between body paragraphs.",
    },
    "liputan6-singlepage3": {
        "must": [
            (
                "Selena Gomez dan Taylor Swift saling memeluk saat berpose di karpet merah Grammy "
                "Awards ke-58"
            ),
        ],
        "must_not": [
            "Tampil Nyentrik, Lady Gaga Gokil Dengan Rambut Oranye di Grammy Awards",
            "Jangan sampai ketinggalan berita terkini",
            "Rate artikel ini",
            "Popular Videos",
            "Bella Shofie Dianggap Tak Mampu Layani Suryono",
        ],
        "notes": "Photo gallery: the article text IS the gallery captions (expected.json keeps "
        "the caption of the first photo, five times over). The body must carry the captions; a pipeline that moves all "
        "captions out of the body leaves nothing.",
    },
    "okezone-singlepage": {
        "must_not": [
            "Depresi berat, waspada diabetes! (Foto: Usnews)",
            "Share on Facebook",
            "Penderita PCOS Rentan Kena Diabetes",
            "Bentuk Kotoran Cerminkan Suasana Hati Anda",
            "Login untuk komentar",
            "Berita Rekomendasi",
        ],
        "notes": "Body opens with an all-caps lead word ('DEPRESI jadi …'). Several h1s, the "
        "first is the site name.",
    },
    "okezone-singlepage2": {
        "must_not": [
            "Indra Birowo. (Foto: Vania/Okezone)",
            "0 Komentar",
            "Share on Facebook",
            "Link successfully copied",
            "Indra Birowo Ingin Pemimpin Jakarta Bisa Selesaikan Masalah Banjir dan Macet",
            "Tulis komentar",
        ],
        "expected_noise": ["0 Komentar"],
        "notes": "expected.json's content ends with the comment counter '0 Komentar' (scraper "
        "noise, not article text): kept as a must-not.",
    },
    "republika-singlepage": {
        "must_not": [
            "Antara/Teresia May",
            "Red: Yudha Manggala P Putra",
            "#promosi wisata film",
            "Persatuan Muslim Kunci Merdekanya Palestina",
            "Pemerintah Diminta Beberkan Dana Rp 108 Miliar untuk LGBT",
            "Sumber : Antara",
        ],
        "notes": "Dateline on the page is 'REPUBLIKA.CO.ID, JAKARTA --' (expected.json: ' - ').",
    },
    "republika-singlepage2": {
        "must_not": [
            "Mohamad Amin Madani",
            "In Picture: Suasana Mahkamah Agung Pasca-OTT KPK",
            "Petugas Derek Mobil yang Parkir di Bahu Jalan Mampang",
            "Kuasa Hukum Jessica Ajukan Sidang Praperadilan",
            "News Guidance",
            "FOTO TERKAIT:",
        ],
        "notes": "Photo story. <title>/meta title drop the 'In Picture:' prefix that the "
        "page's visible headline (and expected.json) carry; the case keeps the visible one.",
    },
    "republika-singlepage3": {
        "must_not": [
            "Calon jamaah haji mengikuti pemeriksaan kesehatan oleh petugas medis (Ilustrasi)",
            "Redaktur : Agus Yulianto",
            "Sumber : kemenag.go.id",
            "PHU Kota Gorontalo Persiapkan Dokumen Haji 2017",
            "Agus Merasakan Getaran Saat Berdoa di Multazam",
            "Republika/ Wihdan Hidayat",
        ],
        "notes": "ihram.co.id (Republika's hajj site); <title> ends '| ihram.co.id', empty h1. "
        "Visible date 'Jumat , 17 February 2017, 13:16 WIB' mixes English month names.",
    },
    "tempo-singlepage": {
        "must_not": [
            "Rektor UNY buka invitasi olahraga antar perguruan tinggi",
            "Aktivitas Fisik bagi Anak, Seberapa Pentingkah?",
            "Jelang Piala Sudirman, Persib Compang-camping, Ada Apa?",
            "Jus Pinang untuk Obat Pegal, Begini Cara Pembuatannya",
            "Tips Minum Kopi agar Langsing",
            "halaman ini",
        ],
        "notes": "Listicle with subheadings ('Kurang Motivasi', …); expected.json keeps only "
        "the paragraphs. <title> ends '| Tempo Gaya'.",
    },
    "tempoen-singlepage": {
        "language": "en",
        "must_not": [
            "Secretary of State, Pratikno. Image: TEMPO/Imam Sukamto",
            "BI Enhances Cooperation with Bank of Finland",
            "Hotspots in Sumatra Rapidly Spike After Rainfall",
            "Cargo Plane Crashes along Nile River in South Sudan",
            "Zoom Out",
            "Tempo English Weekly",
        ],
        "notes": "English-language Tempo page (language 'en', html lang says 'id'). Sidebar "
        "teasers about Finland sit right above the article. Backtick apostrophes ('Finland`s') "
        "are the page's own.",
    },
    "viva-singlepage": {
        "must_not": [
            "Musisi dunia memberikan standing ovation untuk Joey Alexander di Grammy Awards ke-58",
            "KOMENTARI ARTIKEL INI",
            "Joey Alexander Foto Bareng Johny Deep, Langsung Jadi Sorotan",
            "Cantiknya Velove Vexia saat Jenguk Ayahnya",
            "BACA ARTIKEL MENARIK LAINNYA",
            "Suryono Mengaku Tak Sanggup Lagi Bersama Bella Shofie",
        ],
        "notes": "expected.json keeps two in-body image captions ('… Foto: Grammy') as "
        "paragraphs; they are neither required nor forbidden here. An embedded tweet (English) "
        "sits inside the body.",
    },
    # ---- detik.com 2021-2022 (no expected body: every snippet hand-picked) ----
    "detik2022-1": {
        "must": [
            (
                "Polisi masih mendalami percekcokan antara pemotor dan pemobil yang dinarasikan "
                "membawa pistol di Cipulir"
            ),
            (
                "Widya mengatakan pihaknya belum bisa memastikan apakah benda yang dibawa pelaku "
                "itu pistol asli atau hanya replika"
            ),
            "Sebelumnya, sebuah video yang memperlihatkan percekcokan dua orang pria di Cipulir",
            "Kemudian, seorang satpam mencoba melerai keributan tersebut",
            "Disebut-sebut percekcokan itu terjadi antara pengemudi mobil dengan pengemudi motor",
        ],
        "must_not": [
            "Terungkap! Cekcok Pemotor vs Pria Berpistol di Jaksel Dipicu Salip-salipan",
            "Heboh Cekcok Pemotor vs Pria Berpistol di Jaksel",
            "SCROLL TO RESUME CONTENT",
            "Ilustrasi penodongan (Edi Wahyono/detikcom)",
            "Cekcok Polisi dengan Ketua RT Gegara Parkir Mobil, Mahfud Minta Polri Usut",
            "Sopir Truk Mundur Tewaskan Balita di Bekasi Jadi Tersangka!",
        ],
        "notes": "Empty <title>; headline from h1/og:title. meta pubdate "
        "'2022-12-10T13-19-56Z' is WIB despite the Z. Two 'Baca juga' lines inside the body.",
    },
    "detik2022-2": {
        "must": [
            "Susunan pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi",
            (
                "Pemenang pertandingan ini akan lanjut ke semifinal untuk hadapi pemenang Inggris "
                "vs Prancis yang main beberapa jam setelahnya"
            ),
            "Posisi Ronaldo digantikan Goncalo Ramos",
            (
                "Portugal: Costa, Dalot, Pepe, Dias, Guerreiro, Otavio, Neves, B Silva, Fernandes, "
                "Felix, Ramos"
            ),
            "Maroko jadi tim dengan penguasaan bola terendah sepanjang Piala Dunia 2022",
        ],
        "must_not": [
            "Selecao Diunggulkan tapi Awas Kejutan",
            "Fernando Santos: Berhenti Bicarakan Cristiano Ronaldo!",
            "Portugal Nggak Mau Dihukum Maroko",
            "SCROLL TO RESUME CONTENT",
            "Harry Kane Baru Satu Gol, Jangan Terkecoh Prancis!",
            "Messi: Maradona Saksikan dan Doakan Argentina dari Surga",
        ],
        "notes": "Published 20:55 WIB: reading meta pubdate '2022-12-10T20-55-32Z' as UTC and "
        "converting to WIB gives the wrong day (2022-12-11). Four 'Baca juga' lines and a "
        "'Data dan Fakta' bullet list inside the body.",
    },
    "detik2022-4": {
        "must": [
            "Pelatih set-piece menjadi tren baru di klub-klub Eropa",
            (
                "Dikutip dari WhoScored, MU kebobolan 14 gol dari set-piece di Liga Inggris "
                "2020/2021"
            ),
            (
                "Melatih pemain dalam kondisi bertahan saat menghadapi bola mati justru menjadi "
                "salah satu tugas tersulit dari pelatih set-piece"
            ),
            (
                "Mencuatnya para pelatih set-piece juga menunjukkan bahwa taktik di sepakbola kini "
                "semakin mikro dan matematis"
            ),
            (
                "ada juga tendangan bebas kencang Ronald Koeman yang memastikan Barcelona juara "
                "Piala Champions 1991"
            ),
        ],
        "must_not": [
            "Kiper Aston Villa Ledek MU, Grealish: Lucu!",
            "Yellow Submarine: Asli Liverpool, Abadi di Villarreal",
            "Cerita soal para pelatih set-piece yang kini tengah tren di liga-liga Eropa",
            "Photo by Laurence Griffiths/Getty Images",
            "Agony of Doha: Masa Lalu Kelam Sepakbola Jepang di Qatar",
            "Redaksi: redaksi[at]detik.com",
        ],
        "notes": "Long feature (detikSport Insider) with subheadings and two in-body photo "
        "captions with credits; source HTML hard-wraps lines mid-sentence.",
    },
    "detik2022-inet": {
        "must": [
            (
                "Salah satu fakta yang terkuak dalam kebangkrutan perusahaan perdagangan kripto FTX "
                "adalah bos dan petingginya hobi membeli rumah mewah"
            ),
            "membeli setidaknya 19 properti bernilai total USD 121 juta di kawasan Bahama",
            (
                "Rumah-rumah itu dibeli sebagai fasilitas untuk para karyawan FTX di California "
                "yang akan pindah ke Bahama"
            ),
            (
                "Ketika dimintai konfirmasi, juru bicara orang tua Bankman menyatakan mereka telah "
                "mencoba mengembalikan properti itu ke FTX"
            ),
            "sudah mencoba mengembalikannya ke perusahaan dan menunggu instruksi selanjutnya",
        ],
        "must_not": [
            "Juragan Kripto yang Jatuh Miskin Angkat Bicara, Uangnya Habis",
            "Pantas Bangkrut, Petinggi FTX Hobi Pesta Pora di Rumah Mewah",
            "Juragan Kripto Tiantian Kullander Meninggal di Usia 30 Tahun",
            "6 Kematian Mendadak Juragan Kripto yang Picu Teori Konspirasi",
            "[Gambas:Video 20detik]",
            "Sam Bankman Fried. Foto: Getty Images",
        ],
        "notes": "h1 appears twice (desktop and mobile header).",
    },
    "detik2022-travel": {
        "must": [
            (
                "Kepala Dinas Pariwisata Badung, I Nyoman Rudiarta memastikan tak akan ada sweeping "
                "terhadap turis asing yang liburan ke Bali"
            ),
            "Menurut Rudiarta, kedua pasal itu mengandung delik aduan",
            (
                "Laporan hanya boleh dilakukan oleh suami atau istri, bagi yang sudah berstatus "
                "menikah sah"
            ),
            (
                "Ia mengajak seluruh pihak terkait dan lapisan masyarakat untuk ikut membangun citra "
                "pariwisata Badung"
            ),
            "maupun media selalu ikut menjaga pariwisata kita",
        ],
        "must_not": [
            "Hotman Gerah dengan Pasal Zina di KUHP yang Juga Bikin Resah Turis Asing",
            "Sandiaga Jamin Ranah Privat Turis Aman",
            "Artikel ini telah naik di detikBali dan bisa dibaca selengkapnya di sini",
            "Turis Asing Soroti Pasal Zina KUHP Baru, Menkumham Beri Penjelasan",
            "Wisman di Bali (Ichalchem)",
            "Duh! Snorkeling di Bali Bukannya Jumpa Ikan, tapi Sampah Plastik",
        ],
        "notes": "Empty <title>. Published 22:10 WIB: a UTC reading of meta pubdate shifts "
        "the day. Syndication note ('Artikel ini telah naik di detikBali …') is not article "
        "text.",
    },
}

MAINPAGE_NOTES = {
    "antara-mainpage": "RSS 2.0 feed (ANTARA News - Berita Terkini) saved as .html.",
    "detik-mainpage": "RSS feed (feedsportal, news.detik) saved as .html.",
    "kapanlagi-mainpage": "RSS 2.0 feed, iso-8859-1, saved as .html.",
    "republika-mainpage": "RSS 2.0 feed (WordPress-style) saved as .html.",
    "kompas-mainpage": "'Indeks Berita' list of headlines with one-line teasers.",
    "liputan6-mainpage": "Home page: headline list, photo teasers with captions.",
    "okezone-mainpage": "Home page: menus and headline lists only.",
    "tempo-mainpage": "Home page: headline list with one-line teasers.",
    "tempoen-mainpage": "English home page: headline list; no lead article with a body.",
    "viva-mainpage": "'Indeks Berita' list page.",
}

# Expected-content lines that are captions or credits (expected.json keeps some inside the
# content), and sentences that are sign-offs, links or datelines: never picked as must snippets.
_CAPTION_LINE = re.compile(r"\b(?:Foto|Image):|©")
_NOT_BODY = re.compile(r"Komentar|^\(|https?://|www\.|@|[-–—]$")
# Sentence end: lower-case letter, digit or ')' before the stop, so 'Wicky V. Olindo' and
# 'Retno L.P. Marsudi' stay whole.
_SENT_SPLIT = re.compile(r"(?<=[a-z0-9)][.!?])[\"”']?\s+(?=[\"“(A-Z0-9])")
# A leading dateline such as 'JAKARTA, KOMPAS.com - ' or 'Mataram, NTB (ANTARA News) - '.
_DATELINE = re.compile(r"^.{0,70}?\s(?:-{1,2}|–|—)\s")
_QUOTES = '"“”'


def _clean(sentence: str) -> str:
    """A sentence as a robust snippet: no dateline, no quote marks, at most MAX_SNIPPET."""
    s = norm(sentence)
    m = _DATELINE.match(s)
    if m:
        s = s[m.end() :]
    s = s.lstrip(_QUOTES + "' ")
    cut = min((s.find(q) for q in _QUOTES if q in s), default=-1)
    if cut >= 0:  # quote marks are the likeliest characters to be rewritten: stop before one
        s = s[:cut]
    s = s.rstrip(".,;:!?' ")
    if len(s) > MAX_SNIPPET:
        head = s[:MAX_SNIPPET]
        s = head[: head.rfind(" ")].rstrip(",;: ")
    return s


def pick_must(content: str, page_blocks: str, count: int = MUST_COUNT) -> list[str]:
    """First, evenly spaced middle, and last eligible sentence of the expected content.

    Eligible: MIN_SNIPPET..MAX_SNIPPET characters after cleaning, not a caption/credit/sign-off,
    in the expected content and inside one paragraph of the page (``page_blocks`` is the
    page's visible text with paragraph boundaries marked).
    """
    body = norm(" ".join(l for l in content.split("\n") if not _CAPTION_LINE.search(l)))
    found: list[str] = []
    for sent in _SENT_SPLIT.split(body):
        s = _clean(sent)
        if len(s) < MIN_SNIPPET or _NOT_BODY.search(s):
            continue
        if s in body and s in page_blocks and s not in found:
            found.append(s)
    if len(found) <= count:
        return found
    idx = sorted({round(i * (len(found) - 1) / (count - 1)) for i in range(count)})
    return [found[i] for i in idx]


def wib_date(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=WIB).date().isoformat()


def derive() -> dict[str, dict]:
    """Every case, freshly derived from the data (no file is read from tests/golden)."""
    root = data_root()
    expected = json.loads((root / ANPANDU / "expected.json").read_text(encoding="utf-8"))
    cases: dict[str, dict] = {}
    for art in expected["articles"]:
        name = Path(art["fixture"]).stem
        rel = f"{ANPANDU}/{art['fixture']}"
        page = read_page(rel)
        cur = CURATED.get(name, {})
        must = pick_must(art["content"], visible_text(page, "¶"))
        must += [s for s in cur.get("must", []) if s not in must]
        cases[name] = {
            "page": rel,
            "url": art["url"],
            "title": norm(cur.get("title", art["title"])),
            "published": wib_date(art["date"]),
            "language": cur.get("language", "id"),
            "body_must_contain": must,
            "body_must_not_contain": list(cur.get("must_not", [])),
            "notes": cur.get("notes", ""),
        }
    for path in sorted((root / DETIK22 / "html").glob("*.html")):
        name = f"detik2022-{path.stem}"
        rel = f"{DETIK22}/html/{path.name}"
        tags = meta(read_page(rel))
        cur = CURATED.get(name, {})
        cases[name] = {
            "page": rel,
            "url": tags.get("og:url") or tags.get("canonical"),
            "title": tags["og:title"],
            "published": tags["publishdate"][:10].replace("/", "-"),
            "language": "id",
            "body_must_contain": list(cur.get("must", [])),
            "body_must_not_contain": list(cur.get("must_not", [])),
            "notes": cur.get("notes", ""),
        }
    for item in expected["mainpages"]:
        name = Path(item["fixture"]).stem
        rel = f"{ANPANDU}/{item['fixture']}"
        cases[name] = {
            "page": rel,
            "url": _index_url(read_page(rel)),
            "expect_error": "extract.no_text",
            "notes": MAINPAGE_NOTES.get(name, "")
            + " An index page, not an article: processing it must fail with extract.no_text.",
        }
    return cases


def _index_url(raw: str) -> str | None:
    head = raw.lstrip()[:200]
    if head.startswith("<?xml") or "<rss" in head:
        m = re.search(r"<channel>.*?<link>\s*([^<\s]+)\s*</link>", raw, re.DOTALL)
        return htmllib.unescape(m.group(1)) if m else None
    tags = meta(raw)
    return tags.get("og:url") or tags.get("canonical")


def verify(name: str, case: dict) -> list[str]:
    """Problems with one case's snippets against its page (empty list: all good)."""
    problems: list[str] = []
    page = read_page(case["page"])
    text = visible_text(page)
    blocks = visible_text(page, "¶")
    content = ""
    if case["page"].startswith(f"{ANPANDU}/"):
        expected = json.loads((data_root() / ANPANDU / "expected.json").read_text("utf-8"))
        rel = case["page"][len(ANPANDU) + 1 :]
        content = next(
            (norm(a["content"]) for a in expected["articles"] if a["fixture"] == rel), ""
        )
    if "expect_error" in case:
        return problems
    if case["title"] not in text and case["title"] not in norm(htmllib.unescape(page)):
        problems.append(f"title not on page: {case['title']!r}")
    noise = set(CURATED.get(name, {}).get("expected_noise", []))
    hand_picked = set(CURATED.get(name, {}).get("must", []))
    must = case["body_must_contain"]
    for s in must:
        if s != norm(s):
            problems.append(f"must snippet not normalized: {s!r}")
        if s not in text:
            problems.append(f"must snippet not in page text: {s!r}")
        elif s not in blocks:
            problems.append(f"must snippet spans a paragraph boundary on the page: {s!r}")
        if content and s not in content and s not in hand_picked:
            problems.append(f"must snippet not in expected content: {s!r}")
    for s in case["body_must_not_contain"]:
        if s != norm(s):
            problems.append(f"must-not snippet not normalized: {s!r}")
        if s not in text:
            problems.append(f"must-not snippet not in page text: {s!r}")
        if content and s in content and s not in noise:
            problems.append(f"must-not snippet is in the expected content: {s!r}")
        if any(s in m for m in must):
            problems.append(f"must-not snippet inside a must snippet: {s!r}")
    # Floors only: --update may add snippets beyond the 4-6 / 3-6 a new case starts with.
    if len(must) < 2:
        problems.append(f"{len(must)} must snippets (want 4-6; 2 only for very short bodies)")
    if len(case["body_must_not_contain"]) < 3:
        problems.append(f"{len(case['body_must_not_contain'])} must-not snippets (want 3-6)")
    return problems


def merge(old: dict, new: dict) -> dict:
    """--update: keep every existing value; only append snippets the old case lacks."""
    out = dict(old)
    for key, value in new.items():
        if key not in out:
            out[key] = value
        elif isinstance(value, list) and isinstance(out[key], list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
    return out


def write(path: Path, case: dict) -> None:
    path.write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--update", action="store_true", help="merge new snippets into existing")
    mode.add_argument("--check", action="store_true", help="only verify case files on disk")
    args = ap.parse_args(argv)
    if not (data_root() / ANPANDU).is_dir():
        print(f"shared data not found at {data_root()} (set WARTA_SHARED_DATA)", file=sys.stderr)
        return 2
    CASE_DIR.mkdir(parents=True, exist_ok=True)
    failed = False
    if args.check:
        for path in sorted(CASE_DIR.glob("*.expected.json")):
            name = path.name.removesuffix(".expected.json")
            for p in verify(name, json.loads(path.read_text("utf-8"))):
                failed = True
                print(f"{name}: {p}")
        return 1 if failed else 0
    for name, case in derive().items():
        path = CASE_DIR / f"{name}.expected.json"
        old = json.loads(path.read_text("utf-8")) if path.exists() else None
        target = case if old is None else (merge(old, case) if args.update else old)
        problems = verify(name, target)
        for p in problems:
            print(f"{name}: {p}")
        if problems:
            failed = True
            continue  # never write a case that fails its own checks
        if old is None:
            write(path, target)
            print(f"{name}: written")
        elif target != old:
            write(path, target)
            print(f"{name}: updated (snippets added)")
        elif merge(old, case) != old:
            print(f"{name}: derived case has new snippets; run with --update to add them")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
