"""After an edit, ``thesis serve`` does again only the work of the pages it changed (observed through
hooks, not timing); what it makes is what a clean run makes."""

from __future__ import annotations

import pytest

from thesiskit.cite import link
from thesiskit.cite.scan import scan
from thesiskit.render.chapters import Page


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
