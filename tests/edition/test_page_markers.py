"""The original's page breaks: every page footer of the submitted text is a marker in both outputs."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import SOURCE_TXT
from tests.pdf.pdfcheck import Pdf

FOOTER = re.compile(r"^MR691, kandidatnummer 115, 14\.06\.19\s*\n\s*\n*\s*(\d+)\s*$", re.M)
MARKED = ["15", "25", "30", "46", "47", "52", "57", "78"]  # page N+1 after each footer of page N


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-zæøå]", "", text.lower())


@pytest.mark.skipif(not SOURCE_TXT.is_file(), reason=f"submitted text not found at {SOURCE_TXT}")
def test_every_footer_of_the_source_is_marked() -> None:
    pages = [str(int(m.group(1)) + 1) for m in FOOTER.finditer(SOURCE_TXT.read_text("utf-8"))]
    assert pages == MARKED


@pytest.mark.skipif(not SOURCE_TXT.is_file(), reason=f"submitted text not found at {SOURCE_TXT}")
def test_each_marker_stands_where_its_page_begins(real_build: Path) -> None:
    source = SOURCE_TXT.read_text("utf-8")
    markdown = "\n".join(p.read_text("utf-8") for p in sorted((real_build / "build" / "markdown").rglob("*.md")))
    for m in FOOTER.finditer(source):
        page = str(int(m.group(1)) + 1)
        start = source[m.end() : m.end() + 400].lstrip()
        start = re.sub(r"^\d+(?:\.\d+)*\.? [^\n]*\n", "", start)  # a page that begins with a heading: the
        after = _letters(start)[:25]  # marker opens the heading's first paragraph (AUTHORING.md)
        marker = f'id="side-{page}"'
        assert markdown.count(marker) == 1, page
        following = markdown.split(marker, 1)[1].split("</a>", 1)[1]
        following = re.sub(r"\{\{.*?\}\}|<[^>]+>|\{[#.][^}]*\}|^#+ ", "", following[:3000], flags=re.M)
        if page == "52":  # the page begins with Figur 7, whose cells come first in the source
            assert "Tilhørighet" in following[:400]
            continue
        assert _letters(following).startswith(after) or page in ("46", "47"), (page, after, following[:80])


def test_site_and_pdf_carry_every_marker_as_an_anchor(real_build: Path) -> None:
    site = "\n".join(p.read_text("utf-8") for p in (real_build / "site").glob("0*/index.html"))
    for page in MARKED:
        anchor = re.search(rf'<a class="sidetall" id="side-{page}" href="#side-{page}"[^>]*>(.*?)</a>', site)
        assert anchor and html.unescape(anchor.group(1)) == f"[s.\xa0{page}]", page
    text = Pdf(real_build / "build" / "thesis.pdf").text
    found = re.findall(r"\[s\.\s(\d+)\]", text)
    assert [p for p in found if p in MARKED][: len(MARKED)] == MARKED  # (om-utgaven's example "[s. 15]" follows)
