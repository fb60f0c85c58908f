# The two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED_EXAMPLES := $(wildcard ../shared/examples)

.PHONY: run test install install-dev bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

$(VENV)/.installed-fuzz: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,fuzz]"
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Process the bundled examples (and ../shared/examples when present) into warta.db.
run: $(VENV)/.installed
	$(BIN)/warta process examples $(SHARED_EXAMPLES) --db warta.db

# The suite beside a throw-away PostgreSQL cluster (scripts/test-postgres.sh), so the
# storage tests run against every backend; without PostgreSQL those cases are skipped.
# Chromium (browser tests, tests/browser) and Java (Spark, tests/runners) are installed
# first when missing (scripts/install-debian.sh); without them those tests are skipped.
test: $(VENV)/.installed-dev
	scripts/install-debian.sh chromium chromium || true
	scripts/install-debian.sh java default-jre-headless || true
	scripts/test-postgres.sh $(BIN)/python -m pytest -n 2 --dist loadfile

# The long fuzzing run (docs/reliability.md), outside the unit suite: 100k drawn files through
# readers, pipeline and store, then 100k coverage-guided ones (atheris) through readers and
# extract. Findings go to fuzz/findings, counts to fuzz/last-run.json. FUZZ_ARGS=--help for more.
fuzz: $(VENV)/.installed-fuzz
	$(BIN)/python -m fuzz.run $(FUZZ_ARGS)

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(VENV) warta.db warta.db-wal warta.db-shm .pytest_cache .hypothesis fuzz/findings fuzz/last-run.json
