from __future__ import annotations

import pytest

from warta.ner.conll import LABEL_MAPS, bio_spans, parse_conll, score

SAMPLE = "Presiden\tO\nJoko\tB-PERSON\nWidodo\tI-PERSON\ndi\tO\nSolo\tB-PLACE\n\n\nKPK\tB-ORGANISATION\n.\tO\n"


def test_parse_conll_maps_labels():
    sents = parse_conll(SAMPLE, LABEL_MAPS["nergrit"], "nergrit")
    assert len(sents) == 2
    assert sents[0].tokens == ["Presiden", "Joko", "Widodo", "di", "Solo"]
    assert sents[0].tags == ["O", "B-PER", "I-PER", "O", "B-LOC"]
    assert sents[1].tags == ["B-ORG", "O"] and sents[1].corpus == "nergrit"


def test_label_maps():
    s = parse_conll(
        "a\tB-IND\nb\tB-FNB\nc\tI-FNB\nd\tB-EVT\ne\tB-PPL\nf\tB-PLC\n", LABEL_MAPS["nerp"]
    )[0]
    assert s.tags == ["B-ORG", "B-FNB", "I-FNB", "B-EVENT", "B-PER", "B-LOC"]
    s = parse_conll("a\tB-TIME\nb\tI-TIME\nc\tB-QUANTITY\nd\tB-LOCATION\n", LABEL_MAPS["nerugm"])[0]
    assert s.tags == ["O", "O", "O", "B-LOC"]
    with pytest.raises(ValueError):
        parse_conll("a\tB-FOO\n", LABEL_MAPS["nerui"])


def test_bio_spans_conlleval_rules():
    assert bio_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # I- after O starts an entity; I- of another type starts a new one
    assert bio_spans(["O", "I-PER", "I-LOC", "B-LOC", "I-LOC"]) == [
        (1, 2, "PER"),
        (2, 3, "LOC"),
        (3, 5, "LOC"),
    ]
    assert bio_spans(["B-ORG", "B-ORG"]) == [(0, 1, "ORG"), (1, 2, "ORG")]
    assert bio_spans([]) == []


def test_score_exact_match_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]
    # PER exact (tp); LOC typed as ORG (fp ORG + fn LOC); ORG boundary too long (fp + fn)
    pred = [["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG"]]
    total, per = score(gold, pred)
    assert (total.tp, total.fp, total.fn) == (2, 1, 1)
    pred = [["B-PER", "O", "O", "B-LOC", "B-ORG", "I-ORG"]]
    total, per = score(gold, pred)
    assert (total.tp, total.fp, total.fn) == (1, 2, 2)
    assert per["PER"].tp == 0 and per["PER"].fp == 1 and per["PER"].fn == 1
    assert per["LOC"].f1 == 1.0
    assert total.precision == pytest.approx(1 / 3) and total.recall == pytest.approx(1 / 3)


def test_score_label_filter_and_empty():
    gold = [["B-FNB", "O", "B-PER"]]
    pred = [["O", "O", "B-PER"]]
    total, _ = score(gold, pred, labels=("PER",))
    assert total.f1 == 1.0
    total, _ = score(gold, pred)
    assert total.recall == 0.5
    total, per = score([["O"]], [["O"]])
    assert total.f1 == 0.0 and per == {}
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])
