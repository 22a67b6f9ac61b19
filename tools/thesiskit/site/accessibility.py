"""The accessibility record (``report/tilgjengelighet.json``) behind the accessibility statement.

The accessibility tests (``tests/a11y``) check every page of the built site with axe-core and the
Nu Html Checker and tab through pages with the keyboard; each check saves its last run here (one
part each, so a check that could not run leaves the others alone). The file is the study's own
record, committed with it. The build renders the statement page
``tilgjengelighet.md`` from it (``templates/site/pages/accessibility.md.j2``); without a record the
page says that no test has been run yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from filelock import FileLock
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError, Problem
from ..lang import locale_for
from ..project import Project, read_text
from ..records.yamlio import line_of, load_yaml

RECORD = Path("report") / "tilgjengelighet.json"
"""Where a study keeps its record, relative to the study's root."""



class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The record is written by tools, but it is data: names and versions must look like names and versions
# (the statement prints them as they are), and a page's path like a path of the site.
NAME = Field(pattern=r"^[\w.+-]+(?: [\w.+()-]+)*$", max_length=100)
PAGE_PATH = Field(pattern=r"^[\w./%+?=&#-]+$", max_length=500)


class AxeViolation(_Model):
    """One axe-core rule that failed on one page in one colour scheme."""

    rule: str = NAME
    """axe-core's rule id, e.g. ``color-contrast``."""
    impact: str | None = None
    """axe-core's impact: minor, moderate, serious or critical."""
    help: str = ""
    """axe-core's one-line description of the rule."""
    nodes: int = Field(ge=1)
    """How many elements of the page failed the rule."""
    scheme: str = NAME
    """The colour scheme the page was shown in (``default`` = light, ``slate`` = dark)."""


class NuMessage(_Model):
    """One error from the Nu Html Checker."""

    line: int | None = None
    """Line in the page's HTML."""
    message: str
    """The checker's message."""


class AxePage(_Model):
    """axe-core's findings on one page."""

    path: str = PAGE_PATH
    """The page's file under site/, e.g. ``funn/stolte/index.html``."""
    title: str = ""
    """The page's main heading."""
    violations: list[AxeViolation] = Field(default_factory=list)
    """Failed rules, in every colour scheme (none when the page passed)."""


class AxeRun(_Model):
    """axe-core's WCAG rules on every page of the site, in real headless Chromium."""

    date: dt.date
    """Day of the run."""
    axe_core: str = NAME
    """axe-core version."""
    chromium: str = NAME
    """Chromium version the pages were shown in."""
    rule_tags: list[Annotated[str, NAME]]
    """The axe-core rule tags that were run (wcag2a, wcag2aa, wcag21a, wcag21aa)."""
    schemes: list[Annotated[str, NAME]]
    """Colour schemes every page was checked in (``default``, ``slate``): the first with every rule,
    the others with ``colour_rules``."""
    colour_rules: list[Annotated[str, NAME]] = Field(default_factory=list)
    """The rules run in the schemes after the first: those whose outcome colours can change."""
    pages: list[AxePage]
    """Every page of the site."""

    @property
    def total(self) -> int:
        """Failed rules summed over pages and schemes."""
        return sum(len(p.violations) for p in self.pages)


class NuPage(_Model):
    """The Nu Html Checker's errors on one page."""

    path: str = PAGE_PATH
    """The page's file under site/."""
    errors: list[NuMessage] = Field(default_factory=list)
    """Errors (none when the page passed)."""


class NuRun(_Model):
    """The Nu Html Checker (vnu.jar) over every HTML file of the site."""

    date: dt.date
    """Day of the run."""
    nu_html_checker: str = NAME
    """Nu Html Checker version."""
    pages: list[NuPage]
    """Every page of the site."""

    @property
    def total(self) -> int:
        """Errors summed over pages."""
        return sum(len(p.errors) for p in self.pages)


class KeyboardPage(_Model):
    """Tabbing through one page with the keyboard alone."""

    path: str = PAGE_PATH
    """The page's file under site/."""
    title: str = ""
    """The page's main heading."""
    stops: int = Field(ge=0)
    """How many elements received focus on the way through the page."""
    problems: list[str] = Field(default_factory=list)
    """What did not work (none when the page passed)."""


class KeyboardRun(_Model):
    """The keyboard test: skip link, visible focus, search reachable, every stop on the way."""

    date: dt.date
    """Day of the run."""
    chromium: str = NAME
    """Chromium version."""
    pages: list[KeyboardPage]
    """The pages tabbed through."""

    @property
    def total(self) -> int:
        """Problems summed over pages."""
        return sum(len(p.problems) for p in self.pages)


@dataclass(frozen=True)
class PageRow:
    """One page of the statement's table: what each check found there."""

    path: str
    title: str
    axe: list[AxeViolation] | None
    nu: list[NuMessage] | None

    @property
    def failed(self) -> bool:
        """Whether any check found a problem."""
        return bool(self.axe or self.nu)


class AccessibilityRecord(_Model):
    """``report/tilgjengelighet.json``: the last run of each accessibility check."""

    axe: AxeRun | None = None
    """axe-core over every page."""
    nu: NuRun | None = None
    """The Nu Html Checker over every page."""
    keyboard: KeyboardRun | None = None
    """The keyboard test."""

    @property
    def date(self) -> dt.date | None:
        """The day of the latest run."""
        days = [run.date for run in (self.axe, self.nu, self.keyboard) if run]
        return max(days) if days else None

    @property
    def pages(self) -> list[PageRow]:
        """Every page either check saw, sorted by path, with both checks' findings."""
        axe = {p.path: p for p in self.axe.pages} if self.axe else {}
        nu = {p.path: p for p in self.nu.pages} if self.nu else {}
        rows = []
        for path in sorted(axe.keys() | nu.keys(), key=lambda p: (p != "index.html", p)):
            a, n = axe.get(path), nu.get(path)
            rows.append(PageRow(path, a.title if a else "", a.violations if a else None, n.errors if n else None))
        return rows

    @property
    def failing(self) -> list[PageRow]:
        """The pages with at least one problem."""
        return [row for row in self.pages if row.failed]


def norwegian_date(day: dt.date) -> str:
    """``14. juni 2019`` (bokmål; the statement itself uses the study's locale, ``lang.Locale.date``)."""
    return locale_for("nb").date(day)


def load_accessibility(project: Project) -> AccessibilityRecord | None:
    """The study's record, or None if it has none; errors name the file and line."""
    path = project.root / RECORD
    if not path.is_file():
        return None
    rel = project.rel(path)
    data, lines = load_yaml(read_text(project, path), rel)  # JSON is YAML: errors get their line
    try:
        return AccessibilityRecord.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(record)"
            problems.append(Problem(rel, line_of(lines, tuple(err["loc"])), f"{key}: {err['msg']}"))
        raise InputError(problems) from None


def save_part(root: Path, part: str, run: AxeRun | NuRun | KeyboardRun) -> Path:
    """Store one check's run in the study's record, keeping the other parts; return the file.

    Checks may run at the same time (pytest-xdist), so the file is locked while it is updated (with a
    lock file in the system's temporary folder, on every operating system).
    Dates are days, so a repeated run with the same results leaves the file unchanged.
    """
    if part not in AccessibilityRecord.model_fields:
        raise ValueError(f"unknown part of the accessibility record: {part!r}")
    path = root / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    lock = FileLock(Path(tempfile.gettempdir()) / f"thesiskit-a11y-{key}.lock")
    with lock, path.open("a+", encoding="utf-8", newline="\n") as fh:
        fh.seek(0)
        try:
            old: dict[str, Any] = AccessibilityRecord.model_validate_json(fh.read()).model_dump(mode="json")
        except ValidationError:  # empty, unreadable or outdated: start afresh
            old = {}
        old[part] = run.model_dump(mode="json")
        text = json.dumps(old, ensure_ascii=False, indent=2) + "\n"
        fh.seek(0)
        fh.truncate()
        fh.write(text)
    return path
