"""Tests of this repository's edition (the 2019 NAV study), apart from the kit's tests.

They skip, with the reason, when the repository holds another study (a fork for a new thesis).
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO

EDITION_TITLE = "Elementer av betydning for et likeverdig samarbeid mellom stat og kommune ved det lokale NAV-kontor"


def _is_this_study() -> bool:
    study = REPO / "report" / "study.yaml"
    return study.is_file() and EDITION_TITLE in study.read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if _is_this_study():
        return
    skip = pytest.mark.skip(reason="report/study.yaml is not the NAV study this edition's tests are for")
    for item in items:
        if "tests/edition/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(skip)
