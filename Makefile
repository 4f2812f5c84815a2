# spasm-edu: every target creates .venv and installs the package when it is missing.
# Needs only Python >= 3.11 and make. See README.md.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8866

.PHONY: lab present test test-quick test-browser test-hub handouts bench bench-browser sync record clean help

help:
	@echo "make lab      - set up and open the course in JupyterLab"
	@echo "make test     - set up and run every test (lint, data, models, widgets, notebooks, browser)"
	@echo "make test-quick - the same without the browser walks (while editing)"
	@echo "make test-browser - only the walks in a real Chromium (tests/browser)"
	@echo "make test-hub - a class of HUB_STUDENTS (3) on a local JupyterHub: links, pulls, memory"
	@echo "make present  - the code-free patient session (Voila) on http://127.0.0.1:$(PORT)"
	@echo "make bench    - speed and memory figures as JSON"
	@echo "make bench-browser - the patient session in Chromium: first usable, steps, 1-20 sessions"
	@echo "make sync     - write notebooks/*.ipynb from content/notebooks/*.md; refresh shared cells, guide and answer key"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "spasm-edu needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

lab: $(STAMP)
	$(PY) -m spasm_edu.tooling.lab

# axe-core (npm, pinned in tests/browser/package.json) for the browser tests' accessibility
# checks; skipped with a note when npm is missing (the browser tests then skip, or fail in CI).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm not found: browser accessibility tests need axe-core (install Node.js and npm)"; fi

# `make test` is the README's second command and CI's (.ci/run): every test, the browser walks
# (marker `browser`) included. `make test-quick` leaves the walks out while you edit;
# `make test-browser` runs only them. None runs the benchmark (`make bench`):
# tests/test_bench.py is a smoke run of 3 changes per explorer.
# every test: lint, sync check, data, models, widgets, notebooks (nbval) and the browser walks
test: $(STAMP) $(AXE)
	$(PY) -m ruff check spasm_edu tests tools notebooks conftest.py
	$(PY) -m ruff format --check spasm_edu tests tools conftest.py
	$(PY) -m spasm_edu.tooling.course sync --check
	$(PY) -m pytest

# while editing: everything except the browser walks (make test still runs them)
test-quick: $(STAMP)
	$(PY) -m ruff check spasm_edu tests tools notebooks conftest.py
	$(PY) -m spasm_edu.tooling.course sync --check
	$(PY) -m pytest -m "not browser"

# only the walks in a real Chromium
test-browser: $(STAMP) $(AXE)
	$(PY) -m pytest -m browser

# The class hub test (tests/hub): the `hub` extra (JupyterHub, nbgitpuller, repo2docker) and
# configurable-http-proxy (npm, pinned in tests/hub/package-lock.json). Writes
# test-artifacts/hub.json (per-student memory, time to a running notebook, pull times).
HUB_STAMP := $(VENV)/.hub-stamp
CHP := tests/hub/node_modules/.bin/configurable-http-proxy
HUB_STUDENTS ?= 3
$(HUB_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,hub]'
	@touch $(HUB_STAMP)
$(CHP): tests/hub/package.json tests/hub/package-lock.json
	npm ci --prefix tests/hub --no-audit --no-fund --loglevel=error && touch $(CHP)

test-hub: $(HUB_STAMP) $(CHP)
	HUB_TEST=1 HUB_STUDENTS=$(HUB_STUDENTS) $(PY) -m pytest tests/hub -s

present: $(STAMP)
	$(PY) -m spasm_edu.present --port $(PORT)

handouts: $(STAMP)
	$(PY) -m spasm_edu.handout --demo

bench: $(STAMP)
	$(PY) -m spasm_edu.tooling.bench --json

bench-browser: $(STAMP)
	$(PY) -m spasm_edu.tooling.bench --browser --json

# notebooks/*.ipynb from their sources content/notebooks/*.md (refuses an .ipynb edited by hand)
sync: $(STAMP)
	$(PY) -m spasm_edu.tooling.course sync
	$(PY) -m spasm_edu.tooling.guide
	$(PY) -m spasm_edu.tooling.answer_key --write

record: $(STAMP)
	$(PY) -m spasm_edu.tooling.course record $(NOTEBOOKS)

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts
