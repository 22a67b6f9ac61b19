"""A Norwegian fødselsnummer or D-number with a valid checksum (and bank account numbers).

Why: a national identity number identifies a person uniquely and is sensitive in itself.

Fires on: eleven digits (`01019012345`, or `010190 12345`) that pass the fødselsnummer/D-number
check digits (`stdnum.no.fodselsnummer`). Numbers written as bank accounts (`1234.56.78903`,
`1234 56 78903`) are classified as a fødselsnummer first (every valid fødselsnummer also passes the
account check), and otherwise reported as an account number when they pass `stdnum.no.kontonr`.
Checked in chapters, records and the free-text fields of references.bib (`note`, `annote`,
`abstract`, `keywords` …), and with `--built` in the site and PDFs.

Does not fire on: eleven-digit numbers with a wrong check digit, longer digit runs (ISBN-13, phone
numbers with country code), numbers inside words or codes.

Fix: remove it; nothing in a thesis needs it.

Example: a consent form pasted into an appendix with the signer's fødselsnummer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..detect import national_ids
from ..finding import Hit
from ..source import Source

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO003"
SEVERITY = "error"
FILES = "anon"
INPUTS = ()


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report national identity and account numbers."""
    for m in national_ids(source.anon):
        yield source.hit(m.start, m.end, f"{m.kind} (valid checksum); remove it")
