"""APA 7 (Norwegian) form of a citation: "&" and "og", "mfl.", page locators, order of works.

Why: the Norwegian APA 7 rules are easy to get almost right. citeproc formats Pandoc citations itself,
so this rule mostly concerns citations typed as plain text (which CIT003 also reports) and the
locators written inside Pandoc citations.

Fires on:
- "og" between authors inside parentheses (`(Larsen og Hansen, 2012)` → `(Larsen & Hansen, 2012)`), and
  "&" in running text (`Larsen & Hansen (2012)` → `Larsen og Hansen (2012)`);
- three or more authors written out (`(Larsen, Malmberg-Heimonen og Johannessen, 2012)` →
  `(Larsen mfl., 2012)`), and "mfl."/"et al." for a work with one or two authors;
- a page locator not written "s. 45" / "s. 45–47": `s.45`, `s 45`, `side 45`, `ss. 45`, `p. 45`,
  `pp. 45`, and a page range with a hyphen or em dash (`s. 45-47`) instead of an en dash, both in
  plain-text citations and in Pandoc citations (`[@thagaard2013, s. 60-61]`);
- several works in one plain-text parenthesis not in alphabetical order of first author (then year).

Does not fire on: Pandoc citations' author lists and order (citeproc formats and sorts them), "og" in an
institution's name (`Arbeids- og sosialdepartementet`), a work cited through another.

Fix: as each message says.

Example: `[@thagaard2013, s. 60-61]` → `[@thagaard2013, s. 60–61]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import LintContext
from ..finding import Hit
from ..plaincite import PlainWork
from ..source import Source
from ..text import fold

CODE = "CIT010"
SEVERITY = "warning"

_LOCATOR_ISSUES = [
    (re.compile(r"(?<![\w.])s\.(?=\d)"), 'write a space after the page abbreviation: "s. 45"'),
    (re.compile(r"(?<![\w.])s (?=\d)"), 'abbreviate page as "s.": "s. 45"'),
    (
        re.compile(r"(?<![\w.])(?:sidene|sider|side|ss\.|pp?\.)\s*(?=\d)", re.I),
        'write pages as "s. 45" in Norwegian APA',
    ),
    (re.compile(r"(?<=\d)\s*(?:-|—|--)\s*(?=\d)"), 'use an en dash in page ranges: "s. 45–47"'),
]


def _locator_hits(source: Source, text: str, offset: int) -> Iterator[Hit]:
    for rx, message in _LOCATOR_ISSUES:
        for m in rx.finditer(text):
            yield source.hit(offset + m.start(), offset + m.end(), f"locator {text.strip()!r}: {message}")


def _authors_of(ctx: LintContext, work: PlainWork) -> int | None:
    if not work.names or not work.year:
        return None
    works = [w for w in ctx.authors.works_of(work.names[0].text) if w.year == work.year[:4]]
    return len(works[0].authors) if len(works) == 1 else None


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report APA form slips."""
    for source in ctx.prose:
        text = source.text
        for cit in ctx.plain[source.path]:
            works = [w for w in cit.works if w.names]
            for w in cit.works:
                if w.locator:
                    yield from _locator_hits(source, text[w.loc_start : w.loc_start + len(w.locator)], w.loc_start)
            for w in works:
                if w.secondary:
                    continue
                joiner = "&" if cit.narrative else "og"
                if joiner in w.joiners:
                    want = "og" if cit.narrative else "&"
                    where = "in running text" if cit.narrative else "inside parentheses"
                    yield source.hit(w.names[0].start, w.year_start, f"write {want!r} between authors {where}")
                if len(w.names) >= 3:
                    yield source.hit(
                        w.names[0].start,
                        w.year_start,
                        f'three or more authors: write "{w.names[0].text} mfl." (APA 7), not every name',
                    )
                n = _authors_of(ctx, w)
                if w.etal and n is not None and n < 3:
                    yield source.hit(
                        w.names[0].start,
                        w.year_start,
                        f"{w.etal!r} is for three or more authors; this work has {n}: "
                        f"name {'both' if n == 2 else 'the author'}",
                    )
            if not cit.narrative and len([w for w in works if not w.secondary]) >= 2:
                order = [(fold(w.names[0].text), w.year or "") for w in works if not w.secondary]
                if order != sorted(order):
                    yield source.hit(
                        cit.start, cit.end, "several works in one parenthesis go in alphabetical order of first author"
                    )
        for cluster in ctx.clusters[source.path]:
            for item in cluster.items:
                if item.suffix:
                    at = cluster.text.find(item.suffix, cluster.text.find("@" + item.key))
                    if at >= 0:
                        yield from _locator_hits(source, item.suffix, cluster.start + at)
