"""Assembling the Pandoc document for the PDF, and the metadata of the two variants (no engines run)."""

from __future__ import annotations

import datetime as dt

from thesiskit.pdf.document import assemble, link_figure_mentions
from thesiskit.pdf.meta import format_date, pdf_meta
from thesiskit.records.schema import Edition, Person, Study
from thesiskit.render.chapters import Page

STUDY = Study(
    title="Tittel",
    author=Person(given="Kari", family="Nordmann"),
    degree="Master",
    institution="Høgskolen",
    course_code="EX100",
    candidate_number="42",
    date=dt.date(2019, 6, 14),
    supervisor="Ola",
    language="nb",
)


def _pages() -> list[Page]:
    return [
        Page("sammendrag.md", None, "# Sammendrag {#sammendrag .unnumbered}\n\nTekst."),
        Page("summary.md", None, "# Summary {#summary .unnumbered lang=en}\n\nText."),
        Page("01-a.md", None, "# 1 Innledning {#innledning}\n\nSe Figur 1 og figur 2.\n\n"
             "![Cap](figurer/a.svg){#fig-a fig-alt=\"A\"}\n\n![Cap](figurer/b.svg){#fig-b fig-alt=\"B\"}"),
        Page("vedlegg/1.md", None, "# Vedlegg 1 {#vedlegg-1 .unnumbered}\n\nTekst."),
    ]  # fmt: skip


def test_contents_and_main_matter_start_before_the_first_numbered_chapter() -> None:
    doc = assemble(_pages(), "nb", "NO")
    sources = [c.source for c in doc.chunks if "#contents()" in c.markdown]
    assert sources == ["docs/01-a.md"]
    assert "#show: main-matter" in doc.chunks[2].markdown


def test_every_page_starts_on_a_new_page_and_names_its_source() -> None:
    doc = assemble(_pages(), "nb", "NO")
    for chunk in doc.chunks:
        assert f"// thesiskit-source: {chunk.source}" in chunk.markdown
        assert "#page-start()" in chunk.markdown


def test_a_page_in_another_language_is_switched_and_switched_back() -> None:
    summary = assemble(_pages(), "nb", "NO").chunks[1].markdown
    assert '#set text(lang: "en", region: none)' in summary
    assert summary.rstrip().endswith('#set text(lang: "nb", region: "NO")\n```')


def test_reference_list_is_added_after_the_last_chapter_when_no_page_holds_it() -> None:
    doc = assemble(_pages(), "nb", "NO")
    assert [c.refs for c in doc.chunks] == [False, False, False, True, False]
    assert "# Litteraturliste {#litteraturliste .unnumbered}" in doc.chunks[3].markdown


def test_the_given_reference_page_is_kept_in_place() -> None:
    pages = [*_pages(), Page("litteratur.md", None, "# Litteraturliste {.unnumbered}\n\n::: {#refs}\n:::\n")]
    doc = assemble(pages, "nb", "NO")
    assert [c.refs for c in doc.chunks] == [False, False, False, False, True]


def test_figures_are_numbered_in_order_and_mentions_link_to_them() -> None:
    doc = assemble(_pages(), "nb", "NO")
    assert doc.figures == ["fig-a", "fig-b"]
    assert "Se [Figur 1](#fig-a) og [figur 2](#fig-b)." in doc.chunks[2].markdown


def test_mentions_in_headings_captions_code_and_links_are_left_alone() -> None:
    numbers = {1: "fig-a"}
    text = "# Figur 1 {#x}\n\n![Figur 1](f.svg)\n\n`Figur 1`\n\n```\nFigur 1\n```\n\n[Figur 1](#fig-a)\n\nFigur 9"
    assert link_figure_mentions(text, numbers) == text


def test_metadata_of_the_thesis_and_of_the_anonymous_submission() -> None:
    thesis, submission = pdf_meta(STUDY, False), pdf_meta(STUDY, True)
    assert (thesis.pdf_author, thesis.byline) == ("Kari Nordmann", "Kari Nordmann")
    assert (submission.pdf_author, submission.byline) == ("Kandidatnummer 42", "Kandidatnummer 42")
    assert "Nordmann" not in str(submission.as_json())
    assert (thesis.lang, thesis.region, thesis.csl_locale) == ("nb", "NO", "nb-NO")


def test_dates_are_printed_the_norwegian_way() -> None:
    assert format_date(dt.date(2019, 6, 14), "nb") == "14. juni 2019"
    assert format_date(dt.date(2019, 6, 14), "nn") == "14. juni 2019"
    assert format_date(dt.date(2019, 6, 14), "en") == "June 14, 2019"  # en-US, the default region
    assert format_date(dt.date(2019, 6, 14), "en-GB") == "14 June 2019"


def test_edition_date_version_and_licence_only_in_the_edition_and_only_when_given() -> None:
    bare = pdf_meta(STUDY, False)
    assert (bare.edition_date, bare.edition_version, bare.license) == (None, None, None)  # nothing invented
    edition = STUDY.model_copy(
        update={"edition": Edition(date=dt.date(2026, 12, 1), version="1.0"), "license": "CC-BY-4.0"}
    )
    thesis, submission = pdf_meta(edition, False), pdf_meta(edition, True)
    assert (thesis.date, thesis.edition_date, thesis.edition_version, thesis.license) == (
        "14. juni 2019",
        "1. desember 2026",
        "1.0",
        "CC-BY-4.0",
    )
    assert (submission.edition_date, submission.edition_version, submission.license) == (None, None, None)
