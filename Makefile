# The two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED_EXAMPLES := $(wildcard ../shared/examples)

.PHONY: run test install install-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Process the bundled examples (and ../shared/examples when present) into warta.db.
run: $(VENV)/.installed
	$(BIN)/warta process examples $(SHARED_EXAMPLES) --db warta.db

# The suite beside a throw-away PostgreSQL cluster (scripts/test-postgres.sh), so the
# storage tests run against every backend; without PostgreSQL those cases are skipped.
# Chromium is installed first when missing (scripts/install-chromium.sh), for the
# browser tests in tests/browser; without it they are skipped.
test: $(VENV)/.installed-dev
	scripts/install-chromium.sh || true
	scripts/test-postgres.sh $(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(VENV) warta.db warta.db-wal warta.db-shm .pytest_cache .hypothesis
