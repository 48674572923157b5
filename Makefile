# dateline — every target installs what it needs itself (a .venv with the pinned models from PyPI).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
UI     := src/dateline/api/static/vendor/.vendored-$(shell cat ui/package-lock.json | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.db
CORPUS  ?= ../shared/corpora/fr_tvnews_2017.jsonl.gz

.PHONY: install ui browser postgres demo serve screenshots test lint format bench benchmarks bench-queries bench-quotes bench-store \
        eval eval-timex \
        eval-quotes eval-events eval-entities train-quotes-en train-events-en train-timex clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -e ".[en,frames,plot,dask,postgres,dev]"
	rm -f $(VENV)/.installed-*
	touch $@

## ui: vendor the web UI's front-end libraries (pinned in ui/package-lock.json) into the package
ui: $(UI)

$(UI): ui/package-lock.json
	tools/vendor_ui.sh
	rm -f src/dateline/api/static/vendor/.vendored-*
	touch $@

## browser: Debian's Chromium for the end-to-end browser test (the test skips, saying why, without it)
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) \
	  || echo "could not install chromium: the browser test will be skipped"

## postgres: Debian's PostgreSQL server binaries; the store tests run their own throwaway server on a loopback
## port with them (or on DATELINE_TEST_PG=postgresql://admin@host/db), and `make test` fails without them
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
	  || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql) \
	  || echo "could not install postgresql: the PostgreSQL store tests will fail (DATELINE_REQUIRE_PG=1)"

## demo: ingest the bundled French sample corpus into $(DEMO_DB) and print a short report
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline ingest samples/fr --db $(DEMO_DB)
	$(BIN)/dateline articles --db $(DEMO_DB)
	$(BIN)/dateline entities --db $(DEMO_DB) --top 10
	$(BIN)/dateline timeline "Sergueï Lavrov" --db $(DEMO_DB)
	$(BIN)/dateline quotes --speaker Lavrov --db $(DEMO_DB)
	$(BIN)/dateline events --db $(DEMO_DB)

## serve: the demo store in the browser at http://127.0.0.1:8080/
serve: demo ui
	$(BIN)/dateline serve --db $(DEMO_DB)

## screenshots: the entity, article, quotes and events pages at 1400 and 390 px, into docs/screenshots/
screenshots: demo ui browser
	$(BIN)/python tools/screenshots.py --db $(DEMO_DB) --out docs/screenshots

## test: lint, type-check, then the whole test suite (with the UI vendored, Chromium for the browser test, and
## PostgreSQL for the store tests, which run on SQLite and on PostgreSQL and may not skip the latter here)
test: install lint ui browser postgres
	DATELINE_REQUIRE_PG=1 $(BIN)/python -m pytest -q --durations=15

lint: install
	$(BIN)/ruff check src tests bench eval tools train
	$(BIN)/ruff format --check src tests bench eval tools train
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests bench eval tools
	$(BIN)/ruff check --fix src tests bench eval tools

## bench: pipeline overhead over bare spaCy on 2,000 fr_tvnews_2017 articles
bench: install
	$(BIN)/python bench/pipeline_overhead.py --n 2000

## bench-store: writing the full corpus's records into SQLite and into PostgreSQL (time, size per article)
bench-store: install postgres
	test -f tvnews.db || $(BIN)/dateline ingest $(CORPUS) --db tvnews.db --workers 2 --quiet
	$(BIN)/python bench/store_ingest.py --db tvnews.db

## benchmarks: the whole suite (throughput, scaling, quotes, full-corpus ingest, queries, API load) -> BENCHMARKS.md
benchmarks: install
	$(BIN)/python bench/run_all.py --db tvnews.db

## bench-queries: knowledge-base query latencies on the full fr_tvnews_2017 corpus (ingests it first)
bench-queries: install
	test -f tvnews.db || $(BIN)/dateline ingest $(CORPUS) --db tvnews.db --workers 2 --quiet
	$(BIN)/python bench/queries.py --db tvnews.db

bench-quotes: install
	$(BIN)/python bench/quotes_scaling.py

## eval: every evaluation against the gold data in ../shared, with the reference systems beside ours
eval: eval-timex eval-quotes eval-events eval-entities

eval-timex: install
	$(BIN)/python -m pip install -q -e ".[eval]"
	$(BIN)/python eval/timex.py

eval-quotes: install
	$(BIN)/python eval/quotes.py all

## train-quotes-en: the learned English attribution tagger (issue 15), trained on PolNeAR's train split on
## one core (about 20 minutes), into train/quotes_en/out/model-best; eval-quotes scores it beside the rules
train-quotes-en: install
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python train/quotes_en/train.py --out train/quotes_en/out

## train-events-en: the learned acceptance of English event candidates (issue 14), fitted on the English
## dev gold with repeated and nested cross-validation by document (about two minutes), into src/dateline/data/events/en/acceptance.json
train-events-en: install
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python train/events_en/train.py --out train/events_en/out --nested

## train-timex: the learned TIMEX3 extent detector for French (issue 16), cross-validated then trained on the
## French time dev documents on one core (a few minutes), into train/timex/out/model
train-timex: install
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python train/timex/train.py --out train/timex/out

eval-events: install
	$(BIN)/python eval/events.py all

eval-entities: install
	$(BIN)/python eval/entities.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache ui/node_modules src/dateline/api/static/vendor \
	  $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
