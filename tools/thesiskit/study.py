"""The one reader: a study's sources read and validated once, for both ``thesis build`` and ``thesis lint``.

:func:`read_study` reads mkdocs.yml, the records, references.bib, the chapters and the ``lint:``
policy, each file once (:func:`project.read_text` keeps what it read), and keeps going past bad
input: every problem is kept with its file and line. The build takes the valid view
(:meth:`Reading.sources`, which raises the problems); the gate reports them as findings (SRC001–SRC005)
next to its own rules, and also renders the chapters as the build does (:func:`build_checks`), so that
whatever stops ``thesis build`` fails ``thesis lint`` with the same file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import jinja2

from .cite.bib import Bibliography, parse_bib
from .errors import InputError, Problem
from .project import Project, read_text
from .records import Records, load_records
from .render.env import make_env
from .sources import Chapter, SiteConfig, load_site_config, read_chapters

Phase = Literal["read", "records", "render"]


@dataclass(frozen=True)
class Sources:
    """A study's sources, read and validated: what the build works from."""

    project: Project
    config: SiteConfig
    records: Records
    bib: Bibliography
    chapters: list[Chapter]
    env: jinja2.Environment
    reading: Reading


@dataclass
class Reading:
    """Everything :func:`read_study` could read, and every problem it found (with its phase)."""

    project: Project
    config: SiteConfig | None
    records: Records | None
    bib: Bibliography
    chapters: list[Chapter]
    env: jinja2.Environment
    problems: list[tuple[Phase, Problem]] = field(default_factory=list)

    def sources(self) -> Sources:
        """The valid study for the build; raise every problem (and the bibliography's syntax errors)."""
        problems = [p for _, p in self.problems] + list(self.bib.problems)
        if not problems and self.records is None:
            rel = self.project.rel(self.project.report / "study.yaml")
            problems = [Problem(rel, None, "missing: every study needs report/study.yaml")]
        if problems or self.config is None or self.records is None:
            raise InputError(problems)
        return Sources(self.project, self.config, self.records, self.bib, self.chapters, self.env, self)


def read_sources(project: Project, *, fresh: bool = True) -> Sources:
    """The study for the build: :func:`read_study`, raising its problems."""
    return read_study(project, fresh=fresh).sources()


def read_study(project: Project, *, jinja_cache: bool = True, fresh: bool = True) -> Reading:
    """Read mkdocs.yml, the records, references.bib and the chapters, collecting every problem.

    A new run: files read before (``thesis serve`` calls this after every edit) are read again, once;
    ``fresh=False`` keeps what this run has read already (``thesis lint`` hashed it for its cache).
    ``jinja_cache`` keeps compiled chapters in build/.cache.
    """
    from .site.pages import GENERATED_NAV

    if fresh:
        project.texts.clear()
    problems: list[tuple[Phase, Problem]] = []
    config = None
    chapters: list[Chapter] = []
    try:
        config = load_site_config(project)
        chapters = read_chapters(project, config, {path for _, path in GENERATED_NAV})
    except InputError as exc:
        problems += [("read", p) for p in exc.problems]
    records = None
    if (project.report / "study.yaml").is_file():
        try:
            records = load_records(project)
        except InputError as exc:
            problems += [("records", p) for p in exc.problems]
    rel = project.rel(project.bib)
    bib = Bibliography(project.bib, {}, [])
    if project.bib.is_file():
        try:
            bib = parse_bib(read_text(project, project.bib), rel, project.bib, project.cache)
        except InputError as exc:
            problems += [("read", p) for p in exc.problems]
    language = records.study.language if records else "nb"
    env = make_env(project.templates, project.cache if jinja_cache else None, language)
    return Reading(project, config, records, bib, chapters, env, problems)


def build_checks(reading: Reading) -> list[tuple[Phase, Problem]]:
    """The problems the build finds while drawing and rendering.

    Every figure is drawn (overlapping boxes, a table the informants file cannot fill), every chapter is
    rendered for the site and the PDF, and the cross-references are resolved.
    """
    from .figures.svg import render_svg
    from .render.chapters import render_chapters
    from .render.links import resolve_refs

    if reading.records is None or reading.config is None or reading.problems:
        return []
    out: list[tuple[Phase, Problem]] = []
    records = reading.records
    for fid, fig in records.figures.items():
        try:
            render_svg(fig, records.informants_file)
        except InputError as exc:
            path, line = records.where.get(fid, ("", 0))
            out += [("records", Problem(path or p.path, line or p.line, p.message)) for p in exc.problems]
    for target in ("site", "pdf"):
        try:
            rendered = render_chapters(
                reading.chapters, reading.records, reading.env, target, docs=reading.project.docs
            )
            resolve_refs(rendered, target, {c.path: c.text for c in reading.chapters})
        except InputError as exc:
            out += [("render", p) for p in exc.problems if ("render", p) not in out]
    return out


_UNREADABLE = re.compile(r"not valid UTF-8|cannot read|YAML (?:syntax )?error|expected a mapping|nav:|names ")
_UNKNOWN = re.compile(r"is not in report/|names unknown node|is no heading id|unknown heading id")
_PLACEMENT = re.compile(r"included twice|not included in any chapter|heading level|duplicate heading id")


def code_of(phase: Phase, problem: Problem) -> str:
    """The gate rule (SRC001–SRC005) a problem of the build belongs to; see those rules' documentation."""
    message = problem.message
    if phase == "render" and message.startswith("link to #"):
        return "MKD003"  # a link to an id no page has (render/links.py)
    if phase == "read" or _UNREADABLE.match(message) or message.startswith(("not valid UTF-8", "cannot read")):
        return "SRC001"
    if _UNKNOWN.search(message):
        return "SRC003"
    if phase == "records":
        return "SRC002"
    if _PLACEMENT.search(message):
        return "SRC005"
    return "SRC004"
