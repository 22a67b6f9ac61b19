"""``thesis lint --fix``: safe rewrites of the chapters, compared with golden files, and idempotent.

Each case is ``tests/word/fix_cases/<name>/input.md`` (a chapter of a study with the lint tests'
bibliography) and ``expected.md``. Regenerate after an intended change with:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/word/test_fix.py
and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thesiskit.cli import main
from thesiskit.lint import explain

from ..lint.helpers import make_study, write

CASES = Path(__file__).parent / "fix_cases"


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_fix_matches_golden_and_is_idempotent(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (CASES / name / "input.md").read_bytes().decode("utf-8")
    root = make_study(tmp_path / "s", {"docs/kapittel.md": source})
    main(["lint", "--fix", "--project", str(root)])
    fixed = (root / "docs" / "kapittel.md").read_bytes()
    expected = CASES / name / "expected.md"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_bytes(fixed)
    assert fixed == expected.read_bytes()
    assert fixed != source.encode("utf-8")  # every case has something to fix
    capsys.readouterr()
    main(["lint", "--fix", "--project", str(root)])
    assert (root / "docs" / "kapittel.md").read_bytes() == fixed  # a second run changes nothing
    out = capsys.readouterr()
    assert out.out.count("--- a/") == 0 and "fixed 0," in out.err


def test_dry_run_prints_the_diff_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# A {#a}\n\nUtvalget er strategisk (Thagaard, 2013, s. 60).\n"
    root = make_study(tmp_path / "s", {"docs/a.md": text})
    assert main(["lint", "--fix", "--dry-run", "--project", str(root)]) == 0
    out = capsys.readouterr()
    before, after = "(Thagaard, 2013, s. 60)", "[@thagaard2013, s. 60]"
    assert f"-Utvalget er strategisk {before}.\n+Utvalget er strategisk {after}.\n" in out.out
    assert "would fix 1" in out.err
    assert (root / "docs" / "a.md").read_text(encoding="utf-8") == text


def test_fix_never_touches_records(tmp_path: Path) -> None:
    quote = "- id: q\n  informant: 1\n  section: a\n  attribution: '1'\n  text: Som (Thagaard, 2013) sier.\n"
    root = make_study(tmp_path / "s", {"docs/a.md": "# A {#a}\n\nTekst.\n"}, study=True)
    write(root, "report/quotes/a.yaml", quote)
    main(["lint", "--fix", "--project", str(root)])
    assert (root / "report" / "quotes" / "a.yaml").read_text(encoding="utf-8") == quote


@pytest.mark.parametrize(("code", "fixable"), [("CIT003", True), ("CIT009", True), ("CIT004", True), ("CIT001", False)])
def test_explain_says_whether_a_rule_can_be_fixed(code: str, fixable: bool) -> None:
    assert ("Fixable with `thesis lint --fix`" in explain(code)) is fixable
