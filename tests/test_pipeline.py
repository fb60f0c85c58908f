"""The stage registry, the runner's checks and the pinned public API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from warta.config import Options
from warta.errors import (
    MissingInputError,
    SpanInvariantError,
    StageContractError,
    StageOrderError,
    UnknownStageError,
)
from warta.model import Article, Entity, RawDocument, Sentence, Source, Span
from warta.pipeline import Pipeline, check_article
from warta.registry import STAGES, resolve

SNAPSHOT = Path(__file__).parent / "snapshots" / "registry.json"


def _raw(text: str) -> Article:
    return Article(source=Source(format="text"), raw=RawDocument(content=text, format="text"))


def test_registry_snapshot():
    """Changing a stage's contract must be a deliberate, visible change of this file."""
    current = {
        spec.id: {"function": spec.function, "requires": list(spec.requires), "provides": list(spec.provides)}
        for spec in STAGES.values()
    }
    assert current == json.loads(SNAPSHOT.read_text())


def test_public_api_is_pinned():
    assert sorted(warta.__all__) == [
        "Article", "Options", "Pipeline", "WartaError", "__version__", "load_options", "open_corpus", "process",
    ]


def test_resolve_newest_and_exact():
    assert resolve("sentences").id == "sentences.v1"
    assert resolve("extract.v1").name == "extract"
    with pytest.raises(UnknownStageError, match="known stages"):
        resolve("sentiment")


def test_order_is_checked_before_running():
    with pytest.raises(StageOrderError, match="needs 'body', which extract.v1 provides later"):
        Pipeline(["sentences", "language", "extract"])
    with pytest.raises(StageOrderError, match="needs 'language', which language.v1 provides later"):
        Pipeline(["extract", "sentences", "language"])


def test_stage_alone_needs_its_inputs():
    with pytest.raises(MissingInputError, match="body"):
        Pipeline(["language"]).run(Article(source=Source(format="text")))


def test_stage_runs_alone_after_earlier_stages(seed_text):
    extracted = Pipeline(["extract"]).run(_raw(seed_text))
    with_language = Pipeline(["language"]).run(extracted)
    assert with_language.language == "id"
    assert with_language.stages == ("extract.v1", "language.v1")
    done = Pipeline(["sentences"], Options(debug=True)).run(with_language)
    assert done.sentences and done.stages[-1] == "sentences.v1"


def test_stage_contract_is_checked(monkeypatch):
    pipeline = Pipeline(["language"])
    pipeline._functions = (lambda article, options: {"not": "an article"},)
    extracted = Pipeline(["extract"]).run(_raw("Judul Berita Yang Cukup Panjang\n\nIni adalah paragraf pertama yang cukup panjang untuk menjadi isi berita."))
    with pytest.raises(StageContractError, match="returned dict"):
        pipeline.run(extracted)


def test_span_invariant_is_enforced():
    article = Article(source=Source(format="text"), title="Judul", body="Lavrov bertemu Blinken.")
    check_article(article.evolve(sentences=(Sentence("body", 0, 23),)))
    bad = Entity(span=Span("body", 0, 6, "Blinke"), type="PER")
    with pytest.raises(SpanInvariantError, match="reads 'Lavrov'"):
        check_article(article.evolve(entities=(bad,)))
    with pytest.raises(SpanInvariantError, match="outside"):
        check_article(article.evolve(sentences=(Sentence("body", 0, 99),)))
    with pytest.raises(SpanInvariantError, match="unknown field"):
        check_article(article.evolve(sentences=(Sentence("caption:3", 0, 2),)))


def test_text_may_not_change_after_extract(seed_text):
    extracted = Pipeline(["extract"]).run(_raw(seed_text))
    pipeline = Pipeline(["language"], Options(debug=True))
    pipeline._functions = (lambda article, options: article.evolve(body=article.body + "!"),)
    with pytest.raises(SpanInvariantError, match="must not change"):
        pipeline.run(extracted)


def test_record_round_trips_through_dict(seed_text):
    record = warta.process(seed_text)
    again = Article.from_dict(json.loads(json.dumps(record.to_dict())))
    assert again.to_dict() == record.to_dict()


@pytest.mark.parametrize("content", ["", "  \n\t", b"", b"   "])
def test_empty_input_is_its_own_error(content):
    from warta.errors import EmptyInputError

    with pytest.raises(EmptyInputError, match="empty"):
        Pipeline().process(content)


def test_text_that_starts_like_json_is_still_one_document():
    record = Pipeline(["extract"]).process('{"a": 1}\n\nJudul Berita Yang Cukup Panjang\n\n'
                                           'Ini adalah paragraf pertama yang cukup panjang untuk menjadi isi berita.')
    assert record.raw.format == "text" and "paragraf pertama" in record.body


def test_a_stage_bug_fails_that_document_alone(tmp_path):
    from warta.batch import process_inputs
    from warta.storage.memory import MemoryStore

    pipeline = Pipeline(["extract"])
    extract = pipeline._functions[0]

    def buggy(article, options):
        article = extract(article, options)
        if "rusak" in article.body:
            raise KeyError("a bug")
        return article

    pipeline._functions = (buggy,)
    (tmp_path / "a.txt").write_text("Halaman ini rusak karena bug di tahap ekstraksi.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Menlu Rusia Sergey Lavrov bertemu Blinken di Jenewa.", encoding="utf-8")
    store = MemoryStore()
    summary = process_inputs([str(tmp_path)], pipeline, store)
    assert summary.added == 1 and summary.failed == 1
    failure = store.failures()[0]
    assert failure.code == "internal.error" and failure.message == "KeyError: 'a bug'"
    assert failure.source.endswith("a.txt")
