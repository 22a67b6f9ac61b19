"""After an edit, ``thesis serve`` does again only the work of the pages it changed (observed through
hooks, not timing); what it makes is what a clean run makes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.cite import link
from thesiskit.cite.scan import scan
from thesiskit.errors import InputError
from thesiskit.project import open_project
from thesiskit.render import memo
from thesiskit.render.chapters import Page, Rendered, Target, render_chapters
from thesiskit.study import read_sources


def test_a_page_as_in_the_last_call_is_not_scanned_for_citations_again(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []

    def counting(text: str) -> list[object]:
        scanned.append(text)
        return scan(text)  # type: ignore[return-value]

    monkeypatch.setattr(link, "scan", counting)
    pages = [Page("a.md", "A", "Som @hansen2014 skriver [@moe2001, s. 3]."), Page("b.md", "B", "Uten kilder.")]
    first = link.collect_clusters(pages)
    assert len(scanned) == 2
    pages[0] = Page("a.md", "A", "Som @hansen2014 skriver [@moe2001, s. 4].")
    again = link.collect_clusters(pages)
    assert scanned[2:] == [pages[0].markdown], "an unchanged page was scanned again"
    assert again == {p.path: scan(p.markdown) for p in pages}
    assert first["b.md"] == again["b.md"] == []


@pytest.fixture
def kept_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """keep_pages() on, from no render kept."""
    monkeypatch.setattr(memo, "_KEEP", True)
    monkeypatch.setattr(memo, "_KEPT", {})


def _render(root: Path, target: Target = "site") -> tuple[Rendered, list[str]]:
    """The study's chapters rendered as serve renders them, and which ran; checked against a whole render."""
    project = open_project(root)
    src = read_sources(project)
    got = render_chapters(src.chapters, src.records, src.env, target, docs=project.docs)
    ran = memo.RENDERED[(target, False, True)]
    keep = memo._KEEP
    memo._KEEP = False
    try:
        whole = render_chapters(src.chapters, src.records, src.env, target, docs=project.docs)
    finally:
        memo._KEEP = keep
    assert got == whole, "the pages kept and rendered differ from a whole render"
    return got, ran


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


@pytest.mark.parametrize("target", ["site", "pdf"])
def test_after_an_edit_only_the_pages_it_changed_are_rendered_again(
    sample_copy: Callable[[str], Path], kept_pages: None, target: Target
) -> None:
    root = sample_copy("mini")
    _, ran = _render(root, target)
    assert len(ran) == 5  # every page, the first time
    assert _render(root, target)[1] == [], "nothing changed, yet pages were rendered again"
    _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
    assert _render(root, target)[1] == ["01-innledning.md"]
    # a quote record: the page that includes it
    _edit(root / "report" / "quotes" / "funn.yaml", "Jeg ville valgt det samme igjen.", "Jeg ville valgt det samme.")
    assert _render(root, target)[1] == ["02-funn.md", "om-utgaven.md"]  # and the list of changes (its quotes)
    # a figure record: the page that shows it
    _edit(root / "report" / "figures" / "modell.yaml", "label: Teknologi", "label: Teknikk")
    assert _render(root, target)[1] == ["01-innledning.md"]
    # the study's metadata (any page may show it) or a template: every page
    _edit(root / "report" / "study.yaml", "title: Et lite", "title: Et nytt")
    assert len(_render(root, target)[1]) == 5
    (root / "templates" / target).mkdir(parents=True)
    (root / "templates" / target / "page.md.j2").write_text("[s. {{ n }}]", "utf-8")
    assert len(_render(root, target)[1]) == 5


def test_a_quote_taken_by_an_edited_page_is_reported_on_the_page_kept(
    sample_copy: Callable[[str], Path], kept_pages: None
) -> None:
    """The edited page now includes a quote that a page kept includes: the error a whole render gives."""
    root = sample_copy("mini")
    _render(root)
    _edit(root / "docs" / "01-innledning.md", "er krevende", 'er krevende\n\n{{ quote("s-kjekk-jobb") }}\n')
    project = open_project(root)
    src = read_sources(project)
    with pytest.raises(InputError) as kept:
        render_chapters(src.chapters, src.records, src.env, "site", docs=project.docs)
    memo._KEEP = False
    with pytest.raises(InputError) as whole:
        render_chapters(src.chapters, src.records, src.env, "site", docs=project.docs)
    assert kept.value.problems == whole.value.problems
    assert "included twice" in str(kept.value.problems)


def test_links_are_resolved_again_only_on_the_pages_that_changed(
    sample_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page as in the last call, whose links resolve against the same headings, ids and figures, is kept."""
    from thesiskit.render import links

    resolved: list[str] = []
    outside = links._outside_code

    def counting(text: str, fn: Callable[[str], str]) -> str:
        resolved.append(text)
        return outside(text, fn)

    monkeypatch.setattr(links, "_LAST", {})
    root = sample_copy("mini")

    def resolve() -> tuple[list[Page], list[Page]]:
        """Resolved with what the last call kept, and from nothing (checked to be the same)."""
        src = read_sources(open_project(root))
        sources = {c.path: c.text for c in src.chapters}
        rendered = render_chapters(src.chapters, src.records, src.env, "site")
        resolved.clear()
        monkeypatch.setattr(links, "_outside_code", counting)
        got = links.resolve_refs(rendered, "site", sources).pages
        monkeypatch.setattr(links, "_outside_code", outside)
        kept, links._LAST = links._LAST, {}
        whole = links.resolve_refs(render_chapters(src.chapters, src.records, src.env, "site"), "site", sources)
        links._LAST = kept
        assert got == whole.pages
        return got, whole.pages

    resolve()
    assert len(resolved) == 5
    resolve()
    assert resolved == [], "pages as in the last call were resolved again"
    _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
    resolve()
    assert len(resolved) == 1 and "svært krevende" in resolved[0], "only the edited page is resolved again"
    # a heading's title: every page's references to it may change
    _edit(root / "docs" / "02-funn.md", "# Funn og drøfting", "# Funn og videre drøfting")
    resolve()
    assert len(resolved) == 5
