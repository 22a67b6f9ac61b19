"""A reference to a record or heading that does not exist: a quote, figure, finding, theme, informant or heading id.

Why: `thesis build` stops on each of these: `{{ quote("for-sentt") }}` for a quote that is not in
report/quotes/ cannot be printed, and a finding whose discussion names a heading id that no heading has
cannot link to it.

Fires on:
- in chapters: `quote()`, `figure()` or `finding()` with an unknown id, `ref()` to a heading id that no
  heading has;
- in records: a quote whose `informant` is not in informants.yaml or whose `section` is no heading id,
  a finding naming an unknown quote or theme or a `source`/`discussion` that is no heading id, a figure
  edge naming an unknown node.

Chapters are rendered as the build renders them (for the site and the PDF) to find these, with the
file and line the build reports. Like the build, `thesis lint` exits 2 on it.

Does not fire on: citation keys (CIT001), references to files (`ref("vedlegg/1.md")`).

Fix: correct the id, or add the record or heading it names.

Example: `{{ quote("for-sentt") }}` when the quote is `for-sent`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "SRC003"
SEVERITY = "error"
INPUT = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the build's problems of this kind."""
    yield from hits(ctx, CODE)
