# T-MEC Observatory. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= $(or $(TMEC_DB),warehouse/tmec.duckdb)
PORT ?= 8501

.DEFAULT_GOAL := help
.PHONY: help install build validate run test test-fast bench lint format clean

help: ## list every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies (requirements.lock)

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
	rm -rf $(VENV) warehouse/*.duckdb* .pytest_cache .mypy_cache .ruff_cache test-artifacts bench/work
