"""The kit's accessibility guarantees on studies of its own, without this edition: the ``thesis new``
study in Bokmål and in English, built and checked in real headless Chromium.

axe-core (WCAG 2.0/2.1 A and AA) on every page and on the home page with the search open; the
keyboard alone on the home page and the finding (skip link, a visible focus at every Tab stop, the
search, the copy button, at 320 px the menu, whose button is named in the study's language); and
the Nu Html Checker where Java and vnu.jar are there. Nothing is saved: the record
(report/tilgjengelighet.json) is a study's own. The edition's runs are in tests/edition/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thesiskit.cli import main
from thesiskit.project import open_project
from thesiskit.sources import load_site_config

from ..browser import browser_page, needs_chromium
from .checks import NuChecker, run_axe, serve_site, site_pages, vnu_jar, why_no_vnu
from .keyboard import keyboard_tour

pytestmark = pytest.mark.xdist_group("chromium")  # one browser at a time
LANGUAGES = ["nb", "en"]
MENU = {"nb": "Meny", "en": "Menu"}


@pytest.fixture(scope="module", params=LANGUAGES)
def sample(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A new study in the language, built: (language, its folder)."""
    language = str(request.param)
    root = tmp_path_factory.mktemp(f"a11y-{language}") / "study"
    assert main(["new", "--language", language, str(root)]) == 0
    assert main(["build", "--project", str(root), "--no-pdf"]) == 0
    return language, root


@needs_chromium
def test_every_page_of_a_new_study_passes_axe(sample: tuple[str, Path]) -> None:
    _, root = sample
    site = root / "site"
    config = load_site_config(open_project(root))
    pages = [*site_pages(site), "index.html?q=informant"]
    assert len(pages) > 10, pages
    with serve_site(site, config.site_url) as base, browser_page() as page:
        run, failures = run_axe(page.context.browser, base, pages)
    assert [p.path for p in run.pages] == pages
    assert failures == [], f"{run.total} axe-core violation(s):\n" + "\n".join(failures)


@needs_chromium
def test_keyboard_alone_works_on_a_new_study(sample: tuple[str, Path]) -> None:
    language, root = sample
    site = root / "site"
    site_url = load_site_config(open_project(root)).site_url
    finding = next(p for p in site_pages(site) if p.startswith("funn/") and p != "funn/index.html")
    results, _ = keyboard_tour(site, site_url, "mkdocs", ["index.html", finding], query="informant")
    assert all(r.stops > 5 for r in results), [(r.path, r.stops) for r in results]
    assert [p for r in results for p in r.problems] == []
    home = (site / "index.html").read_text("utf-8")
    assert f'"menu": "{MENU[language]}"' in home  # the menu button's name (thesiskit.js) in the study's language


def test_every_page_of_a_new_study_is_valid_html(sample: tuple[str, Path]) -> None:
    _, root = sample
    reason = why_no_vnu()
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI must run the Nu Html Checker: {reason}")
    if reason:
        pytest.skip(reason)
    jar = vnu_jar()
    assert jar is not None
    pages = site_pages(root / "site")
    run, failures = NuChecker(jar, root / "site", pages).result()
    assert len(run.pages) == len(pages)
    assert failures == [], f"{run.total} Nu Html Checker error(s):\n" + "\n".join(failures)
