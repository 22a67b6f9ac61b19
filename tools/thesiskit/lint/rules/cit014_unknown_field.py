"""A field that the entry's type does not take, or that no BibTeX or biblatex type knows.

Why: biber (with `--validate-datamodel`) and bibtex-tidy warn, and citeproc ignores the field: a typo
such as `pulisher` or `journal` on a `@book` means the reference list lacks what the author meant to give.

Fires on (warning), for the types of BibTeX and biblatex (`@book`, `@article`, `@incollection`,
`@report`, `@thesis`, `@online`, `@misc` …):
- a field that belongs to other types only: `journal`/`journaltitle`/`issue` outside articles and
  periodicals, `booktitle` outside parts of books and proceedings, `school` outside theses;
- a field name known to no type (`auhtor`, `pulisher`); the message suggests the nearest known field.

Does not fire on: biblatex's general fields (`note`, `abstract`, `keywords`, `langid`, `urldate`, `doi` …),
fields written by reference managers (Zotero, Better BibTeX, JabRef, BibDesk, Mendeley: `file`,
`timestamp`, `groups`, `extra` …), fields set aside with the `OPT` prefix (`OPTorganization`, as BibTeX
modes and JabRef write them), the kit's `status`, `verification` and `uncited`, and types outside
the data model (`@legislation` of biblatex-apa, a style's own types).

Fix: correct the field name, or move the value into the field the type takes (`journal` → a `@book`
has `publisher`; an article in a book is `@incollection` with `booktitle`).

Example: `@book{x, …, journal = {Tidsskrift for velferdsforskning}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import process

from ...cite.fields import known_fields, unknown_field
from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT014"
SEVERITY = "warning"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report fields outside the entry type's data model."""
    src = ctx.bib_source
    if src is None:
        return
    known = known_fields()
    for e in ctx.bib.entries.values():
        for name in e.fields:
            why = unknown_field(e.type, name)
            if why is None:
                continue
            line = e.field_lines.get(name, e.line)
            if why == "not used by":
                yield src.line_hit(line, f"{e.key}: field {name} is not used by @{e.type}; citeproc ignores it")
                continue
            best = process.extractOne(name, known, score_cutoff=80)
            hint = f"; did you mean {best[0]}?" if best else ""
            yield src.line_hit(line, f"{e.key}: unknown field {name}{hint}")
