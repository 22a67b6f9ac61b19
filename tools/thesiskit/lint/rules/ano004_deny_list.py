"""A term from the study's deny list: real names of informants, offices, places or colleagues.

Why: the author knows which real names must never appear; a list checked on every build catches a name
that slips back in through an edit, a quote or a figure.

Fires on: any word sequence in chapters, records, the free-text fields of references.bib (`note`,
`annote`, `abstract`, `keywords` …) and (with `--built`) the site and PDFs that equals a
deny-list term after normalisation (NFKC, case-folded, punctuation and runs of spaces ignored: "NAV
Hole", "nav  hole" and "Nav-Hole" are the same term).

Configure it in report/study.yaml:

    lint:
      deny:
        salt: "a-random-string"
        hashes: ["3f1c…"]       # python -m thesiskit.lint hash-term "Kari Nordmann"
        terms: ["Storgata 1"]   # only terms that are not secret themselves
        max_words: 3            # longest hashed term, in words

A hash is SHA-256 of salt, a NUL byte and the normalised term, so the list can be committed without
spelling the names out. It hides them from a reader of the repository, not from someone who guesses
candidates: with the salt in the repository, anyone can hash every municipality or a list of common
names and compare. Keep the salt out of the repository (for example in CI secrets, substituted at
check time) if that matters, and keep the list short.

Does not fire on: parts of words (`Holen` for "Hole"), strings on the allow list. A term cannot begin
or end with a common function word ("og", "i", "på", "the" …; they may stand inside: "Nore og Uvdal"),
which keeps the number of n-grams to hash small. The message names the
entry's number in the list, never the term.

Fix: replace the name with the pseudonym or a description, and record the change (without the name).

Example: `Kari sa at …` with `Kari` on the deny list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..source import Source

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO004"
SEVERITY = "error"
FILES = "anon"
INPUTS = ("deny",)


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report deny-listed terms."""
    matcher = ctx.deny_matcher
    if not matcher:
        return
    for m in matcher.find(source.anon):
        yield source.hit(m.start, m.end, f"{m.kind} (a name that must not be published)")
