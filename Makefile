# rapportlint: one command to try it (make demo), one to test it (make test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := fixtures/pdf/exemple-rapport.pdf

.PHONY: install demo test lint format fixtures bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	@echo "== rapportlint check $(SAMPLE)"
	@$(BIN)/rapportlint check $(SAMPLE); status=$$?; test $$status -le 1

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests fixtures bench
	$(BIN)/ruff format --check src tests fixtures bench

format: install
	$(BIN)/ruff format src tests fixtures bench
	$(BIN)/ruff check --fix src tests fixtures bench

# Regenerates the committed test PDFs (needs libreoffice-writer and TeX Live for some of them).
fixtures: install
	$(BIN)/python -m fixtures.generate

bench: install
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_class.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
