"""Tabbing through a page with the keyboard alone, as a Playwright page in Chromium.

Each Tab press is one stop. At each stop the focused element must be visible and must look
different from how it looks unfocused (WCAG 2.4.7): its appearance (outline, shadow, colours,
opacity, underline) and that of its labels are compared after focus has moved on. The tour ends
when focus leaves the page or comes back to the first stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from thesiskit.site.accessibility import KeyboardPage

NO_TRANSITIONS = """() => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
  document.head.append(style);
  window.__stops = [];
}"""

# The appearance of an element and of what shows its focus for it (its labels; for an input hidden
# at 0 x 0 px, like Material's palette radio, the label right after it).
LOOK = """(el) => {
  const parts = [el, ...(el.labels || [])];
  if (el.tagName === "INPUT" && el.nextElementSibling) parts.push(el.nextElementSibling);
  const props = ["outline-style", "outline-width", "outline-color", "box-shadow", "background-color",
                 "color", "opacity", "text-decoration-line", "text-decoration-thickness", "border-color"];
  return JSON.stringify(parts.map((p) => {
    const cs = getComputedStyle(p);
    return props.map((k) => cs.getPropertyValue(k));
  }));
}"""

# The focused element: a description, whether it or its label is visible, and its focused look.
STOP = (
    """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));  // let scripts react
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const index = window.__stops.indexOf(el);
  if (index < 0) window.__stops.push(el);
  const seen = (e) => { if (!e) return false; const r = e.getBoundingClientRect(); const cs = getComputedStyle(e);
    return r.width >= 1 && r.height >= 1 && r.right > 0 && r.left < innerWidth
      && cs.visibility !== "hidden" && Number(cs.opacity) > 0; };
  const shown = [el, ...(el.labels || []), ...(el.tagName === "INPUT" ? [el.nextElementSibling] : [])];
  const name = (el.getAttribute("aria-label") || el.innerText || el.value || el.title || "").trim().slice(0, 40);
  const what = `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).trim().split(/\\s+/)[0] : ""}`
    + (el.getAttribute("href") ? ` href=${el.getAttribute("href")}` : "") + (name ? ` "${name}"` : "");
  return {index: index < 0 ? window.__stops.length - 1 : index, first: index === 0, what,
          visible: shown.some(seen), look: ("""
    + LOOK
    + """)(el)};
}"""
)

LOOK_OF_STOP = "(i) => (" + LOOK + ")(window.__stops[i])"

IN_ARTICLE = """() => Array.from(document.querySelectorAll(
    "article a[href], article button, article summary, article input, article [tabindex]"))
  .filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
  .map((e) => window.__stops.includes(e) ? null : (e.getAttribute("href") || e.textContent.trim().slice(0, 40)))
  .filter((x) => x !== null)"""


@dataclass
class Tour:
    """What one tour through a page found."""

    stops: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def tab_through(page: Any, limit: int = 600) -> Tour:
    """Press Tab from the top of the freshly loaded page until focus leaves it or comes round again."""
    tour = Tour()
    page.evaluate(NO_TRANSITIONS)
    previous: dict[str, Any] | None = None
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        # focus has moved on: the previous stop must look different now
        if previous is not None and page.evaluate(LOOK_OF_STOP, previous["index"]) == previous["look"]:
            tour.problems.append(f"no visible focus on {previous['what']}")
        if stop is None or stop["first"]:
            break
        tour.stops.append(stop["what"])
        if not stop["visible"]:
            tour.problems.append(f"focus on an invisible element: {stop['what']}")
        previous = stop
    else:
        tour.problems.append(f"focus did not leave the page after {limit} Tab presses")
    missed = page.evaluate(IN_ARTICLE)
    tour.problems += [f"not reachable with Tab: {m}" for m in missed]
    return tour


# The tasks a keyboard user does on a page (the keyboard tests of the edition and of the samples).
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}

ACTIVE = """() => { const e = document.activeElement;
  return e ? {tag: e.tagName.toLowerCase(), cls: String(e.className), text: (e.innerText || "").trim(),
              inArticle: !!e.closest("article"), href: e.getAttribute("href") || ""} : null; }"""


def tab_to(page: Any, selector: str, limit: int = 30) -> bool:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


def skip_link(page: Any, url: str) -> list[str]:
    page.goto(url)
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    if not first or "md-skip" not in first["cls"]:
        return [f"the first Tab stop is not the skip link but {first}"]
    target = first["href"]
    page.keyboard.press("Enter")
    problems = []
    try:  # the hash changes when the browser has handled the key: on a busy machine, not at once
        page.wait_for_function("(t) => location.href.endsWith(t)", arg=target, timeout=15_000)
    except PlaywrightTimeout:
        problems.append(f"the skip link did not go to {target} ({page.url})")
    page.keyboard.press("Tab")
    after = page.evaluate(ACTIVE)
    if not after or not after["inArticle"]:
        problems.append(f"after the skip link, Tab went to {after}, not into the content")
    return problems


def _query(page: Any, query: str | None) -> str:
    """The word to search for: ``query``, else the longest word of the site's name."""
    if query:
        return query
    words = re.findall(r"\w{6,}", page.inner_text(".md-header__topic .md-ellipsis") or "")
    return max(words, key=len) if words else "side"


def _enter_opens_result(page: Any, url: str) -> list[str]:
    """Press Enter on the focused search result: it opens (another page, or this one with the hit marked)."""
    try:
        with page.expect_navigation(timeout=10000):
            page.keyboard.press("Enter")
    except PlaywrightTimeout:
        pass
    if not _opened(page.url, url):
        return [f"Enter on a search result did not open it ({page.url})"]
    return []


def _opened(now: str, start: str) -> bool:
    """Whether a search result was opened: another page, or the same one with the hit marked (``?h=``,
    Material's search.highlight)."""
    return "h=" in now or now.split("#")[0].split("?")[0] != start.split("#")[0].split("?")[0]


def search(page: Any, url: str, query: str | None = None) -> list[str]:
    page.goto(url)
    if not tab_to(page, "input.md-search__input"):
        return ["the search field is not reachable with Tab"]
    page.keyboard.type(_query(page, query))
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.keyboard.press("ArrowDown")
    hit = page.evaluate(ACTIVE)
    if not hit or "md-search-result__link" not in hit["cls"]:
        return [f"ArrowDown in the search field did not focus a result ({hit})"]
    return _enter_opens_result(page, url)


SEARCH_FIELD = {"mkdocs": "input.md-search__input", "zensical": "button.md-search__button"}
"""What Tab reaches to search: Material's field in the header, Zensical's button that opens its dialog."""


def search_zensical(page: Any, url: str, query: str | None = None) -> list[str]:
    """Zensical: Enter on the search button opens the dialog with the focus in its field; the arrow keys
    move through the results (a combobox: the focus stays in the field) and Enter opens one."""
    page.goto(url)
    if not tab_to(page, SEARCH_FIELD["zensical"]):
        return ["the search button is not reachable with Tab"]
    page.keyboard.press("Enter")
    try:
        page.wait_for_selector("dialog[open] input[role=combobox]", timeout=10000)
    except PlaywrightTimeout:
        return ["Enter on the search button did not open the search"]
    page.keyboard.type(_query(page, query))
    page.wait_for_selector("[role=listbox] [role=option]", timeout=60000)
    field = page.locator("input[role=combobox]")
    if not field.evaluate("(e) => e.getRootNode().activeElement === e"):
        return ["typing in the search did not keep the focus in its field"]
    first = field.get_attribute("aria-activedescendant")
    page.keyboard.press("ArrowDown")
    if not first or field.get_attribute("aria-activedescendant") == first:
        return [f"ArrowDown in the search field did not move to a result ({first})"]
    return _enter_opens_result(page, url)


def palette(page: Any, url: str) -> list[str]:
    page.goto(url)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    if page.locator('input[name="__palette"]').count() < 2:
        return []
    if not tab_to(page, 'input[name="__palette"]'):
        return ["the colour scheme toggle is not reachable with Tab"]
    page.keyboard.press("ArrowRight")
    after = page.evaluate("document.body.dataset.mdColorScheme")
    return [] if after != before else [f"the colour scheme toggle did not switch from {before} with the arrow key"]


def copy_button(page: Any, url: str) -> list[str]:
    """The copy button (its label in the site's language) works from the keyboard: Enter changes it."""
    page.goto(url)
    if page.locator("button.siter-kopier").count() == 0:
        return []
    if not tab_to(page, "button.siter-kopier", limit=300):
        return ["the copy button is not reachable with Tab"]
    label = page.inner_text("button.siter-kopier")
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("(l) => document.querySelector('button.siter-kopier').textContent !== l", arg=label)
    except PlaywrightTimeout:
        return [f"Enter on the copy button ({label!r}) did nothing"]
    return []


def narrow(page: Any, url: str) -> list[str]:
    """At 320 CSS px (WCAG 1.4.10): no stop off screen, and the menu button opens and closes the menu."""
    page.set_viewport_size(NARROW)
    try:
        page.goto(url)
        problems = tab_through(page).problems
        page.goto(url)
        if not tab_to(page, 'label[for="__drawer"]'):
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


def keyboard_tour(
    site: Path, site_url: str, engine: str, pages: list[str], query: str | None = None
) -> tuple[list[KeyboardPage], str]:
    """Keyboard alone on ``pages`` of a built site (the first is the home page): the skip link, every Tab
    stop, the search field among them, the copy button; on the home page also the search's results,
    the colour scheme toggle and, at 320 px, the menu. The search is for ``query`` (default: the longest
    word of the site's name). Returns each page's result and Chromium's version."""
    from ..browser import browser_page
    from .checks import TITLE_JS, page_url, serve_site

    results: list[KeyboardPage] = []
    with (
        serve_site(site, site_url) as base,
        browser_page(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"]) as page,
    ):
        for rel in pages:
            url = page_url(base, rel)
            problems = skip_link(page, url)
            page.goto(url)
            title = page.evaluate(TITLE_JS)
            tour = tab_through(page)
            problems += tour.problems
            if not any(s.startswith(SEARCH_FIELD[engine]) for s in tour.stops):
                problems.append("the search field is not among the Tab stops")
            problems += copy_button(page, url)
            if rel == pages[0]:
                find = search_zensical if engine == "zensical" else search
                problems += find(page, url, query) + palette(page, url) + narrow(page, url)
            results.append(KeyboardPage(path=rel, title=title, stops=len(tour.stops), problems=problems))
        chromium = str(page.context.browser.version)
    return results, chromium
