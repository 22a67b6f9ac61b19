"""Views of a chapter for the Markdown dialect rules (MKD…): code, comments and Jinja comments blanked.

Offsets stay true, so a hit's line and column are the source's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..render.floats import IMAGE
from ..render.floats import parse_attrs as float_attrs
from ..render.headings import HEADING, parse_attrs
from .source import Source, blank

_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|^(?: {4}|\t).*$|`[^`\n]+`|<!--.*?-->|\{##.*?##\}", re.S | re.M)


@lru_cache(maxsize=512)
def _blanked(text: str) -> str:
    return _CODE.sub(lambda m: blank(m.group(0)), text)


def prose(source: Source) -> str:
    """The chapter with code blocks, code spans and comments blanked."""
    return _blanked(source.text)


def headings(source: Source) -> Iterator[tuple[re.Match[str], str | None, list[str]]]:
    """Every ATX heading outside code: (match, id, classes)."""
    for m in HEADING.finditer(prose(source)):
        hid, classes, _ = parse_attrs(m.group("attrs") or "")
        yield m, hid, classes


def images(source: Source) -> Iterator[tuple[re.Match[str], bool, dict[str, str]]]:
    """Every Markdown image outside code: (match, alone in its paragraph (a figure), attributes)."""
    text = prose(source)
    lines = text.split("\n")
    for m in IMAGE.finditer(text):
        i = text.count("\n", 0, m.start())
        alone = (
            lines[i].strip() == m.group(0)
            and (i == 0 or not lines[i - 1].strip())
            and (i + 1 >= len(lines) or not lines[i + 1].strip())
        )
        yield m, alone, float_attrs(m.group("attrs") or "")[2]
