"""Build ``resources/en/agents.tsv`` (English unnamed actors → sector) from PLOVER's agent
dictionary (``ngec-plover-assets/PLOVER_agents.txt``, MIT, Open Event Data Alliance).

Each agent phrase becomes a row with the SPEC sector of its CAMEO/PLOVER code (the first
three letters: COP → POL, JRN → MED, AGR/LAB/REL/… → CVL; codes with no SPEC sector are
left out), plus its regular plural, as PETRARCH generates them. A few rows are set here
where ANNOTATION.md departs from the dictionary: suspects and the accused are CRM (PLOVER:
CVL), and the police and prosecutors stand for the force acting in the story.

    .venv/bin/python tools/build_agents.py
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "ngec-plover-assets" / "PLOVER_agents.txt"
OUT = ROOT / "src" / "warta" / "resources" / "en" / "agents.tsv"
SECTORS = {"GOV": "GOV", "MIL": "MIL", "REB": "REB", "CRM": "CRM", "CVL": "CVL", "BUS": "BUS", "LEG": "LEG",
           "JUD": "JUD", "COP": "POL", "MED": "MED", "JRN": "MED", "EDU": "EDU", "OPP": "OPP", "PTY": "PTY",
           "NGO": "NGO", "IGO": "IGO", "SPY": "GOV", "UAF": "REB", "AGR": "CVL", "LAB": "CVL", "REL": "CVL",
           "REF": "CVL", "SOC": "CVL", "ELI": "CVL", "PRM": "GOV", "PRE": "GOV", "HLH": "CVL", "ENV": "NGO",
           "MOD": "CVL", "RAD": "OPP", "SET": "CVL", "IMG": "CVL", "DEV": "CVL", "HRI": "NGO"}
OVERRIDES = {"suspect": ("CRM", "suspect"), "suspects": ("CRM", "suspect"), "accused": ("CRM", "suspect"),
             "defendant": ("CRM", "suspect"), "defendants": ("CRM", "suspect"), "perpetrator": ("CRM", "suspect"),
             "perpetrators": ("CRM", "suspect"), "attacker": ("CRM", "suspect"), "attackers": ("CRM", "suspect"),
             "gunman": ("CRM", "suspect"), "gunmen": ("CRM", "suspect"), "police": ("POL", "authority"),
             "policeman": ("POL", "authority"), "policemen": ("POL", "authority"),
             "police officer": ("POL", "authority"), "police officers": ("POL", "authority"),
             "officers": ("POL", "authority"), "investigators": ("POL", "authority"),
             "investigator": ("POL", "authority"), "prosecutor": ("JUD", "authority"),
             "prosecutors": ("JUD", "authority"), "authorities": ("GOV", "authority")}
_LINE = re.compile(r"^([A-Z0-9][^\[{#]*?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]{3})[A-Z]*\]")
_PERSON = ("man", "men", "woman", "women", "person", "people")


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("man",)):
        return word[:-3] + "men"
    return word + "s"


def _phrases(raw: str) -> list[str]:
    raw = raw.strip().rstrip("_").lower()
    if not raw or "!" in raw and "!person!" not in raw:
        return []
    forms = [raw.replace("!person!", p) for p in _PERSON] if "!person!" in raw else [raw]
    out = []
    for form in forms:
        words = [w for w in form.replace("_", " ").split() if w]
        if not words or not all(re.fullmatch(r"[a-z][a-z.'-]*", w) for w in words):
            continue
        phrase = " ".join(words)
        out.append(phrase)
        if not words[-1].endswith("s") or words[-1].endswith("ss"):  # "ministers and mps" is plural
            out.append(" ".join(words[:-1] + [_plural(words[-1])]))
    return out


def main() -> None:
    rows: dict[str, tuple[str, str]] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        sector = SECTORS.get(m.group(3))
        if sector is None:
            continue
        plurals = [p.strip() for p in (m.group(2) or "").split(",") if p.strip()]
        for phrase in _phrases(m.group(1)) + [q for p in plurals for q in _phrases(p)[:1]]:
            rows.setdefault(phrase, (sector, ""))
    rows.update(OVERRIDES)
    header = ("# GENERATED FILE - do not edit by hand. Made by `.venv/bin/python tools/build_agents.py` from\n"
              "# PLOVER's agent dictionary (ngec-plover-assets/PLOVER_agents.txt, MIT, Open Event Data Alliance):\n"
              "# unnamed actors -> SPEC sector; columns as in resources/id/agents.tsv.\n")
    body = "phrase\tsector\trefers\n" + "".join(f"{p}\t{s}\t{r}\n" for p, (s, r) in sorted(rows.items()))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} agent phrases -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
