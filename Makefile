# nextyes: two commands to know.
#   make run   - set up .venv, install nextyes, and open it in your browser on your own journal
#   make test  - ruff (lint + format), mypy, the import-layer contract and pytest

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest fix bench clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "nextyes needs Python 3.11 or newer; set PYTHON=python3.11 (or newer) and run make again.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/nextyes web

test: lint typecheck contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadgroup

fix: $(STAMP)
	$(BIN)/ruff check --fix src tests bench training
	$(BIN)/ruff format src tests bench training

bench: $(STAMP)
	$(BIN)/python bench/cli_latency.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
