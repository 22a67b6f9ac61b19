"""The study's language: one table for every string the kit prints, and every language setting.

A study names its language in ``report/study.yaml`` (``language: nb``, ``nn`` or ``en``, optionally
with a region: ``en-GB``). ``locale_for`` turns that into a ``Locale``: the citeproc locale and CSL
style (the same for the site and the PDF), the date format (Babel), the hyphenation patterns
(pyphen), Material's language and search stemmer, and the strings of ``STRINGS``. Nothing else in
the kit spells a month, a label or a message in a human language.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

LANGUAGES = ("nb", "nn", "en")
"""The languages the kit speaks."""

DEFAULT_REGION = {"nb": "NO", "nn": "NO", "en": "US"}
"""The region when the study names none (APA is American English: "ed.", not en-GB "edn")."""

_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en"}

# Each entry: key → {language: text}. Templates read them as ``t.key`` (or ``t["key"]``).
STRINGS: dict[str, dict[str, str]] = {
    # the PDF
    "references": {"nb": "Litteraturliste", "nn": "Litteraturliste", "en": "References"},
    "contents": {"nb": "Innhold", "nn": "Innhald", "en": "Contents"},
    "figures": {"nb": "Figurer", "nn": "Figurar", "en": "Figures"},
    "tables": {"nb": "Tabeller", "nn": "Tabellar", "en": "Tables"},
    "figure": {"nb": "Figur", "nn": "Figur", "en": "Figure"},
    "table": {"nb": "Tabell", "nn": "Tabell", "en": "Table"},
    "institution": {"nb": "Institusjon", "nn": "Institusjon", "en": "Institution"},
    "course_code": {"nb": "Emnekode", "nn": "Emnekode", "en": "Course code"},
    "candidate_number": {"nb": "Kandidatnummer", "nn": "Kandidatnummer", "en": "Candidate number"},
    "supervisor": {"nb": "Veileder", "nn": "Rettleiar", "en": "Supervisor"},
    "submitted": {"nb": "Innlevert", "nn": "Levert", "en": "Submitted"},
    # the site: generated pages and boxes
    "cite": {"nb": "Sitér", "nn": "Siter", "en": "Cite"},
    "copy_reference": {"nb": "Kopier referansen", "nn": "Kopier referansen", "en": "Copy the reference"},
    "source": {"nb": "Kilde", "nn": "Kjelde", "en": "Source"},
    "theme": {"nb": "Tema", "nn": "Tema", "en": "Theme"},
    "themes": {"nb": "Temaer", "nn": "Tema", "en": "Themes"},
    "findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "informants": {"nb": "Informanter", "nn": "Informantar", "en": "Informants"},
    "informant": {"nb": "Informant", "nn": "Informant", "en": "Informant"},
    "figures_and_tables": {"nb": "Figurer og tabeller", "nn": "Figurar og tabellar", "en": "Figures and tables"},
    "accessibility": {"nb": "Tilgjengelighet", "nn": "Tilgjenge", "en": "Accessibility"},
    "cited_in": {"nb": "Sitert i", "nn": "Sitert i", "en": "Cited in"},
    "reconstructed": {"nb": "rekonstruert", "nn": "rekonstruert", "en": "reconstructed"},
    "reconstructed_note": {
        "nb": "Oppføringer merket *rekonstruert* er bygd fra henvisningen i teksten og ikke kontrollert"
        " mot en katalog eller selve verket.",
        "nn": "Oppføringar merkte *rekonstruert* er bygde frå tilvisinga i teksten og ikkje kontrollerte"
        " mot ein katalog eller sjølve verket.",
        "en": "Entries marked *reconstructed* are built from the citation in the text and not checked"
        " against a catalogue or the work itself.",
    },
    "evidence_quotes": {
        "nb": "Sitater som belegger funnet",
        "nn": "Sitat som underbyggjer funnet",
        "en": "Quotes that support the finding",
    },
    "discussed_in": {"nb": "Drøftet i", "nn": "Drøfta i", "en": "Discussed in"},
    "discussed_in_sentence": {"nb": "Drøftes i", "nn": "Vert drøfta i", "en": "Discussed in"},
    "quotes": {"nb": "Sitater", "nn": "Sitat", "en": "Quotes"},
    "no_quotes": {"nb": "Ingen sitater.", "nn": "Ingen sitat.", "en": "No quotes."},
    "no_quotes_informant": {
        "nb": "Ingen sitater fra denne informanten.",
        "nn": "Ingen sitat frå denne informanten.",
        "en": "No quotes from this informant.",
    },
    "no_findings_theme": {
        "nb": "Ingen funn er knyttet til dette temaet.",
        "nn": "Ingen funn er knytte til dette temaet.",
        "en": "No findings belong to this theme.",
    },
    "findings_intro": {
        "nb": "Studiens funn, hvert med egen fast lenke, sitatene som belegger det og drøftingen av det.",
        "nn": "Funna i studien, kvart med eiga fast lenke, sitata som underbyggjer det og drøftinga av det.",
        "en": "The study's findings, each with its own permanent link, the quotes that support it and"
        " where it is discussed.",
    },
    "informants_intro": {
        "nb": "Informantene er anonyme og omtales med kodetall. Alle omtales som «{pronoun}».",
        "nn": "Informantane er anonyme og vert omtalte med kodetal. Alle vert omtalte som «{pronoun}».",
        "en": "The informants are anonymous and referred to by code number. Each is referred to as"
        " “{pronoun}”.",
    },
    "default_pronoun": {"nb": "hun", "nn": "ho", "en": "she"},
    "property": {"nb": "Egenskap", "nn": "Eigenskap", "en": "Property"},
    "value": {"nb": "Verdi", "nn": "Verdi", "en": "Value"},
    "group": {"nb": "Gruppe", "nn": "Gruppe", "en": "Group"},
    "quote_stands_in": {"nb": "Sitatet står i", "nn": "Sitatet står i", "en": "The quote is in"},
    "see_in_context": {"nb": "se i sammenhengen", "nn": "sjå i samanhengen", "en": "see it in context"},
    "text_version_of_figure": {
        "nb": "Tekstversjon av figur",
        "nn": "Tekstversjon av figur",
        "en": "Text version of figure",
    },
    "table_marker": {"nb": "tabell", "nn": "tabell", "en": "table"},
}


@dataclass(frozen=True)
class Locale:
    """Everything the kit needs to know about the study's language."""

    lang: str
    """``nb``, ``nn`` or ``en``."""
    region: str
    """``NO``, ``GB``, ``US`` …"""

    @property
    def tag(self) -> str:
        """BCP 47 tag, also the citeproc locale (the same for site and PDF): ``nb-NO``."""
        return f"{self.lang}-{self.region}"

    @property
    def babel(self) -> str:
        """Babel's locale name: ``nb_NO``."""
        return f"{self.lang}_{self.region}"

    @property
    def csl_style(self) -> str:
        """The CSL style: the Norsk APA-manual for nb and nn, APA 7 for English."""
        return "apa" if self.lang == "en" else "norsk-apa-manual"

    @property
    def narrative_and(self) -> str:
        """The word between two authors in running text ("og" in Norwegian, "and" in English)."""
        return "and" if self.lang == "en" else "og"

    @property
    def hyphenation(self) -> str:
        """Pyphen's dictionary for the language."""
        return hyphenation_for(self.tag)

    @property
    def material_language(self) -> str:
        """Material for MkDocs' ``theme.language``."""
        return self.lang

    @property
    def search_lang(self) -> str:
        """Lunr's stemmer for MkDocs' search plugin (``no`` covers bokmål and nynorsk)."""
        return "en" if self.lang == "en" else "no"

    def text(self, key: str, **values: object) -> str:
        """A string of the table in this language, with ``{name}`` fields filled in."""
        try:
            entry = STRINGS[key]
        except KeyError:
            raise KeyError(f"no string {key!r} in the locale table (thesiskit/lang.py)") from None
        text = entry[self.lang]
        return text.format(**values) if values else text

    @property
    def strings(self) -> dict[str, str]:
        """Every string of the table in this language (what templates see as ``t``)."""
        return {k: v[self.lang] for k, v in STRINGS.items()}

    def date(self, day: dt.date) -> str:
        """A date as written in running text: ``14. juni 2019``, ``14 June 2019``."""
        return format_date(day, self)

    def month(self, n: int) -> str:
        """The name of month ``n`` (1–12), lower-case in Norwegian."""
        return month_names(self.babel)[n - 1]


def normalise(language: str) -> tuple[str, str | None]:
    """``"en-GB"`` → ``("en", "GB")``; ``"no"`` → ``("nb", None)``. Unknown languages are returned as given."""
    parts = language.replace("_", "-").split("-")
    lang = _ALIASES.get(parts[0].lower(), parts[0].lower())
    region = parts[1].upper() if len(parts) > 1 and parts[1] else None
    return lang, region


def locale_for(language: str) -> Locale:
    """The study's locale; a language the kit does not speak falls back to English strings."""
    lang, region = normalise(language)
    if lang not in LANGUAGES:
        lang = "en"
    return Locale(lang, region or DEFAULT_REGION[lang])


def hyphenation_for(language: str) -> str:
    """Pyphen's dictionary for a language tag (``en`` → ``en_US``, ``nn`` → ``nn_NO``)."""
    lang, region = normalise(language)
    if lang == "en":
        return "en_GB" if region == "GB" else "en_US"
    return {"nb": "nb_NO", "nn": "nn_NO"}.get(lang, lang)


@functools.cache
def month_names(babel_locale: str) -> tuple[str, ...]:
    """Month names from Babel's CLDR data, in the form used inside a date."""
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale=babel_locale)
    return tuple(names[i] for i in range(1, 13))


def format_date(day: dt.date, locale: Locale) -> str:
    """A date in the locale's long form (Babel): ``14. juni 2019``, ``14 June 2019``, ``June 14, 2019``."""
    from babel.dates import format_date as babel_format

    return babel_format(day, format="long", locale=locale.babel)


def all_strings(lang: str) -> set[str]:
    """Every string of the table in ``lang`` (for tests that look for another language's words)."""
    return {v[lang] for v in STRINGS.values()}
