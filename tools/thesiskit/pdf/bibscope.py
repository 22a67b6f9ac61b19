"""What of references.bib one page's Typst can depend on: the part of the bibliography in its cache key.

Pandoc's citeproc renders a citation from the cited entry and from what it knows of the other cited
entries: the Norsk APA-manual (``cite/styles/norsk-apa-manual-thesiskit.csl``) disambiguates
(``disambiguate-add-names``, ``disambiguate-add-givenname`` with ``givenname-disambiguation-rule=
"primary-name"``, which CSL 1.0.2 applies to every cite whose first name is ambiguous, and
``disambiguate-add-year-suffix``, whose letters follow the reference list's sort: author, date,
status, title). So a page that cites something is keyed by the *signature* of every entry the
document cites: each field that can reach a citation, its own or another entry's. That is every
field but ``DETAIL`` (the fields only an entry's own reference-list line shows; a ``number`` counts
where it is a Lovdata identifier, which makes ``cite/styles/norsk-apa.lua`` write the law in lower
case in running text), and the whole entry where its citation is not simply its authors and year:
an entry without ``author`` (APA then cites the editor or the title), of a type APA cites otherwise
(laws entered as such, letters: not ``PLAIN_TYPES``), or one that may share its citation with
another cited entry (an author's word and a year in common: then its title orders the letters a,
b, …). The site's citations are reused by the same signature (``cite/reuse.py``).

An edit of an entry nothing cites changes no page's key; a DOI or a title of a cited entry changes
only the reference list's (keyed by every cited entry whole), an author or a year every page that
cites something. A page that cites nothing does not depend on the bibliography at all. Where the
file is not plain, the whole text stands in (:func:`bib_scope` gives None): a syntax error, a
duplicate key or undefined macro, or an entry that takes fields from another (``crossref``,
``xdata``, ``xref``, ``ids``, ``related``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..cache import cache_key
from ..cite.bib import BibEntry, Bibliography

DETAIL = frozenset(
    {
        "title", "subtitle", "titleaddon", "shorttitle", "journal", "journaltitle", "journalsubtitle",
        "booktitle", "booksubtitle", "booktitleaddon", "maintitle", "mainsubtitle", "maintitleaddon",
        "eventtitle", "issuetitle", "venue", "volume", "volumes", "number", "issue", "pages", "pagetotal",
        "edition", "series", "chapter", "part", "publisher", "location", "address", "institution",
        "organization", "school", "howpublished", "url", "urldate", "doi", "isbn", "issn", "eprint",
        "eprinttype", "eprintclass", "note", "addendum", "abstract", "annotation", "keywords", "file",
    }
)  # fmt: skip
"""Fields APA shows only in the entry's own reference-list line (given an author and a plain type)."""

PLAIN_TYPES = frozenset(
    {
        "article", "book", "mvbook", "inbook", "bookinbook", "suppbook", "booklet", "collection",
        "mvcollection", "incollection", "suppcollection", "manual", "misc", "online", "electronic", "www",
        "periodical", "proceedings", "mvproceedings", "inproceedings", "conference", "reference",
        "mvreference", "inreference", "report", "techreport", "thesis", "phdthesis", "mastersthesis",
        "unpublished", "dataset", "software",
    }
)  # fmt: skip
"""Entry types APA cites by author and year (not laws, cases, letters or interviews)."""

BORROWING = frozenset({"crossref", "xdata", "xref", "ids", "related", "entrysubtype"})
"""Fields that bring in another entry's fields, another key or another CSL type: the whole file is keyed."""

_LAW = re.compile(r"[LF]O[VR]-\d{4}-\d\d-\d\d-\d")
"""A Lovdata identifier (LOV-…, FOR-…), as ``norsk-apa.lua`` recognises a law by its ``number``."""
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class BibScope:
    """The parsed bibliography, for the parts of it that a page's key holds."""

    entries: dict[str, BibEntry]
    _signatures: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False, repr=False)
    """Each signature made, by its keys: every page of a document asks for the same one."""

    def part(self, cites: list[str], every: list[str], refs: bool) -> str:
        """The part of the bibliography in the key of a page citing ``cites`` (``every``: all cited keys).

        The reference list (``refs``) depends on every cited entry whole.
        """
        if refs:
            return cache_key("refs", *(self.whole(k) for k in every))
        if not cites:
            return ""
        return cache_key("page", self.signature(every))

    def signature(self, every: list[str]) -> str:
        """What of the cited entries can change another entry's citation (see the module's docstring)."""
        made = self._signatures.get(tuple(every))
        if made is None:
            made = self._signatures[tuple(every)] = self._signature(every)
        return made

    def _signature(self, every: list[str]) -> str:
        cited = [self.entries[k] for k in every if k in self.entries]
        marks = [(_words(e), _years(e)) for e in cited]
        parts = []
        for n, e in enumerate(cited):
            shared = any(m != n and marks[n][0] & w and marks[n][1] & y for m, (w, y) in enumerate(marks))
            whole = shared or e.type not in PLAIN_TYPES or not e.raw.get("author", "").strip()
            fields = e.raw if whole else {f: v for f, v in e.raw.items() if f not in DETAIL or _reaches(e, f)}
            parts.append(json.dumps([e.key, e.type, sorted(fields.items())], ensure_ascii=False))
        return cache_key(*parts, *(self.whole(k) for k in every if k not in self.entries))

    def whole(self, key: str) -> str:
        """The entry as Pandoc reads it; for a key not in the file, every entry (Pandoc may match it otherwise)."""
        e = self.entries.get(key)
        if e is None:
            return cache_key(key, *(self.whole(k) for k in sorted(self.entries)))
        return json.dumps([key, e.type, sorted(e.raw.items())], ensure_ascii=False)


def bib_scope(bib: Bibliography) -> BibScope | None:
    """The scope, or None where the whole text must be keyed (the file is not plain; see the docstring)."""
    if bib.problems or bib.duplicates or bib.undefined or bib.stray:
        return None
    if any(BORROWING & e.raw.keys() for e in bib.entries.values()):
        return None
    return BibScope(bib.entries)


def _reaches(e: BibEntry, name: str) -> bool:
    """Whether a field of ``DETAIL`` reaches the entry's citation all the same: a law's Lovdata number."""
    return name == "number" and bool(_LAW.match(e.fields.get("number", "").strip()))


def _words(e: BibEntry) -> set[str]:
    """The words of the authors' names (any of them may be the one a citation shows first)."""
    return {w.casefold() for w in _WORD.findall(e.fields.get("author", ""))}


def _years(e: BibEntry) -> set[str]:
    """The years an entry's citation may show ("" for none: "u.å." is shared by all such entries)."""
    found = set(_YEAR.findall(" ".join(e.fields.get(f, "") for f in ("date", "year", "origdate"))))
    return found or {""}
