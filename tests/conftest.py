"""Shared fixtures: sample studies, the real study, inline file trees, and tool availability."""

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


STUDY_PARTS = ("mkdocs.yml", "docs", "report", "templates", "references.bib")


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real study, copied and built once per test session (site, PDF and submission PDF)."""
    from thesiskit.cli import main

    root = tmp_path_factory.mktemp("real") / "study"
    root.mkdir()
    for part in STUDY_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        else:
            shutil.copy2(src, root / part)
    assert main(["build", "--project", str(root), "--submission"]) == 0
    return root


SITE_ENGINES = ("mkdocs", "zensical")
"""The site engines every site test runs on (``site.engine`` / ``thesis build --site-engine``)."""


@pytest.fixture(scope="session")
def real_build_zensical(real_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real study built again with Zensical (a copy of ``real_build``; its PDFs come from the cache)."""
    from thesiskit.cli import main

    root = tmp_path_factory.mktemp("real-zensical") / "study"
    shutil.copytree(real_build, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    assert main(["build", "--project", str(root), "--submission", "--site-engine", "zensical"]) == 0
    return root


@pytest.fixture(scope="session", params=SITE_ENGINES)
def real_site(request: pytest.FixtureRequest) -> tuple[str, Path]:
    """The real study built by each site engine in turn: (engine, project folder)."""
    engine = str(request.param)
    return engine, request.getfixturevalue("real_build" if engine == "mkdocs" else "real_build_zensical")
