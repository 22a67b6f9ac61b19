"""Figures are hyphenated in their own language: the study's, or the figure record's ``lang``."""

from __future__ import annotations

from thesiskit.figures.svg import render_svg
from thesiskit.figures.text import _syllable_breaks, hyphenation
from thesiskit.records.schema import Figure


def _fig(lang: str | None = None) -> Figure:
    return Figure.model_validate(
        {
            "id": "f",
            "caption": "A model",
            "alt": "Boxes",
            "kind": "graph",
            "nodes": [{"id": "a", "label": "Research", "row": 1, "col": 1}],
            "lang": lang,
        }
    )


def test_english_words_break_by_english_patterns() -> None:
    with hyphenation("en"):
        assert sorted(_syllable_breaks("Research")) == [2]  # Re-search
    with hyphenation("nb"):
        assert 4 in _syllable_breaks("Research")  # Norwegian patterns would allow "Rese-arch"


def test_svg_names_the_language_of_the_study_or_the_figure() -> None:
    assert 'lang="nb"' in render_svg(_fig(), language="nb")
    assert 'xml:lang="en-GB"' in render_svg(_fig(), language="en-GB")
    assert "<title id=\"f-title\">Figure: A model</title>" in render_svg(_fig(), language="en")
    assert 'lang="en"' in render_svg(_fig("en"), language="nn")  # the figure's own language wins
