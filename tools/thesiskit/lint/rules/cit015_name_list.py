r"""An author or editor list that BibTeX splits differently from what was meant.

Why: BibTeX, biber and citeproc separate names with ` and ` only. `Hansen, Kari, Olsen, Per` is one
name with too many commas to them (biber: "Too many commas"), and a name ending in a comma has an empty
part; the reference list then shows a garbled first author, or none.

Fires on (warning), in `author` and `editor`:
- names separated by commas (`Hansen, Kari, Olsen, Per`, `Kari Hansen, Per Olsen`);
- a name ending in a comma (`Hansen, Kari,`).

Does not fire on: `Last, First`, `First Last`, `von Last, Jr, First`, `and others`, corporate names in
braces (`{Norsk senter for forskningsdata}`, `{{NAV}}`), biblatex's extended name format
(`family=Buuren, given=Stef, prefix=van, useprefix=false`), LaTeX escapes (`M{\"u}ller`).

Fix: join names with ` and ` (`Hansen, Kari and Olsen, Per`); put an institution in braces.

Example: `author = {Hansen, Kari, Olsen, Per}` → `author = {Hansen, Kari and Olsen, Per}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...cite.bib import NAME_FIELDS
from ...cite.names import parse_names
from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT015"
SEVERITY = "warning"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report name lists BibTeX cannot split as meant."""
    src = ctx.bib_source
    if src is None:
        return
    for e in ctx.bib.entries.values():
        for name in NAME_FIELDS:
            value = e.raw.get(name, "")
            for note in parse_names(value).notes if value else ():
                yield src.line_hit(e.field_lines.get(name, e.line), f"{e.key}: {name}: {note}")
