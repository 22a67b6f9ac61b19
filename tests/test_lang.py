"""The locale table (thesiskit/lang.py): complete, and one citeproc locale for site and PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from thesiskit.cite.style import citeproc_args
from thesiskit.lang import LANGUAGES, STRINGS, locale_for
from thesiskit.pdf.meta import pdf_meta
from thesiskit.records.schema import Study


def test_every_string_in_every_language() -> None:
    for key, entry in STRINGS.items():
        assert sorted(entry) == sorted(LANGUAGES), key
        assert all(text.strip() for text in entry.values()), key


@pytest.mark.parametrize(
    ("language", "tag", "style", "dictionary"),
    [
        ("nb", "nb-NO", "norsk-apa-manual", "nb_NO"),
        ("no", "nb-NO", "norsk-apa-manual", "nb_NO"),
        ("nn", "nn-NO", "norsk-apa-manual", "nn_NO"),
        ("en", "en-US", "apa", "en_US"),
        ("en-GB", "en-GB", "apa", "en_GB"),
    ],
)
def test_locale_settings(language: str, tag: str, style: str, dictionary: str) -> None:
    loc = locale_for(language)
    assert (loc.tag, loc.csl_style, loc.hyphenation) == (tag, style, dictionary)


@pytest.mark.parametrize("language", ["nb", "nn", "en", "en-GB"])
def test_site_and_pdf_use_the_same_citeproc_locale(language: str) -> None:
    study = Study.model_validate(
        {
            "title": "T",
            "author": {"given": "A", "family": "B"},
            "degree": "D",
            "institution": "I",
            "course_code": "C",
            "candidate_number": "1",
            "date": "2020-05-15",
            "supervisor": "S",
            "language": language,
        }
    )
    site = citeproc_args(locale_for(study.language))
    pdf = citeproc_args(pdf_meta(study, submission=False).locale)
    assert site == pdf


def test_months_come_from_babel() -> None:
    assert locale_for("nb").month(1) == "januar"
    assert locale_for("en").month(5) == "May"
    assert locale_for("nn").date(dt.date(2019, 6, 14)) == "14. juni 2019"


def test_no_default_states_a_fact_the_study_did_not_give() -> None:
    """The kind of thesis is not guessed (printed only when given); the language is required."""
    base = {
        "title": "T",
        "author": {"given": "A", "family": "B"},
        "degree": "D",
        "institution": "I",
        "course_code": "C",
        "candidate_number": "1",
        "date": "2020-05-15",
        "supervisor": "S",
    }
    with pytest.raises(ValidationError, match="language"):
        Study.model_validate(base)
    study = Study.model_validate({**base, "language": "nb"})
    assert study.genre is None and study.informant_pronoun is None and study.license is None
    assert Study.model_validate({**base, "language": "en", "genre": "PhD thesis"}).genre == "PhD thesis"
