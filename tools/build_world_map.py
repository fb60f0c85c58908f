"""Build ``resources/common/world.svg``: an offline world outline map, one path per country.

The dashboard places events on a map without a tile server, so the outlines ship as data. The
source is the npm package ``world-atlas`` (``countries-110m.json``: Natural Earth 4.1.0 Admin 0
countries at 1:110m, public domain, packaged as TopoJSON under the ISC license). The TopoJSON is
decoded here (delta-encoded, quantized arcs) so no GIS library is needed, projected with the
plain equirectangular projection of ``warta.web.worldmap.project`` onto a 1000 x 500 viewBox
(the whole globe, nothing cropped), rounded to 0.1 unit with repeated points dropped.

Paths carry ``id``/``data-iso`` as ISO 3166 alpha-3 (from the source's numeric codes, through
pycountry, the ``tools`` extra; without it the numeric code is kept) and ``data-name``. The three
areas the source gives no code (N. Cyprus, Somaliland, Kosovo) get only ``data-name``.

    npm install --prefix /tmp/world-atlas world-atlas@2.0.2
    .venv/bin/python tools/build_world_map.py /tmp/world-atlas/node_modules/world-atlas/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "warta" / "resources" / "common" / "world.svg"
sys.path.insert(0, str(ROOT / "src"))

from warta.web.worldmap import VIEWBOX, project  # one projection for the map and its markers

HOW = (
    "usage: build_world_map.py PATH/countries-110m.json\n"
    "get it with:\n"
    "    npm install --prefix /tmp/world-atlas world-atlas@2.0.2\n"
    "    .venv/bin/python tools/build_world_map.py "
    "/tmp/world-atlas/node_modules/world-atlas/countries-110m.json"
)
Ring = list[tuple[float, float]]  # (lon, lat) points
STYLE = ".country{fill:#d9dde3;stroke:#fff;stroke-width:.4}"


def decode_arcs(topology: dict) -> list[Ring]:
    """Arcs as (lon, lat) lists: quantized positions are deltas from the previous point."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from its arcs: ``~i`` is arc ``i`` reversed; each arc starts where the last ended."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def fmt(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def ring_path(points: Ring) -> str:
    """``M x,y x,y …Z`` (implicit lineto), rounded, repeats dropped; '' for a ring that collapses."""
    out: list[str] = []
    for lon, lat in points:
        x, y = project(lat, lon)
        pair = f"{fmt(x)},{fmt(y)}"
        if not out or out[-1] != pair:
            out.append(pair)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # Z closes the ring
    xy = [tuple(map(float, pair.split(","))) for pair in out]
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(xy, xy[1:] + xy[:1]))
    if len(set(out)) < 3 or area == 0:  # a sliver left on the map's edge by clipping
        return ""
    return "M" + " ".join(out) + "Z"


def clip(ring: Ring, edge: float, keep_west: bool) -> Ring:
    """The part of a ring on one side of the meridian ``edge`` (Sutherland-Hodgman, one plane)."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] <= edge if keep_west else point[0] >= edge

    def cross(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        t = (edge - a[0]) / (b[0] - a[0])
        return (edge, a[1] + t * (b[1] - a[1]))

    out = []
    for prev, cur in zip(ring[-1:] + ring[:-1], ring):
        if inside(cur):
            if not inside(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cross(prev, cur))
    return out


def split_at_antimeridian(points: Ring) -> list[Ring]:
    """The ring cut into pieces inside -180..180: the source's rings for Fiji, Chukotka and
    Antarctica run across the antimeridian, which a flat map would draw as a line across the world.

    Longitudes are first made continuous (no step over 180 degrees); a ring that then does not
    close goes round a pole (Antarctica) and is closed along it. Each copy of the ring shifted by
    -360, 0 or +360 degrees that reaches the map is clipped to it.
    """
    ring = [points[0]]
    for lon, lat in points[1:]:
        ring.append((lon + 360 * round((ring[-1][0] - lon) / 360), lat))
    if abs(ring[-1][0] - ring[0][0]) > 180:
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        ring += [(ring[-1][0], pole), (ring[0][0], pole)]
    west, east = min(lon for lon, _ in ring), max(lon for lon, _ in ring)
    if west >= -180 and east <= 180:
        return [ring]
    pieces = []
    for shift in (-360, 0, 360):
        if east + shift <= -180 or west + shift >= 180:
            continue
        piece = clip(clip([(lon + shift, lat) for lon, lat in ring], -180, False), 180, True)
        if piece:
            pieces.append(piece)
    return pieces


def geometry_path(geometry: dict, arcs: list[Ring]) -> str:
    kind = geometry["type"]
    polygons = (
        [geometry["arcs"]]
        if kind == "Polygon"
        else geometry["arcs"]
        if kind == "MultiPolygon"
        else []
    )
    return "".join(
        ring_path(piece)
        for polygon in polygons
        for ring in polygon
        for piece in split_at_antimeridian(ring_points(ring, arcs))
    )


def alpha3(numeric: str | None) -> str | None:
    if numeric is None:
        return None
    try:
        import pycountry
    except ImportError:
        return numeric
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else numeric


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_file():
        print(HOW, file=sys.stderr)
        return 2
    source = Path(argv[0])
    topology = json.loads(source.read_text(encoding="utf-8"))
    package = json.loads((source.parent / "package.json").read_text(encoding="utf-8"))
    license_path = source.parent / "LICENSE"
    license_text = (
        license_path.read_text(encoding="utf-8").strip() if license_path.is_file() else ""
    )
    try:
        import pycountry  # noqa: F401
    except ImportError:
        print(
            "pycountry missing (pip install -e '.[tools]'): keeping numeric codes", file=sys.stderr
        )

    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        d = geometry_path(geometry, arcs)
        if not d:
            continue
        code = alpha3(geometry.get("id"))
        name = (geometry.get("properties") or {}).get("name", "")
        ids = f'id="{escape(code)}" data-iso="{escape(code)}" ' if code else ""
        paths.append(
            f'<path {ids}data-name="{escape(name)}" class="country" fill-rule="evenodd" d="{d}"/>'
        )

    header = (
        f"GENERATED by tools/build_world_map.py from the npm package {package['name']} "
        f"{package['version']} ({source.name}): Natural Earth 4.1.0 Admin 0 countries, 1:110m, "
        "public domain; TopoJSON packaging under the ISC license below. "
        "Equirectangular, x = (lon + 180) * 1000/360, y = (90 - lat) * 1000/360. Do not edit."
    )
    if license_text:
        header += "\n\n" + license_text.replace("--", "- -")
    x0, y0, width, height = VIEWBOX
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!-- {header}\n-->\n"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0} {y0} {width} {height}">\n'
        f"<style>{STYLE}</style>\n" + "\n".join(paths) + "\n</svg>\n"
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(paths)} paths, {len(svg.encode()) // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
