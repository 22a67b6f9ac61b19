"""Read a built PDF the way the checks need it, with Python libraries only: pypdf and pypdfium2 (text).

No poppler: a fresh machine with only Python and pip runs every PDF check. Page text comes from
PDFium (the engine of Chromium's PDF viewer, from PyPI as pypdfium2), which keeps the reading order
and the line breaks as pdftotext did; metadata and fonts come from pypdf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def normalize(text: str) -> str:
    """Text with soft hyphens at line ends joined and all whitespace as single spaces."""
    text = re.sub("\u00ad\\s*", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Link:
    """An internal link: the page it is on, the page and height it goes to, its /Contents."""

    page: int
    dest_page: int
    dest_y: float
    contents: str


class Pdf:
    """One PDF file, read lazily."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)

    @cached_property
    def info(self) -> dict[str, str]:
        """The fields the checks read, named as pdfinfo names them (Title, Author, Tagged, Pages)."""
        meta = self.reader.metadata or {}
        mark = self.catalog.get("/MarkInfo")
        tagged = isinstance(mark, DictionaryObject) and bool(mark.get("/Marked"))
        out = {str(k).lstrip("/"): str(v) for k, v in meta.items()}
        out.update(Tagged="yes" if tagged else "no", Pages=str(len(self.reader.pages)))
        return out

    @cached_property
    def pages(self) -> list[str]:
        """The text of each page (PDFium), lines ending in newlines."""
        doc = pdfium.PdfDocument(str(self.path))
        try:
            out = []
            for page in doc:
                textpage = page.get_textpage()
                out.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
                textpage.close()
                page.close()
            return out
        finally:
            doc.close()

    @property
    def text(self) -> str:
        """The whole text."""
        return "\n".join(self.pages)

    def pages_with(self, needle: str) -> list[int]:
        """Indexes (from 0) of the pages whose normalized text contains ``needle``."""
        return [i for i, t in enumerate(self.pages) if needle in normalize(t)]

    @cached_property
    def fonts(self) -> list[tuple[str, bool]]:
        """(name, embedded) for every font the pages and their form XObjects use."""
        found: dict[int, tuple[str, bool]] = {}

        def embedded(font: DictionaryObject) -> bool:
            if font.get("/Subtype") == "/Type3":
                return True  # glyphs are content streams in the font itself
            if font.get("/Subtype") == "/Type0":
                return all(embedded(d.get_object()) for d in font.get("/DescendantFonts", []))
            desc = font.get("/FontDescriptor")
            return desc is not None and any(k in desc.get_object() for k in _FONT_FILES)

        def walk(resources: Any, seen: set[int]) -> None:
            resources = resources.get_object() if isinstance(resources, IndirectObject) else resources
            if not isinstance(resources, DictionaryObject):
                return
            fonts = resources.get("/Font")
            for ref in (fonts.get_object() if fonts is not None else {}).values():
                font = ref.get_object()
                key = ref.idnum if isinstance(ref, IndirectObject) else id(font)
                found.setdefault(key, (str(font.get("/BaseFont", "")).lstrip("/"), embedded(font)))
            xobjects = resources.get("/XObject")
            for ref in (xobjects.get_object() if xobjects is not None else {}).values():
                if isinstance(ref, IndirectObject) and ref.idnum not in seen:
                    seen.add(ref.idnum)
                    walk(ref.get_object().get("/Resources"), seen)

        seen: set[int] = set()
        for page in self.reader.pages:
            walk(page.get("/Resources"), seen)
        return list(found.values())

    @cached_property
    def bookmarks(self) -> list[tuple[int, str]]:
        """(depth, title) of every bookmark, in order."""
        out: list[tuple[int, str]] = []

        def walk(items: list[Any], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    out.append((depth, str(item.title)))

        walk(self.reader.outline, 0)
        return out

    @cached_property
    def links(self) -> list[Link]:
        """Every internal link (explicit destinations; named ones resolved)."""
        index = {p.indirect_reference.idnum: i for i, p in enumerate(self.reader.pages) if p.indirect_reference}
        named = self.reader.named_destinations
        out = []
        for i, page in enumerate(self.reader.pages):
            for ref in page.get("/Annots", []) or []:
                annot = ref.get_object()
                dest = annot.get("/Dest")
                if dest is None and isinstance(annot.get("/A"), DictionaryObject):
                    dest = annot["/A"].get("/D")
                if isinstance(dest, IndirectObject):
                    dest = dest.get_object()
                if isinstance(dest, str) and dest in named:
                    d = named[dest]
                    out.append(Link(i, self.reader.get_destination_page_number(d), float(d.top or 0), ""))
                elif isinstance(dest, ArrayObject):
                    out.append(Link(i, index[dest[0].idnum], float(dest[3]), str(annot.get("/Contents", ""))))
        return out

    def bookmarks_on(self, page: int) -> bool:
        """Whether a bookmark (a heading) points to ``page``."""
        return page in self.bookmark_pages

    def bookmark_page(self, title: str) -> int:
        """The page the (first) bookmark with this title points to."""

        def find(items: list[Any]) -> int | None:
            for item in items:
                found = find(item) if isinstance(item, list) else None
                if found is not None:
                    return found
                if not isinstance(item, list) and str(item.title) == title:
                    return int(self.reader.get_destination_page_number(item))
            return None

        page = find(self.reader.outline)
        assert page is not None, f"no bookmark {title!r}"
        return page

    @cached_property
    def bookmark_pages(self) -> set[int]:
        """Pages that bookmarks point to."""
        pages: set[int] = set()

        def walk(items: list[Any]) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    pages.add(self.reader.get_destination_page_number(item))

        walk(self.reader.outline)
        return pages

    @cached_property
    def tags(self) -> Tag:
        """The structure tree."""
        return struct_tree(self.reader)

    @cached_property
    def catalog(self) -> DictionaryObject:
        """The document catalog."""
        root = self.reader.trailer["/Root"]
        assert isinstance(root, DictionaryObject)
        return root

    @cached_property
    def xmp(self) -> str:
        """The XMP metadata packet."""
        stream = self.catalog["/Metadata"].get_object()
        return str(stream.get_data().decode("utf-8"))

    @cached_property
    def strings(self) -> str:
        """Every string and stream (decompressed) reachable from the trailer, for leak checks."""
        seen: set[int] = set()
        chunks: list[str] = []

        def walk(obj: Any) -> None:
            if isinstance(obj, IndirectObject):
                if obj.idnum in seen:
                    return
                seen.add(obj.idnum)
                obj = obj.get_object()
            if isinstance(obj, StreamObject):
                try:
                    chunks.append(obj.get_data().decode("utf-8", errors="replace"))
                except Exception:
                    chunks.append(str(obj.get("/Filter")))
            if isinstance(obj, dict):
                for key, value in obj.items():
                    if key not in ("/Parent", "/P"):
                        walk(value)
            elif isinstance(obj, list):
                for value in obj:
                    walk(value)
            elif isinstance(obj, str):
                chunks.append(str(obj))

        walk(self.reader.trailer)
        return "\n".join(chunks)


@dataclass(frozen=True)
class Tag:
    """An element of the PDF's structure tree."""

    role: str
    """Its structure type without the slash (``Table``, ``TH``, ``Figure``)."""
    alt: str | None
    text: str
    """The text of its marked content (ActualText or the page text is not read; only /Alt and /T)."""
    children: list[Tag]

    def find(self, role: str) -> list[Tag]:
        """Every descendant (and itself) with this role, in order."""
        found = [self] if self.role == role else []
        for child in self.children:
            found += child.find(role)
        return found


def struct_tree(reader: PdfReader) -> Tag:
    """The PDF's structure tree (tagged PDF) as ``Tag`` values, from /StructTreeRoot."""

    def walk(obj: Any) -> Tag | None:
        obj = obj.get_object() if isinstance(obj, IndirectObject) else obj
        if not isinstance(obj, DictionaryObject):
            return None
        kids = obj.get("/K")
        items = kids if isinstance(kids, list) else [kids] if kids is not None else []
        children = [t for t in (walk(k) for k in items) if t is not None]
        alt = obj.get("/Alt")
        return Tag(str(obj.get("/S", "")).lstrip("/"), str(alt) if alt is not None else None, "", children)

    root = reader.trailer["/Root"]["/StructTreeRoot"]
    tag = walk(root)
    assert tag is not None, "no structure tree"
    return tag


@dataclass(frozen=True)
class Expected:
    """What a thesis PDF must contain."""

    title: str
    author: str
    """The PDF's Author (the name, or "Kandidatnummer N" in the submission)."""
    headings: list[str]
    """Every heading as printed (numbers included)."""
    figures: int
    cited: dict[str, tuple[str, str]]
    """Cited key → (first family name, or the title's start when there is no author; year)."""
    min_pages: int = 1


def check_thesis(pdf: Pdf, exp: Expected) -> None:
    """The checks every thesis PDF passes (see the issue's "done when")."""
    # metadata, language, window title, standards
    assert pdf.info["Title"] == exp.title
    assert pdf.info["Author"] == exp.author
    assert str(pdf.catalog["/Lang"]).startswith("nb")
    assert bool(pdf.catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert pdf.info["Tagged"] == "yes"
    assert re.search(r"pdfaid:part>2<", pdf.xmp) and re.search(r"pdfaid:conformance>B<", pdf.xmp)
    assert re.search(r"pdfuaid:part>1<", pdf.xmp)
    assert int(pdf.info["Pages"]) >= exp.min_pages
    # fonts: all embedded
    assert pdf.fonts and all(emb for _, emb in pdf.fonts), pdf.fonts
    # contents, abstracts, bookmarks for every heading
    text = normalize(pdf.text)
    for needle in ("Innhold", "Figurer", "Sammendrag", "Summary", "Litteraturliste"):
        assert needle in text, needle
    marks = [title for _, title in pdf.bookmarks]
    missing = [h for h in exp.headings if h not in marks]
    assert not missing, f"headings without a bookmark: {missing}"
    # figures with captions "Figur N"
    for n in range(1, exp.figures + 1):
        assert f"Figur {n}:" in text, f"Figur {n}"
    assert f"Figur {exp.figures + 1}:" not in text
    # no leftovers
    for bad in ("[@", "???", "⟦"):
        assert bad not in text, bad
    footer = re.search(r".{60}[A-Z]{2}\d{3},\s*kandidatnummer.{20}", text, re.I)
    assert footer is None, f"the submitted PDF's page footer is in the text: …{footer and footer.group(0)}…"
    # the reference list holds every cited work; citations link to it
    ref_pages = [pdf.bookmark_page("Litteraturliste")]
    while ref_pages[-1] + 1 < len(pdf.pages) and not pdf.bookmarks_on(ref_pages[-1] + 1):
        ref_pages.append(ref_pages[-1] + 1)
    reflist = normalize(" ".join(pdf.pages[i] for i in ref_pages))
    for key, (family, year) in exp.cited.items():
        assert family in reflist and year in reflist, f"{key}: {family} ({year}) not in the reference list"
    into = {
        (ln.dest_page, round(ln.dest_y)) for ln in pdf.links if ln.dest_page in ref_pages and ln.page not in ref_pages
    }
    assert len(into) >= len(exp.cited), f"{len(into)} entries are linked to, {len(exp.cited)} works are cited"
