"""Keyboard alone, in real headless Chromium: the home page and a finding of the real site.

On each page: the first Tab reaches the skip link, which moves focus to the content; Tab then
visits every stop with a visible focus and reaches every link of the content; the search field is
one of the stops, and its results open with the arrow keys. The colour scheme toggle and the
"Kopier referansen" button work from the keyboard. At 320 px (reflow) no stop is off screen and
the menu button opens and closes the menu. The run is saved in report/tilgjengelighet.json.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.site.accessibility import KeyboardPage, KeyboardRun, save_part
from thesiskit.sources import load_site_config

from ..a11y.checks import TITLE_JS, page_url, serve_site, site_pages
from ..a11y.keyboard import tab_through
from ..browser import browser_page, needs_chromium
from .conftest import REPO

pytestmark = [needs_chromium, pytest.mark.xdist_group("chromium")]  # one browser at a time
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}

ACTIVE = """() => { const e = document.activeElement;
  return e ? {tag: e.tagName.toLowerCase(), cls: String(e.className), text: (e.innerText || "").trim(),
              inArticle: !!e.closest("article"), href: e.getAttribute("href") || ""} : null; }"""


def _tab_to(page: Any, selector: str, limit: int = 30) -> bool:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def _skip_link(page: Any, url: str) -> list[str]:
    page.goto(url)
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    if not first or "md-skip" not in first["cls"]:
        return [f"the first Tab stop is not the skip link but {first}"]
    target = first["href"]
    page.keyboard.press("Enter")
    problems = []
    if not page.url.endswith(target):
        problems.append(f"the skip link did not go to {target} ({page.url})")
    page.keyboard.press("Tab")
    after = page.evaluate(ACTIVE)
    if not after or not after["inArticle"]:
        problems.append(f"after the skip link, Tab went to {after}, not into the content")
    return problems


def _search(page: Any, url: str) -> list[str]:
    page.goto(url)
    if not _tab_to(page, "input.md-search__input"):
        return ["the search field is not reachable with Tab"]
    words = re.findall(r"\w{6,}", page.inner_text(".md-header__topic .md-ellipsis") or "")
    query = max(words, key=len) if words else "side"
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("ArrowDown")
    hit = page.evaluate(ACTIVE)
    if not hit or "md-search-result__link" not in hit["cls"]:
        return [f"ArrowDown in the search field did not focus a result ({hit})"]
    try:
        with page.expect_navigation(timeout=10000):
            page.keyboard.press("Enter")
    except PlaywrightTimeout:
        pass
    if "h=" not in page.url:
        return [f"Enter on a search result did not open it ({page.url})"]
    return []


SEARCH_FIELD = {"mkdocs": "input.md-search__input", "zensical": "button.md-search__button"}
"""What Tab reaches to search: Material's field in the header, Zensical's button that opens its dialog."""


def _search_zensical(page: Any, url: str) -> list[str]:
    """Zensical: Enter on the search button opens the dialog with the focus in its field; the arrow keys
    move through the results (a combobox: the focus stays in the field) and Enter opens one."""
    page.goto(url)
    if not _tab_to(page, SEARCH_FIELD["zensical"]):
        return ["the search button is not reachable with Tab"]
    page.keyboard.press("Enter")
    try:
        page.wait_for_selector("dialog[open] input[role=combobox]", timeout=10000)
    except PlaywrightTimeout:
        return ["Enter on the search button did not open the search"]
    words = re.findall(r"\w{6,}", page.inner_text(".md-header__topic .md-ellipsis") or "")
    page.keyboard.type(max(words, key=len) if words else "side")
    page.wait_for_selector("[role=listbox] [role=option]", timeout=60000)
    field = page.locator("input[role=combobox]")
    if not field.evaluate("(e) => e.getRootNode().activeElement === e"):
        return ["typing in the search did not keep the focus in its field"]
    first = field.get_attribute("aria-activedescendant")
    page.keyboard.press("ArrowDown")
    if not first or field.get_attribute("aria-activedescendant") == first:
        return [f"ArrowDown in the search field did not move to a result ({first})"]
    try:
        with page.expect_navigation(timeout=10000):
            page.keyboard.press("Enter")
    except PlaywrightTimeout:
        pass
    if "h=" not in page.url:
        return [f"Enter on a search result did not open it ({page.url})"]
    return []


def _palette(page: Any, url: str) -> list[str]:
    page.goto(url)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    if page.locator('input[name="__palette"]').count() < 2:
        return []
    if not _tab_to(page, 'input[name="__palette"]'):
        return ["the colour scheme toggle is not reachable with Tab"]
    page.keyboard.press("ArrowRight")
    after = page.evaluate("document.body.dataset.mdColorScheme")
    return [] if after != before else [f"the colour scheme toggle did not switch from {before} with the arrow key"]


def _copy_button(page: Any, url: str) -> list[str]:
    page.goto(url)
    if page.locator("button.siter-kopier").count() == 0:
        return []
    if not _tab_to(page, "button.siter-kopier", limit=300):
        return ["the 'Kopier referansen' button is not reachable with Tab"]
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("document.querySelector('button.siter-kopier').textContent !== 'Kopier referansen'")
    except PlaywrightTimeout:
        return ["Enter on 'Kopier referansen' did nothing"]
    return []


def _narrow(page: Any, url: str) -> list[str]:
    """At 320 CSS px (WCAG 1.4.10): no stop off screen, and the menu button opens and closes the menu."""
    page.set_viewport_size(NARROW)
    try:
        page.goto(url)
        problems = tab_through(page).problems
        page.goto(url)
        if not _tab_to(page, 'label[for="__drawer"]'):
            return [*problems, "the menu button is not reachable with Tab"]
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('__drawer').checked", timeout=5000)
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null", timeout=5000)
        page.keyboard.press("Escape")
        back = page.evaluate("[document.getElementById('__drawer').checked, document.activeElement.htmlFor]")
        if back != [False, "__drawer"]:
            problems.append(f"Escape did not close the menu and return to its button ({back})")
    except PlaywrightTimeout:
        problems.append("Enter on the menu button did not open the menu and move focus into it")
    finally:
        page.set_viewport_size(WIDE)
    return [f"at {NARROW['width']} px: {p}" for p in problems]


def test_keyboard_alone_works_on_the_home_page_and_a_finding(real_site: tuple[str, Path]) -> None:
    engine, real_build = real_site
    site = real_build / "site"
    pages = site_pages(site)
    finding = next(p for p in pages if p.startswith("funn/") and p != "funn/index.html")
    site_url = load_site_config(open_project(real_build)).site_url
    results: list[KeyboardPage] = []
    with (
        serve_site(site, site_url) as base,
        browser_page(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"]) as page,
    ):
        for rel in ("index.html", finding):
            url = page_url(base, rel)
            problems = _skip_link(page, url)
            page.goto(url)
            title = page.evaluate(TITLE_JS)
            tour = tab_through(page)
            problems += tour.problems
            if not any(s.startswith(SEARCH_FIELD[engine]) for s in tour.stops):
                problems.append("the search field is not among the Tab stops")
            problems += _copy_button(page, url)
            if rel == "index.html":
                search = _search_zensical if engine == "zensical" else _search
                problems += search(page, url) + _palette(page, url) + _narrow(page, url)
            results.append(KeyboardPage(path=rel, title=title, stops=len(tour.stops), problems=problems))
        chromium = page.context.browser.version
    if load_records(open_project(real_build)).study.site.engine == engine:  # the published site's run
        save_part(REPO, "keyboard", KeyboardRun(date=dt.date.today(), chromium=chromium, pages=results))
    assert all(r.stops > 10 for r in results), [(r.path, r.stops) for r in results]
    assert [p for r in results for p in r.problems] == []
