"""Pages the kit writes itself: findings, themes, informants, references, figures, downloads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from ..cite.bib import Bibliography
from ..cite.citeproc import Citeproc
from ..cite.link import REFERENCES_PAGE, Use
from ..lang import locale_for
from ..records import Records
from ..render.chapters import Rendered, rel_link
from ..render.env import render
from .accessibility import AccessibilityRecord
from .citation import CiteInfo, Place, finding_place, place_cluster, thesis_bibtex, thesis_key, thesis_ris

# Generated pages and the locale strings of their default navigation titles (a study may list
# them in its nav itself).
_GENERATED = [
    ("findings", "funn/index.md"),
    ("themes", "temaer/index.md"),
    ("informants", "informanter/index.md"),
    ("figures_and_tables", "figurer.md"),
    ("references", REFERENCES_PAGE),
    ("accessibility", "tilgjengelighet.md"),  # the accessibility statement (always written)
]
GENERATED_NAV = [("", path) for _, path in _GENERATED]
"""The generated pages' paths (titles: ``generated_nav``)."""


def generated_nav(language: str) -> list[tuple[str, str]]:
    """The generated pages with their navigation titles in the study's language."""
    locale = locale_for(language)
    return [(locale.text(key), path) for key, path in _GENERATED]


@dataclass(frozen=True)
class Reference:
    """An entry of the reference list with the places that cite it."""

    key: str
    html: str
    reconstructed: bool
    uses: list[Use]
    lang: str = ""
    """The entry's language when it is not the study's (``langid``), for hyphenation and screen readers."""


@dataclass(frozen=True)
class SiteContext:
    """What the generated pages are made from."""

    records: Records
    rendered: Rendered
    uses: dict[str, list[Use]]
    citeproc: Citeproc
    bib: Bibliography
    site_url: str
    accessibility: AccessibilityRecord | None = None
    """The last accessibility test run (report/tilgjengelighet.json), if any."""


def _linker(page: str, rendered: Rendered) -> tuple[Callable[..., str], Callable[[str], str]]:
    def to(target: str, anchor: str = "") -> str:
        return rel_link(page, target, anchor)

    def link(hid: str) -> str:
        h = rendered.headings[hid]
        label = h.label.replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({rel_link(page, h.page, hid)})"

    return to, link


def generated_pages(env: jinja2.Environment, ctx: SiteContext) -> dict[str, str]:
    """Every generated file (Markdown pages and downloads), by path under docs."""
    r = ctx.records
    out: dict[str, str] = {}
    findings = list(r.findings.values())
    by_informant = {
        i.number: [q for q in r.quotes.values() if q.informant == i.number] for i in r.informants_file.informants
    }
    common = {
        "study": r.study,
        "findings": findings,
        "themes": r.themes,
        "quotes": r.quotes,
        "quote_pages": ctx.rendered.quote_pages,
        "informants": r.informants_file,
        "by_informant": by_informant,
    }

    def page(path: str, template: str, **extra: object) -> None:
        to, link = _linker(path, ctx.rendered)
        out[path] = render(env, template, to=to, link=link, **common, **extra)

    thesis_url = ctx.site_url
    key = thesis_key(r.study)
    thesis_apa = ctx.citeproc.entries.get(key, "")
    out["siter/" + key + ".bib"] = thesis_bibtex(r.study, thesis_url)
    out["siter/" + key + ".ris"] = thesis_ris(r.study, thesis_url)
    if findings:
        page("funn/index.md", "site/pages/findings_index.md.j2")
    places = finding_places(r, ctx.rendered, thesis_url)
    for f in findings:
        # cited as the thesis, with the finding's section as the locator and its permalink
        place = places[f.id]
        out[f"funn/{f.id}.bib"] = thesis_bibtex(r.study, thesis_url, place=place)
        out[f"funn/{f.id}.ris"] = thesis_ris(r.study, thesis_url, place=place)
        intext = ctx.citeproc.clusters.get(place_cluster(r.study, place), "")
        cite = CiteInfo(thesis_apa, f"{f.id}.bib", f"{f.id}.ris", _unlinked(intext), place.permalink)
        page(f"funn/{f.id}.md", "site/pages/finding.md.j2", f=f, cite=cite)
    if r.themes:
        page("temaer/index.md", "site/pages/themes_index.md.j2")
    for t in r.themes.values():
        ids = {q for f in findings if t.id in f.themes for q in f.quotes}
        theme_quotes = [q for q in r.quotes.values() if q.id in ids]
        page(f"temaer/{t.id}.md", "site/pages/theme.md.j2", th=t, theme_quotes=theme_quotes)
    if r.informants_file.informants:
        keys = list(dict.fromkeys(k for i in r.informants_file.informants for k in i.profile))
        page("informanter/index.md", "site/pages/informants_index.md.j2", profile_keys=keys)
        for p in r.informants_file.informants:
            page(f"informanter/{p.number}.md", "site/pages/informant.md.j2", p=p)
    if ctx.rendered.floats.items:
        page("figurer.md", "site/pages/figures_list.md.j2", floats=ctx.rendered.floats.items, figures=r.figures)
    entries = [
        Reference(k, html, ctx.bib.entries[k].reconstructed, ctx.uses.get(k, []), ctx.citeproc.langs.get(k, ""))
        for k, html in ctx.citeproc.entries.items()
        if k in ctx.bib.entries
    ]
    page(
        REFERENCES_PAGE,
        "site/pages/references.md.j2",
        entries=entries,
        any_reconstructed=any(e.reconstructed for e in entries),
        any_described=any(ctx.bib.entries[e.key].described for e in entries),
    )
    # the accessibility statement, from the last run of tests/a11y (site/accessibility.py)
    a11y = {"a11y": ctx.accessibility, "date": locale_for(r.study.language).date, "figures": r.figures}
    page("tilgjengelighet.md", "site/pages/accessibility.md.j2", **a11y)
    return out


def finding_places(records: Records, rendered: Rendered, site_url: str) -> dict[str, Place]:
    """Every finding's place (its source heading's number, else title, and its permalink), by finding id."""
    out = {}
    for f in records.findings.values():
        h = rendered.headings.get(f.source)
        section = (h.number or h.title) if h else ""
        out[f.id] = finding_place(records.study, f, section, f"{site_url}funn/{f.id}/")
    return out


def _unlinked(cluster_html: str) -> str:
    """A rendered citation without its link to the reference list (the box shows the entry itself)."""
    return re.sub(r"</?a\b[^>]*>", "", cluster_html)


def thesis_cite_info(ctx: SiteContext, from_page: str) -> CiteInfo:
    """The "Sitér" box of the thesis as a whole, for a page at ``from_page``."""
    key = thesis_key(ctx.records.study)
    return CiteInfo(
        ctx.citeproc.entries.get(key, ""),
        rel_link(from_page, f"siter/{key}.bib"),
        rel_link(from_page, f"siter/{key}.ris"),
    )
