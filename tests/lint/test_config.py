"""Configuration under ``lint:`` in report/study.yaml: levels, per-file globs, and its validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import make_study
from thesiskit.errors import InputError
from thesiskit.lint import LintOptions, has_errors, lint_project
from thesiskit.lint.config import glob_rx

TEXT = {"docs/a.md": "Se [@ukjent2010] i Drammen.\n", "docs/vedlegg/b.md": "Se [@ukjent2011] i Drammen.\n"}


def levels(root: Path) -> set[tuple[str, str, str]]:
    return {(f.path, f.rule, f.severity) for f in lint_project(root, LintOptions(select=("CIT001", "ANO006")))}


def test_defaults(tmp_path: Path) -> None:
    assert levels(make_study(tmp_path, TEXT)) == {
        ("docs/a.md", "CIT001", "error"),
        ("docs/a.md", "ANO006", "warning"),
        ("docs/vedlegg/b.md", "CIT001", "error"),
        ("docs/vedlegg/b.md", "ANO006", "warning"),
    }


def test_levels_by_code_prefix_and_file(tmp_path: Path) -> None:
    lint = (
        "rules: {ANO: error, CIT: warning, CIT001: off}\n"
        "files:\n"
        "  - files: ['docs/vedlegg/**']\n"
        "    rules: {ANO006: off, CIT001: error}\n"
    )
    assert levels(make_study(tmp_path, TEXT, lint=lint)) == {
        ("docs/a.md", "ANO006", "error"),
        ("docs/vedlegg/b.md", "CIT001", "error"),
    }


def test_strict_counts_warnings(tmp_path: Path) -> None:
    found = lint_project(make_study(tmp_path, TEXT), LintOptions(select=("ANO006",)))
    assert found and not has_errors(found) and has_errors(found, strict=True)


@pytest.mark.parametrize(
    ("lint", "where"),
    [
        ("rules: {CIT001: loud}\n", "report/study.yaml:13"),
        ("rulez: {}\n", "report/study.yaml:13"),
        ("uncited:\n  - {key: x}\n", "report/study.yaml:14"),
        ("allow:\n  - {text: x@y.no, reason: ok, rules: [BAD9]}\n", "report/study.yaml:14"),
        ("files:\n  - files: []\n    rules: {}\n", "report/study.yaml:14"),
    ],
)
def test_invalid_configuration_names_file_and_line(lint: str, where: str, tmp_path: Path) -> None:
    root = make_study(tmp_path, TEXT, lint=lint)
    with pytest.raises(InputError) as exc:
        lint_project(root, LintOptions())
    assert where in str(exc.value)


def test_globs() -> None:
    assert glob_rx("docs/**/*.md").match("docs/a.md")
    assert glob_rx("docs/**/*.md").match("docs/x/y/a.md")
    assert not glob_rx("docs/*.md").match("docs/x/a.md")
    assert glob_rx("report/quotes/?.yaml").match("report/quotes/a.yaml")
