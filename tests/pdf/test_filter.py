"""The PDF's Lua filter (templates/pdf/thesis.lua) on a page that has each thing it handles, against a golden file.

``filter/input.md`` holds what the filter changes (images in and out of figures, table records with
citations and images in their captions, figure notes and credits, text starting with a list or
heading marker, Typst shorthands such as "-97" and "..." in paragraphs, footnotes, headings, line
blocks, definition lists, table cells, captions, quotes, links and citations) and what it must
leave as it is (a table record's caption is written before the shorthands are escaped). The golden
``filter/expected.typ`` was made with the filter's four-pass form, before it was merged into two.
Regenerate after an intended change with:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/pdf/test_filter.py
and review the diff of tests/pdf/filter/expected.typ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

from thesiskit.lang import locale_for
from thesiskit.pandoc import run_pandoc
from thesiskit.pdf.convert import pandoc_args
from thesiskit.render.env import KIT_TEMPLATES

CASE = Path(__file__).with_name("filter")
BIB = Path(__file__).with_name("sample") / "references.bib"


def test_the_pdf_filter_writes_the_golden_typst() -> None:
    lua, after = KIT_TEMPLATES / "pdf" / "thesis.lua", KIT_TEMPLATES / "pdf" / "references.lua"
    args = pandoc_args(BIB, locale_for("nb"), lua, after)
    typst = run_pandoc(args, stdin=(CASE / "input.md").read_text("utf-8"))
    expected = CASE / "expected.typ"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(typst, "utf-8", newline="\n")
    assert typst == expected.read_text("utf-8")
    for escaped in (r"\-97", r"1\. Heading", r"\.\.\.", r"#box(image(", "#figurnote[", "#kreditering["):
        assert escaped in typst, escaped  # the case still has what the filter handles
