#!/usr/bin/env python
"""Train Warta's Indonesian NER model (a CRF, python-crfsuite) and write it with its metadata.

Usage (from the repository root)::

    .venv/bin/python tools/train_ner.py --report-test     # the committed model (~3 min, 2 cores)
    .venv/bin/python tools/train_ner.py --out /tmp/exp --algorithm lbfgs --max-iter 150
    .venv/bin/python tools/train_ner.py --out /tmp/exp --clusters --word-bigrams

Defaults are the shipped configuration: averaged perceptron (``--algorithm ap``, 30
epochs), corpus-specific bias copies (``--augment bias``), usual-casing features
(``--case``), training-entity memory (``--memory``), gazetteer, no word clusters and no
word bigrams (both measured on VALID: no gain, bigger model), no silver data
(``--silver``: sentences of unlabeled detik news tagged by the committed model, from
``tools/make_silver_ner.py``; self-training measured on VALID: NERP -0.2..-1.1 F1 in every
variant, NERGrit -0.5..+0.8, no gain). ``--data`` defaults to
``../shared/data`` (or ``$WARTA_SHARED_DATA``), ``--out`` to ``src/warta/resources/models``.
Only ``--report-test`` reads the TEST splits' labels (for the final report; never tune on it).

Steps (deterministic: sorted inputs, fixed fold assignment, fixed seeds):

1. Read the train splits of NERGrit, NERP (labels mapped, see ``warta.ner.conll``) and
   IndoLEM nerui / nerugm fold 01. Drop every training sentence whose normalised text
   (lowercase, alphanumerics only) equals a sentence of any VALID or TEST split of any
   of the four corpora (NERP contains lowercased NER-UGM sentences, so this matters).
2. Unlabeled Indonesian news -- detik-aspect-summarization-2025 ``judul`` + ``isi_berita``
   (every article whose id is divisible by 5 is skipped: reserved for evaluation), the
   HTML pages of anpandu-indonesian-news-pages and detik-raw-pages-2022 -- plus the cased
   training sentences give the usual-casing table (``ner-id.case.tsv``) and the list of
   ordinary words kept out of the gazetteer. No valid or test text is used.
   ``--clusters``: k-means word clusters (64/256/1024) over an SVD of the PPMI
   co-occurrence matrix of that text (an experiment; off in the shipped model).
3. Gazetteer: country names (babel, Indonesian + English; pycountry), Indonesian
   provinces (pycountry), ``resources/actors/*.yaml`` (people, states + capitals,
   organisations) and ``resources/common/places.tsv``, Latin script only, phrases made
   only of ordinary words dropped; frozen to ``ner-id.gazetteer.txt``. Title words from
   ``tools/data/ner_name_titles.txt`` are frozen to ``ner-id.titles.txt``.
   ``--memory``: entity strings of the training data (types used >= 30% of the time)
   become "memory" features; each training sentence sees the memory built from the
   other 4 of 5 folds (jackknife), the runtime the full memory (``ner-id.memory.txt``).
4. Train one CRF on all four corpora jointly, with corpus-specific copies of a few
   features (``augment``) so each corpus's annotation conventions get their own weights;
   the runtime adds NERGrit's copies for cased text and NERP's for text without capitals.
5. Score every VALID split (runtime behaviour, each corpus's own copies, general only),
   and TEST with ``--report-test``; write ``ner-id.crfsuite`` and ``ner-id.json``
   (data files + sha256, options, counts, dropped overlaps, scores, timings).

Runtime on this 2-core machine: ~3 minutes (features ~30 s, 30 AP epochs ~40 s,
evaluation ~1 min). Training-only dependencies: babel and pycountry (gazetteer), lxml
(HTML text); scikit-learn + scipy + numpy only for ``--clusters``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.ner.conll import (
    CORPORA,
    CORPUS_LABELS,
    SPEC_LABELS,
    Sentence,
    label_counts,
    read_split,
    score,
    split_path,
)
from warta.ner.features import FeatureExtractor, Gazetteer, augment, norm_word
from warta.ner.tokens import tokenize_words

NAME = "ner-id"
_NORM = re.compile(r"[^0-9a-z]+")


def norm_key(tokens: list[str]) -> str:
    return _NORM.sub("", " ".join(tokens).lower())


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- data


def load_data(root: Path):
    train = {c: read_split(c, "train", root) for c in CORPORA}
    held = {(c, s): read_split(c, s, root) for c in CORPORA for s in ("valid", "test")}
    held_keys = set()
    for sents in held.values():
        held_keys.update(norm_key(s.tokens) for s in sents)
    dropped = {}
    for c in CORPORA:
        keep = [s for s in train[c] if norm_key(s.tokens) not in held_keys]
        dropped[c] = len(train[c]) - len(keep)
        train[c] = keep
    return train, held, dropped


def unlabeled_texts(root: Path) -> tuple[list[str], list[str]]:
    """Unlabeled Indonesian news text (never valid/test text). Returns (texts, sources)."""
    texts: list[str] = []
    sources: list[str] = []
    arts = root / "detik-aspect-summarization-2025" / "articles.jsonl"
    if arts.exists():
        n = 0
        with open(arts, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if int(d["id"]) % 5 == 0:  # reserved for evaluation: never read
                    continue
                texts.append(d.get("judul", ""))
                texts.extend(d.get("isi_berita", "").split("\n"))
                n += 1
        sources.append(f"{arts.relative_to(root)} ({n} articles, ids not divisible by 5)")
    try:
        import lxml.etree
        import lxml.html
    except ImportError:  # pragma: no cover
        lxml = None
    if lxml is not None:
        for d in ("anpandu-indonesian-news-pages/html", "detik-raw-pages-2022/html"):
            folder = root / d
            if not folder.exists():
                continue
            files = sorted(p for p in folder.rglob("*.html") if "english" not in p.name)
            for p in files:
                try:
                    doc = lxml.html.fromstring(p.read_bytes())
                except (ValueError, lxml.etree.ParserError) as exc:
                    print(f"  skipped {p.name}: {exc}")
                    continue
                for bad in doc.xpath("//script|//style|//noscript"):
                    bad.drop_tree()
                texts.extend(t.strip() for t in doc.text_content().split("\n") if t.strip())
            sources.append(f"{d} ({len(files)} pages, non-English)")
    return texts, sources


def build_clusters(
    token_lists: list[list[str]], ks=(64, 256, 1024), dims=100, min_count=2, n_ctx=3000, log=print
) -> dict[str, tuple[str, ...]]:
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    counts: Counter = Counter()
    sents = [[norm_word(t) for t in toks] for toks in token_lists]
    for s in sents:
        counts.update(s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    widx = {w: i for i, w in enumerate(vocab)}
    ctx = vocab[:n_ctx]
    cidx = {w: i for i, w in enumerate(ctx)}
    offsets = (-2, -1, 1, 2)
    rows, cols = [], []
    for s in sents:
        n = len(s)
        for i, w in enumerate(s):
            wi = widx.get(w)
            if wi is None:
                continue
            for k, d in enumerate(offsets):
                j = i + d
                cw = s[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")
                ci = cidx.get(cw, n_ctx) if cw not in ("<s>", "</s>") else n_ctx + 1 + (j >= n)
                rows.append(wi)
                cols.append(k * (n_ctx + 3) + ci)
    m = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)),
        shape=(len(vocab), len(offsets) * (n_ctx + 3)),
    )
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    cs_tot = cs.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((rs[m.row] / total) * (cs[m.col] / cs_tot) + 1e-12))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    log(f"  clusters: vocab {len(vocab)}, ppmi nnz {ppmi.nnz}")
    emb = TruncatedSVD(
        n_components=dims, random_state=0, algorithm="randomized", n_iter=7
    ).fit_transform(ppmi)
    emb = normalize(emb)
    out: dict[str, list[str]] = {w: [] for w in vocab}
    for k in ks:
        km = KMeans(n_clusters=k, random_state=0, n_init=1, max_iter=100).fit(emb)
        for w, lab in zip(vocab, km.labels_):
            out[w].append(str(int(lab)))
        log(f"  clusters: k={k} done")
    return {w: tuple(v) for w, v in out.items()}


def write_clusters(path: Path, clusters: dict[str, tuple[str, ...]], header: str):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# {header}\n")
        fh.writelines(w + "\t" + "\t".join(clusters[w]) + "\n" for w in sorted(clusters))


# --------------------------------------------------------------------------- gazetteer


def _latin(ch: str) -> bool:
    import unicodedata

    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def common_words(token_lists: list[list[str]], min_count: int = 3) -> set[str]:
    """Words written in lowercase at least half the time in cased text (ordinary words)."""
    total: Counter = Counter()
    low: Counter = Counter()
    for toks in token_lists:
        for t in toks:
            lw = t.lower()
            total[lw] += 1
            if t == lw:
                low[lw] += 1
    return {w for w, n in total.items() if n >= min_count and low[w] * 2 >= n}


def case_table(token_lists: list[list[str]], min_count: int = 2) -> dict[str, str]:
    """Usual casing of each word in cased text, skipping sentence-initial tokens:
    ``cap`` (>= 80% Capitalised), ``upper`` (>= 80% ALL CAPS), ``low`` (<= 20% capitalised),
    ``mix`` otherwise."""
    total: Counter = Counter()
    cap: Counter = Counter()
    upper: Counter = Counter()
    for toks in token_lists:
        for i, t in enumerate(toks):
            if i == 0 or not t[:1].isalpha() or toks[i - 1] in ('"', "“", "(", ":", ".", "'"):
                continue
            lw = t.lower()
            total[lw] += 1
            if t[:1].isupper():
                cap[lw] += 1
                if t.isupper() and len(t) > 1:
                    upper[lw] += 1
    out = {}
    for w, n in total.items():
        if n < min_count:
            continue
        if upper[w] >= 0.8 * n:
            out[w] = "upper"
        elif cap[w] >= 0.8 * n:
            out[w] = "cap"
        elif cap[w] <= 0.2 * n:
            out[w] = "low"
        else:
            out[w] = "mix"
    return out


def build_gazetteer(log=print, common: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Lines ``TYPE<TAB>lowercased tokenised phrase`` and a list of the sources used.

    A phrase made only of ``common`` words (``yang``, ``kota baru``) is left out."""
    common = common or set()
    entries: set[tuple[str, str]] = set()
    sources: list[str] = []

    def add(typ: str, name: str):
        if not name:
            return
        toks = tokenize_words(name)
        if not toks or len(toks) > 8:
            return
        phrase = " ".join(t.lower() for t in toks)
        if len(phrase) < 2 or not any(ch.isalpha() for ch in phrase):
            return
        if all(t in common or not t.isalpha() for t in phrase.split(" ")):
            return
        if not all(_latin(ch) for ch in phrase if ch.isalpha()):
            return  # other scripts never match Indonesian news text
        entries.add((typ, phrase))

    try:
        from babel import Locale

        for loc in ("id", "en"):
            for code, name in Locale.parse(loc).territories.items():
                if code.isalpha() and len(code) == 2:
                    add("LOC", name)
        sources.append("babel territories (id, en)")
    except ImportError as exc:  # pragma: no cover
        log(f"  gazetteer: babel unavailable ({exc})")
    try:
        import pycountry

        for sub in pycountry.subdivisions.get(country_code="ID"):
            add("LOC", sub.name)
        for c in pycountry.countries:
            add("LOC", c.name)
            if getattr(c, "common_name", None):
                add("LOC", c.common_name)
        sources.append("pycountry countries + Indonesian subdivisions")
    except ImportError as exc:  # pragma: no cover
        log(f"  gazetteer: pycountry unavailable ({exc})")

    res = REPO / "src" / "warta" / "resources"
    actor_files = sorted((res / "actors").glob("*.yaml"))
    if actor_files:
        import yaml

        kinds = {
            "person": "PER",
            "state": "LOC",
            "place": "LOC",
            "organization": "ORG",
            "group": "ORG",
        }
        n = 0
        for p in actor_files:
            try:
                data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
            except yaml.YAMLError as exc:
                log(f"  gazetteer: skipped {p.name} ({exc})")
                continue
            if not isinstance(data, list):
                continue
            for a in data:
                if not isinstance(a, dict):
                    continue
                typ = kinds.get(a.get("kind"))
                if typ is None:
                    continue
                names = [a.get("name", "")]
                aliases = a.get("aliases") or {}
                if isinstance(aliases, dict):
                    for lang in ("id", "any"):
                        names.extend(aliases.get(lang) or [])
                for nm in names:
                    if isinstance(nm, str):
                        add(typ, nm)
                        n += 1
                for cap in a.get("capitals") or []:
                    if isinstance(cap, str):
                        add("LOC", cap)
        sources.append(f"resources/actors/*.yaml ({len(actor_files)} files, {n} names)")
    places = res / "common" / "places.tsv"
    if places.exists():
        import csv

        n = 0
        with open(places, encoding="utf-8") as fh:
            for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
                add("LOC", row.get("name", ""))
                for nm in (row.get("names") or "").split("|"):
                    add("LOC", nm)
                n += 1
        sources.append(f"resources/common/places.tsv ({n} places)")
    lines = [f"{t}\t{p}" for t, p in sorted(entries)]
    return lines, sources


# --------------------------------------------------------------------------- training


MEM_FOLDS = 5


def memory_lines(sents: list[Sentence], min_share: float = 0.3) -> list[str]:
    """``TYPE<TAB>phrase`` for entity strings of ``sents`` (types with >= min_share of uses)."""
    from warta.ner.conll import bio_spans

    by_phrase: dict[str, Counter] = {}
    for s in sents:
        for a, b, lab in bio_spans(s.tags):
            phrase = " ".join(t.lower() for t in s.tokens[a:b])
            by_phrase.setdefault(phrase, Counter())[lab] += 1
    lines = []
    for phrase in sorted(by_phrase):
        cnt = by_phrase[phrase]
        tot = sum(cnt.values())
        for lab in sorted(cnt):
            if cnt[lab] / tot >= min_share:
                lines.append(f"{lab}\t{phrase}")
    return lines


def evaluate(tagger, held: dict, split: str, domain: str | None = None) -> dict:
    """Score every corpus with a ``warta.ner.Tagger``.

    ``domain``: ``None`` = runtime behaviour, ``"own"`` = each corpus's own feature copies,
    ``""`` = general features only, or a corpus name."""
    results = {}
    for c in CORPORA:
        sents = held[(c, split)]
        dom = c if domain == "own" else domain
        t0 = time.perf_counter()
        pred = [tagger.tag_tokens(s.tokens, domain=dom) for s in sents]
        dt = time.perf_counter() - t0
        gold = [s.tags for s in sents]
        r = {"sentences": len(sents), "sent_per_s": round(len(sents) / dt, 1)}
        for key, labels in (
            ("all", CORPUS_LABELS[c]),
            ("spec", tuple(x for x in CORPUS_LABELS[c] if x in SPEC_LABELS)),
        ):
            tot, per = score(gold, pred, labels)
            r[key] = {
                "p": round(100 * tot.precision, 2),
                "r": round(100 * tot.recall, 2),
                "f1": round(100 * tot.f1, 2),
                "per_type": {k: round(100 * v.f1, 2) for k, v in per.items()},
            }
        results[c] = r
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    B = argparse.BooleanOptionalAction
    ap.add_argument(
        "--data",
        type=Path,
        default=None,
        help="shared data root (default ../shared/data or $WARTA_SHARED_DATA)",
    )
    ap.add_argument("--out", type=Path, default=REPO / "src" / "warta" / "resources" / "models")
    ap.add_argument(
        "--algorithm",
        default="ap",
        choices=["ap", "lbfgs", "pa", "l2sgd", "arow"],
        help="crfsuite training algorithm (ap = averaged perceptron)",
    )
    ap.add_argument("--max-iter", type=int, default=30)
    ap.add_argument("--c1", type=float, default=0.05, help="L1 (lbfgs only)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 (lbfgs only)")
    ap.add_argument(
        "--minfreq",
        type=float,
        default=0,
        help="drop features seen fewer times than this (crfsuite feature.minfreq)",
    )
    ap.add_argument(
        "--augment",
        default="bias",
        choices=["none", "bias0", "bias", "biasg", "full"],
        help="corpus-specific feature copies (see warta.ner.features.augment)",
    )
    ap.add_argument(
        "--runtime-cased",
        default="nergrit",
        help="corpus whose conventions the runtime uses for cased text",
    )
    ap.add_argument(
        "--runtime-lower",
        default="nerp",
        help="corpus whose conventions the runtime uses for text without capitals",
    )
    ap.add_argument(
        "--memory",
        action=B,
        default=True,
        help="training-entity memory features (jackknifed over 5 folds)",
    )
    ap.add_argument(
        "--case",
        action=B,
        default=True,
        help="usual-casing features (from cased unlabeled + training text)",
    )
    ap.add_argument("--gazetteer", action=B, default=True)
    ap.add_argument(
        "--clusters",
        action=B,
        default=False,
        help="word-cluster features (did not help on VALID; off by default)",
    )
    ap.add_argument(
        "--clusters-from",
        type=Path,
        default=None,
        help="reuse a clusters file instead of rebuilding (implies --clusters)",
    )
    ap.add_argument(
        "--word-bigrams",
        action=B,
        default=False,
        help="w[-1]|w and w|w[+1] features (+6 MB, no gain on VALID)",
    )
    ap.add_argument("--window", type=int, default=2, choices=[2, 3], help="context words +-window")
    ap.add_argument(
        "--lc-aug", action=B, default=False, help="add lowercased copies of the cased corpora"
    )
    ap.add_argument("--corpora", default=",".join(CORPORA), help="training corpora")
    ap.add_argument(
        "--shuffle",
        action=B,
        default=False,
        help="interleave the corpora in a fixed pseudo-random order (seed 0)",
    )
    ap.add_argument(
        "--silver",
        action="append",
        default=[],
        metavar="PATH[:DOMAIN]",
        help="extra machine-labelled training sentences (token<TAB>tag CoNLL, e.g. from "
        "tools/make_silver_ner.py), repeatable; DOMAIN = their feature-copy domain "
        "(default --silver-domain). Off by default (no VALID gain, see the docstring)",
    )
    ap.add_argument(
        "--silver-domain",
        default="silver",
        help="default feature-copy domain of --silver files (a new name, or e.g. nergrit)",
    )
    ap.add_argument("--report-test", action="store_true", help="also score TEST (final run only)")
    args = ap.parse_args(argv)
    if args.clusters_from:
        args.clusters = True

    from warta.ner.conll import default_data_root
    from warta.ner.tagger import read_clusters, read_lines

    root = (args.data or default_data_root()).resolve()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.time()
    log = lambda *a: print(*a, flush=True)

    train, held, dropped = load_data(root)
    corpora = [c for c in args.corpora.split(",") if c]
    log(f"train sentences: { {c: len(train[c]) for c in corpora} }, dropped overlaps {dropped}")

    # clusters
    clusters = None
    if not args.clusters:
        clusters = {}
        cl_info = None
    elif args.clusters_from:
        clusters = read_clusters(args.clusters_from)
        cl_info = {"from": str(args.clusters_from)}
        if args.clusters_from.resolve() != (out / f"{NAME}.clusters.tsv").resolve():
            write_clusters(
                out / f"{NAME}.clusters.tsv", clusters, f"copied from {args.clusters_from}"
            )
    texts, srcs = unlabeled_texts(root)
    toks = [tokenize_words(t) for t in texts]
    # cased text only for the common-word list (NERP is lowercased)
    cased_toks = toks + [s.tokens for c in CORPORA if c != "nerp" for s in train[c]]
    common = common_words(cased_toks)
    case = case_table(cased_toks) if args.case else {}
    case_path = out / f"{NAME}.case.tsv"
    case_path.unlink(missing_ok=True)
    if case:
        with open(case_path, "w", encoding="utf-8") as fh:
            fh.write(
                "# word<TAB>usual casing in cased text: cap upper low mix (tools/train_ner.py)\n"
            )
            fh.writelines(f"{w}\t{case[w]}\n" for w in sorted(case))
        log(f"case table: {len(case)} words")
    toks += [s.tokens for c in CORPORA for s in train[c]]
    if clusters is None:
        ntok = sum(len(t) for t in toks)
        log(f"unlabeled: {len(texts)} text lines + training sentences, {ntok} tokens")
        t0 = time.time()
        clusters = build_clusters(toks, log=log)
        cl_info = {
            "sources": srcs + ["train splits (filtered) of the four corpora"],
            "tokens": ntok,
            "granularities": [64, 256, 1024],
            "svd_dims": 100,
            "seconds": round(time.time() - t0, 1),
        }
        write_clusters(
            out / f"{NAME}.clusters.tsv",
            clusters,
            "word<TAB>k-means cluster at k=64<TAB>k=256<TAB>k=1024 (tools/train_ner.py)",
        )
    if not args.clusters:
        (out / f"{NAME}.clusters.tsv").unlink(missing_ok=True)

    # gazetteer + titles
    if not args.gazetteer:
        gz_lines, gz_sources = [], []
    else:
        gz_lines, gz_sources = build_gazetteer(log, common)
    with open(out / f"{NAME}.gazetteer.txt", "w", encoding="utf-8") as fh:
        fh.write("# TYPE<TAB>lowercased tokenised phrase (frozen by tools/train_ner.py)\n")
        fh.writelines(ln + "\n" for ln in gz_lines)
    titles = read_lines(REPO / "tools" / "data" / "ner_name_titles.txt")
    with open(out / f"{NAME}.titles.txt", "w", encoding="utf-8") as fh:
        fh.write("# title / role words before names (copied from tools/data/ner_name_titles.txt)\n")
        fh.writelines(t + "\n" for t in titles)
    log(f"gazetteer: {len(gz_lines)} phrases from {gz_sources}; titles {len(titles)}")

    gaz = Gazetteer.from_lines(gz_lines)
    fx = FeatureExtractor(
        clusters, gaz, set(titles), case=case, word_bigrams=args.word_bigrams, window=args.window
    )
    all_train = [s for c in corpora for s in train[c]]
    silver: list[Sentence] = []
    silver_info = []
    silver_domains: list[str] = []
    if args.silver:
        from warta.ner.conll import read_conll

        held_keys = {norm_key(x.tokens) for sents in held.values() for x in sents}
        for item in args.silver:
            path, _, dom = item.rpartition(":")
            if not path or not re.fullmatch(r"[a-z0-9_]+", dom):
                path, dom = item, args.silver_domain
            raw = read_conll(Path(path), corpus=dom)
            keep = [x for x in raw if norm_key(x.tokens) not in held_keys]
            silver += keep
            if dom not in silver_domains:
                silver_domains.append(dom)
            info = {
                "file": Path(path).name,
                "sha256": sha256(Path(path)),
                "domain": dom,
                "sentences": len(keep),
                "dropped_overlaps": len(raw) - len(keep),
                "entities": dict(label_counts(keep)),
            }
            silver_info.append(info)
            log(f"silver: {info}")
    fold_memory = {}
    mem_path = out / f"{NAME}.memory.txt"
    mem_path.unlink(missing_ok=True)
    if args.memory:
        mem_lines = memory_lines(all_train)
        with open(mem_path, "w", encoding="utf-8") as fh:
            fh.write("# TYPE<TAB>lowercased entity string from the training data\n")
            fh.writelines(ln + "\n" for ln in mem_lines)
        fx.memory = Gazetteer.from_lines(mem_lines)
        for k in range(MEM_FOLDS):
            fold_memory[k] = Gazetteer.from_lines(
                memory_lines([s for i, s in enumerate(all_train) if i % MEM_FOLDS != k])
            )
        log(f"memory: {len(mem_lines)} entity strings")

    # training data
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    params = {"max_iterations": args.max_iter, "feature.minfreq": args.minfreq}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    trainer.set_params(params)
    n_items = 0
    t0 = time.time()
    order = list(range(len(all_train)))
    if args.shuffle:
        import random

        random.Random(0).shuffle(order)
    # silver sentences come after the gold ones; they never feed the memory, and each
    # sees one of the jackknife memories (chosen by its position) like a gold sentence
    order += [len(all_train) + i for i in range(len(silver))]
    for idx in order:
        s = all_train[idx] if idx < len(all_train) else silver[idx - len(all_train)]
        c = s.corpus
        variants = [s.tokens]
        if args.lc_aug and c != "nerp":
            variants.append([t.lower() for t in s.tokens])
        mem = fold_memory.get(idx % MEM_FOLDS) if args.memory else None
        for toks in variants:
            trainer.append(augment(fx.sentence(toks, mem), c, args.augment), s.tags)
            n_items += 1
    log(f"features for {n_items} sequences in {time.time() - t0:.1f}s")
    model_path = out / f"{NAME}.crfsuite"
    t0 = time.time()
    trainer.train(str(model_path))
    train_s = time.time() - t0
    log(f"trained in {train_s:.0f}s; model {model_path.stat().st_size / 1e6:.1f} MB")

    options = {
        "algorithm": args.algorithm,
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.max_iter,
        "minfreq": args.minfreq,
        "augment": args.augment,
        "lc_aug": args.lc_aug,
        "clusters": args.clusters,
        "gazetteer": args.gazetteer,
        "memory": args.memory,
        "case": args.case,
        "word_bigrams": args.word_bigrams,
        "window": args.window,
        "shuffle": args.shuffle,
        "runtime_domain": (
            {"cased": args.runtime_cased, "lowercase": args.runtime_lower}
            if args.augment != "none"
            else {}
        ),
        "corpora": corpora,
    }
    if silver_info:
        options["silver"] = silver_info
    from warta.ner.tagger import Tagger

    tagger = Tagger(model_path, fx, {"options": options})

    def show(tag, res):
        for c, r in res.items():
            log(
                f"{tag} {c:8s} F1 {r['all']['f1']:6.2f}  (spec {r['spec']['f1']:6.2f})  "
                f"P {r['all']['p']:6.2f} R {r['all']['r']:6.2f}  {r['all']['per_type']}"
            )

    valid = evaluate(tagger, held, "valid")
    show("VALID runtime", valid)
    valid_dom = {}
    if args.augment != "none":
        extra_dom = [d for d in silver_domains if d not in corpora]
        for dom in ["own", ""] + corpora + extra_dom:
            valid_dom[dom or "general"] = evaluate(tagger, held, "valid", dom)
            log(
                f"VALID domain={dom or 'general':8s} "
                + "  ".join(
                    f"{c} {r['all']['f1']:6.2f}" for c, r in valid_dom[dom or "general"].items()
                )
            )
    test = test_dom = None
    if args.report_test:
        test = evaluate(tagger, held, "test")
        show("TEST runtime", test)
        if args.augment != "none":
            test_dom = evaluate(tagger, held, "test", "own")
            show("TEST domain=own", test_dom)

    files = {}
    for c in CORPORA:
        for s in ("train", "valid", "test"):
            p = split_path(c, s, root)
            files[str(p.relative_to(root))] = sha256(p)
    meta = {
        "name": NAME,
        "model_file": f"{NAME}.crfsuite",
        "model_sha256": sha256(model_path),
        "feature_files_sha256": {
            p.name: sha256(p) for p in sorted(out.glob(f"{NAME}.*")) if p.suffix in (".txt", ".tsv")
        },
        "date": _dt.date.today().isoformat(),
        "trainer": "python-crfsuite " + _version("python-crfsuite"),
        "labels": sorted({t for c in corpora for s in train[c] for t in s.tags}),
        "options": options,
        "data": {
            "root": "../shared/data",
            "files_sha256": files,
            "train_sentences": {c: len(train[c]) for c in corpora},
            "train_entities": {c: dict(label_counts(train[c])) for c in corpora},
            "dropped_overlapping_train_sentences": dropped,
            "overlap_rule": "normalised text (lowercase, alphanumerics only) equal to any "
            "valid/test sentence of any of the four corpora",
            "indolem_fold": "01",
        },
        "unlabeled_sources": srcs,
        "unlabeled_use": "usual-casing table and common-word filter for the gazetteer"
        + (", word clusters" if args.clusters else ""),
        "clusters": cl_info,
        "gazetteer_sources": gz_sources,
        "gazetteer_phrases": len(gz_lines),
        "train_seconds": round(train_s, 1),
        "total_seconds": round(time.time() - t_start, 1),
        "scores_valid": valid,
        "scores_valid_by_domain": valid_dom,
        "scores_test": test,
        "scores_test_domain_own": test_dom,
        "score_note": "entity-level exact span+type (CoNLL); 'all' = the corpus's own classes "
        "(NERP incl. FNB, comparable with IndoNLU), 'spec' = SPEC types only; "
        "scores_valid/scores_test = runtime behaviour (tag_tokens(tokens)); "
        "*_domain_own = tag_tokens(tokens, domain=<that corpus>)",
    }
    (out / f"{NAME}.json").write_text(
        json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
