"""The same bibliography entry twice: a repeated key (compared case-insensitively) or the same work.

Why: BibTeX and Biber treat keys case-insensitively, so `Thagaard2013` and `thagaard2013` clash; and
two entries for one work print it twice in the reference list and split its citations.

Fires on:
- a key that repeats an earlier key, exactly or up to case;
- two entries with the same DOI, or the same ISBN (for whole books, not chapters of one book), or the same
  normalised title (case, accents, punctuation and braces ignored) and year.

Titles are compared as printed: LaTeX decoded and braces removed (`{II}. {E}vent-related` is
`{II}. Event-related`).

Does not fire on: titles in square brackets (placeholders for works not yet identified), chapters
(`incollection`, `inbook`, `inproceedings`) that share their book's ISBN, chapters of one book
written as classic `@inbook` with a `chapter` field, numbered parts of a series or multi-volume work
(different `volume`, `number`, `part` or `issue`), and different works with the same title in
different years.

Fix: keep one entry and change citations of the other key to it.

Example: `@book{thagaard2013, …}` and `@book{Thagaard2013, …}`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...cite.bib import BibEntry
from ...cite.ids import isbns
from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT006"
SEVERITY = "error"
_PARTS = {"incollection", "inbook", "inproceedings", "article"}


def _doi(value: str) -> str:
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", value.strip(), flags=re.I).casefold()


_WORD = re.compile(r"\w+")
_PART_FIELDS = ("chapter", "volume", "number", "part", "issue")
"""What tells parts of one work apart: chapters of a book (classic ``@inbook``), volumes of a series."""


def _norm(value: str) -> str:
    text = value.casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


def _title(entry: BibEntry) -> str:
    """The normalised title, with the chapter, volume or number that makes a part of a work its own entry."""
    title = _norm(entry.fields.get("title", ""))
    parts = [f"{f}={_norm(entry.fields[f])}" for f in _PART_FIELDS if entry.fields.get(f, "").strip()]
    return "|".join([title, *parts]) if title else ""


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report duplicate keys and duplicate works."""
    src = ctx.bib_source
    if src is None:
        return
    entries = sorted([*ctx.bib.entries.values(), *ctx.bib.duplicates], key=lambda e: e.line)
    seen_key: dict[str, BibEntry] = {}
    seen_work: dict[tuple[str, str], BibEntry] = {}
    for e in entries:
        first = seen_key.get(e.key.casefold())
        if first is not None:
            how = "the same key" if first.key == e.key else f"the key {first.key} up to case"
            yield src.line_hit(e.line, f"duplicate entry {e.key}: {how} (line {first.line}); keys are case-insensitive")
            continue
        seen_key[e.key.casefold()] = e
        ids = []
        if e.fields.get("doi"):
            ids.append(("DOI", _doi(e.fields["doi"])))
        if e.fields.get("isbn") and e.type not in _PARTS and not any(e.fields.get(f) for f in _PART_FIELDS):
            ids += [("ISBN", i.isbn13) for i in isbns(e.fields["isbn"]) if i.isbn13]  # invalid ones: CIT007
        title = _title(e)
        if title and e.year and not e.fields.get("title", "").strip().startswith("["):
            ids.append(("title and year", f"{title}|{e.year}"))
        for kind, value in ids:
            other = seen_work.get((kind, value))
            if other is not None and other.key != e.key:
                yield src.line_hit(
                    e.line, f"entry {e.key} is the same work as {other.key} (line {other.line}): same {kind}"
                )
                break
            seen_work.setdefault((kind, value), e)
