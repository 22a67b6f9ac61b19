"""An inline suppression that suppresses nothing.

Why: a suppression left behind after the text was fixed would silently excuse the next slip in the same
paragraph. Removing stale ones keeps the list of excused places honest.

Fires on (warning): a `thesis: ignore CODE` directive whose code ran in this lint and reported nothing
in the lines the directive covers.

Does not fire on: suppressions of rules that did not run (deselected with `--select`/`--ignore`, turned
off in the configuration, or needing `--built`), and directives that LNT001 reports.

Fix: delete the directive (or move it to the line it was meant for).

Example: `<!-- thesis: ignore ANO006 reason="…" -->` above a paragraph that no longer names a place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "LNT002"
SEVERITY = "warning"
AFTER = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report suppressions that matched no finding (runs after the other rules)."""
    for s in ctx.suppressions:
        ran = [c for c in s.codes if any(code.startswith(c) for code in ctx.selected)]
        unused = [c for c in ran if c not in s.used]
        if unused:
            yield Hit(
                s.path,
                s.line,
                s.column,
                f"suppression of {', '.join(unused)} matches no finding; remove it",
                s.start,
                s.start + 1,
            )
