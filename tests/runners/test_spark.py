"""The pipeline on Spark (local[2], for real) gives the single process's records, record for
record, and its Parquet loads into a store (``warta load``)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="Spark needs the extra warta[spark] (pyspark)")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java: no java on PATH and no JAVA_HOME", allow_module_level=True)

from warta.batch import process_inputs
from warta.corpus.export import table_rows
from warta.corpus.load import load_parquet
from warta.pipeline import Pipeline
from warta.runners.spark import run_spark
from warta.storage.memory import MemoryStore
from warta.storage.sqlite import SQLiteStore

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_text):
    folder = tmp_path_factory.mktemp("spark-in")
    for page in sorted(STORIES.glob("*.txt")):
        shutil.copy(page, folder / page.name)
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    rows = [{"judul": "Banjir Rendam Ratusan Rumah di Bandung Selatan",
             "isi_berita": "BANDUNG - Banjir merendam ratusan rumah warga di Bandung selatan pada Senin (20/10) "
                           "setelah hujan deras mengguyur sejak sore, kata petugas BPBD setempat.",
             "tanggal": "10/20/2025 09:15"},
            {"judul": "Kosong", "isi_berita": ""}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                       encoding="utf-8")
    (folder / "broken.html").write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    return folder


@pytest.fixture(scope="module")
def single(corpus):
    store = MemoryStore()
    summary = process_inputs([str(corpus)], Pipeline(), store)
    return store, summary


@pytest.fixture(scope="module")
def spark_out(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out")
    result = run_spark([str(corpus)], str(out), master="local[2]")
    return out, result


def test_spark_gives_the_single_process_records(single, spark_out):
    store, summary = single
    out, result = spark_out
    loaded = MemoryStore()
    counts = load_parquet(str(out), loaded)
    expected = {a.id: a.to_dict() for a in store.articles()}
    got = {a.id: a.to_dict() for a in loaded.articles()}
    assert len(expected) == summary.articles - 0 and result["articles"] == len(expected) == counts["records"]
    assert got == expected  # every field of every record, story ids included
    assert result["stories"] == len({a["story_id"] for a in expected.values()}) < len(expected)
    assert sorted((f.source, f.code) for f in loaded.failures()) == sorted((f.source, f.code) for f in store.failures())
    assert result["failures"] == len(store.failures()) == 2  # the PDF and the empty JSONL record


def test_parquet_tables_are_partitioned_by_publication_date(single, spark_out):
    import pyarrow.dataset as ds

    store, _ = single
    out, result = spark_out
    expected = table_rows(list(store.articles()))
    for table in ("articles", "entities", "actors", "quotes", "events"):
        folder = out / table
        assert any(p.name.startswith("pub_date=") for p in folder.iterdir()), table
        rows = ds.dataset(str(folder), format="parquet", partitioning="hive").to_table().to_pylist()
        if table == "actors":
            assert sorted(r["actor_id"] for r in rows) == sorted(r["actor_id"] for r in expected[table])
        assert len(rows) == len(expected[table]) == result["rows"][table], table
    (dated,) = [p.name for p in (out / "articles").iterdir() if p.name == "pub_date=2022-01-21"]
    assert dated


def test_load_into_sqlite_twice_adds_nothing(spark_out, tmp_path):
    out, result = spark_out
    store = SQLiteStore(str(tmp_path / "w.db"))
    first = load_parquet(str(out), store)
    again = load_parquet(str(out), store)
    assert first["added"] == result["articles"] and again["added"] == 0
    assert store.counts()["articles"] == result["articles"] and store.counts()["failures"] == 2
    store.close()


def test_cli_spark_needs_out_and_load_needs_a_spark_folder(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["process", str(tmp_path), "--engine", "spark"]).exit_code == 2
    assert runner.invoke(app, ["process", str(tmp_path), "--engine", "flink"]).exit_code == 2
    done = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "w.db")])
    assert done.exit_code == 1 and "records/" in done.output
