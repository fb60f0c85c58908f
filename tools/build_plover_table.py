"""Build ``resources/common/plover.yaml``: the 16 PLOVER types with their modes, quad class and
Goldstein-style intensity, from the CAMEO→PLOVER table and the GDELT Goldstein scale.

The intensity of a type (or of a type and mode) is the mean Goldstein value of the CAMEO codes
that the 2021 conversion table maps to it; its quad is the GDELT QuadClass most of those codes
have. Modes come from the NGEC structured codebook (current PLOVER) and the conversion table.

    .venv/bin/python tools/build_plover_table.py
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MERGED = DATA / "cameo-plover-codebooks" / "cameo_codes_merged.tsv"
CODEBOOK = DATA / "ngec-plover-assets" / "PLOVER_structured_codebook_updated.csv"
OUT = ROOT / "src" / "warta" / "resources" / "common" / "plover.yaml"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Modes the record format uses that the tables lack: a plain meeting (SPEC: "`meet` for CONSULT").
EXTRA_MODES = {"CONSULT": {"meet"}}
QUADS = {"1": "verbal_cooperation", "2": "material_cooperation", "3": "verbal_conflict", "4": "material_conflict"}


def main() -> None:
    values: dict[str, list[float]] = defaultdict(list)
    mode_values: dict[tuple[str, str], list[float]] = defaultdict(list)
    quads: dict[str, Counter] = defaultdict(Counter)
    modes: dict[str, set[str]] = defaultdict(set)
    with MERGED.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            kind = row["plover_event"].strip()
            if kind not in TYPES or not row["goldstein"]:
                continue
            values[kind].append(float(row["goldstein"]))
            quads[kind][row["quad_class"]] += 1
            if mode := row["plover_mode"].strip():
                mode_values[(kind, mode)].append(float(row["goldstein"]))
                modes[kind].add(mode)
    with CODEBOOK.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["event"] in TYPES and row["mode"].strip():
                modes[row["event"]].add(row["mode"].strip())
    for kind, extra in EXTRA_MODES.items():
        modes[kind] |= extra
    lines = [
        "# GENERATED FILE - do not edit by hand. Made by `.venv/bin/python tools/build_plover_table.py`",
        "# from cameo-plover-codebooks (CAMEO2PLOVER 2021 table, GDELT Goldstein scale and QuadClass) and the",
        "# NGEC PLOVER structured codebook. intensity: mean Goldstein value of the CAMEO codes mapped to the type",
        "# (or to the type and mode); quad: the QuadClass most of them have.",
        "types:",
    ]
    for kind in TYPES:
        quad = QUADS[quads[kind].most_common(1)[0][0]]
        lines.append(f"  {kind}:")
        lines.append(f"    quad: {quad}")
        lines.append(f"    intensity: {round(mean(values[kind]), 1)}")
        lines.append(f"    modes: [{', '.join(sorted(modes[kind]))}]")
        scored = {m: round(mean(v), 1) for (k, m), v in sorted(mode_values.items()) if k == kind}
        if scored:
            lines.append("    mode_intensity: {" + ", ".join(f"{m}: {v}" for m, v in scored.items()) + "}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
