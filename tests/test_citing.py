"""Citing the thesis from any page: Zotero, Google Scholar, BibTeX/RIS/APA, JSON-LD and CITATION.cff.

Built from the mini sample (tests/samples/mini, an edition of a 2020 thesis). What Zotero's
translation-server and GitHub's ruby-cff do with the metadata is taken from their sources
(tests/citing_clients.py says which files); translation-server's real answers for the edition's
pages are recorded in tests/edition/zotero/ and checked against the transcription there.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import bibtexparser
import pytest
import yaml

from thesiskit.cli import main
from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.records.schema import Study

from .citing_clients import read_page, ruby_cff_bibtex, translation_server
from .conftest import SAMPLES


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini sample built once (site, no PDF)."""
    root = tmp_path_factory.mktemp("citing") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root), "--no-pdf"]) == 0
    return root


def _study(root: Path) -> Study:
    return load_records(open_project(root)).study


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_zotero_saves_the_thesis_with_its_type_from_the_home_page(mini: Path) -> None:
    study = _study(mini)
    item = translation_server((mini / "site" / "index.html").read_text("utf-8"))
    assert item["itemType"] == "thesis"
    assert item["thesisType"] == study.genre  # from DC.type
    assert item["title"] == study.title and item["university"] == study.institution
    assert item["creators"] == [{"firstName": "Kari", "lastName": "Nordmann", "creatorType": "author"}]
    assert item["url"] == "https://example.org/mini/"  # link rel=canonical
    assert item["date"] == "2020/05/15"  # the submission; the edition's date is citation_online_date
    assert ("citation_online_date", "2021/03/01") in read_page((mini / "site" / "index.html").read_text()).meta
    # no COinS here: COinS.js (priority 310) would be chosen before Embedded Metadata (320)
    assert read_page((mini / "site" / "index.html").read_text("utf-8")).coins == []


def test_zotero_saves_the_thesis_from_every_other_page(mini: Path) -> None:
    study = _study(mini)
    pages = [p for p in _pages(mini / "site") if p != mini / "site" / "index.html"]
    assert any("funn" in p.parts for p in pages) and len(pages) > 10
    for page in pages:
        item = translation_server(page.read_text("utf-8"))
        where = page.relative_to(mini / "site")
        assert item["itemType"] == "thesis", where  # not an authorless webpage
        assert item["title"] == study.title, where
        assert item["creators"] == [{"lastName": "Nordmann", "firstName": "Kari", "creatorType": "author"}], where
        assert (item["university"], item["thesisType"]) == (study.institution, study.genre), where
        assert item["url"] == "https://example.org/mini/" and item["date"] == "2020-05-15", where


def test_google_scholar_is_given_citation_tags_on_the_home_page_only(mini: Path) -> None:
    for page in _pages(mini / "site"):
        names = [n for n, _ in read_page(page.read_text("utf-8")).meta]
        tagged = any(n.startswith("citation_") or n.startswith("DC.") for n in names)
        assert tagged == (page == mini / "site" / "index.html"), page


def _ris(path: Path) -> list[tuple[str, str]]:
    """RIS lines (tag, value); every line ends with CR LF, as the RIS format wants."""
    text = path.read_bytes().decode("utf-8")
    assert text.count("\r\n") == text.count("\n")
    return [(line[:2], line[6:]) for line in text.split("\r\n") if line]


def test_a_finding_is_cited_as_the_thesis_with_its_section_and_permalink(mini: Path) -> None:
    site = mini / "site"
    thesis_bib = bibtexparser.parse_string((site / "siter" / "nordmann2020.bib").read_text("utf-8"))
    thesis_ris = _ris(site / "siter" / "nordmann2020.ris")
    permalink, locator = "https://example.org/mini/funn/stolte/", "avsnitt 2.1"  # the finding's source heading
    # BibTeX: the thesis's own entry (one record), and a comment line with the locator and permalink
    bib = bibtexparser.parse_string((site / "funn" / "stolte.bib").read_text("utf-8"))
    assert [(e.entry_type, e.key) for e in bib.entries] == [("mastersthesis", "nordmann2020")]
    assert bib.entries[0].fields_dict.keys() == thesis_bib.entries[0].fields_dict.keys()
    assert all(f.value == thesis_bib.entries[0][f.key] for f in bib.entries[0].fields)
    assert len(bib.comments) == 1 and f"nordmann2020, {locator}: {permalink}" in bib.comments[0].comment
    # RIS: the thesis's record (TY THES), and a note with the locator and permalink
    ris = _ris(site / "funn" / "stolte.ris")
    assert ris[0] == ("TY", "THES") and [r for r in ris if r[0] != "N1"] == thesis_ris
    assert [v for t, v in ris if t == "N1"] == [f"Stolte og engasjerte: {locator}, {permalink}"]
    # APA: the thesis's reference, the in-text citation with the locator, the permalink
    html = (site / "funn" / "stolte" / "index.html").read_text("utf-8")
    home = (site / "index.html").read_text("utf-8")
    apa = re.search(r'id="siter-apa">(.*?)</p>', html, re.S)
    assert apa and apa.group(1) == re.search(r'id="siter-apa">(.*?)</p>', home, re.S).group(1)  # type: ignore[union-attr]
    text = unescape(apa.group(1))
    assert "[Masteroppgave, Eksempelhøgskolen]" in text and "Stolte og engasjerte" not in text
    assert "(Nordmann, 2020, avsn. 2.1)" in html
    assert f'Fast lenke: <a href="{permalink}">' in html


def test_json_ld_gives_the_supervisor_a_role_and_both_dates(mini: Path) -> None:
    html = (mini / "site" / "index.html").read_text("utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert data["@type"] == "Thesis"
    assert data["contributor"] == {
        "@type": "Role",
        "roleName": "http://id.loc.gov/vocabulary/relators/ths",
        "contributor": {"@type": "Person", "name": "Ola Veileder"},
    }
    assert (data["dateCreated"], data["datePublished"]) == ("2020-05-15", "2021-03-01")
    assert "license" not in data  # the study gives none


def test_citation_cff_describes_the_repository_and_prefers_the_thesis(mini: Path) -> None:
    from cffconvert.cli.create_citation import create_citation

    path = mini / "CITATION.cff"
    create_citation(str(path), None).validate()  # raises on a schema error
    text = path.read_text("utf-8")
    assert not re.search(r"[&*]id\d", text)  # no YAML anchors: GitHub's reader fails on them (ruby-cff #130)
    cff = yaml.safe_load(text)
    assert cff["title"] == "Et lite eksempel"  # the repository: what mkdocs.yml names the site
    assert cff["date-released"] == "2021-03-01"  # the edition, not the submission
    assert "license" not in cff
    thesis = cff["preferred-citation"]
    assert (thesis["type"], thesis["year"], thesis["month"]) == ("thesis", 2020, 5)
    # GitHub's button (ruby-cff) formats preferred-citation; for CFF's only thesis type it writes
    # @misc (ruby-cff maps just the non-standard mastersthesis/phdthesis), the note says what it is
    kind, fields = ruby_cff_bibtex(cff)
    assert kind == "misc"
    assert fields["note"] == "Masteroppgave, Eksempelhøgskolen"
    assert (fields["author"], fields["year"], fields["month"]) == ("Nordmann, Kari", "2020", "may")
    assert fields["title"] == "{Et lite eksempel på en masteroppgave}" and fields["url"] == "https://example.org/mini/"
