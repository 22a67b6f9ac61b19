"""Read the built outputs for ``--built``: the site's HTML and the PDFs' text and metadata (pypdf)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..project import Project, read_text
from .source import Source, blank_matches

_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<(?!!--)[^<>]*>")
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Pdf:
    """A built PDF: its text (as a source, one ``line`` per page) and its metadata."""

    source: Source
    info: dict[str, str]
    """Document information dictionary, keys without the leading slash."""
    xmp: str = ""
    """Raw XMP metadata packet, if any."""
    problems: list[str] = field(default_factory=list)


def read_site(project: Project) -> list[Source]:
    """Every HTML page of site/ (the search index and assets are skipped); ``anon`` is text plus comments."""
    if not project.site.is_dir():
        return []
    out = []
    for p in sorted(project.site.rglob("*.html")):
        rel = project.rel(p)
        if not p.is_file() or "/assets/" in f"/{rel}" or "/search/" in f"/{rel}":
            continue
        text = read_text(project, p)
        out.append(Source(rel, "html", text, "", blank_matches(blank_matches(text, _HIDDEN), _TAG)))
    return out


def read_pdfs(project: Project) -> list[Pdf]:
    """Every ``build/*.pdf``."""
    if not project.build.is_dir():
        return []
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    out = []
    for p in sorted(project.build.glob("*.pdf")):
        rel = project.rel(p)
        try:
            reader = PdfReader(p)
            pages = [page.extract_text() or "" for page in reader.pages]
            meta: Any = reader.metadata or {}
            info = {str(k).lstrip("/"): str(v) for k, v in meta.items()}
            root: Any = reader.trailer["/Root"]
            xmp_obj = root.get("/Metadata")
            xmp = xmp_obj.get_object().get_data().decode("utf-8", "replace") if xmp_obj is not None else ""
        except (PdfReadError, OSError, ValueError, KeyError) as exc:
            raise InputError.at(rel, None, f"cannot read the PDF: {exc}") from None
        starts, pos = [], 0
        for text in pages:
            starts.append(pos)
            pos += len(text) + 2
        text = "\n\n".join(pages)
        out.append(Pdf(Source(rel, "pdf", text, "", text, pages=tuple(starts)), info, xmp))
    return out
