"""A heading with a hand-typed number.

Why: the kit numbers headings itself, the same in the site and the PDF; a number typed into the
heading is printed twice ("2.1 2.1 Utvalg") and goes wrong as soon as a section moves.

Fires on: a numbered heading (not ``.unnumbered`` or ``{-}``) whose text starts with a section
number: "2.1 Utvalg", "3.2.1. Intervju", "4 Funn", "4. Funn".

Does not fire on: unnumbered headings (an appendix's "1. Innledende spørsmål" is kept as printed),
headings that start with a year or another long number ("2019-reformen"), headings in code.

Fix: delete the number and let the kit number the heading; if the heading must keep its printed
number, make it unnumbered.

Example: ``## 2.1 Utvalg {#utvalg}`` → ``## Utvalg {#utvalg}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..mdtext import headings

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "MKD002"
SEVERITY = "error"
FILES = "markdown"
INPUTS = ()
_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.?)(?=\s+\S)")


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report numbered headings whose text starts with a section number."""
    for m, _, classes in headings(source):
        if "unnumbered" in classes:
            continue
        title = m.group("title")
        n = _NUMBER.match(title)
        if n:
            start = m.start("title")
            yield source.hit(
                start,
                start + n.end(),
                f"heading {title!r} starts with a hand-typed number {n.group(0)!r}: the kit numbers headings",
            )
