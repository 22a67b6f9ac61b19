"""A source file the build cannot read, or a setting in mkdocs.yml that names a missing file.

Why: `thesis build` stops here (exit 2), so the gate and the pre-commit hook must stop too, at the
same file and line.

Fires on: a chapter, record, references.bib or mkdocs.yml that is not UTF-8; YAML that does not
parse (a syntax error, a key given twice, a bad tag); mkdocs.yml that is not a mapping, a `nav` that
is not a list or names a file that does not exist, `extra_css`, `extra_javascript`, `theme.logo`,
`theme.favicon` or `hooks` naming a missing file; a path in mkdocs.yml (`extra_css`, `extra_javascript`,
`theme.logo`, `theme.favicon`, `theme.custom_dir`, `INHERIT`, `docs_dir`, `site_dir`, `hooks`, `watch`)
or a record (a figure's `file`, `front_page`) that leads outside the study's folder. Like the build,
`thesis lint` exits 2 on it, after printing every finding.

Does not fire on: a study without report/ (the gate then checks the chapters and references.bib alone;
the build asks for report/study.yaml), BibTeX syntax errors (CIT008).

Fix: as the message says: save the file as UTF-8, repair the YAML at the line, or correct the name.

Example: `nav: [{Metode: 03-metode.md}]` with no docs/03-metode.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..problems import hits

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "SRC001"
SEVERITY = "error"
INPUT = True


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report the build's problems of this kind."""
    yield from hits(ctx, CODE)
