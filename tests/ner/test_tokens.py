from __future__ import annotations

import itertools

import pytest

from warta.ner import tokenize
from warta.ner.tokens import tokenize_words


def words(text):
    spans = tokenize(text)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hubungan Rusia-AS memburuk.", ["Hubungan", "Rusia", "-", "AS", "memburuk", "."]),
        ("Jakarta (21/1).", ["Jakarta", "(", "21/1", ")", "."]),
        ("Dr. H. Ahmad, S.E. hadir", ["Dr.", "H.", "Ahmad", ",", "S.E.", "hadir"]),
        ('"Kami siap," kata Prabowo.', ['"', "Kami", "siap", ",", '"', "kata", "Prabowo", "."]),
        ("“Tidak,” ujarnya", ["“", "Tidak", ",", "”", "ujarnya"]),
        ("teman-teman dan anak-anaknya", ["teman-teman", "dan", "anak-anaknya"]),
        ("Rp1.000,50 naik 5%", ["Rp", "1.000,50", "naik", "5", "%"]),
        ("pada 7/4/2016 ke-44 tahun 90-an", ["pada", "7/4/2016", "ke-44", "tahun", "90-an"]),
        ("PT Garuda Indonesia Tbk.", ["PT", "Garuda", "Indonesia", "Tbk", "."]),
        ("ke Jl. Sudirman", ["ke", "Jl", ".", "Sudirman"]),
        ("George W. Bush", ["George", "W.", "Bush"]),
        ("Ka'bah di Mekkah.", ["Ka'bah", "di", "Mekkah", "."]),
        ("Lalu...", ["Lalu", "..."]),
        ("Pulang ke Jakarta. Besok", ["Pulang", "ke", "Jakarta", ".", "Besok"]),
        ("", []),
    ],
)
def test_tokenize(text, expected):
    assert words(text) == expected


def test_spans_slice_text_unicode():
    text = "  Menlu  Retno\tMarsudi bertemu Wang Yi (12/3) di Beijing—Tiongkok!  "
    toks = words(text)
    assert "Retno" in toks and "Beijing" in toks and "—" in toks and "12/3" in toks
    assert tokenize_words(text) == toks
