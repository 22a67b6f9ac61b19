"""The per-file rules' hits are kept for each file by its content (thesiskit.lint.filecache): after each
kind of edit, a lint that reuses build/.cache finds what a lint of a clean copy finds, and only what
changed is checked again.

Each lint edit below changes the findings in a file it does not touch: a per-file key that left out
what the edit changes (the deny list, the places, the levels, the informants, the pronoun policy, the
language, a year or key of references.bib, a redacted hash, the salt) would keep the old findings there.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thesiskit.lint import filecache
from thesiskit.lint.detect import hash_term
from thesiskit.lint.engine import LintOptions, lint_project
from thesiskit.lint.finding import Finding

from ..conftest import SAMPLES
from ..edits import replace
from ..test_incremental import EDITS


def _append(rel: str, extra: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(extra)

    return edit


PARAGRAPHS = """
Informant 2 sa at han likte arbeidet i Storbyen. Det samme skriver Hansen (2011).

En av dem (4) sa at han var fornøyd. Det mener også Hansn (2010).
"""
INFORMANT_4 = (
    "  - number: 4\n    group: Kontor B\n    profile: {rolle: ansatt}\n    attributes: {Utdanning: X, Ansatt: 2 år}\n"
)
REDACTED = f"""- kind: anonymitet
  count: 1
  edition: et ord er fjernet
  redacted: [{hash_term("gevinster", "")}]
"""
INTRO, APPENDIX = "docs/01-innledning.md", "docs/vedlegg.md"

# (what, edit, (rule, a file the edit leaves alone, whether the rule reports more there afterwards, or less))
LINT_EDITS: list[tuple[str, Callable[[Path], None], tuple[str, str, bool] | None]] = [
    ("a chapter's new paragraphs", _append(APPENDIX, PARAGRAPHS), None),
    (
        "lint config: a deny-list term",
        _append("report/study.yaml", "lint:\n  deny:\n    terms: [mellom etater]\n"),
        ("ANO004", INTRO, True),
    ),
    (
        "lint config: a place",
        replace("report/study.yaml", "  deny:\n", "  places:\n    extra: [Storbyen]\n  deny:\n"),
        ("ANO006", APPENDIX, True),
    ),
    (
        "lint config: a level",
        replace("report/study.yaml", "lint:\n", "lint:\n  rules:\n    CIT011: 'off'\n"),
        ("CIT011", "references.bib", False),
    ),
    ("an informant more", _append("report/informants.yaml", INFORMANT_4), ("ANO005", APPENDIX, True)),
    (
        "the pronoun policy",
        replace("report/study.yaml", "informant_pronoun: hun", "informant_pronoun: han"),
        ("ANO005", APPENDIX, False),
    ),
    (
        "the supervisor",
        replace("report/study.yaml", "supervisor: Ola Veileder", "supervisor: Ola Hansn"),
        None,  # read by CIT004 (ctx.authors), but it excuses no name in this sample's citations
    ),
    ("the language", replace("report/study.yaml", "language: nb", "language: en"), ("CIT010", INTRO, True)),
    (
        "references.bib: a year",
        replace("references.bib", "year = {2010}", "year = {2011}"),
        ("CIT005", APPENDIX, False),
    ),
    ("references.bib: a key", replace("references.bib", "{berg2015,", "{berg2016,"), ("CIT001", INTRO, True)),
    ("a change record's redacted hash", _append("report/changes/endringer.yaml", REDACTED), ("ANO011", INTRO, True)),
    (
        "the deny list's salt",
        replace("report/study.yaml", "  deny:\n", "  deny:\n    salt: annet\n"),
        ("ANO011", INTRO, False),
    ),
]
STEPS = [(what, edit, None) for what, edit in EDITS] + LINT_EDITS


@pytest.fixture
def study(tmp_path: Path) -> Path:
    dest = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", dest, ignore=shutil.ignore_patterns("site", "build", "expected"))
    return dest


def _fresh(study: Path, where: Path) -> list[Finding]:
    """The findings of a clean copy of the study's sources (no build/.cache)."""
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(study, where, ignore=shutil.ignore_patterns("build"))
    return lint_project(where, LintOptions())


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(rule, file) of every per-file check that ran (not read from the cache)."""
    calls: list[tuple[str, str]] = []
    real = filecache.check_file

    def counting(rule, ctx, source) -> Iterator:  # type: ignore[no-untyped-def]
        calls.append((rule.code, source.path))
        return real(rule, ctx, source)

    monkeypatch.setattr(filecache, "check_file", counting)
    return calls


def test_cached_lint_is_a_fresh_lint_after_each_kind_of_edit(study: Path, tmp_path: Path) -> None:
    before = lint_project(study, LintOptions())
    assert before == _fresh(study, tmp_path / "fresh")
    for what, edit, expect in STEPS:
        edit(study)
        cached, fresh = lint_project(study, LintOptions()), _fresh(study, tmp_path / "fresh")
        assert cached == fresh, f"after {what}: the cached lint differs from a clean one"
        if expect:
            rule, path, reported = expect
            was, now = ({f for f in found if (f.rule, f.path) == (rule, path)} for found in (before, fresh))
            assert now - was if reported else was - now, f"after {what}: {rule} in {path} unchanged"
        before = fresh


def test_a_second_run_reads_what_did_not_change(study: Path, checked: list[tuple[str, str]]) -> None:
    lint_project(study, LintOptions())
    files = {path for _, path in checked}
    assert {"docs/02-funn.md", "report/quotes/funn.yaml", "references.bib"} <= files, "every source was checked"
    checked.clear()
    EDITS[0][1](study)  # a chapter paragraph
    lint_project(study, LintOptions())
    assert checked, "the edited chapter was checked again"
    assert {path for _, path in checked} == {"docs/02-funn.md"}, "only the edited chapter was checked again"


def test_a_shared_input_checks_again_only_the_rules_that_read_it(study: Path, checked: list[tuple[str, str]]) -> None:
    lint_project(study, LintOptions())
    files = {path for _, path in checked}
    checked.clear()
    _append("report/study.yaml", "lint:\n  deny:\n    terms: [mellom etater]\n")(study)
    lint_project(study, LintOptions())
    elsewhere = {(code, path) for code, path in checked if path != "report/study.yaml"}
    assert elsewhere == {("ANO004", path) for path in files}, "the deny list is read by ANO004 alone"


def test_damaged_entry_is_checked_again(study: Path, tmp_path: Path, checked: list[tuple[str, str]]) -> None:
    lint_project(study, LintOptions())
    entries = sorted((study / "build" / ".cache").glob(f"{filecache.KIND}-*.json"))
    assert entries, "the per-file hits were kept"
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-3])
    for entry in (study / "build" / ".cache").glob("lint-*.json"):
        entry.unlink()  # the whole run's findings: else nothing is checked at all
    checked.clear()
    assert lint_project(study, LintOptions()) == _fresh(study, tmp_path / "fresh")
    assert checked, "a damaged entry is a miss"
