"""The one table of pipeline stages: id → function, what it needs and what it provides.

A stage is a plain function ``(Article, Options) -> Article``. Functions are
named by import path and imported on first use, so ``import warta`` stays cheap
and nothing registers itself at import time. ``requires``/``provides`` name
record fields; ``raw`` is what a reader provides before any stage runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from warta.errors import UnknownStageError


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    version: int
    function: str  # "module:function"
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    summary: str

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    def load(self) -> Callable:
        return _import(self.function)


@cache
def _import(path: str) -> Callable:
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)


STAGES: dict[str, StageSpec] = {
    spec.id: spec
    for spec in (
        StageSpec(
            "extract", 1, "warta.stages.extract:extract",
            requires=("raw",),
            provides=("id", "title", "body", "captions", "boilerplate", "outlet", "author", "dateline",
                      "published"),
            summary="main text, headline, captions, chrome and dateline from HTML, text dumps or JSONL",
        ),
        StageSpec(
            "language", 1, "warta.stages.language:detect",
            requires=("body",),
            provides=("language",),
            summary="ISO 639-1 language of the body (id/en/ms told apart; others labelled)",
        ),
        StageSpec(
            "sentences", 1, "warta.stages.sentences:find_sentences",
            requires=("body", "language"),
            provides=("sentences",),
            summary="sentence spans over title, body and captions",
        ),
        StageSpec(
            "times", 1, "warta.stages.times:find_times",
            requires=("title", "body", "captions", "language", "published"),
            provides=("times", "published", "warnings"),
            summary="time expressions with values resolved against the publication date, which is "
                    "inferred from them when the page gives none",
        ),
        StageSpec(
            "entities", 1, "warta.stages.entities:find_entities",
            requires=("sentences", "language"),
            provides=("entities",),
            summary="PER ORG LOC GPE NORP FAC EVENT names: a trained CRF tagger plus the actor "
                    "dictionary and the places gazetteer",
        ),
        StageSpec(
            "actors", 1, "warta.stages.actors:link_actors",
            requires=("entities", "published", "language"),
            provides=("entities", "actors", "dateline"),
            summary="one canonical actor per referent: dictionary names, office holders on the "
                    "story's date, short names linked to full names, stable ids for new people",
        ),
        StageSpec(
            "quotes", 1, "warta.stages.quotes:find_quotes",
            requires=("sentences", "entities", "actors", "language"),
            provides=("quotes",),
            summary="direct, indirect and partial quotes with cue words and speakers resolved "
                    "through pronouns and titles to actors",
        ),
        StageSpec(
            "events", 1, "warta.stages.events:find_events",
            requires=("sentences", "times", "entities", "actors", "quotes", "language", "published", "dateline"),
            provides=("events",),
            summary="PLOVER events from per-language pattern files: actor, recipient, status "
                    "(asserted, negated, future, hypothetical, historical), date, geocoded place, "
                    "intensity and quad",
        ),
        StageSpec(
            "events", 2, "warta.stages.events_v2:find_events",
            requires=("sentences", "times", "entities", "actors", "quotes", "language", "published", "dateline"),
            provides=("events", "actors"),
            summary="PLOVER events from an engine of components: candidates (patterns), story-level "
                    "references (initials, unnamed groups, units, pronouns), scored sides, status, "
                    "date, place; unnamed groups and story people join the record's actors",
        ),
    )
}


def resolve(name: str) -> StageSpec:
    """``"sentences"`` → its newest version; ``"sentences.v1"`` → exactly that one."""
    if name in STAGES:
        return STAGES[name]
    versions = [spec for spec in STAGES.values() if spec.name == name]
    if not versions:
        known = ", ".join(sorted({spec.name for spec in STAGES.values()}))
        raise UnknownStageError(f"unknown stage {name!r}; known stages: {known}")
    return max(versions, key=lambda spec: spec.version)
