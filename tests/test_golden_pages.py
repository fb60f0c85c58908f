"""Golden tests on real Indonesian news pages (STYLE.md item 7).

Each case is ``tests/golden/id/<case>.expected.json`` (format: tests/golden/README.md). The
pages themselves are not in the repository: they are read from the shared data folder, a
sibling of the repository root (``../shared/data``), or from ``$WARTA_SHARED_DATA``. Without
it every test here is skipped.

Every page is processed once (cached); each aspect (title, date, body snippets, language,
sentence spans) is its own test, so a failure names exactly what the extractor got wrong.
Comparison: whitespace collapsed to single spaces, case-sensitive.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import pytest

import warta
from warta.errors import WartaError

REPO = Path(__file__).resolve().parents[1]
CASE_DIR = REPO / "tests" / "golden" / "id"


def data_root() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_cases() -> dict[str, dict]:
    return {
        p.name.removesuffix(".expected.json"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(CASE_DIR.glob("*.expected.json"))
    }


CASES = load_cases()
ARTICLES = sorted(name for name, case in CASES.items() if "expect_error" not in case)
INDEX_PAGES = sorted(name for name, case in CASES.items() if "expect_error" in case)

pytestmark = [
    pytest.mark.skipif(
        not data_root().is_dir(),
        reason=f"shared page data not found at {data_root()} (set WARTA_SHARED_DATA)",
    ),
    pytest.mark.skipif(not hasattr(warta, "process"), reason="warta.process not available yet"),
]


@functools.cache
def outcome(name: str):
    """``(article, None)`` or ``(None, error)`` for one case's page, computed once."""
    case = CASES[name]
    html = (data_root() / case["page"]).read_bytes().decode("utf-8", errors="replace")
    try:
        return warta.process(html, url=case.get("url")), None
    except WartaError as err:
        return None, err


def article(name: str):
    rec, err = outcome(name)
    if err is not None:
        pytest.fail(f"{name}: processing raised {err.code}: {err}")
    return rec


def test_cases_exist():
    assert len(ARTICLES) == 31 and len(INDEX_PAGES) == 10, (len(ARTICLES), len(INDEX_PAGES))


@pytest.mark.parametrize("name", ARTICLES)
def test_title(name):
    rec = article(name)
    assert norm(rec.title or "") == CASES[name]["title"]


@pytest.mark.parametrize("name", ARTICLES)
def test_published(name):
    rec = article(name)
    assert rec.published is not None, "no publication date found"
    assert rec.published.date == CASES[name]["published"], rec.published


@pytest.mark.parametrize("name", ARTICLES)
def test_body_contains(name):
    body = norm(article(name).body)
    missing = [s for s in CASES[name]["body_must_contain"] if s not in body]
    assert not missing, f"missing from body: {missing}\nbody starts: {body[:300]!r}"


@pytest.mark.parametrize("name", ARTICLES)
def test_body_excludes(name):
    body = norm(article(name).body)
    present = [s for s in CASES[name]["body_must_not_contain"] if s in body]
    assert not present, f"boilerplate in body: {present}"


@pytest.mark.parametrize("name", ARTICLES)
def test_language(name):
    assert article(name).language == CASES[name].get("language", "id")


@pytest.mark.parametrize("name", ARTICLES)
def test_sentence_spans(name):
    rec = article(name)
    assert any(s.field == "body" for s in rec.sentences), "no body sentences"
    bad = []
    for s in rec.sentences:
        text = rec.text_of(s.field)
        if not (0 <= s.start < s.end <= len(text)) or not text[s.start : s.end].strip():
            bad.append((s.field, s.start, s.end))
    assert not bad, f"invalid sentence spans: {bad[:5]}"


@pytest.mark.parametrize("name", INDEX_PAGES)
def test_index_page_has_no_article(name):
    rec, err = outcome(name)
    code = CASES[name]["expect_error"]
    if err is not None:
        assert err.code == code, f"raised {err.code}: {err}"
    else:  # a pipeline that records the error instead of raising it
        assert code in rec.warnings, f"accepted as an article; body starts {rec.body[:200]!r}"
