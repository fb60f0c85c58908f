"""How names are compared: folded words, so spelling of case and accents does not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> tuple[str, ...]:
    """Words and single punctuation marks: the unit names are matched in."""
    return tuple(WORD.findall(text))


@lru_cache(maxsize=65_536)  # the same words come back in every article
def fold(text: str) -> str:
    """Lower case without accents, so "Zelenskyy" and "ZELENSKYY" or "Türkiye"/"Turkiye" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """The normalised form a name is indexed under: folded words joined by one space."""
    return " ".join(tokens(fold(text)))


def slug(name: str) -> str:
    """``Sergei Lavrov`` → ``sergei-lavrov``: the id part of a person's or group's name."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(name))) or "unnamed"
