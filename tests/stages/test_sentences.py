"""The sentences stage: splitting rules per language, span invariants, and the stage contract."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.config import Options
from warta.model import Article, Caption, Source
from warta.resources import load
from warta.stages.sentences import find_sentences, segment


def sentences(text: str, lang: str | None) -> list[str]:
    return [text[start:end] for start, end in segment(text, lang)]


# Passages from /work/shared/examples/000_c55a8262d8eb67cc.txt (Berita Baru, 2022-01-21).
BLINKEN = (
    "“Tetapi saya berharap dan berharap bahwa kita dapat menguji apakah jalan diplomasi, "
    "dialog tetap terbuka. Kami berkomitmen untuk menempuh jalan itu, untuk menyelesaikan "
    "perbedaan-perbedaan kita secara damai dan saya berharap untuk menguji proposisi itu "
    "hari ini,” kata Blinken, dalam konferensi persnya sendiri, dilansir dari Reuters."
)
LAVROV = (
    "Hal tersebut disampaikan Lavrov dalam sebuah konferensi pers pada Jumat (21/1), "
    "setelah ia bertemu dengan Menteri Luar Negeri AS Antony Blinken."
)
SEED_BODY = (
    "Berita Baru, Moskow – Menteri Luar Negeri Rusia Sergei Lavrov mengatakan dialog dengan "
    "AS tentang konflik perbatasan Ukraina akan berlanjut saat pertemuan di Jenewa berakhir."
    "\n\n" + LAVROV + "\n\n"
    "Rusia ingin NATO berjanji untuk tidak mengakui Ukraina sebagai anggotanya dan telah "
    "mendesak aliansi militer Barat untuk menghentikan ekspansi ke arah timur.\n\n"
    "NATO telah menolak tuntutan tersebut.\n\n" + BLINKEN + "\n\n"
    "Dalam konferensi pers itu, Biden memperkirakan Rusia akan “masuk” ke Ukraina dan jika itu "
    "terjadi, Biden mengatakan Rusia akan membayar mahal."
)
SEED_CAPTION = (
    "Seorang penduduk setempat berjalan dengan sepedanya di wilayah Donetsk, Ukraina, "
    "20 Januari 2022. Foto: Reuters."
)


def test_seed_blinken_quote_keeps_its_cue():
    got = sentences(BLINKEN, "id")
    assert got == [
        BLINKEN[: BLINKEN.index("terbuka.") + len("terbuka.")],
        BLINKEN[BLINKEN.index("Kami berkomitmen") :],
    ]
    assert got[-1].endswith(
        ",” kata Blinken, dalam konferensi persnya sendiri, dilansir dari Reuters."
    )


def test_seed_date_in_brackets_does_not_split():
    assert sentences(LAVROV, "id") == [LAVROV]


def test_seed_body():
    got = sentences(SEED_BODY, "id")
    assert len(got) == 7
    assert got[0].startswith("Berita Baru, Moskow – ") and got[0].endswith("berakhir.")
    assert got[1] == LAVROV
    assert got[3] == "NATO telah menolak tuntutan tersebut."
    assert got[5].endswith("dilansir dari Reuters.")
    assert "“masuk” ke Ukraina" in got[6]


def test_seed_caption():
    assert sentences(SEED_CAPTION, "id") == [
        SEED_CAPTION[: -len(" Foto: Reuters.")],
        "Foto: Reuters.",
    ]


ID_CASES = {
    "paragraph break": ("Ia datang\n\nlalu pergi.", ["Ia datang", "lalu pergi."]),
    "single newline": (
        "Judul tanpa titik\nIsi berita ini.",
        ["Judul tanpa titik", "Isi berita ini."],
    ),
    "newline before lowercase": ("Ia datang\nlalu pergi.", ["Ia datang", "lalu pergi."]),
    "titles and degrees": (
        "Prof. Dr. Ir. H. Ahmad, S.H., M.Si. hadir. Hj. Siti juga.",
        ["Prof. Dr. Ir. H. Ahmad, S.H., M.Si. hadir.", "Hj. Siti juga."],
    ),
    "degree ends a sentence": (
        "Ia lulus sebagai S.H. Kemudian ia bekerja.",
        ["Ia lulus sebagai S.H.", "Kemudian ia bekerja."],
    ),
    "military ranks": (
        "Kol. Budi dan Brigjen. Andi tiba. Mereka rapat.",
        ["Kol. Budi dan Brigjen. Andi tiba.", "Mereka rapat."],
    ),
    "address and number": (
        "Kantornya di Jl. Sudirman No. 5, Jakarta. Ia pindah.",
        ["Kantornya di Jl. Sudirman No. 5, Jakarta.", "Ia pindah."],
    ),
    "no. is a word before a non-number": (
        "Ia menjawab no. Lalu pergi.",
        ["Ia menjawab no.", "Lalu pergi."],
    ),
    "hal. only before a number": (
        "Lihat hal. 12 buku itu. Dalam banyak hal. Selain itu ia diam.",
        ["Lihat hal. 12 buku itu.", "Dalam banyak hal.", "Selain itu ia diam."],
    ),
    "dll. mid-sentence": ("Buku, pena, dll. dibawa siswa.", ["Buku, pena, dll. dibawa siswa."]),
    "dll. ends a sentence": (
        "Buku, pena, dll. Selain itu tas.",
        ["Buku, pena, dll.", "Selain itu tas."],
    ),
    "dsb. and a.n.": (
        "Transfer a.n. Budi untuk sewa dsb. sudah masuk.",
        ["Transfer a.n. Budi untuk sewa dsb. sudah masuk."],
    ),
    "tgl. and month": (
        "Ia lahir tgl. 5 Jan. 1980 di Bandung.",
        ["Ia lahir tgl. 5 Jan. 1980 di Bandung."],
    ),
    "initials": (
        "Ketua majelis Dame P. Pandiangan hadir. Sidang dibuka.",
        ["Ketua majelis Dame P. Pandiangan hadir.", "Sidang dibuka."],
    ),
    "dotted initials": (
        "Ia aktif bersama H.O.S. Tjokroaminoto. Lalu keluar.",
        ["Ia aktif bersama H.O.S. Tjokroaminoto.", "Lalu keluar."],
    ),
    "roman numeral before a quote": (
        'Dibahas unit eselon I. "Kita paham," katanya.',
        ["Dibahas unit eselon I.", '"Kita paham," katanya.'],
    ),
    "decimals and thousands": (
        "Inflasi 3.5 persen, atau Rp 1.000.000. Angka itu naik.",
        ["Inflasi 3.5 persen, atau Rp 1.000.000.", "Angka itu naik."],
    ),
    "year ends a sentence": (
        "Itu terjadi pada 2014. Rusia membantah.",
        ["Itu terjadi pada 2014.", "Rusia membantah."],
    ),
    "time": ("Rapat pukul 10.30 WIB. Semua hadir.", ["Rapat pukul 10.30 WIB.", "Semua hadir."]),
    "bracketed date": ("Pada Rabu (18/1). Biden bicara.", ["Pada Rabu (18/1).", "Biden bicara."]),
    "outlet names and urls": (
        (
            "JAKARTA, KOMPAS.com - Hal itu dikutip dari detik.com. "
            "Info di www.x.co.id atau a.b@x.co.id ya."
        ),
        [
            "JAKARTA, KOMPAS.com - Hal itu dikutip dari detik.com.",
            "Info di www.x.co.id atau a.b@x.co.id ya.",
        ],
    ),
    "ellipsis then lowercase": ("Ia diam... kemudian pergi.", ["Ia diam... kemudian pergi."]),
    "ellipsis then capital": ("Ia diam… Kemudian pergi.", ["Ia diam…", "Kemudian pergi."]),
    "leading ellipsis": ("... Dan ia pergi.", ["... Dan ia pergi."]),
    "numbered list": ("1. Pertama ini.\n2. Kedua itu.", ["1. Pertama ini.", "2. Kedua itu."]),
    "inline list marker": (
        "Dua hal penting. 1. Anggaran naik.",
        ["Dua hal penting.", "1. Anggaran naik."],
    ),
    "question and exclamation": (
        "Apa kabar? Baik! Terima kasih.",
        ["Apa kabar?", "Baik!", "Terima kasih."],
    ),
    "curly quote closes the sentence": (
        "Ia berkata, “Saya setuju.” Lalu pergi.",
        ["Ia berkata, “Saya setuju.”", "Lalu pergi."],
    ),
    "straight quote closes the sentence": (
        'Ia berkata, "Saya setuju." Lalu pergi.',
        ['Ia berkata, "Saya setuju."', "Lalu pergi."],
    ),
    "quote then lowercase cue": (
        "“Kenapa?” tanya Lavrov. Ia diam.",
        ["“Kenapa?” tanya Lavrov.", "Ia diam."],
    ),
    "quote then name and cue": (
        "“Kenapa?” Lavrov bertanya. Ia diam.",
        ["“Kenapa?” Lavrov bertanya.", "Ia diam."],
    ),
    "multi-sentence quote with cue": (
        "“Kami siap. Kami menunggu. Kami datang,” kata Lavrov. Ia pergi.",
        ["“Kami siap.", "Kami menunggu.", "Kami datang,” kata Lavrov.", "Ia pergi."],
    ),
    "period inside quote then cue": (
        "“Kami siap.” kata Lavrov.",
        ["“Kami siap.” kata Lavrov."],
    ),
    "closing bracket": ("(Foto: Reuters.) Ia hadir.", ["(Foto: Reuters.)", "Ia hadir."]),
    "headline capitals": (
        "DR. BUDI TIBA DI JL. SUDIRMAN. WARGA MENYAMBUT.",
        ["DR. BUDI TIBA DI JL. SUDIRMAN.", "WARGA MENYAMBUT."],
    ),
}

EN_CASES = {
    "paragraph break": ("He came\n\nthen left.", ["He came", "then left."]),
    "titles": (
        "Mr. and Mrs. Smith met Dr. Jones. They left.",
        ["Mr. and Mrs. Smith met Dr. Jones.", "They left."],
    ),
    "saint and ranks": (
        "St. Louis police Lt. Col. Ann Smith spoke. Gov. Bevin did not.",
        ["St. Louis police Lt. Col. Ann Smith spoke.", "Gov. Bevin did not."],
    ),
    "initials": (
        "Antony J. Blinken and J. R. R. Tolkien met. Nobody saw.",
        ["Antony J. Blinken and J. R. R. Tolkien met.", "Nobody saw."],
    ),
    "u.s. before a name": (
        "It said U.S. Secretary of State Antony Blinken left. Then.",
        ["It said U.S. Secretary of State Antony Blinken left.", "Then."],
    ),
    "company ends a sentence": (
        "Shares fell at Tesla Inc. The company said so.",
        ["Shares fell at Tesla Inc.", "The company said so."],
    ),
    "company mid-sentence": ("Tesla Inc. said it would grow.", ["Tesla Inc. said it would grow."]),
    "corp. and vs.": (
        "Acme Corp. vs. Smith was heard. It ended.",
        ["Acme Corp. vs. Smith was heard.", "It ended."],
    ),
    "e.g. and i.e.": (
        "Some, e.g. Paris, i.e. France, agreed. Others did not.",
        ["Some, e.g. Paris, i.e. France, agreed.", "Others did not."],
    ),
    "months": (
        "It began on Jan. 5 and ended Feb. 9, 2022. Talks resume.",
        ["It began on Jan. 5 and ended Feb. 9, 2022.", "Talks resume."],
    ),
    "number abbreviation": (
        "Federer plays No. 6 Berdych. He said no. Then he left.",
        ["Federer plays No. 6 Berdych.", "He said no.", "Then he left."],
    ),
    "a.m. ends a sentence": (
        "We left at 5 p.m. The rest stayed.",
        ["We left at 5 p.m.", "The rest stayed."],
    ),
    "state abbreviation": (
        "He lives in Sacramento, Calif. He works.",
        ["He lives in Sacramento, Calif.", "He works."],
    ),
    "decimals": (
        "Growth was 3.5 percent, or $1,000.50. Analysts agreed.",
        ["Growth was 3.5 percent, or $1,000.50.", "Analysts agreed."],
    ),
    "urls": (
        "See reuters.com. Or email a@b.co.uk today.",
        ["See reuters.com.", "Or email a@b.co.uk today."],
    ),
    "ellipsis": (
        "He paused... then spoke. Wait… What?",
        ["He paused... then spoke.", "Wait…", "What?"],
    ),
    "quote ends a sentence": (
        'He said, "We agree." Then he left.',
        ['He said, "We agree."', "Then he left."],
    ),
    "quote with lowercase cue": (
        "“We are ready. We will talk,” said Blinken. He left.",
        ["“We are ready.", "We will talk,” said Blinken.", "He left."],
    ),
    "question quote with capitalized speaker": (
        '"Why?" Blinken asked. "Because!" he said.',
        ['"Why?" Blinken asked.', '"Because!" he said.'],
    ),
    "question quote then new sentence": (
        '"Why?" The room fell silent.',
        ['"Why?"', "The room fell silent."],
    ),
    "approx. before lowercase": (
        "It was approx. five miles. We walked.",
        ["It was approx. five miles.", "We walked."],
    ),
    "all lowercase text": (
        "the committee met. dr. smith said no. he left.",
        ["the committee met.", "dr. smith said no.", "he left."],
    ),
}


@pytest.mark.parametrize(("text", "expected"), ID_CASES.values(), ids=ID_CASES.keys())
def test_indonesian(text, expected):
    assert sentences(text, "id") == expected


@pytest.mark.parametrize(("text", "expected"), EN_CASES.values(), ids=EN_CASES.keys())
def test_english(text, expected):
    assert sentences(text, "en") == expected


@pytest.mark.parametrize("lang", ["ms", None, "fr"])
def test_malay_and_unknown_languages_use_indonesian_knowledge(lang):
    text = "Ia tinggal di Jl. Sudirman No. 5. Prof. Budi datang."
    assert sentences(text, lang) == ["Ia tinggal di Jl. Sudirman No. 5.", "Prof. Budi datang."]


@pytest.mark.parametrize("lang", [None, "de"])
def test_unknown_languages_also_use_english_knowledge(lang):
    text = "Mr. Smith met Sen. Jones. They spoke."
    assert sentences(text, lang) == ["Mr. Smith met Sen. Jones.", "They spoke."]


def test_knowledge_stays_per_language():
    # "Mr." is in both lists; "Sen." only in English, "Jl." only in Indonesian.
    assert sentences("Ia bertemu Sen. Budi lagi.", "id") == ["Ia bertemu Sen.", "Budi lagi."]
    assert sentences("He went to Jl. Sudirman today.", "en") == [
        "He went to Jl.",
        "Sudirman today.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n\t ",
        "...",
        "?!",
        ". . .",
        "“”",
        "😀. 😀! ok.",
        "\u202eاختبار. مرحبا؟ نعم",
        "a\x00b. C\x1fd.\x85E.",
        "\r\n\u2028\u2029",
        "x" + " " * 50 + ".",
        "(((",
        "A. " * 50,
    ],
)
def test_odd_inputs(text):
    check_spans(text, segment(text, "id"))


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "." * 100_000,
        ". " * 50_000,
        "A. " * 50_000,
        '."' * 50_000,
        "x" + " " * 100_000 + "y",
        "“Ya?” " + "Kata " * 30_000,
    ],
)
def test_pathological_inputs_stay_linear(text):
    # Each takes a few ms when the candidate regex is linear; quadratic would take minutes.
    check_spans(text, segment(text, None))


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip(), (start, end, piece)
        assert start >= previous_end
        previous_end = end
    if text.strip():
        assert spans, "text with non-space characters yields at least one sentence"


_ALPHABET = st.sampled_from(
    list("aAbBzZ09 .,;:!?…\"'“”‘’()[]«»-–/@\n\t\r\xa0\u2028\x0b\x1c\x85")
    + [
        "Dr.",
        "Jl.",
        "No.",
        "dll.",
        "U.S.",
        "J.",
        "3.5",
        "kata",
        "Kemudian",
        "…",
        "😀",
        "ي",
        "\u200b",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(), st.lists(_ALPHABET, max_size=60).map("".join)),
    lang=st.sampled_from(["id", "en", "ms", None, "xx"]),
)
def test_property_spans_are_valid(text, lang):
    check_spans(text, segment(text, lang))


@settings(max_examples=100, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=60).map("".join))
def test_property_no_span_crosses_a_line_break(text):
    for start, end in segment(text, "id"):
        assert len(text[start:end].splitlines()) == 1


def test_stage_covers_title_body_and_captions():
    article = Article(
        source=Source(format="text"),
        language="id",
        title="Rusia dan AS Lanjutkan Dialog Konflik Ukraina Pasca Pertemuan di Jenewa",
        body=SEED_BODY,
        captions=(Caption(SEED_CAPTION, credit="Reuters"), Caption("Lavrov. Blinken.")),
    )
    out = find_sentences(article, Options())
    fields = [s.field for s in out.sentences]
    assert fields == ["title"] + ["body"] * 7 + ["caption:0"] * 2 + ["caption:1"] * 2
    for sentence in out.sentences:
        piece = out.text_of(sentence.field)[sentence.start : sentence.end]
        assert piece and piece == piece.strip()
    assert out.text_of("title")[out.sentences[0].start : out.sentences[0].end] == article.title
    assert out.body == article.body and out.captions == article.captions


def test_stage_without_title_or_language():
    article = Article(source=Source(format="text"), body="Mr. Smith came. He left.\n\nBye.")
    out = find_sentences(article, Options())
    assert [out.body[s.start : s.end] for s in out.sentences] == [
        "Mr. Smith came.",
        "He left.",
        "Bye.",
    ]
    assert {s.field for s in out.sentences} == {"body"}


def test_stage_on_empty_article():
    out = find_sentences(Article(source=Source(format="text")), Options())
    assert out.sentences == ()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rules_name_only_known_abbreviations(lang):
    abbreviations = set(load(lang, "abbreviations.txt"))
    rules = load(lang, "sentence_rules.yaml")
    for key in ("may_end_sentence", "before_number"):
        assert set(rules[key]) <= abbreviations, key
    assert all(word.endswith(".") for word in abbreviations)
