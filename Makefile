# Menukaart — every target installs what it needs; nothing relies on a step done by hand.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build validate test bench nieuw clean chromium

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ontbreekt (gezocht: $(PYTHON))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["test"]))' > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet -r $(VENV)/requirements.txt
	@touch $@

validate: $(STAMP)
	@$(BIN)/python -m macros.cli $(FILES)

# The build validates the data itself (every problem, as `make validate` prints them): once.
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

# --dirty: after the first build only what an edit affects is validated and rendered again (macros/incremental.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

chromium:
	@test -x $(CHROMIUM) || { echo "chromium installeren (Debian-pakket)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP) chromium
	$(BIN)/python -m tests.bench

# WIJK and TITEL reach the script through the environment (make exports command-line
# variables), so quotes or other special characters in a title never meet the shell.
nieuw: $(STAMP)
	@$(BIN)/python -m macros.new_practice

clean:
	rm -rf site .pytest_cache
