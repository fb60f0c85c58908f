"""A record as Rich renderables for the terminal, spans highlighted in place."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warta.model import Article

# Sentences alternate two quiet backgrounds so their borders are visible; findings
# of later stages are drawn over them.
_SENTENCE_STYLES = ("on grey11", "on grey19")
_STYLES = {"entity": "bold cyan", "time": "magenta", "quote": "italic green"}


def _field_text(article: Article, name: str, text: str) -> Text:
    out = Text(text)
    sentences = [s for s in article.sentences if s.field == name]
    for n, sentence in enumerate(sentences):
        out.stylize(_SENTENCE_STYLES[n % 2], sentence.start, sentence.end)
    for quote in article.quotes:
        if quote.span.field == name:
            out.stylize(_STYLES["quote"], quote.span.start, quote.span.end)
    for time in article.times:
        if time.span.field == name:
            out.stylize(_STYLES["time"], time.span.start, time.span.end)
    for entity in article.entities:
        if entity.span.field == name:
            out.stylize(_STYLES["entity"], entity.span.start, entity.span.end)
    return out


def render_article(article: Article) -> Group:
    meta = Text()
    meta.append(f"id {article.id}  ", style="dim")
    meta.append(f"language {article.language or '?'}  ")
    meta.append(f"outlet {article.outlet or '—'}  ")
    if article.dateline:
        meta.append(f"dateline {article.dateline.place}  ")
    if article.published:
        published = article.published
        meta.append(f"published {published.date} ({published.precision}, {published.basis})")
    meta.append(f"\nsource {article.source.ref} [{article.source.format}]", style="dim")
    parts = [
        Text(article.title or "(no title)", style="bold"),
        meta,
        Panel(_field_text(article, "body", article.body), title="body", title_align="left"),
    ]
    for n, caption in enumerate(article.captions):
        text = _field_text(article, f"caption:{n}", caption.text)
        parts.append(Panel(text, title=f"caption {n} — credit: {caption.credit or '—'}", title_align="left"))
    if article.entities:
        parts.append(_entities_table(article))
    if article.times:
        parts.append(_times_table(article))
    summary = (f"{len(article.sentences)} sentences, {len(article.entities)} entities, "
               f"{len(article.times)} times, {len(article.quotes)} quotes, {len(article.events)} events; "
               f"{len(article.boilerplate)} chrome lines removed")
    parts.append(Text(summary, style="dim"))
    for warning in article.warnings:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    return Group(*parts)


def _entities_table(article: Article) -> Table:
    """Each name once per actor, with how often it occurs, so a reader sees who the story is about."""
    actors = {a.id: a for a in article.actors}
    rows: dict[tuple[str, str | None], list[str]] = {}
    for entity in article.entities:
        rows.setdefault((entity.type, entity.actor), []).append(entity.span.text)
    table = Table(title="entities", title_justify="left", show_edge=False)
    for column in ("type", "as written", "actor", "kind", "country", "sector"):
        table.add_column(column)
    for (kind, actor_id), texts in rows.items():
        actor = actors.get(actor_id or "")
        written = ", ".join(dict.fromkeys(texts)) + (f" ×{len(texts)}" if len(texts) > 1 else "")
        table.add_row(kind, Text(written, style=_STYLES["entity"]),
                      f"{actor.name} ({actor.id})" if actor else "—",
                      actor.kind if actor else "", (actor.country or "") if actor else "",
                      (actor.sector or "") if actor else "")
    return table


def _times_table(article: Article) -> Table:
    """Each time with its value, so a reader can check the resolution against the text."""
    table = Table(title="times", title_justify="left", show_edge=False)
    for column in ("field", "as written", "value", "granularity", ""):
        table.add_column(column)
    for time in article.times:
        flag = Text("!", style="yellow") if time.warnings else Text("")
        table.add_row(time.span.field, Text(time.span.text, style=_STYLES["time"]), time.value or "—",
                      time.granularity, flag)
    return table
