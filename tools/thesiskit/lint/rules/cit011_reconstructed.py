"""A bibliography entry marked as reconstructed (`status = {reconstructed}`).

Why: when the original reference list is missing or incomplete, an entry may be rebuilt from the
citations in the text. Until it is checked against the work itself (title page, publisher, ISBN), the
edition should say so, and the gate keeps reminding.

Fires on: every entry whose `status` field is `reconstructed` (any case).

Does not fire on: entries without `status`, or with another status (e.g. `status = {verified}`).

Fix: verify the entry against the work (or a library catalogue such as Oria or BIBSYS), correct it, and
remove the field or set `status = {verified}`.

Example: `@book{opstad2013, …, status = {reconstructed}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT011"
SEVERITY = "warning"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report reconstructed entries."""
    if ctx.bib_source is None:
        return
    for e in ctx.bib.entries.values():
        if e.reconstructed:
            yield ctx.bib_source.line_hit(
                e.field_lines.get("status", e.line), f"entry {e.key} is reconstructed; verify it against the work"
            )
