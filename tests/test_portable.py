"""Portable: no symlinks, no POSIX-only imports, and the kit installs from a clone without symlinks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

POSIX_ONLY = ("fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "syslog", "crypt", "posix_ipc")
OUTPUTS = {".git", ".venv", "site", "build", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


def test_the_repository_has_no_symlinks() -> None:
    """A symlink becomes a small text file on Windows (core.symlinks=false), so none is committed."""
    found = []
    for folder, dirs, files in os.walk(REPO):
        if Path(folder) == REPO:
            dirs[:] = [d for d in dirs if d not in OUTPUTS]
        dirs[:] = [d for d in dirs if d != "node_modules"]
        found += [os.path.join(folder, n) for n in [*dirs, *files] if os.path.islink(os.path.join(folder, n))]
    assert found == []


def test_every_module_imports_without_posix_only_modules() -> None:
    """As on Windows: with fcntl, termios, pwd … unavailable, every module of the kit still imports."""
    code = (
        "import sys, importlib, pkgutil\n"
        f"for name in {POSIX_ONLY!r}:\n"
        "    sys.modules[name] = None\n"
        "import thesiskit\n"
        "names = [m.name for m in pkgutil.walk_packages(thesiskit.__path__, 'thesiskit.')]\n"
        "names = [n for n in names if not n.endswith('__main__')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 50


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_clone_without_symlinks_installs_and_builds_a_new_study(tmp_path: Path) -> None:
    """``git clone -c core.symlinks=false`` (Windows' default), ``pip install`` the clone, ``thesis new`` + build.

    The clone is of the committed HEAD. The kit is installed without its dependencies (those of this
    environment serve) into a folder of its own, so the installed package, not the working tree, runs.
    """
    if not (REPO / ".git").exists():
        pytest.skip("the repository is not a git checkout (nothing to clone)")
    clone = tmp_path / "clone"
    git = ["git", "-c", "core.symlinks=false", "clone", "-q", "--no-hardlinks", str(REPO), str(clone)]
    subprocess.run(git, check=True, capture_output=True)
    target = tmp_path / "installed"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(clone)]
    proc = subprocess.run(pip, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (target / "thesiskit" / "templates" / "assets" / "thesiskit.css").is_file()
    assert (target / "thesiskit" / "templates" / "pdf" / "thesis.typ").is_file()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import thesiskit; print(thesiskit.__file__)"], env=env, capture_output=True, text=True
    )
    assert Path(where.stdout.strip()).is_relative_to(target), where.stdout
    study = tmp_path / "min-oppgave"
    for argv in (["new", str(study)], ["build", "--project", str(study)]):
        run = subprocess.run([sys.executable, "-m", "thesiskit", *argv], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (study / "site" / "index.html").is_file()
    assert (study / "build" / "thesis.pdf").read_bytes()[:5] == b"%PDF-"
