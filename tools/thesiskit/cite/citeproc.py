"""Render citation clusters and the bibliography with Pandoc citeproc: one run for the whole study.

In ``thesis serve`` (:func:`keep_last`), a run after an edit renders only what the edit changed (reuse.py).
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..cache import cache_key, read_entry, write_entry
from ..lang import Locale, locale_for
from ..pandoc import pandoc_version, run_pandoc
from ..pdf.bibscope import bib_scope
from ..render.escape import inert_html
from .bib import parse_bib
from .reuse import Last, Plan
from .style import citeproc_args, style_inputs

_DIV = re.compile(r'<div id="c(\d+)">\s*<p>(.*?)</p>\s*</div>', re.S)
_ENTRY = re.compile(r'<div id="ref-([^"]+)" class="csl-entry"([^>]*)>(.*?)</div>', re.S)
_LANG_ATTR = re.compile(r'\slang="([^"]+)"')


@dataclass(frozen=True)
class Citeproc:
    """Each cluster's rendered HTML (links point at ``#ref-KEY``) and each cited entry's HTML."""

    clusters: dict[str, str]
    entries: dict[str, str]
    langs: dict[str, str]
    """The language of each entry written in another language than the study's (its ``langid``)."""


def run_citeproc(
    clusters: list[str],
    bibs: list[Path],
    language: str,
    cache: Path | None,
    read: Callable[[Path], str] = lambda p: p.read_text("utf-8"),
) -> Citeproc:
    """Render the distinct clusters (Pandoc syntax) in one Pandoc run, cached by content hash.

    ``read`` reads a bibliography (the build passes the reader that has it already). After
    :func:`keep_last`, only what changed since the last run is rendered again (:mod:`.reuse`).
    """
    unique = list(dict.fromkeys(clusters))
    doc = _document(unique)
    locale = locale_for(language)
    texts = [read(b) for b in bibs]
    key = citeproc_key(doc, texts, locale)
    data = read_entry(cache, "citeproc", key) if cache else None
    plan = _plan(unique, bibs, texts, locale, cache) if _KEEP else None
    result: Citeproc | None = None
    if (
        isinstance(data, dict)
        and isinstance(data.get("clusters"), dict)
        and isinstance(data.get("entries"), dict)
        and isinstance(data.get("langs"), dict)
    ):
        result = Citeproc(data["clusters"], data["entries"], data["langs"])
    else:
        last = _LAST.get("last")
        if plan is not None and plan.reusable(last):
            result = _again(plan, last, bibs, locale)
        if result is None:
            result = _render(unique, bibs, locale)
            if cache:  # a whole run's only: what a clean build publishes never comes from a partial one
                write_entry(cache, "citeproc", key, dataclasses.asdict(result))
    if plan is not None:
        _LAST["last"] = plan.remember(result.clusters, result.entries, result.langs)
    return result


def keep_last() -> None:
    """From now on, keep each run's results for the next one (a long-lived process: ``thesis serve``)."""
    global _KEEP
    _KEEP = True


_KEEP = False
_LAST: dict[str, Last] = {}
"""The last run's results (``"last"``), while :func:`keep_last` is on."""
RUNS: list[tuple[int, int]] = []
"""Every Pandoc run of this process: (clusters rendered, entries given as ``nocite``); for tests."""


def _document(clusters: list[str], nocite: list[str] | None = None) -> str:
    head = "---\nnocite: |\n  " + "; ".join(f"@{{{k}}}" for k in nocite) + "\n---\n\n" if nocite else ""
    return head + "\n\n".join(f"::: {{#c{i}}}\n{c}\n:::" for i, c in enumerate(clusters))


def _render(clusters: list[str], bibs: list[Path], locale: Locale, nocite: list[str] | None = None) -> Citeproc:
    """One Pandoc run over ``clusters`` (and the ``nocite`` entries): each cluster's and entry's HTML."""
    RUNS.append((len(clusters), len(nocite or [])))
    out = run_pandoc(
        [
            "--from=markdown",
            "--to=html",
            "--wrap=none",
            *(f"--bibliography={b}" for b in bibs),
            *citeproc_args(locale),
            "--metadata=link-citations:true",
            "--metadata=suppress-bibliography:false",
        ],
        stdin=_document(clusters, nocite),
    )
    # rendered from third-party data: kept as HTML, made harmless (render/escape.py inert_html)
    rendered = {clusters[int(i)]: body.strip() for i, body in _DIV.findall(out)}
    found = _ENTRY.findall(out)
    entries = {key: inert_html(" ".join(body.split())) for key, _, body in found}
    langs = {key: m.group(1) for key, attrs, _ in found if (m := _LANG_ATTR.search(attrs))}
    return Citeproc(rendered, entries, langs)


def _plan(clusters: list[str], bibs: list[Path], texts: list[str], locale: Locale, cache: Path | None) -> Plan | None:
    """The keys of the clusters and entries, or None if a bibliography is not plain (bibscope.py)."""
    parsed = [parse_bib(text, b.name, b, cache) for b, text in zip(bibs, texts, strict=True)]
    if len({k for bib in parsed for k in bib.entries}) != sum(len(bib.entries) for bib in parsed):  # a key twice
        return None
    if any(bib_scope(bib) is None for bib in parsed):
        return None
    context = cache_key(repr(pandoc_version()), *style_inputs(locale), *(b.name for b in bibs))
    files = [(b.name, text, list(bib.entries.values())) for b, text, bib in zip(bibs, texts, parsed, strict=True)]
    return Plan.of(context, files, clusters)


def _again(plan: Plan, last: Last | None, bibs: list[Path], locale: Locale) -> Citeproc | None:
    """The last run's results with what changed rendered again; None if Pandoc's output lacks any of it."""
    assert last is not None  # plan.reusable(last)
    todo, nocite = plan.todo(last)
    fresh = Citeproc({}, {}, {})
    if todo or nocite:
        # Pandoc reads only the entries cited (it tells apart only those, as in the whole run)
        excerpts = plan.excerpts({k for t in todo for k in plan.keys[t]} | set(nocite))
        with tempfile.TemporaryDirectory() as tmp:
            files = bibs
            if excerpts is not None:
                files = [Path(tmp) / f"{n}-{name}" for n, (name, _) in enumerate(excerpts)]
                for file, (_, text) in zip(files, excerpts, strict=True):
                    file.write_text(text, encoding="utf-8", newline="")
            fresh = _render(todo, files, locale, nocite)
    old = {t: last.clusters.get(k) for t, k in plan.cluster_keys.items()}
    clusters = {t: fresh.clusters.get(t) if t in todo else old[t] for t in plan.texts}
    changed = {k for k in plan.every if last.entries.get(k, ("",))[0] != plan.entry_keys[k]}
    if any(html is None for html in clusters.values()) or not changed <= fresh.entries.keys():
        return None
    entries, langs = {}, {}
    for k, (_, html, lang) in last.entries.items():  # in the reference list's order, as before
        entries[k] = fresh.entries[k] if k in changed else html
        lang = fresh.langs.get(k, "") if k in changed else lang
        if lang:
            langs[k] = lang
    return Citeproc({t: html for t, html in clusters.items() if html is not None}, entries, langs)


def citeproc_key(doc: str, bibs: list[str], locale: Locale) -> str:
    """What citeproc's output is made from: the clusters, the bibliographies' text, the style and locale, Pandoc."""
    return cache_key(repr(pandoc_version()), *style_inputs(locale), *bibs, doc)


_LINK = re.compile(r'<a href="#ref-([^"]+)" role="doc-biblioref">(.*?)</a>', re.S)
_SPAN = re.compile(r'^<span class="citation" data-cites="[^"]*">(.*)</span>$', re.S)


def cluster_markdown(rendered_html: str, link_to: str) -> tuple[str, list[str]]:
    """Turn a rendered cluster into Markdown with links to ``link_to#ref-KEY``; return its keys.

    The text stays citeproc's HTML made inert (``inert_html``): never unescaped, never Markdown.
    """
    inner = _SPAN.sub(r"\1", rendered_html.strip())
    keys: list[str] = []
    parts = _LINK.split(inner)
    out = []
    # split() with 2 groups yields: text, key, label, text, key, label, ..., text
    for i in range(0, len(parts), 3):
        out.append(_inline(parts[i]))
        if i + 2 < len(parts):
            keys.append(parts[i + 1])
            out.append(f"[{_inline(parts[i + 2])}]({link_to}#ref-{quote(parts[i + 1], safe=':/-.')})")
    return "".join(out), keys


def _inline(fragment: str) -> str:
    """Pandoc's inline HTML (em, span) as inert HTML on one line (no links: it sits in one)."""
    return inert_html(re.sub(r"</?a\b[^>]*>", "", fragment)).replace("\n", " ")
