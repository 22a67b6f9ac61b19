"""``thesis lint``: the citation and anonymity gate.

The library API used by the CLI and ``thesis build``::

    findings = lint_project(Path("."), LintOptions(built=True))
    print(format_findings(findings, "text"))
    if has_errors(findings, strict=False): ...
    sys.exit(exit_code(findings))  # 2 if a rule failed, 1 on errors, else 0

Every rule is a module in ``rules/`` whose docstring is its documentation (``thesis lint --explain CODE``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .finding import Finding
from .registry import registry

if TYPE_CHECKING:
    from .detect import hash_term, normalise_term
    from .engine import LintOptions, exit_code, has_errors, lint_project, lint_reading
    from .report import FORMATS, format_findings, repo_prefix

_LAZY = {
    "hash_term": "detect",
    "normalise_term": "detect",
    "LintOptions": "engine",
    "exit_code": "engine",
    "has_errors": "engine",
    "lint_project": "engine",
    "lint_reading": "engine",
    "FORMATS": "report",
    "format_findings": "report",
    "repo_prefix": "report",
}
"""Imported on first use: a cached ``thesis lint`` loads neither the schemas nor the rules' libraries."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "FORMATS",
    "Finding",
    "LintOptions",
    "exit_code",
    "explain",
    "format_findings",
    "has_errors",
    "hash_term",
    "lint_project",
    "lint_reading",
    "normalise_term",
    "repo_prefix",
    "rules_markdown",
]


def explain(code: str) -> str:
    """The documentation of one rule (its module docstring), with its code and default level."""
    rule = registry().get(code.strip().upper())
    if rule is None:
        known = ", ".join(registry())
        raise InputError.at("--explain", None, f"unknown rule code {code!r} (known: {known})")
    fix = "\n\nFixable with `thesis lint --fix` (where unambiguous)." if rule.fixable else ""
    return f"{rule.code} ({rule.severity}): {_dedent(rule.doc).strip()}{fix}\n"


def rules_markdown() -> str:
    """All rules as one Markdown page, for the site's page of rules."""
    out = [
        "# Rules of `thesis lint` {#lint-rules .unnumbered}",
        "",
        "The gate checks citations against `references.bib` and looks for anonymity leaks before anything "
        "is published. Each rule has a stable code; its level (error, warning, off) can be changed per code "
        "or per file under `lint:` in `report/study.yaml`, and a single place can be excused with "
        '`<!-- thesis: ignore CODE reason="…" -->`.',
        "",
        "| Code | Level | Rule |",
        "| --- | --- | --- |",
    ]
    out += [f"| [{r.code}](#{r.code.lower()}) | {r.severity} | {r.summary} |" for r in registry().values()]
    out += [
        "",
        "## Configuration {#lint-configuration}",
        "",
        "Under `lint:` in `report/study.yaml`; errors in it are reported with their line, like any record.",
        "",
        importlib.import_module(f"{__name__}.config").config_markdown(),
        "",
        "## Suppressions {#lint-suppressions}",
        "",
        '`<!-- thesis: ignore CODE reason="…" -->` on a line of its own covers the next paragraph; at the end '
        'of a line, that line. In YAML records, `# thesis: ignore CODE reason="…"` covers the next node. '
        "A suppression without a reason does not count and is itself reported (LNT001); one that matches "
        "nothing is reported too (LNT002).",
    ]
    for r in registry().values():
        summary, _, body = _dedent(r.doc).strip().partition("\n")
        out += [
            "",
            f"## {r.code}: {summary.rstrip('.')} {{#{r.code.lower()}}}",
            "",
            f"Default level: **{r.severity}**.",
        ]
        out += ["", body.strip()]
    return "\n".join(out) + "\n"


def _dedent(doc: str) -> str:
    import textwrap

    first, _, rest = doc.strip("\n").partition("\n")
    return first.strip() + "\n" + textwrap.dedent(rest)
