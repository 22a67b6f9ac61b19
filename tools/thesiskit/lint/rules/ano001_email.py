"""An e-mail address in the text, the records or the built outputs.

Why: an address names a person (or an office) and lets anyone contact them; informants, colleagues and
the author's own private address must not be published.

Fires on: anything of the form `name@domain.tld` in chapters, records (including code, comments and
change records), the free-text fields of references.bib (`note`, `annote`, `abstract`, `keywords`,
`file` …), and with `--built` in the site's HTML and the PDFs' text.

Does not fire on: Pandoc citation keys (`[@thagaard2013]`), reserved example domains (`example.com`,
`*.example`, `*.invalid`, `*.test`), and strings on the allow list (`lint: allow` in report/study.yaml,
e.g. an institution's public address, with a reason).

Fix: remove the address or replace it with "[e-postadresse fjernet]", and record the change; if it
is an institution's public address, put it on the allow list with the reason.

Example: `Kontakt meg på kari.nordmann@example.no` → `Kontakt meg på [e-postadresse fjernet]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..detect import emails
from ..finding import Hit
from ..source import Source

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO001"
SEVERITY = "error"
FILES = "anon"
INPUTS = ()


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report e-mail addresses."""
    for m in emails(source.anon):
        yield source.hit(m.start, m.end, "e-mail address; remove it or put a public address on the allow list")
