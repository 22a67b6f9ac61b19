"""An `@` outside the entries of references.bib, which BibTeX, biber and pybtex read as the start of an entry.

Why: BibTeX has no comment syntax outside entries: everything between entries is ignored *except* `@`,
which starts an entry. A `%` line is a comment only to some parsers (bibtexparser, Pandoc), so a line
such as `% types only where needed (@legislation for the law)` breaks the file for BibTeX, biber,
pybtex and MyST, which then report an error or lose the next entry.

Fires on: `@` followed by a word in text between entries, including `%` lines.

Does not fire on: `@` inside an entry's values (e-mail addresses, handles), `@comment{…}` blocks.

Fix: remove the `@` from the comment, or reword it ("the type legislation").

Example: `% biblatex types (@legislation for the one law)` → `% biblatex types (legislation for the one law)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT013"
SEVERITY = "error"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report stray @ signs between entries."""
    if ctx.bib_source is None:
        return
    for problem in ctx.bib.stray:
        yield ctx.bib_source.line_hit(problem.line or 1, problem.message)
