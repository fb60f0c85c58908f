"""Dates in news text: find time expressions, resolve them, read written publication dates.

``grammar`` finds expressions and what they say, ``resolve`` gives them values against the
publication day, ``published`` reads dates given as metadata or bylines. Language knowledge
is in ``resources/<lang>/months.tsv``, ``weekdays.tsv`` and ``time_words.yaml``.
"""

from warta.dates.grammar import Found, clause_tense, find
from warta.dates.resolve import Resolved, resolve

__all__ = ["Found", "Resolved", "clause_tense", "find", "resolve"]
