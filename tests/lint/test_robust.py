"""The gate never crashes: a rule that raises is an internal error of that rule (exit 2), the other
rules' findings are still printed in the asked-for format; real-world bibliographies parse."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.lint.helpers import make_study
from tests.lint.test_formats import SCHEMA
from thesiskit.cite.bib import parse_bib
from thesiskit.cite.ids import isbns
from thesiskit.cite.latex import decode
from thesiskit.cite.names import parse_names
from thesiskit.cli import main
from thesiskit.lint import LintOptions, lint_project
from thesiskit.lint.registry import Rule, registry

# Shapes of entries from real .bib files of public thesis repositories (Zotero, Better BibLaTeX,
# JabRef, hand-written), with invented names and titles.
REAL_WORLD = r"""
@article{vanbuuren2011,
  title = {Mice: Multivariate Imputation by Chained Equations in {{R}}},
  author = {family=Buuren, given=Stef, prefix=van, useprefix=false and Groothuis-Oudshoorn, Karin},
  date = {2011},
  journaltitle = {Journal of Statistical Software},
  volume = {45},
  doi = {10.18637/jss.v045.i03}
}
@book{hansen2012,
  author = {Hansen, Kari, Olsen, Per},
  title = {Komma mellom navn},
  publisher = {Forlag},
  year = {2012}
}
@misc{asps2019,
  author = {American Society of Plastic Surgery Foundation, },
  title = {Statistics},
  year = {2019}
}
@article{deci2000,
  author = {Deci, Edward L. and others},
  title = {{II}. {E}vent-related tests},
  journal = {Journal of Educational Psychology},
  year = {2000},
  isbn = {1939-2176(Electronic),0022-0663(Print)}
}
@book{sorvoll2015,
  author = {S{\o}rvoll, Jardar and M\"{u}ller, Hans and {{Norsk senter for forskningsdata}}},
  title = {Bolig og velferd \& mer},
  publisher = {Universitetsforlaget},
  year = {2015},
  isbn = {978-82-05-39409-4 82-05-39409-1},
  file = {C:\Users\kari\Zotero\storage\ABCD\sorvoll.pdf}
}
"""


def test_real_world_entries_do_not_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@vanbuuren2011; @hansen2012]: og @sorvoll2015.\n"}, bib=REAL_WORLD)
    findings = lint_project(root, LintOptions())
    assert not [f for f in findings if f.internal], [str(f) for f in findings if f.internal]
    assert any(f.rule == "CIT015" for f in findings)  # the comma-separated list is reported, not a crash
    assert any(f.rule == "CIT007" and "ISSN" in f.message for f in findings)
    for fmt in ("text", "json", "sarif", "github"):
        assert main(["lint", "--project", str(root), "--format", fmt]) in (0, 1)
        assert "Traceback" not in capsys.readouterr().err


def _crashing(code: str) -> Rule:
    from dataclasses import replace

    from thesiskit.lint.context import LintContext

    original = registry()[code]

    def check(ctx: LintContext) -> Iterator[object]:
        for entry in ctx.bib.entries.values():
            if entry.key == "bukve2012":
                raise ValueError("odd input")
        yield from original.check(ctx)

    return replace(original, check=check)  # type: ignore[arg-type]


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = dict(registry())
    rules["CIT007"] = _crashing("CIT007")
    monkeypatch.setattr("thesiskit.lint.engine.registry", lambda: rules)


def test_a_rule_that_raises_is_an_internal_error_at_its_entry(broken_rule: None, tmp_path: Path) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@ukjent2010].\n"})
    findings = lint_project(root, LintOptions())
    internal = [f for f in findings if f.internal]
    assert len(internal) == 1
    f = internal[0]
    bib = (root / "references.bib").read_text("utf-8").splitlines()
    assert (f.rule, f.path, f.severity) == ("CIT007", "references.bib", "error")
    assert bib[f.line - 1].startswith("@book{bukve2012"), "the entry the rule was reading"
    assert "bukve2012" in f.message and "ValueError: odd input" in f.message
    assert any(g.rule == "CIT001" for g in findings), "the other rules ran"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_internal_error_exits_2_with_the_other_findings(
    broken_rule: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@ukjent2010].\n"})
    assert main(["lint", "--project", str(root), "--format", fmt]) == 2
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "ukjent2010" in out.out, "the other rules' findings are printed"
    if fmt == "sarif":
        data = json.loads(out.out)
        jsonschema.validate(data, SCHEMA)
        inv = data["runs"][0]["invocations"][0]
        assert inv["executionSuccessful"] is False
        assert inv["toolExecutionNotifications"][0]["descriptor"]["id"] == "CIT007"
    if fmt == "json":
        assert any("internal error of CIT007" in f["message"] for f in json.loads(out.out)["findings"])


def test_paths_from_the_repository_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    root = make_study(tmp_path / "studier" / "min", {"docs/a.md": "Se [@ukjent2010].\n"})
    assert main(["lint", "--project", str(root), "--format", "github"]) == 1
    assert "file=studier/min/docs/a.md," in capsys.readouterr().out
    main(["lint", "--project", str(root), "--format", "sarif"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert "studier/min/docs/a.md" in uris
    assert data["runs"][0]["tool"]["driver"]["informationUri"].startswith("https://")
    main(["lint", "--project", str(root), "--format", "json"])
    paths = {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "docs/a.md" in paths, "text and JSON stay relative to the study"


# Fuzz: the bibliography's parsers never raise, whatever the text ------------------------------------

PIECES = [*'@{}"#,=%\\ \n~-aAbBøØ019', " and ", "others", "family=", "\\o", '\\"{u}']
BIBTEX_CHARS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
FUZZ = settings(
    derandomize=True, database=None, deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)


@FUZZ
@given(BIBTEX_CHARS)
def test_name_lists_never_raise(value: str) -> None:
    names = parse_names(value)
    assert all(isinstance(p.family, str) for p in names.people)


@FUZZ
@given(BIBTEX_CHARS)
def test_latex_decoding_never_raises(value: str) -> None:
    assert isinstance(decode(value), str)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("0123456789Xx-() ,;ISBNPrint"))))
def test_isbn_fields_never_raise(value: str) -> None:
    assert all(i.kind in ("isbn", "issn", "invalid") for i in isbns(value))


@FUZZ
@given(
    st.builds(
        lambda body, tail: "@book{k,\n  author = {" + body + "},\n  title = " + tail + "\n}\n",
        BIBTEX_CHARS,
        BIBTEX_CHARS,
    )
)
def test_bibliography_never_raises(text: str) -> None:
    bib = parse_bib(text, "references.bib")
    for e in bib.entries.values():
        assert isinstance(e.family_names, list)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_entries_from_public_thesis_repositories(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    bib = (Path(__file__).parent / "realworld.bib").read_text("utf-8")
    root = make_study(tmp_path, {"docs/a.md": "Se [@findbugs2008; @vries2012]: og @cryptofox.\n"}, bib=bib)
    assert main(["lint", "--project", str(root), "--format", fmt]) == 1  # the cut-off entry is an error
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "internal error" not in out.out
    assert "truncated2020" in out.out and "CIT008" in out.out
