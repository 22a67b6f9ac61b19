"""Every page of the real site: axe-core (WCAG 2.0/2.1 A and AA) in light and dark mode, and valid HTML.

axe-core also checks the home page with the search open on its results (``index.html?q=…``).

Each check saves its run in the study's record, report/tilgjengelighet.json, which the build
renders into the accessibility statement (tilgjengelighet.md). Commit the record with the study.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.site.accessibility import save_part
from thesiskit.sources import load_site_config

from ..a11y.checks import NuChecker, run_axe, search_state, serve_site, site_pages, vnu_jar, why_no_vnu
from ..browser import browser_page, needs_chromium
from .conftest import REPO

pytestmark = pytest.mark.xdist_group("chromium")  # one browser at a time


def _publishes(real_build: Path, engine: str) -> bool:
    """Whether ``engine`` is the one the study publishes with (its run goes into the record)."""
    return load_records(open_project(real_build)).study.site.engine == engine


@needs_chromium
def test_every_page_passes_axe_in_light_and_dark_mode(real_site: tuple[str, Path]) -> None:
    engine, real_build = real_site
    site = real_build / "site"
    config = load_site_config(open_project(real_build))
    pages = [*site_pages(site), search_state(str(config.data.get("site_name", "")))]
    with serve_site(site, config.site_url) as base, browser_page() as page:
        run, failures = run_axe(page.context.browser, base, pages)
    if _publishes(real_build, engine):
        save_part(REPO, "axe", run)
    assert len(run.schemes) >= 2, f"expected a light and a dark palette, got {run.schemes}"
    assert failures == [], f"{run.total} axe-core violation(s):\n" + "\n".join(failures)


def test_every_page_is_valid_html(real_site: tuple[str, Path]) -> None:
    engine, real_build = real_site
    reason = why_no_vnu()
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI must run the Nu Html Checker: {reason}")
    if reason:
        pytest.skip(reason)
    jar = vnu_jar()
    assert jar is not None
    site = real_build / "site"
    pages = site_pages(site)
    run, failures = NuChecker(jar, site, pages).result()
    if _publishes(real_build, engine):
        save_part(REPO, "nu", run)
    assert len(run.pages) == len(pages)
    assert failures == [], f"{run.total} Nu Html Checker error(s):\n" + "\n".join(failures)
