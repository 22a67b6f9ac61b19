"""The build's own checks as findings: problems of :func:`study.read_study` and :func:`study.build_checks`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .context import LintContext
from .finding import Hit


def hits(ctx: LintContext, code: str) -> Iterator[Hit]:
    """A hit for every problem of the build that belongs to ``code`` (see :func:`study.code_of`)."""
    for found, problem in ctx.source_problems:
        if found == code:
            path = ctx.project.rel(Path(problem.path)) if Path(problem.path).is_absolute() else problem.path
            yield Hit(path, problem.line or 1, 1, problem.message)
