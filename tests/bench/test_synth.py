"""The synthetic-study generator makes a study that is valid and N times the size (not timed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from thesiskit.build import pdf_input, read_sources
from thesiskit.figures.files import write_figures
from thesiskit.lint import LintOptions, lint_project
from thesiskit.project import open_project
from thesiskit.render.chapters import render_chapters
from thesiskit.render.links import resolve_refs

from ..conftest import SAMPLES
from .synth import EXTRA_PER_COPY, counts, make_synthetic


def assert_valid(root: Path, scratch: Path) -> None:
    """Every id, key and page mark of the study at ``root`` resolves, and the gate finds no error."""
    src = read_sources(open_project(root))  # records, bibliography, chapters: every id resolves
    resolve_refs(render_chapters(src.chapters, src.records, src.env, "site"), "site")
    pdf_input(src, write_figures(src.records, scratch / "figures"), False, "typst")
    errors = [f for f in lint_project(root, LintOptions()) if f.severity == "error"]
    assert not errors, "\n".join(map(str, errors))


def test_three_times_the_mini_study_is_valid(tmp_path: Path) -> None:
    one = counts(SAMPLES / "mini")
    root = tmp_path / "study"
    three = make_synthetic(SAMPLES / "mini", root, 3)
    assert three["quotes"] == 3 * one["quotes"]
    assert three["findings"] == 3 * one["findings"]
    assert three["figures"] == 3 * one["figures"]
    assert three["bib"] == 3 * one["bib"] + 2 * EXTRA_PER_COPY
    assert three["pages"] > 2 * one["pages"]
    assert_valid(root, tmp_path)


def test_ids_survive_an_author_whose_name_is_a_word_of_an_id(
    sample_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """The shapes that broke the 3× copy of a real study: an institution as author whose last word is
    also a word of a quote id (the copy renames authors in prose, never inside an id), and page marks
    of the original in a chapter and in a quote record (each page is marked once per study)."""
    source = sample_copy("mini")
    bib = source / "references.bib"
    bib.write_text(
        bib.read_text("utf-8")
        + "\n@misc{raadet2018,\n  author = {{Rådet for jobb}},\n  title = {Om jobben},\n  year = {2018}\n}\n",
        "utf-8",
    )
    funn = source / "docs" / "02-funn.md"
    funn.write_text(funn.read_text("utf-8").replace("stolte av jobben.", "stolte av jobben [@raadet2018]."), "utf-8")
    intro = source / "docs" / "01-innledning.md"
    intro.write_text(intro.read_text("utf-8").replace("Modellen har", "{{ page(3) }}Modellen har"), "utf-8")
    quotes = source / "report" / "quotes" / "funn.yaml"
    text = quotes.read_text("utf-8")
    quotes.write_text(text.replace("  attribution: Ibid\n", '  attribution: Ibid\n  page_breaks:\n    4: "Hver dag"\n'))
    assert "s-kjekk-jobb" in text  # the id with the author's name in it
    assert_valid(source, tmp_path / "one")  # the edited sample is itself valid

    root = tmp_path / "study"
    make_synthetic(source, root, 2)
    assert '{{ quote("s-kjekk-jobb-k1") }}' in (root / "docs" / "k1" / "02-funn.md").read_text("utf-8")
    assert_valid(root, tmp_path / "two")
