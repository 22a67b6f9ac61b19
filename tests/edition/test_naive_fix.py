"""``thesis lint --fix`` on the thesis as submitted (naive conversion, plain-text citations).

Every unambiguous plain-text citation becomes a Pandoc citation (none is left that the gate itself
could name one key for), and everything left is in the fix report with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.lint.helpers import make_study
from thesiskit.lint import LintOptions, lint_project
from thesiskit.lint.fix import fix_study

from .conftest import REPO, SOURCE_TXT


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    if not SOURCE_TXT.is_file():
        pytest.skip(f"the submitted thesis is not at {SOURCE_TXT} (../shared/source/thesis.txt beside the clone)")
    text = re.sub(r"\n[ \t]*\n", "\n", SOURCE_TXT.read_text(encoding="utf-8"))
    bib = (REPO / "references.bib").read_text(encoding="utf-8")
    root = make_study(tmp_path_factory.mktemp("naive-fix"), {"docs/thesis.md": text}, bib=bib)
    plan, _ = fix_study(root, dry_run=False)
    return root, plan


def test_every_unambiguous_citation_is_converted(fixed: tuple[Path, object]) -> None:
    root, plan = fixed
    assert plan.count() >= 150  # type: ignore[attr-defined]
    left = lint_project(root, LintOptions(select=("CIT003",)))
    suggested = [f for f in left if ": [@" in f.message or ": @" in f.message]
    assert not suggested, [str(f) for f in suggested]


def test_what_is_left_is_reported(fixed: tuple[Path, object]) -> None:
    root, plan = fixed
    reported = {x.line for x in plan.left}  # type: ignore[attr-defined]
    text = (root / "docs" / "thesis.md").read_text(encoding="utf-8")
    after = lint_project(root, LintOptions(select=("CIT003",)))
    # the report's lines are those of the text before the fix; a line keeps its number (edits are in-line)
    assert text.count("\n") == (Path(str(root)) / "docs" / "thesis.md").read_text(encoding="utf-8").count("\n")
    missing = [str(f) for f in after if f.line not in reported]
    assert not missing
