"""Load and validate every record of a study, collecting all errors with file and line."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from ..errors import InputError, Problem
from ..lang import locale_for
from ..project import Project, read_text, within
from .schema import Change, Figure, Finding, Informant, InformantsFile, Quote, Study, Theme, ThemesFile
from .yamlio import line_of, load_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Records:
    """Every record of a study, validated and cross-checked."""

    study: Study
    informants_file: InformantsFile
    quotes: dict[str, Quote]
    findings: dict[str, Finding]
    themes: dict[str, Theme]
    figures: dict[str, Figure]
    changes: list[Change]
    where: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Record id → (file, line), for messages about a record."""

    @property
    def informants(self) -> dict[int, Informant]:
        """Informants by number."""
        return {i.number: i for i in self.informants_file.informants}


class _Collector:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.problems: list[Problem] = []
        self.where: dict[str, tuple[str, int]] = {}

    def parse(self, path: Path, model: type[M], *, as_list: bool = False) -> list[M]:
        rel = self.project.rel(path)
        try:
            text = read_text(self.project, path)
        except InputError as exc:
            self.problems.extend(exc.problems)
            return []
        records, problems = _parse_file(rel, text, model, as_list)
        self.problems.extend(problems)
        out: list[M] = []
        for record, id_line in records:
            rid = getattr(record, "id", None)
            if isinstance(rid, str):
                if rid in self.where:
                    first = self.where[rid]
                    message = f"duplicate id {rid!r} (first at {first[0]}:{first[1]})"
                    self.problems.append(Problem(rel, id_line, message))
                    continue
                self.where[rid] = (rel, id_line or 1)
            out.append(cast(M, record))  # _parse_file validated it with ``model``
        return out

    def error(self, rid: str, message: str) -> None:
        rel, line = self.where.get(rid, ("report", 0))
        self.problems.append(Problem(rel, line or None, message))


@functools.lru_cache(maxsize=2048)
def _parse_file(
    rel: str, text: str, model: type[BaseModel], as_list: bool
) -> tuple[tuple[tuple[BaseModel, int | None], ...], tuple[Problem, ...]]:
    """Validate one file's records: (record, line of its id) pairs and the file's own problems.

    Memoised by the file's text: the build and its lint gate, and ``thesis serve`` after an
    edit, parse only the files that changed. Records are frozen, so sharing them is safe.
    """
    try:
        data, lines = load_yaml(text, rel)
    except InputError as exc:
        return (), tuple(exc.problems)
    items: list[tuple[tuple[Any, ...], Any]]
    if as_list:
        if data is None:
            return (), ()
        if not isinstance(data, list):
            return (), (Problem(rel, 1, "expected a list of records"),)
        items = [((i,), item) for i, item in enumerate(data)]
    else:
        items = [((), data)]
    records: list[tuple[BaseModel, int | None]] = []
    problems: list[Problem] = []
    for prefix, item in items:
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                loc = (*prefix, *err["loc"])
                key = ".".join(str(p) for p in err["loc"]) or "(record)"
                problems.append(Problem(rel, line_of(lines, loc), f"{key}: {err['msg']}"))
            continue
        records.append((record, line_of(lines, (*prefix, "id"))))
    return tuple(records), tuple(problems)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []


PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".svg")
"""Picture files both outputs can show (the web and Typst)."""


def picture_path(project: Project, fig: Figure) -> Path:
    """The picture file of a ``kind: image`` record (relative to report/figures/)."""
    return project.report / "figures" / (fig.file or "")


def _check_picture(c: _Collector, project: Project, fig: Figure) -> None:
    if fig.kind != "image":
        if fig.file:
            c.error(fig.id, f"figure {fig.id!r}: file is only for kind: image")
        return
    if not fig.file:
        c.error(fig.id, f"figure {fig.id!r}: kind: image needs file: (a PNG, JPEG or SVG under report/figures/)")
        return
    if within(project, project.report / "figures", fig.file) is None:
        c.error(fig.id, f"figure {fig.id!r}: file {fig.file} is outside the study's folder (put it in report/figures/)")
        return
    path = picture_path(project, fig)
    if path.suffix.lower() not in PICTURE_TYPES:
        c.error(fig.id, f"figure {fig.id!r}: {fig.file} is not a PNG, JPEG or SVG file")
    elif not path.is_file():
        c.error(fig.id, f"figure {fig.id!r}: file {project.rel(path)} does not exist")


def load_records(project: Project) -> Records:
    """Load report/ and check every cross-reference; raise one InputError listing every problem."""
    c = _Collector(project)
    report = project.report
    study_path = report / "study.yaml"
    if not study_path.is_file():
        raise InputError.at(project.rel(study_path), None, "missing: every study needs report/study.yaml")
    studies = c.parse(study_path, Study)
    inf_path = report / "informants.yaml"
    inf_files = c.parse(inf_path, InformantsFile) if inf_path.is_file() else [InformantsFile(informants=[])]
    themes_path = report / "themes.yaml"
    theme_files = c.parse(themes_path, ThemesFile) if themes_path.is_file() else [ThemesFile(themes=[])]
    quotes = [q for p in _files(report / "quotes") for q in c.parse(p, Quote, as_list=True)]
    findings = [f for p in _files(report / "findings") for f in c.parse(p, Finding)]
    figures = [f for p in _files(report / "figures") for f in c.parse(p, Figure)]
    changes = [x for p in _files(report / "changes") for x in c.parse(p, Change, as_list=True)]
    if studies and studies[0].front_page and within(project, project.root, studies[0].front_page) is None:
        _, lines = load_yaml(read_text(project, study_path), project.rel(study_path))
        why = "is outside the study's folder (put the file in it)"
        c.problems.append(Problem(project.rel(study_path), line_of(lines, ("front_page",)), f"front_page {why}"))
    if c.problems or not studies:
        raise InputError(c.problems or [Problem(project.rel(study_path), None, "empty")])

    informants = inf_files[0] if inf_files else InformantsFile(informants=[])
    if not informants.number_label:
        label = locale_for(studies[0].language).text("informant_number")
        informants = informants.model_copy(update={"number_label": label})
    numbers = {i.number for i in informants.informants}
    themes = {t.id: t for t in (theme_files[0].themes if theme_files else [])}
    qmap = {q.id: q for q in quotes}
    for q in quotes:
        if q.informant not in numbers:
            c.error(q.id, f"quote {q.id!r}: informant {q.informant} is not in report/informants.yaml")
    for f in findings:
        for qid in f.quotes:
            if qid not in qmap:
                c.error(f.id, f"finding {f.id!r}: quote {qid!r} is not in report/quotes/")
        for tid in f.themes:
            if tid not in themes:
                c.error(f.id, f"finding {f.id!r}: theme {tid!r} is not in report/themes.yaml")
    for fig in figures:
        _check_picture(c, project, fig)
        ids = {n.id for n in fig.nodes}
        for a, b in fig.edges:
            for end in (a, b):
                if end not in ids:
                    c.error(fig.id, f"figure {fig.id!r}: edge names unknown node {end!r}")
    if c.problems:
        raise InputError(c.problems)
    return Records(
        study=studies[0],
        informants_file=informants,
        quotes=qmap,
        findings=dict(sorted(((f.id, f) for f in findings), key=lambda kv: (kv[1].order, kv[0]))),
        themes=themes,
        figures={f.id: f for f in figures},
        changes=changes,
        where=c.where,
    )
