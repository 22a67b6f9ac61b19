"""A look-alike corpus: text that resembles every kind of finding without being one. Zero alarms."""

from __future__ import annotations

import shutil
from pathlib import Path

from thesiskit.lint import LintOptions, format_findings, lint_project
from thesiskit.lint.registry import registry

CORPUS = Path(__file__).parent / "lookalikes"


def test_no_false_alarms() -> None:
    findings = lint_project(CORPUS, LintOptions())
    assert not findings, format_findings(findings, "text")


def test_the_corpus_is_checked(tmp_path: Path) -> None:
    """The same corpus with one slip per rule family reports them (so zero above means something)."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    with (root / "docs" / "kapittel.md").open("a", encoding="utf-8") as f:
        f.write("\nSom (Thagard, 2013) viser, ring 40612345 eller skriv til ola@firma-x.no fra Drammen.\n")
        f.write("Informanten (2) sa at han var enig.\n")
    found = {f.rule for f in lint_project(root, LintOptions())}
    assert {"CIT003", "CIT004", "ANO001", "ANO002", "ANO005", "ANO006"} <= found
    assert found <= set(registry())
