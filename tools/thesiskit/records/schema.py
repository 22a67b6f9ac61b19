"""One typed schema for each YAML surface of a study. Field docstrings are the documentation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SLUG = r"^[a-z0-9][a-z0-9-]*$"
# Bounds of a figure, far above any thesis's, so that a mistyped number cannot stall the layout.
MAX_GRID = 100  # rows and columns of a graph figure
MAX_NODES = 300  # boxes of a graph figure
MAX_LABEL = 2000  # characters of one box or table cell
MAX_TABLE = 500  # rows of a table figure (and cells of a row)
Cell = Annotated[str, Field(max_length=MAX_LABEL)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Person(_Record):
    """A person's name, split as citation formats need it."""

    given: str
    """Given name(s)."""
    family: str
    """Family name."""

    @property
    def name(self) -> str:
        """The full name, given name first."""
        return f"{self.given} {self.family}"


class SiteOptions(_Record):
    """``site:`` in report/study.yaml: how the website is built."""

    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    """The engine that builds the website from the Markdown tree: ``mkdocs`` (MkDocs with Material
    for MkDocs) or ``zensical``. ``thesis build --site-engine`` overrides it for one build."""


class Edition(_Record):
    """``edition:`` in ``report/study.yaml``: this edition of the thesis, beside the submitted original."""

    date: dt.date
    """Date of this edition (ISO 8601), printed beside the submission date in every output."""
    version: str | None = None
    """Version of the edition (e.g. "1.0"), if the edition numbers its versions."""

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value


class Study(_Record):
    """``report/study.yaml``: what the thesis is, for the title page, citations and metadata."""

    title: str
    """Title of the thesis, as on the title page."""
    subtitle: str | None = None
    """Subtitle, if any."""
    title_en: str | None = None
    """English title, for the English abstract page and metadata."""
    author: Person
    """The author. Left out of the anonymous exam submission."""
    degree: str
    """Degree the thesis is submitted for."""
    institution: str
    """Degree-granting institution."""
    institution_note: str | None = None
    """A note on the institution (e.g. its former name)."""
    institution_place: str | None = None
    """Where the institution is (for citations: the place of the thesis); printed on the title page."""
    faculty: str | None = None
    """Faculty (fakultet) the thesis is submitted at, printed on the title page."""
    department: str | None = None
    """Department or institute (institutt), printed on the title page."""
    front_page: str | None = None
    """The institution's own front page (framside) as a PDF, PNG or JPEG file, relative to the study
    folder (e.g. ``report/framside.pdf``): printed as page 1, before the kit's title page."""
    course_code: str
    """Course code of the thesis (printed in the exam submission)."""
    candidate_number: str
    """Candidate number (replaces the author's name in the exam submission)."""
    date: dt.date
    """Submission date (ISO 8601). Also the PDF creation date, for reproducible builds."""
    supervisor: str
    """Supervisor's name."""
    language: str
    """BCP 47 language of the thesis (nb, nn, en; required: the kit does not guess it)."""
    keywords: list[str] = Field(default_factory=list)
    """Keywords in the thesis language."""
    keywords_en: list[str] = Field(default_factory=list)
    """English keywords."""
    abstract: str = "sammendrag.md"
    """Chapter file (under docs/) holding the abstract, used in citation metadata."""
    genre: str | None = None
    """Kind of thesis as the title page and citations print it (e.g. "Masteroppgave", "Masteroppgåve",
    "Master's thesis"). Not printed when not given: the kit does not guess what kind of thesis it is."""
    edition: Edition | None = None
    """This edition (date, version), if the study is published as an edition of a submitted thesis."""
    license: str | None = None
    """Licence of the edition (SPDX id), only if the author has given one; for CITATION.cff and the site."""
    repository: str | None = None
    """URL of the source repository."""
    informant_pronoun: str | None = None
    """If the thesis writes about every informant with one pronoun (e.g. "hun"), the gate checks it."""
    unavoidable_attributes: list[str] = Field(default_factory=list)
    """Informant attributes the study says could not be hidden (exempt from the profile check)."""
    lint: dict[str, Any] = Field(default_factory=dict)
    """Policy for ``thesis lint`` (rule levels, per-file globs, allow and deny lists)."""
    site: SiteOptions = Field(default_factory=SiteOptions)
    """How the website is built (``engine``)."""

    @field_validator("candidate_number", "course_code", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("repository")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        from ..render.escape import safe_url

        if value and not safe_url(value):
            raise ValueError("must be an http(s) address (other links are not published)")
        return value


class Informant(_Record):
    """One anonymous informant."""

    number: int = Field(ge=1)
    """Code number, as the thesis uses it ("(4)")."""
    group: str
    """The case or unit the informant belongs to (column group of the informant table)."""
    profile: dict[str, str] = Field(default_factory=dict)
    """Public, anonymous profile shown on the informant's page (e.g. styringslinje, rolle)."""
    attributes: dict[str, str] = Field(default_factory=dict)
    """The other rows of the informant table, label → cell, in table order."""

    @field_validator("attributes", "profile", mode="before")
    @classmethod
    def _cells_as_text(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: "" if v is None else str(v) for k, v in value.items()}
        return value


class InformantsFile(_Record):
    """``report/informants.yaml``."""

    group_label: str = ""
    """Top-left cell of the informant table."""
    number_label: str = ""
    """Label of the table row of code numbers. Default: "Nr." ("No." in English), in the study's language."""
    informants: list[Informant]
    """The informants, in table order."""


class Quote(_Record):
    """An informant quote, included in a chapter with ``{{ quote(id) }}``."""

    id: str = Field(pattern=SLUG)
    """Stable id (lowercase slug), used in chapters, permalinks and findings."""
    informant: int
    """Informant number."""
    section: str
    """Id of the heading the quote stands under."""
    attribution: str
    """Attribution as printed in the thesis ("4", or "Ibid")."""
    text: str = Field(min_length=1)
    """The exact words, without the outer guillemets."""

    page_breaks: dict[str, str] = Field(default_factory=dict)
    """Page breaks of the original inside the quote: page number → the words that begin that page
    (they must occur once in ``text``); rendered like ``{{ page(N) }}`` in a chapter."""

    @field_validator("page_breaks", mode="before")
    @classmethod
    def _page_keys(cls, value: object) -> object:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value

    @field_validator("attribution", mode="before")
    @classmethod
    def _attr_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class Theme(_Record):
    """A theme that groups findings (e.g. a main section of the discussion)."""

    id: str = Field(pattern=SLUG)
    """Stable id."""
    title: str
    """Title, in the thesis's own words."""
    section: str | None = None
    """Id of the heading that treats the theme."""


class ThemesFile(_Record):
    """``report/themes.yaml``."""

    themes: list[Theme]
    """The themes, in order."""


class Finding(_Record):
    """``report/findings/*.yaml``: one finding of the study."""

    id: str = Field(pattern=SLUG)
    """Stable id; the finding's permalink is ``funn/<id>/``."""
    title: str
    """Short title, taken from the thesis's own headings or words."""
    text: str
    """The finding in the thesis's own words (verbatim)."""
    source: str
    """Id of the heading where the finding is stated."""
    quotes: list[str] = Field(default_factory=list)
    """Ids of the quotes that are its evidence."""
    discussion: list[str] = Field(default_factory=list)
    """Ids of the headings that discuss it."""
    themes: list[str] = Field(default_factory=list)
    """Ids of its themes."""
    order: int = 0
    """Position in the index of findings."""


class Node(_Record):
    """A box of a graph figure."""

    id: str
    """Id, used by edges."""
    label: str = Field(max_length=MAX_LABEL)
    """Text in the box, as printed."""
    row: int = Field(ge=1, le=MAX_GRID)
    """Grid row (1 = top)."""
    col: float = Field(ge=1, le=MAX_GRID, allow_inf_nan=False)
    """Grid column (1 = left; halves allowed to centre a box)."""
    span: float = Field(default=1, gt=0, le=MAX_GRID, allow_inf_nan=False)
    """Width in grid columns (more than 0)."""


class Figure(_Record):
    """``report/figures/*.yaml``: one figure, rendered as SVG for the site and the PDF."""

    id: str = Field(pattern=SLUG)
    """Stable id, used by ``{{ figure(id) }}``."""
    caption: str
    """Caption as printed, without "Figur N"."""
    source: str | None = None
    """Source line: Pandoc citation(s) or text."""
    alt: str
    """Text alternative: what the figure says, in prose (required; a picture's alt may not be empty)."""
    kind: Literal["graph", "table", "informants", "image"]
    """graph: boxes and lines; table: a table; informants: the informant table; image: a picture file."""
    file: str | None = None
    """Picture file (image): PNG, JPEG or SVG, relative to report/figures/ (e.g. ``bilder/prisma.png``)."""
    credit: str | None = None
    """Source or credit of the picture, printed on a line of its own under the caption
    (e.g. "Kilde: [@flaa1993]" or "Foto: Ola Nordmann")."""
    label: Literal["figure", "table"] | None = None
    """Which label and numbering the record takes: "figure" (Figur N, caption below) or "table"
    (Tabell N, title above). Default: table for kind table and informants, figure otherwise. An
    edition keeps an original's own label with it (a table the original calls "Figur 6")."""
    nodes: list[Node] = Field(default_factory=list, max_length=MAX_NODES)
    """Boxes (graph)."""
    edges: list[tuple[str, str]] = Field(default_factory=list, max_length=MAX_NODES * 4)
    """Lines between boxes, from → to (graph)."""
    header: list[Annotated[list[Cell], Field(max_length=MAX_TABLE)]] = Field(default_factory=list, max_length=20)
    """Header rows (table)."""
    rows: list[Annotated[list[Cell], Field(max_length=MAX_TABLE)]] = Field(default_factory=list, max_length=MAX_TABLE)
    """Body rows (table)."""
    notes: list[str] = Field(default_factory=list)
    """Legend lines printed under the figure."""
    edition_note: str | None = None
    """The edition's note on the figure (e.g. that the edition reconstructed it): printed after the
    caption and added to the text alternative in the edition, left out of the exam submission."""
    lang: str | None = None
    """Language of the figure's text (BCP 47: ``en``), if not the study's; its words are hyphenated in it."""

    @property
    def series(self) -> Literal["figure", "table"]:
        """The numbering the record belongs to (``label``, or the default for its kind)."""
        if self.label:
            return self.label
        return "table" if self.kind in ("table", "informants") else "figure"


ChangeKind = Literal["redaksjon", "sitering", "nummerering", "anonymitet", "figur", "tekst", "sitat"]


class Change(_Record):
    """``report/changes/*.yaml``: one deviation of the edition from the submitted text.

    An anonymity change (``kind: anonymitet``: a pronoun, a name, a place, any redaction of
    personal data) is recorded as a class with a count, never with its place or original wording:
    ``{kind: anonymitet, count: 6, edition: "kjønnede pronomen om informanter er gjort om til
    «hun»", note: "jf. studiens regel"}``. The gate (ANO011) fails on one that gives ``place`` or
    ``original``. Keep the author's own list of places outside the repository.
    """

    place: str | None = None
    """Heading id (or file) where the change is. Never for ``anonymitet``."""
    kind: ChangeKind
    """What kind of change."""
    original: str | None = None
    """What the submitted text says (never personal data: describe it instead). Never for ``anonymitet``."""
    edition: str
    """What the edition says; for ``anonymitet``, the class of change (printed after the count)."""
    note: str | None = None
    """Why, and on what evidence."""
    count: int | None = Field(default=None, ge=1)
    """``anonymitet``: how many changes of this class the edition makes."""
    redacted: list[str] = Field(default_factory=list)
    """``anonymitet``: SHA-256 hashes of the removed strings (``python -m thesiskit.lint hash-term``,
    with the deny list's salt); the gate fails when a published text repeats one of them."""
