"""Headings and placement: a duplicate or skipped heading, a quote or figure used twice, or a quote never used.

Why: headings are numbered and linked by id across the whole study, and every quote record stands
in one place of one chapter; the build stops when that does not hold.

Fires on: a heading id used twice in the study, a heading one level deeper than the heading above it
allows (`###` under a `#`), a quote or figure included twice, and a quote record not included in any
chapter. Like the build, `thesis lint` exits 2 on it.

Does not fire on: unnumbered headings (`{.unnumbered}`), headings without an id.

Fix: give the heading a unique id (qualify it with its parent), add the missing level, or include
the quote once (or delete the record).

Example: two headings `{#oppsummering}` in different chapters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "SRC005"
SEVERITY = "error"
INPUT = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the build's problems of this kind."""
    yield from hits(ctx, CODE)
