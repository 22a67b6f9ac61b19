"""``thesis lint`` keeps its findings in build/.cache: a second run on an unchanged study gives the
same findings without checking again, and any edit the findings depend on checks again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.lint import engine
from thesiskit.lint.engine import LintOptions, lint_project

from ..conftest import SAMPLES


def _not_again(*args: object, **kwargs: object) -> None:
    raise AssertionError("checked again although nothing changed")


@pytest.fixture
def study(tmp_path: Path) -> Path:
    dest = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", dest, ignore=shutil.ignore_patterns("site", "build", "expected"))
    return dest


def test_cached_run_gives_identical_findings(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lint_project(study, LintOptions())
    assert list((study / "build" / ".cache").glob("lint-*.json")), "the findings were kept"
    with monkeypatch.context() as m:
        m.setattr(engine, "lint_reading", _not_again)
        assert lint_project(study, LintOptions()) == first
    # other options are another result
    assert any(f.rule.startswith("CIT") for f in first), "the sample has a CIT finding (else pick another prefix)"
    assert lint_project(study, LintOptions(ignore=("CIT",))) == [f for f in first if not f.rule.startswith("CIT")]


def _mail(root: Path) -> None:
    with (root / "docs/02-funn.md").open("a", encoding="utf-8") as fh:
        fh.write("\nSkriv til ola.nordmann@nav.no.\n")


def _recording(root: Path) -> None:  # in a hidden folder: ANO008 looks there too
    (root / ".opptak").mkdir()
    (root / ".opptak/intervju-1.m4a").write_bytes(b"")


def _uncited(root: Path) -> None:
    with (root / "references.bib").open("a", encoding="utf-8") as fh:
        fh.write("\n@book{ny2020, author = {Ny, Nina}, title = {Tittel}, year = {2020}}\n")


@pytest.mark.parametrize(
    ("edit", "rule"),
    [(_mail, "ANO001"), (_recording, "ANO008"), (_uncited, "CIT002")],
    ids=["chapter", "a file's name", "references.bib"],
)
def test_an_edit_checks_again(study: Path, edit: Callable[[Path], None], rule: str) -> None:
    before = lint_project(study, LintOptions())
    edit(study)
    new = [f for f in lint_project(study, LintOptions()) if f not in before]
    assert any(f.rule == rule for f in new), f"no new {rule} finding after the edit: {new}"


def test_damaged_entry_checks_again(study: Path) -> None:
    first = lint_project(study, LintOptions())
    (entry,) = (study / "build" / ".cache").glob("lint-*.json")
    entry.write_bytes(entry.read_bytes()[:-10])
    assert lint_project(study, LintOptions()) == first
