"""Hostile requests: SQL-injection and full-text-syntax payloads in every filter, markup in
stored text. Each gets a normal answer (or a 4xx), the store is unchanged, nothing leaks."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the API needs the extra warta[api] (fastapi, uvicorn, jinja2)")

from fastapi.testclient import TestClient

import warta
from warta.api import create_app
from warta.config import load_options
from warta.model import Source
from warta.storage import open_store
from warta.storage.base import query_terms

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "1); DELETE FROM events; --",
    "%' UNION SELECT record FROM articles --",
    "per:x' OR actor IS NOT NULL --",
    "\\x00\x00",
]
FTS_SYNTAX = ['"', '"unbalanced', "NEAR(a b", "a AND OR b", "title:Jenewa", "*", "^Jenewa", "Jenewa*",
              "(", ")", "-", "a NOT", "{title}: x", "Jenewa OR", "'", "::", "\u202eJenewa", "😀 Jenewa"]


@pytest.fixture(scope="module")
def served(tmp_path_factory, seed_text):
    path = str(tmp_path_factory.mktemp("hard") / "w.db")
    store = open_store(path)
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"))
    store.save_batch([seed])
    before = store.counts()
    store.close()
    with TestClient(create_app(path, load_options(env={})), raise_server_exceptions=False) as client:
        yield client, path, before, seed


def _unchanged(path, before):
    store = open_store(path)
    try:
        assert store.counts() == before
        assert store.integrity_ok()
    finally:
        store.close()


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_payloads_are_just_text(served, payload):
    client, path, before, _ = served
    for url, params in [("/v1/articles", {"q": payload}), ("/v1/articles", {"outlet": payload}),
                        ("/v1/events", {"actor": payload}), ("/v1/events", {"recipient": payload}),
                        ("/v1/events", {"type": payload}), ("/v1/events", {"country": payload}),
                        ("/v1/quotes", {"speaker": payload}), ("/v1/quotes", {"text": payload}),
                        ("/", {"q": payload}), ("/events", {"actor": payload})]:
        answer = client.get(url, params=params)
        assert answer.status_code in (200, 422), (url, params, answer.status_code)
        assert "Traceback" not in answer.text and "sqlite" not in answer.text.lower()
        if answer.status_code == 200 and url.startswith("/v1/"):
            assert answer.json().get("items", []) == [] or url == "/v1/articles"
    segment = quote(payload, safe="")
    for url in (f"/v1/actors/{segment}", f"/v1/actors/{segment}/timeline", f"/actors/{segment}"):
        assert client.get(url).status_code in (404, 422)
    _unchanged(path, before)


@pytest.mark.parametrize("query", FTS_SYNTAX)
def test_full_text_syntax_never_breaks_search(served, query):
    client, path, before, seed = served
    answer = client.get("/v1/articles", params={"q": query})
    assert answer.status_code == 200, answer.text
    hits = [h["article_id"] for h in answer.json()["items"]]
    assert hits in ([], [seed.id])
    if query_terms(query) == ["jenewa"]:
        assert hits == [seed.id]  # the word still counts, whatever marks surround it
    assert client.get("/", params={"q": query}).status_code == 200
    _unchanged(path, before)


def test_markup_in_requests_is_never_reflected_raw(served):
    client, _, _, _ = served
    payload = "<script>alert(1)</script>"
    for url, params in [("/", {"q": payload}), ("/", {"outlet": payload}), ("/events", {"actor": payload})]:
        page = client.get(url, params=params).text
        assert payload not in page and "&lt;script&gt;" in page
    missing = client.get(f"/actors/{quote(payload, safe='')}")
    assert payload not in missing.text


def _slow_app(tmp_path, seconds: float):
    path = str(tmp_path / "slow.db")
    open_store(path).close()
    return create_app(path, load_options(env={}).evolve(api_timeout=seconds))


def test_a_request_past_api_timeout_is_answered_504(tmp_path, monkeypatch):
    import time

    from warta.corpus.query import Corpus

    monkeypatch.setattr(Corpus, "stats", lambda self: time.sleep(3) or {})
    with TestClient(_slow_app(tmp_path, 0.5), raise_server_exceptions=False) as client:
        started = time.monotonic()
        answer = client.get("/v1/stats")
        waited = time.monotonic() - started
        assert answer.status_code == 504 and answer.json()["error"] == "timeout" and waited < 2.5
        assert "api_timeout" in answer.json()["message"]
        assert client.get("/healthz").status_code == 200  # the server goes on


def test_a_database_statement_past_api_timeout_is_stopped(tmp_path, monkeypatch):
    import time

    from warta.storage.sqlite import SQLiteStore

    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    monkeypatch.setattr(SQLiteStore, "stats", lambda self: self._db.execute(endless).fetchall())
    with TestClient(_slow_app(tmp_path, 0.5), raise_server_exceptions=False) as client:
        started = time.monotonic()
        answer = client.get("/v1/stats")
        assert answer.status_code == 504 and time.monotonic() - started < 2.5
        assert client.get("/v1/articles").status_code == 200  # the connection is still good
