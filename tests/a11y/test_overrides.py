"""The theme overrides work with both site engines: no copies of a theme's files, no theme asset
names, no Python string methods (Zensical's MiniJinja has none); markup both themes write and HTML
does not allow is corrected after the engine (thesiskit.site.finish), tested here.
"""

from __future__ import annotations

import re

import pytest

from thesiskit.render.env import KIT_TEMPLATES
from thesiskit.site.finish import add_head, page_html, valid_markup

OVERRIDES = KIT_TEMPLATES / "overrides"
TEMPLATES = sorted(OVERRIDES.rglob("*.html"))


def test_there_are_overrides() -> None:
    assert {p.name for p in TEMPLATES} >= {"main.html", "404.html"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(OVERRIDES).as_posix())
def test_override_is_neutral(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert "automatically generated" not in text, "a copy of a theme's file: it ties the site to one engine"
    assert not re.search(r"\.[0-9a-f]{8}\.min\.(?:css|js)", text), "a theme asset's hashed file name"
    code = " ".join(re.findall(r"\{[{%](.*?)[%}]\}", text, flags=re.S))
    methods = re.findall(r"\.(lstrip|rstrip|strip|split|startswith|endswith|replace|format|join|lower|upper)\(", code)
    assert not methods, f"Python string methods, which MiniJinja (Zensical) does not have: {methods}"
    assert "thesis_head" not in code, "head metadata comes from the kit after the engine, not from templates"


THEME_BODY = """<body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <label class="md-overlay" for="__drawer" aria-hidden="true"></label>
    <label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">Vedlegg</label>
    <span aria-hidden="true">x</span>
    <input class="md-search__input" type="text" autocomplete="off">
    <p><code>&lt;label tabindex=""&gt;</code> tabindex="" in text</p>
"""


def test_invalid_theme_markup_is_corrected() -> None:
    fixed = valid_markup(THEME_BODY)
    assert not re.search(r'type="checkbox"[^>]*autocomplete', fixed)
    assert '<input class="md-search__input" type="text" autocomplete="off">' in fixed  # allowed on text
    assert 'id="__nav_2_label">' in fixed
    assert '<label class="md-overlay" for="__drawer"></label>' in fixed and '<span aria-hidden="true">' in fixed
    assert 'tabindex="" in text' in fixed and "&lt;label tabindex=\"\"&gt;" in fixed  # text is left alone
    reset = fixed.index('document.getElementById("__drawer").checked=!1')
    assert fixed.index('id="__search"') < reset < fixed.index("md-nav__link")  # right after the toggles
    assert valid_markup(fixed) == fixed


def test_head_goes_before_the_end_of_head_once() -> None:
    html = "<html><head><title>T</title></head><body>x</body></html>"
    out = add_head(html, '<meta name="citation_title" content="A &amp; B">\n', where="index.html")
    head = '<title>T</title><meta name="citation_title" content="A &amp; B">\n</head>'
    assert out == f"<html><head>{head}<body>x</body></html>"


def test_page_files_follow_directory_urls() -> None:
    assert page_html("index.md") == "index.html"
    assert page_html("02-teori.md") == "02-teori/index.html"
    assert page_html("funn/index.md") == "funn/index.html"
    assert page_html("funn/felles-plattform.md") == "funn/felles-plattform/index.html"
