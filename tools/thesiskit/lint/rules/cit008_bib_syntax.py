"""A BibTeX syntax error in references.bib.

Why: the broken entry is lost, so every citation of it fails, and parsers disagree on what follows it.

Fires on: a block bibtexparser cannot read (a missing brace, comma or quote, a value without
delimiters, a field given twice), reported at the line where the block starts. Parsing resumes after the
broken block, so the other rules still check the rest of the file. Also a missing comma between two
fields (`url = {…pdf}` then `keywords = {…}` on the next line), which bibtexparser would swallow into the
first value and biber and bibtex-tidy report, at the line of the second field.

Does not fire on: repeated keys (that is CIT006), missing fields (CIT007), undefined macros (CIT012),
`@` between entries (CIT013).

Fix: repair the entry at the reported line; an editor that matches braces helps.

Example: `author = {Thagaard, Tove,` (no closing brace) — the entry is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT008"
SEVERITY = "error"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the blocks the parser gave up on."""
    if ctx.bib_source is None:
        return
    for problem in ctx.bib.problems:
        yield ctx.bib_source.line_hit(problem.line or 1, problem.message)
