"""A phone number (Norwegian, or international with a country code).

Why: a phone number identifies its owner as surely as a name.

Fires on: numbers written as phone numbers that libphonenumber (the `phonenumbers` package,
`Leniency.VALID`, region NO) accepts as valid: eight digits (`41234567`), groups `41 23 45 67` or
`412 34 567`, with or without `+47`/`0047`, and `+CC …` numbers of other countries. No-break, narrow and
thin spaces are read as spaces first.
Checked in chapters, records and the free-text fields of references.bib (`note`, `annote`,
`abstract`, `keywords` …), and with `--built` in the site and PDFs.

Does not fire on: years and year ranges, page ranges, dates (`11.01.17`), law references
(`lov 18. desember 2009 nr. 131`, `LOV-2009-12-18-131`), case numbers (`2017/1234`), ISBNs, project
and organisation numbers (`974 760 673`), amounts (`kr 45 000 000`, `45000000 kroner`), fødselsnummer
(11 digits; ANO003), and strings on the allow list.

Fix: remove the number or replace it with "[telefonnummer fjernet]" and record the change; an office's
public switchboard can go on the allow list with a reason.

Example: `ring meg på 412 34 567` → `ring meg på [telefonnummer fjernet]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..detect import phones
from ..finding import Hit
from ..source import Source

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO002"
SEVERITY = "error"
FILES = "anon"
INPUTS = ()


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report phone numbers."""
    for m in phones(source.anon):
        yield source.hit(m.start, m.end, "phone number; remove it or put a public number on the allow list")
