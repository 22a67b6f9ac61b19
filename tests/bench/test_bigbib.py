"""The large-bibliography generator makes entries the gate reads without errors, and the parse cache
gives the same bibliography as a fresh parse (not timed: the timing is in ``make bench``)."""

from __future__ import annotations

from pathlib import Path

from thesiskit.cite.bib import parse_bib
from thesiskit.lint import LintOptions, lint_project

from ..conftest import SAMPLES
from .bigbib import make_bib, make_study


def test_generated_entries_are_clean(tmp_path: Path) -> None:
    root = make_study(SAMPLES / "mini", tmp_path / "study", 300)
    findings = lint_project(root, LintOptions())
    assert not [f for f in findings if f.internal or f.severity == "error"], [str(f) for f in findings][:5]
    assert sum(f.rule == "CIT002" for f in findings) >= 300, "every generated entry is read (and uncited)"


def test_the_cache_gives_what_a_fresh_parse_gives(tmp_path: Path) -> None:
    text = make_bib(200, seed=3)
    fresh = parse_bib(text, "references.bib")
    first = parse_bib(text, "references.bib", cache=tmp_path)
    assert list(tmp_path.glob("bib-*.json")), "written to the cache"
    again = parse_bib(text, "references.bib", cache=tmp_path)
    for b in (first, again):
        assert b.entries == fresh.entries
        assert [e.raw for e in b.entries.values()] == [e.raw for e in fresh.entries.values()]
        assert [e.family_names for e in b.entries.values()] == [e.family_names for e in fresh.entries.values()]
        assert (b.problems, b.undefined, b.stray) == (fresh.problems, fresh.undefined, fresh.stray)
