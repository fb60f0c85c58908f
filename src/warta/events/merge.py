"""How candidates from several components become one list: the ``event_merge`` option.

- ``primary``: candidates from a primary source win; fallback candidates (the CAMEO-derived
  patterns, a model below its threshold) code only a sentence where no primary one fits.
  Overlapping triggers keep the higher score. This is the v1 coder's behaviour.
- ``union``: every candidate, overlapping triggers resolved by score.
- ``best``: per sentence, the candidates of the source with the highest mean score.
"""

from __future__ import annotations

from collections.abc import Iterable

from warta.errors import ConfigError
from warta.events.candidates import Candidate

POLICIES = ("primary", "union", "best")


def merge(candidates: Iterable[Candidate], policy: str = "primary") -> list[Candidate]:
    """One sentence's candidates, in text order, without overlapping triggers."""
    if policy not in POLICIES:
        raise ConfigError(f"event_merge must be one of {', '.join(POLICIES)}, got {policy!r}")
    pool = list(candidates)
    if policy == "primary" and any(c.primary for c in pool):
        pool = [c for c in pool if c.primary]
    elif policy == "best" and pool:
        sources = {c.source for c in pool}
        mean = {s: sum(c.score for c in pool if c.source == s) / sum(1 for c in pool if c.source == s) for s in sources}
        chosen = max(sources, key=lambda s: mean[s])
        pool = [c for c in pool if c.source == chosen]
    kept: list[Candidate] = []
    for c in sorted(pool, key=lambda c: (-c.score, -(c.last - c.first), c.first)):
        if not any(c.first <= k.last and k.first <= c.last for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.first)
