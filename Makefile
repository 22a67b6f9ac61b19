# Two commands on a fresh machine: `make build` and `make test`. Each sets up .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test bench lint serve clean setup

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/thesis build

test: $(STAMP)
	$(BIN)/ruff check tools tests
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python tests/bench/bench.py

lint: $(STAMP)
	$(BIN)/thesis lint

serve: $(STAMP)
	$(BIN)/thesis serve

clean:
	rm -rf site build
