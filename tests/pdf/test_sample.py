"""The sample study (tests/pdf/sample) built to PDF: every check of the issue, on a small thesis."""

from __future__ import annotations

import re

from .conftest import Built
from .pdfcheck import Pdf, check_thesis, normalize


def test_thesis_pdf_passes_the_checks(sample_pdfs: Built) -> None:
    check_thesis(Pdf(sample_pdfs.pdf()), sample_pdfs.expected())


def test_submission_pdf_passes_the_checks_without_the_authors_name(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf(submission=True))
    check_thesis(pdf, sample_pdfs.expected(submission=True))
    for name in ("Kari", "Nordmann"):
        assert name not in pdf.text
        assert name not in pdf.strings  # metadata, XMP, bookmarks, structure tree, annotations
    title_page = normalize(pdf.pages[0])
    assert "Kandidatnummer 42" in title_page and "EX100" in title_page


def test_title_page_names_author_degree_institution_course_date_supervisor(sample_pdfs: Built) -> None:
    page = normalize(Pdf(sample_pdfs.pdf()).pages[0])
    for field in ("MASTEROPPGAVE", "Master i eksempelfag", "Samarbeid på tvers", "Kari Nordmann",
                  "Eksempelhøgskolen", "Fakultet Fakultet for eksempelfag", "Institutt Institutt for prøver",
                  "Sted Bergen", "Emnekode EX100", "Innlevert 15. mai 2020", "Veileder Ola Veileder"):  # fmt: skip
        assert field in page, field


def test_headings_keep_the_sites_numbers_and_unnumbered_stay_unnumbered(sample_pdfs: Built) -> None:
    marks = Pdf(sample_pdfs.pdf()).bookmarks
    assert (0, "1 Innledning") in marks and (1, "1.1 Bakgrunn") in marks and (2, "2.1.1 Informantene") in marks
    assert (0, "Sammendrag") in marks and (0, "Litteraturliste") in marks and (0, "Om denne utgaven") in marks
    assert not any(re.match(r"\d+(\.\d+)* \d", title) for _, title in marks)  # no second number


def test_reading_order_front_matter_chapters_references_appendices_edition(sample_pdfs: Built) -> None:
    titles = [t for depth, t in Pdf(sample_pdfs.pdf()).bookmarks if depth == 0]
    assert titles == ["Sammendrag", "Summary", "1 Innledning", "2 Funn og drøfting", "Litteraturliste",
                      "Vedlegg 1", "Om denne utgaven"]  # fmt: skip


def test_front_matter_roman_main_matter_from_one_with_running_headers(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf())
    sammendrag = pdf.pages_with("Bakgrunn: Denne prøveoppgaven")[0]
    assert normalize(pdf.pages[sammendrag]).endswith(" i")
    chapter = pdf.pages_with("1 Innledning 1.1 Bakgrunn")[-1]
    assert normalize(pdf.pages[chapter]).endswith(" 1")
    second = pdf.pages_with("2.2 Drøfting")[-1]
    assert normalize(pdf.pages[second]).startswith("2 Funn og drøfting")  # running header


def test_citations_in_apa_with_norwegian_terms_link_to_the_reference_list(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf())
    text = normalize(pdf.text)
    assert "(Berg & Dahl, 2015; Hansen, 2010, s. 45)" in text
    assert "Berg og Dahl (2015, s. 3)" in text  # "og" in running text, "&" in parentheses (Norsk APA-manual)
    assert "Berg, A. & Dahl, E. (2015)" in text  # no comma before "&" in the list
    assert "2018a" in text and "2018b" in text  # same author, same year: disambiguated
    refs = normalize(pdf.pages[pdf.bookmark_page("Litteraturliste")])
    assert "Ubrukt" not in refs  # only cited works
    cited_links = [ln for ln in pdf.links if ln.dest_page == pdf.bookmark_page("Litteraturliste")]
    assert len({ln.page for ln in cited_links}) >= 3  # from the abstract, both chapters


def test_figure_mentions_link_to_the_figures(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf())
    fig1 = pdf.pages_with("Figur 1: En enkel modell.")[-1]
    mention = pdf.pages_with("Modellen i Figur 1 viser")[0]
    assert any(ln.page == mention and ln.dest_page == fig1 and ln.contents.startswith("Figur") for ln in pdf.links)


def test_quotes_are_block_quotes_with_the_informant_number(sample_pdfs: Built) -> None:
    text = normalize(Pdf(sample_pdfs.pdf()).text)
    assert (
        "«Det er så kjekk jobb. Jeg blir ikke lei… [latter] Det er en grunn til at jeg har vært her i 17 år.» (1)"
        in text
    )
    assert "«Jeg ville valgt det samme igjen. Hver dag.» (1)" in text  # Ibid resolved to the informant


def test_figures_carry_alt_text_from_their_records(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf())
    alts = " | ".join(t.alt or "" for t in pdf.tags.find("Figure"))  # an edition note may follow
    for fig in sample_pdfs.src.records.figures.values():
        if fig.kind in ("graph", "image"):
            assert " ".join(fig.alt.split()) in alts, fig.id
        else:  # a table record is a tagged table, not a picture
            assert " ".join(fig.alt.split()) not in alts, fig.id
    assert len([t for t in pdf.tags.find("Table") if t.find("TH")]) >= 2


def test_tables_have_header_rows(sample_pdfs: Built) -> None:
    strings = Pdf(sample_pdfs.pdf()).strings
    assert "/TH" in strings  # table header cells in the structure tree


def test_summary_is_tagged_english(sample_pdfs: Built) -> None:
    assert _span_langs(sample_pdfs) == {"nb-NO", "en"}


def _span_langs(built: Built) -> set[str]:
    pdf = Pdf(built.pdf())
    langs: set[str] = set()

    def walk(obj: object, depth: int = 0) -> None:
        obj = obj.get_object() if hasattr(obj, "get_object") else obj
        if depth > 60:
            return
        if isinstance(obj, dict):
            if "/Lang" in obj:
                langs.add(str(obj["/Lang"]))
            for key in ("/K", "/StructTreeRoot"):
                if key in obj:
                    walk(obj[key], depth + 1)
        elif isinstance(obj, list):
            for item in obj:
                walk(item, depth + 1)

    walk(pdf.catalog)
    return langs


def test_only_captioned_tables_are_numbered_and_listed(sample_pdfs: Built) -> None:
    pdf = Pdf(sample_pdfs.pdf())
    text = normalize(pdf.text)
    # the captioned pipe table and the two table records share one numbering; the uncaptioned
    # tables (the list of changes) take none
    assert "Tabell 1: Begreper i oppgaven." in text and "Tabell 3: " in text and "Tabell 4" not in text
    assert "Tabell 1 Begreper i oppgaven." in normalize(pdf.pages[pdf.bookmark_page("Sammendrag") + 3])
