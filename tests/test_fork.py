"""A fork: the repository with its study replaced by the ``thesis new`` scaffold passes the kit's tests.

The kit's tests (everything under tests/ except tests/edition) must not read this edition; the
edition's tests skip, saying why, when the study in the root is another one. This test copies the
repository (without .git, outputs and caches), replaces docs/, report/, references.bib and
mkdocs.yml with ``thesis new``'s study, and runs the copy's test suite in a subprocess.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thesiskit.cli import main

from .a11y.checks import VNU_JAR_ENV, vnu_jar
from .conftest import REPO

STUDY = ("docs", "report", "references.bib", "mkdocs.yml")
TOP_SKIP = {".git", ".venv", "site", "build", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", "CITATION.cff"}


def _skip(folder: str, names: list[str]) -> set[str]:
    """Outputs and caches: at the top those of the study, everywhere the bytecode."""
    top = Path(folder) == REPO
    return {n for n in names if (top and n in TOP_SKIP) or n == "__pycache__" or n.endswith(".egg-info")}

INNER = "THESISKIT_FORK_TEST"


@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="this is the fork test's own inner run")
def test_the_kits_tests_pass_with_the_scaffold_in_place_of_this_study(tmp_path: Path) -> None:
    fork = tmp_path / "fork"
    shutil.copytree(REPO, fork, ignore=_skip)
    for part in STUDY:
        target = fork / part
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    scaffold = tmp_path / "scaffold"
    assert main(["new", str(scaffold)]) == 0
    for part in STUDY:
        shutil.move(scaffold / part, fork / part)
    env = {**os.environ, INNER: "1", "PYTHONPATH": str(fork / "tools")}
    jar = vnu_jar()  # the copy leaves out .cache/, where `make vnu` put the Nu Html Checker
    if jar is not None:
        env[VNU_JAR_ENV] = str(jar.resolve())
    env.pop("PYTEST_XDIST_WORKER", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "-rs", "tests"],
        cwd=fork,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-6000:]
    assert re.search(r"\d+ passed", out), out[-2000:]
    assert "is not this edition" in out, "the edition's tests must skip with their reason:\n" + out[-3000:]
    assert " failed" not in out and " error" not in out.lower().replace("filterwarnings = error", "")
