"""Result values: a rule reports a :class:`Hit`; the engine turns it into a :class:`Finding`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Level = Literal["error", "warning", "off"]


@dataclass(frozen=True, order=True)
class Finding:
    """One finding of the gate, printed as ``path:line:col: CODE message``."""

    path: str
    """Path relative to the project (posix)."""
    line: int
    """1-based line (for a PDF: the page)."""
    column: int
    """1-based column."""
    rule: str
    """Rule code, e.g. ``CIT001``."""
    severity: str
    """``error`` or ``warning`` (after configuration)."""
    message: str
    """What is wrong and how to fix it."""
    internal: bool = False
    """The rule itself failed here (a bug in the kit, exit 2); ``message`` says how."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.rule} {self.message}"


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a place and a message. Code and severity are added by the engine."""

    path: str
    line: int
    column: int
    message: str
    start: int | None = None
    """Offset of the match in the source text (lets the allow list and suppressions see it)."""
    end: int | None = None
    """Offset just after the match."""
