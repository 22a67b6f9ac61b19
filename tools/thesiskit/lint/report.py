"""Reporters: plain text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from ..errors import InputError
from .finding import Finding
from .registry import registry

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def format_findings(findings: Sequence[Finding], fmt: str) -> str:
    """Render findings in one of :data:`FORMATS`; the text ends with a count line when there are any."""
    if fmt == "text":
        return _text(findings)
    if fmt == "json":
        return json.dumps({"findings": [_as_dict(f) for f in findings]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        return json.dumps(sarif(findings), ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(_github(f) + "\n" for f in findings)
    raise InputError.at("--format", None, f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _as_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
    }


def _text(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning") if counts[s]]
    return "".join(f"{f}\n" for f in findings) + f"Found {' and '.join(parts)}.\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(f: Finding) -> str:
    kind = "error" if f.severity == "error" else "warning"
    props = f"file={_escape_property(f.path)},line={f.line},col={f.column},title={_escape_property(f.rule)}"
    return f"::{kind} {props}::{_escape_data(f.rule + ' ' + f.message)}"


def _tool_version() -> str:
    try:
        return version("thesiskit")
    except PackageNotFoundError:
        return "0"


def sarif(findings: Sequence[Finding]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; rules carry their documentation, results point into the project."""
    rules = registry()
    index = {code: i for i, code in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "thesis lint",
                        "version": _tool_version(),
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.module.split("_", 1)[1],
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc.strip()},
                                "help": {"text": r.doc.strip(), "markdown": r.doc.strip()},
                                "defaultConfiguration": {"level": r.severity},
                            }
                            for r in rules.values()
                        ],
                    }
                },
                "originalUriBaseIds": {"PROJECTROOT": {"description": {"text": "The study's folder."}}},
                "results": [
                    {
                        "ruleId": f.rule,
                        "ruleIndex": index.get(f.rule, -1),
                        "level": "error" if f.severity == "error" else "warning",
                        "message": {"text": f.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": f.path, "uriBaseId": "PROJECTROOT"},
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                    }
                    for f in findings
                ],
            }
        ],
    }
