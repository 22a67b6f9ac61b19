"""Which fields an entry type takes: biblatex's data model (manual §2.1–2.2) with the BibTeX names.

Used by CIT014. Two kinds of field are told apart: fields every type may carry (titles, names,
dates, identifiers, notes, and what reference managers add), and fields that belong to some types
only (``journal`` to articles, ``booktitle`` to parts of books, ``school`` to theses). A type not
listed here (``@legislation`` of biblatex-apa, a style's own types) is not checked.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENERAL = _words(
    """
    abstract addendum afterword annotation annotator annote author authortype bookauthor bookpagination
    commentator crossref date day doi editor editora editoraltype editoratype editorb editorbtype editorc
    editorctype editortype eid entryset eprint eprintclass eprinttype execute file foreword gender holder
    howpublished hyphenation ids indexsorttitle indextitle introduction isan isbn ismn isrn issn iswc key
    keywords label langid langidopts language library location address month nameaddon note options
    origdate origlanguage origlocation origpublisher origtitle pages pagetotal pagination presort pubstate
    related relatedoptions relatedstring relatedtype series shortauthor shorteditor shorthand shorthandintro
    shortjournal shortseries shorttitle sortkey sortname sortshorthand sorttitle sortyear subtitle title
    titleaddon translator type url urldate urlday urlmonth urlyear venue version volume volumes xdata xref
    year edition number part publisher organization institution chapter maintitle mainsubtitle
    maintitleaddon eventdate eventtitle eventtitleaddon
    """
)
"""Fields any entry may carry (biblatex's general fields and the ones most types share)."""

TOOLS = _words(
    """
    abstractnote archiveprefix primaryclass pmid pmcid mrnumber zbl arxivid copyright rights timestamp
    owner groups ranking readstatus priority qualityassured printed comment comments citation-key
    citationkey bdsk-url-1 bdsk-url-2 bdsk-file-1 date-added date-modified read rating lccn oclc extra
    language_iso shortjournaltitle accessed status verification uncited
    """
)
"""Fields reference managers write (Zotero, Better BibTeX, JabRef, BibDesk, Mendeley) and the kit's own
(``status``, ``verification``, ``uncited``): never reported."""

BOOKISH = frozenset(
    {
        "book",
        "mvbook",
        "inbook",
        "bookinbook",
        "suppbook",
        "collection",
        "mvcollection",
        "incollection",
        "suppcollection",
        "reference",
        "mvreference",
        "inreference",
        "proceedings",
        "mvproceedings",
        "inproceedings",
        "conference",
        "booklet",
        "manual",
    }
)
PARTS = frozenset(
    {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference", "inproceedings", "conference"}
)
THESES = frozenset({"thesis", "phdthesis", "mastersthesis"})
REPORTS = frozenset({"report", "techreport"})

SPECIFIC: dict[str, frozenset[str]] = {
    "journal": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "journaltitle": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "journalsubtitle": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "journaltitleaddon": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "issue": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "issuetitle": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "issuesubtitle": frozenset({"article", "periodical", "suppperiodical", "review"}),
    "booktitle": PARTS,
    "booksubtitle": PARTS,
    "booktitleaddon": PARTS,
    "school": THESES,
}
"""Fields that only some types take, and those types."""

KNOWN_TYPES = (
    BOOKISH
    | PARTS
    | THESES
    | REPORTS
    | {
        "article",
        "periodical",
        "suppperiodical",
        "review",
        "online",
        "electronic",
        "www",
        "misc",
        "unpublished",
        "patent",
        "dataset",
        "software",
        "set",
        "xdata",
        "artwork",
        "audio",
        "image",
        "movie",
        "music",
        "performance",
        "video",
        "letter",
        "standard",
        "customa",
    }
)
"""Types whose fields are checked."""


def unknown_field(entry_type: str, name: str) -> str | None:
    """Why ``name`` is not a field of ``entry_type`` ("unknown" or "not used by"), or None if it is fine."""
    if name in TOOLS or name.startswith(("x-", "bdsk-", "zotero", "mendeley", "jabref", "opt")):
        return None
    types = SPECIFIC.get(name)
    if types is not None:
        if entry_type in KNOWN_TYPES and entry_type not in types:
            return "not used by"
        return None
    if name in GENERAL or entry_type not in KNOWN_TYPES:
        return None
    return "unknown"


def known_fields() -> list[str]:
    """Every field name the model knows (for suggestions)."""
    return sorted(GENERAL | set(SPECIFIC) | TOOLS)
