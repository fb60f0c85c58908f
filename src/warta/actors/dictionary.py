"""The actor dictionary: shipped YAML files plus a user's own, validated and indexed.

Files and schema are described in ``resources/actors/README.md``. Loading checks every
entry (a malformed user file names the file and the entry) and builds three indexes:

1. ``aliases[lang]``: normalised name → the actors it may name, with the name's role
   (``name``, ``demonym`` or ``capital``); ``any`` names are filed under every language.
2. ``short_names``: the word a person is called by alone (the family name; the first
   word in countries listed in ``resources/common/naming.yaml``) → people, for a bare
   "Lavrov" or "Prabowo" in an article that never gives the full name.
3. ``offices``: (office, country) → terms with dates, for "Menlu Rusia" on a given day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources as _resources
from pathlib import Path
from typing import Any

import yaml

from warta.actors.names import fold, name_key, slug, tokens
from warta.actors.scan import PhraseIndex
from warta.errors import ConfigError, ResourceError
from warta.model import Actor
from warta.resources import load

KINDS = frozenset({"person", "state", "organization", "group", "place"})
SECTORS = frozenset({"GOV", "MIL", "POL", "JUD", "LEG", "PTY", "BUS", "CVL", "MED", "EDU", "OPP", "REB", "IGO",
                     "NGO", "CRM"})  # SPEC's sectors: POL is the police, PTY political parties
LANGUAGES = ("id", "en")
_STATE_ID = re.compile(r"[A-Z]{3}")
_OTHER_ID = re.compile(r"(per|org|grp|geo):[a-z0-9]+(?:-[a-z0-9]+)*")
_PREFIX = {"person": "per", "organization": "org", "group": "grp", "place": "geo"}
_KEYS = frozenset({"id", "name", "kind", "parent", "country", "sector", "wikidata", "aliases", "demonyms",
                   "capitals", "offices"})
def minted_id(kind: str, name: str) -> str:
    """Id for an actor that is not in the dictionary, the same one it would get there."""
    return f"{_PREFIX[kind]}:{slug(name)}"


def is_capitals_only(alias: str) -> bool:
    """``AS``, ``PBB``, ``U.S.``: such aliases match only when written in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True, slots=True)
class Term:
    """One stint in an office, as written in ``offices:``."""

    actor: str
    office: str
    country: str | None
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """An alias hit: which actor, and whether the words name it, its people or its capital."""

    actor: str
    role: str  # name | demonym | capital
    written: str | None  # a capitals-only alias, without spaces: must match exactly so


@dataclass(slots=True)
class ActorDictionary:
    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    short_names: dict[str, list[str]] = field(default_factory=dict)
    terms: dict[tuple[str, str | None], list[Term]] = field(default_factory=dict)
    terms_of: dict[str, list[Term]] = field(default_factory=dict)  # actor id → their terms
    offices: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    _indexes: dict[str, PhraseIndex] = field(default_factory=dict)

    def names_index(self, lang: str) -> PhraseIndex:
        """Every name the dictionary knows in ``lang``, for scanning text."""
        if lang not in self._indexes:
            self._indexes[lang] = PhraseIndex(self.aliases[lang])
        return self._indexes[lang]

    def lookup(self, text: str, lang: str) -> list[Entry]:
        """Actors that ``text`` may name in ``lang``, honouring capitals-only aliases."""
        entries = self.aliases.get(lang if lang in self.aliases else "any", {}).get(name_key(text), [])
        compact = "".join(tokens(text))
        return [e for e in entries if e.written is None or e.written == compact]

    def holder(self, office: str, country: str | None, day: date | None) -> str | None:
        """Who held ``office`` in ``country`` on ``day`` (the latest holder when undated)."""
        terms = self.terms.get((office, country), [])
        if day is not None:
            current = [t for t in terms if t.covers(day)]
            return current[0].actor if len(current) == 1 else None
        open_terms = [t for t in terms if t.end is None]
        return open_terms[0].actor if len(open_terms) == 1 else None

    def in_office(self, actor_id: str, day: date) -> bool:
        return any(t.covers(day) for t in self.terms_of.get(actor_id, ()))

    def people_called(self, word: str) -> list[str]:
        """People known by this one word (their short name), in dictionary order."""
        return self.short_names.get(name_key(word), [])

    def find(self, query: str) -> list[tuple[Actor, str]]:
        """Actors whose name or alias contains ``query`` (folded), with the matching name."""
        needle = name_key(query)
        found: dict[str, str] = {}
        for lang_index in self.aliases.values():
            for key, entries in lang_index.items():
                if needle and needle in key:
                    for entry in entries:
                        found.setdefault(entry.actor, key)
        called = set(self.short_names.get(needle, ()))

        def rank(item: tuple[str, str]) -> tuple:
            actor_id, key = item
            closeness = 0 if key == needle else 1 if actor_id in called else 2 if key.startswith(needle) else 3
            return (closeness, len(key), actor_id)

        ranked = sorted(found.items(), key=rank)
        return [(self.actors[actor_id], key) for actor_id, key in ranked]


def _date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ResourceError(f"{where}: {value!r} is not an ISO date") from exc


def _names(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    """``aliases``/``demonyms`` as {lang: names}; a plain list means every language."""
    if value is None:
        return {}
    if isinstance(value, list):
        value = {"any": value}
    if not isinstance(value, dict):
        raise ResourceError(f"{where}: expected a mapping of language → list of names")
    out = {}
    for lang, names in value.items():
        if lang not in (*LANGUAGES, "any"):
            raise ResourceError(f"{where}: unknown language {lang!r} (use id, en or any)")
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ResourceError(f"{where}.{lang}: expected a list of non-empty names")
        out[lang] = tuple(n.strip() for n in names)
    return out


def validate(entry: Any, where: str) -> dict[str, Any]:
    """Check one actor entry against the schema; returns it with defaults filled in."""
    if not isinstance(entry, dict):
        raise ResourceError(f"{where}: an actor must be a mapping, got {type(entry).__name__}")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ResourceError(f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("id", "name", "kind"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ResourceError(f"{where}: '{key}' is required")
    actor_id, kind = entry["id"], entry["kind"]
    where = f"{where} ({actor_id})"
    if kind not in KINDS:
        raise ResourceError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    pattern = _STATE_ID if kind == "state" else _OTHER_ID
    if not pattern.fullmatch(actor_id):
        raise ResourceError(f"{where}: id must look like {'RUS' if kind == 'state' else 'per:sergei-lavrov'}")
    sector = entry.get("sector")
    if sector is not None and sector not in SECTORS:
        raise ResourceError(f"{where}: sector {sector!r} is not one of {sorted(SECTORS)}")
    parent = entry.get("parent")
    if parent is not None and not (_OTHER_ID.fullmatch(str(parent)) or _STATE_ID.fullmatch(str(parent))):
        raise ResourceError(f"{where}: parent must be an actor id")
    country = entry.get("country")
    if country is not None and not _STATE_ID.fullmatch(str(country)):
        raise ResourceError(f"{where}: country must be an ISO 3166-1 alpha-3 code")
    offices = entry.get("offices") or []
    if not isinstance(offices, list):
        raise ResourceError(f"{where}: offices must be a list")
    for n, office in enumerate(offices):
        if not isinstance(office, dict) or "office" not in office:
            raise ResourceError(f"{where}: offices[{n}] needs an 'office'")
        start, end = _date(office.get("start"), where), _date(office.get("end"), where)
        if start and end and end < start:
            raise ResourceError(f"{where}: offices[{n}] ends before it starts")
    capitals = entry.get("capitals") or []
    if not isinstance(capitals, list):
        raise ResourceError(f"{where}: capitals must be a list of names")
    return {
        **entry,
        "aliases": _names(entry.get("aliases"), f"{where}.aliases"),
        "demonyms": _names(entry.get("demonyms"), f"{where}.demonyms"),
        "capitals": tuple(capitals),
        "offices": offices,
    }


def _read(path: Path | Any, origin: str) -> list[Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read actor file {origin}: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ResourceError(f"{origin}: an actor file is a YAML list of actors")
    return data


def _shipped() -> list[tuple[Any, str]]:
    folder = _resources.files("warta.resources") / "actors"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    return [(p, f"resources/actors/{p.name}") for p in files if p.name != "offices.yaml"]


def _office_table() -> dict[str, dict[str, Any]]:
    path = _resources.files("warta.resources") / "actors" / "offices.yaml"
    if not path.is_file():
        return {}
    return {o["id"]: o for o in _read(path, "resources/actors/offices.yaml")}


def build(files: Iterable[tuple[Any, str]], offices: dict[str, dict[str, Any]]) -> ActorDictionary:
    """Index validated entries; a later file's entry with the same id replaces an earlier one."""
    entries: dict[str, dict[str, Any]] = {}
    origins = []
    for path, origin in files:
        origins.append(origin)
        for n, raw in enumerate(_read(path, origin)):
            entry = validate(raw, f"{origin}[{n}]")
            entries[entry["id"]] = entry
    dictionary = ActorDictionary(offices=offices, sources=tuple(origins))
    aliases: dict[str, dict[str, list[Entry]]] = {lang: defaultdict(list) for lang in (*LANGUAGES, "any")}
    short_names: dict[str, list[str]] = defaultdict(list)
    first_word = frozenset(load("common", "naming.yaml")["first_word_countries"])
    terms: dict[tuple[str, str | None], list[Term]] = defaultdict(list)
    for actor_id, e in entries.items():
        names_by_lang = e["aliases"]
        every = sorted({a for names in names_by_lang.values() for a in names} - {e["name"]})
        dictionary.actors[actor_id] = Actor(
            id=actor_id, name=e["name"], kind=e["kind"], country=e.get("country"),
            sector=e.get("sector"), wikidata=e.get("wikidata"), aliases=tuple(every), parent=e.get("parent"),
        )
        roles = [("name", "any", (e["name"],)), ("capital", "any", e["capitals"])]
        roles += [("name", lang, names) for lang, names in names_by_lang.items()]
        roles += [("demonym", lang, names) for lang, names in e["demonyms"].items()]
        for role, lang, names in roles:
            for alias in names:
                written = "".join(tokens(alias)) if is_capitals_only(alias) else None
                entry = Entry(actor_id, role, written)
                for target in ((*LANGUAGES, "any") if lang == "any" else (lang,)):
                    bucket = aliases[target][name_key(alias)]
                    if entry not in bucket:
                        bucket.append(entry)
        if e["kind"] == "person":
            for full in (e["name"], *every):
                words = [w for w in tokens(full) if w.isalpha()]
                short = words[0] if e.get("country") in first_word else words[-1]
                if len(words) >= 2 and actor_id not in short_names[fold(short)]:
                    short_names[fold(short)].append(actor_id)
        for office in e["offices"]:
            where = f"{actor_id} offices"
            term = Term(actor_id, office["office"], office.get("country") or e.get("country"),
                        _date(office.get("start"), where), _date(office.get("end"), where))
            terms[(term.office, term.country)].append(term)
            dictionary.terms_of.setdefault(actor_id, []).append(term)
    for actor_id, e in entries.items():
        if e.get("parent") and e["parent"] not in dictionary.actors:
            raise ResourceError(f"{actor_id}: parent {e['parent']!r} is not in the dictionary")
    dictionary.aliases = {lang: dict(index) for lang, index in aliases.items()}
    dictionary.short_names = dict(short_names)
    dictionary.terms = {key: sorted(ts, key=lambda t: t.start or date.min) for key, ts in terms.items()}
    return dictionary


@cache
def load_dictionary(user_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The shipped dictionary plus ``user_files`` (the ``actor_files`` option), cached."""
    files = _shipped()
    for name in user_files:
        path = Path(name)
        if not path.is_file():
            raise ConfigError(f"actor file {name} does not exist")
        files.append((path, str(path)))
    return build(files, _office_table())
