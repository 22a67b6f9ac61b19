"""Shared fixtures: sample studies, inline file trees, and tool availability (the edition's are in tests/edition)."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "samples"
SOURCE_TXT = REPO.parent / "shared" / "source" / "thesis.txt"


def chromium_path() -> str | None:
    """Debian's Chromium, if installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture
def make_tree(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Build a small project in a temporary directory from {relative path: text}."""

    def make(files: dict[str, str], root: Path | None = None) -> Path:
        base = root or tmp_path / "study"
        for rel, text in files.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return base

    return make


@pytest.fixture
def sample_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A fresh copy of a sample study under tests/samples/ (without built outputs)."""

    def copy(name: str) -> Path:
        dest = tmp_path / name
        shutil.copytree(SAMPLES / name, dest, ignore=shutil.ignore_patterns("site", "build", "expected"))
        return dest

    return copy
