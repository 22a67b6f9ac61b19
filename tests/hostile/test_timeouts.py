"""Pandoc and Typst run with deadlines (THESISKIT_PANDOC_TIMEOUT, THESISKIT_TYPST_TIMEOUT): a run past it
is stopped, the build exits 2 with one line naming the pages being converted, and nothing is published."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from thesiskit.cli import main

from ..conftest import SAMPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("timeouts") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def _outputs(root: Path) -> dict[str, str]:
    files = [p for d in ("site", "build/markdown") for p in (root / d).rglob("*") if p.is_file()]
    files += [root / "build" / "thesis.pdf", root / "build" / "mkdocs.yml", root / "CITATION.cff"]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def _edited(built: Path, tmp_path: Path) -> Path:
    """A copy with one page changed: only that page goes through Pandoc again, and Typst compiles."""
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    page = root / "docs" / "vedlegg.md"
    page.write_text(page.read_text("utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    return root


def _one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, err
    return errors[0]


def test_typst_past_its_deadline_is_stopped(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _edited(built, tmp_path)
    before = _outputs(root)
    monkeypatch.setenv("THESISKIT_TYPST_TIMEOUT", "0.001")
    assert main(["build", "--project", str(root)]) == 2
    line = _one_error(capsys)
    assert "Typst did not finish within 0.001 s" in line and "THESISKIT_TYPST_TIMEOUT" in line, line
    assert "docs/01-innledning.md … docs/om-utgaven.md (5 pages)" in line, line
    assert _outputs(root) == before
    assert not list((root / "build").glob(".staging-*"))
    monkeypatch.delenv("THESISKIT_TYPST_TIMEOUT")
    assert main(["build", "--project", str(root)]) == 0  # with the default deadline it builds


def test_pandoc_past_its_deadline_names_the_page(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _edited(built, tmp_path)
    before = _outputs(root)
    monkeypatch.setenv("THESISKIT_PANDOC_TIMEOUT", "0.001")
    assert main(["build", "--project", str(root)]) == 2
    line = _one_error(capsys)
    assert "Pandoc did not finish within 0.001 s" in line and "THESISKIT_PANDOC_TIMEOUT" in line, line
    assert line.endswith("converting docs/vedlegg.md"), line  # the one page that changed
    assert _outputs(root) == before
