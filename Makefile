# T-MEC Observatory. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= $(or $(TMEC_DB),warehouse/tmec.duckdb)
PORT ?= 8501
PO := $(wildcard dashboard/i18n/locales/*/LC_MESSAGES/messages.po)

.DEFAULT_GOAL := help
.PHONY: help install build validate run test test-fast bench lint format clean

# A description may name a variable, $(NAME); help prints its value (e.g. the DB= given).
help: ## list every target
	@DB='$(DB)' PORT='$(PORT)' awk -F':.*## ' '/^[a-z-]+:.*## / { \
	  d = $$2; \
	  while (match(d, /\$$\([A-Z_]+\)/)) \
	    d = substr(d, 1, RSTART - 1) ENVIRON[substr(d, RSTART + 2, RLENGTH - 3)] substr(d, RSTART + RLENGTH); \
	  printf "  make %-10s %s\n", $$1, d }' $(MAKEFILE_LIST)

# The .mo files are built here, not committed: a .po edited reruns this rule.
$(STAMP): requirements.lock pyproject.toml $(PO)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/pybabel compile --domain messages --directory dashboard/i18n/locales
	touch $(STAMP)

install: $(STAMP) ## create .venv, install the pinned dependencies and compile the translations

validate: $(STAMP) ## check every record in data/; write nothing
	$(BIN)/python -m etl validate --data data

build: $(STAMP) ## validate data/ and build the DuckDB warehouse ($(DB))
	$(BIN)/python -m etl build --data data --db $(DB)

run: build ## install, build the warehouse from data/ and start the app on port $(PORT)
	TMEC_DB=$(DB) $(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP) ## format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Both cores: tests are handed out one by one, the browser tests first (docs/testing.md).
XDIST := -n 2

test: lint ## install, lint, type-check and run every test on both cores (browser tests included)
	$(BIN)/python -m pytest $(XDIST)

test-fast: $(STAMP) ## the tests without the browser ones, on both cores
	$(BIN)/python -m pytest $(XDIST) -m "not e2e"

bench: $(STAMP) ## benchmark ETL, marts and pages at real, 1k, 10k, 100k events (minutes; not in make test)
	$(BIN)/python -m bench.run

clean: ## remove the virtualenv, the warehouse and caches
	rm -rf $(VENV) warehouse/*.duckdb* dashboard/i18n/locales/*/LC_MESSAGES/*.mo .pytest_cache .mypy_cache .ruff_cache test-artifacts bench/work
