"""APA 7 form of a citation in the study's language: "&" and "og"/"and", "et al.", page locators, order.

Why: the rules are easy to get almost right, and the gate must agree with what the renderer prints.
In bokmål and nynorsk the kit renders the Norsk APA-manual, in English APA 7 (``cite/style.py``).
citeproc formats Pandoc citations itself, so this rule mostly concerns citations typed as plain text
(which CIT003 also reports) and the locators written inside Pandoc citations that citeproc cannot read.

Fires on, in bokmål and nynorsk (`language: nb`/`nn`):
- "og" between authors inside parentheses (`(Larsen og Hansen, 2012)` → `(Larsen & Hansen, 2012)`), and
  "&" in running text (`Larsen & Hansen (2012)` → `Larsen og Hansen (2012)`);
- three or more authors written out (`(Larsen, Malmberg-Heimonen & Johannessen, 2012)` →
  `(Larsen et al., 2012)`), "mfl." instead of "et al." (`Larsen mfl. (2012)` → `Larsen et al. (2012)`),
  and "et al." for a work with one or two authors;
- a page locator in a plain-text citation not written "s. 45" / "s. 45–47" (`s.45`, `s 45`, `side 45`,
  `ss. 45`, `p. 45`, a hyphen or em dash in a range);
- a locator in a Pandoc citation that citeproc does not read as pages and prints as typed
  (`[@thagaard2013, ss. 60]`, `p. 60`, `s 60`, `s. 60—61`); `s. 60-61`, `s.60` and `side 60` are not
  reported, citeproc prints them "s. 60–61" and "s. 60";
- several works in one plain-text parenthesis not in alphabetical order of first author (then year).

In English (`language: en`) the same with "and" in running text and "p. 45" / "pp. 45–47" for pages
(`s. 45` is reported).

Does not fire on: Pandoc citations' author lists and order (citeproc formats and sorts them), "og" in an
institution's name (`Arbeids- og sosialdepartementet`), a work cited through another.

Fix: as each message says.

Example: `[@thagaard2013, ss. 60-61]` → `[@thagaard2013, s. 60–61]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...lang import locale_for
from ..finding import Hit
from ..plaincite import PlainWork
from ..source import Source
from ..text import fold

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT010"
SEVERITY = "warning"
FILES = "prose"
INPUTS = ("language", "authors")

_RANGE = (re.compile(r"(?<=\d)\s*(?:-|—|--)\s*(?=\d)"), "use an en dash in page ranges: {want}")
_EM_DASH = (re.compile(r"(?<=\d)\s*—\s*(?=\d)"), "citeproc does not read an em dash: write the range {want}")
_PLAIN = {
    "no": [
        (re.compile(r"(?<![\w.])s\.(?=\d)"), 'write a space after the page abbreviation: "s. 45"'),
        (re.compile(r"(?<![\w.])s (?=\d)"), 'abbreviate page as "s.": "s. 45"'),
        (
            re.compile(r"(?<![\w.])(?:sidene|sider|side|ss\.|pp?\.)\s*(?=\d)", re.I),
            'write pages as "s. 45" in Norwegian APA',
        ),
    ],
    "en": [
        (re.compile(r"(?<![\w.])pp?\.(?=\d)"), 'write a space after the page abbreviation: "p. 45"'),
        (re.compile(r"(?<![\w.])(?:s\.|s|ss\.|side|sider|sidene)\s*(?=\d)", re.I), 'write pages as "p. 45" in APA'),
    ],
}
"""Locators in plain-text citations, which nothing formats: the exact form."""
_PANDOC = {
    "no": [
        (
            re.compile(r"^\s*,?\s*(?:s (?=\d)|ss\.|pp?\.|sidene\b)", re.I),
            'citeproc does not read this as pages: "s. 45"',
        ),
    ],
    "en": [
        (
            re.compile(r"^\s*,?\s*(?:s\.|s (?=\d)|ss\.|side\b|sider\b|sidene\b)", re.I),
            'citeproc does not read this as pages: "p. 45"',
        ),
    ],
}
"""Locators in Pandoc citations that citeproc prints as typed; what it reads it formats itself."""
_WANT = {"no": '"s. 45–47"', "en": '"pp. 45–47"'}


def _locator_hits(source: Source, text: str, offset: int, kind: str, pandoc: bool) -> Iterator[Hit]:
    issues = list(_PANDOC[kind]) if pandoc else list(_PLAIN[kind])
    issues.append(_EM_DASH if pandoc else _RANGE)
    for rx, message in issues:
        for m in rx.finditer(text):
            why = message.format(want=_WANT[kind])
            yield source.hit(offset + m.start(), offset + m.end(), f"locator {text.strip()!r}: {why}")


def _authors_of(ctx: LintContext, work: PlainWork) -> int | None:
    if not work.names or not work.year:
        return None
    works = [w for w in ctx.authors.works_of(work.names[0].text) if w.year == work.year[:4]]
    return len(works[0].authors) if len(works) == 1 else None


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report APA form slips in the study's language."""
    lang = locale_for(ctx.study.language if ctx.study else "nb").lang
    kind = "en" if lang == "en" else "no"
    word = "and" if kind == "en" else "og"
    text = source.text
    for cit in ctx.plain[source.path]:
        works = [w for w in cit.works if w.names]
        for w in cit.works:
            if w.locator:
                loc = text[w.loc_start : w.loc_start + len(w.locator)]
                yield from _locator_hits(source, loc, w.loc_start, kind, pandoc=False)
        for w in works:
            if w.secondary:
                continue
            wrong = "&" if cit.narrative else word
            if wrong in w.joiners or (not cit.narrative and kind == "no" and "and" in w.joiners):
                want = word if cit.narrative else "&"
                where = "in running text" if cit.narrative else "inside parentheses"
                yield source.hit(w.names[0].start, w.year_start, f"write {want!r} between authors {where}")
            if len(w.names) >= 3:
                yield source.hit(
                    w.names[0].start,
                    w.year_start,
                    f'three or more authors: write "{w.names[0].text} et al." (APA 7), not every name',
                )
            if w.etal and "et" not in w.etal.casefold():
                yield source.hit(
                    w.names[0].start, w.year_start, f'write "et al.", not {w.etal!r} (APA 7, also in Norwegian)'
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
                    yield from _locator_hits(source, item.suffix, cluster.start + at, kind, pandoc=True)
