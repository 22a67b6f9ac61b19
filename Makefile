# Two commands on a fresh machine: `make build` and `make test`. Each sets up .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The Nu Html Checker for tests/a11y: the vnu-jar package from npm (needs Java to run), cached.
VNU_VERSION := 26.9.27
VNU_STAMP := .cache/vnu/.installed-$(VNU_VERSION)

.PHONY: build test bench lint serve clean setup vnu

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

$(VNU_STAMP):
	npm install --prefix .cache/vnu --no-audit --no-fund --ignore-scripts --silent vnu-jar@$(VNU_VERSION)
	touch $(VNU_STAMP)

vnu: $(VNU_STAMP)

build: $(STAMP)
	$(BIN)/thesis build

test: $(STAMP)
	@$(MAKE) --no-print-directory vnu || echo "Nu Html Checker not installed (needs npm); tests/a11y skips its check"
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
