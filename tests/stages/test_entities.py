"""The entities stage on its own: tagger spans, dictionary names, type refinement."""

from __future__ import annotations

import pytest

from warta.config import Options
from warta.model import Article, Entity, Sentence, Source, Span
from warta.stages.entities import _one_type_per_name, _split, find_entities


def entities(text: str, lang: str = "id") -> list[tuple[str, str]]:
    article = Article(source=Source(format="text"), body=text, language=lang,
                      sentences=(Sentence("body", 0, len(text)),))
    found = find_entities(article, Options()).entities
    for e in found:
        assert text[e.span.start:e.span.end] == e.span.text
    return [(e.span.text, e.type) for e in found]


def test_dictionary_adds_short_forms_the_tagger_may_miss():
    found = entities("Kemlu RI dan PBB membahas sanksi AS terhadap Tiongkok.")
    assert ("PBB", "ORG") in found
    assert ("AS", "GPE") in found
    assert ("Tiongkok", "GPE") in found
    assert ("Kemlu RI", "ORG") in found or ("Kemlu", "ORG") in found


def test_lower_case_words_are_not_dictionary_names():
    found = entities("Harga naik seperti as roda yang patah, kata dia.")
    assert all(text != "as" for text, _ in found)


def test_places_are_typed_gpe_fac_or_loc():
    found = dict(entities("Pesawat mendarat di Bandara Soekarno-Hatta, Tangerang, lalu terbang ke Moskow."))
    assert found.get("Bandara Soekarno-Hatta") == "FAC"
    assert found.get("Tangerang") == "GPE"
    assert found.get("Moskow") == "GPE"


def test_english_demonyms_are_norp():
    found = entities("Russian troops moved as American officials met in Geneva.", lang="en")
    assert ("Russian", "NORP") in found and ("American", "NORP") in found
    assert ("Geneva", "GPE") in found


@pytest.mark.parametrize("text, start, end, parts", [
    ("Data Badan Pusat Statistik (BPS) naik.", 5, 32, ["Badan Pusat Statistik", "BPS"]),
    ("Di Kantor DJP, Jakarta.", 3, 22, ["Kantor DJP", "Jakarta"]),
    ("Oleh Sergei Lavrov.", 5, 18, ["Sergei Lavrov"]),
    ("Mereka tiba di kota Jenewa kemarin.", 15, 26, ["Jenewa"]),
    ("Putra Salman bin Abdulaziz datang.", 6, 26, ["Salman bin Abdulaziz"]),
    ("Harapan AS untuk membangun front.", 0, 10, ["AS"]),
    ("Harapan Jaya Abadi membangun front.", 8, 18, ["Jaya Abadi"]),
])
def test_a_tagger_span_holding_two_names_is_cut(text, start, end, parts):
    common = frozenset({"harapan", "jaya"})
    assert [text[s:e] for s, e, _ in _split(start, end, "ORG", text, frozenset({"bin"}), common)] == parts


def test_one_type_per_name_in_an_article():
    body = "Antony Blinken tiba. Blinken bertemu Lavrov."
    spans = [Entity(Span("body", 0, 14, "Antony Blinken"), "PER"),
             Entity(Span("body", 21, 28, "Blinken"), "LOC"),
             Entity(Span("body", 37, 43, "Lavrov"), "ORG")]
    assert body[21:28] == "Blinken"
    article = Article(source=Source(format="text"), body=body, language="id")
    fixed = _one_type_per_name(article, list(spans), [1, 2], "id")
    assert [e.type for e in fixed] == ["PER", "PER", "ORG"]  # no full name says Lavrov is a person
