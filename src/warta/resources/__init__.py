"""Language knowledge as data: ``load(lang, name)`` reads ``resources/<lang>/<name>``.

Every language folder uses the same file names, so a stage asks for
``load(article.language, "abbreviations.txt")`` and gets that language's list.
``common/`` holds what is not tied to one language. Parsed by extension:

* ``.txt``  -> tuple of stripped lines, without blank lines and ``#`` comments
* ``.tsv``  -> tuple of dicts keyed by the header row (``#`` lines skipped)
* ``.yaml`` -> the parsed document
* ``.json`` -> the parsed document

Results are cached and must be treated as read-only.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources as _importlib_resources
from typing import Any

from warta.errors import ResourceError

LANGUAGES = ("id", "en")
# Languages Warta ships no data for but reads with a shipped language's data.
_READ_AS = {"ms": "id"}


def data_language(code: str | None) -> str | None:
    """The shipped language whose data reads text in ``code`` (Malay reads as Indonesian)."""
    lang = _READ_AS.get(code or "", code)
    return lang if lang in LANGUAGES else None


def _root():
    return _importlib_resources.files(__name__)


def available(lang: str) -> tuple[str, ...]:
    """File names shipped for ``lang`` (or ``common``)."""
    folder = _root() / lang
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_file()))


@cache
def load(lang: str, name: str) -> Any:
    """Parsed contents of ``resources/<lang>/<name>``; raises ResourceError if absent."""
    path = _root() / lang / name
    if not path.is_file():
        raise ResourceError(f"no resource {name!r} for language {lang!r}")
    text = path.read_text(encoding="utf-8")
    try:
        if name.endswith(".txt"):
            return tuple(
                line.strip()
                for line in text.splitlines()
                if line.strip() and not line.lstrip().startswith("#")
            )
        if name.endswith(".tsv"):
            lines = [line for line in text.splitlines() if line and not line.startswith("#")]
            return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
        if name.endswith((".yaml", ".yml")):
            import yaml

            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C parser when present
        if name.endswith(".json"):
            return json.loads(text)
    except Exception as exc:  # a malformed shipped file is a packaging bug: say which file
        raise ResourceError(f"resource {lang}/{name} is malformed: {exc}") from exc
    raise ResourceError(f"resource {lang}/{name} has an unknown file type")

