"""Run the rules: load once, check, apply levels, suppressions and the allow list, sort."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import cache_key, inputs_digest, read_entry, write_entry
from ..errors import InputError
from ..project import Project, open_project
from .filecache import FileCache
from .files import project_files
from .finding import Finding, Hit
from .registry import Rule, registry, rule_codes
from .registry import rule as rule_by_code

if TYPE_CHECKING:  # imported where used: a cached run needs none of them
    from ..study import Reading
    from .config import Levels
    from .context import LintContext


@dataclass(frozen=True)
class LintOptions:
    """What to check: codes to select or ignore (prefixes), built outputs, strictness, paths to report."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    built: bool = False
    strict: bool = False
    paths: tuple[Path, ...] = ()
    render: bool = True
    """Render the chapters as the build does (SRC003–SRC005); the build itself, which renders anyway, skips it."""
    pdfs: tuple[tuple[Path, str], ...] = ()
    """With ``built``: check these PDFs (file, the path to report) instead of site/ and build/*.pdf.

    The build checks the submission PDF it just made this way, before it is swapped in."""


def _chosen(rule: Rule, options: LintOptions, levels: Levels) -> bool:
    if options.select and not any(rule.code.startswith(s) for s in options.select):
        return False
    if any(rule.code.startswith(s) for s in options.ignore):
        return False
    if rule.built and not options.built:
        return False
    return levels.enabled_somewhere(rule.code)


def lint_project(project_dir: Path, options: LintOptions) -> list[Finding]:
    """Check a study; return every finding, sorted by path, line, column and code.

    The findings are kept in build/.cache by everything they are made from (:func:`lint_key`): a study
    checked before, unchanged, is only read and hashed. With ``--built`` the outputs are read every time.
    """
    _check_codes(options)
    project = open_project(project_dir)
    key = None if options.built else lint_key(project, options)
    stored = read_entry(project.cache, "lint", key) if key else None
    if isinstance(stored, list):
        return [Finding(**f) for f in stored]
    from ..study import read_study

    findings = lint_reading(read_study(project, fresh=key is None), options)
    if key and not any(f.internal for f in findings):
        write_entry(project.cache, "lint", key, [dataclasses.asdict(f) for f in findings])
    return findings


def lint_key(project: Project, options: LintOptions) -> str:
    """What the findings of ``thesis lint`` are made from.

    The study's files, the kit's code (rules and configuration schema), the installed packages, the
    names of every file in the tree (ANO008 looks at names, hidden folders too; the cache's own are
    left out) and the options.
    """
    inside = project.rel(project.build) + "/."  # build/.cache, build/.staging-*: the kit's own
    names = [n for n in project_files(project.root) if not n.startswith(inside)]
    wanted = [str(p.resolve()) for p in options.paths]
    chosen = [options.select, options.ignore, options.strict, options.render, wanted]
    return cache_key(inputs_digest(project), "\n".join(names), json.dumps(chosen, ensure_ascii=False))


def _check_codes(options: LintOptions) -> None:
    codes = rule_codes()
    for code in (*options.select, *options.ignore):
        if not any(c.startswith(code.upper()) for c in codes):
            raise InputError.at("--select/--ignore", None, f"unknown rule code {code!r}")


def lint_reading(reading: Reading, options: LintOptions) -> list[Finding]:
    """Check a study as :func:`study.read_study` read it (the build passes the reading it builds from).

    The per-file rules' hits are kept for each file by its content (:mod:`.filecache`): after an edit only
    the changed files, and the rules whose shared inputs changed, are checked again; the rules that read
    several files run every time.
    """
    _check_codes(options)
    from . import suppress
    from .config import Levels, load_config
    from .context import load_context

    rules = registry()
    project = reading.project
    config = load_config(project, frozenset(rules))
    levels = Levels(config, {code: r.severity for code, r in rules.items()})
    ctx = load_context(reading, config, built=options.built, render=options.render, pdfs=options.pdfs)
    chosen = [r for r in rules.values() if _chosen(r, options, levels)]
    ctx.selected = frozenset(r.code for r in chosen)
    for source in ctx.prose:
        good, bad = suppress.parse(source)
        ctx.suppressions.extend(good)
        ctx.malformed.extend(bad)
    allowed = _Allowed(ctx)
    findings: list[Finding] = []
    kept = None if options.built else FileCache(ctx)  # the outputs of --built are read every time
    for rule in sorted(chosen, key=lambda r: r.after):
        try:
            for hit in kept.hits(rule) if kept and rule.check_file else rule.check(ctx):
                level = levels.level(rule.code, hit.path)
                if level == "off" or allowed.covers(rule.code, hit):
                    continue
                if not rule.after and _suppressed(ctx, rule.code, hit):
                    continue
                findings.append(Finding(hit.path, max(hit.line, 1), max(hit.column, 1), rule.code, level, hit.message))
        except Exception as exc:  # a bug in one rule: report it where it happened, let the others run
            findings.append(internal_error(rule.code, exc, project.rel(project.bib)))
    if kept:
        kept.save()
    wanted = _wanted_paths(project.root, options.paths)
    if wanted is not None:
        findings = [f for f in findings if f.internal or any(_under(f.path, w) for w in wanted)]
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.column, f.rule, f.message))


def _under(path: str, folder: str) -> bool:
    return not folder or path == folder or path.startswith(folder.rstrip("/") + "/")


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    """Whether the gate fails: any error, or in strict mode any finding at all."""
    return any(f.severity == "error" or strict for f in findings)


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    """2 if a rule failed (internal error) or the input is broken (SRC rules), 1 if the gate fails, else 0."""
    if any(f.internal or ((r := rule_by_code(f.rule)) is not None and r.input) for f in findings):
        return 2
    return 1 if has_errors(findings, strict) else 0


def internal_error(code: str, exc: BaseException, bib_path: str) -> Finding:
    """A finding for a rule that raised: at the entry or source line it was reading (from the traceback)."""
    from ..cite.bib import BibEntry
    from .source import Source

    where: tuple[str, int, str] | None = None
    tb = exc.__traceback__
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):  # innermost first
        local = frame.f_locals
        entry = next((v for v in local.values() if isinstance(v, BibEntry)), None)
        if entry is not None:
            where = (bib_path, entry.line, f" on entry {entry.key}")
            break
        source = next((v for v in local.values() if isinstance(v, Source)), None)
        if source is not None:
            ints = (local[n] for n in ("start", "offset", "pos", "s", "a") if isinstance(local.get(n), int))
            offset = next(ints, None)
            match = next((v for v in local.values() if isinstance(v, re.Match)), None)
            if offset is None and match is not None:
                offset = match.start()
            line = source.position(min(offset, len(source.text)))[0] if offset is not None else 1
            where = (source.path, line, "")
            break
    path, line, what = where or ("", 1, "")
    message = (
        f"internal error of {code}{what}: {type(exc).__name__}: {exc}; the other rules ran. "
        "This is a bug in thesiskit: please report it with this line"
    )
    return Finding(path, max(line, 1), 1, code, "error", message, internal=True)


def _suppressed(ctx: LintContext, code: str, hit: Hit) -> bool:
    for s in ctx.suppressions:
        if s.path == hit.path and s.first <= hit.line <= s.last:
            for c in s.codes:
                if code.startswith(c):
                    s.used.add(c)
                    return True
    return False


class _Allowed:
    """Spans of allow-listed public strings in each source, per rule."""

    def __init__(self, ctx: LintContext) -> None:
        self.entries = [
            (tuple(a.rules) or ("ANO",), re.compile(r"\s+".join(map(re.escape, a.text.split())), re.I))
            for a in ctx.config.allow
        ]
        self.texts = {s.path: s.text for s in ctx.anon_sources()}
        self.cache: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def covers(self, code: str, hit: Hit) -> bool:
        if hit.start is None or not self.entries:
            return False
        text = self.texts.get(hit.path)
        if text is None:
            return False
        end = hit.end if hit.end is not None else hit.start + 1
        for i, (codes, rx) in enumerate(self.entries):
            if not any(code.startswith(c.upper()) for c in codes):
                continue
            spans = self.cache.get((hit.path, i))
            if spans is None:
                spans = self.cache[(hit.path, i)] = [m.span() for m in rx.finditer(text)]
            if any(a <= hit.start and end <= b for a, b in spans):
                return True
        return False


def _wanted_paths(root: Path, paths: tuple[Path, ...]) -> list[str] | None:
    if not paths:
        return None
    out = []
    for p in paths:
        for cand in (p, root / p):
            if cand.exists():
                try:
                    out.append(cand.resolve().relative_to(root.resolve()).as_posix())
                except ValueError:
                    raise InputError.at(str(p), None, "is outside the project") from None
                break
        else:
            raise InputError.at(str(p), None, "no such file or folder")
    return ["" if o == "." else o for o in out]
