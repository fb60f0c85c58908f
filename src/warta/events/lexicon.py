"""Event patterns and status words per language, validated on load.

``resources/<lang>/event_patterns.yaml`` holds the patterns (trigger phrases with their argument
structure), ``resources/<lang>/event_status.yaml`` the words that make an event negated, future,
hypothetical or historical, and ``resources/common/plover.yaml`` the types, modes, quad classes
and intensities. A broken file fails loudly with its name and the pattern's id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from warta.actors.names import fold
from warta.errors import ConfigError, ResourceError
from warta.events.view import WORD
from warta.resources import load

GAP = "…"  # in a phrase: up to GAP_WORDS words in between
GAP_WORDS = 6
_VOICES = {"verbs": "active", "passives": "passive", "speaker_verbs": "speaker", "nouns": "noun"}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    version: int
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    speech: bool
    reciprocal: bool
    answers: str | None
    lang: str
    primary: bool = True  # from the first pattern file (hand-written); else a fallback
    words: str = ""  # digest of the phrases and settings the pattern matches with

    @property
    def rule(self) -> str:
        """Its id and version; the digest changes whenever the words it depends on change,
        so two outputs with the same rule came from the same words."""
        return f"{self.lang}:{self.id}@{self.version}" + (f".{self.words}" if self.words else "")


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]  # folded; GAP between parts
    pattern: Pattern
    voice: str  # active | passive | speaker | noun


@dataclass(frozen=True)
class Lexicon:
    lang: str
    triggers: dict[str, tuple[Trigger, ...]]  # by first word, longest first
    window: int
    negation: tuple[tuple[str, ...], ...]
    future: tuple[tuple[str, ...], ...]
    hypothetical: tuple[tuple[str, ...], ...]
    conditions: frozenset[str]
    analogies: tuple[tuple[str, ...], ...]
    clause_breaks: frozenset[str]
    subject_gap: frozenset[str]
    object_gap: frozenset[str]
    agent_markers: frozenset[str]
    coordinators: frozenset[str]
    locatives: frozenset[str]
    place_gap: frozenset[str]
    fronted: frozenset[str]
    passive_auxiliaries: frozenset[str]
    authorities: frozenset[str]
    authority_nouns: frozenset[str]
    intent: tuple[tuple[str, ...], ...]
    agent_nouns: frozenset[str]
    suspect_nouns: frozenset[str]
    obligation: tuple[tuple[str, ...], ...]
    patterns: tuple[Pattern, ...] = field(default=())
    # v2: the name right after a passive verb is its agent ("ditahan KPK"); nominal events
    agent_after_verb: bool = False
    noun_object_markers: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    announcing: dict[str, str] = field(default_factory=dict)  # type -> what announcing it is
    possessions: frozenset[str] = frozenset()
    source_markers: frozenset[str] = frozenset()
    suffix: str = ""  # an enclitic a trigger word may carry ("menganiayanya"): references.yaml
    not_events: tuple[tuple[str, ...], ...] = ()  # phrases whose words are never a trigger
    authority_by_mode: dict[str, str] = field(default_factory=dict)  # legal mode -> authority role
    require_actor: bool = False  # code an event only with its actor
    status_words: frozenset[str] = frozenset()  # every word of a negation, future or hypothetical marker
    pair_openers: frozenset[str] = frozenset()  # "pertemuan antara A dan B"
    pair_joiners: frozenset[str] = frozenset()  # "kerja sama A dengan B"


@dataclass(frozen=True)
class PloverType:
    quad: str
    intensity: float
    modes: frozenset[str]
    mode_intensity: dict[str, float]


def _digest(row: dict, phrases: list[tuple[str, str]]) -> str:
    settings = {k: row.get(k) for k in ("type", "mode", "contexts", "speech", "reciprocal", "answers")}
    text = json.dumps([settings, sorted(phrases)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _user_file(path: Path, lang: str) -> dict | None:
    """A user's pattern file: the schema of the shipped ones, for the language its ``language``
    key names (other languages skip it)."""
    if not path.is_file():
        raise ConfigError(f"event pattern file {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read event pattern file {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("language") not in ("id", "en"):
        raise ResourceError(f"{path}: a user pattern file needs `language: id` or `language: en` at its top")
    return data if data["language"] == lang else None


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(GAP if w == GAP else fold(w) for w in WORD.findall(phrase.replace("...", GAP)))


@cache
def plover_types() -> dict[str, PloverType]:
    table = load("common", "plover.yaml")["types"]
    return {name: PloverType(quad=row["quad"], intensity=float(row["intensity"]),
                             modes=frozenset(row.get("modes") or ()),
                             mode_intensity={k: float(v) for k, v in (row.get("mode_intensity") or {}).items()})
            for name, row in table.items()}


def _inflections(word: str) -> list[str]:
    """"arrest*" → arrest, arrests, arrested, arresting (regular English forms)."""
    stem = word[:-1]
    if stem.endswith("e"):
        return [stem, stem + "s", stem + "d", stem[:-1] + "ing"]
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        return [stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"]
    if stem.endswith(("s", "sh", "ch", "x", "z")):
        return [stem, stem + "es", stem + "ed", stem + "ing"]
    return [stem, stem + "s", stem + "ed", stem + "ing"]


def _expand(phrase: str) -> list[str]:
    parts = phrase.split()
    options = [_inflections(p) if p.endswith("*") and len(p) > 2 else [p] for p in parts]
    out = [""]
    for choice in options:
        out = [f"{prefix} {c}".strip() for prefix in out for c in choice]
    return out


_VOWELS = frozenset("aeiou")


@cache
def _morphology(lang: str) -> dict:
    return load(lang, "morphology.yaml")


def _nasal(root: str, lang: str) -> str:
    """The root after a nasal prefix without its "me"/"pe": "tangkap" -> "nangkap"."""
    morphology = _morphology(lang)
    for rule in morphology["nasal"]:
        for start in rule["starts"]:
            if root.startswith(start):
                drop = rule["drop"] and not (morphology.get("keep_before_consonant") and len(root) > 1
                                             and root[1] not in _VOWELS)
                return rule["nasal"] + (root[len(start):] if drop else root)
    return root


_FORM_LETTERS = {"a": "active", "p": "passive", "b": "bare", "n": "noun"}


def root_forms(spec: str, lang: str) -> list[tuple[str, str]]:
    """(voice key, phrase) for a root pattern ``root[+suffix][:forms] [rest]``: "tetap+kan …
    sebagai tersangka" -> menetapkan …, ditetapkan …, tetapkan …; the noun (penetapan) takes the
    root without suffix. ``:apbn`` keeps only some forms (active, passive, bare, noun): "adil+i:apb"
    has no noun, as "pengadilan" is a court, not a trial."""
    first, _, rest = spec.strip().partition(" ")
    first, _, letters = first.partition(":")
    root, _, suffix = first.partition("+")
    stem = root + suffix
    wanted = {_FORM_LETTERS[c] for c in (letters or "apbn") if c in _FORM_LETTERS}
    out = []
    for row in _morphology(lang).get("forms") or ():
        if row.get("kind", row["voice"]) not in wanted:
            continue
        form = row["form"].format(nasal=_nasal(stem, lang), root=stem, nasal_noun=_nasal(root, lang))
        if row["voice"] == "noun" and rest:
            continue  # "penetapan … sebagai tersangka" is written out where it is used
        out.append(({"active": "verbs", "passive": "passives", "noun": "nouns"}[row["voice"]],
                    f"{form} {rest}".strip()))
    return out


def _patterns(lang: str, file: str, primary: bool) -> list[Pattern | tuple[Pattern, str, str]]:
    name = f"{lang}/{file}"
    path = Path(file)
    if path.suffix in (".yaml", ".yml") and (path.is_absolute() or len(path.parts) > 1):  # "./mine.yaml"
        data = _user_file(path, lang)  # a user's own pattern file
        name = str(path)
        if data is None:
            return []
    else:
        data = load(lang, file)
    types = plover_types()
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ResourceError(f"{name}: expected a mapping with a 'patterns' list")
    seen: set[str] = set()
    out: list = []
    for row in data["patterns"]:
        pid = row.get("id") if isinstance(row, dict) else None
        if not pid or pid in seen:
            raise ResourceError(f"{name}: pattern without an id, or a repeated id: {pid!r}")
        seen.add(pid)
        kind, mode = row.get("type"), row.get("mode")
        if kind not in types:
            raise ResourceError(f"{name}: pattern {pid}: unknown PLOVER type {kind!r}")
        if mode is not None and mode not in types[kind].modes:
            raise ResourceError(f"{name}: pattern {pid}: {kind} has no mode {mode!r} "
                                f"(known: {', '.join(sorted(types[kind].modes)) or 'none'})")
        if not isinstance(row.get("version"), int) or row["version"] < 1:
            raise ResourceError(f"{name}: pattern {pid}: version must be a positive integer")
        answers = row.get("answers")
        if answers is not None and answers not in types:
            raise ResourceError(f"{name}: pattern {pid}: answers an unknown type {answers!r}")
        unknown = set(row) - {"id", "version", "type", "mode", "contexts", "speech", "reciprocal", "answers",
                              "roots", *_VOICES}
        if unknown:
            raise ResourceError(f"{name}: pattern {pid}: unknown keys {sorted(unknown)}")
        phrases = [(key, p) for key in _VOICES for p in row.get(key) or ()]
        phrases += [form for spec in row.get("roots") or () for form in root_forms(str(spec), lang)]
        pattern = Pattern(pid, row["version"], kind, mode, tuple(row.get("contexts") or ()),
                          bool(row.get("speech")), bool(row.get("reciprocal")), answers, lang, primary,
                          _digest(row, phrases))
        if not phrases:
            raise ResourceError(f"{name}: pattern {pid}: no trigger phrases")
        for key, phrase in phrases:
            if not isinstance(phrase, str) or not words_of(phrase) or words_of(phrase)[0] == GAP:
                raise ResourceError(f"{name}: pattern {pid}: bad phrase {phrase!r}")
            out.extend((pattern, _VOICES[key], p) for p in _expand(phrase))
        out.append(pattern)
    return out


PATTERN_FILES = ("event_patterns.yaml", "event_patterns_cameo.yaml")


@cache
def lexicon(lang: str, files: tuple[str, ...] = PATTERN_FILES) -> Lexicon:
    """The language's status words and the patterns of ``files``: the first file's patterns
    are primary; the others only code a sentence in which no primary pattern matched."""
    status = load(lang, "event_status.yaml")
    name = f"{lang}/event_status.yaml"

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        if key not in status:
            raise ResourceError(f"{name}: missing key {key!r}")
        return tuple(sorted({words_of(p) for p in status[key] or ()}, key=len, reverse=True))

    def words(key: str) -> frozenset[str]:
        return frozenset(w for p in phrases(key) for w in p)

    triggers: dict[str, list[Trigger]] = {}
    patterns = []
    seen_ids: set[str] = set()
    for item in (i for n, file in enumerate(files) for i in _patterns(lang, file, n == 0)):
        if isinstance(item, Pattern):
            if item.id in seen_ids:
                raise ResourceError(f"{lang}: pattern id {item.id!r} is in more than one pattern file")
            seen_ids.add(item.id)
            patterns.append(item)
            continue
        pattern, voice, phrase = item
        trigger = Trigger(words_of(phrase), pattern, voice)
        triggers.setdefault(trigger.words[0], []).append(trigger)
    return Lexicon(
        lang=lang,
        triggers={k: tuple(sorted(v, key=lambda t: len(t.words), reverse=True)) for k, v in triggers.items()},
        window=int(status.get("window", 6)),
        negation=phrases("negation"), future=phrases("future"), hypothetical=phrases("hypothetical"),
        conditions=words("conditions"), analogies=phrases("analogies"), clause_breaks=words("clause_breaks"),
        subject_gap=words("subject_gap"), object_gap=words("object_gap"), agent_markers=words("agent_markers"),
        coordinators=words("coordinators"), locatives=words("locatives"), place_gap=words("place_gap"),
        fronted=words("fronted"), passive_auxiliaries=words("passive_auxiliaries"),
        authorities=words("authorities"), authority_nouns=words("authority_nouns"),
        intent=phrases("intent"), agent_nouns=words("agent_nouns"), suspect_nouns=words("suspect_nouns"),
        obligation=phrases("obligation"), patterns=tuple(patterns),
        agent_after_verb=bool(status.get("agent_after_verb", False)),
        noun_object_markers=frozenset(fold(w) for w in status.get("noun_object_markers") or ()),
        occurrence_verbs=frozenset(fold(w) for w in status.get("occurrence_verbs") or ()),
        announcing=_announcing(),
        possessions=frozenset(fold(w) for w in status.get("possessions") or ()),
        source_markers=frozenset(fold(w) for w in status.get("source_markers") or ()),
        suffix=load(lang, "references.yaml").get("suffix") or "",
        not_events=tuple(sorted({words_of(p) for p in status.get("not_events") or ()}, key=len, reverse=True)),
        authority_by_mode=dict(status.get("authority_by_mode") or {}),
        require_actor=bool(status.get("require_actor", False)),
        status_words=frozenset(w for key in ("negation", "future", "hypothetical") for p in phrases(key) for w in p),
        pair_openers=frozenset(fold(w) for w in status.get("pair_openers") or ()),
        pair_joiners=frozenset(fold(w) for w in status.get("pair_joiners") or ()),
    )


@cache
def _announcing() -> dict[str, str]:
    """What announcing an event of each type is (``common/event_groups.yaml``): a promise to
    cooperate is an AGREE, a promise of conflict a THREATEN."""
    table = load("common", "event_groups.yaml")["announced"]
    return {kind: announced for announced, kinds in table.items() for kind in kinds}
