"""The ``times`` stage: expressions found, values resolved, checks turned into warnings."""

from __future__ import annotations

import pytest

import warta
from warta.config import Options
from warta.dates.published import parse_field_date, parse_written_date
from warta.model import Article, Caption, Published, Source
from warta.pipeline import Pipeline, check_article
from warta.stages.times import find_times

FRIDAY = "2022-01-21"  # the seed's publication day, a Friday


def _times(body: str, lang: str = "id", published: str | None = FRIDAY, title: str | None = None,
           captions: tuple[Caption, ...] = ()) -> Article:
    article = Article(
        source=Source(format="text"), title=title, body=body, captions=captions, language=lang,
        published=Published(date=published, precision="day", basis="input-field") if published else None,
    )
    article = find_times(article, Options())
    check_article(article)
    return article


def _values(body: str, lang: str = "id", published: str | None = FRIDAY) -> list[tuple[str, str | None, str]]:
    return [(t.span.text, t.value, t.granularity) for t in _times(body, lang, published).times]


# --- the seed page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_record(seed_text):
    return warta.process(seed_text, options=Options(debug=True))


def _seed_time(record, text):
    matches = [t for t in record.times if t.span.text == text]
    assert matches, f"{text!r} not found in {[t.span.text for t in record.times]}"
    return matches[0]


def test_seed_friday_borrows_the_year_of_the_caption(seed_record):
    friday = _seed_time(seed_record, "Jumat (21/1)")
    assert (friday.value, friday.granularity, friday.warnings) == ("2022-01-21", "day", ())


def test_seed_wednesday_keeps_the_written_date_and_warns(seed_record):
    wednesday = _seed_time(seed_record, "Rabu (18/1)")
    assert wednesday.value == "2022-01-18"
    assert len(wednesday.warnings) == 1
    assert "Tuesday" in wednesday.warnings[0] and "2022-01-19" in wednesday.warnings[0]
    assert any("Rabu (18/1)" in w and "weekday mismatch" in w for w in seed_record.warnings)


def test_seed_other_dates(seed_record):
    assert _seed_time(seed_record, "20 Januari 2022").value == "2022-01-20"
    assert (_seed_time(seed_record, "2014").value, _seed_time(seed_record, "2014").granularity) == ("2014", "year")
    assert _seed_time(seed_record, "hari ini").value == "2022-01-21"


def test_seed_publication_date_is_inferred(seed_record):
    assert seed_record.published == Published(date="2022-01-21", precision="day", basis="body-mentions")


def test_seed_warns_only_about_the_wednesday(seed_record):
    assert len(seed_record.warnings) == 1


# --- expressions the issue names, against Friday 2022-01-21 --------------------------------

INDONESIAN = [
    ("pada 20 Januari 2022 lalu", "20 Januari 2022", "2022-01-20", "day"),
    ("tanggal 21/1/2022 itu", "21/1/2022", "2022-01-21", "day"),
    ("Jumat, 21 Jan 2022 14:05 WIB", "Jumat, 21 Jan 2022 14:05 WIB", "2022-01-21", "day"),
    ("terjadi pada 2014.", "2014", "2014", "year"),
    ("sejak tahun 2014 silam", "tahun 2014", "2014", "year"),
    ("hingga Oktober 2025.", "Oktober 2025", "2025-10", "month"),
    ("rampung akhir 2024.", "akhir 2024", "2024", "year"),
    ("dimulai awal tahun depan.", "awal tahun depan", "2023", "year"),
    ("dalam konferensi pers pada Jumat (21/1), ia", "Jumat (21/1)", "2022-01-21", "day"),
    ("ditangkap Selasa (21/10/2025).", "Selasa (21/10/2025)", "2025-10-21", "day"),
    ("ditangkap Senin (17/1) malam.", "Senin (17/1) malam", "2022-01-17", "day"),
    ("Ia tiba kemarin.", "kemarin", "2022-01-20", "day"),
    ("Sidang digelar lusa.", "lusa", "2022-01-23", "day"),
    ("Ia datang hari ini.", "hari ini", "2022-01-21", "day"),
    ("Ia akan datang besok.", "besok", "2022-01-22", "day"),
    ("Rapat digelar Senin lalu.", "Senin lalu", "2022-01-17", "day"),
    ("Ia ditangkap pekan lalu.", "pekan lalu", "2022-01-10", "week"),
    ("Rapat digelar minggu depan.", "minggu depan", "2022-01-24", "week"),
    ("Harga naik bulan lalu.", "bulan lalu", "2021-12", "month"),
    ("Ekspor turun tahun lalu.", "tahun lalu", "2021", "year"),
    ("Ia tiba dua hari lalu.", "dua hari lalu", "2022-01-19", "day"),
    ("Harga naik dalam tiga pekan terakhir.", "tiga pekan terakhir", "2021-12-27", "week"),
    ("Ledakan terdengar Rabu malam.", "Rabu malam", "2022-01-19", "day"),
    ("Ia tiba sepekan lalu.", "sepekan lalu", "2022-01-10", "week"),
    ("Ia ditahan sejak 28 Desember.", "28 Desember", "2021-12-28", "day"),
    ("Pertemuan digelar Minggu (16/1).", "Minggu (16/1)", "2022-01-16", "day"),
    ("Ia tiba 3 hari yang lalu.", "3 hari yang lalu", "2022-01-18", "day"),
    ("Kasus itu terjadi 23 Maret lalu.", "23 Maret lalu", "2021-03-23", "day"),
    ("Bantuan untuk periode Oktober-Desember 2021.", "Oktober-Desember 2021", "2021-10", "month"),
    ("survei pada 13 sampai dengan 25 Januari 2022", "13 sampai dengan 25 Januari 2022", "2022-01-13", "day"),
    ("Ia akan berangkat Senin.", "Senin", "2022-01-24", "day"),
    ("Ia berangkat Senin.", "Senin", "2022-01-17", "day"),
]

ENGLISH = [
    ("He arrived on Jan. 21, 2022.", "Jan. 21, 2022", "2022-01-21", "day"),
    ("They met on Friday.", "Friday", "2022-01-21", "day"),
    ("They met last week.", "last week", "2022-01-10", "week"),
    ("He left yesterday.", "yesterday", "2022-01-20", "day"),
    ("He left two days ago.", "two days ago", "2022-01-19", "day"),
    ("Talks resume next month.", "next month", "2022-02", "month"),
    ("Prices rose late last year.", "late last year", "2021", "year"),
    ("They met on Monday night.", "Monday night", "2022-01-17", "day"),
    ("He was elected in 2014.", "2014", "2014", "year"),
    ("The vote is set for March 3.", "March 3", "2022-03-03", "day"),
    ("Sales fell in December.", "December", "2021-12", "month"),
    ("Thursday's session ended early.", "Thursday", "2022-01-20", "day"),
    ("The athletes meet on July 23-August 8 next year.", "July 23-August 8 next year", "2023-07-23", "day"),
    ("Sales rose in the last three weeks.", "the last three weeks", "2021-12-27", "week"),
    ("The sale closed last March.", "last March", "2021-03", "month"),
    ("Rules will apply until the 27th of October.", "27th of October", "2022-10-27", "day"),
    ("She joined in April of 2019.", "April of 2019", "2019-04", "month"),
    ("It ships before the end of the year.", "the end of the year", "2022", "year"),
    ("Rain is forecast ahead of Tuesday's vote.", "Tuesday", "2022-01-25", "day"),
]


@pytest.mark.parametrize(("body", "text", "value", "granularity"), INDONESIAN, ids=[c[1] for c in INDONESIAN])
def test_indonesian_expressions(body, text, value, granularity):
    assert (text, value, granularity) in _values(body, "id")


@pytest.mark.parametrize(("body", "text", "value", "granularity"), ENGLISH, ids=[c[1] for c in ENGLISH])
def test_english_expressions(body, text, value, granularity):
    assert (text, value, granularity) in _values(body, "en")


NOT_TIMES = [
    ("id", "Ia dipenjara selama tiga tahun."),
    ("id", "Pria berusia 45 tahun itu ditangkap."),
    ("id", "Rapat dimulai pukul 10.00 WIB."),
    ("id", "Ia dijerat Pasal 21/1 dan UU No. 1/2022."),
    ("id", "Aturan itu tertuang dalam UU Nomor 1 Tahun 2023 tentang KUHP."),
    ("id", "Sebanyak 2024 orang mengungsi."),
    ("id", "Harga naik 12,5% menjadi Rp 2.024 per liter."),
    ("id", "Tren itu dimulai pada 1990-an."),
    ("id", "Setiap hari Rabu polisi berpatroli."),
    ("id", "Dalam waktu tiga tahun ke depan kita mandiri."),
    ("id", "Hubungi 0812 2024 5566 untuk informasi."),
    ("en", "He served for three years."),
    ("en", "The 45-year-old was arrested at 3 p.m."),
    ("en", "Officials may meet soon."),
    ("en", "Prices peaked in the 1990s."),
]


@pytest.mark.parametrize(("lang", "body"), NOT_TIMES, ids=[b for _, b in NOT_TIMES])
def test_numbers_that_are_not_times(lang, body):
    assert _values(body, lang) == []


# --- checks --------------------------------------------------------------------------------


def test_weekday_mismatch_keeps_the_written_date():
    record = _times("Biden berbicara pada hari Rabu (18/1).")
    (time,) = record.times
    assert time.value == "2022-01-18" and "weekday mismatch" in time.warnings[0]
    assert record.warnings == (f"time body[{time.span.start}:{time.span.end}] 'Rabu (18/1)': {time.warnings[0]}",)


def test_a_weekday_picks_the_year_that_fits_it():
    # 20 October is a Monday in 2025 and a Sunday in 2024: the weekday settles the year.
    record = _times("Pada 20 Oktober 2024 ia dilantik. Ia bertemu Presiden Senin (20/10).", published="2025-10-21")
    assert [t.value for t in record.times] == ["2024-10-20", "2025-10-20"]


def test_a_full_date_in_the_paragraph_lends_its_year():
    record = _times("Pada 20 Maret 2014 ia tiba, lalu pada 25 Maret ia pergi.", published="2022-01-21")
    assert [t.value for t in record.times] == ["2014-03-20", "2014-03-25"]


def test_past_tense_after_publication_is_flagged():
    record = _times("Polisi telah menangkap pelaku pada 25 Januari 2022.")
    (time,) = record.times
    assert time.value == "2022-01-25" and "past tense" in time.warnings[0]
    assert len(record.warnings) == 1


def test_future_dates_are_fine_in_the_future_tense():
    assert _times("Sidang akan digelar pada 25 Januari 2022.").times[0].warnings == ()


def test_far_future_is_flagged():
    (time,) = _times("Proyek itu rampung pada 12 Maret 2031.").times
    assert "far in the future" in time.warnings[0]


def test_quoted_relative_time_counts_from_the_day_it_was_said():
    body = '"Kejadiannya tadi malam sekitar jam 22.00 WIB," kata Siswanto, Sabtu (18/10/2025).'
    values = {t.span.text: t.value for t in _times(body, published="2025-10-20").times}
    assert values["tadi malam"] == "2025-10-17"


def test_relative_time_in_apposition_names_that_day():
    values = {t.span.text: t.value for t in _times("Ia diperiksa hari ini, Senin (20/10/2025).",
                                                   published="2025-10-21").times}
    assert values["hari ini"] == "2025-10-20"


# --- without a publication date -------------------------------------------------------------


def test_relative_times_without_a_publication_date_have_no_value():
    record = _times("Ia tiba kemarin, sejak 2014 tinggal di sana.", published=None)
    assert [(t.span.text, t.value) for t in record.times] == [("kemarin", None), ("2014", "2014")]
    assert record.published is None  # a bare year is not enough to date the story
    assert record.warnings == ("1 time expression(s) left without a value: no publication date or year",)


def test_publication_date_is_the_latest_told_date():
    record = _times("Pada Senin (17/1/2022) ia tiba. Kemarin ia pergi. Sidang akan digelar 30 Januari 2022.",
                    published=None)
    assert record.published == Published(date="2022-01-17", precision="day", basis="body-mentions")
    assert {t.span.text: t.value for t in record.times}["Kemarin"] == "2022-01-16"


def test_month_precision_when_only_months_are_told():
    record = _times("Harga beras naik sejak Oktober 2025.", published=None)
    assert record.published == Published(date="2025-10-01", precision="month", basis="body-mentions")


def test_title_and_captions_are_read_too():
    record = _times("Ia tiba.", title="Banjir 3 Januari 2022", captions=(Caption("Foto Rabu (19/1/2022).", None),))
    assert [(t.span.field, t.value) for t in record.times] == [("title", "2022-01-03"), ("caption:0", "2022-01-19")]


def test_languages_without_time_words_get_no_times():
    article = Article(source=Source(format="text"), body="Le 21 janvier 2022.", language="fr")
    assert find_times(article, Options()).times == ()


def test_stage_runs_in_the_default_pipeline(seed_text):
    assert "times.v1" in Pipeline(options=Options(debug=True)).process(seed_text).stages


# --- publication dates given as text --------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-01-21T14:05:00+07:00", "2022-01-21"),
    ("10/21/2025 20:43", "2025-10-21"),  # detik's JSONL tanggal is month first
    ("Jumat, 21 Jan 2022 14:05 WIB", "2022-01-21"),
    ("Updated: Oct. 21, 2025, 6:42 p.m. ET", "2025-10-21"),
    ("Kompas.com - 21/01/2022, 14:05 WIB", "2022-01-21"),
    ("d-8171947", None),
    ("", None),
    ("13/45/2022", None),
])
def test_parse_field_date(value, expected):
    got = parse_field_date(value)
    assert (got.isoformat() if got else None) == expected


def test_parse_written_date_needs_a_full_date():
    assert parse_written_date("Jumat (21/1)") is None
    assert parse_written_date("pada 2014") is None


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/2022/01/21/story.html", "2022-01-21"),
    ("https://example.com/news/20220121/story", "2022-01-21"),
    ("https://news.detik.com/berita/d-8171947/judul-berita", None),
    ("https://example.com/2022/13/45/story", None),
    (None, None),
])
def test_date_from_url(url, expected):
    from warta.dates.published import date_from_url

    got = date_from_url(url)
    assert (got.isoformat() if got else None) == expected


def test_a_text_input_with_a_dated_url_gets_its_date():
    record = warta.process("Polisi menangkap dua tersangka di Jakarta pada Jumat (21/1) malam setelah penyelidikan.",
                           url="https://example.com/2022/01/22/berita")
    assert record.published == Published(date="2022-01-22", precision="day", basis="url")
    assert [t.value for t in record.times] == ["2022-01-21"]


@pytest.mark.parametrize(("line", "expected"), [
    ("- Kamis, 05/11/2015 09:25 WIB", True),
    ("Selasa, 16 Februari 2016 | 13:01 WIB", True),
    ("21 Januari 2022", True),
    ("Jumat (21/1) polisi menangkap dua orang", False),
    ("Harga naik 5 persen", False),
])
def test_is_date_line(line, expected):
    from warta.dates.published import is_date_line

    assert is_date_line(line) is expected
