"""Charts drawn on the server as SVG: no JavaScript library and nothing fetched from elsewhere.

- ``timeline_svg``: an actor's asserted events per week, stacked by quad class, with the
  week's mean intensity (−10 conflict … +10 cooperation) as a line;
- ``network_svg``: who acts on whom, actors on a circle, edge width by number of events,
  edge colour by the share of conflict;
- ``map_svg``: event places on the shipped world outline, circle area by number of events.

All text in them (names, dates) is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

QUAD_COLOURS = {
    "verbal_cooperation": "#7fb3d5",
    "material_cooperation": "#1f618d",
    "verbal_conflict": "#f5b041",
    "material_conflict": "#c0392b",
}
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}


def timeline_svg(weeks: Sequence[dict], width: int = 760, height: int = 240) -> Markup:
    if not weeks:
        return Markup('<p class="empty">No asserted events with a known day.</p>')
    left, right, top, bottom = 40, 40, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max(w["events"] for w in weeks) or 1
    step = plot_w / len(weeks)
    bar = min(40.0, max(2.0, step * 0.7))  # one week of data is a bar, not a wall
    parts = [(f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
              'aria-label="asserted events per week by quad class">')]
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" class="axis"/>')
    parts.append(f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" class="tick">{most}</text>')
    parts.append(f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="tick">0</text>')
    parts.append(f'<text x="{left + plot_w + 6}" y="{top + 4}" class="tick">+10</text>')
    parts.append(f'<text x="{left + plot_w + 6}" y="{top + plot_h}" class="tick">−10</text>')
    line = []
    for i, week in enumerate(weeks):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for quad, colour in QUAD_COLOURS.items():
            count = week.get(quad, 0)
            if not count:
                continue
            h = plot_h * count / most
            y -= h
            tip = f"week of {week['week']}: {count} {QUAD_LABELS[quad]} (intensity {week[quad + '_intensity']})"
            parts.append(f'<rect class="bar {quad}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{colour}"><title>{escape(tip)}</title></rect>')
        mean = week.get("mean_intensity", 0.0)
        line.append(f"{x + bar / 2:.1f},{top + plot_h * (10 - mean) / 20:.1f}")
    parts.append(f'<polyline class="intensity" points="{" ".join(line)}" fill="none" stroke="#333" '
                 'stroke-width="1.5" stroke-dasharray="4 2"/>')
    for i in sorted({0, len(weeks) // 2, len(weeks) - 1}):
        x = left + i * step + step / 2
        parts.append(f'<text x="{x:.1f}" y="{height - 18}" text-anchor="middle" class="tick">'
                     f'{escape(weeks[i]["week"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def legend() -> Markup:
    items = "".join(f'<span class="key"><i style="background:{c}"></i>{QUAD_LABELS[q]}</span>'
                    for q, c in QUAD_COLOURS.items())
    return Markup(f'<div class="legend">{items}<span class="key"><i class="dash"></i>mean intensity</span></div>')


def network_svg(edges: Sequence[dict], size: int = 640) -> Markup:
    if not edges:
        return Markup('<p class="empty">No events between two known actors.</p>')
    names: dict[str, str] = {}
    degree: dict[str, int] = {}
    for e in edges:
        names[e["actor"]], names[e["recipient"]] = e["actor_name"], e["recipient_name"]
        degree[e["actor"]] = degree.get(e["actor"], 0) + e["events"]
        degree[e["recipient"]] = degree.get(e["recipient"], 0) + e["events"]
    nodes = sorted(degree, key=lambda n: (-degree[n], n))
    centre, radius = size / 2, size / 2 - 110
    at = {n: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
              centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, n in enumerate(nodes)}
    heaviest = max(e["events"] for e in edges)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="who acts on whom">',
             ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" '
              'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#666"/>'
              '</marker></defs>')]
    for e in edges:
        (x1, y1), (x2, y2) = at[e["actor"]], at[e["recipient"]]
        share = e["conflict"] / e["events"] if e["events"] else 0
        colour = QUAD_COLOURS["material_conflict"] if share > 0.5 else QUAD_COLOURS["material_cooperation"]
        width = 1 + 5 * e["events"] / heaviest
        tip = f"{e['actor_name']} → {e['recipient_name']}: {e['events']} events ({e['conflict']} conflict)"
        parts.append(f'<line class="edge" data-actor="{escape(e["actor"])}" data-recipient="{escape(e["recipient"])}" '
                     f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="{width:.1f}" stroke-opacity="0.7" marker-end="url(#arrow)">'
                     f'<title>{escape(tip)}</title></line>')
    for n in nodes:
        x, y = at[n]
        r = 4 + 10 * math.sqrt(degree[n] / max(degree.values()))
        anchor = "start" if x >= centre else "end"
        dx = r + 4 if x >= centre else -r - 4
        parts.append(f'<a href="/actors/{escape(n)}" class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                     f'<title>{escape(names[n])}: {degree[n]} events</title></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(names[n])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def map_svg(places: Sequence[dict]) -> Markup:
    """``places``: dicts with name, lat, lon, events and the quad most of them have."""
    from warta.web.worldmap import VIEWBOX, project, world_svg_paths

    x0, y0, w, h = VIEWBOX
    most = max((p["events"] for p in places), default=1)
    parts = [f'<svg class="map" viewBox="{x0} {y0} {w} {h}" role="img" aria-label="event locations">',
             f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" class="sea"/>', world_svg_paths()]
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = project(p["lat"], p["lon"])
        r = 2 + 10 * math.sqrt(p["events"] / most)
        colour = QUAD_COLOURS.get(p.get("quad") or "", "#555")
        tip = f"{p['name']}: {p['events']} events"
        parts.append(f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" '
                     f'fill-opacity="0.75" stroke="#222" stroke-width="0.5"><title>{escape(tip)}</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))
