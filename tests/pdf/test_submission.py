"""The exam submission is the candidate's text as submitted, anonymised; the edition PDF says what it is.

On the sample study (tests/pdf/sample): its "Om denne utgaven" is marked ``.edition-only``, its
figure ``modell`` has an ``edition_note``, references.bib marks ``aasen2012`` reconstructed and
report/study.yaml records an edition. Text is read with pypdf (no poppler needed).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pypdf import PdfReader

from .conftest import Built
from .pdfcheck import Pdf


@cache
def _text(path: Path) -> str:
    """The PDF's text (pypdf), soft hyphens joined, whitespace as single spaces."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(re.sub("\u00ad\\s*", "", text).split())


def test_submission_leaves_out_the_edition_pages_and_their_contents_entry(sample_pdfs: Built) -> None:
    edition, submission = _text(sample_pdfs.pdf()), _text(sample_pdfs.pdf(submission=True))
    assert "Om denne utgaven" in edition
    assert "Om denne utgaven" not in submission  # neither the page nor its line in the contents
    assert "utgaven" not in submission.lower()
    assert "Om denne utgaven" not in [t for _, t in Pdf(sample_pdfs.pdf(submission=True)).bookmarks]


def test_edition_note_of_a_figure_is_in_the_edition_only(sample_pdfs: Built) -> None:
    note = sample_pdfs.src.records.figures["modell"].edition_note
    assert note
    assert note in _text(sample_pdfs.pdf())  # visible after the caption
    assert note in Pdf(sample_pdfs.pdf()).strings  # and in the figure's alt text
    assert note not in _text(sample_pdfs.pdf(submission=True))
    assert note not in Pdf(sample_pdfs.pdf(submission=True)).strings


def test_submission_names_the_candidate_grammatically(sample_pdfs: Built) -> None:
    text = _text(sample_pdfs.pdf(submission=True))
    assert "Jeg, kandidat 42, er student" in text
    assert "Med vennlig hilsen Kandidat 42" in text  # `author() | capfirst` at the start of a line
    assert "Kandidatnummer 42," not in text


def test_edition_pdf_gives_the_edition_date_beside_the_submission_date(sample_pdfs: Built) -> None:
    title_edition = PdfReader(sample_pdfs.pdf()).pages[0].extract_text()
    title_submission = PdfReader(sample_pdfs.pdf(submission=True)).pages[0].extract_text()
    assert "Innlevert" in title_edition and "15. mai 2020" in title_edition
    assert "Denne utgaven" in title_edition and "1. mars 2021" in title_edition and "Versjon" in title_edition
    assert "Denne utgaven" not in title_submission and "2021" not in title_submission


def test_reconstructed_entries_are_marked_with_a_legend_in_the_edition_only(sample_pdfs: Built) -> None:
    edition, submission = _text(sample_pdfs.pdf()), _text(sample_pdfs.pdf(submission=True))
    refs = edition[edition.rindex("Litteraturliste") :]
    assert "Oppføringer merket [rekonstruert]" in refs  # the legend
    assert refs.count("[rekonstruert]") == 2  # the legend and the one entry marked so in references.bib
    assert "Ledelse i velferdsstaten. Universitetsforlaget. [rekonstruert]" in refs  # aasen2012
    assert "rekonstruert" not in submission
