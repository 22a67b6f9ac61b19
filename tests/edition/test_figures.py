"""The edition's seven figures (report/figures) get the kit's figure checks (tests/figures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.figures import test_figure_svg as kit
from thesiskit.figures.svg import width_share
from thesiskit.records.schema import Figure, InformantsFile

from .conftest import REPO

REAL_FILES = sorted((REPO / "report" / "figures").glob("*.yaml"))
INFORMANTS = kit._informants(REPO / "report")
REAL = [(f"real-{p.stem}", kit._figure(p), INFORMANTS) for p in REAL_FILES]
CHECKS: list[Callable[[str, Figure, InformantsFile | None], None]] = [
    kit.test_labels_fit_their_boxes,
    kit.test_geometry,
    kit.test_svg_is_accessible_xml,
]


def test_real_figures_all_present() -> None:
    assert len(REAL_FILES) == 7
    assert INFORMANTS is not None


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("test_"))
@pytest.mark.parametrize(("name", "fig", "inf"), REAL, ids=[name for name, *_ in REAL])
def test_kit_checks(
    check: Callable[[str, Figure, InformantsFile | None], None], name: str, fig: Figure, inf: InformantsFile | None
) -> None:
    check(name, fig, inf)


def test_the_wide_organisation_chart_spans_the_page() -> None:
    assert width_share(kit._figure(REPO / "report" / "figures" / "struktur-enlederkontor.yaml")) == 1.0


def test_typst_embeds_every_figure(tmp_path: Path) -> None:
    kit.typst_embeds(REAL, tmp_path, ("Teknologi", "Tilhørighet"))
