# rapportlint: one command to try it (make demo), one to test it (make test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := fixtures/pdf/exemple-rapport.pdf

FUZZ_SECONDS ?= 120

.PHONY: install ocr demo test eval lint format fixtures bench fuzz clean

install: $(STAMP) ocr

# OCR for annex pages whose text is only in pixels (scans, screenshots): Debian's Tesseract with
# its English and French data. Installed here when the machine allows it (root and apt-get, as on
# a fresh CI machine); elsewhere the command to type is printed, and rapportlint works without
# it (rule RL309 says so once per report).
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra
ocr:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx fra; then \
	  :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "== OCR : apt-get install $(OCR_PACKAGES)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null 2>&1 \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(OCR_PACKAGES) >/dev/null; } \
	  || echo "OCR non installé : rapportlint le dira (RL309) et fonctionnera sans"; \
	else \
	  echo "OCR absent : pour lire les scans, installez-le (sudo apt-get install $(OCR_PACKAGES)) ; rapportlint fonctionne sans"; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: install
	@echo "== rapportlint check $(SAMPLE)"
	@$(BIN)/rapportlint check $(SAMPLE); status=$$?; test $$status -le 1

test: install
	$(BIN)/python -m pytest -q

# Accuracy gate on ../shared/devcorpus (and .realdev/ when fetched); skipped where absent.
eval: install
	$(BIN)/python eval/gate.py

# ruff, then the import layers and the absence of import circles (pyproject: tool.importlinter).
lint: install
	$(BIN)/ruff check src tests fixtures bench eval
	$(BIN)/ruff format --check src tests fixtures bench eval
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format src tests fixtures bench eval
	$(BIN)/ruff check --fix src tests fixtures bench eval

# Regenerates the committed test PDFs (needs libreoffice-writer and TeX Live for some of them).
fixtures: install
	$(BIN)/python -m fixtures.generate

# Coverage-guided fuzzing (atheris) of the loader and the whole check, seeded with the fixtures.
fuzz: install
	$(BIN)/python -m pip install --quiet 'atheris>=2.3'
	mkdir -p fuzz/work fuzz/seeds
	find fixtures/pdf fixtures/hostile -name '*.pdf' -size -300k -exec cp {} fuzz/seeds/ \;
	$(BIN)/python fuzz/fuzz_check.py fuzz/work fuzz/seeds -max_total_time=$(FUZZ_SECONDS) \
	  -rss_limit_mb=2048 -timeout=30 -max_len=400000 -artifact_prefix=fuzz/work/ -print_final_stats=1

# Bytecode as a normal install has it (an editable install leaves src/ uncompiled, and
# PYTHONDONTWRITEBYTECODE keeps Python from writing it): the numbers are those users see.
# bench_check and bench_class also time the real reports of .realdev/ when they are there.
bench: install
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_text.py
	$(BIN)/python bench/bench_ocr.py
	$(BIN)/python bench/bench_class.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
