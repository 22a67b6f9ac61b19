"""Console output: progress for long steps on stderr, errors as ``path:line: message``."""

from __future__ import annotations

import logging
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from .errors import ThesisError

if TYPE_CHECKING:
    from rich.console import Console


class _LazyConsole:
    """rich's Console on stderr, made on first use: ``thesis lint`` need not pay for importing rich."""

    _real: Console | None = None

    def _get(self) -> Console:
        if _LazyConsole._real is None:
            from rich.console import Console

            _LazyConsole._real = Console(stderr=True, highlight=False)
        return _LazyConsole._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._get(), name, value)


console = cast("Console", _LazyConsole())
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
