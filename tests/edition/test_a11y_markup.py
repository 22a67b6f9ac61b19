"""Markup that automatic checkers cannot judge, read from the real site's HTML.

- Every figure (an SVG image) has an alt text and, right after it, a text version that carries
  its content: the boxes of an org chart as a nested list. A table record is a real table
  (header cells for columns and rows) in a ``<figure class="tabell">``, not a picture.
- Every informant quote is a block quote with its attribution (unless the thesis prints it without
  one), and the attribution link names the informant ("Informant 4", not just "4").
- A page whose first heading is in another language (`lang=en`) has its content in that language.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from thesiskit.project import open_project
from thesiskit.records import load_records

from ..a11y.checks import site_pages

FIGURE = re.compile(
    r'<figure class="figur" id="fig-(?P<id>[^"]+)">(?P<figure>.*?)</figure>\s*'
    r'<details class="tekstalternativ">(?P<details>.*?)</details>',
    re.S,
)
TABLE = re.compile(r'<figure class="tabell" id="fig-(?P<id>[^"]+)">(?P<figure>.*?)</figure>', re.S)
QUOTE = re.compile(r'<blockquote class="sitat" id="sitat-(?P<id>[^"]+)">(?P<body>.*?)</blockquote>', re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _pages(root: Path) -> dict[str, str]:
    site = root / "site"
    return {rel: (site / rel).read_text(encoding="utf-8") for rel in site_pages(site)}


def test_every_figure_has_an_alt_text_and_a_text_version_with_its_content(real_build: Path) -> None:
    figures = load_records(open_project(real_build)).figures
    seen: dict[str, str] = {}
    for rel, page in _pages(real_build).items():
        for m in FIGURE.finditer(page):
            fid, figure, details = m["id"], m["figure"], m["details"]
            seen[fid] = rel
            alt = re.search(r'<img alt="([^"]*)"', figure)
            assert alt and len(alt[1]) >= 20, f"{rel}: figure {fid} has no real alt text"
            assert "<summary>Tekstversjon av figur" in details, f"{rel}: figure {fid}'s text version has no summary"
            fig = figures[fid]
            text = _text(details)
            if fig.kind == "graph":
                assert "<ul>" in details, f"{rel}: org chart {fid} is not given as a list"
                for node in fig.nodes:
                    label = " ".join(node.label.split())
                    assert label in text, f"{rel}: figure {fid}'s text version lacks the box {label!r}"
            else:
                assert "<table" in details and '<th scope="col"' in details and '<th scope="row"' in details, (
                    f"{rel}: table figure {fid} is not a real table with header cells"
                )
            if fig.kind == "table":
                for row in fig.rows:
                    assert " ".join(row[0].split()) in text, f"{rel}: table {fid} lacks the row {row[0]!r}"
        for m in TABLE.finditer(page):
            fid, figure = m["id"], m["figure"]
            seen[fid] = rel
            fig = figures[fid]
            assert "<img" not in figure, f"{rel}: table {fid} is a picture"
            assert "<table" in figure and '<th scope="col"' in figure and '<th scope="row"' in figure, (
                f"{rel}: table figure {fid} is not a real table with header cells"
            )
            text = _text(figure)
            for row in fig.rows:
                assert " ".join(row[0].split()) in text, f"{rel}: table {fid} lacks the row {row[0]!r}"
    listed = re.findall(r'href="[^"]*#fig-([^"]+)"', _pages(real_build)["figurer/index.html"])
    assert listed and set(seen) == set(listed), f"figures with a text version {sorted(seen)}, listed {sorted(listed)}"


def test_every_quote_is_a_block_quote_with_its_attribution(real_build: Path) -> None:
    records = load_records(open_project(real_build))
    seen: set[str] = set()
    for rel, page in _pages(real_build).items():
        for m in QUOTE.finditer(page):
            qid = m["id"]
            seen.add(qid)
            quote = records.quotes.get(qid)
            assert quote is not None, f"{rel}: quote {m['id']} is not in report/quotes"
            cite = re.search(r"<cite>(.*?)</cite>", m["body"], re.S)
            if not quote.attribution:  # printed without one in the thesis: the edition adds none
                assert cite is None, f"{rel}: quote {qid} has an attribution the thesis does not print"
                continue
            assert cite, f"{rel}: quote {qid} has no attribution"
            assert f'aria-label="Informant {quote.informant}"' in cite[1], f"{rel}: quote {qid}: {cite[1]}"
    assert seen == set(records.quotes), f"quotes not on the site as block quotes: {set(records.quotes) - seen}"


def test_a_page_in_another_language_says_so(real_build: Path) -> None:
    for rel, page in _pages(real_build).items():
        h1 = re.search(r"<h1[^>]*>", page)
        lang = re.search(r' lang="([^"]+)"', h1[0]) if h1 else None
        if lang:
            assert f'<div lang="{lang[1]}">' in page, f"{rel}: the content is not marked as {lang[1]}"
