"""The word "ibid." in the text: APA 7 has no ibid.

Why: APA 7 repeats the citation instead of writing "ibid", and in a web edition "ibid" points to
whatever came before on the page, which changes when text moves.

Fires on: "ibid", "ibid.", "Ibid", "ibidem" as a word in chapters and records (outside code and
comments), in plain text and inside Pandoc citations.

Does not fire on: the word quoted or emphasised as a word («ibid», "ibid.", ‘ibid’, *ibid*), or named as
a word ("ordet ibid", "forkortelsen ibid.", "the word ibid"), a quote's `attribution` ("Ibid" as printed in
the original is kept there on purpose and
resolved through the informant number), the `original` and `note` of change records, and words that only
contain the letters ("ibidum").

Fix: replace it with the citation it stands for (`[@thagaard2013, s. 58]`), and record the change.

Example: `(ibid, s. 224)` → `[@nav2015, s. 224]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "CIT009"
SEVERITY = "warning"
FILES = "prose"
INPUTS = ()
FIXABLE = True
_IBID = re.compile(r"(?<![\w-])(?:ibid(?:em)?)\b\.?", re.I)
_OPEN = "«\"“‘'‹„"
_CLOSE = "»\"”’'›“"
_MENTION = re.compile(
    r"\b(?:ordet|ord|uttrykket|forkortelsen|forkortinga|betegnelsen|henvisningen|henvisninga|the\s+word|"
    r"the\s+abbreviation|the\s+term|(?:skrive|skriv|skriver|bruke|bruk|bruker|brukes|written|write|use|using))"
    r"\s*[:«\"“‘']?\s*$",
    re.I,
)
"""Words right before "ibid" that show it is talked about, not used as a citation ("ordet ibid", "skrive ibid")."""


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report every ibid."""
    if "ibid" not in source.cite.casefold():
        return
    for m in _IBID.finditer(source.cite):
        before, after = source.cite[max(0, m.start() - 40) : m.start()], source.cite[m.end() : m.end() + 2]
        if (before[-1:] in _OPEN and after[:1] in _CLOSE) or (before[-1:] in "*_" and after[:1] in "*_"):
            continue  # the word mentioned, not used: «ibid» er erstattet, *ibid*
        if _MENTION.search(before):
            continue  # ordet ibid, the abbreviation ibid.
        yield source.hit(
            m.start(), m.end(), f"{m.group(0)!r}: APA 7 has no ibid; repeat the citation it stands for"
        )
