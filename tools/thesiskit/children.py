"""The build's child processes (Pandoc, Typst): each run with a deadline, all killed when the build stops."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

from .log import command

_running: set[subprocess.Popen[str]] = set()
_stops = [0]


def timeout(variable: str, default: float = 600) -> float:
    """Seconds a child may take, from the environment variable ``variable`` (e.g. THESISKIT_TYPST_TIMEOUT)."""
    try:
        value = float(os.environ.get(variable, default))
    except ValueError:
        return default
    return value if value > 0 else default


def spawn(argv: list[str], *, cwd: Path | None = None) -> subprocess.Popen[str]:
    """Start ``argv`` with text pipes (UTF-8) on stdin, stdout and stderr, logged and killed when the build stops."""
    command(argv)
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=cwd,
    )
    _running.add(proc)
    return proc


def run_child(
    argv: list[str], *, limit: float, stdin: str | None = None, cwd: Path | None = None
) -> tuple[int, str, str]:
    """Run ``argv``; return (exit code, stdout, stderr).

    After ``limit`` seconds the child is killed and ``subprocess.TimeoutExpired`` raised.
    """
    proc = spawn(argv, cwd=cwd)
    try:
        out, err = proc.communicate(stdin, timeout=limit)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    finally:
        _running.discard(proc)
    return proc.returncode, out, err


def discard(proc: subprocess.Popen[str]) -> None:
    """Forget ``proc`` (it has ended): :func:`stop_children` no longer kills it."""
    _running.discard(proc)


def stops() -> int:
    """How many times :func:`stop_children` ran: a child that ended while this count moved was stopped, not broken."""
    return _stops[0]


def stop_children() -> None:
    """Kill every child still running (the build was told to stop)."""
    _stops[0] += 1
    for proc in list(_running):
        with contextlib.suppress(OSError):
            proc.kill()
