"""A citation key that is not in references.bib.

Why: Pandoc prints an unknown key as "???" (or the bare key) and leaves it out of the reference list,
so the reader cannot find the work.

Fires on: every `@key` in a Pandoc citation (`[@key]`, `@key`, `[-@key]`) in `docs/**/*.md` and in the
records (for example a figure's `source`, a change's `edition`) whose key is not an entry of
references.bib. When the key differs from an existing key only in case, the message says so; a
Quarto cross-reference (`@sec-metode`, `@fig-modell`) gets a message with the kit's syntax for it.
A citation followed by a colon (`[@key]: …` in a sentence) is a citation too, as Pandoc reads it.

Does not fire on: e-mail addresses (`post@nsd.no`), keys in code, comments and Jinja calls.

Fix: correct the key (Better BibTeX style: `thagaard2013`), or add the entry to references.bib.

Example: `[@thagard2013, s. 45]` with only `thagaard2013` in the bibliography.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import process

from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "CIT001"
SEVERITY = "error"
FILES = "prose"
INPUTS = ("bib",)
_QUARTO = re.compile(r"(?:sec|fig|tbl|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|nte|apx)-")


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report citation keys missing from the bibliography."""
    keys = ctx.bib.entries.keys()
    folded = {k.casefold(): k for k in keys}  # in the order of references.bib: the same answer every run
    for cluster in ctx.clusters[source.path]:
        for item in cluster.items:
            if item.key in keys:
                continue
            offset = cluster.start + max(cluster.text.find("@" + item.key), 0)
            hint = ""
            if _QUARTO.match(item.key):
                hint = (
                    f"; @{item.key} looks like a Quarto cross-reference: here a heading is referred to with "
                    '{{ ref("heading-id") }} and a figure is placed and numbered with {{ figure("id") }}'
                )
            elif item.key.casefold() in folded:
                hint = f"; keys are case-sensitive: did you mean @{folded[item.key.casefold()]}?"
            elif keys:
                best = process.extractOne(item.key, sorted(keys), score_cutoff=85)
                hint = f"; did you mean @{best[0]}?" if best else ""
            where = "there is no references.bib" if ctx.bib_source is None else "not in references.bib"
            yield source.hit(offset, offset + len(item.key) + 1, f"citation key @{item.key}: {where}{hint}")
