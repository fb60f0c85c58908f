"""The places gazetteer (``resources/common/places.tsv``, generated from GeoNames data).

A name can mean several places (Washington, Georgia); the most populous wins unless the
caller prefers a country, which is how "Donetsk" in a story about Ukraine stays in Ukraine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warta.actors.dictionary import name_key, slug
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
    index: dict[str, list[Place]] = {}
    for row in load("common", "places.tsv"):
        place = Place(
            geonameid=row["geonameid"], name=row["name"], country=row["country"] or None,
            feature=row["feature"], population=int(row["population"] or 0),
            lat=_float(row["lat"]), lon=_float(row["lon"]),
        )
        names = {row["name"], *(n for n in row["names"].split("|") if n)}
        for key in {name_key(n) for n in names}:
            index.setdefault(key, []).append(place)
    return {key: tuple(sorted(places, key=lambda p: -p.population)) for key, places in index.items()}


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
