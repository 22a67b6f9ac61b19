"""Cross-references resolved after numbering, the same way for both outputs.

- ``{{ ref("id") }}`` (``⟦ref:id⟧``) → a link labelled with the heading's number and title, or with
  a figure's or table's name ("Figur 3", "Tabell 1") when the id is a figure's or table's.
- A link to an id, ``[tekst](#metode)``, works wherever the id is: on the site it is made to point
  to the page that holds it; in the PDF (one document) a link to another page's file,
  ``[tekst](03-metode.md#metode)``, becomes ``#metode`` (a page link goes to its first heading).
- A link to an id that is on no page is an error naming the page and line.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from pathlib import PurePosixPath

from ..errors import InputError, Problem
from .chapters import Page, Rendered, Target, rel_link
from .escape import md_text
from .headings import HEADING, parse_attrs
from .tokens import REF

_LINK = re.compile(r"(?<!!)\]\((?P<file>[^()\s#:]*\.md)?(?:#(?P<id>[^()\s\"]+))?(?P<title>\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_ID = re.compile(r"""(?:\{[^{}\n]*#|\bid=["'])([A-Za-z][\w:.-]*)""")
_KIT_IDS = ("ref-", "fn:", "fnref:", "sit-", "refs")
"""Ids the engines make themselves (reference list entries, footnotes, citations)."""


def _page_ids(rendered: Rendered, last: dict[str, list[str]], now: dict[str, list[str]]) -> dict[str, str]:
    """Every id a page defines (headings, figures, tables, quotes, attributes) → its page.

    ``last``: each page's ids by its Markdown, from the last call (``now`` gets this call's).
    """
    out: dict[str, str] = {}
    for page in rendered.pages:
        found = last.get(page.markdown)
        if found is None:
            found = [m.group(1) for m in _ID.finditer(_FENCE.sub("", page.markdown))]
        now[page.markdown] = found
        for hid in found:
            out.setdefault(hid, page.path)
    for h in rendered.headings.values():
        out[h.id] = h.page
    for f in rendered.floats.items:
        out[f.anchor] = f.page
    return out


def _first_heading(page: Page) -> str | None:
    m = HEADING.search(_FENCE.sub("", page.markdown))
    return parse_attrs(m.group("attrs") or "")[0] if m else None


def _line(page: str, sources: dict[str, str], text: str) -> int | None:
    src = sources.get(page, "")
    at = src.find(text)
    return src.count("\n", 0, at) + 1 if at >= 0 else None


def resolve_refs(rendered: Rendered, target: Target, sources: dict[str, str] | None = None) -> Rendered:
    """Resolve ``ref()`` tokens and links to ids (see the module docstring); ``sources``: page → source text."""
    sources = sources or {}
    problems: list[Problem] = []
    with _LOCK:
        last_ids, last_pages = _LAST.get(target, ({}, {}))
    now_ids: dict[str, list[str]] = {}
    now_pages: dict[tuple[str, str, str], str] = {}
    ids = _page_ids(rendered, last_ids, now_ids)
    floats = rendered.floats.by_anchor()
    pages_by_path = {p.path: p for p in rendered.pages}
    firsts = {p.path: _first_heading(p) for p in rendered.pages}
    # what every page's links resolve against: a page as in the last call, with these the same, is kept
    tables = json.dumps(
        [
            ids,
            {hid: [h.label, h.page] for hid, h in rendered.headings.items()},
            {anchor: [f.name, f.page] for anchor, f in floats.items()},
            firsts,
        ],
        ensure_ascii=False,
        sort_keys=True,
    )
    out = []
    for page in rendered.pages:
        key = (tables, page.path, page.markdown)
        kept = last_pages.get(key)
        if kept is not None:
            now_pages[key] = kept
            out.append(Page(page.path, page.title, kept))
            continue
        before = len(problems)

        def ref(m: re.Match[str], page: Page = page) -> str:
            hid = m.group(1)
            h = rendered.headings.get(hid)
            f = floats.get(hid)
            if h is None and f is None:
                if "." in hid or "/" in hid:  # a file, not a heading: its name as text
                    return md_text(hid)
                line = _line(page.path, sources, f'ref("{hid}")') or _line(
                    page.path, sources, f"ref('{hid}')"
                )
                problems.append(Problem(f"docs/{page.path}", line, f"reference to unknown heading id {hid!r}"))
                return hid
            label = (h.label if h else f.name if f else hid).replace("[", "\\[").replace("]", "\\]")
            where = h.page if h else f.page if f else page.path
            if target == "pdf" or where == page.path:
                return f"[{label}](#{hid})"
            return f"[{label}]({rel_link(page.path, where, hid)})"

        def link(m: re.Match[str], page: Page = page) -> str:
            file, hid, title = m.group("file"), m.group("id"), m.group("title") or ""
            if file is None and hid is None:
                return m.group(0)
            to_page = (PurePosixPath(page.path).parent / file).as_posix() if file else None
            if to_page is not None:
                to_page = _normal(to_page)
                if to_page not in pages_by_path:
                    return m.group(0)  # a generated page or a file MkDocs checks itself
            if hid is None:  # a link to a page
                if target == "pdf" and to_page is not None and firsts.get(to_page):
                    return f"](#{firsts[to_page]}{title})"
                return m.group(0)
            if hid.startswith(_KIT_IDS):
                return m.group(0)
            where = ids.get(hid)
            if where is None:
                line = _line(page.path, sources, f"#{hid}")
                problems.append(Problem(f"docs/{page.path}", line, f"link to #{hid}: no heading or figure has this id"))
                return m.group(0)
            if target == "pdf":
                return f"](#{hid}{title})"
            if where == page.path and file is None:
                return m.group(0)
            return f"]({rel_link(page.path, where, hid)}{title})"

        text = REF.sub(ref, page.markdown)
        text = _outside_code(text, lambda t: _LINK.sub(link, t))
        if len(problems) == before:
            now_pages[key] = text
        out.append(Page(page.path, page.title, text))
    if problems:
        raise InputError(problems)
    with _LOCK:
        _LAST[target] = (now_ids, now_pages)  # this call's pages only: the memo does not grow with every edit
    rendered.pages = out
    return rendered


_LAST: dict[str, tuple[dict[str, list[str]], dict[tuple[str, str, str], str]]] = {}
"""Per target, the last call's pages: each page's ids by its Markdown, and its text resolved by its key."""
_LOCK = threading.Lock()


def _normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _outside_code(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the text outside fenced code and inline code spans."""
    pieces: list[str] = []
    pos = 0
    for m in re.finditer(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", text, re.S | re.M):
        pieces.append(fn(text[pos : m.start()]))
        pieces.append(m.group(0))
        pos = m.end()
    pieces.append(fn(text[pos:]))
    return "".join(pieces)
