"""The real study built to PDF (about 10 s): the issue's "done when", on build/thesis.pdf and the submission.

Built from a copy of the repository's study through the pipeline's own steps. While
references.bib is still being written, a stand-in bibliography (one entry per cited key) is
used, so that every other check still runs.
"""

from __future__ import annotations

from pathlib import Path

from ..pdf.conftest import Built
from ..pdf.pdfcheck import Pdf, check_thesis, normalize


def test_thesis_pdf_is_complete(real_pdfs: Built) -> None:
    pdf = Pdf(real_pdfs.pdf())
    check_thesis(pdf, real_pdfs.expected(min_pages=101))
    assert "Sølvi Vatnøy" in normalize(pdf.pages[0])


def test_submission_pdf_is_complete_and_anonymous(real_pdfs: Built) -> None:
    pdf = Pdf(real_pdfs.pdf(submission=True))
    check_thesis(pdf, real_pdfs.expected(submission=True, min_pages=101))
    author = real_pdfs.src.records.study.author
    for name in (author.given, author.family, author.name):
        assert name not in pdf.text, name
        assert name not in pdf.strings, name
    assert "Kandidatnummer 115" in normalize(pdf.pages[0]) and "MR691" in normalize(pdf.pages[0])


def test_seven_figures_with_alt_text(real_pdfs: Built) -> None:
    pdf = Pdf(real_pdfs.pdf())
    assert sum(1 for _ in pdf.pages_with("Figur 7:")) == 1
    alts = " | ".join(t.alt or "" for t in pdf.tags.find("Figure"))  # an edition note may follow
    for fig in real_pdfs.src.records.figures.values():
        if fig.kind == "graph":
            assert " ".join(fig.alt.split()) in alts, fig.id


def test_edition_figur_6_and_7_are_tables_with_their_label(real_pdfs: Built) -> None:
    """Edition test (this study only): the original's "Figur 6" and "Figur 7" are data tables.

    In the PDF they keep their label and place in the figure numbering (and in the list of
    figures), but are tagged /Table with /TH header cells, not pictures with a prose /Alt.
    """
    pdf = Pdf(real_pdfs.pdf())
    text = normalize(pdf.text)
    assert "Figur 6: kontorenes formelle møtestruktur" in text
    assert "Figur 7: Bakgrunnsinformasjon om informantene." in text
    assert "Figur 6 kontorenes formelle møtestruktur" in text and "Figur 7 Bakgrunnsinformasjon" in text  # list
    assert "Tabell 1" not in text
    figures = real_pdfs.src.records.figures
    alts = " | ".join(t.alt or "" for t in pdf.tags.find("Figure"))  # an edition note may follow
    for fid in ("motestruktur", "informanter"):
        assert " ".join(figures[fid].alt.split()) not in alts, f"{fid} is still a picture"
    tables = [t for t in pdf.tags.find("Table") if t.find("TH")]
    heads = [len(t.find("TH")) for t in tables]
    assert 4 in heads, "Figur 6: a table with its header cells (title row and three column heads)"
    assert 12 in heads, "Figur 7: a table with its two header rows (groups and code numbers)"
    figur7 = next(t for t in tables if len(t.find("TH")) == 12)
    assert len(figur7.find("TD")) == 7 * 9


def test_rebuild_is_byte_identical(real_pdfs: Built, tmp_path: Path) -> None:
    assert real_pdfs.build(False, tmp_path / "again.pdf").read_bytes() == real_pdfs.pdf().read_bytes()


def test_submission_is_the_text_as_submitted(real_pdfs: Built) -> None:
    """No edition pages, statements, figure notes or reference marks; the candidate named as in prose (#15)."""
    from pypdf import PdfReader

    reader = PdfReader(real_pdfs.pdf(submission=True))
    text = normalize("\n".join(p.extract_text() or "" for p in reader.pages))
    for edition_word in ("Om denne utgaven", "utgaven", "Rekonstruert av", "rekonstruert", "innleverte"):
        assert edition_word not in text, edition_word
    strings = Pdf(real_pdfs.pdf(submission=True)).strings  # alt texts, bookmarks, metadata
    assert "utgaven" not in strings and "innleverte" not in strings
    assert "Jeg, kandidat 115, er deltidsstudent" in text
    assert "i kandidat 115 sitt forskningsprosjekt" in text
    assert "Kandidatnummer 115," not in text and "Kandidatnummer 115 sitt" not in text
    # no edition statement or edition date anywhere: text, contents (the PDF's outline) and metadata
    assert "Denne utgaven" not in text and "Vitenskapelig utgave" not in text
    assert "desember 2026" not in text and "2026" not in text and "Utgavens merknad" not in text
    outline = _titles(reader.outline)
    assert "Litteraturliste" in outline and not any("utgave" in title.lower() for title in outline)
    assert not any("utgave" in str(v).lower() for v in (reader.metadata or {}).values())
    edition = normalize("\n".join(p.extract_text() or "" for p in PdfReader(real_pdfs.pdf()).pages))
    assert "Om denne utgaven" in edition and "Rekonstruert av utgaven" in edition
    assert "Denne utgaven" in normalize(PdfReader(real_pdfs.pdf()).pages[0].extract_text())


def _titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    """Every title of a pypdf outline, nested entries included."""
    return [t for o in outline for t in (_titles(o) if isinstance(o, list) else [o.title])]
