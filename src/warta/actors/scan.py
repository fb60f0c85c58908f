"""Find known multiword phrases (aliases, title words) in text, by whole words.

Phrases are compared as folded word sequences (``actors.names.name_key``), so
"Amerika  Serikat" and "amerika serikat" are the same phrase; case rules are the
caller's business. The scan is one pass over the words, trying the longest phrase that
starts at each word first, and never returns overlapping hits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from warta.actors.names import WORD, fold


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    key: str  # the phrase's name_key


class PhraseIndex:
    """A set of phrases, indexed by their first word and their length in words."""

    def __init__(self, phrases: Iterable[str]):
        self._keys: set[str] = set()
        self._longest: dict[str, int] = {}
        for phrase in phrases:
            words = phrase.split(" ")
            if not phrase or not words:
                continue
            self._keys.add(phrase)
            self._longest[words[0]] = max(self._longest.get(words[0], 0), len(words))

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def find(self, text: str, accept=None) -> list[Hit]:
        """Longest non-overlapping phrases in ``text``; ``accept(hit, text)`` may veto one."""
        words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            longest = self._longest.get(words[i][2], 0)
            found = None
            for n in range(min(longest, len(words) - i), 0, -1):
                key = " ".join(w[2] for w in words[i:i + n])
                if key in self._keys:
                    hit = Hit(words[i][0], words[i + n - 1][1], key)
                    if accept is None or accept(hit, text):
                        found = (hit, n)
                        break
            if found:
                hits.append(found[0])
                i += found[1]
            else:
                i += 1
        return hits
