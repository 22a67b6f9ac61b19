"""How to cite the thesis and each finding: BibTeX, RIS, APA text, Highwire tags, COinS and JSON-LD.

A finding is cited as the thesis (one work, one entry) with the finding's section as the
locator and its permalink beside it: the APA text, the BibTeX and the RIS say the same.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from ..lang import locale_for
from ..records.schema import Finding, Study
from ..render import tokens
from ..render.escape import md_line, one_line


def ascii_key(text: str) -> str:
    """Lowercase ASCII fold, as Better BibTeX does (æ→ae, ø→o, å→a)."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", text)


def thesis_key(study: Study) -> str:
    """Citation key of the thesis itself."""
    return f"{ascii_key(study.author.family)[:40]}{study.date.year}"  # a file name too: kept short


def _bib_escape(value: str) -> str:
    value = " ".join(value.split())  # a line break or "@" at a line start cannot open another entry
    return value.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def thesis_bibtex(study: Study, url: str, *, key: str | None = None, place: Place | None = None) -> str:
    """A Better-BibTeX-style ``@mastersthesis`` entry for the thesis.

    With ``place`` (a finding), the entry is still the thesis's own, byte for byte (so that a
    bibliography holding both has the work once), after a comment line (``%``, text outside any
    entry, which BibTeX and biber skip) that gives the locator to cite the finding with and its
    permalink. The comment holds no "@", brace or line break: it cannot open an entry.
    """
    key = key or thesis_key(study)
    fields = [
        ("author", f"{study.author.family}, {study.author.given}"),
        ("title", study.title),
        ("school", study.institution),
        ("address", study.institution_place or ""),
        ("year", str(study.date.year)),
        ("date", study.date.isoformat()),
        ("type", study.genre or ""),
        ("langid", {"nb": "norsk", "nn": "nynorsk", "en": "english"}.get(study.language, study.language)),
        ("keywords", ", ".join(study.keywords)),
        ("url", url),
    ]
    body = ",\n".join(f"  {k} = {{{_bib_escape(v)}}}" for k, v in fields if v)
    entry = f"@mastersthesis{{{key},\n{body}\n}}\n"
    if place is None:
        return entry
    comment = re.sub(r"[@{}%\\]", " ", f"{key}, {place.locator}: {place.permalink}")
    return f"% {' '.join(comment.split())}\n{entry}"


def thesis_ris(study: Study, url: str, *, place: Place | None = None) -> str:
    """RIS for the thesis (``TY  - THES``), as Zotero and EndNote import it.

    With ``place`` (a finding), the record is the thesis's, with a note (``N1``) that gives the
    finding's section as the locator and its permalink.
    """
    rows = [
        ("TY", "THES"),
        ("AU", f"{study.author.family}, {study.author.given}"),
        ("TI", study.title),
        ("PY", str(study.date.year)),
        ("DA", study.date.strftime("%Y/%m/%d")),
        ("PB", study.institution),
        ("CY", study.institution_place or ""),
        ("M3", study.genre or ""),
        ("LA", study.language),
        *[("KW", k) for k in study.keywords],
        ("UR", url),
    ]
    if place is not None:
        rows.append(("N1", f"{place.title}: {place.locator}, {place.permalink}"))
    rows.append(("ER", ""))
    # one value per line: a line break in data cannot start another field or record
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in rows if value or tag == "ER")


@dataclass(frozen=True)
class Place:
    """Where a finding stands in the thesis: what its citation adds to the thesis's."""

    title: str
    """The finding's title."""
    locator: str
    """The locator as written in Pandoc syntax ("avsnitt 4.3.2"): label and section number."""
    permalink: str
    """The finding's permalink."""


# The CSL locator label for a numbered section, as Pandoc's citeproc reads it in each locale
# (nb-NO and nn-NO render it "avsn.", en-US "Section"): ``locator_section`` of the locale table.


def finding_place(study: Study, finding: Finding, section: str, permalink: str) -> Place:
    """The finding's place: its section (number, else title) as the locator of a thesis citation."""
    label = locale_for(study.language).text("locator_section")
    return Place(finding.title, f"{label} {section}", permalink)


def place_cluster(study: Study, place: Place) -> str:
    """The Pandoc citation of the thesis at a place, for citeproc: ``[@vatnoy2019, avsnitt 4.3.2]``."""
    return f"[@{thesis_key(study)}, {md_line(place.locator).replace(';', ',')}]"  # data: no markup, one cite


@dataclass(frozen=True)
class CiteInfo:
    """What the "Sitér" box shows: APA text (HTML) and links to the downloads."""

    apa_html: str
    bib_href: str
    ris_href: str
    intext_html: str = ""
    """For a place in the thesis (a finding): the in-text citation with its locator."""
    permalink: str = ""
    """For a place in the thesis: its permalink."""


def highwire_tags(study: Study, *, pdf_url: str, abstract: str) -> str:
    """The home page's head metadata: the citation_* tags Google Scholar and Zotero read, and DC.type.

    ``citation_dissertation_institution`` makes Zotero's Embedded Metadata translator save a
    thesis; ``DC.type`` becomes its "Type" (thesisType); ``citation_online_date`` is the edition's
    date beside the date of submission. Only the home page carries these: other pages carry a
    COinS of the thesis (``coins``), which Zotero reads and Google Scholar does not index.
    """
    tags = [
        ("citation_title", study.title),
        ("citation_author", f"{study.author.family}, {study.author.given}"),
        ("citation_publication_date", study.date.strftime("%Y/%m/%d")),
        ("citation_online_date", study.edition.date.strftime("%Y/%m/%d") if study.edition else ""),
        ("citation_dissertation_institution", study.institution),
        ("citation_dissertation_name", study.genre or ""),
        ("citation_language", study.language),
        ("citation_keywords", "; ".join(study.keywords)),
        ("citation_pdf_url", pdf_url),
        ("citation_abstract", abstract),
        ("DC.type", study.genre or ""),
    ]
    schema = '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">'
    return "\n".join([schema, *(f'<meta name="{n}" content="{html.escape(v, quote=True)}">' for n, v in tags if v)])


def coins(study: Study, url: str) -> str:
    """A COinS (OpenURL 1.0 ContextObject in a span) describing the thesis, for Zotero on any page.

    Zotero's COinS translator reads ``span.Z3988[title]`` with ``Zotero.Utilities.parseContextObject``:
    ``rft_val_fmt`` dissertation → item type thesis, ``rft.inst`` → university, ``rft.degree`` →
    thesisType, ``rft_id`` (http) → URL. Values are percent-encoded (that function decodes each
    with decodeURIComponent after turning "+" into a space).
    """
    pairs = [
        ("url_ver", "Z39.88-2004"),
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation"),
        ("rft_id", url),
        ("rft.title", study.title),
        ("rft.aulast", study.author.family),
        ("rft.aufirst", study.author.given),
        ("rft.au", f"{study.author.family}, {study.author.given}"),
        ("rft.date", study.date.isoformat()),
        ("rft.inst", study.institution),
        ("rft.place", study.institution_place or ""),
        ("rft.degree", study.genre or ""),
    ]
    title = "&".join(f"{k}={quote(v, safe='')}" for k, v in pairs if v)
    return f'<span class="Z3988" title="{html.escape(title, quote=True)}"></span>'


def json_ld(study: Study, *, url: str, pdf_url: str, abstract: str) -> str:
    """schema.org JSON-LD describing the thesis, safe to embed in a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Thesis",
        "name": study.title,
        "author": {
            "@type": "Person",
            "givenName": study.author.given,
            "familyName": study.author.family,
            "name": study.author.name,
        },
        "dateCreated": study.date.isoformat(),
        "datePublished": (study.edition.date if study.edition else study.date).isoformat(),
        "inLanguage": study.language,
        "keywords": study.keywords,
        "abstract": abstract,
        "inSupportOf": study.degree,
        "sourceOrganization": {"@type": "CollegeOrUniversity", "name": study.institution},
        # the supervisor in a schema.org Role: the role's roleName says what the person did
        # (MARC relator "ths", thesis advisor), its contributor is the person
        "contributor": {
            "@type": "Role",
            "roleName": "http://id.loc.gov/vocabulary/relators/ths",
            "contributor": {"@type": "Person", "name": study.supervisor},
        },
        "url": url,
        "encoding": {"@type": "MediaObject", "contentUrl": pdf_url, "encodingFormat": "application/pdf"},
    }
    if study.edition and study.edition.version:
        data["version"] = study.edition.version
    if study.license:
        data["license"] = study.license
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # no "<", ">" or "&" inside <script>: record text cannot end the element or open a comment
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def plain_text(markdown: str) -> str:
    """Markdown (after rendering) as one line of plain text, for metadata."""
    text = re.sub(r"^#.*$", "", markdown, flags=re.M)
    text = tokens.ANY.sub("", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"[*_`>]", "", text)
    return " ".join(html.unescape(text).split())
