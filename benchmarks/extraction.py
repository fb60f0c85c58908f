"""Article-body extraction: plain trafilatura vs Warta, quality and speed in the same run.

    python benchmarks/extraction.py [--corpus NAME] [--limit N] [--rounds R] [--variant V ...]

Corpora (under ../shared/data beside the repository, or $WARTA_SHARED_DATA):
  scrapinghub      the REPORTING set (181 pages, gold article bodies). Never tune on it.
  trafilatura-eval tuning set (990 pages, `with`/`without` snippets, trafilatura's metric)
  newspaper4k      tuning set (20 pages, newspaper4k's expected text; not human gold)
  anpandu          tuning set (26 Indonesian pages, the scraper's expected body; near gold)

Body-text corpora use the Scrapinghub metric (its evaluate.py, as its README describes):
``\\w+`` tokens, 4-gram shingle multisets, per-page precision/recall averaged over pages,
F1 from the two means, accuracy = share of pages whose token list equals gold, and
bootstrap standard deviation of F1 over 1000 seeded resamples of pages.

Only extraction is timed: pages are decompressed and decoded before the clock starts.
Each system runs ``--rounds`` times, interleaved, and the fastest round is kept, which
cuts the noise of this shared 2-core machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

import warta
from warta.errors import NoArticleTextError
from warta.extraction.html import HtmlOptions, extract_html

# ../shared/data beside the repository (as in CI), or $WARTA_SHARED_DATA.
DATA = Path(os.environ.get("WARTA_SHARED_DATA",
                           Path(__file__).resolve().parents[1].parent / "shared" / "data"))
PUBLISHED_TRAFILATURA_2_0 = {"F1": 0.958, "P": 0.938, "R": 0.978, "accuracy": 0.293}
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 42

# Warta variants compared on the tuning corpora (approaches tried; "default" is shipped).
VARIANTS: dict[str, HtmlOptions] = {
    "default": HtmlOptions(),
    "bare": HtmlOptions(strip_captions=False, drop_boilerplate_blocks=False, filter_chrome_lines=False,
                        drop_link_lines=False),
    "no-blocks": HtmlOptions(drop_boilerplate_blocks=False),
    "no-captions": HtmlOptions(strip_captions=False),
    "no-chrome": HtmlOptions(filter_chrome_lines=False),
    "balanced": HtmlOptions(focus="balanced"),
    "precision": HtmlOptions(focus="precision"),
    "recall": HtmlOptions(focus="recall"),
    "no-tables": HtmlOptions(include_tables=False),
    "always-fallback": HtmlOptions(fallback="always"),
    "no-fallback": HtmlOptions(fallback="never"),
    "balanced-no-fallback": HtmlOptions(focus="balanced", fallback="never"),
    "keep-link-lines": HtmlOptions(drop_link_lines=False),
    "no-wrap": HtmlOptions(wrap_loose_text=False),
}


@dataclass
class Page:
    id: str
    html: str
    url: str | None
    gold_body: str | None = None  # body-text corpora
    with_: list[str] = field(default_factory=list)  # snippet corpora
    without: list[str] = field(default_factory=list)


# --- metric (Scrapinghub article-extraction-benchmark) --------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    toks = tokens(text)
    return Counter(" ".join(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def page_pr(gold: str, pred: str) -> tuple[float, float]:
    """Per-page precision and recall of 4-gram shingles (multiset match)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def body_scores(golds: list[str], preds: list[str]) -> dict[str, float]:
    prs = [page_pr(g, p) for g, p in zip(golds, preds)]
    acc = [float(tokens(g) == tokens(p)) for g, p in zip(golds, preds)]

    def f1_of(rows: list[tuple[float, float]]) -> tuple[float, float, float]:
        prec = sum(r[0] for r in rows) / len(rows)
        rec = sum(r[1] for r in rows) / len(rows)
        return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec

    f1, prec, rec = f1_of(prs)
    rng = random.Random(BOOTSTRAP_SEED)
    boot = [f1_of([prs[rng.randrange(len(prs))] for _ in prs])[0] for _ in range(BOOTSTRAP_SAMPLES)]
    mean = sum(boot) / len(boot)
    std = (sum((b - mean) ** 2 for b in boot) / (len(boot) - 1)) ** 0.5
    return {"F1": f1, "std": std, "P": prec, "R": rec, "accuracy": sum(acc) / len(acc)}


def snippet_scores(pages: list[Page], preds: list[str]) -> dict[str, float]:
    """trafilatura's evaluation: `with` snippets found = TP, `without` snippets found = FP."""
    tp = fn = fp = tn = 0
    for page, pred in zip(pages, preds):
        text = " ".join(pred.split())
        for s in page.with_:
            if " ".join(s.split()) in text:
                tp += 1
            else:
                fn += 1
        for s in page.without:
            if " ".join(s.split()) in text:
                fp += 1
            else:
                tn += 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"F1": f1, "std": float("nan"), "P": prec, "R": rec,
            "accuracy": (tp + tn) / max(1, tp + tn + fp + fn)}


# --- corpora ---------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    return decode_file(raw)


def load_scrapinghub(limit: int | None) -> list[Page]:
    root = DATA / "scrapinghub-article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, raw.decode("utf-8"), truth[key].get("url"), truth[key]["articleBody"]))
    return pages


def load_trafilatura_eval(limit: int | None) -> list[Page]:
    root = DATA / "trafilatura-eval"
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(evaldata)[:limit]:
        item = evaldata[url]
        path = root / "html" / f"{item['file']}.gz"
        if not path.exists():
            continue
        html = _decode(gzip.decompress(path.read_bytes()))
        pages.append(Page(item["file"], html, url, None, item.get("with", []), item.get("without", [])))
    return pages


def load_newspaper4k(limit: int | None) -> list[Page]:
    root = DATA / "newspaper4k-fixtures"
    pages = []
    for path in sorted((root / "html").glob("*.html.gz"))[:limit]:
        name = path.name.removesuffix(".html.gz")
        meta = json.loads((root / "metadata" / f"{name}.json").read_text(encoding="utf-8"))
        gold = (root / "txt" / f"{name}.txt").read_text(encoding="utf-8")
        pages.append(Page(name, _decode(gzip.decompress(path.read_bytes())), meta.get("url"), gold))
    return pages


def load_anpandu(limit: int | None) -> list[Page]:
    root = DATA / "anpandu-indonesian-news-pages"
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    pages = []
    for item in expected["articles"][:limit]:
        html = _decode((root / item["fixture"]).read_bytes())
        pages.append(Page(item["fixture"], html, item.get("url"), item["content"]))
    return pages


CORPORA: dict[str, Callable[[int | None], list[Page]]] = {
    "scrapinghub": load_scrapinghub,
    "trafilatura-eval": load_trafilatura_eval,
    "newspaper4k": load_newspaper4k,
    "anpandu": load_anpandu,
}
CORPUS_DIRS = {
    "scrapinghub": "scrapinghub-article-extraction-benchmark",
    "trafilatura-eval": "trafilatura-eval",
    "newspaper4k": "newspaper4k-fixtures",
    "anpandu": "anpandu-indonesian-news-pages",
}


# --- systems ---------------------------------------------------------------------------


def plain_trafilatura(page: Page) -> str:
    return trafilatura.extract(page.html) or ""


def warta_pipeline() -> Callable[[Page], str]:
    """Warta's body as the package produces it: ``Pipeline(["extract"])``.

    Its extract stage also splits the dateline ("JAKARTA, KOMPAS.com -") off the body
    into its own field, which the gold bodies keep.
    """
    pipeline = warta.Pipeline(["extract"])

    def run(page: Page) -> str:
        try:
            return pipeline.process(page.html, url=page.url).body
        except NoArticleTextError:
            return ""

    return run


def html_variant(options: HtmlOptions) -> Callable[[Page], str]:
    """The paragraphs of ``extract_html`` alone, for comparing extraction settings."""

    def run(page: Page) -> str:
        try:
            return "\n\n".join(extract_html(page.html, url=page.url, options=options).paragraphs)
        except NoArticleTextError:
            return ""

    return run


def run_timed(systems: dict[str, Callable[[Page], str]], pages: list[Page], rounds: int):
    """Outputs of each system and its best wall time over `rounds` interleaved rounds."""
    outputs: dict[str, list[str]] = {}
    best: dict[str, float] = {name: float("inf") for name in systems}
    for _ in range(rounds):
        for name, fn in systems.items():
            start = time.perf_counter()
            out = [fn(p) for p in pages]
            best[name] = min(best[name], time.perf_counter() - start)
            outputs.setdefault(name, out)
    return outputs, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="scrapinghub")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best is kept)")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS),
                        help="extract_html settings to compare (default: the shipped one)")
    args = parser.parse_args(argv)

    folder = DATA / CORPUS_DIRS[args.corpus]
    if not folder.is_dir():
        print(f"skipped: data folder {folder} is absent")
        return 0
    pages = CORPORA[args.corpus](args.limit)
    systems: dict[str, Callable[[Page], str]] = {
        "trafilatura": plain_trafilatura,
        "warta": warta_pipeline(),
    }
    for variant in args.variant or ["default"]:
        systems[f"extract_html:{variant}"] = html_variant(VARIANTS[variant])

    outputs, best = run_timed(systems, pages, args.rounds)
    print(f"corpus {args.corpus}: {len(pages)} pages, best of {args.rounds} timing round(s), "
          f"trafilatura {trafilatura.__version__}")
    print(f"{'system':<26} {'F1':>12} {'P':>6} {'R':>6} {'acc':>6} {'pages/s':>8} {'time/traf':>9}")
    for name in systems:
        if args.corpus == "trafilatura-eval":
            s = snippet_scores(pages, outputs[name])
        else:
            s = body_scores([p.gold_body or "" for p in pages], outputs[name])
        f1 = f"{s['F1']:.3f}" + ("" if s["std"] != s["std"] else f" ±{s['std']:.3f}")
        print(f"{name:<26} {f1:>12} {s['P']:>6.3f} {s['R']:>6.3f} {s['accuracy']:>6.3f} "
              f"{len(pages) / best[name]:>8.1f} {best[name] / best['trafilatura']:>9.2f}")
    if args.corpus == "scrapinghub":
        ref = PUBLISHED_TRAFILATURA_2_0
        print(f"{'published trafilatura 2.0.0':<26} {ref['F1']:>12.3f} {ref['P']:>6.3f} {ref['R']:>6.3f} "
              f"{ref['accuracy']:>6.3f}   (README, for reference)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
