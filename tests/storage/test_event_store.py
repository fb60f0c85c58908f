"""Stored events: filtered the same way by every store, listed by `warta events`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import warta
from warta.cli import app
from warta.model import Source
from warta.storage import EventQuery
from warta.storage.sqlite import SQLiteStore


@pytest.fixture(scope="module")
def seed(seed_text):
    return warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"))


@pytest.fixture
def stored(store, seed):
    store.save_batch([seed])
    return store


def _kinds(rows):
    return {(r.event["type"], r.event["status"]) for r in rows}


def test_all_events_are_stored_once(stored, seed):
    store = stored
    assert len(store.events(EventQuery())) == len(seed.events) > 5
    store.save_batch([seed])  # saving again replaces, never duplicates
    assert len(store.events(EventQuery())) == len(seed.events)
    assert store.counts()["events"] == len(seed.events)


def test_filters(stored):
    store = stored
    consult = store.events(EventQuery(types=("CONSULT",), status="asserted"))
    assert consult and all(r.event["type"] == "CONSULT" for r in consult)
    assert {r.actor_name for r in consult} <= {"Sergei Lavrov", "Antony Blinken"}
    assert all("Lavrov" in (r.actor_name or "") + (r.recipient_name or "")
               for r in store.events(EventQuery(actor="lavrov")))
    swiss = store.events(EventQuery(country="che"))
    assert swiss and all((r.event["location"] or {}).get("country") == "CHE" or "CHE" in
                         (r.actor_country, r.recipient_country) for r in swiss)
    old = store.events(EventQuery(since="2014", until="2014-12-31"))
    assert _kinds(old) == {("ASSAULT", "historical")}
    assert not store.events(EventQuery(types=("ASSAULT",), status="asserted"))
    assert len(store.events(EventQuery(limit=2))) == 2


def test_rows_carry_their_evidence(stored, seed):
    for row in stored.events(EventQuery()):
        assert row.event["trigger"]["text"] in row.sentence
        assert row.article_id == seed.id and row.to_dict()["sentence_text"] == row.sentence


def test_cli_lists_events_as_table_and_jsonl(tmp_path, seed):
    db = str(tmp_path / "w.db")
    SQLiteStore(db).save_batch([seed])
    runner = CliRunner()
    done = runner.invoke(app, ["events", "--db", db, "--type", "consult", "--status", "asserted"])
    assert done.exit_code == 0, done.output
    assert "Lavrov" in done.stdout and "bertemu dengan" in done.stdout
    done = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--actor", "per:joe-biden"])
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert lines and all("per:joe-biden" in (e["actor"], e["recipient"]) for e in lines)
    assert runner.invoke(app, ["events", "--db", db, "--type", "attack"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", db, "--since", "January"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")]).exit_code == 2
