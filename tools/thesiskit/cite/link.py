"""Put rendered citations into the site's pages, linked to the reference list and back."""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field

from ..errors import InputError, Problem
from ..render.chapters import Page, Rendered, rel_link
from ..render.headings import HEADING, parse_attrs
from ..sources import Chapter
from .bib import Bibliography
from .citeproc import Citeproc, cluster_markdown
from .scan import Cluster, scan

REFERENCES_PAGE = "litteratur.md"


@dataclass(frozen=True)
class Use:
    """One place that cites an entry: page, anchor of the citation, and the section's label."""

    page: str
    anchor: str
    section: str


@dataclass
class CitedPages:
    """Pages with citations rendered, and every use of every key."""

    pages: list[Page]
    uses: dict[str, list[Use]] = field(default_factory=dict)


def collect_clusters(pages: list[Page]) -> dict[str, list[Cluster]]:
    """Citation clusters per page path.

    A page as in the last call is not scanned again (``thesis serve`` calls this after every edit).
    """
    with _SCANNED_LOCK:
        last = dict(_SCANNED)
    found = {p.markdown: last[p.markdown] if p.markdown in last else tuple(scan(p.markdown)) for p in pages}
    with _SCANNED_LOCK:
        _SCANNED.clear()
        _SCANNED.update(found)  # this call's pages only: the memo does not grow with every edit
    return {p.path: list(found[p.markdown]) for p in pages}


_SCANNED: dict[str, tuple[Cluster, ...]] = {}
"""The last call's pages: each page's Markdown → its clusters."""
_SCANNED_LOCK = threading.Lock()


def check_keys(clusters: dict[str, list[Cluster]], bib: Bibliography, chapters: list[Chapter]) -> None:
    """Every cited key must be in the bibliography; errors name the chapter and line."""
    sources = {c.path: c.text for c in chapters}
    problems = []
    for path, found in clusters.items():
        for cl in found:
            for item in cl.items:
                if item.key not in bib.entries:
                    problems.append(
                        Problem(
                            f"docs/{path}",
                            _source_line(sources.get(path, ""), cl.text),
                            f"unknown citation key @{item.key}",
                        )
                    )
    if problems:
        raise InputError(problems)


def _source_line(source: str, text: str) -> int | None:
    at = source.find(text)
    return source.count("\n", 0, at) + 1 if at >= 0 else None


def link_citations(rendered: Rendered, clusters: dict[str, list[Cluster]], cp: Citeproc) -> CitedPages:
    """Replace each cluster with its rendered text; give it an anchor the reference list links back to."""
    out = CitedPages([])
    n = 0
    for page in rendered.pages:
        text = page.markdown
        to_refs = rel_link(page.path, REFERENCES_PAGE)
        sections = _sections(text, rendered)
        pieces = []
        last = 0
        for cl in clusters.get(page.path, []):
            n += 1
            anchor = f"sit-{n}"
            md, keys = cluster_markdown(cp.clusters.get(cl.text, cl.text), to_refs)
            i = bisect.bisect_right(sections, (cl.start, "\uffff")) - 1
            section = sections[i][1] if i >= 0 else ""
            for key in dict.fromkeys(keys or [i.key for i in cl.items]):
                out.uses.setdefault(key, []).append(Use(page.path, anchor, section))
            pieces.append(text[last : cl.start])
            pieces.append(f'<span class="citation" id="{anchor}">{md}</span>')
            last = cl.end
        pieces.append(text[last:])
        out.pages.append(Page(page.path, page.title, "".join(pieces)))
    return out


def _sections(text: str, rendered: Rendered) -> list[tuple[int, str]]:
    """(offset, label) of every heading of a page, in order."""
    out = []
    for m in HEADING.finditer(text):
        h = rendered.headings.get(parse_attrs(m.group("attrs") or "")[0] or "")
        out.append((m.start(), h.label if h else m.group("title")))
    return out
