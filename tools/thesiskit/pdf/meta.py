"""The PDF's metadata and title page, from the study metadata (anonymous in the exam submission)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from ..lang import Locale, locale_for
from ..records.schema import Study


@dataclass(frozen=True)
class PdfMeta:
    """What the Typst template reads (as JSON): title page fields and document metadata."""

    title: str
    subtitle: str | None
    title_en: str | None
    byline: str
    """The author's name, or "Kandidatnummer N" in the submission."""
    pdf_author: str
    """The PDF's Author: the author's name, or "Kandidatnummer N" in the submission."""
    degree: str
    genre: str | None
    """Kind of thesis, printed at the top of the title page ("Masteroppgave")."""
    institution: str
    institution_note: str | None
    institution_place: str | None
    faculty: str | None
    department: str | None
    front_page: str | None
    """File name of the institution's front page in the Typst folder (page 1), if the study gives one."""
    front_page_alt: str
    """Text alternative of the front page (PDF/UA)."""
    course_code: str
    candidate_number: str
    submission: bool
    date: str
    """Submission date as printed ("14. juni 2019")."""
    edition_date: str | None
    """Date of this edition as printed, beside the submission date (none in the submission)."""
    edition_version: str | None
    """Version of this edition, if it has one (none in the submission)."""
    license: str | None
    """The edition's licence, only if the study gives one (none in the submission)."""
    supervisor: str
    lang: str
    """ISO 639-1 language of the text (Typst's ``text.lang``)."""
    region: str | None
    keywords: list[str]
    labels: dict[str, str]
    """The kit's strings in the study's language (``lang.STRINGS``): title page labels, Innhold, Figur …"""

    def as_json(self) -> dict[str, object]:
        """The fields as a JSON-ready dict."""
        return asdict(self)

    @property
    def locale(self) -> Locale:
        """The study's locale (citeproc locale, style, hyphenation …)."""
        return locale_for(f"{self.lang}-{self.region}" if self.region else self.lang)

    @property
    def csl_locale(self) -> str:
        """The CSL locale for citeproc (``nb-NO``), the same as the site's."""
        return self.locale.tag


def format_date(date: dt.date, lang: str) -> str:
    """A date as printed on the title page, in the study's language (Babel's long form)."""
    return locale_for(lang).date(date)


def _front_page_name(front_page: str | None) -> str | None:
    """The front page's file in the Typst folder: a PDF's first page becomes a PNG (see pdf/typst.py)."""
    if not front_page:
        return None
    suffix = Path(front_page).suffix.lower()
    return f"framside{'.png' if suffix == '.pdf' else suffix}"


def pdf_meta(study: Study, submission: bool) -> PdfMeta:
    """The metadata of one variant: the author's name is left out of the submission."""
    locale = locale_for(study.language)
    lang = locale.lang
    byline = f"{locale.text('candidate_number')} {study.candidate_number}" if submission else study.author.name
    edition = None if submission else study.edition  # the submission is the text as submitted
    return PdfMeta(
        title=study.title,
        subtitle=study.subtitle,
        title_en=study.title_en if lang != "en" else None,
        byline=byline,
        pdf_author=byline,
        degree=study.degree,
        genre=study.genre,
        institution=study.institution,
        institution_note=study.institution_note,
        institution_place=study.institution_place,
        faculty=study.faculty,
        department=study.department,
        front_page=_front_page_name(study.front_page),
        front_page_alt=f"{', '.join(filter(None, [study.genre, study.institution]))}: {study.title}",
        course_code=study.course_code,
        candidate_number=study.candidate_number,
        submission=submission,
        date=locale.date(study.date),
        edition_date=locale.date(edition.date) if edition else None,
        edition_version=edition.version if edition else None,
        license=None if submission else study.license,
        supervisor=study.supervisor,
        lang=lang,
        region=locale.region,
        keywords=list(study.keywords),
        labels=locale.strings,
    )
