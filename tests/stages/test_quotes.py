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
