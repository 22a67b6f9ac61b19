"""A bibliography entry that no chapter or record cites.

Why: APA lists only works cited in the text. An uncited entry is usually a leftover, a citation
that was lost in an edit, or a key that was misspelt where it was meant to be cited.

Fires on: an entry of references.bib whose key is not cited anywhere in `docs/**/*.md` or the records
(figure sources, findings, change records count).

Does not fire on: an entry that is explained, either
- in the bibliography itself, with a field `uncited = {why it stays}` (Pandoc and citeproc ignore it), or
- in `report/study.yaml` under `lint: uncited: [{key: …, reason: …}]`.
A reason is required in both places.

Fix: cite the work where it is used, delete the entry, or explain why it stays.

Example: `@book{kvale2009, …}` in references.bib and no `@kvale2009` in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "CIT002"
SEVERITY = "warning"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report entries that are neither cited nor explained."""
    if ctx.bib_source is None:
        return
    cited = {item.key for clusters in ctx.clusters.values() for c in clusters for item in c.items}
    explained = {u.key for u in ctx.config.uncited}
    for key, entry in ctx.bib.entries.items():
        if key in cited or key in explained or len(entry.fields.get("uncited", "").strip()) >= 3:
            continue
        yield ctx.bib_source.line_hit(
            entry.line,
            f"entry {key} is never cited; cite it, remove it, or explain it (field uncited = {{reason}} or "
            "lint: uncited in report/study.yaml)",
        )
