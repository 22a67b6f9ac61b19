"""An author–year citation written as plain text instead of Pandoc syntax.

Why: only Pandoc citations are checked against references.bib, formatted by citeproc (APA 7, Norwegian
locale) and linked to the reference list. A citation typed by hand is none of these, and it is where
misspelt names and wrong years hide.

Fires on, outside code, comments and Pandoc citations:
- a parenthesis that holds author–year works: `(Thagaard, 2013, s. 45)`, `(Opstad 2013)`,
  `(Larsen, Malmberg-Heimonen og Johannessen, 2012)`, `(Bukve, 2012; Thagaard, 2013)`,
  `(Helgøy og Ravneberg 2003 referert i Helgøy mfl. 2010)`, when it names a bibliography author or
  has the shape of a citation (a comma before the year, a page locator, several names or "mfl.");
- a name or author list followed by a year in parentheses: `Mintzberg (1983)`, `Bukve (2012, s. 45)`,
  `Christensen mfl. (2015)`, `Thagaard (ibid)`, and a group author written as one compound word
  (`Utdanningsdirektoratet (2021) har gitt føringer`, `Arbeidsdepartementet (2019)`).

Does not fire on: a figure's `alt` text (read aloud by screen readers, where Pandoc cannot cite),
`(NOU 2004: 13)`, `(Lov 2009-12-18 nr. 131)`, `St.meld. nr. 9 (2006–2007)`, dates
such as `(juni 2017)`, `NAV-reformen (2006)` and other definite nouns with a year
(`Perspektivmeldinga (2017)`), a bare `(ibid)` (that is CIT009), and the secondary-citation prefix inside
a Pandoc citation (`[Helgøy og Ravneberg 2003 referert i @helgoy2010]`).

Fix: write the citation in Pandoc syntax: `[@thagaard2013, s. 45]`, `@bukve2012`, `@bukve2012 [s. 45]`;
the message suggests the key when the bibliography has one work of that author and year.

Example: `… et strategisk utvalg (Thagaard, 2013, s. 60–61).` → `… et strategisk utvalg [@thagaard2013, s. 60–61].`
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..authors import AuthorIndex
from ..finding import Hit
from ..plaincite import PlainCitation, PlainWork

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "CIT003"
SEVERITY = "error"
FILES = "prose"
INPUTS = ("authors",)
FIXABLE = True

_DEFINITE = re.compile(
    r"(?:reformen|meldinga|meldingen|loven|lova|utvalget|utredningen|rapporten|avtalen|tinget|departementet|"
    r"direktoratet|kontoret|kontorene|etaten|valget|planen|strategien|prosjektet|forskriften|budsjettet|"
    r"proposisjonen|vedtaket|undersøkelsen|evalueringen|året|krigen|krisen|pandemien|kommunen|fylket|staten|"
    r"regjeringen|perioden|studien|boka|boken|artikkelen|intervjuene|masteroppgaven)$"
)

_GROUP = re.compile(
    r"\w(?:direktoratet|departementet|tilsynet|etaten|forbundet|rådet|senteret|instituttet|byrået|"
    r"namnda|nemnda|ombudet)$"
)
"""A group author: one compound word naming an institution ("Utdanningsdirektoratet (2021)"), not a definite
noun that only refers back ("Direktoratet (2021)", "NAV-reformen (2006)")."""


def is_known(authors: AuthorIndex, work: PlainWork) -> bool:
    """Whether a work names a bibliography author (exactly or nearly)."""
    return any(authors.exact(n.text) or authors.near(n.text, context=True) for n in work.names)


def citation_shaped(authors: AuthorIndex, cit: PlainCitation, text: str) -> bool:
    """Whether a plain citation is a citation for CIT003 (see the rule's documentation)."""
    works = [w for w in cit.works if not w.ibid or w.names]
    if not works:
        return False
    if any(is_known(authors, w) for w in works):
        return True
    for w in works:
        if w.locator or w.etal or len(w.names) > 1:
            return True
        if not cit.narrative and re.search(r",\s*$", text[w.names[-1].start : w.year_start]):
            return True
        first = w.names[0].text.casefold()
        if cit.narrative and not w.ibid and (_GROUP.search(first) or not _DEFINITE.search(first)):
            return True
    return False


def suggestion(authors: AuthorIndex, work: PlainWork, narrative: bool) -> str:
    """``[@key, s. N]`` (or ``@key [s. N]``) when the first author and year identify one entry."""
    if not work.names or not work.year:
        return ""
    name = work.names[0].text
    near = authors.near(name, context=True)
    candidates = authors.works_of(near.author if near else name)
    keys = [w.key for w in candidates if w.year == work.year[:4]]
    if len(keys) != 1:
        return ""
    loc = work.locator.strip() if work.locator else ""
    if narrative:
        return f"@{keys[0]} [{loc}]" if loc else f"@{keys[0]}"
    return f"[@{keys[0]}, {loc}]" if loc else f"[@{keys[0]}]"


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report plain-text citations."""
    view = ctx.plain_views[source.path]
    for cit in ctx.plain[source.path]:
        if not citation_shaped(ctx.authors, cit, view) or source.key_at(cit.start)[-1:] == ("alt",):
            continue
        written = " ".join(source.text[cit.start : cit.end].split())
        hints = [s for s in (suggestion(ctx.authors, w, cit.narrative) for w in cit.works) if s]
        hint = f": {'; '.join(hints)}" if hints else " (e.g. [@key, s. N] or @key)"
        yield source.hit(cit.start, cit.end, f"plain-text citation {written!r}; write it in Pandoc syntax{hint}")
