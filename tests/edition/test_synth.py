"""A synthetic study twice the size of this edition (tests/bench/synth.py, what ``make bench`` builds
at 3× and 10×) passes the gate: every id, key and page mark of the copy resolves."""

from __future__ import annotations

from pathlib import Path

from ..bench.synth import make_synthetic
from ..bench.test_synth import assert_valid
from .conftest import REPO


def test_twice_this_edition_is_a_valid_study(tmp_path: Path) -> None:
    root = tmp_path / "study"
    make_synthetic(REPO, root, 2)
    assert_valid(root, tmp_path)
