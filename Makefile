# Every target creates .venv by itself: `make serve` and `make test` are the
# whole quick start on a fresh machine.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
# Every package of the tree, pinned (`make lock` writes it); every install goes through it.
LOCK   := constraints.txt
# `make lock` runs pip-compile from a venv of its own, so that it works even when .venv cannot
# be installed (a new pin in requirements.txt that the old lock contradicts).
LOCK_VENV  := .venv-lock
PIP_TOOLS  := pip-tools==7.6.2
PIP_COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
	--extra site --extra dev --output-file $(LOCK) pyproject.toml requirements-dev.txt

.PHONY: serve build test repair check lookup import bench screenshots clean lock lock-upgrade

# The package's own dependency list (pyproject.toml: the runtime, the site extra, the dev extra),
# the direct pins of requirements*.txt, and the lock over both.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade -c $(LOCK) pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -r requirements-dev.txt -e '.[site,dev]'
	touch $(STAMP)

$(LOCK_VENV)/bin/pip-compile:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet '$(PIP_TOOLS)'

lock: $(LOCK_VENV)/bin/pip-compile   ## pin the whole tree into constraints.txt, keeping every pin that still fits
	$(PIP_COMPILE)

lock-upgrade: $(LOCK_VENV)/bin/pip-compile   ## the same, every package at its newest version that fits
	$(PIP_COMPILE) --upgrade

serve: $(STAMP)            ## build the site and serve it at http://$(HOST)/
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: $(STAMP)            ## strict build into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP)             ## every test, browser tests included, on every core (PYTEST_ARGS='-k lookup' for some)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

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
	rm -rf site .pytest_cache $(LOCK_VENV)
