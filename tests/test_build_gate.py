"""The build shows the gate's warnings, blocks on them with --strict, and refuses an exam submission PDF
that names the author (checked in the PDF just compiled, before it is swapped in)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build"))
    return root


def test_build_shows_warnings_with_a_hint(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--project", str(mini), "--no-pdf"]) == 0
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "thesis lint: 3 warning(s)" in out, out
    assert "references.bib:18:1: CIT011" in out
    assert "See them all with: thesis lint" in out


def test_strict_build_stops_on_warnings(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--project", str(mini), "--no-pdf", "--strict"]) == 1
    out = capsys.readouterr()
    assert "CIT011" in out.out + out.err and "nothing was published" in out.err + out.out
    assert not (mini / "site").exists()


def test_submission_naming_the_author_is_refused(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chapter = mini / "docs" / "vedlegg.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nSkrevet av Kari Nordmann.\n", "utf-8")
    assert main(["build", "--project", str(mini), "--no-pdf", "--submission"]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "build/thesis-submission.pdf:" in text and "the author's name in the anonymous exam submission" in text
    page = text.split("build/thesis-submission.pdf:", 1)[1].split(":", 1)[0]
    assert page.isdigit() and int(page) >= 1, "the page is named"
    assert not (mini / "build" / "thesis-submission.pdf").exists(), "nothing was swapped in"
