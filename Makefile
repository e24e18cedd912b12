# Candor — `make help` lists the targets.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	@touch $@

install: $(VENV)/.installed  ## Create .venv if missing and install Candor with its test tools

# A local run may call back to this machine (e.g. `candor listen`); production leaves it empty.
# `candor demo` is idempotent: it loads the demo articles and moderator once.
run: install  ## Install, load the demo data, run API + worker + beat on http://127.0.0.1:8000
	$(VENV)/bin/candor demo
	CANDOR_CALLBACK_ALLOWLIST="$${CANDOR_CALLBACK_ALLOWLIST-127.0.0.1,::1,localhost}" $(VENV)/bin/candor run

lint: install  ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

browser-note:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "################################################################################"; \
	  echo "## BROWSER TESTS WILL BE SKIPPED: /usr/bin/chromium is missing.                ##"; \
	  echo "## Install Debian's 'chromium' package (apt-get install chromium) to run them. ##"; \
	  echo "################################################################################"; \
	fi

test: install lint browser-note  ## Install, lint, then run the whole test suite
	$(PY) -m pytest $(PYTEST_ARGS)

test-only: install browser-note  ## Run the test suite without linting
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install  ## Check accuracy and speed (JSON)
	$(PY) bench/checks.py

.PHONY: help install run lint browser-note test test-only bench
