"""A value in references.bib that uses a `@string` macro defined nowhere.

Why: BibTeX and biber warn and print an empty value (or the macro's name); bibtexparser and Pandoc keep
the bare name, so `publisher = gyldendal` silently becomes "gyldendal" in one tool and nothing in another.

Fires on: an unquoted, unbraced word in a field value (alone or joined with `#`) that is neither a
number, a month macro (`jan` … `dec`), nor defined by an earlier `@string{name = …}`.

Does not fire on: numbers (`year = 2019`), month macros, macros defined by `@string` (case-insensitively,
as BibTeX compares them), values in braces or quotes.

Fix: put the value in braces (`publisher = {Gyldendal}`), or define the macro with `@string` before its use.

Example: `address = oslo` with no `@string{oslo = {Oslo}}` → `address = {Oslo}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT012"
SEVERITY = "error"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report undefined macros."""
    if ctx.bib_source is None:
        return
    for problem in ctx.bib.undefined:
        yield ctx.bib_source.line_hit(problem.line or 1, problem.message)
