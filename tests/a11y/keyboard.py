"""Tabbing through a page with the keyboard alone, as a Playwright page in Chromium.

Each Tab press is one stop. At each stop the focused element must be visible and must look
different from how it looks unfocused (WCAG 2.4.7): its appearance (outline, shadow, colours,
opacity, underline) and that of its labels are compared after focus has moved on. The tour ends
when focus leaves the page or comes back to the first stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
