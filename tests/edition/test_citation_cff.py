"""CITATION.cff: valid CFF 1.2.0, committed as built, and what GitHub's "Cite this repository" makes of it (#15).

GitHub formats CITATION.cff with ruby-cff. tests/edition/ruby-cff/ holds what ruby-cff v1.3.0 (the
released gem; its formatters are unchanged in substance at 5dd0a839) wrote for this CITATION.cff,
``CFF::File.read(path).to_bibtex`` and ``.to_apalike``, run once with Ruby 3.1 from its sources
(the gem index is not reachable here, so no test runs it). For CFF's one thesis type, ``thesis``,
ruby-cff writes ``@misc`` (only the non-standard ``mastersthesis``/``phdthesis`` become BibTeX
thesis types; ``thesis-type`` and ``institution`` do not change that), and its APA text has no
"[Masteroppgave, …]" part; the ``notes`` field is the only place the kind of thesis reaches it.
The transcription in tests/citing_clients.py must give the same BibTeX fields.

To record again: ``ruby -Ilib -e 'require "cff"; f = CFF::File.read("CITATION.cff"); puts f.to_bibtex'``
in a checkout of https://github.com/citation-file-format/ruby-cff (and ``.to_apalike``).
"""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import yaml

from ..citing_clients import ruby_cff_bibtex
from .conftest import REPO, TITLE

RECORDED = Path(__file__).parent / "ruby-cff"


def test_committed_citation_cff_is_the_built_one(real_build: Path) -> None:
    """GitHub reads the committed file: a stale one would give an old date or title."""
    from cffconvert.cli.create_citation import create_citation

    assert (REPO / "CITATION.cff").read_bytes() == (real_build / "CITATION.cff").read_bytes()
    create_citation(str(REPO / "CITATION.cff"), None).validate()  # raises on a schema error


def test_github_gives_a_misc_entry_that_names_the_thesis() -> None:
    recorded = bibtexparser.parse_string((RECORDED / "bibtex.bib").read_text("utf-8"))
    [entry] = recorded.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "misc"
    assert fields["note"] == "Masteroppgave, Høgskulen på Vestlandet"
    assert (fields["author"], fields["year"], fields["month"]) == ("Vatnøy, Sølvi", "2019", "jun")
    assert fields["title"] == "{" + TITLE + "}" and fields["url"] == "https://example.org/likeverdig-samarbeid/"
    apa = (RECORDED / "apalike.txt").read_text("utf-8").strip()
    assert apa == f"Vatnøy, S. (2019). {TITLE}. https://example.org/likeverdig-samarbeid/"


def test_transcribed_ruby_cff_gives_what_ruby_cff_gave() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    [entry] = bibtexparser.parse_string((RECORDED / "bibtex.bib").read_text("utf-8")).entries
    assert ruby_cff_bibtex(cff) == (entry.entry_type, {f.key: f.value for f in entry.fields})
