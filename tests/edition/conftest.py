"""Tests of this edition (the NAV study in the repository root), apart from the kit's tests.

Every module here is skipped, with the reason, when the study in the repository root is not this
edition: a fork that replaces docs/, report/, references.bib and mkdocs.yml with its own study keeps
the kit's tests (the rest of tests/) and loses only these. The study is recognised by its
report/study.yaml (title and author), not by a default.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from ..conftest import REPO, SOURCE_TXT
from ..pdf.conftest import Built, build_copy

__all__ = ["REPO", "SOURCE_TXT", "edition_absent"]

TITLE = "Elementer av betydning for et likeverdig samarbeid mellom stat og kommune ved det lokale NAV-kontor"
AUTHOR = ("Sølvi", "Vatnøy")
STUDY_PARTS = ("mkdocs.yml", "docs", "report", "templates", "references.bib")


def edition_absent(root: Path = REPO) -> str | None:
    """Why the study at ``root`` is not this edition, or None if it is."""
    path = root / "report" / "study.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return f"the study in the repository root is not this edition ({path.name} unreadable: {exc})"
    author = data.get("author") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("title") != TITLE
        or not isinstance(author, dict)
        or (author.get("given"), author.get("family")) != AUTHOR
    ):
        title = data.get("title") if isinstance(data, dict) else None
        return f"the study in the repository root ({title!r} in report/study.yaml) is not this edition"
    return None


class _NotThisEdition(pytest.Module):
    """A module of edition tests, skipped without being imported."""

    reason = ""

    def collect(self) -> list[pytest.Item]:
        pytest.skip(self.reason)


def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    reason = edition_absent()
    if reason is None or module_path.name == "conftest.py":
        return None
    mod = _NotThisEdition.from_parent(parent, path=module_path)
    mod.reason = reason
    return mod


def _copy_study(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in STUDY_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("site", "build"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real study, copied and built once per test session (site, PDF and submission PDF)."""
    from thesiskit.cli import main

    root = _copy_study(tmp_path_factory.mktemp("real") / "study")
    assert main(["build", "--project", str(root), "--submission"]) == 0
    return root


@pytest.fixture(scope="session")
def real_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real study, built once to PDF through the pipeline's steps: thesis.pdf and thesis-submission.pdf."""
    return build_copy(REPO, tmp_path_factory.mktemp("pdf-real") / "study")


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
