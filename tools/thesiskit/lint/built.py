"""Read the built outputs for ``--built``: the site's HTML and the PDFs' text and metadata (pypdf)."""

from __future__ import annotations

import io
import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import cache_key, entry, read_json, write_json
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


def read_pdfs(project: Project, only: tuple[tuple[Path, str], ...] = ()) -> list[Pdf]:
    """Every ``build/*.pdf`` (or the (file, path to report) pairs ``only``), read with pypdf.

    Several PDFs are read in parallel processes (extraction is slow), and the text is cached by content.
    """
    if not only and not project.build.is_dir():
        return []
    import pypdf

    jobs = []
    for path, rel in only or [(p, project.rel(p)) for p in sorted(project.build.glob("*.pdf"))]:
        try:
            key = cache_key(path.read_bytes(), pypdf.__version__)
        except OSError as exc:
            raise InputError.at(rel, None, f"cannot read the PDF: {exc.strerror}") from None
        jobs.append((path, rel, entry(project.cache, "lintpdf", key)))
    if len(jobs) <= 1 or (os.cpu_count() or 1) <= 1:
        results = [_read_pdf(*job) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            results = list(pool.map(_read_pdf, *zip(*jobs, strict=True)))
    for result in results:
        if isinstance(result, InputError):
            raise result
    return [r for r in results if isinstance(r, Pdf)]


def _read_pdf(path: Path, rel: str, cached: Path) -> Pdf | InputError:
    """Text per page, document information and XMP of one PDF; cached by content hash (pypdf is slow)."""
    from pypdf.errors import PdfReadError

    stored = read_json(cached)
    if isinstance(stored, list) and len(stored) == 3:
        pages, info, xmp = stored
    else:
        try:
            pages, info, xmp = _extract(path.read_bytes())
        except (PdfReadError, OSError, ValueError, KeyError) as exc:
            return InputError.at(rel, None, f"cannot read the PDF: {exc}")
        write_json(cached, [pages, info, xmp])
    starts, pos = [], 0
    for text in pages:
        starts.append(pos)
        pos += len(text) + 2
    text = "\n\n".join(pages)
    return Pdf(Source(rel, "pdf", text, "", text, pages=tuple(starts)), info, xmp)


def _extract(data: bytes) -> tuple[list[str], dict[str, str], str]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    meta: Any = reader.metadata or {}
    info = {str(k).lstrip("/"): str(v) for k, v in meta.items()}
    root: Any = reader.trailer["/Root"]
    xmp_obj = root.get("/Metadata")
    xmp = xmp_obj.get_object().get_data().decode("utf-8", "replace") if xmp_obj is not None else ""
    return pages, info, xmp
