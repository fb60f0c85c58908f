"""The bundled ``examples/``: invented but realistic inputs, one per input shape, checked end to end.

Each case states what a careful reader of the page would extract: headline, outlet,
dateline place, photo captions with their credit, language, where the article text
starts and ends, which chrome lines must leave the body (and be kept in
``boilerplate`` for audit), and that every sentence span is valid.

The examples are not tuned to the extractor. Where an assertion fails, the extractor
is wrong on a shape that real outlets produce; fix the extractor, not the example.
"""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path

import pytest

import warta
from warta.batch import process_inputs
from warta.model import Article
from warta.pipeline import check_article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# One entry per article. ``file`` is a single-document input (run through
# ``warta.process``); ``jsonl`` names a line of examples/mixed_feed.jsonl (1-based).
CASES: dict[str, dict] = {
    "kompas_dump": {
        "file": "id_dump_kompas_style.txt",
        "title": "Kebakaran Hanguskan 46 Rumah di Tanah Merah, 210 Warga Mengungsi",
        "outlet": "Kompas.com",
        "place": "JAKARTA",
        "language": "id",
        "published": ("2025-10-21", "page-text"),  # the date line under the headline
        "captions": [(
            ("Petugas gabungan memadamkan api yang membakar puluhan rumah semipermanen di kawasan "
             "Tanah Merah, Jakarta Utara, Senin (20/10/2025)."),
            "ANTARA FOTO/Rizki Pratama Yudha",
        )],
        "paragraphs": 12,
        "first": ("Kebakaran besar melanda permukiman", "pada Senin (20/10/2025) malam."),
        "last": ("Polisi masih menyelidiki penyebab kebakaran.", "di salah satu rumah warga."),
        "boilerplate": [
            "Login",
            "Kompas.com - Selasa, 21 Oktober 2025 14:05 WIB",
            "Penulis: Nadia Kusumawardani | Editor: Bagus Santoso",
            "Baca juga: Pemprov DKI Siapkan Bantuan Logistik untuk Korban Kebakaran di Jakarta Utara",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Berita Terkait",
        ],
        "not_in_body": [
            "Dapatkan aplikasi", "Login", "Kompas.com -", "Penulis:", "Baca juga", "SCROLL TO CONTINUE",
            "Berita Terkait", "Kebakaran Gudang Plastik", "Terpopuler", "Jadwal KRL", "Copyright",
            "ANTARA FOTO", "Petugas gabungan memadamkan",
        ],
        "sentences_include": [
            ('"Api cepat membesar karena angin cukup kencang dan sebagian besar bangunan terbuat dari '
             'kayu dan tripleks," kata Hendra saat ditemui di lokasi, Selasa (21/10/2025).'),
        ],
    },
    "antara_html": {
        "file": "id_antara_style.html",
        "title": "Polisi tangkap tiga terduga provokator ricuh unjuk rasa di Jakarta",
        "outlet": "ANTARA",
        "place": "Jakarta",
        "language": "id",
        "published": ("2025-10-14", "html-meta"),
        "captions": [(
            ("Sejumlah buruh berunjuk rasa di depan Gedung DPR RI, Senayan, Jakarta, Senin (13/10/2025). "
             "Aksi tersebut sempat diwarnai kericuhan setelah sekelompok orang melempar batu ke arah petugas."),
            "ANTARA FOTO/Dimas Ardian Putra/wsj",
        )],
        "paragraphs": 10,
        "first": ("Kepolisian Daerah Metro Jaya menangkap tiga orang", "Senayan, Jakarta, pada Senin (13/10)."),
        "last": ("Polda Metro Jaya menyatakan akan menjerat", "lima tahun enam bulan penjara."),
        "boilerplate": [
            "Baca juga: Ribuan buruh tuntut kenaikan upah minimum 2026",
            "Pewarta: Wisnu Adhi Prakoso",
            "Copyright © ANTARA 2025",
        ],
        "not_in_body": [
            "Jakarta (ANTARA)", "Bagikan", "WhatsApp", "Baca juga", "Ribuan buruh tuntut", "Pewarta",
            "Editor:", "Copyright", "Tag:", "Berita Terkait", "Pimpinan DPR janji", "Terpopuler",
            "Pedoman Media Siber", "ANTARA FOTO", "Sejumlah buruh berunjuk rasa", "Beranda",
        ],
        "sentences_include": [
            ('"Ketiganya kami amankan karena diduga melempar batu dan botol ke arah petugas serta '
             'merusak pagar gedung DPR," kata Arif.'),
        ],
    },
    "reuters_html": {
        "file": "en_reuters_style.html",
        "title": "US, Japan agree to tighten export curbs on Myanmar junta's jet fuel suppliers",
        "outlet": "Reuters",
        "place": "WASHINGTON",
        "language": "en",
        "published": ("2025-10-16", "html-meta"),
        "captions": [(
            ("U.S. Secretary of State Marcus Hale shakes hands with Japan's Foreign Minister Hiroshi Tanabe "
             "before their meeting at the State Department in Washington, U.S., October 16, 2025."),
            "REUTERS/Laura Whitfield",
        )],
        "paragraphs": 9,
        "first": ("The United States and Japan agreed on Thursday", "carry out air strikes on civilians."),
        "last": ("The two ministers also discussed North Korea", "around Taiwan, the official said."),
        "boilerplate": [
            "Read Next: Myanmar junta extends state of emergency for six months",
            ("Reporting by Daniel Whitcombe and Keiko Arai; Additional reporting by Martin Kessler in Bangkok; "
             "Editing by Peter Harland and Grant Oakes"),
        ],
        "not_in_body": [
            "WASHINGTON (Reuters)", "Sign In", "Purchase Licensing", "Read Next", "Reporting by",
            "Editing by", "Our Standards", "Trust Principles", "REUTERS/", "Thailand says it will not",
            "Get the Reuters app", "All rights reserved",
        ],
        "sentences_include": [
            ("Secretary of State Marcus Hale met Japanese Foreign Minister Hiroshi Tanabe at the State "
             "Department for about two hours, according to a senior State Department official who briefed "
             "reporters on condition of anonymity."),
        ],
    },
    "english_dump": {
        "file": "en_dump.txt",
        "title": "Wildfire forces evacuation of 1,800 homes near Millbrook",
        "outlet": None,  # no dateline outlet; the masthead "The Harbor Courier" is not read for dumps
        "place": "MILLBROOK, Ore.",
        "language": "en",
        "published": ("2025-10-21", "page-text"),  # "Updated: Oct. 21, 2025, 6:42 p.m. ET"
        "captions": [(
            "Firefighters battle a brush fire on the hillside above Route 9 near Millbrook on Tuesday afternoon.",
            "AP",
        )],
        "paragraphs": 8,
        "first": ("A fast-moving wildfire fanned by dry easterly winds", "on Tuesday, fire officials said."),
        "last": ("An evacuation shelter has opened", "at Millbrook High School."),
        "boilerplate": [
            "Subscribe", "Sign In", "By Jane Doe", "Updated: Oct. 21, 2025, 6:42 p.m. ET", "Advertisement",
            "Read more: How to prepare a go-bag before wildfire season", "Share this article",
            "Tags: wildfire, Oregon, evacuations", "More from The Harbor Courier",
        ],
        "not_in_body": [
            "The Harbor Courier", "Subscribe", "By Jane Doe", "Updated:", "Photo: AP", "Firefighters battle",
            "Advertisement", "Read more", "Share this article", "Tags:", "More from",
            "Council approves new bike lanes", "Ferry service", "Copyright",
        ],
        "sentences_include": [
            ("Gov. Ellen Marsh declared a state of emergency for the county on Tuesday evening, freeing up "
             "state resources for the firefighting effort."),
        ],
    },
    "tempo_dump": {
        "file": "id_tempo_style.txt",
        "title": "Menlu: Indonesia Tidak Berencana Kirim Pasukan ke Laut Cina Selatan",
        "outlet": "Tempo",
        "place": "Jakarta",
        "language": "id",
        "published": ("2025-10-22", "page-text"),
        "captions": [(
            "Menteri Luar Negeri RI saat memberikan keterangan kepada wartawan di Gedung Pancasila, Jakarta.",
            "TEMPO/Arief Nugroho",
        )],
        "paragraphs": 4,
        "first": ("Menteri Luar Negeri Indonesia menegaskan", "dalam beberapa pekan terakhir."),
        "last": ("Menurut dia, Indonesia akan mengusulkan", "kode etik di Laut Cina Selatan."),
        "boilerplate": [
            "Login", "Reporter: Yusuf Hamdani", "Editor: Ratna Widyastuti", "Rabu, 22 Oktober 2025 16:20 WIB",
            "Pilihan Editor: DPR Minta Bakamla Perketat Patroli di Natuna", "Artikel Terkait",
        ],
        "not_in_body": [
            "TEMPO.CO", "Login", "Reporter:", "Editor:", "22 Oktober 2025 16:20", "Foto:", "Gedung Pancasila",
            "Pilihan Editor", "Artikel Terkait", "Bakamla Usir", "Perundingan Kode Etik",
        ],
        # negated and hypothetical statements the event stage must read as such
        "sentences_include": [
            '"Indonesia tidak berencana menyerang atau memprovokasi negara mana pun.',
            ("Ia mengatakan sejumlah negara anggota ASEAN khawatir insiden antara kapal penjaga pantai di "
             "kawasan itu akan memicu konflik terbuka jika tidak segera diredakan."),
        ],
    },
    "jsonl_en_business": {
        "jsonl": 1,
        "title": "Central bank holds rates steady as rupiah steadies",
        "outlet": "Business Daily Asia",
        "place": None,
        "language": "en",
        "published": ("2025-10-22", "input-field"),
        "captions": [],
        "paragraphs": 4,
        "first": ("Bank Indonesia kept its benchmark interest rate", "after weeks of volatility."),
        "last": ("The central bank said it still saw room", "global financial conditions improved."),
        "boilerplate": [],
        "not_in_body": [],
        "sentences_include": ["Most economists polled before the meeting had expected no change."],
    },
    "jsonl_id_liputan6": {
        "jsonl": 2,
        "title": "Pemerintah Tetapkan Status Tanggap Darurat Banjir di Tiga Kabupaten",
        "outlet": "Liputan6.com",
        "place": "Jakarta",
        "language": "id",
        "published": ("2025-10-20", "input-field"),
        "captions": [],
        "paragraphs": 4,
        "first": ("Badan Nasional Penanggulangan Bencana (BNPB) menetapkan", "sejak Sabtu (18/10/2025)."),
        "last": ("Hingga Senin sore, tercatat lebih dari 31.000 warga", "Tidak ada laporan korban jiwa."),
        "boilerplate": ["Baca Juga"],
        "not_in_body": ["Liputan6.com", "Baca Juga"],
        "sentences_include": ["Tidak ada laporan korban jiwa."],
    },
    "jsonl_id_kpk": {
        "jsonl": 3,
        "title": "KPK Periksa Dua Pejabat Dinas PUPR Terkait Dugaan Suap Proyek Jalan",
        "outlet": "Berita Harian",
        "place": None,
        "language": "id",
        "published": ("2025-10-21", "input-field"),
        "captions": [],
        "paragraphs": 4,
        "first": ("Komisi Pemberantasan Korupsi (KPK) memeriksa", "senilai Rp 48 miliar."),
        "last": ("KPK sebelumnya telah menetapkan tiga orang", "selama 20 hari pertama."),
        "boilerplate": [],
        "not_in_body": [],
        "sentences_include": [],
    },
}
IDS = sorted(CASES)


@functools.lru_cache(maxsize=1)
def _jsonl_records() -> dict[int, Article]:
    records: list[Article] = []
    summary = process_inputs([str(EXAMPLES / "mixed_feed.jsonl")], warta.Pipeline(), store=None,
                             on_record=records.append)
    assert summary.failed == 0, summary.failures
    return {record.source.line: record for record in records}


@functools.cache
def _record(case_id: str) -> Article:
    case = CASES[case_id]
    if "file" in case:
        return warta.process((EXAMPLES / case["file"]).read_text(encoding="utf-8"))
    return _jsonl_records()[case["jsonl"]]


def _paragraphs(record: Article) -> list[str]:
    return record.body.split("\n\n")


def test_every_example_file_is_covered_and_processes() -> None:
    files = sorted(p.name for p in EXAMPLES.iterdir() if not p.name.startswith("."))
    covered = {c["file"] for c in CASES.values() if "file" in c} | {"mixed_feed.jsonl"}
    assert set(files) == covered
    records: list[Article] = []
    summary = process_inputs([str(EXAMPLES)], warta.Pipeline(), store=None, on_record=records.append)
    assert (summary.articles, summary.failed) == (len(CASES), 0), summary.failures


@pytest.mark.parametrize("case_id", IDS)
def test_title(case_id: str) -> None:
    assert _record(case_id).title == CASES[case_id]["title"]


@pytest.mark.parametrize("case_id", IDS)
def test_outlet(case_id: str) -> None:
    assert _record(case_id).outlet == CASES[case_id]["outlet"]


@pytest.mark.parametrize("case_id", IDS)
def test_dateline(case_id: str) -> None:
    record, place = _record(case_id), CASES[case_id]["place"]
    assert (record.dateline.place if record.dateline else None) == place


@pytest.mark.parametrize("case_id", IDS)
def test_published(case_id: str) -> None:
    record, expected = _record(case_id), CASES[case_id]["published"]
    got = (record.published.date, record.published.basis) if record.published else None
    assert got == expected


@pytest.mark.parametrize("case_id", IDS)
def test_language(case_id: str) -> None:
    assert _record(case_id).language == CASES[case_id]["language"]


@pytest.mark.parametrize("case_id", IDS)
def test_captions(case_id: str) -> None:
    """Each photo caption once (dumps print it twice), its credit split off the text."""
    got = [(c.text, c.credit) for c in _record(case_id).captions]
    assert got == CASES[case_id]["captions"]


@pytest.mark.parametrize("case_id", IDS)
def test_body_starts_and_ends_with_the_article(case_id: str) -> None:
    case, paragraphs = CASES[case_id], _paragraphs(_record(case_id))
    assert paragraphs[0].startswith(case["first"][0]), paragraphs[0]
    assert paragraphs[0].endswith(case["first"][1]), paragraphs[0]
    assert paragraphs[-1].startswith(case["last"][0]), paragraphs[-1]
    assert paragraphs[-1].endswith(case["last"][1]), paragraphs[-1]
    assert len(paragraphs) == case["paragraphs"]


@pytest.mark.parametrize("case_id", IDS)
def test_body_is_clean(case_id: str) -> None:
    record = _record(case_id)
    body = record.body
    assert body == body.strip() and "\n\n\n" not in body
    assert all(p and p == p.strip() and "\n" not in p for p in _paragraphs(record))
    leaked = [s for s in CASES[case_id]["not_in_body"] if s in body]
    assert not leaked, f"chrome left in the body: {leaked}"
    if record.title:
        assert not body.startswith(record.title)


@pytest.mark.parametrize("case_id", IDS)
def test_removed_chrome_is_kept_for_audit(case_id: str) -> None:
    boilerplate = _record(case_id).boilerplate
    missing = [line for line in CASES[case_id]["boilerplate"] if line not in boilerplate]
    assert not missing, f"not in boilerplate: {missing}; got {list(boilerplate)}"


@pytest.mark.parametrize("case_id", IDS)
def test_sentence_spans(case_id: str) -> None:
    """Spans hold (check_article), sit inside one paragraph, are trimmed, ordered and cover the text."""
    record = _record(case_id)
    check_article(record)
    assert record.sentences
    by_field: dict[str, list[tuple[int, int]]] = {}
    for sentence in record.sentences:
        text = record.text_of(sentence.field)
        piece = text[sentence.start : sentence.end]
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert piece == piece.strip() and "\n\n" not in piece, (sentence, piece)
        by_field.setdefault(sentence.field, []).append((sentence.start, sentence.end))
    for name, text in record.text_fields():
        spans = by_field.get(name, [])
        assert spans == sorted(spans), name
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), f"overlapping sentences in {name}"
        covered = set()
        for start, end in spans:
            covered.update(range(start, end))
        uncovered = "".join(ch for i, ch in enumerate(text) if i not in covered).strip()
        assert not uncovered, f"{name}: text outside every sentence: {uncovered[:80]!r}"
    sentences = {record.text_of(s.field)[s.start : s.end] for s in record.sentences}
    missing = [s for s in CASES[case_id]["sentences_include"] if s not in sentences]
    assert not missing, f"expected sentences not found: {missing}"


@pytest.mark.parametrize("case_id", IDS)
def test_record_round_trips_through_json(case_id: str) -> None:
    data = json.loads(json.dumps(_record(case_id).to_dict(), ensure_ascii=False))
    assert Article.from_dict(data).body == data["body"]
    for sentence in data["sentences"]:
        field = sentence["field"]
        text = (data["title"] if field == "title" else data["body"] if field == "body"
                else data["captions"][int(field.split(":")[1])]["text"])
        assert text[sentence["start"] : sentence["end"]].strip()
