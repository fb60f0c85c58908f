"""Dates: (a) publication dates, Warta vs htmldate; (b) time expressions, Warta vs dateparser.

    python benchmarks/dates.py [--part published|expressions|all] [--corpus mediacloud|dev]
                               [--split test|dev] [--limit N] [--rounds R] [--json OUT] [--errors]

(b) scores the annotated snippet tables in tests/timex (``--split test`` reports,
``dev`` is for development) with warta.dates.score: spans match when they overlap, value
accuracy is over matched expressions. dateparser's ``search_dates(text, languages=['id',
'en'])`` runs relative to the snippet's publication day; its datetimes are cut to the gold
granularity before comparing (it cannot say "a month"), which favours it.

Corpora (under ../shared/data beside the repository, or $WARTA_SHARED_DATA):
  mediacloud  the REPORTING set: htmldate-mediacloud-2020, 200 world news pages with gold
              publication days. Never tune on it (``--errors`` refuses it).
  dev         the tuning set, every page with a known publication day from:
              anpandu (26 Indonesian pages, expected.json ``date_iso_wib``), detik (5 pages
              of 2021-22, the days listed in its README), newspaper4k (its metadata
              ``publish_date`` where not null; regression expectations, not human gold) and
              trafilatura-eval (the 728 pages whose evaldata.json has a ``date``).

Systems, all given the same decoded page and its URL:
  warta               ``warta.extraction.html.page_date(html, url=url)``: the date steps of
                      ``extract_html`` (meta, JSON-LD, <time>, URL, a written date, then
                      htmldate's search) without body extraction, so a page the extractor refuses
                      as having no article text still has its date measured
  htmldate-extensive  ``find_date(html, url=url, extensive_search=True)``
  htmldate-fast       ``find_date(html, url=url, extensive_search=False)``
  htmldate-ext-orig,  the same two with ``original_date=True``, as htmldate's own
  htmldate-fast-orig  comparison.py runs them (the first publication over an update)

Metric: htmldate's own (its tests/evaluation.py ``evaluate_result`` and comparison.py
``calculate_scores``): per page, no date returned = false negative (plus a true negative when
the gold is JSON null, which never happens here); a date equal to the gold day = true positive;
any other date = false positive. Precision = TP/(TP+FP) (correct/returned), recall =
TP/(TP+FN), accuracy = (TP+TN)/all (= correct/all here), F1 = 2TP/(2TP+FP+FN). The data
README paraphrases recall as returned/all; that figure is printed too, as ``cover``.

NaN gold: 5 mediacloud pages have the literal JSON ``NaN`` as their date. htmldate's
evaluation loads them as float nan, which is not None and equals no string, so such a page
counts as a false negative when no date is returned and as a false positive when one is. The
same rule is used here, so these numbers are comparable with htmldate's published ones (which
cover these 200 pages plus 800 others).

Timing: pages are decompressed and decoded before the clock starts. Each system runs
``--rounds`` times, interleaved, the fastest round is kept, and htmldate's and trafilatura's
caches are cleared before every round so that no system profits from an earlier one. (The
first dateparser call in a process loads its locale data, about 2 s; with 2+ rounds the kept
round does not include it for any system.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import htmldate
from htmldate import find_date
from htmldate.meta import reset_caches
from trafilatura.utils import decode_file

from warta.dates.score import Predicted, load_table, same_value, score, truncate, warta_predictor
from warta.extraction.html import page_date

# ../shared/data beside the repository (as in CI), or $WARTA_SHARED_DATA.
DATA = Path(os.environ.get("WARTA_SHARED_DATA",
                           Path(__file__).resolve().parents[1].parent / "shared" / "data"))
MEDIACLOUD = "htmldate-mediacloud-2020"
ROOT = Path(__file__).resolve().parent.parent
DEV_DIRS = {
    "anpandu": "anpandu-indonesian-news-pages",
    "detik": "detik-raw-pages-2022",
    "newspaper4k": "newspaper4k-fixtures",
    "trafilatura-eval": "trafilatura-eval",
}
# docs/evaluation.rst of htmldate (1,000 pages: these 200 + 800 BBAW pages), for reference.
PUBLISHED_HTMLDATE_1_10 = {
    "htmldate-extensive": {"P": 0.908, "R": 0.993, "accuracy": 0.903, "F1": 0.949},
    "htmldate-fast": {"P": 0.924, "R": 0.927, "accuracy": 0.861, "F1": 0.925},
}


@dataclass
class Page:
    id: str
    html: str
    url: str | None
    gold: str | None  # publication day YYYY-MM-DD; None = the gold says "no usable date" (NaN)
    corpus: str


# --- metric (htmldate tests/evaluation.py + comparison.py) -------------------------------


def date_scores(golds: list[str | None], preds: list[str | None]) -> dict[str, float]:
    tp = fp = fn = 0
    for gold, pred in zip(golds, preds):
        if pred is None:
            fn += 1  # also for a NaN gold: htmldate's true negative is for a JSON null only
        elif pred == gold:
            tp += 1
        else:
            fp += 1
    n = len(golds)
    return {
        "pages": n, "TP": tp, "FP": fp, "FN": fn,
        "P": tp / (tp + fp) if tp + fp else 0.0,
        "R": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": tp / n if n else 0.0,
        "F1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "cover": (tp + fp) / n if n else 0.0,
    }


# --- corpora ---------------------------------------------------------------------------


def _gunzip_html(path: Path) -> str:
    return decode_file(gzip.decompress(path.read_bytes()))


def load_mediacloud(limit: int | None) -> list[Page]:
    root = DATA / MEDIACLOUD
    # Python's json reads the file's bare NaN values as float nan
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(gold)[:limit]:
        item = gold[url]
        day = item["date"] if isinstance(item["date"], str) else None
        html = _gunzip_html(root / "html" / f"{item['file']}.gz")
        pages.append(Page(item["file"], html, url, day, "mediacloud"))
    return pages


def _dev_anpandu() -> list[Page]:
    root = DATA / DEV_DIRS["anpandu"]
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    return [Page(a["fixture"], decode_file((root / a["fixture"]).read_bytes()), a["url"],
                 a["date_iso_wib"][:10], "anpandu") for a in expected["articles"]]


# README lines such as: - `1.html` — "Polisi soal …", 2022/12/10 13:19:56, Mulia Budi (…)
_DETIK_README_LINE = re.compile(
    r"^\s*- `(?P<file>[\w.]+\.html)` .*?, (?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2}) \d", re.MULTILINE)


def _dev_detik() -> list[Page]:
    root = DATA / DEV_DIRS["detik"]
    pages = []
    for m in _DETIK_README_LINE.finditer((root / "README.md").read_text(encoding="utf-8")):
        html = decode_file((root / "html" / m["file"]).read_bytes())
        # the README does not list the address; the page's og:url does
        url = re.search(r'property="og:url"\s+content="([^"]+)"', html)
        pages.append(Page(m["file"], html, url[1] if url else None, f"{m['y']}-{m['m']}-{m['d']}", "detik"))
    return pages


def _dev_newspaper4k() -> list[Page]:
    root = DATA / DEV_DIRS["newspaper4k"]
    pages = []
    for path in sorted((root / "metadata").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        if meta.get("publish_date"):
            name = path.name.removesuffix(".json")
            html = _gunzip_html(root / "html" / f"{name}.html.gz")
            pages.append(Page(name, html, meta.get("url"), meta["publish_date"][:10], "newspaper4k"))
    return pages


def _dev_trafilatura_eval() -> list[Page]:
    root = DATA / DEV_DIRS["trafilatura-eval"]
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(evaldata):
        item = evaldata[url]
        path = root / "html" / f"{item['file']}.gz"
        if item.get("date") and path.exists():
            pages.append(Page(item["file"], _gunzip_html(path), url, item["date"][:10], "trafilatura-eval"))
    return pages


def load_dev(limit: int | None) -> list[Page]:
    """The dev pages, ``limit`` from each corpus (folders that are absent are left out)."""
    loaders = {"anpandu": _dev_anpandu, "detik": _dev_detik, "newspaper4k": _dev_newspaper4k,
               "trafilatura-eval": _dev_trafilatura_eval}
    return [p for name, load in loaders.items() if (DATA / DEV_DIRS[name]).is_dir() for p in load()[:limit]]


# --- systems ---------------------------------------------------------------------------




def warta_published(page: Page) -> str | None:
    return page_date(page.html, url=page.url)[0]


def htmldate_extensive(page: Page) -> str | None:
    return find_date(page.html, url=page.url, extensive_search=True)


def htmldate_fast(page: Page) -> str | None:
    return find_date(page.html, url=page.url, extensive_search=False)


def htmldate_extensive_orig(page: Page) -> str | None:
    return find_date(page.html, url=page.url, extensive_search=True, original_date=True)


def htmldate_fast_orig(page: Page) -> str | None:
    return find_date(page.html, url=page.url, extensive_search=False, original_date=True)


SYSTEMS: dict[str, Callable[[Page], str | None]] = {
    "htmldate-extensive": htmldate_extensive,
    "htmldate-fast": htmldate_fast,
    "htmldate-ext-orig": htmldate_extensive_orig,
    "htmldate-fast-orig": htmldate_fast_orig,
    "warta": warta_published,
}


def run_timed(pages: list[Page], rounds: int) -> tuple[dict[str, list[str | None]], dict[str, float]]:
    """Outputs of each system and its best wall time over ``rounds`` interleaved rounds."""
    outputs: dict[str, list[str | None]] = {}
    best = {name: math.inf for name in SYSTEMS}
    for _ in range(rounds):
        for name, fn in SYSTEMS.items():
            reset_caches()  # htmldate's and trafilatura's lru caches
            start = time.perf_counter()
            out = [fn(p) for p in pages]
            best[name] = min(best[name], time.perf_counter() - start)
            outputs.setdefault(name, out)
    return outputs, best


# --- (a) publication dates -----------------------------------------------------------------------------


def bench_published(args) -> dict:
    """Page-level publication day: Warta vs htmldate (extensive and fast)."""
    if args.corpus == "mediacloud":
        if args.errors:
            raise SystemExit("--errors lists per-page results; mediacloud is the reporting set, use --corpus dev")
        pages = load_mediacloud(args.limit)
    else:
        pages = load_dev(args.limit)
    outputs, best = run_timed(pages, args.rounds)

    groups = {"all": pages}
    if args.corpus == "dev":
        for p in pages:
            groups.setdefault(p.corpus, []).append(p)
    result: dict = {
        "corpus": args.corpus, "pages": len(pages), "rounds": args.rounds,
        "htmldate_version": htmldate.__version__,
        "nan_gold_pages": sum(p.gold is None for p in pages),
        "systems": {},
    }
    index = {id(p): i for i, p in enumerate(pages)}
    for name in SYSTEMS:
        entry: dict = {
            "seconds": best[name],
            "pages_per_s": len(pages) / best[name],
            "time_vs_htmldate_extensive": best[name] / best["htmldate-extensive"],
            "time_vs_htmldate_fast": best[name] / best["htmldate-fast"],
        }
        for group, members in groups.items():
            preds = [outputs[name][index[id(p)]] for p in members]
            entry[group] = date_scores([p.gold for p in members], preds)
        result["systems"][name] = entry

    print(f"published dates, corpus {args.corpus}: {len(pages)} pages ({result['nan_gold_pages']} with NaN gold), "
          f"best of {args.rounds} timing round(s), htmldate {htmldate.__version__}")
    for group, members in groups.items():
        print(f"\n[{group}: {len(members)} pages]")
        print(f"{'system':<20} {'P':>6} {'R':>6} {'acc':>6} {'F1':>6} {'cover':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
              + (f" {'pages/s':>8} {'x ext.':>7} {'x fast':>7}" if group == "all" else ""))
        for name, entry in result["systems"].items():
            s = entry[group]
            line = (f"{name:<20} {s['P']:>6.3f} {s['R']:>6.3f} {s['accuracy']:>6.3f} {s['F1']:>6.3f} "
                    f"{s['cover']:>6.3f} {s['TP']:>4} {s['FP']:>4} {s['FN']:>4}")
            if group == "all":
                line += (f" {entry['pages_per_s']:>8.1f} {entry['time_vs_htmldate_extensive']:>7.2f}"
                         f" {entry['time_vs_htmldate_fast']:>7.2f}")
            print(line)
    if args.corpus == "mediacloud":
        print("\npublished (htmldate docs/evaluation.rst: 1,000 pages incl. these 200, original_date=True, "
              "htmldate 1.10.0; for reference):")
        for name, s in PUBLISHED_HTMLDATE_1_10.items():
            print(f"{name:<20} {s['P']:>6.3f} {s['R']:>6.3f} {s['accuracy']:>6.3f} {s['F1']:>6.3f}")
    if args.errors:
        print("\npages where Warta is wrong or silent (corpus, page, gold, warta, htmldate-extensive):")
        for i, p in enumerate(pages):
            if outputs["warta"][i] != p.gold:
                print(f"  {p.corpus:<16} {p.id[:60]:<60} {p.gold} {outputs['warta'][i]} "
                      f"{outputs['htmldate-extensive'][i]}")
    return result


TIMEX = ROOT / "tests" / "timex"


def _dateparser_predictor():
    """dateparser's search_dates, as the issue asks: languages=['id','en'], relative to the
    anchor, day-first for Indonesian snippets. Its matched strings are located in the snippet
    left to right to get spans; its datetimes are cut to the gold granularity when scored."""
    from dateparser.search import search_dates

    def predict(row: dict) -> list[Predicted]:
        anchor = dt.datetime.fromisoformat(row["anchor"]).replace(hour=12)
        settings = {"RELATIVE_BASE": anchor, "PREFER_DATES_FROM": "past",
                    "DATE_ORDER": "DMY" if row["lang"] == "id" else "MDY"}
        found = search_dates(row["text"], languages=["id", "en"], settings=settings) or []
        out, cursor = [], 0
        for text, moment in found:
            start = row["text"].find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            out.append(Predicted(start, cursor, moment.date().isoformat()))
        return out

    return predict


def _truncating(gold: dict, predicted: str | None) -> bool:
    """dateparser returns days only: compare at the gold granularity."""
    if predicted is None or gold["value"] is None:
        return predicted == gold["value"]
    return truncate(dt.date.fromisoformat(predicted[:10]), gold["granularity"]) == gold["value"]


def bench_expressions(args) -> dict:
    rows = load_table(sorted(TIMEX.glob(f"{args.split}.*.jsonl")))
    if args.limit:
        rows = rows[: args.limit]
    count = sum(len(r["times"]) for r in rows)
    systems = {"warta": (warta_predictor(), same_value), "dateparser": (_dateparser_predictor(), _truncating)}
    results = {}
    for name, (predict, same) in systems.items():
        predict(rows[0])  # warm caches and lazy imports outside the timing
        best = None
        for _ in range(args.rounds):
            start = time.perf_counter()
            scored = score(rows, predict, same)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        summary = scored.summary()
        summary["seconds"] = round(best, 3)
        summary["snippets_per_s"] = round(len(rows) / best, 1)
        summary["expressions_per_s"] = round(count / best, 1)
        results[name] = summary
    results["warta"]["time_vs_dateparser"] = round(results["warta"]["seconds"] / results["dateparser"]["seconds"], 4)
    by_source = {}
    for source in sorted({r["source"] for r in rows}):
        subset = [r for r in rows if r["source"] == source]
        by_source[source] = score(subset, systems["warta"][0]).summary()
    return {"split": args.split, "snippets": len(rows), "expressions": count, "systems": results,
            "warta_by_source": by_source}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("published", "expressions", "all"), default="published")
    parser.add_argument("--corpus", choices=("mediacloud", "dev"), default="mediacloud",
                        help="published part: mediacloud = reporting set, dev = tuning pages")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only (dev: N per corpus)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best is kept)")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON to OUT")
    parser.add_argument("--errors", action="store_true", help="dev only: list the pages Warta gets wrong")
    parser.add_argument("--split", choices=("dev", "test"), default="test",
                        help="expressions part: the annotated tables in tests/timex (test = reporting)")
    args = parser.parse_args(argv)

    needed = [MEDIACLOUD] if args.corpus == "mediacloud" else list(DEV_DIRS.values())
    if args.part in ("published", "all") and not any((DATA / d).is_dir() for d in needed):
        print(f"published: skipped, data folder(s) {', '.join(str(DATA / d) for d in needed)} absent")
        args.part = "expressions" if args.part == "all" else "none"
    results: dict = {}
    if args.part in ("published", "all"):
        results["published"] = bench_published(args)
    if args.part in ("expressions", "all"):
        results["expressions"] = bench_expressions(args)
        print(json.dumps(results["expressions"], indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
