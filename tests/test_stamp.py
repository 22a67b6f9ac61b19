"""A build where nothing changed since the last one reads no source and publishes nothing (thesiskit/stamp.py).

Any change it depends on builds again: a source, an option, an output removed or changed since.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import thesiskit.build
from thesiskit.cli import main

from .conftest import SAMPLES


def _outputs(root: Path) -> dict[str, str]:
    files = sorted(p for p in (root / "site").rglob("*") if p.is_file()) + sorted((root / "build").glob("*.pdf"))
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_unchanged_study_is_not_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", study, ignore=shutil.ignore_patterns("site", "build", "expected"))
    reads: list[int] = []
    read_sources = thesiskit.build.read_sources
    monkeypatch.setattr(thesiskit.build, "read_sources", lambda *a, **k: reads.append(1) or read_sources(*a, **k))

    def build(*args: str) -> int:
        assert main(["build", "--project", str(study), *args]) == 0
        return len(reads)

    assert build() == 1
    built, first = _outputs(study), capsys.readouterr().err
    assert "warning" in first, "the sample has gate warnings (else this test shows nothing of them)"
    assert build() == 1, "built again although nothing changed"
    again = capsys.readouterr().err
    assert "Up to date" in again and _outputs(study) == built
    assert [ln for ln in again.splitlines() if "warning" in ln] == [ln for ln in first.splitlines() if "warning" in ln]
    (study / "site" / "index.html").unlink()  # an output removed or changed since: built again
    assert build() == 2 and _outputs(study) == built
    (study / "build" / "thesis.pdf").write_bytes(b"%PDF-")
    assert build() == 3 and _outputs(study) == built
    assert build() == 3
    assert build("--no-pdf") == 4, "other options are another build"
    chapter = study / "docs" / "02-funn.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nMer.\n", "utf-8")
    assert build() == 5, "a source changed"


def test_unchanged_study_is_told_before_the_pipeline_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The no-op build pays for hashing only: neither build.py nor the schemas (pydantic) are imported."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", study, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(study), "--no-pdf"]) == 0
    code = (
        "import sys\n"
        "from thesiskit.cli import main\n"
        f"rc = main(['build', '--project', {str(study)!r}, '--no-pdf'])\n"
        "print(rc, *sorted(m for m in sys.modules if m.startswith(('thesiskit.', 'pydantic', 'jinja2'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rc, *loaded = run.stdout.split()
    assert rc == "0" and "Up to date" in run.stderr, run.stderr
    heavy = [m for m in loaded if m in ("thesiskit.build", "thesiskit.records.schema", "pydantic", "jinja2")]
    assert not heavy, f"a no-op build imported {heavy}"
