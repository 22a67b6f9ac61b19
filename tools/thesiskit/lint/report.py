"""Reporters: plain text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from .finding import Finding
from .registry import registry

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def format_findings(findings: Sequence[Finding], fmt: str, prefix: str = "") -> str:
    """Render findings in one of :data:`FORMATS`; the text ends with a count line when there are any.

    ``prefix`` is the study's folder within its repository (``studies/mine/``, see :func:`repo_prefix`):
    GitHub annotations and SARIF name files from the repository root; text and JSON from the study's.
    """
    if fmt == "text":
        return _text(findings)
    if fmt == "json":
        return json.dumps({"findings": [_as_dict(f) for f in findings]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "sarif":
        return json.dumps(sarif(findings, prefix), ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(_github(f, prefix) + "\n" for f in findings)
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


def repo_prefix(project_root: Path) -> str:
    """The study's folder relative to the root of the git repository holding it (``""`` at the root or outside git)."""
    root = project_root.resolve()
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            rel = root.relative_to(folder).as_posix()
            return "" if rel == "." else rel + "/"
    return ""


def _in_repo(path: str, prefix: str) -> str:
    return prefix + path if path else prefix.rstrip("/")


def _github(f: Finding, prefix: str = "") -> str:
    kind = "error" if f.severity == "error" else "warning"
    file = _escape_property(_in_repo(f.path, prefix))
    props = f"file={file},line={f.line},col={f.column},title={_escape_property(f.rule)}"
    return f"::{kind} {props}::{_escape_data(f.rule + ' ' + f.message)}"


def _tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # SARIF only: text and JSON need none of it

    try:
        return version("thesiskit")
    except PackageNotFoundError:
        return "0"


INFORMATION_URI = "https://example.org/thesiskit"
"""The kit's home page for SARIF's ``informationUri``: a placeholder until the kit has a public home
(the same address as the pre-commit example in README.md)."""


def _location(f: Finding, prefix: str) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _in_repo(f.path, prefix) or ".", "uriBaseId": "SRCROOT"},
            "region": {"startLine": f.line, "startColumn": f.column},
        }
    }


def sarif(findings: Sequence[Finding], prefix: str = "") -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; rules carry their documentation, results point into the repository.

    A rule that failed (an internal error) is a tool execution notification, not a result.
    """
    rules = registry()
    index = {code: i for i, code in enumerate(rules)}
    driver: dict[str, Any] = {"name": "thesis lint", "version": _tool_version()}
    driver["informationUri"] = INFORMATION_URI
    failed = [f for f in findings if f.internal]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        **driver,
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
                "originalUriBaseIds": {
                    "SRCROOT": {"description": {"text": "The root of the repository that holds the study."}}
                },
                "invocations": [
                    {
                        "executionSuccessful": not failed,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "descriptor": {"id": f.rule},
                                "message": {"text": f.message},
                                "locations": [_location(f, prefix)],
                            }
                            for f in failed
                        ],
                    }
                ],
                "results": [
                    {
                        "ruleId": f.rule,
                        "ruleIndex": index.get(f.rule, -1),
                        "level": "error" if f.severity == "error" else "warning",
                        "message": {"text": f.message},
                        "locations": [_location(f, prefix)],
                    }
                    for f in findings
                    if not f.internal
                ],
            }
        ],
    }
