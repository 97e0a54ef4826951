# Two commands matter on a fresh clone: `make run` and `make test`.
# Both create .venv when it is missing: `run` installs what the bot needs (with matplotlib, for
# /graph's picture), `test` adds the developer tools (pytest, hypothesis, ruff, mypy). Versions are
# pinned by constraints.txt (`make constraints` rewrites it from the venv). Python 3.11 or newer:
# `make PYTHON=python3.12 run`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
CONSTRAINTS := constraints.txt
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test check lint bench clean constraints

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "Mercato needs Python 3.11 or newer; '$(PYTHON)' is older or missing." >&2; \
		echo "Name another interpreter: make PYTHON=python3.12 $(MAKECMDGOALS)" >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip

$(RUNTIME): pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	@$(PIP) -c $(CONSTRAINTS) -e '.[graph]'
	@touch $@

$(DEV): pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	@$(PIP) -c $(CONSTRAINTS) -e '.[dev]'
	@touch $@ $(RUNTIME)

# Silent, so that `echo "question" | make run` prints only the conversation.
run: $(RUNTIME)
	@$(BIN)/python -m bot

test: $(DEV)
	$(BIN)/ruff check bot tests
	$(BIN)/python -m bot check
	$(BIN)/python -m pytest

check: $(RUNTIME)
	$(BIN)/python -m bot check

lint: $(DEV)
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests
	$(BIN)/mypy

bench: $(RUNTIME)
	$(BIN)/python -m bot bench

# The exact versions of everything in the venv, for reproducible installs (after a change of
# pyproject.toml's dependencies: `make test`, then this, then commit constraints.txt).
constraints: $(DEV)
	@{ echo "# pip install -c constraints.txt: the versions make run/test install (make constraints)"; \
		$(BIN)/pip freeze --all --exclude-editable --disable-pip-version-check | grep -iv '^mercato==\|^pip=='; } > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
