#!/usr/bin/env python3
"""The Makefile's targets for a machine without make (e.g. Windows): ``python dev.py setup|build|test``.

    python dev.py build   # .venv with the runtime (from requirements/runtime.txt), then thesis build
    python dev.py test    # .venv with the test tools too (requirements/test.txt), then ruff, mypy, pytest
    python dev.py setup   # only the .venv for development (runtime and test tools)
    python dev.py lint | serve

Plain Python, no dependencies: it creates ``.venv`` on first use and installs the exact versions of the
lock files (pip, with hashes), as ``make`` does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCKS = {"runtime": ROOT / "requirements" / "runtime.txt", "test": ROOT / "requirements" / "test.txt"}


def run(*argv: str | Path) -> None:
    """Run a command in the project folder; stop with its exit code if it fails."""
    print("+", " ".join(str(a) for a in argv), flush=True)
    code = subprocess.run([str(a) for a in argv], cwd=ROOT, check=False).returncode
    if code:
        sys.exit(code)


def install(kind: str) -> None:
    """Create .venv if needed and install the lock file ``kind`` (and the kit, editable) unless up to date."""
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{kind}"
    sources = [ROOT / "pyproject.toml", LOCKS["runtime"], LOCKS[kind]]
    if stamp.exists() and all(stamp.stat().st_mtime >= s.stat().st_mtime for s in sources):
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCKS[kind])
    run(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".")
    stamp.touch()


def main(target: str) -> None:
    """Run one target."""
    if target in ("build", "lint", "serve"):
        install("runtime")
        run(PYTHON, "-m", "thesiskit", target)
    elif target in ("test", "setup"):
        install("runtime")
        install("test")
        if target == "test":
            run(PYTHON, "-m", "ruff", "check", "tools", "tests")
            run(PYTHON, "-m", "mypy")
            run(PYTHON, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q")
    else:
        sys.exit(f"unknown target {target!r}; use one of: setup, build, test, lint, serve")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build")
