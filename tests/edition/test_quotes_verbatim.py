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
"""Where a line of the PDF ended in a hyphen (PDFium: U+FFFE): a hyphen of the text, or Typst hyphenated the word."""


def pdf_text(pdf: Path) -> str:
    """The PDF's body text as one line: running heads, page numbers and margin markers dropped.

    PDFium gives a line that ends in a hyphen, Typst's own hyphenation or a hyphen of the text, as
    U+FFFE: that is kept as ``BREAK``, where ``in_pdf`` reads a hyphen or nothing.
    """
    pages = []
    for page in Pdf(pdf).pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        pages.append("\n".join(lines[1:-1]))  # running head first, page number last
    text = "\n".join(pages)
    text = re.sub(r" ?\[s\.\s\d+\] ?", " ", text)
    text = re.sub("[\ufffe\u00ad]\\s*", BREAK, text)
    return _flat(text)


def in_pdf(want: str, text: str) -> bool:
    """``want`` occurs in ``text`` character for character; where a line ended in a hyphen (``BREAK``)
    the text had a hyphen ("NAV-medarbeidere", "kommunal- og") or none (a word Typst hyphenated)."""
    parts: list[str] = []
    i = 0
    while i < len(want):
        c = want[i]
        if c == "-" and want[i + 1 : i + 2] == " ":
            parts.append(f"(?:- |{BREAK} ?)")
            i += 2
            continue
        if c == "-":
            parts.append(f"(?:-|{BREAK})")
        elif c.isalpha() and want[i + 1 : i + 2].isalpha():
            parts.append(re.escape(c) + BREAK + "?")
        else:
            parts.append(re.escape(c))
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
