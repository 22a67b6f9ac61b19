"""A chapter or template whose Jinja fails to render: a syntax error, an undefined name, a wrong call.

Why: `thesis build` renders every chapter through Jinja (StrictUndefined) for the site and the PDF,
and stops on the first error; the gate renders them the same way, so that it fails where the build
fails.

Fires on: `{{ quote("x") ` without its closing braces, `{% if %}` without `{% endif %}`, a name that is
not defined (`{{ qoute("x") }}`), a helper called with the wrong arguments, and errors in the study's
own templates/ (a template that does not parse or fails while rendering). Like the build, `thesis
lint` exits 2 on it.

Does not fire on: unknown record ids (SRC003), Markdown that is merely odd.

Fix: correct the Jinja at the reported line; chapters use `{{ … }}` and `{% … %}`, comments `{## … ##}`.

Example: `{{ quote("kjekk-jobb" }}` (a missing parenthesis).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "SRC004"
SEVERITY = "error"
INPUT = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the build's problems of this kind."""
    yield from hits(ctx, CODE)
