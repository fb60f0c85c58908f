"""Named-entity recognition for Indonesian news (a CRF trained by ``tools/train_ner.py``).

>>> from warta.ner import tokenize, load_tagger
>>> load_tagger("id").tag("Menlu Rusia Sergei Lavrov tiba di Jenewa.")  # doctest: +SKIP
[(6, 11, 'LOC'), (12, 25, 'PER'), (35, 41, 'LOC')]
"""

from warta.ner.tagger import Tagger, load_tagger
from warta.ner.tokens import tokenize

__all__ = ["Tagger", "load_tagger", "tokenize"]
