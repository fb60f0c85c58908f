"""Exports: SPEC JSONL, one Parquet file per table, CSV, and GDELT 2.0 event rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import warta
from warta.cli import app
from warta.corpus.export import GDELT_COLUMNS, export, gdelt_rows, table_rows
from warta.model import Source


@pytest.fixture(scope="module")
def records(seed_text):
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt", url="https://b.example/x"),
                                           story_id="story-1")
    copy_text = seed_text.replace("NATO telah menolak tuntutan tersebut.",
                                  "NATO telah menolak tuntutan tersebut. Penolakan itu disampaikan di Brussel.")
    copy = warta.process(copy_text).evolve(source=Source(format="text", path="copy.txt"), story_id="story-1")
    return [seed, copy]


def test_tables_have_one_row_per_object(records):
    tables = table_rows(records)
    assert len(tables["articles"]) == 2
    assert len(tables["events"]) == sum(len(r.events) for r in records)
    assert len(tables["quotes"]) == sum(len(r.quotes) for r in records)
    assert len({a["actor_id"] for a in tables["actors"]}) == len(tables["actors"])
    consult = next(e for e in tables["events"] if e["type"] == "CONSULT")
    assert consult["location"] == "Jenewa" and consult["country"] == "CHE" and consult["trigger"] in consult["sentence"]


def test_jsonl_and_csv(records):
    out = io.StringIO()
    assert export(records, "jsonl", "-", stdout=out) == 2
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [r.id for r in records]
    out = io.StringIO()
    export(records, "csv", "-", table="events", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and {"type", "actor", "status", "trigger", "canonical"} <= set(rows[0])


def test_parquet_tables(records, tmp_path):
    import pyarrow.parquet as pq

    counts = export(records, "parquet", str(tmp_path / "out"))
    assert set(counts) == {"articles", "entities", "actors", "quotes", "events"}
    events = pq.read_table(tmp_path / "out" / "events.parquet")
    assert events.num_rows == counts["events"] and events.schema.field("lat").type == "double"


def test_gdelt_rows_count_a_story_once(records):
    rows = list(gdelt_rows(records))
    assert rows and all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)
    column = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    consult = [r for r in rows if r[column["EventRootCode"]] == "04"]
    assert consult and consult[0][column["SQLDATE"]] == "20220121"
    assert consult[0][column["Actor1CountryCode"]] in ("RUS", "USA")
    assert consult[0][column["ActionGeo_CountryCode"]] == "SZ"  # FIPS for Switzerland
    assert consult[0][column["NumArticles"]] == "2" and consult[0][column["QuadClass"]] == "1"
    assert consult[0][column["SOURCEURL"]] == "https://b.example/x"
    assert not [r for r in rows if r[column["EventRootCode"]] in ("18", "19", "20")]  # no asserted attack
    assert len({r[column["GLOBALEVENTID"]] for r in rows}) == len(rows)


def test_cli_export_search_stats_and_actor(records, tmp_path):
    from warta.storage.sqlite import SQLiteStore

    db = str(tmp_path / "w.db")
    SQLiteStore(db).save_batch(records)
    runner = CliRunner()
    done = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", "-"])
    assert done.exit_code == 0 and len(done.stdout.splitlines()[0].split("\t")) == 61
    assert runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", "-"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", db, "--format", "xml", "--out", "x"]).exit_code == 2
    done = runner.invoke(app, ["search", "Lavrov Jenewa", "--db", db, "--jsonl", "-"])
    assert done.exit_code == 0 and {json.loads(line)["id"] for line in done.stdout.splitlines()} == {
        r.id for r in records}
    done = runner.invoke(app, ["stats", "--db", db, "--json"])
    numbers = json.loads(done.stdout)
    assert numbers["articles"] == 2 and numbers["stories"] == 1
    done = runner.invoke(app, ["actors", "per:sergei-lavrov", "--db", db, "--json"])
    timeline = json.loads(done.stdout)
    assert len(timeline["quotes"]) >= 6 and timeline["events"]
    done = runner.invoke(app, ["actors", "Lavrov", "--db", db, "--json"])
    assert json.loads(done.stdout)["actor"] == "per:sergei-lavrov"
    assert runner.invoke(app, ["actors", "find", "lavrov"]).exit_code == 0
    assert runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")]).exit_code == 2


def test_python_api_returns_pandas_tables(records, tmp_path):
    from warta.storage.sqlite import SQLiteStore

    db = str(tmp_path / "w.db")
    SQLiteStore(db).save_batch(records)
    with warta.open_corpus(db) as corpus:
        hits = corpus.search("Lavrov")
        assert len(hits) == 2 and "snippet" in hits.columns
        events = corpus.events(types=["consult"], status="asserted")
        assert set(events["type"]) == {"CONSULT"}
        assert corpus.stats()["stories"] == 1
        assert len(corpus.actor("per:sergei-lavrov", frame=False)["quotes"]) >= 6
