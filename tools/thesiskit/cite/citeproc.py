"""Render citation clusters and the bibliography with Pandoc citeproc: one run for the whole study."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..cache import cache_key, read_entry, write_entry
from ..lang import Locale, locale_for
from ..pandoc import pandoc_version, run_pandoc
from ..render.escape import inert_html
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

    ``read`` reads a bibliography (the build passes the reader that has it already).
    """
    unique = list(dict.fromkeys(clusters))
    doc = "\n\n".join(f"::: {{#c{i}}}\n{c}\n:::" for i, c in enumerate(unique))
    locale = locale_for(language)
    key = citeproc_key(doc, [read(b) for b in bibs], locale)
    data = read_entry(cache, "citeproc", key) if cache else None
    if (
        isinstance(data, dict)
        and isinstance(data.get("clusters"), dict)
        and isinstance(data.get("entries"), dict)
        and isinstance(data.get("langs"), dict)
    ):
        return Citeproc(data["clusters"], data["entries"], data["langs"])
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
        stdin=doc,
    )
    # rendered from third-party data: kept as HTML, made harmless (render/escape.py inert_html)
    rendered = {unique[int(i)]: body.strip() for i, body in _DIV.findall(out)}
    found = _ENTRY.findall(out)
    entries = {key: inert_html(" ".join(body.split())) for key, _, body in found}
    langs = {key: m.group(1) for key, attrs, _ in found if (m := _LANG_ATTR.search(attrs))}
    if cache:
        write_entry(cache, "citeproc", key, {"clusters": rendered, "entries": entries, "langs": langs})
    return Citeproc(rendered, entries, langs)


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
