"""An article's text as HTML with its evidence marked: sentences, entities, quotes, triggers.

Every piece of article text goes through ``escape``: a page that contains markup is shown
as text. The text is cut at every span boundary; each piece is one ``<span>`` whose
classes say which spans cover it, inside the ``<span id="s-…">`` of its sentence, so
nesting is always valid however the spans overlap. A quote's speaker is shown as a badge
before it (outside the article's text, so the text itself stays exactly as stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from warta.model import Article


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    classes: str
    title: str = ""
    href: str | None = None  # an actor's page, for entities


def sentence_anchor(field: str, start: int) -> str:
    """The element id of the sentence starting at ``start`` in ``field``."""
    return f"s-{field.replace(':', '-')}-{start}"


def marks_of(article: Article, field: str, actor_names: dict[str, str]) -> list[Mark]:
    marks = []
    for e in article.entities:
        if e.span.field == field:
            marks.append(Mark(e.span.start, e.span.end, f"ent ent-{e.type}",
                              f"{e.type}" + (f" · {actor_names.get(e.actor, e.actor)}" if e.actor else ""),
                              f"/actors/{e.actor}" if e.actor and not e.actor.startswith("geo:") else None))
    for n, q in enumerate(article.quotes):
        if q.span.field == field:
            who = actor_names.get(q.speaker or "", None) or (q.speaker_span.text if q.speaker_span else "unknown")
            marks.append(Mark(q.span.start, q.span.end, f"quote quote-{q.kind} q-{n}", f"{q.kind} quote · {who}"))
    for n, ev in enumerate(article.events):
        if ev.trigger.field == field:
            marks.append(Mark(ev.trigger.start, ev.trigger.end, f"trigger status-{ev.status} ev-{n}",
                              f"{ev.type} ({ev.status}) · {ev.rule}"))
    return marks


def highlight(article: Article, field: str) -> Markup:
    """The field's text as HTML: sentences with ids, marked spans, speaker badges."""
    text = article.text_of(field)
    names = {a.id: a.name for a in article.actors}
    marks = marks_of(article, field, names)
    sentences = sorted((s.start, s.end) for s in article.sentences if s.field == field)
    badges: dict[int, list[str]] = {}
    for n, q in enumerate(article.quotes):
        if q.span.field == field:
            who = names.get(q.speaker or "") or (q.speaker_span.text if q.speaker_span else None)
            badges.setdefault(q.span.start, []).append(
                f'<span class="speaker q-{n}" title="speaker">{escape(who or "speaker unknown")}</span>')
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    for start, end in sentences:
        cuts.update((start, end))
    cuts.update(badges)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    open_sentence = None
    for start, end in pairwise(points):
        sentence = next(((s, e) for s, e in sentences if s <= start < e), None)
        if sentence != open_sentence:
            if open_sentence is not None:
                out.append("</span>")
            if sentence is not None:
                out.append(f'<span class="sent" id="{sentence_anchor(field, sentence[0])}">')
            open_sentence = sentence
        out.extend(badges.get(start, ()))
        covering = [m for m in marks if m.start <= start and end <= m.end]
        piece = escape(text[start:end])
        if not covering:
            out.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys(c for m in covering for c in m.classes.split()))
        title = " | ".join(dict.fromkeys(m.title for m in covering if m.title))
        link = next((m.href for m in covering if m.href), None)
        tag = "a" if link else "span"
        href = f' href="{escape(link)}"' if link else ""
        out.append(f'<{tag} class="{escape(classes)}" title="{escape(title)}"{href}>{piece}</{tag}>')
    if open_sentence is not None:
        out.append("</span>")
    return Markup("".join(out))
