"""Options: shipped ``defaults.toml``, then a user file, then ``WARTA_*`` environment variables.

One frozen ``Options`` object is built at the edge (CLI, API) and passed
explicitly to every stage; there is no module-level mutable configuration.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from warta.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Options:
    max_input_bytes: int = 20_000_000
    max_document_seconds: float = 60.0  # one document's pipeline time; 0 = no limit
    languages: tuple[str, ...] = ("id", "en", "ms")
    debug: bool = False
    stages: tuple[str, ...] = ("extract", "language", "sentences", "times", "entities", "actors", "quotes", "events")
    language: str = "auto"
    actor_files: tuple[str, ...] = ()
    # event pattern files per language, earlier ones winning ties (resources/<lang>/…)
    event_patterns: tuple[str, ...] = ("event_patterns.yaml", "event_patterns_cameo.yaml")
    event_merge: str = "primary"  # how candidates from several sources combine (warta/events/merge.py)
    fetch_timeout: float = 20.0  # seconds per request
    fetch_delay: float = 1.0  # seconds between two requests to one host
    fetch_allow_private: bool = False  # fetch private, loopback and link-local addresses too
    feed_fetch_links: bool = True  # fetch each feed item's page (else use the item's own text)
    api_token: str = ""  # bearer token the API's write endpoints need; "" needs none
    api_max_body: int = 5_000_000  # bytes of one API request body
    api_max_page: int = 500  # rows one API list request returns at most
    api_timeout: float = 30.0  # seconds one API request may take (504 after); its queries stop too
    api_max_connections: int = 256  # connections served at once; more get 503

    def evolve(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)


def _coerce(name: str, value: Any, current: Any) -> Any:
    if isinstance(current, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    if isinstance(current, float):
        try:
            return float(str(value))
        except ValueError as exc:
            raise ConfigError(f"option {name} must be a number, got {value!r}") from exc
    if isinstance(current, int):
        try:
            return int(str(value).replace("_", ""))
        except ValueError as exc:
            raise ConfigError(f"option {name} must be an integer, got {value!r}") from exc
    if isinstance(current, tuple):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        return tuple(value)
    return value


def _apply(options: Options, values: Mapping[str, Any], origin: str) -> Options:
    known = {f.name for f in dataclasses.fields(Options)}
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown option {key!r} in {origin}")
        changes[key] = _coerce(key, value, getattr(options, key))
    return options.evolve(**changes)


def load_options(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Options:
    """Defaults, overridden by ``path`` (or $WARTA_CONFIG), then by WARTA_<KEY> variables."""
    env = os.environ if env is None else env
    defaults = tomllib.loads(resources.files("warta").joinpath("defaults.toml").read_text("utf-8"))
    options = _apply(Options(), defaults, "defaults.toml")
    path = path or env.get("WARTA_CONFIG")
    if path:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        options = _apply(options, user, str(path))
    overrides = {
        f.name: env[f"WARTA_{f.name.upper()}"]
        for f in dataclasses.fields(Options)
        if f"WARTA_{f.name.upper()}" in env
    }
    return _apply(options, overrides, "environment")
