"""The edition of the real study: facts the sources must keep.

Needs ../shared/source/thesis.txt (beside the repository, as in CI) for the checks against
the submitted text; those tests skip with a reason when it is absent.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import pytest

from thesiskit.build import read_sources
from thesiskit.cite.bib import load_bib
from thesiskit.cite.scan import scan
from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.render.chapters import render_chapters
from thesiskit.render.env import make_env

from .conftest import REPO, SOURCE_TXT

needs_source = pytest.mark.skipif(not SOURCE_TXT.is_file(), reason=f"submitted text not found at {SOURCE_TXT}")

PROJECT = open_project(REPO)
RECORDS = load_records(PROJECT)


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-zæøåéüö]", "", text.lower())


def _source_text() -> str:
    lines = SOURCE_TXT.read_text(encoding="utf-8").splitlines()
    artefact = re.compile(
        r"^\s*(MR691, kandidatnummer 115, 14\.06\.19|\d{1,3}|https?://\S+)\s*$"
    )  # footers, page numbers,
    keep = [ln for ln in lines if not artefact.match(ln)]  # and the link lines the PDF printed at page ends
    return "\n".join(keep)


def test_quote_count_and_each_quote_used_once() -> None:
    # 48 quotes printed as «…» (N) or (Ibid) at a line end, plus those attributed in the prose
    # or set inside a paragraph (see report/changes/): 56 records.
    assert len(RECORDS.quotes) == 56
    rendered = render_chapters(read_sources(PROJECT).chapters, RECORDS, make_env(PROJECT.templates), "site")
    assert sorted(rendered.quote_pages) == sorted(RECORDS.quotes)  # every quote included, none twice


@needs_source
def test_every_quote_is_verbatim_in_the_submitted_text() -> None:
    source = _letters(_source_text())
    for q in RECORDS.quotes.values():
        assert _letters(q.text) in source, q.id


def test_ibid_quotes_name_the_informant_of_the_quote_before() -> None:
    quotes = list(RECORDS.quotes.values())
    for prev, q in itertools.pairwise(quotes):
        if q.attribution.lower() == "ibid":
            assert q.informant == prev.informant, q.id


FIGUR_7 = {  # the rows of Figur 7 as the submitted text prints them, cells in informant order
    "Ansettelsesforhold": "Leder stat|Leder kommune|Ansatt stat|Ansatt kommune|Leder kommune|"
    "Avdelingsleder stat|Ansatt stat|Ansatt kommune",
    "Sosionom": "|X||X|X||X|X",
    "Jurist": "X|||||||",
    "Hvor lenge ansatt i NAV med dagens styringslinje": "10 år|10 år|10 år|10 år|4 år|10 år|5 år|11 år",
    "Erfaring fra moderetat, knyttet til dagens stilling, før opprettelse av NAV.": "19 år|4 år|10 år|7 år|"
    "Så vidt/6 år annen sosialfag. kommunal stilling|5 mnd.|Ingen|7 år",
    "Erfaring fra stilling i motsatt styringslinje enn den de har i dag.": "Ingen|Ingen|Ingen|Ingen|3 år|"
    "Statlig? 8 mnd.|Ingen|Ingen",
}


def test_informant_table_equals_figur_7() -> None:
    people = RECORDS.informants_file.informants
    assert [p.number for p in people] == list(range(1, 9))
    assert [p.group for p in people] == ["Tolederkontor"] * 4 + ["Enlederkontor"] * 4
    for label, row in FIGUR_7.items():
        assert "|".join(_unmarked(p.attributes[label]) for p in people) == row, label
    org = "Organisasjon og admnistrasjon eller annen samfunnsvitenskaplig retning"
    assert "".join(_unmarked(p.attributes[org]) for p in people) == "IIXIX"  # the marks in the printed order
    # the cells whose place the edition guessed are marked [?] in the table itself
    assert [p.number for p in people if "[?]" in p.attributes[org]] == [1, 2, 4, 5]
    other = "Erfaring fra stilling i motsatt styringslinje enn den de har i dag."
    assert [p.number for p in people if "[?]" in p.attributes[other]] == [5, 6]


def _unmarked(cell: str) -> str:
    """A cell without the edition's mark of an uncertain place ("I [?]" → "I")."""
    return cell.replace("[?]", "").strip()


def test_all_seven_figures_exist_as_data() -> None:
    assert len(RECORDS.figures) == 7
    assert {f.kind for f in RECORDS.figures.values()} == {"graph", "table", "informants"}


def test_every_citation_key_resolves_and_every_entry_is_cited() -> None:
    bib = load_bib(PROJECT.bib, "references.bib")
    assert not bib.problems
    keys = {item.key for path in PROJECT.docs.rglob("*.md") for c in scan(path.read_text("utf-8")) for item in c.items}
    keys |= {item.key for f in RECORDS.figures.values() if f.source for c in scan(f.source) for item in c.items}
    assert keys <= set(bib.entries), sorted(keys - set(bib.entries))
    uncited = {k for k, e in bib.entries.items() if k not in keys and not e.fields.get("uncited")}
    assert not uncited


def test_heading_numbers_repair_the_originals_errors() -> None:
    rendered = render_chapters(read_sources(PROJECT).chapters, RECORDS, make_env(PROJECT.templates), "pdf")
    h = rendered.headings
    assert h["forstaelsen-av-begrepet-oppfolging"].number == "4.3.2.6"  # printed "3.2.6"
    numbers = Counter(x.number for x in h.values() if x.number)
    assert not [n for n, c in numbers.items() if c > 1]  # the original had two 5.2.3


def test_every_change_names_a_real_place() -> None:
    rendered = render_chapters(read_sources(PROJECT).chapters, RECORDS, make_env(PROJECT.templates), "pdf")
    for c in RECORDS.changes:
        if c.place is None:  # an anonymity class (ANO011) or a change that recurs throughout
            continue
        assert c.place in rendered.headings or (REPO / c.place).exists(), c.place


FIGURE_BLOCKS = [  # figures flattened into loose lines by the PDF extraction: (after this line, through this line)
    ("skissert i følgende to figurer.", "Figur 3, organisering enlederkontor."),
    ("også skisseres som i følgende figurer.", "Figur 5, strukturell organisering av enlederkontor."),
    ("Begge kontorene hadde avdelingsmøte hver uke.", "Figur 6, kontorenes formelle møtestruktur"),
    ("sitat hvor jeg kun refererer til informantens rolle", "X = minimum tre årig høyskoleutdanning"),
]


def _prose_lines() -> list[str]:
    lines = _source_text().splitlines()
    end = next(i for i, ln in enumerate(lines) if ln.strip().startswith("Vedlegg nr. 4"))
    lines = lines[:end]
    for after, through in FIGURE_BLOCKS:
        a = next(i for i, ln in enumerate(lines) if after in ln)
        b = next(i for i, ln in enumerate(lines) if i > a and through in ln)
        lines = lines[: a + 1] + lines[b + 1 :]
    return lines


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"-\s*", "", text.lower()))


@needs_source
def test_prose_of_the_submitted_text_is_in_the_edition(real_build: Path) -> None:
    """At least 97 % of the word 4-grams of the submitted prose (through the interview guide;
    footers, page numbers and the flattened figure boxes left out) stand in the rendered edition."""
    words = _words(" ".join(ln.strip() for ln in _prose_lines()))
    tree = real_build / "build" / "markdown"
    edition = " ".join(p.read_text("utf-8") for p in tree.rglob("*.md"))
    edition += " ".join(p.read_text("utf-8") for p in (REPO / "report").rglob("*.yaml"))
    ew = _words(re.sub(r"<[^>]+>|\]\([^)]*\)", " ", edition))
    grams = set(zip(*(ew[i:] for i in range(4)), strict=False))
    hits = sum(1 for i in range(len(words) - 3) if tuple(words[i : i + 4]) in grams)
    assert hits / (len(words) - 3) >= 0.97
