"""Golden files: the plain Markdown tree rendered from the sample studies.

Regenerate after an intended change with:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
and review the diff of tests/samples/*/expected/ before committing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.build import BuildOptions, build_study

from .conftest import SAMPLES

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if (p / "mkdocs.yml").is_file())


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_rendered_markdown_matches_golden(name: str, sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy(name)
    build_study(root, BuildOptions(pdf=False))
    tree = root / "build" / "markdown"
    produced = {
        p.relative_to(tree).as_posix(): p.read_text(encoding="utf-8")
        for p in tree.rglob("*")
        if p.suffix in {".md", ".bib", ".ris"}
    }
    expected_dir = SAMPLES / name / "expected"
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, text in produced.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in expected_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(produced) == sorted(expected)
    for rel, text in expected.items():
        assert produced[rel] == text, f"{rel} differs from tests/samples/{name}/expected/{rel}"
