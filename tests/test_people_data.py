"""The curated people, offices and title words are valid data and agree with each other.

Reads the YAML files directly (PyYAML and the standard library only), so it stays fast and
does not depend on the actor linker.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "warta" / "resources"
ACTORS = RESOURCES / "actors"
LANGS = ("id", "en")
SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "PTY", "BUS", "CVL", "MED", "EDU", "OPP", "REB", "IGO", "NGO", "CRM"}
PERSON_KEYS = {"id", "name", "kind", "country", "sector", "wikidata", "aliases", "offices"}
OFFICE_ENTRY_KEYS = {"office", "country", "start", "end"}
ID_RE = re.compile(r"^per:[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
OFFICE_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)


def slug(name: str) -> str:
    """Normalised name: ASCII-folded, lowercased, runs of non-alphanumerics -> one '-'."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


@cache
def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def people() -> list[dict]:
    return _load(ACTORS / "people.yaml")


def offices() -> dict[str, dict]:
    return {o["id"]: o for o in _load(ACTORS / "offices.yaml")}


def titles(lang: str) -> dict:
    return _load(RESOURCES / lang / "titles.yaml")


def as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def holders(office: str, country: str | None, day: str) -> list[str]:
    on = dt.date.fromisoformat(day)
    found = []
    for person in people():
        for entry in person.get("offices") or []:
            if entry["office"] != office or entry["country"] != country:
                continue
            start, end = as_date(entry["start"]), as_date(entry["end"])
            if (start is None or start <= on) and (end is None or on < end):
                found.append(person["id"])
    return found


# ---------------------------------------------------------------- offices.yaml


def test_offices_schema():
    rows = _load(ACTORS / "offices.yaml")
    assert isinstance(rows, list) and rows
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate office id"
    for row in rows:
        assert set(row) <= {"id", "name", "sector", "country", "shared"}, row
        assert OFFICE_ID_RE.match(row["id"]), row
        assert isinstance(row["name"], str) and row["name"], row
        assert row["sector"] is None or row["sector"] in SECTORS, row
        assert row.get("country") is None or ISO3_RE.match(row["country"]), row
        assert isinstance(row.get("shared", False), bool), row


def test_generic_and_indonesian_offices_exist():
    known = offices()
    for office in (
        "head_of_state",
        "head_of_government",
        "vice_president",
        "foreign_minister",
        "defence_minister",
        "finance_minister",
        "home_minister",
        "military_chief",
        "police_chief",
        "attorney_general",
        "spokesperson_foreign_ministry",
        "un_secretary_general",
        "minister_of_state_secretariat",
        "coordinating_minister_political_legal_security",
        "coordinating_minister_economic_affairs",
        "minister_of_trade",
        "minister_of_health",
        "minister_of_religious_affairs",
        "minister_of_law",
        "minister_of_soe",
        "minister_of_energy",
        "kpk_chair",
        "bi_governor",
        "dpr_speaker",
        "mpr_speaker",
        "kpu_chair",
        "army_chief_of_staff",
        "governor_jakarta",
    ):
        assert office in known, office
    assert known["military_chief"]["sector"] == "MIL"
    assert known["attorney_general"]["sector"] == "JUD"
    assert known["kpk_chair"]["sector"] == "JUD"
    assert known["dpr_speaker"]["sector"] == "LEG"
    assert known["un_secretary_general"]["sector"] == "IGO"


# ---------------------------------------------------------------- people.yaml


def test_people_schema():
    rows = people()
    assert isinstance(rows, list) and len(rows) >= 400
    known = offices()
    for person in rows:
        assert set(person) == PERSON_KEYS, (person.get("id"), set(person) ^ PERSON_KEYS)
        pid = person["id"]
        assert ID_RE.match(pid), pid
        assert pid == "per:" + slug(person["name"]), (pid, person["name"])
        assert person["kind"] == "person", pid
        assert person["country"] is None or ISO3_RE.match(person["country"]), pid
        assert person["sector"] in SECTORS, pid
        assert person["wikidata"] is None, pid
        aliases = person["aliases"]
        assert isinstance(aliases, dict) and set(aliases) <= {"id", "en", "any"}, pid
        for lang, names in aliases.items():
            assert isinstance(names, list) and names, (pid, lang)
            assert all(isinstance(n, str) and n.strip() == n and n for n in names), (pid, lang)
            assert len(names) == len(set(names)), (pid, lang, "duplicate alias")
            assert person["name"] not in names, (pid, "alias repeats the name")
        assert isinstance(person["offices"], list), pid
        for entry in person["offices"]:
            assert set(entry) == OFFICE_ENTRY_KEYS, (pid, entry)
            office = known.get(entry["office"])
            assert office is not None, (pid, entry["office"])
            country = entry["country"]
            assert country is None or ISO3_RE.match(country), (pid, entry)
            if office.get("country"):
                assert country == office["country"], (pid, entry)
            if office["sector"] == "IGO":
                assert country is None, (pid, entry)
            else:
                assert country is not None, (pid, entry)
            start, end = as_date(entry["start"]), as_date(entry["end"])
            assert start is not None, (pid, entry)
            assert end is None or start <= end, (pid, entry)
            assert start <= dt.date(2026, 12, 31), (pid, entry)


def test_people_ids_unique_and_sorted():
    ids = [p["id"] for p in people()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert ids == sorted(ids)


def test_single_holder_offices_do_not_overlap():
    shared = {oid for oid, o in offices().items() if o.get("shared")}
    spans: dict[tuple, list] = {}
    for person in people():
        for entry in person["offices"]:
            if entry["office"] in shared:
                continue
            key = (entry["office"], entry["country"])
            spans.setdefault(key, []).append(
                (as_date(entry["start"]), as_date(entry["end"]) or dt.date.max, person["id"])
            )
    clashes = []
    for key, rows in spans.items():
        rows.sort()
        for (s1, e1, p1), (s2, e2, p2) in itertools.pairwise(rows):
            if s2 < e1:  # a handover on the same day is not an overlap
                clashes.append((key, p1, p2, str(s2), str(e1)))
    assert not clashes, clashes


# ---------------------------------------------------------------- titles.yaml


def test_titles_same_keys_in_every_language():
    id_titles, en_titles = titles("id"), titles("en")
    assert set(id_titles) == set(en_titles) == {"offices", "honorifics", "roles"}
    assert set(id_titles["offices"]) == set(en_titles["offices"])


@pytest.mark.parametrize("lang", LANGS)
def test_titles_name_known_offices(lang):
    data = titles(lang)
    known = offices()
    assert set(data["offices"]) <= set(known), set(data["offices"]) - set(known)
    seen: dict[str, str] = {}
    for office, words in data["offices"].items():
        assert isinstance(words, list) and words, (lang, office)
        for word in words:
            assert isinstance(word, str) and word.strip() == word and word, (lang, office, word)
            assert word not in seen, (lang, word, "names two offices", seen.get(word), office)
            seen[word] = office
    for key in ("honorifics", "roles"):
        words = data[key]
        assert isinstance(words, list) and words, (lang, key)
        assert all(isinstance(w, str) and w.strip() == w and w for w in words), (lang, key)
        assert len(words) == len(set(words)), (lang, key, "duplicate")
        assert not set(words) & set(seen), (lang, key, set(words) & set(seen))


def test_indonesian_short_titles_present():
    words = {w: o for o, ws in titles("id")["offices"].items() for w in ws}
    expected = {
        "Menlu": "foreign_minister",
        "Menhan": "defence_minister",
        "Menkeu": "finance_minister",
        "Mendagri": "home_minister",
        "Menko Polhukam": "coordinating_minister_political_legal_security",
        "Menkopolhukam": "coordinating_minister_political_legal_security",
        "Mensesneg": "minister_of_state_secretariat",
        "Kapolri": "police_chief",
        "Panglima TNI": "military_chief",
        "Jaksa Agung": "attorney_general",
        "Ketua KPK": "kpk_chair",
        "Gubernur BI": "bi_governor",
        "Ketua DPR": "dpr_speaker",
        "PM": "head_of_government",
        "Perdana Menteri": "head_of_government",
        "Kanselir": "head_of_government",
        "Wapres": "vice_president",
        "Wakil Presiden": "vice_president",
        "Presiden": "head_of_state",
        "Sekjen PBB": "un_secretary_general",
    }
    for word, office in expected.items():
        assert words.get(word) == office, (word, words.get(word), office)


def test_english_titles_present():
    words = {w: o for o, ws in titles("en")["offices"].items() for w in ws}
    expected = {
        "President": "head_of_state",
        "Prime Minister": "head_of_government",
        "PM": "head_of_government",
        "Chancellor": "head_of_government",
        "Premier": "head_of_government",
        "Foreign Minister": "foreign_minister",
        "Secretary of State": "foreign_minister",
        "Foreign Secretary": "foreign_minister",
        "Defense Secretary": "defence_minister",
        "Defence Minister": "defence_minister",
        "Vice President": "vice_president",
        "Finance Minister": "finance_minister",
        "Treasury Secretary": "finance_minister",
        "UN Secretary-General": "un_secretary_general",
    }
    for word, office in expected.items():
        assert words.get(word) == office, (word, words.get(word), office)


# ---------------------------------------------------------------- facts


@pytest.mark.parametrize(
    ("day", "office", "country", "person"),
    [
        ("2022-01-21", "foreign_minister", "RUS", "per:sergei-lavrov"),
        ("2022-01-21", "head_of_state", "USA", "per:joe-biden"),
        ("2022-01-21", "foreign_minister", "USA", "per:antony-blinken"),
        ("2022-01-21", "head_of_state", "RUS", "per:vladimir-putin"),
        ("2025-10-21", "head_of_state", "IDN", "per:prabowo-subianto"),
        ("2025-10-21", "finance_minister", "IDN", "per:purbaya-yudhi-sadewa"),
        ("2023-06-01", "head_of_state", "IDN", "per:joko-widodo"),
        ("2023-06-01", "head_of_government", "IDN", "per:joko-widodo"),
        ("2023-06-01", "defence_minister", "IDN", "per:prabowo-subianto"),
        ("2023-06-01", "finance_minister", "IDN", "per:sri-mulyani-indrawati"),
        ("2023-06-01", "foreign_minister", "IDN", "per:retno-marsudi"),
        ("2025-03-01", "foreign_minister", "IDN", "per:sugiono"),
        ("2025-03-01", "vice_president", "IDN", "per:gibran-rakabuming-raka"),
        ("2021-06-01", "vice_president", "USA", "per:kamala-harris"),
        ("2025-03-01", "head_of_state", "USA", "per:donald-trump"),
        ("2025-03-01", "foreign_minister", "USA", "per:marco-rubio"),
        ("2024-06-01", "defence_minister", "RUS", "per:andrei-belousov"),
        ("2023-06-01", "head_of_government", "GBR", "per:rishi-sunak"),
        ("2025-03-01", "foreign_minister", "CHN", "per:wang-yi"),
    ],
)
def test_office_holder_on_date(day, office, country, person):
    assert holders(office, country, day) == [person]


def test_un_secretary_general_has_no_country():
    assert holders("un_secretary_general", None, "2023-01-01") == ["per:antonio-guterres"]
    guterres = next(p for p in people() if p["id"] == "per:antonio-guterres")
    assert guterres["country"] is None and guterres["sector"] == "IGO"
