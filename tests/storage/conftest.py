"""One storage test suite for every backend: memory, SQLite and PostgreSQL.

The ``store`` fixture yields a fresh, empty store of each kind. PostgreSQL runs against the
throw-away cluster named by ``WARTA_TEST_POSTGRES`` (a ``postgresql://`` URL; ``make test``
starts one, see scripts/); without it the PostgreSQL cases are skipped, saying why.
"""

from __future__ import annotations

import os
import uuid

import pytest

from warta.storage.memory import MemoryStore
from warta.storage.sqlite import SQLiteStore

BACKENDS = ["memory", "sqlite", "postgres"]


def postgres_url() -> str | None:
    return os.environ.get("WARTA_TEST_POSTGRES") or None


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "memory":
        s = MemoryStore()
    elif request.param == "sqlite":
        s = SQLiteStore(str(tmp_path / "w.db"))
    else:
        url = postgres_url()
        if not url:
            pytest.skip("no PostgreSQL: set WARTA_TEST_POSTGRES (make test starts a throw-away cluster)")
        from warta.storage.postgres import PostgresStore

        s = PostgresStore(url, schema=f"t_{uuid.uuid4().hex[:12]}")  # a schema of its own, dropped after
        request.addfinalizer(s.drop_schema)
    yield s
    s.close()
