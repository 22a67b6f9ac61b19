"""The accessibility checks: axe-core in headless Chromium, the Nu Html Checker, and their tools.

Each check returns the run as the record's model (thesiskit.site.accessibility), so the tests can
save it in the study's report/tilgjengelighet.json and assert on the same data.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from thesiskit.site.accessibility import AxePage, AxeRun, AxeViolation, NuMessage, NuPage, NuRun

from ..browser import serve_dir
from ..conftest import REPO

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""axe-core rules for WCAG 2.0 and 2.1, levels A and AA."""

VNU_JAR_ENV = "VNU_JAR"
VNU_JAR_CACHED = REPO / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
"""Where `make vnu` (npm install --prefix .cache/vnu vnu-jar) puts the Nu Html Checker."""


def vnu_jar() -> Path | None:
    """The Nu Html Checker jar: $VNU_JAR, else the npm package cached under .cache/vnu."""
    given = os.environ.get(VNU_JAR_ENV)
    path = Path(given) if given else VNU_JAR_CACHED
    return path if path.is_file() else None


def why_no_vnu() -> str | None:
    """Why the Nu Html Checker cannot run here, or None if it can."""
    if shutil.which("java") is None:
        return "Java is not installed (apt-get install default-jre-headless); .ci/run installs it"
    if vnu_jar() is None:
        return f"vnu.jar is missing: run `make vnu` (npm install --prefix .cache/vnu vnu-jar) or set {VNU_JAR_ENV}"
    return None


def site_pages(site: Path) -> list[str]:
    """Every HTML file of a built site, relative to it: the home page first, then by path."""
    found = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(found, key=lambda p: (p != "index.html", p))


@contextmanager
def serve_site(site: Path, site_url: str) -> Iterator[str]:
    """Serve ``site`` under the path of its ``site_url`` (404.html links there absolutely); yield its URL."""
    prefix = urlsplit(site_url).path.strip("/")
    if not prefix:
        with serve_dir(site) as base:
            yield base
        return
    root = site.parent / f".serve-{os.getpid()}"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    if not (root / prefix).exists():
        (root / prefix).symlink_to(site.resolve(), target_is_directory=True)
    try:
        with serve_dir(root) as base:
            yield f"{base}{prefix}/"
    finally:
        shutil.rmtree(root, ignore_errors=True)


def page_url(base: str, rel: str) -> str:
    """The URL a reader opens for the file ``rel`` (directory URLs for index.html), query kept."""
    path, sep, query = rel.partition("?")
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path) + sep + query


def search_state(site_name: str) -> str:
    """The home page with Material's search open on a word of the site's name (``index.html?q=…``)."""
    words = re.findall(r"\w{6,}", site_name) or ["side"]
    return f"index.html?q={max(words, key=len).lower()}"


def show_search_results(page: Any, word: str) -> None:
    """Wait for the search results on ``word``: Material opens its search from ``?q=``; Zensical's
    search dialog (a shadow root, which Playwright's selectors and axe-core enter) opens from its button.
    """
    if page.locator("button.md-search__button").count():
        page.click("button.md-search__button")
        page.keyboard.type(word)
        page.wait_for_selector("[role=listbox] [role=option]", timeout=60000)
    else:
        page.wait_for_selector(".md-search-result__item", timeout=60000)


# --- Nu Html Checker ---------------------------------------------------------------------------


class NuChecker:
    """vnu.jar over many files in one Java process, started in the background."""

    def __init__(self, jar: Path, site: Path, pages: list[str]) -> None:
        self.site = site
        self.pages = pages
        java = shutil.which("java") or "java"
        cmd = [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *pages]
        self.proc = subprocess.Popen(cmd, cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.version = subprocess.run(
            [java, "-jar", str(jar), "--version"], capture_output=True, text=True, check=True
        ).stdout.split()[0]

    def result(self, timeout: float = 600) -> tuple[NuRun, list[str]]:
        """Wait for the checker; return the run and the raw messages (file:line: message) for failures."""
        out, err = self.proc.communicate(timeout=timeout)
        if not out.strip():
            raise RuntimeError(f"vnu.jar printed nothing (exit {self.proc.returncode}): {err.strip()}")
        messages = json.loads(out)["messages"]
        by_page: dict[str, list[NuMessage]] = {p: [] for p in self.pages}
        raw: list[str] = []
        root = self.site.resolve().as_posix().rstrip("/") + "/"
        for m in messages:
            if m.get("type") not in {"error", "non-document-error"}:
                continue
            path = urlsplit(m.get("url", "")).path
            rel = path[len(root) :] if path.startswith(root) else path
            by_page.setdefault(rel, []).append(NuMessage(line=m.get("lastLine"), message=m["message"]))
            raw.append(f"{rel}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]")
        pages = [NuPage(path=p, errors=errors) for p, errors in by_page.items()]
        return NuRun(date=dt.date.today(), nu_html_checker=self.version, pages=pages), raw


# --- axe-core in Chromium ----------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """One of Material's colour palettes, as the page's palette toggle describes it."""

    media: str
    scheme: str
    primary: str
    accent: str

    @property
    def color(self) -> dict[str, str]:
        """The body attributes (data-md-color-*) Material sets for this palette."""
        return {"media": self.media, "scheme": self.scheme, "primary": self.primary, "accent": self.accent}

    def color_scheme(self) -> str:
        """The OS preference that selects this palette (Playwright's color_scheme)."""
        return "dark" if "dark" in self.media or self.scheme == "slate" else "light"


COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""The WCAG A/AA rules whose outcome a colour scheme can change; the other rules run once."""

PALETTES_JS = """() => Array.from(document.querySelectorAll('input[name="__palette"]'), (el) => ({
  media: el.dataset.mdColorMedia || "", scheme: el.dataset.mdColorScheme || "default",
  primary: el.dataset.mdColorPrimary || "", accent: el.dataset.mdColorAccent || ""}))"""

# What Material's palette toggle does (partials/javascripts/palette.html), with transitions off so
# that axe-core sees the final colours at once. Returns the body's background colour.
APPLY_PALETTE_JS = """(color) => {
  if (!document.getElementById("a11y-no-transitions")) {
    const style = document.createElement("style");
    style.id = "a11y-no-transitions";
    style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.append(style);
  }
  for (const [key, value] of Object.entries(color)) document.body.setAttribute("data-md-color-" + key, value);
  return getComputedStyle(document.body).backgroundColor;
}"""

SCHEME_JS = "() => [document.body.dataset.mdColorScheme || 'default', getComputedStyle(document.body).backgroundColor]"

TITLE_JS = """() => {
  const h1 = document.querySelector("article h1, h1");
  if (!h1) return document.title;
  const copy = h1.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
  return copy.textContent.trim();
}"""


def axe_script() -> str:
    """axe-core as axe-playwright-python ships it."""
    from axe_playwright_python.base import AXE_SCRIPT

    return str(AXE_SCRIPT)


def palettes(browser: Any, base: str) -> list[Palette]:
    """The site's colour palettes, each checked to be the one a reader with that OS preference gets.

    Returns the palettes with the one shown by default first. A site without a palette toggle
    has one palette: the scheme its pages are shown in.
    """
    found: list[Palette] = []
    backgrounds: dict[str, str] = {}
    for preference in ("light", "dark"):
        context = browser.new_context(color_scheme=preference)
        page = context.new_page()
        page.goto(base)
        listed = [Palette(**p) for p in page.evaluate(PALETTES_JS)]
        scheme, background = page.evaluate(SCHEME_JS)
        context.close()
        if not listed:
            return [Palette("", scheme, "", "")]
        shown = next((p for p in listed if p.scheme == scheme), None)
        assert shown is not None, f"{preference} OS preference shows scheme {scheme!r}, not in the palette {listed}"
        backgrounds[scheme] = background
        found = [shown, *(p for p in found if p != shown)] if preference == "light" else found
        found += [p for p in listed if p not in found]
    assert len(set(backgrounds.values())) == len(backgrounds), f"schemes look the same: {backgrounds}"
    return found


def run_axe(browser: Any, base: str, pages: list[str]) -> tuple[AxeRun, list[str]]:
    """axe-core's WCAG 2.0/2.1 A and AA rules on every page, and its colour rules in every other scheme.

    A page ``index.html?q=word`` is the home page with the search open on its results.
    One browser context: each page is loaded once in the default palette and checked with every
    rule, then switched to each other palette the way Material's toggle does it and checked with
    the colour rules. Returns the run and, for failures, one line per failing element.
    """
    script = axe_script()
    every_rule = {"runOnly": {"type": "tag", "values": RULE_TAGS}, "resultTypes": ["violations"]}
    colour_rules = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
    schemes = palettes(browser, base)
    found: dict[str, list[AxeViolation]] = {p: [] for p in pages}
    titles: dict[str, str] = {}
    raw: list[str] = []
    version = ""
    context = browser.new_context(color_scheme=schemes[0].color_scheme())
    page = context.new_page()
    for rel in pages:
        page.goto(page_url(base, rel))
        titles[rel] = page.evaluate(TITLE_JS)
        if "?q=" in rel:  # the search open on the query: check the results as shown
            show_search_results(page, rel.split("?q=", 1)[1])
            titles[rel] = f"Søkeresultater for «{rel.split('?q=', 1)[1]}»"
        page.evaluate(script)
        for i, palette in enumerate(schemes):
            if i:
                page.evaluate(APPLY_PALETTE_JS, palette.color)
            shown = page.evaluate(SCHEME_JS)[0]
            assert shown == palette.scheme, f"{rel}: shown in scheme {shown!r}, expected {palette.scheme!r}"
            result = page.evaluate("(options) => axe.run(document, options)", colour_rules if i else every_rule)
            version = result["testEngine"]["version"]
            for v in result["violations"]:
                found[rel].append(
                    AxeViolation(
                        rule=v["id"],
                        impact=v.get("impact"),
                        help=v["help"],
                        nodes=len(v["nodes"]),
                        scheme=palette.scheme,
                    )
                )
                for node in v["nodes"]:
                    why = re.sub(r"\s+", " ", node.get("failureSummary", ""))
                    raw.append(f"{rel} [{palette.scheme}] {v['id']}: {node['target']} {why}")
    context.close()
    run = AxeRun(
        date=dt.date.today(),
        axe_core=version,
        chromium=browser.version,
        rule_tags=RULE_TAGS,
        schemes=[p.scheme for p in schemes],
        colour_rules=COLOUR_RULES,
        pages=[AxePage(path=p, title=titles.get(p, ""), violations=found[p]) for p in pages],
    )
    return run, raw
