"""``.pre-commit-hooks.yaml``: the hooks pre-commit installs from this repository, as pre-commit runs them.

pre-commit itself is not in the test lock (it would install the kit in an environment of its own,
minutes per run). This test checks what pre-commit reads (the manifest's required keys, an ``entry``
that is a console script of this package, ``language: python`` for a pip-installable repository),
then runs each hook's entry the way pre-commit does: in the root of a study's repository, with no
file names (``pass_filenames: false``). By hand, with pre-commit:
``pre-commit try-repo /path/to/thesiskit thesis-lint --all-files`` in a study's git repository.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from thesiskit.cli import main

from .conftest import REPO


def test_the_hooks_run_the_gate_on_the_whole_study(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert [h["id"] for h in hooks] == ["thesis-lint", "thesis-lint-strict"]
    study = tmp_path / "study"
    assert main(["new", str(study)]) == 0
    bindir = Path(sys.executable).parent
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and hook["pass_filenames"] is False and hook["always_run"] is True
        command = shlex.split(hook["entry"]) + list(hook.get("args", []))
        assert command[0] in scripts, command
        command[0] = str(bindir / command[0])
        clean = subprocess.run(command, cwd=study, capture_output=True, text=True)
        assert clean.returncode == 0, (hook["id"], clean.stdout, clean.stderr)
    chapter = study / "docs" / "04-avslutning.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nSe [@finnesikke2020].\n", encoding="utf-8")
    command = [str(bindir / "thesis"), *shlex.split(hooks[0]["entry"])[1:]]
    bad = subprocess.run(command, cwd=study, capture_output=True, text=True)
    assert bad.returncode == 1 and "CIT001" in bad.stdout + bad.stderr


def test_the_readme_pins_the_hook_to_a_revision_that_cannot_move() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    block = readme[readme.index("## Pre-commit") :]
    rev = re.search(r"^\s+rev: (\S+)", block, re.M)
    assert rev and rev[1] not in ("main", "master", "HEAD"), "pre-commit warns about a branch"
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", rev[1])
