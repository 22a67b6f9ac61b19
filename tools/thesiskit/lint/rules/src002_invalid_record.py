"""A record that does not match its schema (a missing or misspelt key, a wrong type), or an id given twice.

Why: `thesis build` validates every record in report/ (pydantic schemas) and stops on the first
invalid one, naming its file and line; the gate reports the same problems, so that a commit that
breaks the build does not pass the pre-commit hook.

Fires on: every schema error of report/study.yaml, informants.yaml, themes.yaml and the files under
quotes/, findings/, figures/ and changes/ (with the key and line), a file that is not the list of
records it should be, a record id used twice across the study, and a figure the build cannot draw
(two boxes of a graph in one place, a node id given twice). Like the build, `thesis lint`
exits 2 on it.

Does not fire on: references to other records (SRC003), the `lint:` policy (its errors stop the gate
itself, exit 2).

Fix: correct the key or value at the reported line; AUTHORING.md lists every key.

Example: `informant: fire` in a quote record (a number is expected).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "SRC002"
SEVERITY = "error"
INPUT = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the build's problems of this kind."""
    yield from hits(ctx, CODE)
