#!/usr/bin/env python
"""Make a "silver" NER training file by tagging unlabeled Indonesian news with a model.

Usage (from the repository root)::

    .venv/bin/python tools/make_silver_ner.py --out /tmp/silver.tsv
    .venv/bin/python tools/train_ner.py --out /tmp/exp --silver /tmp/silver.tsv

Text: detik-aspect-summarization-2025 ``isi_berita`` (every article whose id is divisible
by 5 is skipped -- reserved for evaluation -- and never read). Each line is cut into
sentences (``warta.stages.sentences.segment``), tokenised (``warta.ner.tokenize``) and
tagged with the model in ``--model`` (default: the committed ``resources/models``) in its
runtime behaviour. A sentence is kept when its sequence probability (pycrfsuite
``Tagger.probability``) is >= ``--min-prob``, it has at least one entity, has 3..80 tokens,
and its normalised text equals no sentence of any VALID or TEST split of the four corpora
(nor an earlier kept sentence). Output: ``token<TAB>BIO tag`` lines, a blank line between
sentences, in article-id then text order; ``--top N`` keeps the N most probable
(ties by position). Deterministic for a given model and data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.ner.conll import CORPORA, bio_spans, default_data_root, read_split
from warta.ner.features import augment
from warta.ner.tagger import Tagger, models_dir
from warta.ner.tokens import tokenize
from warta.stages.sentences import segment

_NORM = re.compile(r"[^0-9a-z]+")


def norm_key(tokens: list[str]) -> str:
    return _NORM.sub("", " ".join(tokens).lower())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: committed)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-prob", type=float, default=0.9)
    ap.add_argument("--top", type=int, default=0, help="keep only the N most probable (0 = all)")
    ap.add_argument(
        "--lower",
        action="store_true",
        help="lowercase the tokens first (so the model tags with its text-without-capitals "
        "conventions, NERP's)",
    )
    args = ap.parse_args(argv)
    root = (args.data or default_data_root()).resolve()
    tagger = Tagger.from_folder(args.model or models_dir(), "ner-id")
    crf = tagger._tagger

    held = set()
    for c in CORPORA:
        for s in ("valid", "test"):
            held.update(norm_key(x.tokens) for x in read_split(c, s, root))

    kept: list[tuple[float, int, list[str], list[str]]] = []
    seen = set()
    n_sent = n_art = 0
    arts = root / "detik-aspect-summarization-2025" / "articles.jsonl"
    with open(arts, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [d for d in rows if int(d["id"]) % 5 != 0]  # reserved for evaluation
    rows.sort(key=lambda d: int(d["id"]))
    for d in rows:
        n_art += 1
        for line in d.get("isi_berita", "").split("\n"):
            for a, b in segment(line, "id"):
                text = line[a:b]
                toks = [text[s:e] for s, e in tokenize(text)]
                if args.lower:
                    toks = [t.lower() for t in toks]
                if not 3 <= len(toks) <= 80:
                    continue
                n_sent += 1
                key = norm_key(toks)
                if not key or key in held or key in seen:
                    continue
                seen.add(key)
                feats = tagger.extractor.sentence(list(toks))
                lower = not any(ch.isupper() for t in toks for ch in t)
                dom = tagger.domain_lower if lower else tagger.domain_cased
                if dom:
                    feats = augment(feats, dom, tagger.augment_mode)
                tags = list(crf.tag(feats))  # also sets the sequence for probability()
                if not bio_spans(tags):
                    continue
                p = crf.probability(tags)
                if p >= args.min_prob:
                    kept.append((p, len(kept), toks, tags))
    if args.top:
        kept = sorted(kept, key=lambda x: (-x[0], x[1]))[: args.top]
        kept.sort(key=lambda x: x[1])
    with open(args.out, "w", encoding="utf-8") as fh:
        for _, _, toks, tags in kept:
            fh.writelines(f"{t}\t{g}\n" for t, g in zip(toks, tags))
            fh.write("\n")
    ents = sum(len(bio_spans(x[3])) for x in kept)
    print(f"{n_art} articles, {n_sent} sentences, kept {len(kept)} ({ents} entities) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
