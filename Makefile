# Two commands on a fresh machine: `make build` and `make test`. Each sets up .venv on first use,
# from the lock files in requirements/ (exact versions with hashes; regenerate them with `make lock`).
# `make build` installs only the runtime; `make test` (and `make setup`) the test tools too.
# Without make: `python dev.py build|test|setup` does the same on any system.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_LOCK := requirements/runtime.txt
TEST_LOCK := requirements/test.txt
STAMP := $(VENV)/.installed-test
RUNTIME_STAMP := $(VENV)/.installed-runtime
UV_VERSION := 0.13.9
# The Nu Html Checker for tests/a11y: the vnu-jar package from npm (needs Java to run), cached.
VNU_VERSION := 26.9.27
VNU_STAMP := .cache/vnu/.installed-$(VNU_VERSION)

.PHONY: build test bench lint serve clean setup vnu lock

$(RUNTIME_STAMP): pyproject.toml $(RUNTIME_LOCK)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUNTIME_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(RUNTIME_STAMP)

$(STAMP): $(RUNTIME_STAMP) $(TEST_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(TEST_LOCK)
	touch $(STAMP)

setup: $(STAMP)

# Regenerate the lock files from pyproject.toml (needs the network): every platform, Python 3.11+.
lock:
	test -x .cache/uv/bin/uv || ($(PY) -m venv .cache/uv && .cache/uv/bin/pip install --quiet uv==$(UV_VERSION))
	.cache/uv/bin/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 -q \
	  --custom-compile-command "make lock" -o $(RUNTIME_LOCK)
	.cache/uv/bin/uv pip compile pyproject.toml --extra test -c $(RUNTIME_LOCK) --universal --generate-hashes \
	  --python-version 3.11 -q --custom-compile-command "make lock" -o $(TEST_LOCK)

$(VNU_STAMP):
	npm install --prefix .cache/vnu --no-audit --no-fund --ignore-scripts --silent vnu-jar@$(VNU_VERSION)
	touch $(VNU_STAMP)

vnu: $(VNU_STAMP)

build: $(RUNTIME_STAMP)
	$(BIN)/thesis build

test: $(STAMP)
	@$(MAKE) --no-print-directory vnu || echo "Nu Html Checker not installed (needs npm); tests/a11y skips its check"
	$(BIN)/ruff check tools tests
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadgroup -q

# `make bench BENCH_ARGS="--runs 1 --scales 1"` for a quick look (tests/bench/bench.py --help)
bench: $(STAMP)
	$(BIN)/python tests/bench/bench.py $(BENCH_ARGS)

lint: $(RUNTIME_STAMP)
	$(BIN)/thesis lint

serve: $(RUNTIME_STAMP)
	$(BIN)/thesis serve

clean:
	rm -rf site build
