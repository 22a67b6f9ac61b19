"""Whatever stops ``thesis build`` fails ``thesis lint`` (and so the pre-commit hook, which runs it), with
the same file and line: every bad-input case of test_bad_input.py, linted instead of built.

The sources are read once per run: a test counts the reads of every source file in a build and a lint.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES
from .test_bad_input import CASES, _resolve_line


@pytest.mark.parametrize("case", sorted(CASES))
def test_lint_fails_where_the_build_fails(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit, build_code, where, words = CASES[case]
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build"))
    edit(root)
    where = _resolve_line(root, where)
    capsys.readouterr()
    code = main(["lint", "--project", str(root), "--format", "json"])
    out = capsys.readouterr()
    # 2 for input the build cannot use (SRC rules), 1 for gate errors; a BibTeX syntax error stays a finding of
    # CIT008 (exit 1) as that rule has always been, while the build cannot go on (exit 2)
    assert code == (1 if case == "bibtex-syntax" else build_code), out.out + out.err
    findings = json.loads(out.out)["findings"]
    at = [f for f in findings if f"{f['path']}:{f['line']}".startswith(where) and f["severity"] == "error"]
    assert any(words in f["message"] for f in at), (where, words, findings)
    assert "Traceback" not in out.err


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """Every read of a file through pathlib (read_text, read_bytes), counted per path."""
    counts: Counter[Path] = Counter()
    read_text, read_bytes = Path.read_text, Path.read_bytes

    def counted_text(self: Path, *args: object, **kwargs: object) -> str:
        counts[self.resolve()] += 1
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    def counted_bytes(self: Path) -> bytes:
        counts[self.resolve()] += 1
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_text", counted_text)
    monkeypatch.setattr(Path, "read_bytes", counted_bytes)
    return counts


def _sources(root: Path) -> list[Path]:
    files = [root / "mkdocs.yml", root / "references.bib"]
    for folder in ("docs", "report"):
        files += [p for p in (root / folder).rglob("*") if p.is_file() and p.suffix in (".md", ".yaml", ".yml")]
    return [p.resolve() for p in files]


@pytest.mark.parametrize("command", [["lint"], ["build", "--no-pdf"]])
def test_each_source_file_is_read_once(
    command: list[str], tmp_path: Path, reads: Counter[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build"))
    reads.clear()
    assert main([*command, "--project", str(root)]) == 0, capsys.readouterr()
    sources = _sources(root)
    assert all(reads[p] >= 1 for p in sources), [p for p in sources if not reads[p]]
    assert {p.relative_to(root.resolve()).as_posix(): reads[p] for p in sources if reads[p] > 1} == {}
