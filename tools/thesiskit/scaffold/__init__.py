"""``thesis new DIR``: a minimal study that builds at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import InputError

STARTER = Path(__file__).resolve().parent / "study"


def new_study(directory: Path) -> Path:
    """Copy the starter study into ``directory`` (which must not exist or be empty)."""
    if directory.exists() and any(directory.iterdir()):
        raise InputError.at(directory, None, "folder exists and is not empty; choose a new folder")
    shutil.copytree(STARTER, directory, dirs_exist_ok=True)
    return directory
