"""A link or ``ref()`` to an id that no page has.

Why: the link works in neither output: the site's page has no such place and the PDF's link goes
nowhere. Ids are shared across the study, so a link to another page's heading is written
``[tekst](#metode)`` and the kit points it to the right page in both outputs.

Fires on: ``[tekst](#id)`` and ``[tekst](fil.md#id)`` where no page, as the build renders it, has a
heading, figure, table or other element with that id (``{#id}``, ``id="…"``). (A
``{{ ref("id") }}`` to an unknown id is SRC003.)

Does not fire on: ids the engines make (``ref-…`` entries of the reference list, footnotes
``fn:…``, citations ``sit-…``), ids written by the templates (``endringer-…``), links in code,
links to other sites.

Fix: correct the id, or give the heading the id: ``## Metode {#metode}``.

Example: ``se [kapittel 3](#metoden)`` where the heading is ``{#metode}`` → ``(#metode)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ...render.env import KIT_TEMPLATES
from ..finding import Hit
from ..mdtext import prose
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "MKD003"
SEVERITY = "error"
_LINK = re.compile(r"(?<!!)\]\((?:[^()\s#:]*\.md)?#(?P<id>[^()\s\"]+)(?:\s+\"[^\"]*\")?\)")
_ID = re.compile(r"""(?:\{[^{}\n]*?#|\bid=["'])(?P<id>[A-Za-z][\w:.-]*)(?P<jinja>\{\{)?""")
_KIT_IDS = ("ref-", "fn:", "fnref:", "sit-", "refs")


def _ids(text: str) -> tuple[set[str], set[str]]:
    """Ids a text defines, and prefixes of ids a template makes with Jinja (``endringer-{{ kind }}``)."""
    ids: set[str] = set()
    prefixes: set[str] = set()
    for m in _ID.finditer(text):
        (prefixes if m.group("jinja") else ids).add(m.group("id"))
    return ids, prefixes


def _template_ids(folders: list[Path]) -> tuple[set[str], set[str]]:
    ids: set[str] = set()
    prefixes: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.j2") if folder.is_dir() else []:
            a, b = _ids(path.read_text("utf-8", errors="replace"))
            ids |= a
            prefixes |= b
    return ids, prefixes


def _rendered(ctx: LintContext) -> bool:
    """Whether the gate rendered the chapters as the build does (then the build's own check is exact)."""
    r = ctx.reading
    return bool(ctx.render and r is not None and r.config is not None and r.records is not None and not r.problems)


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report links to ids that are nowhere: the build's finding, else a scan of the sources."""
    if _rendered(ctx):
        yield from hits(ctx, CODE)
        return
    ids, prefixes = _template_ids([ctx.project.templates, KIT_TEMPLATES])
    for source in ctx.markdown:
        ids |= _ids(prose(source))[0]
    if ctx.records:
        ids |= {f"fig-{fid}" for fid in ctx.records.figures}
        ids |= {f"sitat-{qid}" for qid in ctx.records.quotes}
    for source in ctx.markdown:
        text = prose(source)
        for m in _LINK.finditer(text):
            hid = m.group("id")
            if not (hid in ids or hid.startswith(_KIT_IDS) or any(hid.startswith(p) for p in prefixes)):
                yield source.hit(m.start("id"), m.end("id"), f"no heading, figure or table has the id {hid!r}")
