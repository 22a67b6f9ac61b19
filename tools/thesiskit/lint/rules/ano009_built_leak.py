"""Personal data in the built outputs: the author in the anonymous PDF, HTML comments and meta tags, PDF metadata.

Why: the sources can be clean while the outputs leak: a template puts the author's name into the exam
submission's metadata, a Markdown comment survives into the HTML, a PDF engine writes extra metadata.

Runs only with `thesis lint --built`, on site/**/*.html and build/*.pdf (text by pypdf).

Fires on:
- `build/thesis-submission.pdf` (the anonymous exam submission): the author's full name, or family
  name as a word, anywhere in its text, its document information or its XMP metadata;
- any PDF: document information keys other than Title, Author, Subject, Keywords (descriptive) and
  Producer, Creator, CreationDate, ModDate, Trapped (technical, written by every engine and harmless),
  plus the keys listed under `lint: pdf_metadata` (the language is the catalog's /Lang, not an
  information key, and is never reported); and e-mail addresses, phone numbers or deny-listed
  terms in any metadata value;
- HTML: a comment (`<!-- … -->`) or a `<meta>` tag whose text holds an e-mail address, a phone number, a
  fødselsnummer, a deny-listed term, or an informant named by number ("informant 3").

The page text of the site and PDFs is checked by ANO001–ANO004 as well.

Does not fire on: the author's name in the public edition (build/thesis.pdf, the site), comments without
personal data, meta tags such as description, generator or citation_* with public values.

Fix: remove the data from the template or source it came from (a Markdown comment, a template, the
PDF engine's settings) and rebuild.

Example: `/Author (Kari Nordmann)` in build/thesis-submission.pdf.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..detect import DenyMatcher, emails, national_ids, phones
from ..finding import Hit

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO009"
SEVERITY = "error"
BUILT = True

ALLOWED_PDF_KEYS = frozenset(
    {"Title", "Author", "Subject", "Keywords", "Producer", "Creator", "CreationDate", "ModDate", "Trapped"}
)
SUBMISSION = "build/thesis-submission.pdf"
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_INFORMANT = re.compile(r"\binformant(?:en)?\s+(?:nr\.?\s*)?\d{1,2}\b", re.I)


def personal(text: str, deny: DenyMatcher) -> str | None:
    """What personal data ``text`` holds, or None."""
    for finder in (emails, phones, national_ids):
        for m in finder(text):
            return m.kind
    if deny:
        for m in deny.find(text):
            return m.kind
    if _INFORMANT.search(text):
        return "an informant's number"
    return None


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report leaks in the built site and PDFs."""
    deny = DenyMatcher(ctx.config.deny)
    allowed = ALLOWED_PDF_KEYS | set(ctx.config.pdf_metadata)
    study = ctx.study
    for pdf in ctx.pdfs:
        src = pdf.source
        for key, value in sorted(pdf.info.items()):
            if key not in allowed:
                yield src.line_hit(
                    1,
                    f"PDF metadata /{key} is not needed (allowed: title, author, subject, keywords and technical "
                    "fields, and lint: pdf_metadata); remove it",
                )
            kind = personal(value, deny)
            if kind:
                yield src.line_hit(1, f"PDF metadata /{key} holds {kind}")
        if src.path == SUBMISSION and study is not None:
            full = study.author.name
            family = study.author.family
            rx = re.compile(rf"(?<!\w){re.escape(full)}(?!\w)|(?<!\w){re.escape(family)}(?!\w)", re.I)
            for m in rx.finditer(src.text):
                yield src.hit(m.start(), m.end(), "the author's name in the anonymous exam submission")
                break
            for key, value in pdf.info.items():
                if rx.search(value):
                    yield src.line_hit(1, f"the author's name in the submission's metadata /{key}")
            if pdf.xmp and rx.search(pdf.xmp):
                yield src.line_hit(1, "the author's name in the submission's XMP metadata")
    for src in ctx.built_html:
        for m in _COMMENT.finditer(src.text):
            kind = personal(m.group(1), deny)
            if kind:
                yield src.hit(m.start(), m.end(), f"HTML comment holds {kind}; remove the comment from the source")
        for m in _META.finditer(src.text):
            kind = personal(m.group(0), deny)
            if kind:
                yield src.hit(m.start(), m.end(), f"<meta> tag holds {kind}")
