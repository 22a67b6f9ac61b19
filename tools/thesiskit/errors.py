"""The kit's exceptions. Front ends turn them into exit codes; library code only raises them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, printed as ``path:line: message``."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ThesisError(Exception):
    """Base class of every error the kit raises on purpose."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", None, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p).lstrip(": ") for p in problems))


class InputError(ThesisError):
    """A source file (chapter, record, bibliography, configuration) is invalid."""

    @classmethod
    def at(cls, path: Path | str, line: int | None, message: str) -> InputError:
        """Build an error for one place."""
        return cls([Problem(str(path), line, message)])


class ToolError(ThesisError):
    """An external engine (Pandoc, Typst, MkDocs) failed or is missing."""


class GateError(ThesisError):
    """The lint gate found errors, so nothing is published."""

    exit_code = 1
