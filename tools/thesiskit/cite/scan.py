"""Find Pandoc citations in Markdown, with their positions (pure functions, no Pandoc run)."""

from __future__ import annotations

import re
from dataclasses import dataclass

KEY = r"\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*"
_BRACKET = re.compile(
    r"(?P<start>^[ \t]{0,3})?\[(?P<body>[^\[\]\n]*?(?<![\w@])-?@" + KEY + r"[^\[\]]*?)\](?![(\[{])(?P<colon>:)?",
    re.M,
)
"""``[@key, s. 4]``; followed by ``:`` too (Pandoc reads ``[@key]: …`` in a sentence as a citation),
except at the start of a line, where ``[@key]: target`` is a link reference definition."""
_BARE = re.compile(r"(?<![\w@\[;\-])@(?P<key>" + KEY + r")(?:\s\[(?P<loc>[^\[\]\n@]*)\](?![(\[]))?")
_ITEM_KEY = re.compile(r"(?<![\w@])(?P<minus>-?)@(?P<key>" + KEY + ")")
_MASKS = [
    re.compile(r"^(```|~~~).*?^\1", re.S | re.M),  # fenced code
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"<!--.*?-->", re.S),  # HTML comments
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.S),  # Jinja
    re.compile(r"<https?://[^>]+>|https?://\S+"),  # URLs
]


@dataclass(frozen=True)
class Item:
    """One cited work inside a cluster."""

    key: str
    prefix: str
    suffix: str
    suppress_author: bool


@dataclass(frozen=True)
class Cluster:
    """A citation as written: ``[@a, s. 4; @b]`` (parenthetical) or ``@a [s. 4]`` (narrative)."""

    start: int
    end: int
    text: str
    items: tuple[Item, ...]
    narrative: bool
    line: int
    column: int


def _blank(m: re.Match[str]) -> str:
    """Spaces for every character of a match but its newlines."""
    return "\n".join(" " * len(part) for part in m.group(0).split("\n"))


def mask(text: str) -> str:
    """Blank out code, comments, Jinja and URLs, keeping offsets (so positions stay true)."""
    for rx in _MASKS:
        text = rx.sub(_blank, text)
    return text


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _items(body: str) -> tuple[Item, ...]:
    items = []
    for part in body.split(";"):
        m = _ITEM_KEY.search(part)
        if not m:
            continue
        suffix = part[m.end() :].strip()
        items.append(
            Item(
                key=m.group("key"),
                prefix=part[: m.start()].strip(),
                suffix=suffix[1:].strip() if suffix.startswith(",") else suffix,
                suppress_author=bool(m.group("minus")),
            )
        )
    return tuple(items)


def scan(text: str) -> list[Cluster]:
    """Every citation cluster in ``text``, in order."""
    masked = mask(text)
    clusters: list[Cluster] = []
    taken: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(masked):
        if m.group("colon") and m.group("start") is not None:
            continue  # a link reference definition
        items = _items(m.group("body"))
        if items:
            start, end = m.start("body") - 1, m.end("body") + 1
            line, col = _position(text, start)
            clusters.append(Cluster(start, end, text[start:end], items, False, line, col))
            taken.append((start, end))
    for m in _BARE.finditer(masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        loc = (m.group("loc") or "").strip()
        line, col = _position(text, m.start())
        item = Item(m.group("key"), "", loc, False)
        clusters.append(Cluster(m.start(), m.end(), text[m.start() : m.end()], (item,), True, line, col))
    clusters.sort(key=lambda c: c.start)
    return clusters
