"""What the citation clients do with our metadata, as their sources say (for tests/test_citing.py).

Small, literal transcriptions of the parts of the clients' code that decide what they save, each
naming the file and commit it was read from:

- zotero/translators @ 28143701 ``Embedded Metadata.js`` (``init``: the item type from
  ``citation_*`` tags; ``DC.*`` tags become RDF statements; ``url`` from
  ``citation_abstract_html_url``, else ``link[rel=canonical]``) and ``RDF.js`` (``importItem``:
  ``dc:type`` becomes ``thesisType``), ``COinS.js`` (``detectWeb``/``doWeb``: ``span.Z3988[title]``);
- zotero/utilities @ 4051881d ``openurl.js`` ``parseContextObject``;
- zotero/translation-server @ d88a8d53 ``src/webSession.js`` (translators by priority, else
  ``saveWebpage``: an authorless ``webpage``);
- citation-file-format/ruby-cff @ 5dd0a839 ``lib/cff/formatters/bibtex.rb`` and
  ``formatter.rb`` (GitHub's "Cite this repository").

Checked against the real client: translation-server @ d88a8d53 (translators @ ee1746de, translate
@ e0fe482b, utilities @ 9c89b231, zotero-schema @ 1f5331e9), built from its git submodules with
its npm dependencies and run on Node 20, saved the edition's home page and a finding page through
``/web`` (2026-12-02). Its answers are kept as they came, in tests/edition/zotero/, and
tests/edition/test_zotero.py checks that this transcription gives the same item for the same pages.
translation-server is not on npm (it is built from git submodules), so no test runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

COINS_PRIORITY = 310  # COinS.js header
EMBEDDED_METADATA_PRIORITY = 320  # Embedded Metadata.js header
_DC_PREFIXES = {"dc", "dcterms"}  # Embedded Metadata.js _prefixes (the ones we use)


@dataclass
class Page:
    """What the clients read from a page: its meta tags (in order) and its COinS spans' titles."""

    meta: list[tuple[str, str]] = field(default_factory=list)
    coins: list[str] = field(default_factory=list)
    canonical: str | None = None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("name") or a.get("property")) and a.get("content"):
            self.page.meta.append((a.get("name") or a.get("property") or "", a["content"]))
        if tag == "link" and "canonical" in a.get("rel", "").split() and self.page.canonical is None:
            self.page.canonical = a.get("href")
        if tag == "span" and "Z3988" in a.get("class", "").split() and "title" in a:
            self.page.coins.append(a["title"])


def read_page(html: str) -> Page:
    """The page as Zotero's translators see it (the HTML parser unescapes attribute values)."""
    reader = _Reader()
    reader.feed(html)
    return reader.page


def embedded_metadata(page: Page) -> dict[str, Any] | None:
    """Embedded Metadata's item: ``init`` picks the type, RDF import and ``addHighwireMetadata`` fill it."""
    hw_type = hw_guess = None
    statements: dict[str, str] = {}
    for name, value in page.meta:
        for tag in name.split():
            parts = re.split(r"[.:_]", tag)
            prefix = parts[0].lower()
            if prefix in _DC_PREFIXES and len(parts) == 2:
                prop = tag[len(parts[0]) + 1 :]
                statements.setdefault(prefix + ":" + prop[:1].lower() + prop[1:], value)
                continue
            short = tag[tag.rfind("citation_") :] if "citation_" in tag else tag
            if short == "citation_dissertation_institution":
                hw_type = "thesis"
            elif short in ("citation_title", "citation_series_title"):
                hw_guess = hw_guess or "journalArticle"
    item_type = hw_type or hw_guess
    if item_type is None and not statements:
        return None  # detectWeb finds nothing
    meta = dict(page.meta)
    item: dict[str, Any] = {"itemType": item_type or "webpage"}
    if "dc:type" in statements:  # RDF.js importItem: every *Type field gets dc:type
        item["thesisType"] = statements["dc:type"]
    for tag, fieldname in (
        ("citation_title", "title"),
        ("citation_publication_date", "date"),
        ("citation_dissertation_institution", "university"),
        ("citation_language", "language"),
        ("citation_abstract", "abstractNote"),
    ):
        if meta.get(tag):
            item[fieldname] = meta[tag]
    if "date" not in item and meta.get("citation_online_date"):
        item["date"] = meta["citation_online_date"]
    url = meta.get("citation_abstract_html_url") or page.canonical  # else the page's own address
    if url:
        item["url"] = url
    authors = [v for n, v in page.meta if n == "citation_author"]
    item["creators"] = [_clean_author(a) for a in authors]
    return item


def _clean_author(name: str) -> dict[str, str]:
    """``ZU.cleanAuthor(name, "author", name.includes(","))`` for "Family, Given"."""
    if "," in name:
        last, first = (s.strip() for s in name.split(",", 1))
    else:
        *firsts, last = name.split()
        first = " ".join(firsts)
    return {"firstName": first, "lastName": last, "creatorType": "author"}


def parse_context_object(co: str) -> dict[str, Any] | None:
    """openurl.js ``parseContextObject``, for the formats and keys a thesis uses."""
    parts = co.split("&")
    formats = {
        "info:ofi/fmt:kev:mtx:journal": "journalArticle",
        "info:ofi/fmt:kev:mtx:book": "book",
        "info:ofi/fmt:kev:mtx:dissertation": "thesis",
        "info:ofi/fmt:kev:mtx:dc": "webpage",
    }
    item: dict[str, Any] = {"creators": []}
    for part in parts:
        if part.startswith("rft_val_fmt="):
            fmt = unquote(part[12:])
            if fmt in formats:
                item["itemType"] = formats[fmt]
                break
    if "itemType" not in item:
        return None
    complex_au: list[dict[str, str]] = []
    for part in parts:
        key, _, raw = part.partition("=")
        value = unquote(re.sub(r"\+|%2[bB]", " ", raw.split("=")[0]))  # keyVal[1] is up to the next "="
        if not value:
            continue
        if key == "rft_id" and re.match(r"^https?://", value):
            item["url"] = value
        elif key == "rft.title":
            item["title"] = value
        elif key == "rft.date":
            item["date"] = value
        elif key == "rft.aulast":
            if complex_au and "lastName" not in complex_au[-1]:
                complex_au[-1]["lastName"] = value
            else:
                complex_au.append({"lastName": value})
        elif key == "rft.aufirst":
            if complex_au and "firstName" not in complex_au[-1]:
                complex_au[-1]["firstName"] = value
            else:
                complex_au.append({"firstName": value})
        elif key == "rft.au":
            item["creators"].append(_clean_author(value))
        elif key in ("rft.pub", "rft.publisher"):
            item["publisher"] = value
        elif key == "rft.place":
            item["place"] = value
        elif item["itemType"] == "thesis":
            if key == "rft.inst":
                item["publisher"] = value  # base field of "university"
            elif key == "rft.degree":
                item["type"] = value  # base field of "thesisType"
    for au in complex_au:  # a plain author with the same names is kept instead
        if not any(
            c["lastName"] == au.get("lastName") and c["firstName"].startswith(au.get("firstName", ""))
            for c in item["creators"]
        ):
            item["creators"].append({**au, "creatorType": "author"})
    return item


def translation_server(html: str) -> dict[str, Any]:
    """The item translation-server's /web returns: the detecting translator with the lowest priority number."""
    page = read_page(html)
    found: list[tuple[int, dict[str, Any]]] = []
    coins = [i for c in page.coins if (i := parse_context_object(c)) and i.get("title") and i["creators"]]
    if len(coins) == 1:
        found.append((COINS_PRIORITY, coins[0]))
    em = embedded_metadata(page)
    if em is not None:
        found.append((EMBEDDED_METADATA_PRIORITY, em))
    if not found:  # webSession.js saveWebpage
        return {"itemType": "webpage", "creators": []}
    item = dict(min(found, key=lambda f: f[0])[1])
    if item["itemType"] == "thesis":  # itemToAPIJSON maps base fields to the type's own
        if "publisher" in item:
            item.setdefault("university", item.pop("publisher"))
        if "type" in item:
            item.setdefault("thesisType", item.pop("type"))
    return item


_RUBY_CFF_TYPES = {
    "article": "article", "book": "book", "manual": "manual", "unpublished": "unpublished",
    "phdthesis": "phdthesis", "mastersthesis": "mastersthesis", "conference": "proceedings",
    "proceedings": "proceedings", "conference-paper": "inproceedings", "magazine-article": "article",
    "newspaper-article": "article", "pamphlet": "booklet", "report": "techreport",
}  # fmt: skip
_RUBY_CFF_FIELDS = {"misc": ["doi"], "mastersthesis": ["doi", "school", "type"], "phdthesis": ["doi", "school", "type"]}
_MONTHS = ["", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def ruby_cff_bibtex(cff: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """GitHub's BibTeX for a CITATION.cff: (entry type, fields), as ruby-cff's ``BibTeX.format`` makes them."""
    model = cff.get("preferred-citation") or cff
    kind = str(model.get("type") or "")
    bib_type = "software" if not kind or "software" in kind else _RUBY_CFF_TYPES.get(kind, "misc")
    authors = " and ".join(f"{a['family-names']}, {a['given-names']}" for a in model["authors"])
    values = {"author": authors, "title": "{" + str(model["title"]) + "}"}
    for name in _RUBY_CFF_FIELDS.get(bib_type, []):
        if name == "school":
            values[name] = str((model.get("institution") or {}).get("name", ""))
        elif name == "type":
            values[name] = str(model.get("thesis-type", ""))
        else:
            values[name] = str(model.get(name, ""))
    if model.get("year"):
        values["year"] = str(model["year"])
        values["month"] = _MONTHS[int(model["month"])] if model.get("month") else ""
    else:
        released = str(cff.get("date-released", ""))
        values["year"], values["month"] = released[:4], _MONTHS[int(released[5:7])] if released else ""
    values["url"] = str(model.get("repository-code") or model.get("url") or "")
    values["note"] = str(model.get("notes") or "")
    return bib_type, {k: v for k, v in values.items() if v}
