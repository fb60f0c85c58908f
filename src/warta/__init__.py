"""Warta: structured, sentence-level evidence from Indonesian and English news.

    >>> import warta
    >>> record = warta.process(open("page.html").read(), url="https://…")
    >>> record.title, record.language, record.to_dict()["sentences"][:1]

``warta.Pipeline([...stage names])`` runs a chosen subset of stages;
``warta.open_corpus("warta.db")`` searches and queries what was stored. The CLI and HTTP API
are thin layers over these functions.
"""

from __future__ import annotations

from warta.config import Options, load_options
from warta.errors import WartaError
from warta.model import Article
from warta.pipeline import Pipeline

__version__ = "0.1.0"


def process(content: str | bytes, *, url: str | None = None, published: str | None = None,
            options: Options | None = None) -> Article:
    """Run the default pipeline on one HTML page or page-text dump."""
    return Pipeline(options=options).process(content, url=url, published=published)


def open_corpus(url: str = "warta.db"):
    """A stored corpus (``warta.db``, ``postgresql://…``) to search and query, as rows or pandas tables."""
    from warta.corpus.query import Corpus

    return Corpus(url)


__all__ = ["Article", "Options", "Pipeline", "WartaError", "__version__", "load_options", "open_corpus", "process"]
