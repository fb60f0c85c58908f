"""The ``warta`` command: a thin layer over the library (``warta.batch``, ``warta.storage``).

Records go to stdout only when asked (``--jsonl -``); progress, the summary and
errors go to stderr. Exit codes: 0 all inputs processed, 1 some inputs failed,
2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from warta.errors import WartaError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news pages into structured, sentence-level evidence.")
err = Console(stderr=True, soft_wrap=True)  # a long path is never cut in two


def _options(config: Path | None, lang: str, debug: bool):
    from warta.config import load_options

    options = load_options(config)
    if lang not in ("auto", "id", "en", "ms"):
        raise typer.BadParameter("use auto, id, en or ms", param_hint="--lang")
    return options.evolve(language=lang, debug=debug or options.debug)


@app.command()
def process(
    inputs: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for stdin."),
    db: str = typer.Option("warta.db", "--db", help="SQLite file to store records and failures in."),
    no_db: bool = typer.Option(False, "--no-db", help="Do not store anything."),
    jsonl: str | None = typer.Option(None, "--jsonl", help="Also write SPEC records as JSONL to PATH, or - for stdout."),
    lang: str = typer.Option("auto", "--lang", help="auto, id, en or ms."),
    field: list[str] = typer.Option([], "--field", help="JSONL key mapping, e.g. title=judul text=isi_berita."),
    config: Path | None = typer.Option(None, "--config", help="TOML file overriding defaults.toml."),
    debug: bool = typer.Option(False, "--debug", help="Check span invariants after every stage."),
) -> None:
    """Process INPUT files into SPEC records (SQLite by default, JSONL on request)."""
    from warta.batch import process_inputs
    from warta.pipeline import Pipeline
    from warta.readers import iter_paths, parse_field_map
    from warta.storage import open_store

    try:
        fields = parse_field_map(field)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field") from None
    try:
        options = _options(config, lang, debug)
        pipeline = Pipeline(options=options)
        store = None if no_db else open_store(db)
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(2) from None

    out = None
    if jsonl == "-":
        out = sys.stdout
    elif jsonl:
        out = open(jsonl, "w", encoding="utf-8")

    def write(article) -> None:
        if out is not None:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")

    paths = list(iter_paths(inputs))
    show_bar = len(paths) > 3 and err.is_terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=not show_bar, transient=True)
    task = progress.add_task("process", total=None)
    try:
        with progress:
            summary = process_inputs(paths, pipeline, store, fields, on_record=write,
                                     on_progress=lambda _: progress.advance(task))
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(2) from None
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
        if store is not None:
            store.close()

    for failure in summary.failures[:20]:
        err.print(f"[yellow]failed[/yellow] {failure.source.ref}: {failure.code}: {failure.message}")
    if len(summary.failures) > 20:
        err.print(f"… and {len(summary.failures) - 20} more failures (stored in {db})")
    table = Table(title="warta process", show_header=True, header_style="bold")
    for column in ("articles", "failed", "entities", "times", "quotes", "events", "s", "articles/s"):
        table.add_column(column, justify="right")
    table.add_row(str(summary.articles), str(summary.failed), str(summary.entities), str(summary.times),
                  str(summary.quotes), str(summary.events), f"{summary.seconds:.2f}",
                  f"{summary.articles_per_second:.1f}")
    err.print(table)
    if summary.warnings:
        err.print(f"{summary.warnings} warning(s) for a reader to check (warta show ID lists them)")
    if store is not None:
        err.print(f"stored in {db}: {summary.added} new record(s)")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def show(
    target: str = typer.Argument(..., help="A record id (or unique prefix) in --db, or an input file."),
    db: str = typer.Option("warta.db", "--db", help="SQLite file to look the id up in."),
    config: Path | None = typer.Option(None, "--config"),
) -> None:
    """Print one record readably, with its spans highlighted."""
    from warta.display import render_article
    from warta.model import Article

    article = None
    try:
        if os.path.isfile(target):
            text = Path(target).read_bytes()
            stripped = text.lstrip()
            if stripped.startswith(b"{") and b'"spec_version"' in text[:1_000_000]:
                article = Article.from_dict(json.loads(text.splitlines()[0]))
            else:
                from warta.pipeline import Pipeline

                article = Pipeline(options=_options(config, "auto", False)).process(text, path=target)
        elif os.path.exists(db):
            from warta.storage import open_store

            store = open_store(db)
            article = store.get(target)
            store.close()
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(1) from None
    if article is None:
        err.print(f"[red]error[/red] no file and no record {target!r} in {db}")
        raise typer.Exit(2)
    Console().print(render_article(article))


actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor dictionary.")
app.add_typer(actors_app, name="actors")


@actors_app.command("find")
def actors_find(
    name: str = typer.Argument(..., help="A name or part of one, in any letter case."),
    limit: int = typer.Option(20, "--limit", help="Show at most this many actors."),
    config: Path | None = typer.Option(None, "--config", help="TOML file (its actor_files are read too)."),
) -> None:
    """Actors whose name or alias contains NAME, with ids, offices and the files they come from."""
    from warta.actors.dictionary import load_dictionary

    try:
        dictionary = load_dictionary(tuple(_options(config, "auto", False).actor_files))
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(1) from None
    found = dictionary.find(name)
    if not found:
        err.print(f"no actor matches {name!r} (dictionary: {', '.join(dictionary.sources)})")
        raise typer.Exit(1)
    table = Table("id", "name", "kind", "country", "sector", "offices (from–to)")
    for actor, _ in found[:limit]:
        terms = [f"{t.office} {t.start or '…'}–{t.end or ''}" for t in dictionary.terms_of.get(actor.id, ())]
        table.add_row(actor.id, actor.name, actor.kind, actor.country or "", actor.sector or "", "\n".join(terms))
    Console(width=max(Console().width, 120)).print(table)
    if len(found) > limit:
        err.print(f"{len(found) - limit} more; use --limit")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
