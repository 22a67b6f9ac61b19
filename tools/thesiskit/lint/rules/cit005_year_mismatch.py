"""A year in a plain-text citation that matches no work of that author in references.bib.

Why: "Christensen mfl. (2012)" when the bibliography only has Christensen et al. 2015 sends the reader
to a work that does not exist: either the year or the entry is wrong.

Fires on: a plain-text citation, narrative or parenthetical (`Czarniawska (2005)`,
`(Czarniawska, 2005, s. 3)`), whose first author is the first author of one or more entries, none of
them from that year. Author lists with "mfl.", "m.fl.", "et al.", "og" and "&" are read; the first
author decides. A misspelt first author is matched as CIT004 would match it.

Does not fire on: authors that are not first authors in the bibliography, "u.å." (no date), a work cited
through another (`Helgøy og Ravneberg 2003 referert i …`), Pandoc citations (their year comes from the
entry), and years followed by a letter that the entry has (`2018a`).

Fix: correct the year, or cite the right entry in Pandoc syntax.

Example: `Czarniawska (2005) sin sosialkonstruktivisme …` with only `czarniawska2015` in references.bib.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "CIT005"
SEVERITY = "error"
FILES = "prose"
INPUTS = ("authors",)


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report plain-text citations with a year the author has no work from."""
    authors = ctx.authors
    for cit in ctx.plain[source.path]:
        for work in cit.works:
            if work.ibid or work.secondary or not work.names or not work.year or not work.year[0].isdigit():
                continue
            first = work.names[0].text
            works = authors.works_of(first)
            if not works:
                near = authors.near(first, context=True)
                works = authors.works_of(near.author) if near else []
            if not works or any(w.year == work.year[:4] for w in works):
                continue
            have = ", ".join(sorted({f"{w.year or 'u.å.'} ({w.key})" for w in works}))
            yield source.hit(
                work.year_start,
                work.year_start + len(work.year),
                f"{first} {work.year}: references.bib has no work by {first} from {work.year[:4]}; it has {have}",
            )
