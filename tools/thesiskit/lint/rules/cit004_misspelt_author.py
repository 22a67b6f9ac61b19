"""An author name that nearly matches a bibliography author but is spelt differently.

Why: a misspelt name ("Thagard" for Thagaard, "Lipskey" for Lipsky) makes the reader doubt the
reference and breaks searches; in a plain-text citation it also hides which entry is meant.

Fires on a capitalised name that is not itself a bibliography name but is close to one (rapidfuzz):
- in a citation (a plain-text citation, an author list with a year, or a name written before a
  year-only Pandoc citation `Thagard [-@thagaard2013]`, compared with that entry's authors):
  similarity ≥ 80 (≥ 90 for names of five letters or fewer), same first letter;
- in an author list whose other names and year match an entry: a name that differs from that entry's
  remaining author (similarity ≥ 60: "Kilan" for Kildal);
- anywhere else in the prose: one edit for names of six letters or more, two edits from ten letters,
  same first letter, and not sentence-initial;
- a name that differs only in accents or æ/ø/å ("Helgoy" for Helgøy).

Does not fire on: distinct real names that look alike (Hansen/Jansen, Olsen/Olsson,
Christensen/Christiansen, Berg/Berge …: the groups in `data/surname-variants.txt`, first letters that
differ, short names), common surnames (`data/common-surnames.txt`: "Johansen" is not a slip for
"Jansen"), words of an institution's name or a phrase (`Nordisk ministerråd (2018)` is not
"Nordvik"), names that occur elsewhere in references.bib (titles, publishers, editors),
municipality names, the author's and supervisor's names, and words in code or Pandoc keys.

Fix: spell the name as in references.bib (or correct the entry if the bibliography is wrong).

Example: `(Thagard, 2013, s. 60–61)` with `author = {Thagaard, Tove}` in references.bib.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..authors import Near
from ..finding import Hit
from ..plaincite import Name, names_before
from ..text import names, sentence_initial

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "CIT004"
SEVERITY = "error"
FILES = "prose"
INPUTS = ("authors",)
FIXABLE = True


def _message(near: Near) -> str:
    keys = ", ".join(w.key for w in near.works[:3])
    return f"{near.written!r} looks like a misspelling of {near.author!r} ({keys})"


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report near-miss author names."""
    authors = ctx.authors
    if not authors.works:
        return
    seen: set[int] = set()
    # 1. names in plain-text citations
    for cit in ctx.plain[source.path]:
        for work in cit.works:
            aligned = _aligned_coauthors(ctx, work.names, work.year)
            for name in work.names:
                for word, start in _words(name.text, name.start):
                    near = authors.near(word, context=True) or (
                        authors.near_coauthor(word, aligned) if aligned else None
                    )
                    if near and start not in seen:
                        seen.add(start)
                        yield source.hit(start, start + len(word), _message(near))
    # 2. a name written before a year-only Pandoc citation: "Thagard [-@thagaard2013]"
    view = source.cite
    for cluster in ctx.clusters[source.path]:
        if not cluster.items or not cluster.items[0].suppress_author:
            continue
        entry = ctx.bib.entries.get(cluster.items[0].key)
        if not entry:
            continue
        for name in names_before(view, cluster.start):
            if authors.exact(name.text) or name.start in seen:
                continue
            near = authors.near_coauthor(name.text, entry.family_names, 80.0)
            if near:
                seen.add(name.start)
                yield source.hit(name.start, name.start + len(name.text), _message(near))
    # 3. any other capitalised name in the prose (strict)
    for m in names(view):
        if m.start() in seen or sentence_initial(view, m.start()):
            continue
        for word, start in _words(m.group(0), m.start()):
            near = authors.near(word, context=False)
            if near and start not in seen:
                seen.add(start)
                yield source.hit(start, start + len(word), _message(near))


_PARTICLES = frozenset({"van", "von", "de", "der", "den", "du", "da", "di", "af", "la", "le", "og"})


def _words(name: str, start: int) -> Iterator[tuple[str, int]]:
    """The name, or for a multi-word name its capitalised words.

    A name with a lowercase word after its first (``Nordisk ministerråd``, ``Statens vegvesen``) is an
    institution or a phrase, not a person: it has no surname to misspell.
    """
    if " " not in name:
        yield name, start
        return
    words = name.split()
    if any(w[:1].islower() and w.casefold() not in _PARTICLES for w in words[1:]):
        return
    for m in re.finditer(r"\S+", name):
        if m.group(0)[:1].isupper():
            yield m.group(0), start + m.start()


def _aligned_coauthors(ctx: LintContext, written: tuple[Name, ...], year: str | None) -> list[str]:
    """Authors of the entry whose first author and year the list matches, less the names written right.

    These are the candidates for a misspelt co-author ("Helgøy, Kilan og Nilsen 2010" → Kildal).
    """
    if len(written) < 2 or not year:
        return []
    authors = ctx.authors
    first = authors.exact(written[0].text)
    if first is None:
        return []
    exact = {authors.exact(n.text) for n in written} - {None}
    for work in authors.works:
        if work.year == year[:4] and work.authors and work.authors[0].casefold() == first:
            rest = [a for a in work.authors if a.casefold() not in exact]
            if rest:
                return rest
    return []
