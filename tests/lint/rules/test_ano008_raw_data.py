"""ANO008: raw research data in the tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "ANO008"

FAIL = [
    Case("audio", {}, extra={"data/opptak-3.m4a": b"\0\0"}, contains="recording"),
    Case("video in the site", {}, extra={"site/media/intervju.mp4": b"\0"}),
    Case("transcript by name", {"report/transkripsjon-intervju-2.docx": "x"}),
    Case("key file", {"koblingsnokkel.xlsx": "x"}),
    Case("subtitles", {"docs/opptak.vtt": "WEBVTT\n"}),
    Case("NVivo project", {}, extra={"analyse.nvpx": b"\0"}),
]

PASS = [
    Case(
        "interview guide and consent form",
        {"docs/vedlegg/5-intervjuguide.md": "# Guide\n", "docs/vedlegg/2-samtykke.md": "# Samtykke\n"},
    ),
    Case("figures", {}, extra={"docs/img/figur.png": b"\x89PNG", "docs/img/leavitt.svg": b"<svg/>"}),
    Case("skipped folders", {}, extra={".venv/lib/x.mp3": b"\0", "node_modules/a/b.wav": b"\0"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)


def test_tracked_files_count(tmp_path: Path) -> None:
    """A file in the git index is checked even if it is gone from the tree."""
    import subprocess

    from tests.lint.helpers import make_study
    from thesiskit.lint import LintOptions, lint_project

    root = make_study(tmp_path / "s", {"docs/a.md": "x\n"})
    (root / "lyd.wav").write_bytes(b"\0")
    git = ["git", "-C", str(root), "-c", "user.email=t@example.com", "-c", "user.name=t"]
    if subprocess.run([*git, "init", "-q"], check=False).returncode != 0:
        pytest.skip("git is not available")
    subprocess.run([*git, "add", "lyd.wav"], check=True)
    (root / "lyd.wav").unlink()
    found = lint_project(root, LintOptions(select=(CODE,)))
    assert [f.path for f in found] == ["lyd.wav"]
