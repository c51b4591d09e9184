# Menukaart — every target installs what it needs; nothing relies on a step done by hand.
SHELL := /bin/bash
# The first of python3.11, python3.12, python3.13 that runs (a pyenv shim of a version that is
# not enabled exists but fails, so each candidate is run, not just looked up); PYTHON=… overrides.
# Looked up only when a recipe needs it, then once: a pyenv shim takes a few tenths of a second
# to start, and `make build` with its .venv in place needs no Python from outside at all.
PYTHONS := python3.11 python3.12 python3.13
ifndef PYTHON
PYTHON = $(eval PYTHON := $(firstword $(foreach p,$(PYTHONS),$(shell $(p) -c '' >/dev/null 2>&1 && echo $(p)))))$(PYTHON)
endif
LOCK := requirements.lock
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# The W3C Nu HTML checker, from the npm package vnu-jar (a Java program), kept in .cache/.
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu-$(VNU_VERSION)/node_modules/vnu-jar/build/dist/vnu.jar
export MENUKAART_VNU := $(CURDIR)/$(VNU_JAR)
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build validate test bench nieuw clean chromium lock python java

CHECK_PYTHON = @test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 of 3.13 ontbreekt (gezocht: $(PYTHONS); kies een andere met PYTHON=...)"; exit 1; }
CHECK_VERSION = @$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null || { echo "$(PYTHON) start niet of is geen Python 3.11, 3.12 of 3.13"; exit 1; }

python:
	$(CHECK_PYTHON)
	$(CHECK_VERSION)

# Ubuntu and Debian ship `venv` apart (python3.12-venv, …): as root we install it, otherwise say how.
VENV_HELP = if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then echo "$(PYTHON)-venv installeren (Debian-pakket)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PYTHON)-venv) >/dev/null && $(PYTHON) -m venv $(VENV); else echo "Installeer eerst venv voor $(PYTHON): sudo apt install $(PYTHON)-venv"; exit 1; fi

# Installs exactly the versions in requirements.lock, each checked against its hash
# (pyproject.toml keeps the ranges; `make lock` turns them into new pins).
# The Python checks run only when the venv is (re)made, not on every `make build`.
$(STAMP): $(LOCK) pyproject.toml
	$(CHECK_PYTHON)
	$(CHECK_VERSION)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); $(VENV_HELP); }
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	@touch $@

# Refreshes requirements.lock from the ranges in pyproject.toml, for Python 3.11–3.13 at once
# (uv's universal mode writes markers where versions differ). uv lives in its own venv in .cache/.
lock: | python
	@test -x .cache/uv/bin/uv || { $(PYTHON) -m venv .cache/uv && .cache/uv/bin/python -m pip install --quiet "uv>=0.9,<1"; }
	.cache/uv/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes --quiet --output-file $(LOCK)

validate: $(STAMP)
	@$(BIN)/python -m macros.cli $(if $(DEBUG),--debug) $(FILES)

# The build validates the data itself (every problem, as `make validate` prints them): once.
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

# --dirty: after the first build only what an edit affects is validated and rendered again (macros/incremental.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

chromium:
	@test -x $(CHROMIUM) || { echo "chromium installeren (Debian-pakket)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

java:
	@command -v java >/dev/null || { echo "Java installeren (Debian-pakket default-jre-headless)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless) >/dev/null; }

# --ignore-scripts: the package's install script would download a Java runtime; Debian's is used.
$(VNU_JAR): | java
	@command -v npm >/dev/null || { echo "npm installeren (Debian-pakket)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm) >/dev/null; }
	npm install --prefix .cache/vnu-$(VNU_VERSION) --no-save --no-audit --no-fund --ignore-scripts --silent vnu-jar@$(VNU_VERSION)

test: $(STAMP) chromium $(VNU_JAR)
	$(BIN)/python -m pytest

bench: $(STAMP) chromium
	$(BIN)/python -m tests.bench

# WIJK and TITEL reach the script through the environment (make exports command-line
# variables), so quotes or other special characters in a title never meet the shell.
nieuw: $(STAMP)
	@$(BIN)/python -m macros.new_practice

clean:
	rm -rf site .pytest_cache
