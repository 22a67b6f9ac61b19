"""The site's citeproc run in a long-lived process (``thesis serve``): after an edit only the clusters
and entries it changed are rendered again, and the result is exactly that of a whole run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thesiskit.cite import citeproc
from thesiskit.cite.citeproc import Citeproc, run_citeproc

BIB = """\
@article{hansen2014a, author = {Hansen, Kari}, title = {Alfa}, journal = {Tidsskrift}, year = {2014}}
@article{hansen2014b, author = {Hansen, Kari}, title = {Beta}, journal = {Tidsskrift}, year = {2014}}
@article{hansen2016, author = {Hansen, Per}, title = {Gamma}, journal = {Tidsskrift}, year = {2016}}
@book{olsen2010, author = {Olsen, Per and Berg, Ola and Dahl, Anne}, title = {Delta}, year = {2010}, publisher = {F}}
@book{olsen2010b, author = {Olsen, Per and Lie, Ola and Dahl, Anne}, title = {Epsilon}, year = {2010}, publisher = {F}}
@book{moe2001, author = {Moe, Eva}, title = {Zeta}, publisher = {Forlag}, year = {2001}}
@legislation{lov1997, title = {Folketrygdloven}, date = {1997}, url = {https://lovdata.no/lov/1997-02-28-19}}
@misc{ukjent, title = {Om stolthet}, year = {2019}, url = {https://example.org/stolthet}}
"""
CLUSTERS = [
    "[@hansen2014a]",
    "[@hansen2014b, s. 4]",
    "@hansen2016",
    "[@olsen2010; @moe2001]",
    "[@olsen2010b]",
    "[@moe2001, s. 12]",
    "[@lov1997, § 14-4]",
    "[@ukjent]",
]


@pytest.fixture
def kept() -> Iterator[None]:
    """keep_last() on, from no last run; as it was afterwards."""
    before = citeproc._KEEP, dict(citeproc._LAST)
    citeproc._LAST.clear()
    citeproc.keep_last()
    yield
    citeproc._KEEP = before[0]
    citeproc._LAST.clear()
    citeproc._LAST.update(before[1])


def _whole(clusters: list[str], bib: Path) -> Citeproc:
    """What one whole run renders (nothing kept from before)."""
    keep, citeproc._KEEP = citeproc._KEEP, False
    try:
        return run_citeproc(clusters, [bib], "nb", None)
    finally:
        citeproc._KEEP = keep


def _again(bib: Path, text: str, clusters: list[str] = CLUSTERS) -> tuple[int, int] | None:
    """Write ``text`` to the bibliography, render; check it against a whole run; return the run made (None: none)."""
    bib.write_text(text, "utf-8")
    runs = len(citeproc.RUNS)
    got = run_citeproc(clusters, [bib], "nb", None)
    made = citeproc.RUNS[runs:]
    want = _whole(clusters, bib)
    assert got == want, "the reused result differs from a whole run"
    assert list(got.entries) == list(want.entries), "the reference list is in another order"
    assert len(made) <= 1
    return made[0] if made else None


def test_only_what_an_edit_changed_is_rendered_again(tmp_path: Path, kept: None) -> None:
    bib = tmp_path / "references.bib"
    assert _again(bib, BIB) == (len(CLUSTERS), 0)  # the first run: everything
    assert _again(bib, BIB) is None  # nothing changed: no Pandoc run at all
    # a title (no citation shows it): that entry's line alone
    assert _again(bib, BIB.replace("{Gamma}", "{Gamma og mer}")) == (0, 1)
    # a law's title is what its citation shows: its cluster again
    assert _again(bib, BIB.replace("{Gamma}", "{Gamma og mer}").replace("{Folketrygdloven}", "{Trygdeloven}")) == (
        len(CLUSTERS),
        0,
    )  # … and its signature changed (cited by title): a whole run
    # a new cluster (a locator added in a chapter): that cluster only
    new = [*CLUSTERS, "[@olsen2010, s. 7]"]
    assert _again(bib, BIB, new) is not None
    assert _again(bib, BIB, new) is None
    assert _again(bib, BIB, [*new, "[@moe2001, s. 99]"]) == (1, 0)
    # a new cluster citing a Hansen: its namesakes as nocite (to tell them apart)
    assert _again(bib, BIB, [*new, "[@moe2001, s. 99]", "[@hansen2016, s. 2]"]) == (1, 2)
    # a DOI of an entry cited in three clusters: the entry's line alone
    doi = BIB.replace("{Zeta}", "{Zeta}, doi = {10.1000/zeta}")
    assert _again(bib, doi, [*new, "[@moe2001, s. 99]"]) == (0, 1)


def test_pandoc_reads_only_the_entries_it_renders_again(
    tmp_path: Path, kept: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = tmp_path / "references.bib"
    read: list[str] = []
    run_pandoc = citeproc.run_pandoc

    def reading(args: list[str], **kwargs: str) -> str:
        files = [Path(a.partition("=")[2]) for a in args if a.startswith("--bibliography=")]
        read[:] = [f.read_text("utf-8") for f in files]
        return run_pandoc(args, **kwargs)

    monkeypatch.setattr(citeproc, "run_pandoc", reading)
    _again(bib, BIB)
    edited = BIB.replace("{Gamma}", "{Gamma og mer}")
    bib.write_text(edited, "utf-8")
    got = run_citeproc(CLUSTERS, [bib], "nb", None)
    assert read == ["".join(line for line in edited.splitlines(keepends=True) if "hansen2016" in line)]
    assert got == _whole(CLUSTERS, bib)
    # macros: no entry is cut out on its own (the whole file is read), and the result is as a whole run's
    macros = '@string{tk = "Tidsskrift"}\n' + BIB.replace("{Tidsskrift}", "tk")
    _again(bib, macros)
    assert _again(bib, macros.replace("{Gamma}", "{Gamma og mer}")) == (0, 1)


def test_an_edit_that_can_change_other_citations_renders_everything(tmp_path: Path, kept: None) -> None:
    bib = tmp_path / "references.bib"
    _again(bib, BIB)
    # Hansen, Per becomes Hansen, Kari: "K. Hansen, 2014a" and the like change elsewhere
    assert _again(bib, BIB.replace("Hansen, Per", "Hansen, Kari")) == (len(CLUSTERS), 0)
    assert _again(bib, BIB.replace("Hansen, Per", "Hansen, Kari").replace("{2016}", "{2014}")) == (len(CLUSTERS), 0)
    # a new work cited: the reference list and its letters are made again
    more = BIB + "@book{hansen2014c, author = {Hansen, Kari}, title = {Aa}, publisher = {Forlag}, year = {2014}}\n"
    assert _again(bib, more, [*CLUSTERS, "[@hansen2014c]"]) == (len(CLUSTERS) + 1, 0)


def test_without_keep_last_every_run_is_whole(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(BIB, "utf-8")
    keep, citeproc._KEEP = citeproc._KEEP, False
    try:
        runs = len(citeproc.RUNS)
        run_citeproc(CLUSTERS, [bib], "nb", None)
        bib.write_text(BIB.replace("{Gamma}", "{Gamma og mer}"), "utf-8")
        run_citeproc(CLUSTERS, [bib], "nb", None)
        assert citeproc.RUNS[runs:] == [(len(CLUSTERS), 0)] * 2
    finally:
        citeproc._KEEP = keep


def test_a_law_entered_as_a_report_is_cited_again_when_its_number_becomes_a_lovdata_identifier(
    tmp_path: Path, kept: None
) -> None:
    """AUTHORING.md's way to enter a law (@report, number = LOV-…): norsk-apa.lua writes it in lower
    case in running text because of its number, a field that otherwise only the reference list shows."""
    bib = tmp_path / "references.bib"
    law = (
        "@report{ftl, author = {{Folketrygdloven}}, title = {Lov om folketrygd}, number = {1997-02-28-19},"
        " institution = {Lovdata}, date = {1997-02-28}}\n"
    )
    clusters = ["@ftl", "[@ftl, § 14-4]"]
    _again(bib, law, clusters)
    lovdata = law.replace("{1997-02-28-19}", "{LOV-1997-02-28-19}")
    assert _again(bib, lovdata, clusters) == (len(clusters), 0)  # both clusters again (and _again: as a whole run)
    assert _again(bib, lovdata.replace("{Lov om folketrygd}", "{Lov om folketrygd m.m.}"), clusters) == (0, 1)
