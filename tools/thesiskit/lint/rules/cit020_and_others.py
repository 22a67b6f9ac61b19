"""An author or editor list in the bibliography that ends with `and others`.

Why: APA lists every author up to 20 in the reference list; it never prints "et al." there
(Norsk APA-manual: "I referanselista skal navnet til alle forfatterne være med"). citeproc renders
`and others` as "et al." in the list ("Andreassen, T. A. et al. (Red.)"), which an examiner reads as
a slip. In the text "et al." comes by itself for three or more authors.

Fires on: an `author`, `editor` or `translator` field of references.bib whose last name is `others`
(any case).

Does not fire on: complete name lists, however long.

Fix: give the names (from the title page or a library catalogue such as Oria). If they cannot be
found, keep `others` and say so in the entry's `verification` field; the warning stays as a reminder.

Example: `editor = {Andreassen, Tone Alm and others}` → `editor = {Andreassen, Tone Alm and Fossestøl, Knut}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT020"
SEVERITY = "warning"

_OTHERS = re.compile(r"\band\s+others\s*$", re.I)


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report name lists ending in `and others`."""
    if ctx.bib_source is None:
        return
    for e in ctx.bib.entries.values():
        for name in ("author", "editor", "translator"):
            value = " ".join(e.fields.get(name, "").split())
            if _OTHERS.search(value):
                yield ctx.bib_source.line_hit(
                    e.field_lines.get(name, e.line),
                    f'entry {e.key}: the {name} list ends with "and others", which the reference list prints as'
                    ' "et al."; APA gives every name there: add the missing names',
                )
