"""Inline suppressions: ``<!-- thesis: ignore ANO006 reason="…" -->`` in Markdown, ``# thesis: ignore …`` in YAML.

In Markdown, a directive on a line of its own covers the next paragraph (up to a blank line); at the
end of a line it covers that line. In YAML, a comment line covers the next node (the next line and
the lines indented below it); at the end of a line it covers that line.
"""

from __future__ import annotations

import re

from .context import Malformed, Suppression
from .source import Source

_MD = re.compile(r"<!--\s*thesis\s*:(?P<body>.*?)-->", re.S)
_YAML = re.compile(r"(?:^|(?<=\s))#\s*thesis\s*:(?P<body>[^\n]*)", re.M)
_BODY = re.compile(
    r"\s*ignore\s+(?P<codes>[A-Za-z]{3}\d{0,3}(?:\s*,\s*[A-Za-z]{3}\d{0,3})*)"
    r"(?:\s+reason\s*=\s*(?P<q>[\"“”«'])(?P<reason>.*?)[\"“”»'])?\s*",
    re.S,
)


def parse(source: Source) -> tuple[list[Suppression], list[Malformed]]:
    """The suppressions of one source file, and the directives that are malformed."""
    if source.kind not in ("markdown", "record"):
        return [], []
    rx = _MD if source.kind == "markdown" else _YAML
    lines = source.text.split("\n")
    good: list[Suppression] = []
    bad: list[Malformed] = []
    for m in rx.finditer(source.text):
        line, col = source.position(m.start())
        body = _BODY.fullmatch(m.group("body"))
        if not body:
            bad.append(
                Malformed(
                    source.path,
                    line,
                    col,
                    m.start(),
                    'cannot read this directive; write thesis: ignore CODE reason="why"',
                )
            )
            continue
        reason = (body.group("reason") or "").strip()
        codes = tuple(c.strip().upper() for c in body.group("codes").split(","))
        if len(reason) < 3:
            bad.append(
                Malformed(
                    source.path,
                    line,
                    col,
                    m.start(),
                    f'suppression of {", ".join(codes)} needs a reason: reason="why it is fine"',
                )
            )
            continue
        own_line = not lines[line - 1][: col - 1].strip()
        if not own_line:
            first = last = line
        elif source.kind == "markdown":
            first, last = _paragraph(lines, line + m.group(0).count("\n"))
        else:
            first, last = _node(lines, line)
        good.append(Suppression(source.path, line, col, codes, reason, first, last, m.start()))
    return good, bad


def _paragraph(lines: list[str], after: int) -> tuple[int, int]:
    """1-based lines of the paragraph after line ``after`` (blank lines before it skipped)."""
    i = after
    while i < len(lines) and not lines[i].strip():
        i += 1
    first = i + 1
    while i < len(lines) and lines[i].strip():
        i += 1
    return first, max(first, i)


def _node(lines: list[str], line: int) -> tuple[int, int]:
    """1-based lines of the YAML node after a comment line: the next line and the lines indented below it."""
    i = line
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
        i += 1
    if i >= len(lines):
        return line, line
    first = i + 1
    indent = len(lines[i]) - len(lines[i].lstrip())
    i += 1
    while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
        i += 1
    return first, i
