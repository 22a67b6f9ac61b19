"""The ``thesis`` front end: a new study builds at once; usage and input errors exit 2 without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from thesiskit.cli import main


def test_new_study_builds_at_once(tmp_path: Path) -> None:
    root = tmp_path / "min-oppgave"
    assert main(["new", str(root)]) == 0
    assert main(["build", "--project", str(root)]) == 0
    assert (root / "site" / "index.html").is_file()
    assert (root / "build" / "thesis.pdf").read_bytes().startswith(b"%PDF-")
    assert "Etternavn, F. (2020)" in (root / "site" / "litteratur" / "index.html").read_text("utf-8")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text("x")
    assert main(["new", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["build", "--nope"], ["lint", "--format", "xml"], ["frobnicate"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_folder_that_is_no_study_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--project", str(tmp_path)]) == 2
    assert "mkdocs.yml is missing" in capsys.readouterr().err
