"""The MkDocs page cache (site/pagecache.py): an unchanged page is neither converted, rendered nor
indexed for search again, and the site is the same bytes; a build that warned keeps nothing; an
unknown plugin turns it off.

Each test runs MkDocs itself (``run_mkdocs``) on a small tree; the page cache's keys are covered in
tests/test_cache_keys.py and whole builds after each kind of edit in tests/test_incremental.py.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest
from material.plugins.search import plugin as search

from thesiskit import cache
from thesiskit.cli import main
from thesiskit.errors import ToolError
from thesiskit.site.mkdocs import run_mkdocs

CONFIG = """\
site_name: S
site_url: https://example.org/s/
theme:
  name: material
plugins:
  - search
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
validation:
  anchors: warn
nav:
  - A: a.md
  - Del:
    - b.md
"""
PAGES = {
    "a.md": "# A\n\nSe [B](b.md#mer).\n\n## Del {#del}\n\nTekst.\n",
    "b.md": "# B\n\nTekst.\n\n## Mer {#mer}\n",
}


def _site(root: Path, pages: dict[str, str] = PAGES, config: str = CONFIG) -> Callable[[], dict[str, str]]:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    for rel, text in pages.items():
        (root / "docs" / rel).write_text(text, "utf-8")

    def build() -> dict[str, str]:
        shutil.rmtree(root / "site", ignore_errors=True)
        run_mkdocs(root / "mkdocs.yml", root / "cache")
        files = sorted(p for p in (root / "site").rglob("*") if p.is_file())
        return {p.relative_to(root / "site").as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    return build


def _not_converted(*args: Any, **kwargs: Any) -> str:
    raise AssertionError("an unchanged page was converted again")


def _not_indexed(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("an unchanged page was read again for the search index")


def _not_listed(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("the theme's files were listed again")


def test_unchanged_pages_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path)
    first = build()
    kinds = {p.name.split("-")[0] for p in (tmp_path / "cache").glob("*-*.json")}
    assert kinds == {"mdpage", "htmlpage", "searchpage", "themefiles"}
    render = jinja2.Template.render

    def no_page_rendered(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        context = args[0] if args else kwargs
        assert context.get("page") is None, "an unchanged page was rendered again"
        return render(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "convert", _not_converted)
    monkeypatch.setattr(jinja2.Template, "render", no_page_rendered)
    monkeypatch.setattr(search.Parser, "feed", _not_indexed)
    monkeypatch.setattr(jinja2.Environment, "list_templates", _not_listed)
    assert build() == first, "the site from the cache differs (search index, sitemap or a page)"


def test_a_title_edited_renders_every_page_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """b.md has no title in the nav: its heading is its title in every page's navigation."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path)
    build()
    (tmp_path / "docs" / "b.md").write_text(PAGES["b.md"].replace("# B", "# Bee"), "utf-8")
    again = build()
    assert b"Bee" in (tmp_path / "site" / "a" / "index.html").read_bytes()
    shutil.rmtree(tmp_path / "cache")
    assert build() == again, "the site built with the cache differs from one built without it"


def test_a_file_added_to_the_theme_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list of the theme's files is kept, keyed by what is in the study's ``custom_dir``."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path, config=CONFIG.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    (tmp_path / "overrides").mkdir()
    build()
    (tmp_path / "overrides" / "extra.css").write_text("body { margin: 0 }\n", "utf-8")
    assert "extra.css" in build()


def test_a_page_added_outside_the_nav_renders_the_others_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template may list every page (the context's ``pages``), not only those of the nav."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path, config=CONFIG.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    listing = "{% for p in pages %}[{{ p.src_uri }}]{% endfor %}"
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}' + listing + "{% endblock %}", "utf-8"
    )
    build()
    (tmp_path / "docs" / "c.md").write_text("# C\n", "utf-8")
    build()
    assert "[c.md]" in (tmp_path / "site" / "a" / "index.html").read_text("utf-8")


def test_a_build_that_warned_keeps_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link to a missing anchor warns (strict: fails); the next build must warn again, not take the page."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path, {**PAGES, "a.md": PAGES["a.md"].replace("#mer", "#mindre")})
    for _ in range(2):
        with pytest.raises(ToolError, match="mindre"):
            build()
    assert not list((tmp_path / "cache").glob("*page-*"))


def test_a_plugin_with_unknown_state_turns_the_page_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path, config=CONFIG.replace("  - search\n", "  - search\n  - tags\n"))
    build()
    assert (tmp_path / "site" / "a" / "index.html").is_file()
    assert not list((tmp_path / "cache").glob("*page-*"))


def test_damaged_entries_are_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = _site(tmp_path)
    first = build()
    entries = sorted((tmp_path / "cache").glob("*page-*"))
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if n % 2 else data.replace(b"e", b"o"))
    assert build() == first
    assert all(cache.read(e) is not None for e in entries), "a damaged entry was not written again"


def test_a_moved_study_takes_its_pages_from_the_cache(sample_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """No path of the study in a page's key (the derived config's folders are relative to its staging folder)."""
    first = sample_copy("mini")
    assert main(["build", "--project", str(first), "--no-pdf"]) == 0
    index = (first / "site" / "index.html").read_bytes()
    moved = tmp_path / "et" / "annet sted" / "mini"
    moved.parent.mkdir(parents=True)
    first.rename(moved)
    assert not list((moved / "build" / ".cache").glob("site-*")), "MkDocs' site is not kept whole"
    shutil.rmtree(moved / "site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(markdown.Markdown, "convert", _not_converted)
        assert main(["build", "--project", str(moved), "--no-pdf"]) == 0
    assert (moved / "site" / "index.html").read_bytes() == index
