# Two commands are all a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
# The Python client's operations and models: generated from its kept contract by
# openapi-python-client, in a virtualenv of its own (its pins differ from the service's).
CLIENT_GENERATOR := .venv-client-gen/bin/openapi-python-client
CLIENT_CODE := clients/python/sme_ledger_client/openapi/__init__.py

.PHONY: run demo test lint typecheck pytest bench bench-smoke torture fuzz fuzz-server client clean help

help:
	@echo "make run    start the API on the embedded SQLite default (./var/ledger.sqlite)"
	@echo "make demo   seed a demonstration Ningxia network into ./var/demo.sqlite and serve it"
	@echo "make test   lint (ruff, import rules), type-check (mypy --strict) and run the test suite"
	@echo "make bench  the throughput suite on PostgreSQL (writes docs/benchmarks.md and .json)"
	@echo "make torture  the fault suite: writers while the service, PostgreSQL and the network fail, then fuzz-server"
	@echo "make fuzz   generated requests against every operation of the OpenAPI document (schemathesis)"
	@echo "make fuzz-server  schemathesis, every phase (stateful too), against a running server"
	@echo "make client regenerate the Python client (clients/python) from the OpenAPI document"
	@echo "make clean  remove the virtualenv and local data"

# Running needs the package alone; the tests also need the linters and the type checker.
$(RUN_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP) clients/python/pyproject.toml $(CLIENT_CODE)
	$(BIN)/python -m pip install --quiet -e '.[dev]' -e clients/python
	@touch $(STAMP)

$(CLIENT_GENERATOR):
	$(PYTHON) -m venv .venv-client-gen
	.venv-client-gen/bin/python -m pip install --quiet 'openapi-python-client==0.29.1'

$(CLIENT_CODE): clients/python/openapi.json clients/python/generator.yaml | $(CLIENT_GENERATOR)
	PATH="$(CURDIR)/.venv-client-gen/bin:$$PATH" $(PYTHON) clients/python/generate.py --generator $(CLIENT_GENERATOR) --stored
	@touch $(CLIENT_CODE)

run: $(RUN_STAMP)
	@mkdir -p var
	$(BIN)/sme-ledger serve

DEMO_DB := sqlite:///./var/demo.sqlite

demo: $(RUN_STAMP)
	@mkdir -p var
	@if [ -f var/demo.sqlite ]; then echo "var/demo.sqlite is already seeded (delete it to seed again)"; \
	else LEDGER_DATABASE_URL=$(DEMO_DB) $(BIN)/sme-ledger demo; fi
	LEDGER_DATABASE_URL=$(DEMO_DB) $(BIN)/sme-ledger serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# Every test shares out over two workers, a test module each at a time, except the e2e tests
# that bound wall time or kill processes on a timer (marked `timed`): they run alone after.
PYTEST_WORKERS ?= 2
pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not timed"
	$(BIN)/pytest -m timed

test: lint typecheck pytest

# The throughput suite needs PostgreSQL (LEDGER_TEST_POSTGRES_URL, default the local server) and
# uses wrk when installed (apt-get install wrk), else an asyncio httpx client. ~3 minutes.
bench: $(STAMP)
	$(BIN)/python bench/suite.py

# The same steps, tiny: that the suite works (CI runs it as tests/e2e/test_bench_smoke.py).
bench-smoke: $(STAMP)
	$(BIN)/python bench/suite.py --smoke --json var/bench-smoke.json --markdown var/bench-smoke.md

# Writers against a real server, projection daemon and sealer on a throwaway PostgreSQL cluster
# of its own, while processes are killed and paused, the database crashed and the network to it
# cut; then the checks of docs/reliability.md. Options: .venv/bin/python bench/torture.py -h
# Then fuzz-server: together a few minutes.
torture: $(STAMP)
	$(BIN)/python bench/torture.py $(TORTURE_ARGS)
	$(MAKE) fuzz-server

# Schemathesis in every phase, stateful included, against `sme-ledger serve` on a fresh SQLite
# ledger, with a hub's key and with a window's; any failure fails. Options: bench/fuzz_server.py -h
fuzz-server: $(STAMP)
	$(BIN)/python bench/fuzz_server.py $(FUZZ_SERVER_ARGS)

# Every operation, writes included, with FUZZ_EXAMPLES generated requests each, for two roles;
# `make test` runs a small seeded sample of the reads (tests/api/test_schemathesis.py).
FUZZ_EXAMPLES ?= 25
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/api/test_schemathesis.py

# `make client`: the Python client's contract (clients/python/openapi.json) written again from the
# service's OpenAPI document, and its operations and models generated from it.
client: $(STAMP) $(CLIENT_GENERATOR)
	PATH="$(CURDIR)/.venv-client-gen/bin:$$PATH" $(BIN)/python clients/python/generate.py --generator $(CLIENT_GENERATOR)

clean:
	rm -rf $(VENV) .venv-client-gen clients/python/sme_ledger_client/openapi var .mypy_cache .ruff_cache .pytest_cache
