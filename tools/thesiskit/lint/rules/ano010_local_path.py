r"""A local file path in references.bib: Zotero's or JabRef's `file` field, or a path in a note.

Why: reference managers export the place of each PDF on the author's machine
(`file = {C:\Users\kari.nordmann\Zotero\storage\…}`). Published with the repository, the path
names the user account (often a full name), the folders and sometimes the file names of interviews or
transcripts; it is also useless to anyone else.

Fires on, in references.bib: every `file` field, and any path of a home folder in a free-text field
(`note`, `annote`, `abstract`, `keywords` …): `C:\Users\…`, `/Users/…`, `/home/…`, `~/…`, `file:///…`.
When the file's name looks like raw research data (a transcript, a recording, a key: see ANO008), the
message says so.

Does not fire on: `url` and `doi` fields, paths inside chapters (code blocks there are the author's
business), a `file` field that is empty.

Fix: leave file links out of the export (Better BibTeX: "Export files: no"; Zotero's BibTeX export:
untick "Export Files"), or delete the `file` fields.

Example: `file = {Full Text:C\:\Users\kari\Zotero\storage\AB12CD34\Thagaard - 2013.pdf:application/pdf}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from .ano008_raw_data import classify

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO010"
SEVERITY = "warning"
_HINT = re.compile(r"Users|Documents and Settings|/home/|~/|file:///", re.I)
_HOME = re.compile(
    r"(?:[A-Za-z]\\?:[\\/]+(?:Users|Documents and Settings)[\\/]|/Users/|/home/|~/|file:///)[^\s:;{}]*", re.I
)


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report local paths in the bibliography."""
    src = ctx.bib_source
    if src is None:
        return
    for m in _HOME.finditer(src.anon) if _HINT.search(src.anon) else ():
        if src.key_at(m.start())[-1:] == ("file",):  # reported once per entry below
            continue
        yield src.hit(m.start(), m.end(), "a local path (names the user's account and folders); remove it")
    for e in ctx.bib.entries.values():
        value = e.fields.get("file", "").strip()
        if not value:
            continue
        names = re.split(r"[\\/]", value.split(":application/")[0])
        raw = next((k for k in (classify(n) for n in names if n) if k), None)
        what = f"; its name looks like {raw}" if raw else ""
        yield src.line_hit(
            e.field_lines.get("file", e.line),
            f"{e.key}: file field with a local path (names the user's account and folders{what}); remove it",
        )
