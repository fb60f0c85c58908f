"""Tokeniser compatible with the Indonesian CoNLL NER corpora.

The corpora (NERGrit, NERP, IndoLEM) split punctuation off words, split
hyphens between words (``Rusia - AS``), keep numbers with inner separators
together (``21/1``, ``1.000``, ``1,5``, ``7/4/2016``) and keep abbreviations with
their period (``Dr.``, ``H.``, ``S.E.``, ``Inc.``). ``tokenize`` returns character
spans so entity offsets map straight back into the original text.
"""

from __future__ import annotations

import re

# Abbreviations that keep their final period (titles, degrees, company forms).
ABBREVIATIONS = frozenset(
    [
        "Bpk.",
        "Bp.",
        "Sdr.",
        "Sdri.",
        "Yth.",
        "Ny.",
        "Nn.",
        "Tn.",
        "H.",
        "Hj.",
        "KH.",
        "Dr.",
        "dr.",
        "drg.",
        "Drs.",
        "Dra.",
        "Prof.",
        "Ir.",
        "Moh.",
        "Muh.",
        "Mhd.",
        "Mochd.",
        "St.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Jr.",
        "Sr.",
        "Inc.",
        "Co.",
        "Corp.",
        "Ltd.",
        "Md.",
        "Kol.",
        "Jend.",
        "Brigjen.",
        "Mayjen.",
        "Letjen.",
        "Kapt.",
        "Let.",
        "Serda.",
        "Pol.",
        "Ds.",
        "Hlm.",
        "Dll.",
        "dll.",
        "dsb.",
        "dkk.",
        "Bros.",
        "Mt.",
        "vs.",
        "Sta.",
        "Gub.",
        "Wagub.",
        "Sekjen.",
        "Pdt.",
        "Ust.",
        "Ustaz.",
        "Gus.",
    ]
)

_TOKEN_RE = re.compile(
    r"""
    (?:https?://|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]]      # URL
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                        # e-mail
  | (?:[A-Za-z]{1,4}\.){2,}                             # S.E. K.H. S.Kom. U.S.
  | [A-Za-z]+\.(?=\s|$|[,;:)"'])                        # candidate abbreviation (checked below)
  | (?:Rp|rp|RP)(?=\d) | US\$                          # currency before a number
  | [Kk]e-\d+(?:-an)?                                   # ke-44, ke-19-an
  | \d+(?:[.,/:]\d+)+(?:-an)?                           # 1.000 1,5 21/1 7/4/2016 10.00
  | \d+-an                                              # 90-an
  | \d+                                                 # 2024
  | (?P<redup>[^\W\d_]+)-(?P=redup)(?:nya|an|kan|lah)?(?![\w])  # teman-teman
  | [^\W_]+(?:['’`][^\W\d_]+)*                          # words (Ka'bah, jum'at, G20)
  | \.{2,}|-{2,}                                        # ... --
  | \S                                                  # any other single character
    """,
    re.VERBOSE,
)

_SINGLE_INITIAL = re.compile(r"[A-Z]\.")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans ``(start, end)``; ``text[start:end]`` is each token."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        tok = m.group()
        # "word." : keep the period only for a known abbreviation or a capital initial
        if (
            tok.endswith(".")
            and tok.count(".") == 1
            and len(tok) > 1
            and tok[0].isalpha()
            and tok not in ABBREVIATIONS
            and not _SINGLE_INITIAL.fullmatch(tok)
        ):
            spans.append((s, e - 1))
            spans.append((e - 1, e))
            continue
        spans.append((s, e))
    return spans


def tokenize_words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]
