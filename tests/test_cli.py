"""The command line: stdout carries only records, exit codes say what happened."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from warta.cli import app

DUMP = "Judul Berita Untuk Uji Baris Perintah\n\nJAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin (20/10) pagi.\n"


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DUMP)
    (folder / "b.txt").write_text(DUMP.replace("jembatan", "bendungan"))
    return folder


def _run(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=120)


def test_jsonl_to_stdout_prints_records_and_nothing_else(inputs, tmp_path):
    done = _run("process", str(inputs), "--jsonl", "-", "--db", str(tmp_path / "w.db"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert {r["title"] for r in records} == {"Judul Berita Untuk Uji Baris Perintah"}
    assert all(r["dateline"] == {"place": "JAKARTA", "place_id": "geo:1642911"} for r in records)
    assert "articles" in done.stderr and "articles/s" in done.stderr


def test_bad_input_fails_alone_and_is_recorded(inputs, tmp_path):
    (inputs / "c.pdf").write_bytes(b"%PDF-1.4 not news")
    (inputs / "d.html").write_text("<html><head><title>Indeks</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    db = tmp_path / "w.db"
    done = _run("process", str(inputs), "--db", str(db))
    assert done.returncode == 1
    assert "input.binary" in done.stderr and "c.pdf" in done.stderr
    assert "extract.no_text" in done.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        failures = dict(con.execute("SELECT source, code FROM failures").fetchall())
    assert failures == {str(inputs / "c.pdf"): "input.binary", str(inputs / "d.html"): "extract.no_text"}
    again = _run("process", str(inputs), "--db", str(db))  # re-run: nothing duplicated
    assert again.returncode == 1
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT MAX(attempts) FROM failures").fetchone()[0] == 2


def test_stdin_and_lang_option(tmp_path):
    done = _run("process", "-", "--jsonl", "-", "--no-db", "--lang", "en", stdin=DUMP)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["language"] == "en"


def test_usage_errors_exit_2(inputs):
    runner = CliRunner()
    assert runner.invoke(app, ["process", str(inputs), "--field", "nonsense"]).exit_code == 2
    assert runner.invoke(app, ["process", str(inputs), "--lang", "xx", "--no-db"]).exit_code == 2
    assert runner.invoke(app, ["process"]).exit_code == 2
    assert runner.invoke(app, ["show", "deadbeef", "--db", str(inputs / "none.db")]).exit_code == 2


def test_show_renders_a_stored_record_and_a_file(inputs, tmp_path):
    db = tmp_path / "w.db"
    done = _run("process", str(inputs / "a.txt"), "--db", str(db), "--jsonl", "-")
    record_id = json.loads(done.stdout)["id"]
    shown = _run("show", record_id[:8], "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "Judul Berita Untuk Uji Baris Perintah" in shown.stdout
    assert "dateline JAKARTA" in shown.stdout
    from_file = _run("show", str(inputs / "b.txt"))
    assert "bendungan" in from_file.stdout


def test_jsonl_input_with_field_mapping_to_a_jsonl_file(tmp_path):
    source = tmp_path / "detik.jsonl"
    source.write_text(json.dumps({
        "judul": "Presiden Banggakan Inflasi",
        "isi_berita": "Jakarta - Presiden menegaskan pentingnya pengendalian inflasi dalam sidang kabinet.\n"
                      "Capaian ini menjadi salah satu terendah di antara negara G20.",
        "tanggal": "10/21/2025 20:43",
        "tautan": "https://news.detik.com/berita/d-8171947/presiden-banggakan-inflasi",
    }) + "\n")
    out = tmp_path / "out.jsonl"
    done = _run("process", str(source), "--no-db", "--jsonl", str(out), "--field", "title=judul",
                "--field", "text=isi_berita", "--field", "published=tanggal", "--field", "url=tautan")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["title"] == "Presiden Banggakan Inflasi"
    assert record["source"] == {"path": str(source), "url": "https://news.detik.com/berita/d-8171947/presiden-banggakan-inflasi",
                                "line": 1, "format": "jsonl"}
    assert record["published"] == {"date": "2025-10-21", "precision": "day", "basis": "input-field"}
    assert record["dateline"]["place"] == "Jakarta"
    assert record["body"].split("\n\n")[0].startswith("Presiden menegaskan")


def test_seed_prints_one_spec_record(tmp_path):
    from conftest import SEED

    if not SEED.exists():
        pytest.skip(f"seed example not available: {SEED}")
    done = _run("process", str(SEED), "--jsonl", "-", "--no-db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    record = json.loads(line)
    assert record["title"] == "Rusia dan AS Lanjutkan Dialog Konflik Ukraina Pasca Pertemuan di Jenewa"
    assert record["spec_version"] == 1 and record["language"] == "id"
    assert list(tmp_path.iterdir()) == []  # --no-db: nothing written


def test_actors_find_shows_ids_and_offices():
    result = CliRunner().invoke(app, ["actors", "find", "lavrov"])
    assert result.exit_code == 0, result.output
    assert "per:sergei-lavrov" in result.output and "foreign_minister 2004-03-09" in result.output


def test_actors_find_reads_the_users_actor_files(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: grp:kelompok-uji\n  name: Kelompok Uji Coba\n  kind: group\n  country: IDN\n"
                    "  sector: REB\n  aliases: {id: [KUC]}\n", encoding="utf-8")
    config = tmp_path / "warta.toml"
    config.write_text(f'actor_files = ["{mine}"]\n', encoding="utf-8")
    assert CliRunner().invoke(app, ["actors", "find", "KUC"]).exit_code == 1
    result = CliRunner().invoke(app, ["actors", "find", "KUC", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "grp:kelompok-uji" in result.output


def test_process_links_names_to_the_users_actors(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: per:budi-uji\n  name: Budi Uji\n  kind: person\n  country: IDN\n  sector: CVL\n"
                    "  aliases: {id: [Pak Budi Uji]}\n", encoding="utf-8")
    config = tmp_path / "warta.toml"
    config.write_text(f'actor_files = ["{mine}"]\n', encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text("Judul Uji Aktor Pengguna\n\nJAKARTA - Budi Uji mengatakan jembatan baru dibuka di Jakarta.\n")
    done = _run("process", str(page), "--jsonl", "-", "--no-db", "--config", str(config))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["actors"]["per:budi-uji"]["sector"] == "CVL"
    assert {e["actor"] for e in record["entities"] if e["text"] == "Budi Uji"} == {"per:budi-uji"}
