"""Each chapter's Jinja output, kept from one render to the next in a long-lived process (``thesis serve``).

A chapter renders again only if its text, the templates, the study's metadata or one of the
records it used (the quotes, figures and findings it includes, the informants or the list of
changes it shows) changed. A page kept is taken with what its render did besides its text (which
quotes, figures, findings and original page numbers it holds), so that numbering and the checks
across pages run on every page as in a whole render; where another page now holds one of those,
the page renders again (and the render says so, as it would have).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import jinja2
from pydantic import BaseModel

from ..cache import cache_key
from ..records import Records
from .env import KIT_TEMPLATES

Use = tuple[str, str]
"""A record a page's render read: ``("quote", id)``, ``("figure", id)``, ``("finding", id)``,
``("informants", "")`` or ``("changes", "")``."""
Effect = tuple[str, str]
"""What a page's render noted: ``("quote", id)``, ``("figure", id)``, ``("finding", id)`` or ``("page", label)``."""


@dataclass(frozen=True)
class Kept:
    """A chapter's Jinja output, the records it read (and their digest then) and what it noted."""

    markdown: str
    uses: tuple[Use, ...]
    digest: str
    effects: tuple[Effect, ...]


RENDERED: dict[tuple[str, bool, bool], list[str]] = {}
"""Per kind of render: the chapters whose Jinja ran in the last one (the others were kept); for tests."""
_KEPT: dict[tuple[str, bool, bool], dict[str, Kept]] = {}
"""Per kind of render (target, submission, has_pdf): the last render's pages by :meth:`Memo.base`."""
_LOCK = threading.Lock()
_KEEP = False


def keep_pages() -> None:
    """From now on, keep each render's pages for the next one (a long-lived process: ``thesis serve``)."""
    global _KEEP
    _KEEP = True


class Memo:
    """The pages kept from the last render of this kind, and those of this one (:meth:`done` keeps them)."""

    def __init__(self, env: jinja2.Environment, records: Records, kind: tuple[str, bool, bool]) -> None:
        self.records, self.kind = records, kind
        self.rendered: list[str] = []
        self.now: dict[str, Kept] = {}
        self.last: dict[str, Kept] = {}
        self.context = ""
        if not _KEEP:
            return
        self.context = cache_key(
            type(env).__name__,
            repr(kind),
            records.study.model_dump_json(),  # every chapter may show any of it (``study``, ``author()``)
            *_template_files(env),
        )
        with _LOCK:
            self.last = dict(_KEPT.get(kind, {}))

    def base(self, rel: str, text: str) -> str:
        """A chapter's key, but for the records it reads."""
        return cache_key(self.context, rel, text)

    def get(self, rel: str, text: str) -> Kept | None:
        """The chapter as last rendered, if nothing it was made from changed."""
        kept = self.last.get(self.base(rel, text)) if _KEEP else None
        if kept is None or kept.digest != self.digest(kept.uses):
            return None
        return kept

    def put(self, rel: str, text: str, markdown: str, uses: list[Use], effects: list[Effect]) -> None:
        """Keep a chapter just rendered (or taken) for the next render."""
        if not _KEEP:
            return
        uses_ = tuple(dict.fromkeys(uses))
        self.now[self.base(rel, text)] = Kept(markdown, uses_, self.digest(uses_), tuple(effects))

    def done(self) -> None:
        """Keep the pages of a render that succeeded, in place of the last (one render of each kind is kept)."""
        with _LOCK:
            RENDERED[self.kind] = self.rendered
            if _KEEP:
                _KEPT[self.kind] = self.now

    def digest(self, uses: tuple[Use, ...]) -> str:
        """What the records a page read are now."""
        r = self.records
        parts: list[str] = []
        for kind, rid in uses:
            record: BaseModel | None = None
            if kind == "quote":
                record = r.quotes.get(rid)
            elif kind == "figure":
                record = r.figures.get(rid)
            elif kind == "finding":
                record = r.findings.get(rid)
            elif kind == "informants":
                record = r.informants_file
            if kind == "changes":
                parts += [c.model_dump_json() for c in r.changes] + [q.model_dump_json() for q in r.quotes.values()]
            else:
                parts.append(f"{kind}:{rid}:" + (record.model_dump_json() if record is not None else "-"))
        return cache_key(*parts)


def replay(
    effects: tuple[Effect, ...], page: str, held: dict[str, dict[str, str]], links: dict[str, list[str]]
) -> bool:
    """Note what a kept page's render noted (``held``: by kind, id → page).

    False, noting nothing, if another page holds any of it (the page is then rendered, and says so).
    """
    if any(kind in held and rid in held[kind] for kind, rid in effects):
        return False
    for kind, rid in effects:
        if kind == "finding":
            links.setdefault(rid, []).append(page)
        else:
            held[kind][rid] = page
    return True


def _template_files(env: jinja2.Environment) -> list[bytes]:
    """Every template the environment can load (the study's own and the kit's), path and content."""
    parts: list[bytes] = []
    for folder in getattr(env.loader, "searchpath", [str(KIT_TEMPLATES)]):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            parts.append(str(path).encode() + b"=" + path.read_bytes())
    return parts
