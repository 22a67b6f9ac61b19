"""Every informant quote is typeset as its record says, character for character, in the site and the PDF.

No typographic substitution inside a quote: no minus sign for "-97", no curly quotes, dashes or
ellipses the record does not have. Whitespace (line breaks, paragraph breaks) is the only freedom.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.conftest import REPO
from tests.pdf.pdfcheck import Pdf
from thesiskit.project import open_project
from thesiskit.records import load_records

QUOTES = load_records(open_project(REPO)).quotes
MARKER = re.compile(r"<a class=\"sidetall\"[^>]*>.*?</a>", re.S)


def _flat(text: str) -> str:
    return " ".join(text.split())


def site_quotes(site: Path) -> dict[str, str]:
    """Quote id → the text of its block quote on the site (without «», the attribution and page markers)."""
    out: dict[str, str] = {}
    for page in site.rglob("*.html"):
        doc = page.read_text("utf-8")
        for m in re.finditer(r'<blockquote class="sitat" id="sitat-([a-z0-9-]+)">(.*?)</blockquote>', doc, re.S):
            body = MARKER.sub("", m.group(2))
            body = re.sub(r"<cite>.*?</cite>", "", body, flags=re.S)
            out[m.group(1)] = _flat(html.unescape(re.sub(r"<[^>]+>", "", body)))
    return out


BREAK = "\u2063"
"""Where a line of the PDF ended in a hyphen (the word goes on, or a space followed: both are read)."""

LINE_END_HYPHEN = "\u2064"
"""Where PDFium reports a hyphen at a line end (U+FFFE, the line joined): the author's hyphen, or one
Typst's hyphenation added; PDFium cannot tell them apart, so both readings are allowed."""


def pdf_text(pdf: Path) -> str:
    """The PDF's body text as one line: running heads, page numbers and margin markers dropped.

    PDFium (pypdfium2) keeps every character; a hyphen at a line end, the author's or one of Typst's
    hyphenation, comes as U+FFFE with the line joined (see ``LINE_END_HYPHEN``).
    """
    pages = []
    for page in Pdf(pdf).pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        pages.append("\n".join(lines[1:-1]))  # running head first, page number last
    text = "\n".join(pages)
    text = re.sub(r" ?\[s\.\s\d+\] ?", " ", text)
    text = text.replace("\ufffe", LINE_END_HYPHEN).replace("-\n", "-" + BREAK)
    return _flat(text)


def in_pdf(want: str, text: str) -> bool:
    """``want`` occurs in ``text`` character for character (a line-end hyphen may stand for "-" or "- ")."""
    parts: list[str] = []
    i = 0
    while i < len(want):
        c = want[i]
        if c == "-" and want[i + 1 : i + 2] == " ":
            parts.append(f"(?:-(?:{BREAK} ?| )|{LINE_END_HYPHEN} ?)")
            i += 2
            continue
        parts.append(f"(?:-{BREAK}?|{LINE_END_HYPHEN})" if c == "-" else re.escape(c) + LINE_END_HYPHEN + "?")
        i += 1
    return re.search("".join(parts), text) is not None


def test_every_quote_on_the_site_is_its_record(real_build: Path) -> None:
    found = site_quotes(real_build / "site")
    assert sorted(found) == sorted(QUOTES)
    for qid, q in QUOTES.items():
        assert found[qid] == f"«{_flat(q.text)}»", qid


def test_every_quote_in_the_pdf_is_its_record(real_build: Path) -> None:
    text = pdf_text(real_build / "build" / "thesis.pdf")
    missing = [
        qid
        for qid, q in QUOTES.items()
        if not in_pdf(f"«{_flat(q.text)}»" + (f" ({q.informant})" if q.attribution else ""), text)
    ]
    assert not missing


def test_a_hyphen_before_a_number_stays_a_hyphen(real_build: Path) -> None:
    q = next(q for q in QUOTES.values() if "i -97" in q.text)
    assert "i -97" in site_quotes(real_build / "site")[q.id]
    assert "i -97" in pdf_text(real_build / "build" / "thesis.pdf") and "\u221297" not in pdf_text(
        real_build / "build" / "thesis.pdf"
    )
