"""The quotes stage on short hand-made texts, after the real entities and actors stages."""

from __future__ import annotations

import pytest

import warta
from warta.config import Options


def quotes(body: str, published: str = "2025-10-20", title: str = "Judul Berita Uji Kutipan Panjang"):
    record = warta.process(f"{title}\n\n{body}\n", published=published, options=Options(debug=True))
    actors = {a.id: a.name for a in record.actors}
    return [(q.kind, q.span.text, actors.get(q.speaker), q.cue,
             q.speaker_span.text if q.speaker_span else None) for q in record.quotes]


def test_direct_quote_with_cue_after():
    found = quotes("“Kami akan terus bekerja untuk rakyat,” kata Prabowo Subianto di Jakarta.")
    assert ("direct", "Kami akan terus bekerja untuk rakyat,", "Prabowo Subianto", "kata", "Prabowo Subianto") in found


def test_direct_quote_with_nya_cue_takes_the_last_speaker():
    found = quotes("Menteri Keuangan Purbaya Yudhi Sadewa mengatakan inflasi terkendali.\n\n"
                   "“Kita jaga terus harga pangan di daerah,” ujarnya.")
    direct = [q for q in found if q[0] == "direct"]
    assert direct and direct[0][2] == "Purbaya Yudhi Sadewa" and direct[0][3] == "ujarnya"


def test_source_before_a_quote():
    found = quotes("Menurut Tito Karnavian, “Pemerintah daerah harus memantau harga setiap pekan.”")
    assert any(k == "direct" and speaker == "Tito Karnavian" for k, _, speaker, _, _ in found)


def test_quote_running_over_two_paragraphs():
    body = ("“Kami sudah bekerja keras sepanjang tahun ini.\n\n"
            "“Hasilnya akan terlihat bulan depan,” kata Tito Karnavian.")
    direct = [q for q in quotes(body) if q[0] == "direct"]
    assert len(direct) == 1 and direct[0][1].endswith("bulan depan,") and direct[0][2] == "Tito Karnavian"


def test_indirect_quote_and_pronoun():
    found = quotes("Kapolri Listyo Sigit Prabowo mengatakan penyidikan terus berjalan. "
                   "Ia menegaskan tidak ada yang kebal hukum.")
    indirect = [q for q in found if q[0] == "indirect"]
    assert indirect[0][1] == "penyidikan terus berjalan" and indirect[0][2] == "Listyo Sigit Prabowo"
    assert indirect[1][2] == "Listyo Sigit Prabowo" and indirect[1][4] == "Ia"


def test_scare_quotes_and_ordinary_verbs_are_not_quotes():
    found = quotes("Istilah “ordal” ramai di media sosial. NATO telah menolak tuntutan tersebut.")
    assert found == []


@pytest.mark.parametrize("body, speaker", [
    ('"We will keep talking," Blinken said on Friday.', "Antony Blinken"),
    ('Antony Blinken said: "We will keep talking with Moscow."', "Antony Blinken"),
    ("Antony Blinken said the talks would go on next week.", "Antony Blinken"),
])
def test_english_quotes(body, speaker):
    found = quotes(f"U.S. Secretary of State Antony Blinken met Sergei Lavrov in Geneva. {body}",
                   published="2022-01-21", title="Blinken and Lavrov meet in Geneva for talks")
    assert any(s == speaker for _, _, s, _, _ in found), found


def test_role_nouns_point_back_to_the_last_person_named():
    found = quotes("U.S. Secretary of State Antony Blinken met Sergei Lavrov in Geneva on Friday. "
                   '"We will keep talking with Moscow," the minister said.',
                   published="2022-01-21", title="Blinken and Lavrov meet in Geneva for talks")
    direct = [q for q in found if q[0] == "direct"]
    assert direct and direct[0][2] == "Sergei Lavrov" and direct[0][4] == "minister"
    found = quotes("Warga Bekasi, Budi Santoso, datang ke kantor polisi. "
                   "Pria tersebut mengatakan rumahnya kebanjiran sejak pagi.")
    indirect = [q for q in found if q[0] == "indirect"]
    assert indirect and indirect[0][2] == "Budi Santoso" and indirect[0][4] == "Pria"


def english(body: str):
    return quotes(body, published="2022-01-21", title="Blinken and Lavrov meet in Geneva for talks")


def test_participle_cue_reports_the_sentence_subject():
    found = english("Sergei Lavrov criticised the NATO exercise on Tuesday, warning that the West will pay dearly.")
    assert ("indirect", "the West will pay dearly", "Sergei Lavrov", "warning", "Sergei Lavrov") in found


def test_according_to_an_unnamed_source_is_a_quote_with_no_actor():
    found = english("According to critics, the aim of this system is to control the border.")
    assert found == [("indirect", "the aim of this system is to control the border", None, "According to",
                      "critics")]
    found = english("Officials say that the talks will resume in Geneva next week.")
    assert found == [("indirect", "the talks will resume in Geneva next week", None, "say", "Officials")]


def test_cue_after_a_title_and_a_name_with_a_phrase():
    found = english('"The balloons will fly tomorrow," Patrol Chief James Hall with the New York '
                    "Police Department said Wednesday.")
    assert found and found[0][2] == "James Hall" and found[0][3] == "said"


def test_a_cue_in_the_next_paragraph_is_not_the_quote_s_cue():
    found = english('"We will keep talking," Blinken said. "The lines were short today!"\n\n'
                    "Sergei Lavrov said the talks were useful.")
    direct = [q for q in found if q[0] == "direct"]
    assert [q[2] for q in direct] == ["Antony Blinken", "Antony Blinken"]


def test_names_of_works_in_quotation_marks_are_not_quotes():
    found = english("Blinken spoke in an interview on NBC’s “Meet the Press.” He watched “Once Upon A Time "
                    "in Hollywood” last week.")
    assert [q for q in found if q[0] == "direct"] == []


def test_indonesian_passive_cue_and_description_that_points_back():
    found = quotes("Menteri Keuangan Purbaya Yudhi Sadewa hadir di Jakarta. Lebih lanjut, dikatakan dia, "
                   "inflasi tetap terkendali sampai akhir tahun.\n\n"
                   "Mantan pejabat Bank Indonesia itu menilai ekonomi nasional tumbuh lebih cepat.")
    indirect = [q for q in found if q[0] == "indirect"]
    assert indirect[0][1] == "inflasi tetap terkendali sampai akhir tahun" and indirect[0][2] == "Purbaya Yudhi Sadewa"
    assert indirect[1][1] == "ekonomi nasional tumbuh lebih cepat" and indirect[1][2] == "Purbaya Yudhi Sadewa"
    assert indirect[1][4] == "Mantan pejabat Bank Indonesia itu"


def test_menurut_without_a_comma():
    found = quotes("Menurut Bahlil Lahadalia pemberian izin tambang tersebut merupakan bentuk keadilan.")
    assert ("indirect", "pemberian izin tambang tersebut merupakan bentuk keadilan", "Bahlil Lahadalia",
            "Menurut", "Bahlil Lahadalia") in found
