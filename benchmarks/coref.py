"""Story-level references (warta/events/references.py) against Indonesian coreference gold.

For every gold pronoun that has an antecedent in its chain (an earlier mention of the same
chain), the resolver's mention at that pronoun is looked up: it is *right* when the actor it
resolved to is named, somewhere in the document, by a mention that lies in the pronoun's gold
chain. Printed per dataset: pronouns with an antecedent, how many the resolver resolved
(coverage), how many of those are right (precision), and right over all (recall). A baseline
measured in the same run resolves every pronoun to the last person named before it.

Each document's text runs through the default pipeline's stages from `language` to `quotes`
on the text as given (no extraction, so gold offsets hold).

    python benchmarks/coref.py [--only suherik|indocoref|coin] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coref_data

DATASETS = {
    "suherik (news, test)": lambda: coref_data.read_suherik("testing"),
    "indocoref (Wikipedia)": coref_data.read_indocoref,
    "coin (Wikipedia, test)": lambda: coref_data.read_coin("test"),
}
_KEYS = {"suherik": "suherik (news, test)", "indocoref": "indocoref (Wikipedia)", "coin": "coin (Wikipedia, test)"}


def _pipeline():
    from warta.config import load_options
    from warta.pipeline import Pipeline

    options = load_options().evolve(language="id")
    return Pipeline(["language", "sentences", "times", "entities", "actors", "quotes"], options=options)


def _article(pipeline, doc):
    from warta.model import Article, Source, article_id

    article = Article(source=Source(format="text", path=doc.id), id=article_id(doc.text) or doc.id,
                      body=doc.text, stages=("extract.v1",))
    return pipeline.run(article)


def score(docs, pipeline) -> dict:
    from warta.events.references import references

    wanted = resolved = right = baseline_right = 0
    seconds = 0.0
    for doc in docs:
        chains: dict[str, list] = {}
        for m in doc.mentions:
            chains.setdefault(m.chain, []).append(m)
        pronouns = [m for m in doc.mentions if m.kind == "pronoun"
                    and any(o.start < m.start for o in chains[m.chain] if o is not m)]
        if not pronouns:
            continue
        start = time.perf_counter()
        article = _article(pipeline, doc)
        refs = references(article)
        seconds += time.perf_counter() - start
        fv = refs.view.field("body")
        named: dict[str, list[tuple[int, int]]] = {}
        people: list[tuple[int, str]] = []
        for mention in refs.mentions.get("body", ()):
            if mention.actor and mention.kind in ("name", "initials"):
                span = (fv.tokens[mention.first].start, fv.tokens[mention.last].end)
                named.setdefault(mention.actor, []).append(span)
                if refs.kind_of(mention.actor) == "person":
                    people.append((span[0], mention.actor))

        def names_chain(actor, chain, named=named, chains=chains) -> bool:
            return any(g.start < e and s < g.end for s, e in named.get(actor, ()) for g in chains[chain])

        for p in pronouns:
            wanted += 1
            k = fv.token_at(p.start + 1) - 1  # the token holding the pronoun ("nya" in "rumahnya")
            mention = refs.covering("body", k) if 0 <= k < len(fv.tokens) else None
            if mention is not None and mention.actor:
                resolved += 1
                right += names_chain(mention.actor, p.chain)
            before = [a for s, a in people if s < p.start]
            baseline_right += bool(before) and names_chain(before[-1], p.chain)
    return {"pronouns": wanted, "resolved": resolved, "right": right,
            "coverage": round(resolved / wanted, 3) if wanted else None,
            "precision": round(right / resolved, 3) if resolved else None,
            "recall": round(right / wanted, 3) if wanted else None,
            "baseline_last_person_recall": round(baseline_right / wanted, 3) if wanted else None,
            "seconds": round(seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(_KEYS))
    parser.add_argument("--limit", type=int, default=0, help="at most N documents per dataset")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pipeline = _pipeline()
    results = {}
    for name, read in DATASETS.items():
        if args.only and _KEYS[args.only] != name:
            continue
        docs = read()
        if args.limit:
            docs = docs[:args.limit]
        results[name] = {"documents": len(docs), **score(docs, pipeline)}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, r in results.items():
        print(f"{name}: {r['documents']} documents, {r['pronouns']} pronouns with an antecedent; "
              f"resolved {r['resolved']} (coverage {r['coverage']}), right {r['right']}: "
              f"precision {r['precision']}, recall {r['recall']} "
              f"(baseline, last person named: recall {r['baseline_last_person_recall']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
