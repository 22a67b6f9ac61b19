"""Everything the rules read, loaded once per run; derived indexes are computed on first use."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from ..cite.bib import Bibliography
from ..cite.scan import Cluster, scan
from ..errors import Problem
from ..project import Project
from ..records import Records
from ..records.schema import Study
from ..study import Reading, build_checks, code_of
from . import load
from .authors import AuthorIndex
from .built import Pdf, read_pdfs, read_site
from .config import DenyList, LintConfig
from .detect import DenyMatcher
from .plaincite import PlainCitation, find
from .source import Source, blank

_KNOWN_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_NAMING = frozenset({"author", "abstract", "annote", "annotation", "keywords", "file", "url", "doi", "urldate"})
"""Fields of references.bib whose words do not excuse a name in the text (CIT004): the authors themselves,
and the bulk text reference managers export (abstracts, keywords, links)."""


@dataclass(frozen=True)
class Kommune:
    """A municipality of the shipped SSB list."""

    number: str
    name: str
    forms: tuple[str, ...]
    common_word: bool


@cache
def kommuner() -> tuple[Kommune, ...]:
    """The kommune list shipped in data/kommuner.csv (SSB, structure from 2024)."""
    text = resources.files("thesiskit").joinpath("data/kommuner.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        Kommune(
            r["nummer"], r["navn"], (r["navn"], *(f for f in r["andre_former"].split("|") if f)), r["vanlig_ord"] == "1"
        )
        for r in rows
    )


@dataclass
class Suppression:
    """An inline ``thesis: ignore`` directive and the lines it covers."""

    path: str
    line: int
    column: int
    codes: tuple[str, ...]
    reason: str
    first: int
    last: int
    start: int
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Malformed:
    """A directive that does not parse or has no reason (reported as LNT001)."""

    path: str
    line: int
    column: int
    start: int
    message: str


@dataclass
class LintContext:
    """The study as the rules see it."""

    project: Project
    config: LintConfig
    markdown: list[Source]
    records_text: list[Source]
    bib: Bibliography
    bib_source: Source | None
    records: Records | None = None
    built_html: list[Source] = field(default_factory=list)
    pdfs: list[Pdf] = field(default_factory=list)
    built: bool = False
    suppressions: list[Suppression] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    selected: frozenset[str] = frozenset()
    """Codes that run in this lint (after --select/--ignore and configuration)."""
    reading: Reading | None = None
    """The study as read (its problems are the SRC rules' findings)."""
    unreadable: list[Problem] = field(default_factory=list)
    """Files under docs/ and report/ the reading did not report and that cannot be read (SRC001)."""
    render: bool = True
    """Whether the SRC rules render the chapters as the build does (:func:`study.build_checks`)."""

    @cached_property
    def source_problems(self) -> list[tuple[str, Problem]]:
        """(code, problem) of everything that would stop ``thesis build``: reading, records, rendering."""
        if self.reading is None:
            return []
        found = list(self.reading.problems) + [("read", p) for p in self.unreadable]
        if self.render:
            found += build_checks(self.reading)
        return [(code_of(phase, p), p) for phase, p in found]

    @property
    def study(self) -> Study | None:
        """The study metadata, if report/study.yaml exists."""
        return self.records.study if self.records else None

    @property
    def prose(self) -> list[Source]:
        """Chapters and records: the sources the text rules read."""
        return [*self.markdown, *self.records_text]

    def anon_sources(self, *, built: bool = True) -> Iterator[Source]:
        """Sources for anonymity rules: chapters, records, references.bib, and with --built the site and PDFs.

        Of references.bib only the free-text fields count (:data:`load.BIB_ANON_FIELDS`).
        """
        yield from self.prose
        if self.bib_source is not None and self.bib_source.anon.strip():
            yield self.bib_source
        if built and self.built:
            yield from self.built_html
            yield from (p.source for p in self.pdfs)

    @cached_property
    def clusters(self) -> dict[str, list[Cluster]]:
        """Pandoc citations of each chapter and record file."""
        out = {s.path: scan(s.text) for s in self.markdown}
        out.update({s.path: scan(s.cite) for s in self.records_text})
        return out

    @cached_property
    def plain_views(self) -> dict[str, str]:
        """Citation views with the Pandoc citations blanked too (for plain-text citations)."""
        out = {}
        for s in self.prose:
            parts, pos = [], 0
            for c in self.clusters[s.path]:
                parts += [s.cite[pos : c.start], blank(s.cite[c.start : c.end])]
                pos = c.end
            out[s.path] = "".join([*parts, s.cite[pos:]])
        return out

    @cached_property
    def plain(self) -> dict[str, list[PlainCitation]]:
        """Plain-text citations per source."""
        return {path: find(view) for path, view in self.plain_views.items()}

    @cached_property
    def authors(self) -> AuthorIndex:
        """The bibliography's authors, plus names known to be right (bib words, places, the study's people)."""
        known: set[str] = set()
        for e in self.bib.entries.values():
            for name, value in e.fields.items():
                if name not in _NOT_NAMING:
                    known.update(_KNOWN_WORD.findall(value))
        for kommune in kommuner():
            known.update(kommune.forms)
        if self.study:
            known.update(self.study.author.name.split())
            known.update(self.study.supervisor.split())
        return AuthorIndex(self.bib, known)

    @cached_property
    def informant_numbers(self) -> frozenset[int]:
        """Informant numbers from report/informants.yaml (none if there is none: no number is assumed)."""
        if self.records and self.records.informants:
            return frozenset(self.records.informants)
        return frozenset()

    @cached_property
    def deny_matcher(self) -> DenyMatcher:
        """The deny list's matcher (ANO004), one per run: each distinct n-gram is hashed once."""
        return DenyMatcher(self.config.deny)

    @cached_property
    def redacted(self) -> list[str]:
        """Hashes of the strings the anonymity change records say were removed (ANO011)."""
        changes = self.records.changes if self.records else []
        return [h for c in changes if c.kind == "anonymitet" for h in c.redacted]

    @cached_property
    def redaction_matcher(self) -> DenyMatcher | None:
        """A matcher of :attr:`redacted`, salted as the deny list is (None if nothing was redacted)."""
        if not self.redacted:
            return None
        deny = self.config.deny
        return DenyMatcher(DenyList(salt=deny.salt, hashes=self.redacted, max_words=deny.max_words))

    @cached_property
    def files(self) -> list[str]:
        """Files of the project tree and the git index (for ANO008)."""
        return load.project_files(self.project.root)


def load_context(
    reading: Reading, config: LintConfig, *, built: bool, render: bool = True, pdfs: tuple[tuple[Path, str], ...] = ()
) -> LintContext:
    """The rules' view of a study as read once (:func:`study.read_study`); files are not read again.

    Problems of the reading become SRC findings, BibTeX errors CIT008.
    """
    project = reading.project
    unreadable: list[Problem] = []
    markdown = load.read_markdown(project, unreadable)
    records_text = load.read_records(project, unreadable)
    bib = reading.bib
    bib_text = project.texts.get(project.bib)
    rel = project.rel(project.bib)
    bib_source = load.bib_source(rel, bib_text, bib) if bib_text is not None else None
    ctx = LintContext(project, config, markdown, records_text, bib, bib_source, reading.records, built=built)
    ctx.reading = reading
    ctx.render = render
    ctx.unreadable = [p for p in unreadable if all(p != q for _, q in reading.problems)]
    if built and pdfs:
        ctx.pdfs = read_pdfs(project, pdfs)
    elif built:
        ctx.built_html = read_site(project)
        ctx.pdfs = read_pdfs(project)
    return ctx


__all__ = ["Kommune", "LintContext", "Malformed", "Path", "Suppression", "kommuner", "load_context"]
