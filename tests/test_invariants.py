"""Property tests: no input crashes the pipeline, and every span points at its own text."""

from __future__ import annotations

import random

from fuzz.formats import news_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.errors import DOCUMENT_ERRORS
from warta.pipeline import Pipeline, check_article

PIPELINE = Pipeline(options=warta.Options(debug=True))

def _check(content) -> None:
    try:
        record = PIPELINE.process(content)
    except DOCUMENT_ERRORS:
        return
    check_article(record)
    for sentence in record.sentences:
        text = record.text_of(sentence.field)[sentence.start : sentence.end]
        assert text and text == text.strip()
    assert record.body.strip() and record.id

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_news_like_text_never_crashes(text):
    _check(text)

@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data):
    _check(data)

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=30))
def test_mutated_seed_never_crashes(seed_text, rnd: random.Random, edits: int):
    chars = list(seed_text)
    for _ in range(edits):
        if not chars:
            break
        at = rnd.randrange(len(chars))
        action = rnd.choice(("delete", "insert", "swap", "cut"))
        if action == "delete":
            del chars[at]
        elif action == "insert":
            chars.insert(at, rnd.choice(["\n", "“", "”", ".", " – ", "\x00", "😀", "Foto: AP", "\n\n"]))
        elif action == "swap" and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
        elif action == "cut":
            chars = chars[: max(at, 1)]
    _check("".join(chars))

_HTML_PAGE = (
    "<html><head><title>{title}</title><meta property='article:published_time' content='2022-01-21'>"
    "</head><body><nav>Home Berita</nav><article><h1>{title}</h1>"
    "<figure><img src='a.jpg'><figcaption>{caption} (ANTARA FOTO/Budi)</figcaption></figure>"
    "{paragraphs}</article><footer>© 2022</footer></body></html>"
)

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40), st.text(max_size=60), st.lists(news_text, max_size=6), st.randoms(use_true_random=False))
def test_generated_and_truncated_html_never_crashes(title, caption, paragraphs, rnd):
    page = _HTML_PAGE.format(title=title, caption=caption, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))
    _check(page)
    _check(page[: rnd.randrange(1, len(page))])
