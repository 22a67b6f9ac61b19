"""Keyboard alone, in real headless Chromium: the home page and a finding of the real site.

On each page: the first Tab reaches the skip link, which moves focus to the content; Tab then
visits every stop with a visible focus and reaches every link of the content; the search field is
one of the stops, and its results open with the arrow keys. The colour scheme toggle and the
"Kopier referansen" button work from the keyboard. At 320 px (reflow) no stop is off screen and
the menu button opens and closes the menu. The run is saved in report/tilgjengelighet.json.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.site.accessibility import KeyboardRun, save_part
from thesiskit.sources import load_site_config

from ..a11y.checks import site_pages
from ..a11y.keyboard import keyboard_tour
from ..browser import needs_chromium
from .conftest import REPO

pytestmark = [needs_chromium, pytest.mark.xdist_group("chromium")]  # one browser at a time


def test_keyboard_alone_works_on_the_home_page_and_a_finding(real_site: tuple[str, Path]) -> None:
    engine, real_build = real_site
    site = real_build / "site"
    pages = site_pages(site)
    finding = next(p for p in pages if p.startswith("funn/") and p != "funn/index.html")
    site_url = load_site_config(open_project(real_build)).site_url
    results, chromium = keyboard_tour(site, site_url, engine, ["index.html", finding])
    if load_records(open_project(real_build)).study.site.engine == engine:  # the published site's run
        save_part(REPO, "keyboard", KeyboardRun(date=dt.date.today(), chromium=chromium, pages=results))
    assert all(r.stops > 10 for r in results), [(r.path, r.stops) for r in results]
    assert [p for r in results for p in r.problems] == []
