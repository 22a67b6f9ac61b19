"""Build small .docx files for the import tests with python-docx (no committed binaries).

Zotero's Word plugin writes a citation as a complex field whose instruction is
``ADDIN ZOTERO_ITEM CSL_CITATION {json}`` and whose result is the rendered text; the JSON carries
the item data (CSL-JSON). :func:`zotero_field` writes exactly that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def png(width: int = 40, height: int = 20) -> bytes:
    """A small grey PNG (written by hand: the test needs no image library)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _run(par: Paragraph, el: Any) -> None:
    r = OxmlElement("w:r")
    r.append(el)
    par._p.append(r)


ZOTERO = "ADDIN ZOTERO_ITEM CSL_CITATION"
MENDELEY = "ADDIN CSL_CITATION"


def zotero_field(par: Paragraph, items: list[dict[str, Any]], shown: str, kind: str = ZOTERO) -> None:
    """Append a Zotero (or Mendeley: ``kind=MENDELEY``) citation field: CSL item data, optional ``locator``."""
    cites = [
        {"id": it["id"], "uris": [f"http://zotero.org/users/1/items/{it['id']}"], "itemData": it["data"]}
        | ({"locator": it["locator"], "label": "page"} if "locator" in it else {})
        for it in items
    ]
    payload = {"citationID": "x", "properties": {"formattedCitation": shown}, "citationItems": cites}
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    _run(par, begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {kind} " + json.dumps(payload, ensure_ascii=False) + " "
    _run(par, instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    _run(par, sep)
    text = OxmlElement("w:t")
    text.text = shown
    _run(par, text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    _run(par, end)


def set_alt(doc: Any, text: str) -> None:
    """Give the last inline picture of ``doc`` Word's alt text (``descr``)."""
    doc.inline_shapes[-1]._inline.docPr.set("descr", text)


THAGAARD = {
    "id": 11,
    "type": "book",
    "title": "Systematikk og innlevelse: En innføring i kvalitativ metode",
    "author": [{"family": "Thagaard", "given": "Tove"}],
    "issued": {"date-parts": [["2013"]]},
    "publisher": "Fagbokforlaget",
    "publisher-place": "Bergen",
    "language": "nb",
}
LIPSKY = {
    "id": 12,
    "type": "book",
    "title": "Street-level bureaucracy: Dilemmas of the individual in public services",
    "author": [{"family": "Lipsky", "given": "Michael"}],
    "issued": {"date-parts": [["1980"]]},
    "publisher": "Russell Sage Foundation",
    "publisher-place": "New York",
    "language": "en",
}


def word_thesis(path: Path, tmp: Path, *, fields: bool = True, plain: str = "") -> Path:
    """A small Word thesis: numbered headings, Zotero fields, a picture, a table, a quote."""
    doc = Document()
    doc.core_properties.title = "Samarbeid i sykepleien"
    doc.core_properties.author = "Kari Nordmann"
    doc.core_properties.language = "nb-NO"
    doc.add_paragraph("Masteroppgave i sykepleie")
    doc.add_heading("1 Innledning", 1)
    par = doc.add_paragraph("Kvalitativ metode gir innsikt ")
    if fields:
        zotero_field(par, [{"id": 11, "data": THAGAARD, "locator": "45"}], "(Thagaard, 2013, s. 45)")
        par.add_run(". Bakkebyråkrater har handlingsrom ")
        zotero_field(par, [{"id": 12, "data": LIPSKY}], "(Lipsky, 1980)")
        par.add_run(".")
    if plain:
        doc.add_paragraph(plain)
    doc.add_heading("1.1 Bakgrunn", 2)
    png_file = tmp / "modell.png"
    png_file.write_bytes(png())
    doc.add_picture(str(png_file))
    set_alt(doc, "En modell med tre bokser.")
    doc.add_picture(str(png_file))
    doc.add_heading("2 Metode", 1)
    doc.add_paragraph("Tabell 1: Informantene")
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["Nr.", "Rolle", "1", "Leder"], strict=True):
        cell.text = text
    doc.add_paragraph("«Vi snakker sammen hver dag, og det hjelper.» (3)", style="Quote")
    doc.add_heading("Litteraturliste", 1)
    doc.add_paragraph("Thagaard, T. (2013). Systematikk og innlevelse. Fagbokforlaget.")
    doc.save(str(path))
    return path
