"""Entity linking on detik.com stakeholder lists: how many named stakeholders Warta finds and links.

Data: ``../shared/data/detik-aspect-summarization-2025/articles.jsonl``. Each article's
``entity`` field lists its stakeholders as written by annotators ("Presiden Prabowo
Subianto", "Badan Pusat Statistik (BPS)", "Masyarakat"). Articles whose id is divisible
by 5 are reserved for evaluation elsewhere and are never read here.

A stakeholder is **found** when some Warta entity of the article names it: the entity's
words are all among the stakeholder's words, or the other way round (so "Prabowo
Subianto" finds "Presiden Prabowo Subianto"; "BPS" finds "Badan Pusat Statistik (BPS)"),
ignoring title words; or when the dictionary knows the stakeholder's name and an entity
is linked to that actor ("Kementerian Keuangan" found as "Kemenkeu"). It is **linked** when that entity has an actor whose name or an
alias shares a word with the stakeholder (not only its title), and **in the dictionary**
when that actor is a shipped one rather than a new id minted from the name.

Generic stakeholders ("Masyarakat", "Kepala Daerah", "Pemerintah") are not names; a
stakeholder counts as **named** when one of its words is written capitalised more often
than not in the cased NER training corpora (NERGrit, IndoLEM NER UI). Both shares are
reported.

    python benchmarks/linking.py [--limit N] [--json] [--misses 20]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ARTICLES = DATA / "detik-aspect-summarization-2025" / "articles.jsonl"
CASED = [DATA / "indonlu-nergrit" / "train_preprocess.txt", DATA / "indolem-ner" / "nerui" / "train.01.tsv"]
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def capitalised_words() -> set[str]:
    """Words written capitalised more often than in lower case in the cased corpora."""
    counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    for path in CASED:
        for line in path.read_text(encoding="utf-8").splitlines():
            token = line.split("\t")[0]
            if token[:1].isalpha():
                counts[(token.casefold(), token[0].isupper())] += 1
    return {w for (w, upper), n in counts.items() if upper and n > counts[(w, False)]}


def stakeholders(article: dict) -> list[str]:
    groups = json.loads(article["entity"])
    return [name for names in groups.values() for name in names if name.strip()]


def variants(name: str) -> list[set[str]]:
    """The stakeholder's words, and separately the words inside and outside brackets."""
    inside = re.findall(r"\(([^)]*)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name)
    return [words(v) for v in (outside, *inside) if words(v)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="read at most N articles")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", type=int, default=0,
                        help="print N named stakeholders that were missed or found but not linked")
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} is absent (../shared/data is not here)")
        return 0

    from warta.actors.dictionary import load_dictionary
    from warta.config import load_options
    from warta.model import Article, Source
    from warta.pipeline import Pipeline
    from warta.readers import DEFAULT_FIELDS, raw_from_record
    from warta.resources import load

    # The first word of every title and role ("Presiden", "Menteri", "Ekonom"): not a name.
    table = load("id", "titles.yaml")
    phrases = [t for names in table["offices"].values() for t in names] + list(table.get("roles", ()))
    titles = {_WORD.findall(t)[0].casefold() for t in phrases if _WORD.findall(t)}
    capitalised = capitalised_words()
    dictionary = load_dictionary()
    options = load_options()
    pipeline = Pipeline(options=options)
    # The same pipeline without entities, actors, quotes and events, timed on the same articles in the same
    # run: what names cost.
    before = Pipeline(options=options.evolve(
        stages=tuple(s for s in options.stages if s not in ("entities", "actors", "quotes", "events"))))

    totals = collections.Counter()
    misses = []
    seconds = baseline_seconds = 0.0
    with ARTICLES.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rows = [r for r in rows if int(r["id"]) % 5 != 0]
    if args.limit:
        rows = rows[:args.limit]
    for row in rows:
        start = time.perf_counter()
        source = Source(format="jsonl", path=f"{ARTICLES.name}#{row['id']}", url=row.get("tautan"))
        article = pipeline.run(Article(source=source, raw=raw_from_record(row, DEFAULT_FIELDS)))
        seconds += time.perf_counter() - start
        start = time.perf_counter()
        before.run(Article(source=source, raw=raw_from_record(row, DEFAULT_FIELDS)))
        baseline_seconds += time.perf_counter() - start
        actors = {a.id: a for a in article.actors}
        mentions = []
        for entity in article.entities:
            actor = actors.get(entity.actor or "")
            named = words(entity.span.text) - titles
            actor_words = set()
            if actor:
                for name in (actor.name, *actor.aliases):
                    actor_words |= words(name)
            mentions.append((named, actor, actor_words))
        for name in stakeholders(row):
            is_named = bool(words(name) & capitalised)
            best = 0  # 0 missed, 1 found, 2 linked, 3 linked to a dictionary actor
            # The dictionary may know the stakeholder by another name ("Kementerian Keuangan" is
            # "Kemenkeu" in the text): an entity linked to that actor finds and links it.
            known = {e.actor for v in (name, *re.split(r"[()]", name)) if v.strip()
                     for e in dictionary.lookup(v.strip(), "id")}
            if known & {actor.id for _, actor, _ in mentions if actor}:
                best = 3
            for variant in variants(name):
                core = variant - titles or variant
                for named, actor, actor_words in mentions:
                    if not named or not (named <= variant or core <= named):
                        continue
                    level = 1
                    if actor and actor_words & core:
                        level = 3 if actor.id in dictionary.actors else 2
                    best = max(best, level)
            for group in ("all", "named") if is_named else ("all",):
                totals[(group, "n")] += 1
                totals[(group, "found")] += best >= 1
                totals[(group, "linked")] += best >= 2
                totals[(group, "dictionary")] += best >= 3
            if is_named and best < 2:
                misses.append((row["id"], name, "found, not linked" if best else "missed"))

    result = {
        "articles": len(rows),
        "articles_per_s": round(len(rows) / seconds, 1) if seconds else None,
        "articles_per_s_without_names": round(len(rows) / baseline_seconds, 1) if baseline_seconds else None,
        **{
            group: {
                "stakeholders": totals[(group, "n")],
                "found": round(totals[(group, "found")] / max(1, totals[(group, "n")]), 3),
                "linked": round(totals[(group, "linked")] / max(1, totals[(group, "n")]), 3),
                "linked_to_dictionary": round(totals[(group, "dictionary")] / max(1, totals[(group, "n")]), 3),
            }
            for group in ("all", "named")
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"detik stakeholders, {result['articles']} articles (ids not divisible by 5), "
              f"{result['articles_per_s']} articles/s through the default pipeline "
              f"({result['articles_per_s_without_names']} without entities, actors, quotes and events, same run)")
        print(f"{'stakeholders':<14}{'n':>6}{'found':>8}{'linked':>8}{'in dict':>9}")
        for group in ("all", "named"):
            r = result[group]
            print(f"{group:<14}{r['stakeholders']:>6}{r['found']:>8.3f}{r['linked']:>8.3f}"
                  f"{r['linked_to_dictionary']:>9.3f}")
    for article_id, name, what in misses[:args.misses]:
        print(f"{what}: [{article_id}] {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
