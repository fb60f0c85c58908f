"""Build ``resources/en/event_patterns_cameo.yaml``: English event patterns derived from the
PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data Alliance), mapped to PLOVER types with
the CAMEO→PLOVER 2021 table.

Each verb with its own CAMEO code becomes a trigger; each pattern "verb … WORDS [code]" (the
verb first, literal words after it, synsets expanded to their members) becomes a trigger
"verb … words". Codes the PLOVER table does not map (public statements, 01–02 roots with no
PLOVER event) are left out. Irregular forms come from the dictionary; regular ones are made.

    .venv/bin/python tools/build_cameo_patterns.py
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
VERBS = DATA / "petrarch-validation" / "dictionaries" / "CAMEO.2.0.txt"
MERGED = DATA / "cameo-plover-codebooks" / "cameo_codes_merged.tsv"
OUT = ROOT / "src" / "warta" / "resources" / "en" / "event_patterns_cameo.yaml"
MAX_SYNSET = 6  # members of a synset expanded in one pattern
_CODE = re.compile(r"\[(\d{2,4})(?::\d+)?\]")
_BRACES = re.compile(r"\{([^}]*)\}")


def plover_table() -> dict[str, tuple[str, str]]:
    with MERGED.open(encoding="utf-8") as f:
        return {row["cameo_code"]: (row["plover_event"], row["plover_mode"].strip())
                for row in csv.DictReader(f, delimiter="\t") if row["plover_event"]}


def to_plover(code: str, table: dict) -> tuple[str, str] | None:
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def inflect(word: str) -> list[str]:
    if word.endswith("E"):
        return [word, word + "S", word + "D", word[:-1] + "ING"]
    if word.endswith("Y") and len(word) > 2 and word[-2] not in "AEIOU":
        return [word, word[:-1] + "IES", word[:-1] + "IED", word + "ING"]
    if word.endswith(("S", "SH", "CH", "X", "Z")):
        return [word, word + "ES", word + "ED", word + "ING"]
    return [word, word + "S", word + "ED", word + "ING"]


def main() -> None:
    table = plover_table()
    lines = VERBS.read_text(encoding="latin-1").split("\n")
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#")[0].rstrip()
        if text.startswith("&"):
            current = text.split()[0]
            synsets[current] = []
        elif current and text.startswith("+"):
            synsets[current].append(text[1:].split()[0].replace("_", " "))
        elif not text.strip():
            current = None
    triggers: dict[tuple[str, str], set[str]] = defaultdict(set)
    block_verbs: list[list[str]] = []
    in_patterns = False
    for line in lines:
        text = line.split("#")[0].rstrip()
        if text.startswith("---"):
            block_verbs = []
            in_patterns = True
            continue
        if not in_patterns or not text.strip():
            continue
        code_match = _CODE.search(text)
        if text.startswith("- "):
            if not code_match or not block_verbs:
                continue
            mapped = to_plover(code_match.group(1), table)
            words = text[2:code_match.start()].split()
            if not mapped or not words or words[0] != "*" or any(w in ("$", "+", "%", "^") for w in words[1:]):
                continue
            tail = [w.strip("(){}") for w in words[1:]]
            if not tail or any(not w for w in tail):
                continue
            options = [[m.upper() for m in synsets.get(w, ())][:MAX_SYNSET] if w.startswith("&") else [w]
                       for w in tail]
            if any(not o for o in options):
                continue
            phrases = [""]
            for choice in options:
                phrases = [f"{p} {c}".strip() for p in phrases for c in choice]
            for verb in block_verbs[:1]:  # the block's first verb carries its patterns' forms
                for form in verb:
                    for phrase in phrases:
                        triggers[mapped].add(f"{form} … {phrase}")
            continue
        if text.startswith((" ", "\t")):
            continue
        head = text.split()[0]
        irregular = [w.lstrip("+") for w in _BRACES.search(text).group(1).split()] if "{" in text else []
        base = head.lstrip("+").replace("_", " ")
        forms = [f.replace("_", " ") for f in (irregular or [])]
        if " " not in base:
            forms = sorted(set(forms) | set(inflect(base)))
        else:
            forms = sorted(set(forms) | {base})
        block_verbs.append(forms)
        if code_match:
            mapped = to_plover(code_match.group(1), table)
            if mapped:
                triggers[mapped].update(forms)
    out = [
        "# GENERATED FILE - do not edit by hand. Made by `.venv/bin/python tools/build_cameo_patterns.py`",
        "# from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT License, Copyright (c) 2015 Open",
        "# Event Data Alliance; petrarch-validation/dictionaries) and the CAMEO->PLOVER 2021 table.",
        "# Schema as in event_patterns.yaml; hand-written patterns there win over these.",
        "patterns:",
    ]
    for (kind, mode), phrases in sorted(triggers.items()):
        words = sorted({p.lower() for p in phrases if p})
        pid = f"cameo.{kind.lower()}" + (f".{mode}" if mode else "")
        out.append(f"  - id: {pid}")
        out.append("    version: 1")
        out.append(f"    type: {kind}")
        if mode:
            out.append(f"    mode: {mode}")
        out.append("    verbs:")
        out.extend(f"      - \"{w}\"" for w in words)
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {sum(len(v) for v in triggers.values())} triggers, {len(triggers)} patterns")


if __name__ == "__main__":
    main()
