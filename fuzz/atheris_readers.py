"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and the extract stage.

Run by ``python -m fuzz.run`` (``make fuzz``), which passes the corpus folders and libFuzzer
flags; alone: ``python fuzz/atheris_readers.py CORPUS_DIR -runs=10000``. Warta's readers,
decoding and extraction code is instrumented, so libFuzzer keeps the mutations that reach
new branches. Each input runs through ``fuzz.target.Harness`` with the extract stage only;
findings are saved (``WARTA_FUZZ_FINDINGS``) and counts written (``WARTA_FUZZ_COUNTS``)
after every input, as libFuzzer ends the process without running Python's exit handlers.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["warta"]):
    import warta.extraction.cleanup
    import warta.extraction.html
    import warta.extraction.text_dump
    import warta.readers
    import warta.readers.decode
    import warta.readers.feeds
    import warta.readers.fetch
    import warta.readers.warc
    import warta.stages.extract  # noqa: F401

from fuzz.run import save_finding
from fuzz.target import Finding, Harness

HARNESS = Harness(stages=("extract",), store=False, seconds=20.0)
COUNTS = Path(os.environ.get("WARTA_FUZZ_COUNTS", "fuzz-counts.json"))
FINDINGS = Path(os.environ.get("WARTA_FUZZ_FINDINGS", "fuzz/findings"))
found: Counter = Counter()


def one_input(data: bytes) -> None:
    try:
        HARNESS.check(data, "fuzzed")
    except Finding as finding:
        found[finding.kind] += 1
        save_finding(FINDINGS, finding.kind, "atheris", data, str(finding))
    tally = HARNESS.tally
    COUNTS.write_text(json.dumps({"inputs": tally.inputs, "records": tally.records, "failures": dict(tally.failures),
                                  "findings": dict(found), "slowest_seconds": round(tally.slowest_seconds, 2)}))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
