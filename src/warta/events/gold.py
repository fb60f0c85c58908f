"""The annotated event corpus: its rows, the article texts they point to, and its validator.

A corpus row names its article by ``<dataset>#<id>`` and holds only snippets; the text is
read from the shared data folder (``tests/data/events/GUIDELINES.md`` section 1), so the
repository never carries whole articles. ``validate`` is what keeps the corpus honest: every
snippet verbatim and unique in its field, every trigger inside its snippet, types, modes,
sectors and statuses known, splits disjoint.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DETIK_2025 = "detik-aspect-summarization-2025"
ANPANDU = "anpandu-indonesian-news-pages"
DETIK_2022 = "detik-raw-pages-2022"
STATUSES = frozenset({"asserted", "negated", "future", "hypothetical", "historical"})
KINDS = frozenset({"person", "organization", "state", "group"})
SECTORS = frozenset({"GOV", "MIL", "POL", "JUD", "LEG", "PTY", "BUS", "CVL", "MED", "EDU", "OPP", "REB",
                     "IGO", "NGO", "CRM"})
SPLITS = ("train", "dev", "test")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
_M_D_Y = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class GoldText:
    """An annotated article's text as the annotator saw it."""

    source: str
    title: str | None
    body: str
    published: str | None  # YYYY-MM-DD

    def field(self, name: str | None) -> str:
        return (self.title or "") if name == "title" else self.body


@dataclass(frozen=True)
class GoldArticle:
    source: str
    split: str
    events: tuple[dict, ...]
    annotator: str | None = None
    extra: dict = field(default_factory=dict)


# -- the texts ------------------------------------------------------------------------------
@cache
def _detik_2025(root: Path) -> dict[str, dict]:
    rows = {}
    for line in (root / DETIK_2025 / "articles.jsonl").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            row = json.loads(line)
            rows[row["id"]] = row
    return rows


@cache
def _listed_repeats(root: Path) -> frozenset[int]:
    """The repeats of reserved articles that the dataset's README lists under other ids."""
    readme = (root / DETIK_2025 / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Repeated articles", 1)
    listed: set[int] = set()
    if len(section) == 2:
        for line in section[1].split("\n"):
            if re.fullmatch(r"\s*\d+(\s*,\s*\d+)+\s*", line):
                listed |= {int(n) for n in line.split(",")}
    return frozenset(listed)


def is_reserved(detik_id: int | str, root: Path) -> bool:
    """Whether a detik 2025 article is reserved for evaluation: its id is divisible by 5, or
    it repeats such an article under another id."""
    return int(detik_id) % 5 == 0 or int(detik_id) in _listed_repeats(root)


@cache
def _anpandu(root: Path) -> dict[str, dict]:
    data = json.loads((root / ANPANDU / "expected.json").read_text(encoding="utf-8"))
    return {a["fixture"]: a for a in data["articles"]}


def _published(value: str | None) -> str | None:
    """``"10/7/2025 14:30"`` (M/D/YYYY) → ``"2025-10-07"``."""
    m = _M_D_Y.match(value or "")
    return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else None


@cache
def _extracted(path: Path):
    from warta.pipeline import Pipeline

    return Pipeline(["extract"]).process(path.read_bytes(), path=str(path))


def gold_text(source: str, root: Path) -> GoldText:
    """The text ``source`` (``<dataset>#<id>``) names, from the shared data folder ``root``."""
    dataset, _, key = source.partition("#")
    if dataset == DETIK_2025:
        if is_reserved(key, root):
            raise ValueError(f"{source}: reserved for evaluation (divisible by 5 or a listed repeat)")
        row = _detik_2025(root)[key]
        return GoldText(source, row["judul"], row["isi_berita"], _published(row["tanggal"]))
    if dataset == ANPANDU:
        row = _anpandu(root)[key]
        return GoldText(source, row["title"], row["content"], row["date_iso_wib"][:10])
    if dataset == DETIK_2022:
        article = _extracted(root / DETIK_2022 / "html" / key)
        return GoldText(source, article.title, article.body,
                        article.published.date if article.published else None)
    raise ValueError(f"{source}: unknown dataset {dataset!r}")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the corpus -----------------------------------------------------------------------------
def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def load_split(folder: Path, split: str, lang: str = "id") -> list[GoldArticle]:
    path = folder / f"{split}.{lang}.jsonl"
    return [GoldArticle(r["source"], split, tuple(r["events"]), r.get("annotator"),
                        {k: v for k, v in r.items() if k not in ("source", "events", "annotator")})
            for r in read_rows(path)] if path.exists() else []


def locate(text: GoldText, event: dict) -> tuple[str, int, int] | None:
    """(field, trigger start, trigger end) of a gold event in its text, or None."""
    name = "title" if event.get("field") == "title" else "body"
    field_text = text.field(name)
    at = field_text.find(event["sentence"])
    if at < 0:
        return None
    trigger = event["trigger"].split("…")[0].strip()
    offset = event["sentence"].find(trigger)
    if offset < 0:
        return None
    return name, at + offset, at + offset + len(trigger)


def _side_problems(side, where: str) -> Iterator[str]:
    if side is None:
        return
    if not isinstance(side, dict):
        yield f"{where}: a side is an object or null"
        return
    unknown = set(side) - {"name", "text", "kind", "country", "sector", "parent", "others"}
    if unknown:
        yield f"{where}: unknown keys {sorted(unknown)}"
    if not side.get("name"):
        yield f"{where}: no name"
    if side.get("kind") not in KINDS:
        yield f"{where}: kind {side.get('kind')!r} is not one of {sorted(KINDS)}"
    if side.get("sector") is not None and side["sector"] not in SECTORS:
        yield f"{where}: unknown sector {side['sector']!r}"
    if side.get("kind") == "group" and not side.get("sector"):
        yield f"{where}: a group needs a sector"
    country = side.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
        yield f"{where}: country {country!r} is not ISO 3166-1 alpha-3"
    for n, other in enumerate(side.get("others") or ()):
        yield from _side_problems(other, f"{where}.others[{n}]")


def event_problems(text: GoldText, event: dict, where: str) -> Iterator[str]:
    from warta.events.lexicon import plover_types

    types = plover_types()
    unknown = set(event) - {"field", "sentence", "trigger", "type", "also", "mode", "actor", "recipient",
                            "status", "date", "location", "note"}
    if unknown:
        yield f"{where}: unknown keys {sorted(unknown)}"
    name = "title" if event.get("field") == "title" else "body"
    if event.get("field") not in (None, "title"):
        yield f"{where}: field is 'title' or left out"
    snippet = event.get("sentence") or ""
    count = text.field(name).count(snippet) if snippet else 0
    if count != 1:
        yield f"{where}: sentence snippet found {count} times in the {name}, not once: {snippet[:60]!r}"
    trigger = event.get("trigger") or ""
    if not trigger or trigger.split("…")[0].strip() not in snippet:
        yield f"{where}: trigger {trigger!r} is not inside its sentence snippet"
    kind = event.get("type")
    if kind not in types:
        yield f"{where}: unknown type {kind!r}"
    else:
        mode = event.get("mode")
        if mode is not None and mode not in types[kind].modes:
            yield f"{where}: {kind} has no mode {mode!r}"
    for also in event.get("also") or ():
        if also not in types:
            yield f"{where}: unknown type in also: {also!r}"
    if event.get("status") not in STATUSES:
        yield f"{where}: status {event.get('status')!r} is not one of {sorted(STATUSES)}"
    date = event.get("date")
    if date is not None and not _DATE.match(str(date)):
        yield f"{where}: date {date!r} is not YYYY[-MM[-DD]] or start/end"
    if not (event.get("actor") or event.get("recipient")):
        yield f"{where}: neither actor nor recipient"
    for role in ("actor", "recipient"):
        yield from _side_problems(event.get(role), f"{where}.{role}")


def validate(folder: Path, root: Path, lang: str = "id") -> list[str]:
    """Every problem in the corpus under ``folder`` (splits, agreement passes, manifest)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for split in SPLITS:
        for row in load_split(folder, split, lang):
            problems.extend(row_problems(row.source, row.events, row.extra, root, f"{split}:{row.source}"))
            if row.source in seen:
                problems.append(f"{row.source} is in {seen[row.source]} and {split}")
            seen[row.source] = split
            dataset, _, key = row.source.partition("#")
            if dataset == DETIK_2025 and is_reserved(key, root):
                problems.append(f"{row.source}: reserved id")
    bodies: dict[str, str] = {}
    for source, split in seen.items():
        try:
            digest = sha256(gold_text(source, root).body.strip())
        except (KeyError, ValueError, OSError):
            continue
        if digest in bodies and seen[bodies[digest]] != split:
            problems.append(f"{source} repeats the text of {bodies[digest]} in another split")
        bodies.setdefault(digest, source)
    agreement = folder / "agreement"
    if agreement.exists():
        for path in sorted(agreement.glob(f"*.{lang}.jsonl")):
            for row in read_rows(path):
                if row["source"] not in seen:
                    problems.append(f"{path.name}: {row['source']} has no primary annotation")
                problems.extend(row_problems(row["source"], row["events"], row, root, f"{path.name}:{row['source']}"))
    return problems


def row_problems(source: str, events: Iterable[dict], extra: dict, root: Path, where: str) -> list[str]:
    try:
        text = gold_text(source, root)
    except (KeyError, ValueError, OSError) as error:
        return [f"{where}: cannot read its text: {error}"]
    out = []
    if source.startswith(DETIK_2022) and extra.get("text_sha256") != sha256(text.body):
        out.append(f"{where}: the extracted body changed since it was annotated (text_sha256)")
    for n, event in enumerate(events):
        out.extend(event_problems(text, event, f"{where}#{n}"))
    return out
