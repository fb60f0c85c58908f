"""Shared fixtures: where the shared data lives, debug options, stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from warta.config import Options
from warta.storage.memory import MemoryStore

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))
SHARED_DATA = Path(os.environ.get("WARTA_SHARED_DATA", SHARED / "data"))
SEED = SHARED / "examples" / "000_c55a8262d8eb67cc.txt"


def shared_path(relative: str) -> Path:
    """A path under ../shared/data, or skip the test with a clear reason when absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (set WARTA_SHARED_DATA)")
    return path


@pytest.fixture
def debug_options() -> Options:
    return Options(debug=True)


@pytest.fixture
def memory_store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed example not available: {SEED}")
    return SEED.read_text(encoding="utf-8")


# CI runs the property tests derandomized, so a green main stays green; local runs keep
# exploring new examples (and the long fuzz run belongs outside the unit suite).
from hypothesis import settings as _hypothesis_settings

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
