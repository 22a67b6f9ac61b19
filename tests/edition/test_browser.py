"""The real site in real headless Chromium: search, a finding, its citation, metadata, no console errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from ..browser import browser_page, needs_chromium, serve_dir

pytestmark = [needs_chromium, pytest.mark.xdist_group("chromium")]  # one browser at a time


def _search(page: Any, engine: str, word: str) -> int:
    """Search for ``word`` as a reader does; return how many results show, and the count line."""
    if engine == "zensical":  # a button opens Zensical's search dialog (a shadow root, which selectors enter)
        page.click("button.md-search__button")
        page.keyboard.type(word)
        page.wait_for_selector("[role=listbox] [role=option]", timeout=60000)
        status = page.locator("dialog [role=status]")
        expect(status).to_have_text(re.compile(r"^\d+ treff$"))  # Zensical says "85 results"; thesiskit.js
        assert page.get_attribute("dialog input[role=combobox]", "placeholder") == "Skriv søkeord"
        return int(page.locator("[role=listbox] [role=option]").count())
    # The index loads in a worker; on a busy machine Material can miss a query typed before its search
    # is set up (the field keeps "Skriv søkeord"), so type it again, as a reader would.
    for _ in range(12):
        page.click("input.md-search__input")
        page.fill("input.md-search__input", "")
        page.keyboard.type(word)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=5000)
            break
        except PlaywrightTimeout:
            continue
    assert page.inner_text(".md-search-result__meta").endswith(" treff")
    return int(page.locator(".md-search-result__item").count())


def test_reader_searches_follows_a_finding_and_copies_its_citation(real_site: tuple[str, Path], tmp_path: Path) -> None:
    engine, real_build = real_site
    errors: list[str] = []
    with (
        serve_dir(real_build / "site") as base,
        browser_page(permissions=["clipboard-read", "clipboard-write"]) as page,
    ):
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base)
        assert page.get_attribute("html", "lang") == "nb"
        assert page.get_attribute('meta[name="citation_title"]', "content").startswith("Elementer av betydning")
        assert page.locator('meta[name="citation_author"]').count() == 1

        # search for a Norwegian word (MkDocs: the "no" stemmer finds inflected forms; Zensical: prefixes)
        assert _search(page, engine, "styringslinjene") > 3
        page.keyboard.press("Escape")

        # follow a finding from the index of findings
        page.goto(base + "funn/")
        page.locator("article a[href$='/']").filter(has_text="Felles plattform").first.click()
        page.wait_for_selector("#siter-apa")
        assert "/funn/felles-plattform/" in page.url
        apa = page.inner_text("#siter-apa")
        # the thesis's reference; the finding's section is the locator, its permalink beside it (#15)
        assert apa.startswith("Vatnøy, S. (2019). Elementer av betydning")
        assert "[Masteroppgave, Høgskulen på Vestlandet]" in apa
        place = page.inner_text(".siter-sted")
        assert "(Vatnøy, 2019, avsn. " in place and "/funn/felles-plattform/" in place

        # copy its citation
        page.click("button.siter-kopier")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == apa.strip()
        page.screenshot(path=str(tmp_path / "finding.png"), full_page=True)
    assert (tmp_path / "finding.png").stat().st_size > 10_000
    assert errors == []
