"""The committed Indonesian NER model: loads, matches its metadata, tags news sensibly."""

from __future__ import annotations

import hashlib
import json

import pytest

from warta.ner import load_tagger, tokenize
from warta.ner.tagger import models_dir

pytest.importorskip("pycrfsuite")


def ents(text):
    tagger = load_tagger("id")
    return {(text[s:e], lab) for s, e, lab in tagger.tag(text)}


def test_metadata_matches_model():
    folder = models_dir()
    meta = json.loads((folder / "ner-id.json").read_text(encoding="utf-8"))
    model = folder / meta["model_file"]
    assert hashlib.sha256(model.read_bytes()).hexdigest() == meta["model_sha256"]
    total = sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith("ner-id"))
    assert total < 20_000_000
    assert meta["scores_valid"] and meta["data"]["files_sha256"]
    # the frozen feature data the model was trained with
    for name, digest in meta["feature_files_sha256"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert "ner-id.gazetteer.txt" in meta["feature_files_sha256"]


def test_tag_lavrov_blinken():
    text = "Menteri Luar Negeri Rusia Sergei Lavrov bertemu Antony Blinken di Jenewa."
    found = ents(text)
    for e in [
        ("Sergei Lavrov", "PER"),
        ("Antony Blinken", "PER"),
        ("Jenewa", "LOC"),
        ("Rusia", "LOC"),
    ]:
        assert e in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Presiden Joko Widodo meresmikan bendungan di Kabupaten Bogor, Jawa Barat, Senin (21/1).",
            [("Joko Widodo", "PER")],
        ),
        (
            "Ketua KPK Firli Bahuri diperiksa polisi di Jakarta.",
            [("KPK", "ORG"), ("Firli Bahuri", "PER"), ("Jakarta", "LOC")],
        ),
        (
            '"Kami akan terus mengawal kasus ini," kata Kapolri Listyo Sigit Prabowo.',
            [("Listyo Sigit Prabowo", "PER")],
        ),
    ],
)
def test_tag_news_sentences(text, expected):
    found = ents(text)
    for e in expected:
        assert e in found, found


def test_tag_offsets_and_labels():
    tagger = load_tagger("id")
    assert load_tagger("id") is tagger
    text = "Gubernur DKI Jakarta Anies Baswedan menghadiri Piala Dunia 2022 di Qatar."
    spans = tokenize(text)
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for s, e, lab in tagger.tag(text):
        assert s in starts and e in ends and lab in {"PER", "ORG", "LOC", "EVENT"}
    assert tagger.tag("") == []
    assert tagger.tag_tokens([]) == []
    tags = tagger.tag_tokens(["Prabowo", "ke", "Bali", "."])
    assert len(tags) == 4 and all(t == "O" or t[:2] in ("B-", "I-") for t in tags)


def test_unknown_language():
    with pytest.raises(ValueError):
        load_tagger("xx")


def test_events_from_lowercase_pass():
    text = "Gubernur DKI Jakarta Anies Baswedan menghadiri Piala Dunia 2022 di Qatar."
    found = ents(text)
    assert ("Piala Dunia 2022", "EVENT") in found and ("Anies Baswedan", "PER") in found
    tagger = load_tagger("id")
    assert all(lab != "EVENT" for _, _, lab in tagger.tag(text, events=False))


def test_lowercase_text_uses_nerp_conventions():
    found = ents("presiden joko widodo tiba di jakarta untuk membuka pemilu 2024 .")
    assert ("joko widodo", "PER") in found and ("jakarta", "LOC") in found
