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


_steps: list[str] = []
"""The build steps under way (the innermost last), so an unexpected error can say what failed."""
_failed: list[str | None] = [None]


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a build step and how long it took."""
    t0 = time.perf_counter()
    console.print(f"[bold]→[/] {name} …", markup=True)
    _steps.append(name)
    try:
        yield
    except BaseException:
        if _failed[0] is None:
            _failed[0] = name  # the innermost step that failed, for report_crash
        raise
    finally:
        _steps.remove(name)
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


def report_crash(exc: BaseException) -> str:
    """One line for an error the kit did not expect: what failed, where, a hint and a log to report.

    The full traceback goes to a log file (never to the screen); its path is in the line. Returns it.
    """
    import os
    import tempfile
    import traceback

    doing = _failed[0] or (_steps[-1] if _steps else "running the command")
    where = _source_place(exc)
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else ""
        what = f"{exc.strerror or exc}" + (f": {name}" if name else "")
        hint = _os_hint(exc)
    elif isinstance(exc, RecursionError):
        what, hint = "input nested too deeply", "flatten the deepest list or table in the file named"
    elif isinstance(exc, MemoryError):
        what, hint = "out of memory", "an input is far larger than a thesis needs (figure, list or YAML aliases)"
    else:
        what, hint = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}", ""
    text = "".join(traceback.format_exception(exc))
    log_path = ""
    try:
        fd, log_path = tempfile.mkstemp(prefix="thesiskit-error-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"while {doing}\n{text}")
    except OSError:
        log_path = ""
    report = f"; please report this with {log_path}" if log_path and not isinstance(exc, OSError) else ""
    details = f" (details: {log_path})" if log_path and isinstance(exc, OSError) else ""
    line = f"{where + ': ' if where else ''}unexpected error while {doing.lower()}: {what}"
    line += f". Hint: {hint}" if hint else ""
    console.print("[red]error[/]: ", end="")
    console.print(line + report + details, markup=False, soft_wrap=True)
    return log_path


def _source_place(exc: BaseException) -> str:
    """``file:line`` of the innermost frame in a study's file (a chapter or template), if any."""
    import traceback

    place = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            place = f"{frame.filename}:{frame.lineno}"
    return place


def _os_hint(exc: OSError) -> str:
    import errno

    return {
        errno.ENOSPC: "the disk is full; free some space and build again",
        errno.EDQUOT: "the disk quota is used up; free some space and build again",
        errno.EACCES: "a file or folder is not writable; check its permissions (is it open in another program?)",
        errno.EPERM: "a file or folder may not be changed; check its permissions (is it open in another program?)",
        errno.EROFS: "the folder is on a read-only file system",
        errno.ENOTDIR: "a file stands where a folder should be; move it away",
        errno.EISDIR: "a folder stands where a file should be; move it away",
        errno.EEXIST: "a file stands where a folder should be; move it away",
        errno.ENAMETOOLONG: "a name is too long for the file system; shorten it",
    }.get(exc.errno or 0, "check that the study's folder is writable and the disk not full")
