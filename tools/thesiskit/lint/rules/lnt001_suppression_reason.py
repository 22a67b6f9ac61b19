"""An inline suppression without a reason, or one that cannot be read.

Why: a suppression silences the gate for one place; the reason is what lets a reviewer (or the author,
a year later) check that it was right. Without one, the suppression does not take effect.

Fires on: `<!-- thesis: ignore CODE -->` (Markdown) or `# thesis: ignore CODE` (YAML) without
`reason="…"` (at least three characters), and any `thesis:` directive that does not parse
(e.g. a misspelt keyword or a missing code).

Does not fire on: `<!-- thesis: ignore ANO006 reason="Bergen er universitetets by, ikke studiestedet" -->`.

Fix: add the reason, or fix the directive. Codes may be separated by commas: `ignore ANO005, ANO006`.

Example: `<!-- thesis: ignore ANO006 -->` → `<!-- thesis: ignore ANO006 reason="offentlig adresse" -->`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..registry import registry

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "LNT001"
SEVERITY = "error"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report directives without reasons, unreadable ones and ones with unknown codes."""
    for bad in ctx.malformed:
        yield Hit(bad.path, bad.line, bad.column, bad.message, bad.start, bad.start + 1)
    codes = registry()
    for s in ctx.suppressions:
        unknown = [c for c in s.codes if not any(k.startswith(c) for k in codes)]
        if unknown:
            yield Hit(
                s.path,
                s.line,
                s.column,
                f"unknown rule code {', '.join(unknown)} in a suppression",
                s.start,
                s.start + 1,
            )
