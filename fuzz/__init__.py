"""Fuzzing Warta's readers and pipeline: strategies (``formats``), what one input goes
through (``target``), the long run (``python -m fuzz.run``, ``make fuzz``) and the
coverage-guided harness (``fuzz/atheris_readers.py``)."""
