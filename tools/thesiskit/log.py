"""Console output: progress for long steps on stderr, errors as ``path:line: message``."""

from __future__ import annotations

import logging
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from .errors import ThesisError

console = Console(stderr=True, highlight=False)
log = logging.getLogger("thesiskit")


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a build step and how long it took."""
    t0 = time.perf_counter()
    console.print(f"[bold]→[/] {name} …", markup=True)
    yield
    console.print(f"  [green]✓[/] {name} ({time.perf_counter() - t0:.1f} s)")


def command(argv: list[str]) -> None:
    """Log an external command exactly as it is run."""
    log.debug("$ %s", shlex.join(argv))


def report_error(exc: ThesisError) -> None:
    """Print every problem of an error, one per line, without a traceback."""
    for problem in exc.problems:
        text = str(problem).removeprefix(": ")
        console.print("[red]error[/]: ", end="")
        console.print(text, markup=False, soft_wrap=True)
