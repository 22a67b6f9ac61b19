"""The real site in real headless Chromium: search, a finding, its citation, metadata, no console errors."""

from __future__ import annotations

from pathlib import Path

from ..browser import browser_page, needs_chromium, serve_dir

pytestmark = needs_chromium


def test_reader_searches_follows_a_finding_and_copies_its_citation(real_build: Path, tmp_path: Path) -> None:
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

        # search for a Norwegian word; the "no" stemmer finds the inflected forms too
        page.click("input.md-search__input")
        page.fill("input.md-search__input", "styringslinjene")
        page.wait_for_selector(".md-search-result__item", timeout=60000)  # the index loads in a worker
        assert page.locator(".md-search-result__item").count() > 3
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
