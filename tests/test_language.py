"""Language detection: id, en and ms told apart; anything else labelled, never a crash."""

from __future__ import annotations

import pytest

from warta.stages.language import detect_language, indonesian_or_malay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presiden mengatakan pada Jumat bahwa dialog dengan Amerika Serikat akan berlanjut karena situasi membaik.", "id"),
        ("Kerajaan Malaysia mengumumkan bahawa dasar baharu akan diperkenalkan kerana kos sara hidup meningkat.", "ms"),
        ("The minister said on Friday that talks with Washington would continue next week.", "en"),
        ("Der Minister sagte am Freitag, dass die Gespräche nächste Woche fortgesetzt würden.", "de"),
        ("Le ministre a déclaré vendredi que les discussions se poursuivraient la semaine prochaine.", "fr"),
        ("外務大臣は金曜日、協議は来週も続くと述べた。", "ja"),
        ("وقال الوزير يوم الجمعة إن المحادثات ستستمر الأسبوع المقبل", "ar"),
        # Indonesian with few markers that lingua alone calls Malay (a Kompas story):
        (("Pendiri Facebook, Mark Zuckerberg dikabarkan menanggapi serius sebuah ancaman yang dilontarkan "
          "di dunia maya terhadap dirinya. Reaksi Zuckerberg adalah menyewa 16 orang pengawal untuk menjaganya."), "id"),
        ("12345 !!! ---", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_markers_need_a_clear_margin():
    assert indonesian_or_malay("bahwa karena polisi") == "id"
    assert indonesian_or_malay("bahawa kerana polis") == "ms"
    assert indonesian_or_malay("bahwa karena bahawa kerana") is None
    assert indonesian_or_malay("bahwa") is None
