"""ISBNs as bibliographies write them: several in one field, Zotero's space-separated lists, ISSNs by mistake."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_QUALIFIER = re.compile(
    r"\s*[\[(][^\])]*[\])]\s*|\s+(?:pbk|hbk|hardback|paperback|print|electronic|ebook|e-book)\.?\s*$", re.I
)


@dataclass(frozen=True)
class Isbn:
    """One number of an ``isbn`` field: as written, and what it is."""

    written: str
    kind: str
    """``isbn`` (valid), ``issn`` (a valid ISSN in the wrong field) or ``invalid``."""
    isbn13: str = ""
    """The ISBN as ISBN-13 without hyphens (for comparing), if valid."""


@functools.lru_cache(maxsize=16384)
def isbns(value: str) -> tuple[Isbn, ...]:
    """Every number in an ``isbn`` field (commas, semicolons or, as Zotero writes them, spaces between)."""
    from stdnum import isbn as stdisbn  # here: python-stdnum loads ssl, which a cached run does not need
    from stdnum import issn as stdissn

    out: list[Isbn] = []
    for part in re.split(r"[,;]", value):
        written = part.strip()
        bare = _QUALIFIER.sub(" ", written).strip()
        if not bare:
            continue
        if stdisbn.is_valid(bare):
            out.append(Isbn(written, "isbn", _isbn13(bare)))
            continue
        pieces = bare.split()
        if len(pieces) > 1 and all(stdisbn.is_valid(p) for p in pieces):
            out += [Isbn(p, "isbn", _isbn13(p)) for p in pieces]
            continue
        if len(pieces) > 1 and all(stdisbn.is_valid(p) or stdissn.is_valid(p) for p in pieces):
            out += [Isbn(p, "isbn", _isbn13(p)) if stdisbn.is_valid(p) else Isbn(p, "issn") for p in pieces]
            continue
        out.append(Isbn(written, "issn" if stdissn.is_valid(bare) else "invalid"))
    return tuple(out)


def _isbn13(value: str) -> str:
    from stdnum import isbn as stdisbn

    return str(stdisbn.to_isbn13(stdisbn.compact(value))).replace("-", "")
