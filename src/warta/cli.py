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
    workers: int = typer.Option(1, "--workers", min=1, help="Processes running the pipeline (same output as 1)."),
    engine: str = typer.Option("local", "--engine", help="local, or spark (with --out)."),
    master: str = typer.Option("local[2]", "--master", help="Spark master: local[N], spark://host:port, yarn."),
    out: str | None = typer.Option(None, "--out", help="With --engine spark: folder (or Hadoop URL) for Parquet."),
) -> None:
    """Process INPUT files into SPEC records (SQLite by default, JSONL on request; Parquet on Spark)."""
    from warta.batch import process_inputs
    from warta.pipeline import Pipeline
    from warta.readers import iter_paths, parse_field_map
    from warta.storage import open_store

    try:
        fields = parse_field_map(field)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field") from None
    if engine not in ("local", "spark"):
        raise typer.BadParameter("use local or spark", param_hint="--engine")
    if engine == "spark":
        _process_on_spark(inputs, out, master, _options(config, lang, debug), fields)
        return
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
                                     on_progress=lambda _: progress.advance(task), workers=workers)
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


def _process_on_spark(inputs: list[str], out: str | None, master: str, options, fields) -> None:
    if not out:
        raise typer.BadParameter("--engine spark writes Parquet: give --out DIR", param_hint="--out")
    try:
        from warta.runners.spark import run_spark
    except ImportError as exc:
        err.print(f"[red]error[/red] Spark needs its extra: pip install 'warta[spark]' ({exc})")
        raise typer.Exit(2) from None
    result = run_spark(inputs, out, master, options, fields)
    err.print(f"spark {master}: {result['articles']} records in {result['stories']} stories, "
              f"{result['failures']} failed inputs, {result['seconds']} s; Parquet in {out} "
              f"(load it into a store with: warta load {out} --db warta.db)")
    raise typer.Exit(1 if result["failures"] else 0)


@app.command()
def load(
    folder: str = typer.Argument(..., help="The --out folder of a Spark run."),
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL to load into."),
) -> None:
    """Load a Spark run's Parquet output (records and failures) into a store."""
    from warta.corpus.load import load_parquet
    from warta.storage import open_store

    try:
        store = open_store(db)
        try:
            counts = load_parquet(folder, store)
        finally:
            store.close()
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(1) from None
    err.print(f"loaded {counts['records']} records ({counts['added']} new) and {counts['failures']} failures into {db}")


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


_STATUSES = ("asserted", "negated", "future", "hypothetical", "historical")


@app.command()
def events(
    db: str = typer.Option("warta.db", "--db", help="SQLite file the records were stored in."),
    event_type: list[str] = typer.Option([], "--type", "-t", help="PLOVER type (repeat for several)."),
    actor: str | None = typer.Option(None, "--actor", help="An actor id, or part of a name, on either side."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166 alpha-3 code of either side or the place."),
    status: str | None = typer.Option(None, "--status", help="asserted, negated, future, hypothetical or historical."),
    since: str | None = typer.Option(None, "--since", help="Events on or after this date (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--until", help="Events on or before this date (YYYY[-MM[-DD]])."),
    limit: int = typer.Option(1000, "--limit", help="List at most this many events."),
    output: str = typer.Option("table", "--format", help="table, or jsonl (one event per line, with its sentence)."),
) -> None:
    """List stored events, filtered; each shows its sentence, trigger and rule as evidence."""
    import re

    from warta.events.lexicon import plover_types
    from warta.storage import EventQuery

    types = tuple(t.upper() for t in event_type)
    unknown = [t for t in types if t not in plover_types()]
    if unknown:
        raise typer.BadParameter(f"unknown type {unknown[0]}; use one of {', '.join(plover_types())}",
                                 param_hint="--type")
    if status and status not in _STATUSES:
        raise typer.BadParameter(f"use one of {', '.join(_STATUSES)}", param_hint="--status")
    for name, value in (("--since", since), ("--until", until)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    if output not in ("table", "jsonl"):
        raise typer.BadParameter("use table or jsonl", param_hint="--format")
    store = _open_db(db)
    try:
        rows = store.events(EventQuery(types, actor, country, status, since, until, limit))
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    if output == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table("date", "type", "status", "actor", "recipient", "where", "trigger", "sentence", "article")
    for row in rows:
        event = row.event
        place = (event.get("location") or {}).get("name") or ""
        table.add_row(event.get("date") or "", event["type"], event["status"], row.actor_name or "",
                      row.recipient_name or "", place, event["trigger"]["text"], row.sentence, row.article_id[:12])
    Console(width=max(Console().width, 160)).print(table)
    err.print(f"{len(rows)} events" + (" (limit reached; use --limit)" if len(rows) == limit else ""))


def _open_db(db: str):
    """The store at ``db`` (a file must exist; a postgresql:// URL is opened as given)."""
    from warta.storage import open_store

    if "://" not in db and not os.path.exists(db):
        err.print(f"[red]error[/red] no database {db}; run `warta process … --db {db}` first")
        raise typer.Exit(2)
    try:
        return open_store(db)
    except WartaError as exc:
        err.print(f"[red]error[/red] {exc.code}: {exc.message}")
        raise typer.Exit(1) from None


def _check_date(name: str, value: str | None) -> None:
    import re

    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words that must all occur (title, body or quotes)."),
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL."),
    since: str | None = typer.Option(None, "--from", help="Published on or after (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, "--to", help="Published on or before (YYYY[-MM[-DD]])."),
    outlet: str | None = typer.Option(None, "--outlet"),
    lang: str | None = typer.Option(None, "--lang", help="ISO 639-1 code of the article (id, en)."),
    limit: int = typer.Option(20, "--limit"),
    jsonl: str | None = typer.Option(None, "--jsonl", help="Write the matching SPEC records to PATH, or - for stdout."),
) -> None:
    """Full-text search over stored articles: a ranked table, or SPEC records with --jsonl."""
    from warta.storage import SearchQuery

    _check_date("--from", since)
    _check_date("--to", until)
    store = _open_db(db)
    hits = store.search(SearchQuery(query, since, until, outlet, lang, limit))
    if jsonl is not None:
        out = sys.stdout if jsonl == "-" else open(jsonl, "w", encoding="utf-8")
        for hit in hits:
            record = store.get(hit.article_id)
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        if out is not sys.stdout:
            out.close()
    else:
        table = Table("published", "outlet", "lang", "title", "snippet", "article", "story")
        for hit in hits:
            table.add_row(hit.published or "", hit.outlet or "", hit.language or "", hit.title or "", hit.snippet,
                          hit.article_id[:12], (hit.story_id or "")[:12])
        Console(width=max(Console().width, 160)).print(table)
    store.close()
    err.print(f"{len(hits)} articles" + (" (limit reached; use --limit)" if len(hits) == limit else ""))


@app.command()
def stats(
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """What the store holds: articles and stories by language, outlet and month; events by
    type (per copy and per story) and status; the most named actors."""
    store = _open_db(db)
    numbers = store.stats()
    store.close()
    if as_json:
        sys.stdout.write(json.dumps(numbers, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(width=max(Console().width, 120))
    console.print(f"{numbers['articles']} articles in {numbers['stories']} stories")
    for title, key in (("language", "languages"), ("outlet", "outlets"), ("month", "months"),
                       ("status", "events_by_status")):
        table = Table(title, "count")
        for name, count in numbers[key].items():
            table.add_row(str(name), str(count))
        console.print(table)
    table = Table("event type", "events", "story events")
    for name, counts in numbers["events_by_type"].items():
        table.add_row(name, str(counts["events"]), str(counts["story_events"]))
    console.print(table)
    table = Table("actor", "id", "articles")
    for actor in numbers["top_actors"]:
        table.add_row(actor["name"], actor["id"], str(actor["articles"]))
    console.print(table)


@app.command()
def export(
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, parquet, csv or gdelt."),
    out: str = typer.Option(..., "--out", help="File (folder for parquet), or - for stdout (text formats)."),
    table: str = typer.Option("events", "--table", help="For csv: articles, entities, actors, quotes or events."),
) -> None:
    """Export stored records: SPEC JSONL, Parquet (one file per table), CSV, or GDELT 2.0 events."""
    from warta.corpus.export import FORMATS, TABLES
    from warta.corpus.export import export as run_export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if table not in TABLES:
        raise typer.BadParameter(f"use one of {', '.join(TABLES)}", param_hint="--table")
    if fmt == "parquet" and out == "-":
        raise typer.BadParameter("Parquet is written to a folder, not stdout", param_hint="--out")
    store = _open_db(db)
    try:
        counts = run_export(store.articles(), fmt, out, table, stdout=sys.stdout)
    except OSError as exc:
        err.print(f"[red]error[/red] cannot write {out}: {exc}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    err.print(f"exported {counts} {'rows' if isinstance(counts, int) else ''} as {fmt} to {out}".replace("  ", " "))


class _ActorsGroup(typer.core.TyperGroup):
    """``warta actors NAME`` shows one actor; ``warta actors find NAME`` searches the dictionary."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().resolve_command(ctx, args)


actors_app = typer.Typer(no_args_is_help=True, cls=_ActorsGroup,
                         help="An actor's quotes, events and timeline (warta actors ACTOR), or the dictionary (find).")
app.add_typer(actors_app, name="actors")


@actors_app.command("show")
def actors_show(
    actor: str = typer.Argument(..., help="An actor id (per:sergei-lavrov, RUS) or a name in the dictionary."),
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL."),
    limit: int = typer.Option(50, "--limit", help="Show at most this many quotes and events."),
    as_json: bool = typer.Option(False, "--json", help="Print quotes and events as JSON."),
) -> None:
    """An actor's quotes and events in the store, in date order: its timeline."""
    from warta.corpus.query import Corpus
    from warta.storage import EventQuery, QuoteQuery

    store = _open_db(db)
    actor_id = actor
    if ":" not in actor and not (len(actor) == 3 and actor.isupper()):
        from warta.actors.dictionary import load_dictionary

        found = load_dictionary(()).find(actor)
        if found:
            actor_id = found[0][0].id
    quotes = store.quotes(QuoteQuery(actor_id, limit=limit))
    events = [r for r in store.events(EventQuery(actor=actor_id, limit=100_000))
              if actor_id in (r.event["actor"], r.event["recipient"])][:limit]
    timeline = Corpus(store=store).timeline(actor_id)
    store.close()
    if as_json:
        sys.stdout.write(json.dumps({"actor": actor_id, "quotes": [q.to_dict() for q in quotes],
                                     "events": [e.to_dict() for e in events], "weeks": timeline},
                                    ensure_ascii=False) + "\n")
        return
    console = Console(width=max(Console().width, 140))
    console.print(f"{actor_id}: {len(quotes)} quotes, {len(events)} events")
    timeline = Table("date", "what", "text")
    items = [((q.published or ""), f"said ({q.kind}, {q.cue or ''})", q.text) for q in quotes]
    items += [((e.event.get("date") or e.published or ""),
               f"{e.event['type']} {e.event['status']} {e.actor_name or '?'} → {e.recipient_name or '?'}",
               e.sentence) for e in events]
    for date, what, text in sorted(items, key=lambda item: item[0]):
        timeline.add_row(date, what, text)
    console.print(timeline)


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


@app.command()
def serve(
    db: str = typer.Option("warta.db", "--db", help="SQLite file or postgresql:// URL to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers", help="Server processes (each opens its own connections)."),
    config: Path | None = typer.Option(None, "--config", help="TOML file (api_token, api_max_body, …)."),
) -> None:
    """Serve the HTTP API (/v1, OpenAPI at /docs) and the dashboard over a store."""
    try:
        import uvicorn

        from warta.api import create_app
    except ImportError as exc:
        err.print(f"[red]error[/red] the API needs its extra: pip install 'warta[api]' ({exc.name} is missing)")
        raise typer.Exit(2) from None
    _open_db(db).close()  # a missing file or an unreachable server is said now, once
    options = _options(config, "auto", False)
    if host not in ("127.0.0.1", "localhost", "::1") and not options.api_token:
        err.print("[yellow]warning[/yellow] listening beyond this machine with no api_token: "
                  "anyone who reaches it may POST documents (set WARTA_API_TOKEN)")
    err.print(f"serving {db} on http://{host}:{port} (dashboard /, API /v1, docs /docs)")
    # idle keep-alive connections close after 5 s; past the connection limit the answer is 503
    limits = {"limit_concurrency": options.api_max_connections, "timeout_keep_alive": 5}
    if workers > 1:
        os.environ["WARTA_SERVE_DB"] = db
        if config:
            os.environ["WARTA_CONFIG"] = str(config)
        uvicorn.run("warta.api.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", **limits)
    else:
        uvicorn.run(create_app(db, options, warm=True), host=host, port=port, log_level="warning", **limits)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
