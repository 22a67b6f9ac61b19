"""Source texts with offset → line/column maps, and the masked views rules read."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .finding import Hit

Kind = str  # "markdown" | "record" | "bib" | "html" | "pdf"


@dataclass(frozen=True)
class Source:
    """One input file with its views.

    ``cite`` and ``anon`` are same-length views of ``text`` with the parts that a citation rule or an
    anonymity rule must not read blanked out (offsets stay true).
    """

    path: str
    kind: Kind
    text: str
    cite: str = ""
    anon: str = ""
    record: str | None = None
    """For a file under report/: its folder or stem (``quotes``, ``changes``, ``informants`` …)."""
    pages: tuple[int, ...] = ()
    """For a PDF: offsets where each page's text starts (then ``line`` is the page)."""
    spans: tuple[tuple[int, int, tuple[str | int, ...]], ...] = ()
    """For a YAML file: (start, end, key path) of every string value."""
    _lines: list[int] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._lines.extend([0, *(m.end() for m in re.finditer("\n", self.text))])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; for a PDF, (page, 1)."""
        if self.pages:
            return bisect_right(self.pages, offset), 1
        i = bisect_right(self._lines, offset) - 1
        return i + 1, offset - self._lines[i] + 1

    def hit(self, start: int, end: int, message: str) -> Hit:
        """A hit at ``text[start:end]``."""
        line, col = self.position(start)
        return Hit(self.path, line, col, message, start, end)

    def line_hit(self, line: int, message: str) -> Hit:
        """A hit at the start of a 1-based line."""
        start = self._lines[min(max(line, 1), len(self._lines)) - 1]
        return Hit(self.path, line, 1, message, start, start)

    def key_at(self, offset: int) -> tuple[str | int, ...]:
        """The YAML key path of the string value holding ``offset`` (empty if none)."""
        for start, end, key in self.spans:
            if start <= offset < end:
                return key
        return ()


def blank(text: str) -> str:
    """Spaces for every character but newlines (keeps offsets and lines)."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(part) for part in text.split("\n"))


def blank_matches(text: str, rx: re.Pattern[str]) -> str:
    """``text`` with every match of ``rx`` blanked."""
    return rx.sub(lambda m: blank(m.group(0)), text)
