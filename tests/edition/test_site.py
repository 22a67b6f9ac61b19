"""End-to-end build of the real study: the website's pages, links and citation metadata."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from thesiskit.project import open_project
from thesiskit.records import load_records


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.jsonld: list[str] = []
        self._in_ld = False
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if tag == "meta" and a.get("name"):
            self.meta.setdefault(a["name"] or "", []).append(a.get("content") or "")
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_home_page_carries_citation_metadata(real_site: tuple[str, Path]) -> None:
    _engine, real_build = real_site
    head = _head(real_build / "site" / "index.html")
    assert head.lang == "nb"
    for name in (
        "citation_title",
        "citation_author",
        "citation_publication_date",
        "citation_dissertation_institution",
        "citation_language",
        "citation_keywords",
        "citation_pdf_url",
        "citation_abstract",
    ):
        assert head.meta.get(name), name
    assert head.meta["citation_author"] == ["Vatnøy, Sølvi"]
    assert head.meta["citation_pdf_url"][0].endswith("/thesis.pdf")
    assert head.meta["citation_abstract"][0].startswith("Bakgrunn: NAV har en strategi")
    data = json.loads(head.jsonld[0])
    assert data["@type"] == "Thesis" and data["@context"] == "https://schema.org"
    assert data["author"]["name"] == "Sølvi Vatnøy"
    assert (real_build / "site" / "thesis.pdf").read_bytes()[:5] == b"%PDF-"
    # provenance (#15): the edition's date beside the submission's, no licence the author did not give
    assert head.meta["citation_publication_date"] == ["2019/06/14"]
    assert head.meta["citation_online_date"] == ["2026/12/01"]
    assert head.meta["DC.type"] == ["Masteroppgave"]
    assert (data["dateCreated"], data["datePublished"]) == ("2019-06-14", "2026-12-01")
    assert "license" not in data
    home = (real_build / "site" / "index.html").read_text("utf-8")
    assert "innlevert 14.06.2019" in home and "Denne utgaven: 01.12.2026" in home


def test_search_uses_the_norwegian_stemmer(real_build: Path) -> None:
    config = json.loads((real_build / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["no"]


SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}
"""Where each engine writes its search index."""


def test_search_index_speaks_the_study_language_and_leaves_out_the_page_table(real_site: tuple[str, Path]) -> None:
    engine, root = real_site
    index = json.loads((root / "site" / SEARCH_INDEX[engine]).read_text(encoding="utf-8"))
    # Zensical has no Norwegian stemmer: it takes the theme's language and matches word prefixes
    assert index["config"]["lang"] == (["no"] if engine == "mkdocs" else ["nb"])
    docs = index["docs" if engine == "mkdocs" else "items"]
    statement = [d for d in docs if d["location"].startswith("tilgjengelighet")]
    assert statement, "the accessibility statement is not in the search index"
    text = " ".join(d["text"] for d in statement)
    assert "Automatiske tester" in text  # the statement's prose is searchable …
    assert "index.html" not in text and "Alle sidene som ble testet" not in text  # … its table of pages is not


GENERATOR = {"mkdocs": r"mkdocs-\d[\d.]*, mkdocs-material-\d[\d.]*", "zensical": r"zensical-\d[\d.]*"}


def test_pages_say_which_engine_made_them_and_nothing_in_english(real_site: tuple[str, Path]) -> None:
    engine, root = real_site
    site = root / "site"
    for page in ("index.html", "02-teori/index.html", "funn/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<meta name="generator" content="{GENERATOR[engine]}">', html), page
        assert "Made with" not in html, page
        assert "application/rss+xml" not in html and not (site / "feed_rss_created.xml").exists(), page
        for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))"', html):  # theme assets the page names exist
            assert (site / page).parent.joinpath(ref).resolve().is_file(), (page, ref)
    summary = (site / "summary" / "index.html").read_text(encoding="utf-8")
    assert '<div lang="en">' in summary  # the English abstract says so (WCAG 3.1.2)


def test_every_finding_informant_and_theme_has_a_page(real_site: tuple[str, Path]) -> None:
    _engine, real_build = real_site
    records = load_records(open_project(real_build))
    site = real_build / "site"
    for fid in records.findings:
        page = (site / "funn" / fid / "index.html").read_text(encoding="utf-8")
        assert "Sitér" in page and f"{fid}.bib" in page
        assert (site / "funn" / f"{fid}.bib").is_file() and (site / "funn" / f"{fid}.ris").is_file()
    for number in records.informants:
        assert (site / "informanter" / str(number) / "index.html").is_file()
    for tid in records.themes:
        assert (site / "temaer" / tid / "index.html").is_file()


def test_citations_link_to_entries_that_link_back(real_site: tuple[str, Path]) -> None:
    _engine, real_build = real_site
    site = real_build / "site"
    refs = (site / "litteratur" / "index.html").read_text(encoding="utf-8")
    entries = set(re.findall(r'id="ref-([^"]+)"', refs))
    assert len(entries) >= 45
    chapter = (site / "02-teori" / "index.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="\.\./litteratur/#ref-([^"]+)"', chapter))
    assert targets and targets <= entries
    backlinks = re.findall(r'href="\.\./([^"#]+)/#(sit-\d+)"', refs)
    assert backlinks
    for page, anchor in backlinks[:200]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, (page, anchor)


def test_citation_cff_is_valid(real_build: Path) -> None:
    from cffconvert.cli.create_citation import create_citation

    create_citation(str(real_build / "CITATION.cff"), None).validate()  # raises on a schema error
    data = yaml.safe_load((real_build / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0"
    assert data["authors"][0] == {"family-names": "Vatnøy", "given-names": "Sølvi"}
    assert data["preferred-citation"]["type"] == "thesis"
    assert data["date-released"] == "2026-12-01" and "license" not in data


def test_the_edition_does_not_call_its_text_verbatim(real_build: Path) -> None:
    """Pronouns, redactions and citation forms are changed (each recorded): the edition's own pages
    may not say the text is reproduced word for word (#15: «Teksten er gjengitt ordrett»)."""
    for page in ("index.html", "om-utgaven/index.html"):
        text = (real_build / "site" / page).read_text(encoding="utf-8")
        assert "Om denne utgaven" in text and "ordrett" not in text, page
