"""Property-based tests: arbitrary text never raises anything but the kit's own errors.

Covers the record loader (YAML with lines, the schemas, cross-checks), the citation scanner and
the anonymity scanners (the detectors, and every rule through ``lint_project``). Examples are
derandomised, so a run is reproducible; a failure prints the shrunk input to paste into a test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thesiskit.cite.citeproc import cluster_markdown
from thesiskit.cite.scan import mask, scan
from thesiskit.errors import ThesisError
from thesiskit.lint import LintOptions, lint_project
from thesiskit.lint.config import DenyList
from thesiskit.lint.detect import DenyMatcher, emails, national_ids, phones
from thesiskit.project import Project
from thesiskit.records import load_records
from thesiskit.records.yamlio import line_of, load_yaml

from .lint.helpers import BIB, INFORMANTS, STUDY, make_study

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SLOW_FUZZ = settings(FUZZ, max_examples=40)

# Pieces that steer arbitrary text towards the syntax each scanner looks for.
YAML_PIECES = [
    ": ",
    "- ",
    "\n",
    "  ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "|\n",
    ">-\n",
    "'",
    '"',
    "# ",
    "? ",
    "id",
    "text",
    "informant",
    "section",
    "quotes",
    "\t",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "\\",
    "\x00",
    "\ufeff",
    "2019-06-14",
    "0x1F",
    ".inf",
    "~",
    "<<: *a",
]
PROSE_PIECES = [
    "@",
    "[",
    "]",
    "; ",
    "-@",
    "@thagaard2013",
    "@bukve2012",
    "[@",
    "s. 45",
    ", s. 4",
    "se ",
    "\n",
    "\n\n",
    " ",
    "`",
    "```\n",
    "<!--",
    "-->",
    "{{ ",
    " }}",
    "{#id}",
    "(",
    ")",
    "http://x.org/@a",
    "+47 ",
    "22 33 44 55",
    "12345678",
    "010190 12345",
    "1234.56.78903",
    "ø",
    "Å",
    "han",
    "hun",
    "Han ",
    "(4)",
    "informant 3",
    "e-post: ",
    "kari@",
    "uib.no",
    ".",
    "Bergen",
    "Oslo",
    "kommune",
    "<!-- thesis: ignore ",
    "ANO005",
    'reason="x"',
    "\u00a0",
    "\u2009",
    "# ",
    "## Tittel {#t}",
    "> ",
    "|",
    "Ibid",
    "ibid.",
]


def _text(pieces: list[str], max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.text(max_size=6), st.sampled_from(pieces)), max_size=max_size).map("".join)


yaml_text = _text(YAML_PIECES)
prose = _text(PROSE_PIECES)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True), st.text(max_size=12))
json_like: st.SearchStrategy[Any] = st.recursive(
    scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=12
)
QUOTE_KEYS = ["id", "informant", "section", "attribution", "text", "extra"]
quote_like = st.dictionaries(st.sampled_from(QUOTE_KEYS), st.one_of(scalars, st.sampled_from(["a-b", "1", 1, 9])))
FINDING_KEYS = ["id", "title", "text", "source", "quotes", "discussion", "themes", "order"]
finding_like = st.dictionaries(st.sampled_from(FINDING_KEYS), json_like)


# --- record loader -----------------------------------------------------------------------------


@FUZZ
@given(yaml_text)
def test_yaml_loader_raises_only_input_errors(text: str) -> None:
    try:
        _data, lines = load_yaml(text, "report/x.yaml")
    except ThesisError as exc:
        assert all(p.path == "report/x.yaml" for p in exc.problems)
        assert all(p.line is None or 1 <= p.line <= text.count("\n") + 2 for p in exc.problems)
        return
    for loc, line in lines.items():
        assert line_of(lines, loc) == line
        assert 1 <= line <= text.count("\n") + 1


@pytest.fixture(scope="module")
def records_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("records")
    make_study(root, {"report/informants.yaml": INFORMANTS}, study=True)
    return Project(root)


def _load_records_with(project: Project, rel: str, text: str) -> None:
    path = project.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        load_records(project)
    except ThesisError as exc:
        assert exc.problems
        assert all(p.message for p in exc.problems)
    finally:
        path.unlink()


@SLOW_FUZZ
@given(yaml_text)
def test_record_loader_on_arbitrary_text(records_project: Project, text: str) -> None:
    _load_records_with(records_project, "report/quotes/fuzz.yaml", text)


@SLOW_FUZZ
@given(st.one_of(st.lists(quote_like, max_size=4), json_like))
def test_record_loader_on_arbitrary_quote_records(records_project: Project, data: Any) -> None:
    _load_records_with(records_project, "report/quotes/fuzz.yaml", yaml.safe_dump(data, allow_unicode=True))


@SLOW_FUZZ
@given(st.one_of(finding_like, json_like))
def test_record_loader_on_arbitrary_findings(records_project: Project, data: Any) -> None:
    _load_records_with(records_project, "report/findings/fuzz.yaml", yaml.safe_dump(data, allow_unicode=True))


@SLOW_FUZZ
@given(st.one_of(yaml_text, json_like.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
def test_record_loader_on_arbitrary_study_file(records_project: Project, text: str) -> None:
    study = records_project.root / "report" / "study.yaml"
    try:
        _load_records_with(records_project, "report/study.yaml", text)
    finally:
        study.write_text(STUDY, encoding="utf-8")


# --- citation scanner --------------------------------------------------------------------------


@FUZZ
@given(prose)
def test_citation_scanner_positions_are_true(text: str) -> None:
    assert len(mask(text)) == len(text)
    clusters = scan(text)
    end = 0
    for c in clusters:
        assert end <= c.start < c.end <= len(text)  # in order, no overlaps
        assert text[c.start : c.end] == c.text
        assert c.items and all(i.key for i in c.items)
        assert c.line == text.count("\n", 0, c.start) + 1
        assert c.column >= 1
        end = c.end


@FUZZ
@given(
    _text(
        [
            '<span class="citation" data-cites="a">',
            "</span>",
            '<a href="#ref-',
            '" role="doc-biblioref">',
            "</a>",
            "<em>",
            "</em>",
            "&amp;",
            "[",
            "]",
            "\n",
            "a",
        ]
    )
)
def test_rendered_cluster_to_markdown_never_raises(html: str) -> None:
    md, keys = cluster_markdown(html, "../litteratur.md")
    assert isinstance(md, str) and all(isinstance(k, str) for k in keys)


# --- anonymity scanners ------------------------------------------------------------------------


def _in_bounds(matches: Iterator[Any], text: str) -> None:
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)


@FUZZ
@given(prose)
def test_personal_data_detectors_never_raise(text: str) -> None:
    _in_bounds(emails(text), text)
    _in_bounds(phones(text), text)
    _in_bounds(national_ids(text), text)


@FUZZ
@given(prose, st.lists(st.text(max_size=12), max_size=4))
def test_deny_list_matcher_never_raises(text: str, terms: list[str]) -> None:
    _in_bounds(DenyMatcher(DenyList(terms=terms)).find(text), text)


@pytest.fixture(scope="module")
def lint_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lint") / "study"
    return make_study(root, {"docs/index.md": "# Forside {#forside}\n"}, bib=BIB, study=True)


def _lint_with(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        findings = lint_project(root, LintOptions())
        assert all(f.line is None or f.line >= 1 for f in findings)
    except ThesisError as exc:
        assert exc.problems
    finally:
        path.unlink()


@SLOW_FUZZ
@given(prose)
def test_every_lint_rule_on_an_arbitrary_chapter(lint_study: Path, text: str) -> None:
    _lint_with(lint_study, "docs/fuzz.md", text)


@SLOW_FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
                "informant": st.integers(1, 4),
                "section": st.just("forside"),
                "attribution": st.just("1"),
                "text": prose.filter(str.strip),
            }
        ),
        max_size=3,
        unique_by=lambda q: q["id"],
    )
)
def test_every_lint_rule_on_arbitrary_quote_text(lint_study: Path, quotes: list[dict[str, Any]]) -> None:
    _lint_with(lint_study, "report/quotes/fuzz.yaml", yaml.safe_dump(quotes, allow_unicode=True))


@SLOW_FUZZ
@given(
    _text(
        [
            "@book{",
            "@article{",
            "k2010",
            ",",
            "}",
            "{",
            "author = ",
            "title = ",
            "year = {2010}",
            "\n",
            '"',
            "and ",
            "Hansen, Per",
            "@comment{",
            "@string{a = ",
            "#",
            "=",
            "\\",
            "{\\o}",
        ]
    )
)
def test_every_lint_rule_on_an_arbitrary_bibliography(lint_study: Path, text: str) -> None:
    bib = lint_study / "references.bib"
    try:
        _lint_with(lint_study, "references.bib", text)
    finally:
        bib.write_text(BIB, encoding="utf-8")


def test_fuzz_project_is_clean_to_start_with(lint_study: Path, tmp_path: Path) -> None:
    """The base study the lint fuzzers edit builds no error of its own (so findings come from the input)."""
    copy = tmp_path / "study"
    shutil.copytree(lint_study, copy)
    assert all(f.severity != "error" for f in lint_project(copy, LintOptions()))
