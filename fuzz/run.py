"""The long fuzzing run (``make fuzz``): many inputs, every finding kept, one report.

Two engines, run one after the other:

* ``hypothesis``: files drawn from ``fuzz.formats`` (every format, valid, cut, mutated,
  re-encoded) through the readers, the whole pipeline in debug mode and a SQLite store;
* ``atheris``: coverage-guided mutation (libFuzzer) of the readers and the extract stage,
  started from a corpus of drawn files and the bundled examples (``fuzz/atheris_readers.py``).

A finding (a crash, a span that does not read its text, a record the store loses) is saved
under ``--findings`` as the input's bytes and what went wrong, to replay with
``python -m fuzz.run --replay FILE``. The report (``--report``) has the counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FINDINGS = REPO / "fuzz" / "findings"
CHUNK = 500  # examples per hypothesis run: its bookkeeping grows with every example


def save_finding(findings: Path, kind: str, fmt: str, data: bytes, detail: str) -> Path:
    """The input and what went wrong, named by content so a repeat overwrites itself."""
    findings.mkdir(parents=True, exist_ok=True)
    path = findings / f"{kind}-{fmt}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    path.with_suffix(".txt").write_text(detail + "\n", encoding="utf-8")
    return path


def _hypothesis_worker(job: tuple[int, int, str]) -> dict:
    """Draw ``count`` files with seeds from ``first_seed`` and run each through the harness."""
    count, first_seed, findings = job
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from fuzz.formats import inputs
    from fuzz.target import Finding, Harness

    harness = Harness()
    found: Counter = Counter()
    formats: Counter = Counter()
    started = time.perf_counter()
    done = 0
    for chunk, offset in enumerate(range(0, count, CHUNK)):
        @seed(first_seed + chunk)
        @settings(max_examples=min(CHUNK, count - offset), database=None, deadline=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(inputs())
        def one(drawn):
            fmt, data = drawn
            formats[fmt] += 1
            try:
                harness.check(data, f"fuzzed.{fmt}")
            except Finding as finding:
                found[finding.kind] += 1
                save_finding(Path(findings), finding.kind, fmt, data, str(finding))

        one()
        done = harness.tally.inputs
        rate = done / (time.perf_counter() - started)
        print(f"hypothesis seed {first_seed}: {done:,}/{count:,} inputs, {rate:.1f}/s, findings {dict(found)}",
              file=sys.stderr, flush=True)
    tally = harness.tally
    return {"inputs": tally.inputs, "records": tally.records, "failures": dict(tally.failures),
            "findings": dict(found), "formats": dict(formats), "slowest_seconds": round(tally.slowest_seconds, 2)}


def run_hypothesis(inputs: int, workers: int, first_seed: int, findings: Path) -> dict:
    shares = [inputs // workers + (1 if i < inputs % workers else 0) for i in range(workers)]
    jobs = [(share, first_seed + 1_000_000 * i, str(findings)) for i, share in enumerate(shares)]
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        parts = pool.map(_hypothesis_worker, jobs)
    return _merge(parts, time.perf_counter() - started)


def _merge(parts: list[dict], seconds: float) -> dict:
    total: dict = {"inputs": 0, "records": 0, "failures": Counter(), "findings": Counter(), "formats": Counter(),
                   "slowest_seconds": 0.0}
    for part in parts:
        total["inputs"] += part["inputs"]
        total["records"] += part["records"]
        for key in ("failures", "findings", "formats"):
            total[key].update(part.get(key, {}))
        total["slowest_seconds"] = max(total["slowest_seconds"], part.get("slowest_seconds", 0.0))
    total = {key: dict(value) if isinstance(value, Counter) else value for key, value in total.items()}
    total["findings"] = {kind: total["findings"].get(kind, 0) for kind in ("crash", "span", "store")}
    total["seconds"] = round(seconds, 1)
    total["inputs_per_second"] = round(total["inputs"] / seconds, 1) if seconds else 0.0
    return total


def write_seed_corpus(directory: Path, count: int, first_seed: int) -> int:
    """Files to start the coverage-guided run from: drawn ones, the bundled examples, test pages."""
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from fuzz.formats import inputs

    directory.mkdir(parents=True, exist_ok=True)

    @seed(first_seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs())
    def one(drawn):
        data = drawn[1][:65536]
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)

    one()
    for folder in (REPO / "examples", REPO / "tests" / "fixtures" / "html", REPO.parent / "shared" / "examples"):
        for path in sorted(folder.glob("*"))[:40] if folder.is_dir() else []:
            if path.is_file():
                data = path.read_bytes()[:65536]
                (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return len(list(directory.iterdir()))


def run_atheris(runs: int, workers: int, first_seed: int, findings: Path, max_len: int) -> dict:
    """``runs`` coverage-guided inputs in ``workers`` libFuzzer processes, each with its own corpus."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as work:
        seeds = Path(work) / "seeds"
        write_seed_corpus(seeds, 300, first_seed)
        processes = []
        for index in range(workers):
            corpus = Path(work) / f"corpus-{index}"
            corpus.mkdir()
            counts = Path(work) / f"counts-{index}.json"
            share = runs // workers + (1 if index < runs % workers else 0)
            command = [sys.executable, str(REPO / "fuzz" / "atheris_readers.py"), str(corpus), str(seeds),
                       f"-runs={share}", f"-seed={first_seed + index + 1}", f"-max_len={max_len}",
                       "-timeout=120", "-rss_limit_mb=4096", "-print_final_stats=1"]
            env = {**os.environ, "WARTA_FUZZ_COUNTS": str(counts), "WARTA_FUZZ_FINDINGS": str(findings)}
            log = open(Path(work) / f"log-{index}.txt", "wb")  # noqa: SIM115 - closed below
            processes.append((subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT), log, counts))
        parts = []
        for process, log, counts in processes:
            code = process.wait()
            log.close()
            text = Path(log.name).read_text(encoding="utf-8", errors="replace")
            part = json.loads(counts.read_text()) if counts.exists() else {}
            if code != 0:  # libFuzzer stopped early: a crash it caught itself (timeout, memory)
                part.setdefault("findings", {})
                part["findings"]["crash"] = part["findings"].get("crash", 0) + 1
                tail = text[-3000:]
                save_finding(findings, "crash", "atheris", tail.encode(), f"libFuzzer exited with {code}:\n{tail}")
            part["coverage"] = _final_stat(text, "cov: ")
            parts.append(part)
    report = _merge(parts, time.perf_counter() - started)
    report["coverage_edges"] = max((p.get("coverage") or 0) for p in parts)
    return report


def _final_stat(log: str, marker: str) -> int | None:
    """The last ``cov: N`` libFuzzer printed."""
    value = None
    for line in log.splitlines():
        if marker in line:
            try:
                value = int(line.split(marker, 1)[1].split()[0])
            except ValueError:
                pass
    return value


def replay(path: Path) -> int:
    from fuzz.target import Finding, Harness

    data = path.read_bytes()
    try:
        Harness().check(data, path.name)
    except Finding as finding:
        print(finding)
        return 1
    print(f"{path}: no finding")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000, help="hypothesis-drawn inputs (0: none)")
    parser.add_argument("--atheris-runs", type=int, default=100_000, help="coverage-guided inputs (0: none)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=int(time.time()), help="first seed (default: the clock)")
    parser.add_argument("--max-len", type=int, default=65536, help="largest input atheris makes, in bytes")
    parser.add_argument("--findings", type=Path, default=FINDINGS)
    parser.add_argument("--report", type=Path, default=REPO / "fuzz" / "last-run.json")
    parser.add_argument("--replay", type=Path, help="run one saved input again and say what it does")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    report: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seed": args.seed, "workers": args.workers}
    if args.inputs:
        report["hypothesis"] = run_hypothesis(args.inputs, args.workers, args.seed, args.findings)
        print(json.dumps(report["hypothesis"]), file=sys.stderr, flush=True)
    if args.atheris_runs:
        report["atheris"] = run_atheris(args.atheris_runs, args.workers, args.seed, args.findings, args.max_len)
    report["total_inputs"] = sum(report[e]["inputs"] for e in ("hypothesis", "atheris") if e in report)
    report["total_findings"] = sum(sum(report[e]["findings"].values()) for e in ("hypothesis", "atheris")
                                   if e in report)
    args.report.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 1 if report["total_findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
