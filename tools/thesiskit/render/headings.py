"""Heading numbers (1, 1.1, 1.1.1 …) across chapters, and the index of heading ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError, Problem

_FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t]*(?:\{(?P<attrs>[^{}]*)\})?[ \t]*$", re.M)
"""An ATX heading with optional ``{#id .class}`` attributes (groups: hashes, title, attrs)."""


@dataclass(frozen=True)
class Heading:
    """A heading of the study: its id, number (empty when unnumbered), title and page."""

    id: str
    level: int
    number: str
    title: str
    page: str
    line: int

    @property
    def label(self) -> str:
        """Number and title, as shown."""
        return f"{self.number} {self.title}".strip()


def parse_attrs(attrs: str) -> tuple[str | None, list[str], list[str]]:
    """Split ``#id .class key=value`` into id, classes and the other parts."""
    hid, classes, rest = None, [], []
    for part in attrs.split():
        if part.startswith("#"):
            hid = part[1:]
        elif part == "-":  # Pandoc's shorthand for .unnumbered
            classes.append("unnumbered")
        elif part.startswith("."):
            classes.append(part[1:])
        else:
            rest.append(part)
    return hid, classes, rest


EDITION_ONLY = "edition-only"
"""Class of a page's first heading that keeps the page out of the exam submission (``# Om … {.edition-only}``)."""


def edition_only(markdown: str) -> bool:
    """Whether the page's first heading (outside code) is marked ``.edition-only``."""
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else HEADING.match(line)
        if m:
            return EDITION_ONLY in parse_attrs(m.group("attrs") or "")[1]
    return False


class HeadingNumberer:
    """Numbers headings page after page in reading order; collects every heading by id."""

    def __init__(self) -> None:
        self.counters = [0] * 6
        self.headings: dict[str, Heading] = {}
        self.problems: list[Problem] = []

    def number(self, text: str, page: str, *, source: str) -> str:
        """Return ``text`` with numbers put in front of its numbered headings."""
        out = []
        fenced = False
        for n, line in enumerate(text.split("\n"), 1):
            if _FENCE.match(line):
                fenced = not fenced
            m = None if fenced else HEADING.match(line)
            if not m:
                out.append(line)
                continue
            level = len(m.group("hashes"))
            title = m.group("title")
            hid, classes, _ = parse_attrs(m.group("attrs") or "")
            number = ""
            if "unnumbered" not in classes:
                self.counters[level - 1] += 1
                for deeper in range(level, 6):
                    self.counters[deeper] = 0
                if any(c == 0 for c in self.counters[: level - 1]):
                    self.problems.append(
                        Problem(source, n, f"heading level {level} under no level-{level - 1} heading: {title!r}")
                    )
                number = ".".join(str(c) for c in self.counters[:level])
            if hid:
                if hid in self.headings:
                    first = self.headings[hid]
                    self.problems.append(
                        Problem(source, n, f"duplicate heading id {hid!r} (also in docs/{first.page})")
                    )
                self.headings[hid] = Heading(hid, level, number, title, page, n)
            attrs = m.group("attrs")
            if attrs and "-" in attrs.split():  # one spelling for both outputs (the site's reads no "-")
                attrs = " ".join("." + "unnumbered" if a == "-" else a for a in attrs.split())
                line = f"{m.group('hashes')} {title} {{{attrs}}}"
            if number:
                line = f"{m.group('hashes')} {number} {title}" + (f" {{{attrs}}}" if attrs else "")
            out.append(line)
        return "\n".join(out)

    def check(self) -> None:
        """Raise the problems found so far."""
        if self.problems:
            raise InputError(self.problems)
