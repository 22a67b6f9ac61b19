"""The 10× generator makes a study that is valid and N times the size (not timed)."""

from __future__ import annotations

from pathlib import Path

from thesiskit.build import pdf_input, read_sources
from thesiskit.figures.files import write_figures
from thesiskit.lint import LintOptions, lint_project
from thesiskit.project import open_project
from thesiskit.render.chapters import render_chapters
from thesiskit.render.links import resolve_refs

from ..conftest import SAMPLES
from .synth import EXTRA_PER_COPY, counts, make_synthetic


def test_three_times_the_mini_study_is_valid(tmp_path: Path) -> None:
    one = counts(SAMPLES / "mini")
    root = tmp_path / "study"
    three = make_synthetic(SAMPLES / "mini", root, 3)
    assert three["quotes"] == 3 * one["quotes"]
    assert three["findings"] == 3 * one["findings"]
    assert three["figures"] == 3 * one["figures"]
    assert three["bib"] == 3 * one["bib"] + 2 * EXTRA_PER_COPY
    assert three["pages"] > 2 * one["pages"]
    src = read_sources(open_project(root))  # records, bibliography, chapters: every id resolves
    resolve_refs(render_chapters(src.chapters, src.records, src.env, "site"), "site")
    pdf_input(src, write_figures(src.records, tmp_path / "figures"), False, "typst")
    errors = [f for f in lint_project(root, LintOptions()) if f.severity == "error"]
    assert not errors, "\n".join(map(str, errors))
