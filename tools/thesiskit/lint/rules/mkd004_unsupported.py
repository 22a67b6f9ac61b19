"""A Markdown construct that only one of the two outputs can show.

Why: the kit writes one Markdown dialect for both outputs (AUTHORING.md). The constructs below
are read by Pandoc (the PDF) but shown raw on the site, or cannot be shown in the PDF, so the two
outputs would differ.

Fires on: inline footnotes ``^[…]``; Pandoc fenced divs (a line starting with ``:::``); raw
blocks and spans for one format (``{=typst}``, ``{=latex}``, ``{=html}``); sub- and superscript
``H~2~O``, ``x^2^``; simple and multiline tables (columns of dashes without pipes); pictures
from the web (``![…](https://…)``).

Does not fire on: Quarto-style references ``@fig-…`` (CIT001 reports them as unknown keys); the same
text in code, footnotes written ``[^1]`` with ``[^1]: …`` below,
strike-through ``~~…~~``, pipe and grid tables, links to the web.

Fix: write a footnote as ``[^1]`` with its text ``[^1]: …`` on its own line; refer with
``{{ ref("fig-modell") }}``; use a pipe table (``| a | b |`` with a ``|---|---|`` row); save a
picture under docs/ and link to the file.

Example: ``Tekst^[En note.]`` → ``Tekst[^1]`` and ``[^1]: En note.`` below the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..mdtext import images, prose

if TYPE_CHECKING:
    from ..context import LintContext
    from ..source import Source

CODE = "MKD004"
SEVERITY = "error"
FILES = "markdown"
INPUTS = ()
_RAW = re.compile(r"\{=(?:typst|latex|tex|html|docx|openxml)\}")
_CONSTRUCTS = [
    (re.compile(r"\^\[(?!\^)"), "an inline footnote ^[…]: write [^1] and the note as [^1]: … below the paragraph"),
    (re.compile(r"^:{3,}[ \t]*[{\w].*$", re.M), "a Pandoc fenced div (:::): the site shows it as text"),
    (re.compile(r"(?<!~)~(?!~)[^\s~]+~(?!~)"), "subscript ~…~: the site shows it as text"),
    (re.compile(r"(?<![\^\w\[])\^(?!\[)[^\s^\]]+\^"), "superscript ^…^: the site shows it as text"),
    (re.compile(r"^ *-{3,}(?: +-{3,})+ *$", re.M), "a simple or multiline table: write it as a pipe table"),
]


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report constructs only one output can show."""
    text = prose(source)
    for rx, message in _CONSTRUCTS:
        for m in rx.finditer(text):
            yield source.hit(m.start(), m.end(), message)
    for m in _RAW.finditer(source.text):  # in a code fence's opening line, so not in prose()
        yield source.hit(m.start(), m.end(), "a raw block for one output: the other leaves it out")
    for m, _, _ in images(source):
        if re.match(r"^<?[a-z][a-z0-9+.-]*:", m.group("src"), re.I):
            message = "a picture from the web: the PDF cannot show it; save it under docs/"
            yield source.hit(m.start(), m.end(), message)
