"""A bibliography entry without the fields its type requires, or with an invalid ISBN or DOI.

Why: citeproc prints what is there; a book without publisher or a chapter without its book title
gives an incomplete APA reference, and a wrong ISBN or DOI points to another work or nowhere.

Fires on:
- a missing required field (alternatives in brackets count):

  | type | required |
  | --- | --- |
  | article | author, title, journal [journaltitle], year [date] |
  | book | author [editor], title, publisher, year [date] |
  | incollection | author, title, booktitle, publisher, year [date] |
  | inbook | author [editor], title, booktitle [chapter, pages], year [date] |
  | inproceedings | author, title, booktitle, year [date] |
  | phdthesis, mastersthesis, thesis | author, title, school [institution], year [date] |
  | techreport, report | author [institution], title, institution [publisher], year [date] |
  | online, electronic, www | title, url, year [date, urldate] |
  | misc, unpublished, legislation, manual, booklet | title |
  | collection, proceedings | title, year [date] |

- an `isbn` that fails the ISBN-10/ISBN-13 check digit (python-stdnum); several ISBNs separated by
  commas, semicolons or spaces (as Zotero writes them) are each checked, and a qualifier such as
  `(pbk.)` or `(Print)` is ignored;
- an ISSN in the `isbn` field (`isbn = {1939-2176(Electronic),0022-0663(Print)}`): it belongs in `issn`;
- a `doi` that is not of the form `10.NNNN/suffix` (a `https://doi.org/` prefix is accepted).

Does not fire on: unknown entry types (no requirements), empty optional fields.

Fix: add the field, or correct the ISBN/DOI from the publisher's record.

Example: `@book{bukve2012, author = {Bukve, Oddbjørn}, title = {Lokal forvaltning}, year = {2012}}` (no
publisher).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...cite.ids import isbns
from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT007"
SEVERITY = "warning"

_YEAR = "year|date"
REQUIRED: dict[str, list[str]] = {
    "article": ["author", "title", "journal|journaltitle", _YEAR],
    "book": ["author|editor", "title", "publisher", _YEAR],
    "incollection": ["author", "title", "booktitle", "publisher", _YEAR],
    "inbook": ["author|editor", "title", "booktitle|chapter|pages", _YEAR],
    "inproceedings": ["author", "title", "booktitle", _YEAR],
    "phdthesis": ["author", "title", "school|institution", _YEAR],
    "mastersthesis": ["author", "title", "school|institution", _YEAR],
    "thesis": ["author", "title", "school|institution", _YEAR],
    "techreport": ["author|institution", "title", "institution|publisher", _YEAR],
    "report": ["author|institution", "title", "institution|publisher", _YEAR],
    "online": ["title", "url", "year|date|urldate"],
    "electronic": ["title", "url", "year|date|urldate"],
    "www": ["title", "url", "year|date|urldate"],
    "misc": ["title"],
    "unpublished": ["title"],
    "legislation": ["title"],
    "manual": ["title"],
    "booklet": ["title"],
    "collection": ["title", _YEAR],
    "proceedings": ["title", _YEAR],
}
_DOI = re.compile(r"10\.\d{4,9}/\S+")


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report incomplete entries and invalid identifiers."""
    src = ctx.bib_source
    if src is None:
        return
    for e in ctx.bib.entries.values():
        missing = [
            alt.replace("|", " or ")
            for alt in REQUIRED.get(e.type, [])
            if not any(e.fields.get(f, "").strip() for f in alt.split("|"))
        ]
        if missing:
            yield src.line_hit(e.line, f"@{e.type} {e.key} lacks {', '.join(missing)}")
        for number in isbns(e.fields.get("isbn", "")):
            line = e.field_lines.get("isbn", e.line)
            if number.kind == "invalid":
                yield src.line_hit(line, f"{e.key}: invalid ISBN {number.written!r}")
            elif number.kind == "issn":
                yield src.line_hit(
                    line, f"{e.key}: {number.written!r} is an ISSN, not an ISBN; move it to the issn field"
                )
        doi = e.fields.get("doi", "").strip()
        if doi:
            bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
            if not _DOI.fullmatch(bare):
                yield src.line_hit(
                    e.field_lines.get("doi", e.line), f"{e.key}: invalid DOI {doi!r} (expected 10.NNNN/…)"
                )
