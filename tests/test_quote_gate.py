"""Gate on the annotated quote tables: detection F1 and speaker accuracy may not fall.

Floors sit a little under what `benchmarks/quotes.py --split dev` measured when they were
set; raise them when the stage gets better, never lower them to let a change through.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"id": {"f1": 0.95, "speaker_accuracy": 0.93}, "en": {"f1": 0.87, "speaker_accuracy": 0.88}}


@pytest.mark.slow
def test_quote_tables_hold_their_floors():
    if not (ROOT / "tests" / "data" / "quotes" / "dev.id.jsonl").exists():
        pytest.skip("no quote tables")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quotes.py"), "--json"],
                          capture_output=True, text=True, timeout=300, check=True)
    results = json.loads(done.stdout)
    for lang, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert results[lang][metric] >= floor, (lang, metric, results[lang])
