"""Edits of a copied sample study, for the tests that compare builds or cache keys before and after one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Edit = Callable[[Path], None]


def replace(rel: str, old: str, new: str) -> Edit:
    """Replace the first ``old`` in the file ``rel`` of the study by ``new`` (``old`` must be there)."""

    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text, f"{rel}: {old!r} not found (the sample changed?)"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit
