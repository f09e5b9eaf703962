# Every target creates .venv by itself: `make serve` and `make test` are the
# whole quick start on a fresh machine.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000

.PHONY: serve build test repair check lookup import bench screenshots clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)            ## build the site and serve it at http://$(HOST)/
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: $(STAMP)            ## strict build into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP)             ## every test, browser tests included
	$(BIN)/python -m pytest

repair: $(STAMP)           ## report what the repair would change in docs/
	$(BIN)/python scripts/repair.py docs

check: $(STAMP)            ## the contribution check over docs/
	$(BIN)/python scripts/check.py docs

lookup: $(STAMP)           ## make lookup Q='RuntimeError: ...'
	$(BIN)/python scripts/lookup.py --docs docs "$(Q)"

import: $(STAMP)           ## make import SRC=../my-blog [DEST=docs] [CONFIG=mkdocs.yml]: bring a VuePress/vdoing blog across
	@test -n "$(SRC)" || { echo "usage: make import SRC=path/to/blog [DEST=docs] [CONFIG=mkdocs.yml]" >&2; exit 2; }
	$(BIN)/python scripts/import_blog.py "$(SRC)" "$(or $(DEST),docs)" $(if $(CONFIG),--mkdocs-yml "$(CONFIG)")

bench: $(STAMP)            ## the performance benchmark (writes to a temporary folder)
	$(BIN)/python scripts/bench.py

screenshots: $(STAMP)      ## screenshots of the built site into screenshots/
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf site .pytest_cache
