"""The sample study tests/samples/dialect, built end to end: every Markdown construct of the kit's
dialect comes out the same in the site and the PDF (pictures, tables, footnotes, definition lists,
heading attributes, cross-references across pages, ``ref()``), numbered the same in both."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES
from .pdf.pdfcheck import Pdf, normalize


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dialect") / "study"
    shutil.copytree(SAMPLES / "dialect", root, ignore=shutil.ignore_patterns("site", "build"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def html(root: Path, page: str) -> str:
    return (root / "site" / page / "index.html").read_text("utf-8")


def test_site_picture_numbered_captioned_with_alt_and_credit(built: Path) -> None:
    page = html(built, "01-innledning")
    figure = re.search(r'<figure class="figur" id="fig-modell">(.*?)</figure>', page, re.S)
    assert figure, "the picture is a <figure>"
    assert 'alt="Tre bokser, sykepleier, lege og pasient, forbundet med piler i en trekant."' in figure.group(1)
    assert "<figcaption>Figur 1: Modell for samarbeid på sengeposten" in figure.group(1)
    assert "Kilde: Hansen (2010, s. 14)" in figure.group(1)
    assert (built / "site" / "01-innledning" / "bilder" / "modell.png").is_file() or (
        built / "site" / "bilder" / "modell.png"
    ).is_file()
    record = html(built, "02-resultater")
    assert "Figur 2: Flytskjema for inklusjon" in record and "Kilde: egen figur" in record
    assert (built / "site" / "figurer" / "flyt.svg").is_file()


def test_site_tables_numbered_with_title_above(built: Path) -> None:
    page = html(built, "01-innledning")
    table = re.search(r'<figure class="tabell" id="tbl-vakter">\s*<figcaption>(.*?)</figcaption>\s*<table>', page, re.S)
    assert table and table.group(1) == "Tabell 1: Bemanning per vakt"
    res = html(built, "02-resultater")
    assert re.search(r'id="tbl-roller">\s*<figcaption>Tabell 2: Roller i teamet</figcaption>\s*<table>', res)
    assert "<td>Observerer og dokumenterer</td>" in res  # a grid table, its cell lines joined
    assert re.search(r'id="fig-utvalg">\s*<figcaption>Tabell 3: Utvalget</figcaption>\s*<table>', res)


def test_site_footnotes_definition_lists_and_unnumbered_headings(built: Path) -> None:
    page = html(built, "01-innledning")
    assert 'class="footnote-ref"' in page and "Samarbeidet gjelder både dag- og nattvakter." in page
    assert "[^arbeid]" not in page
    assert "<dt>Samhandling</dt>" in page and "<dd>" in page
    assert re.search(r'<h2 class="unnumbered" id="om-teksten">Om denne teksten', page)
    assert '<h1 id="vedlegg-a"' in html(built, "vedlegg/a") or 'id="vedlegg-a">Vedlegg A' in html(built, "vedlegg/a")
    assert "1 Vedlegg A" not in html(built, "vedlegg/a")


def test_site_cross_references_across_pages(built: Path) -> None:
    page = html(built, "01-innledning")
    assert '<a href="../02-resultater/#metode">kapittel 2</a>' in page
    assert '<a href="../02-resultater/#tbl-roller">her</a>' in page
    assert '<a href="#fig-modell">Figur 1</a>' in page and '<a href="#tbl-vakter">Tabell 1</a>' in page
    res = html(built, "02-resultater")
    assert '<a href="../01-innledning/#fig-modell">modellen</a>' in res
    assert '<a href="#fig-utvalg">Tabell 3</a>' in res
    assert '<a href="../01-innledning/#begreper">1.1 Begreper</a>' in res


def test_site_lists_of_figures_and_tables(built: Path) -> None:
    page = html(built, "figurer")
    figures = page.index("Figurer</h2>") if "Figurer</h2>" in page else page.index('id="figurliste"')
    tables = page.index('id="tabelliste"')
    names = re.findall(r">((?:Figur|Tabell) \d+): ", page)
    assert names == ["Figur 1", "Figur 2", "Tabell 1", "Tabell 2", "Tabell 3"]
    assert figures < tables


def test_pdf_same_numbers_captions_and_lists(built: Path) -> None:
    pdf = Pdf(built / "build" / "thesis.pdf")
    text = normalize(pdf.text)
    for caption in (
        "Figur 1: Modell for samarbeid på sengeposten Kilde: Hansen (2010, s. 14)",
        "Figur 2: Flytskjema for inklusjon Kilde: egen figur",
        "Tabell 1: Bemanning per vakt Vakt",  # the title above the table
        "Tabell 2: Roller i teamet Rolle",
        "Tabell 3: Utvalget Avdeling",
    ):
        assert caption in text, caption
    assert "Figur 3" not in text and "Tabell 4" not in text
    lists = normalize(pdf.pages[2])
    assert lists.index("Figur 1 Modell") < lists.index("Figur 2 Flytskjema") < lists.index("Tabeller")
    assert "Tabell 3 Utvalget" in lists
    assert "Modellen står i Figur 1, og tallene i Tabell 1." in text
    assert "1Samarbeidet gjelder både dag- og nattvakter." in text  # the footnote
    assert "Samhandling Å arbeide sammen mot et felles mål." in text
    marks = [title for _, title in pdf.bookmarks]
    assert "Om denne teksten" in marks and "1.2 Om denne teksten" not in marks
    assert "Vedlegg A" in marks and "3 Vedlegg A" not in marks


def test_pdf_structure_alt_tables_and_standards(built: Path) -> None:
    pdf = Pdf(built / "build" / "thesis.pdf")
    alts = [t.alt for t in pdf.tags.find("Figure")]
    assert "Tre bokser, sykepleier, lege og pasient, forbundet med piler i en trekant." in alts
    assert "Flytskjema: 40 pasienter vurdert, 10 ekskludert, 30 inkludert." in alts
    tables = pdf.tags.find("Table")
    assert len(tables) == 3
    assert all(t.find("TH") and t.find("TD") for t in tables)
    assert [len(t.find("TH")) for t in tables] == [3, 2, 2]
    assert re.search(r"pdfaid:part>2<", pdf.xmp) and re.search(r"pdfuaid:part>1<", pdf.xmp)
    assert pdf.catalog.get("/OutputIntents"), "PDF/A needs an output intent (colour profile)"
    assert pdf.fonts and all(embedded for _, embedded in pdf.fonts)


def test_pdf_links_go_across_pages(built: Path) -> None:
    pdf = Pdf(built / "build" / "thesis.pdf")
    chapter2 = pdf.bookmark_page("2 Metode og resultater")
    first = pdf.bookmark_page("1 Innledning")
    assert any(ln.page == first and ln.dest_page == chapter2 for ln in pdf.links), "kapittel 2 → chapter 2"
