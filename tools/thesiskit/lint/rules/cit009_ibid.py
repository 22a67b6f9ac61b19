"""The word "ibid." in the text: APA 7 has no ibid.

Why: APA 7 repeats the citation instead of writing "ibid", and in a web edition "ibid" points to
whatever came before on the page, which changes when text moves.

Fires on: "ibid", "ibid.", "Ibid", "ibidem" as a word in chapters and records (outside code and
comments), in plain text and inside Pandoc citations.

Does not fire on: the word quoted as a word («ibid»), a quote's `attribution` ("Ibid" as printed in
the original is kept there on purpose and
resolved through the informant number), the `original` and `note` of change records, and words that only
contain the letters ("ibidum").

Fix: replace it with the citation it stands for (`[@thagaard2013, s. 58]`), and record the change.

Example: `(ibid, s. 224)` → `[@nav2015, s. 224]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import LintContext
from ..finding import Hit

CODE = "CIT009"
SEVERITY = "warning"
FIXABLE = True
_IBID = re.compile(r"(?<![\w-])(?:ibid(?:em)?)\b\.?", re.I)


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report every ibid."""
    for source in ctx.prose:
        if "ibid" not in source.cite.casefold():
            continue
        for m in _IBID.finditer(source.cite):
            if source.cite[m.start() - 1 : m.start()] in ("«", '"', "“") and source.cite[m.end() : m.end() + 1] in (
                "»",
                '"',
                "”",
            ):
                continue  # the word mentioned, not used: «ibid» er erstattet
            yield source.hit(
                m.start(), m.end(), f"{m.group(0)!r}: APA 7 has no ibid; repeat the citation it stands for"
            )
