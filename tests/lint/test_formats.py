"""Reporters: text, JSON, SARIF 2.1.0 (against a schema subset) and GitHub annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.lint.helpers import make_study
from thesiskit.errors import InputError
from thesiskit.lint import Finding, LintOptions, format_findings, lint_project

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0-subset.schema.json").read_text("utf-8"))
FINDINGS_SCHEMA = {
    "type": "object",
    "required": ["findings"],
    "additionalProperties": False,
    "properties": {
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "line", "column", "rule", "severity", "message"],
                "properties": {
                    "path": {"type": "string", "pattern": r"^[^/]"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "rule": {"type": "string", "pattern": r"^[A-Z]{3}\d{3}$"},
                    "severity": {"enum": ["error", "warning"]},
                    "message": {"type": "string", "minLength": 1},
                },
            },
        }
    },
}
TEXT_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) (?P<msg>.+)$")
GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[A-Z]{3}\d{3}::[^\r\n]+$")


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = make_study(
        tmp_path_factory.mktemp("formats"),
        {
            "docs/kap/a.md": "Et utvalg (Thagard, 2013, s. 60-61) i Drammen.\nSe [@ukjent2010] og 100% av\n",
            "docs/b.md": "Ibid: 50% sa ja, «sitat» og: kolon, komma.\n",
        },
        study=True,
    )
    found = lint_project(root, LintOptions())
    assert {f.severity for f in found} == {"error", "warning"}
    return found


def test_text(findings: list[Finding]) -> None:
    lines = format_findings(findings, "text").splitlines()
    assert lines[-1].startswith("Found ") and "error" in lines[-1] and "warning" in lines[-1]
    for line, f in zip(lines[:-1], findings, strict=True):
        m = TEXT_LINE.match(line)
        assert m, line
        assert (m["path"], int(m["line"]), int(m["col"]), m["rule"]) == (f.path, f.line, f.column, f.rule)
    assert any(line.startswith("docs/kap/a.md:") for line in lines), "paths are relative to the project"


def test_text_is_empty_when_clean() -> None:
    assert format_findings([], "text") == ""


def test_json(findings: list[Finding]) -> None:
    data = json.loads(format_findings(findings, "json"))
    jsonschema.validate(data, FINDINGS_SCHEMA)
    assert len(data["findings"]) == len(findings)
    assert data["findings"][0] == {
        "path": findings[0].path,
        "line": findings[0].line,
        "column": findings[0].column,
        "rule": findings[0].rule,
        "severity": findings[0].severity,
        "message": findings[0].message,
    }


def test_sarif(findings: list[Finding]) -> None:
    data = json.loads(format_findings(findings, "sarif"))
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
    assert len(run["results"]) == len(findings)


def test_sarif_empty() -> None:
    data = json.loads(format_findings([], "sarif"))
    jsonschema.validate(data, SCHEMA)
    assert data["runs"][0]["results"] == []


def test_github(findings: list[Finding]) -> None:
    lines = format_findings(findings, "github").splitlines()
    assert len(lines) == len(findings)
    for line in lines:
        assert GITHUB_LINE.match(line), line


def test_github_escapes() -> None:
    f = Finding("docs/a,b:c.md", 3, 4, "ANO001", "warning", "50% sikker\nny linje")
    line = format_findings([f], "github").rstrip("\n")
    assert line == "::warning file=docs/a%2Cb%3Ac.md,line=3,col=4,title=ANO001::ANO001 50%25 sikker%0Any linje"


def test_unknown_format() -> None:
    with pytest.raises(InputError):
        format_findings([], "xml")
