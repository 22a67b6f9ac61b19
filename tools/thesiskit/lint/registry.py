"""The rules, found by scanning the ``rules`` package: one module per rule, named after its code."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from . import rules as _rules_pkg
from .finding import Hit

if TYPE_CHECKING:
    from .context import LintContext
    from .source import Source

FILES = ("anon", "prose", "markdown")
"""What a per-file rule's ``FILES`` may name: :meth:`LintContext.anon_sources`, ``prose`` or ``markdown``."""
INPUTS = ("deny", "places", "bib", "authors", "pronoun", "language", "informants", "redacted")
"""What a per-file rule's ``INPUTS`` may name, besides its file (each digested by :mod:`.filecache`)."""

MODULE_NAME = re.compile(r"^(?P<code>[a-z]{3}\d{3})_[a-z0-9_]+$")


@dataclass(frozen=True)
class Rule:
    """A registered rule: its code, default severity, documentation and check function."""

    code: str
    module: str
    severity: str
    doc: str
    check: Callable[[LintContext], Iterable[Hit]]
    built: bool = False
    """Runs only with ``--built`` (reads site/ and build/)."""
    after: bool = False
    """Runs after the other rules and the suppressions (e.g. unused suppressions)."""
    input: bool = False
    """Reports input the build cannot use (SRC rules): ``thesis lint`` exits 2, as ``thesis build`` does."""
    fixable: bool = False
    """``thesis lint --fix`` rewrites what it finds (where unambiguous)."""
    check_file: Callable[[LintContext, Source], Iterable[Hit]] | None = None
    """A per-file rule: the hits in one source, from that file and the shared ``inputs`` alone."""
    files: str = ""
    """A per-file rule's sources (one of :data:`FILES`)."""
    inputs: tuple[str, ...] = ()
    """What a per-file rule reads besides its file (names of :data:`INPUTS`): its results are cached by these."""

    @property
    def summary(self) -> str:
        """First line of the documentation."""
        return self.doc.strip().splitlines()[0].strip()


def _load(mod: ModuleType, name: str) -> Rule:
    m = MODULE_NAME.match(name)
    code = getattr(mod, "CODE", None)
    if not m or code != m.group("code").upper():
        raise RuntimeError(f"rule module {name}: CODE {code!r} does not match its name")
    severity = getattr(mod, "SEVERITY", None)
    if severity not in ("error", "warning"):
        raise RuntimeError(f"rule module {name}: SEVERITY must be 'error' or 'warning'")
    if not (mod.__doc__ or "").strip():
        raise RuntimeError(f"rule module {name}: the module docstring is the rule's documentation")
    check_file = getattr(mod, "check_file", None)
    files, inputs = getattr(mod, "FILES", ""), tuple(getattr(mod, "INPUTS", ()))
    if check_file is not None and (files not in FILES or not set(inputs) <= set(INPUTS)):
        raise RuntimeError(f"rule module {name}: FILES must be one of {FILES}, INPUTS names of {INPUTS}")
    return Rule(
        code=code,
        module=name,
        severity=severity,
        doc=mod.__doc__ or "",
        check=getattr(mod, "check", None) or _each_file(check_file, files),
        built=bool(getattr(mod, "BUILT", False)),
        after=bool(getattr(mod, "AFTER", False)),
        input=bool(getattr(mod, "INPUT", False)),
        fixable=bool(getattr(mod, "FIXABLE", False)),
        check_file=check_file,
        files=files,
        inputs=inputs,
    )


def sources(ctx: LintContext, files: str) -> Iterable[Source]:
    """The sources a per-file rule reads (``files``: one of :data:`FILES`)."""
    return ctx.anon_sources() if files == "anon" else ctx.prose if files == "prose" else ctx.markdown


def _each_file(
    check_file: Callable[[LintContext, Source], Iterable[Hit]] | None, files: str
) -> Callable[[LintContext], Iterable[Hit]]:
    """A per-file rule's whole check: its ``check_file`` over each of its sources, in order."""
    if check_file is None:
        raise RuntimeError("a rule module needs check(ctx) or check_file(ctx, source)")

    def check(ctx: LintContext) -> Iterator[Hit]:
        for source in sources(ctx, files):
            yield from check_file(ctx, source)

    return check


def rule_codes() -> list[str]:
    """Every rule's code, from the modules' names alone (nothing imported; :func:`registry` checks they match)."""
    return sorted(
        m.group("code").upper() for i in pkgutil.iter_modules(_rules_pkg.__path__) if (m := MODULE_NAME.match(i.name))
    )


@cache
def rule(code: str) -> Rule | None:
    """One rule by its code, importing only its module (None if no module has that code)."""
    for info in pkgutil.iter_modules(_rules_pkg.__path__):
        m = MODULE_NAME.match(info.name)
        if m and m.group("code").upper() == code:
            return _load(importlib.import_module(f"{_rules_pkg.__name__}.{info.name}"), info.name)
    return None


@cache
def registry() -> dict[str, Rule]:
    """Every rule by code, sorted by code."""
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(_rules_pkg.__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{_rules_pkg.__name__}.{info.name}")
        rule = _load(mod, info.name)
        if rule.code in found:
            raise RuntimeError(f"two rule modules claim {rule.code}")
        found[rule.code] = rule
    return dict(sorted(found.items()))
