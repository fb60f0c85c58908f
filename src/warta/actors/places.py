"""The places gazetteer (``resources/common/places.tsv``, generated from GeoNames data).

A name can mean several places (Washington, Georgia). A place's own name beats another
place's alternate name (GeoNames lists "Sakata" among Jakarta's), then the most populous
wins, unless the caller prefers a country: "Donetsk" in a story about Ukraine stays there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warta.actors.names import name_key, slug
from warta.resources import load


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: str
    name: str
    country: str | None
    feature: str  # city | admin1 | region | sea | country
    population: int
    lat: float | None
    lon: float | None

    @property
    def id(self) -> str:
        """``geo:<GeoNames id>``; curated rows without one get a slug of name and country."""
        if self.geonameid:
            return f"geo:{self.geonameid}"
        return f"geo:{slug(self.name)}" + (f"-{self.country.lower()}" if self.country else "")

    @property
    def precision(self) -> str:
        return {"city": "city", "country": "country"}.get(self.feature, "region")


def _float(value: str) -> float | None:
    return float(value) if value else None


@cache
def _index() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[tuple[bool, Place]]] = {}
    for row in load("common", "places.tsv"):
        if row["population"] in ("", "0") and row["feature"] == "city" and " " not in row["name"]:
            continue  # an unpopulated hamlet with a one-word name is more often a word ("Barat")
        place = Place(
            geonameid=row["geonameid"], name=row["name"], country=row["country"] or None,
            feature=row["feature"], population=int(row["population"] or 0),
            lat=_float(row["lat"]), lon=_float(row["lon"]),
        )
        own = name_key(row["name"])
        index.setdefault(own, []).append((True, place))
        for key in {name_key(n) for n in row["names"].split("|") if n} - {own}:
            index.setdefault(key, []).append((False, place))
    return {key: tuple(p for _, p in sorted(found, key=lambda f: (not f[0], -f[1].population)))
            for key, found in index.items()}


def places_named(name: str) -> tuple[Place, ...]:
    """Places called ``name``, most populous first."""
    return _index().get(name_key(name), ())


def best_place(name: str, countries: tuple[str, ...] = ()) -> Place | None:
    """The place ``name`` most likely means, preferring ones in ``countries``."""
    candidates = places_named(name)
    for place in candidates:
        if place.country in countries:
            return place
    return candidates[0] if candidates else None
