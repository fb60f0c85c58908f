"""The short version of ``make fuzz``: every saved finding replays clean, and a few hundred
drawn files of every format go through readers, pipeline and store without a finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.formats import FORMATS, inputs
from fuzz.target import Finding, Harness
from hypothesis import HealthCheck, given, settings

FOUND = sorted((Path(__file__).parent / "fixtures" / "fuzz").iterdir())
HARNESS = Harness()


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_inputs_the_fuzzer_found_are_handled(path):
    before = HARNESS.tally.inputs
    HARNESS.check(path.read_bytes(), path.name)  # raises Finding on a crash, a bad span or a lost record
    assert HARNESS.tally.inputs == before + 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_drawn_files_of_each_format_never_crash(fmt):
    seen = []

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(inputs(formats=(fmt,)))
    def check(drawn):
        kind, data = drawn
        seen.append(kind)
        HARNESS.check(data, f"drawn.{kind}")

    check()
    assert seen and set(seen) == {fmt}


def test_the_harness_reports_a_crash():
    harness = Harness(stages=("extract",), store=False)
    harness.pipeline._functions = [lambda article, options: 1 / 0]  # a stage with a bug
    with pytest.raises(Finding) as found:
        harness.check(b"Menlu Rusia Sergey Lavrov bertemu Blinken di Jenewa.")
    assert found.value.kind == "crash" and "ZeroDivisionError" in found.value.detail
