"""The gate's policy: the ``lint:`` key of ``report/study.yaml``, with one typed schema.

Example::

    lint:
      rules: {CIT002: off, CIT010: error, ANO006: warning}
      files:
        - files: ["docs/vedlegg/**"]
          rules: {ANO006: off}
      uncited:
        - {key: nav2018b, reason: "Listed in the original's reference list, never cited in its text."}
      allow:
        - {text: "Harald Hårfagres gate 29", reason: "NSD's public office address.", rules: [ANO006]}
      deny:
        salt: "k3n9"
        hashes: ["<hex from: python -m thesiskit.lint hash-term TERM>"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from ..errors import InputError, Problem
from ..project import Project, read_text
from ..records.yamlio import line_of, load_yaml
from .finding import Level as _Level


def _level(value: object) -> object:
    """YAML 1.1 reads ``off`` as false: accept it as "off"."""
    return "off" if value is False else value


Level = Annotated[_Level, BeforeValidator(_level)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class FileRules(_Model):
    """Rule levels for some files only."""

    files: list[str] = Field(min_length=1)
    """Glob patterns relative to the project (``*`` within a folder, ``**`` across folders)."""
    rules: dict[str, Level]
    """Code or code prefix → ``error``, ``warning`` or ``off`` for these files."""


class Uncited(_Model):
    """A bibliography entry that is in references.bib on purpose without being cited."""

    key: str
    """The entry's key."""
    reason: str = Field(min_length=3)
    """Why it stays (e.g. it is in the original's reference list)."""


class Allowed(_Model):
    """A public string the anonymity rules must not report (e.g. an institution's office address)."""

    text: str = Field(min_length=2)
    """The exact string (case and runs of spaces are ignored)."""
    reason: str = Field(min_length=3)
    """Why it is public."""
    rules: list[str] = Field(default_factory=list)
    """Codes or prefixes it applies to; empty means every ANO rule."""


class DenyList(_Model):
    """Terms that must never appear: informants' real names, real offices, places, colleagues."""

    salt: str = ""
    """Salt of ``hashes`` (committed with them; see ANO004 for what this does and does not hide)."""
    hashes: list[str] = Field(default_factory=list)
    """SHA-256 of salt + normalised term, in hex (``python -m thesiskit.lint hash-term TERM``)."""
    terms: list[str] = Field(default_factory=list)
    """Terms in plain text (only for terms that are not themselves secret)."""
    max_words: int = Field(default=3, ge=1, le=8)
    """Longest hashed term, in words (hashes are checked on every word n-gram up to this length)."""


class Office(_Model):
    """An organisation whose local offices are named by their place ("NAV Førde")."""

    name: str = Field(min_length=1)
    """The organisation's name as written before the place (``NAV``; the form ``Nav`` is matched too)."""
    units: list[str] = Field(default_factory=list)
    """Beginnings of the names of its own units, which are not places (``kontakt`` for ``NAV Kontaktsenter``)."""


class Places(_Model):
    """Tuning of the place-name rule (ANO006)."""

    extra: list[str] = Field(default_factory=list)
    """More place names to report (e.g. a city district or the real office's street)."""
    ignore: list[str] = Field(default_factory=list)
    """Place names never to report (e.g. the public institution's town)."""
    offices: list[Office] = Field(default_factory=list)
    """Organisations whose local offices the text must not name by their place (ANO006)."""


class Informants(_Model):
    """What the anonymity rules know about how the study writes about informants."""

    workplaces: list[str] = Field(default_factory=list)
    """Names for the informants' workplace in "17 år i NAV" (besides etaten, jobben, stillingen, kommunen; ANO007)."""


class LintConfig(_Model):
    """``lint:`` in ``report/study.yaml``: levels, per-file levels, and the allow, deny and uncited lists."""

    rules: dict[str, Level] = Field(default_factory=dict)
    """Code or code prefix → ``error``, ``warning`` or ``off`` (the longest matching key wins)."""
    files: list[FileRules] = Field(default_factory=list)
    """Levels for files matching globs; applied after ``rules``, in order."""
    uncited: list[Uncited] = Field(default_factory=list)
    """Entries kept in references.bib without a citation (CIT002)."""
    allow: list[Allowed] = Field(default_factory=list)
    """Public strings the anonymity rules accept."""
    deny: DenyList = Field(default_factory=DenyList)
    """Terms that must never appear (ANO004)."""
    places: Places = Field(default_factory=Places)
    """Place-name rule tuning (ANO006)."""
    informants: Informants = Field(default_factory=Informants)
    """How the text refers to the informants (ANO007)."""
    pdf_metadata: list[str] = Field(default_factory=list)
    """Extra PDF metadata keys to accept besides the default set (ANO009), e.g. ``SourceFile``."""


def config_markdown() -> str:
    """The configuration schema as Markdown (every key with its docstring), for the page of rules."""
    out = ["| Key | Meaning |", "| --- | --- |"]

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            key = f"{prefix}{name}"
            out.append(f"| `{key}` | {(info.description or '').replace('|', '/')} |")
            inner = info.annotation
            args = getattr(inner, "__args__", ())
            for sub in (inner, *args):
                if isinstance(sub, type) and issubclass(sub, BaseModel):
                    walk(sub, f"{key}[]." if args else f"{key}.")

    walk(LintConfig, "lint.")
    return "\n".join(out)


def load_config(project: Project, known: frozenset[str]) -> LintConfig:
    """Read and validate ``lint:`` from report/study.yaml; every problem is reported with its line."""
    path = project.report / "study.yaml"
    if not path.is_file():
        return LintConfig()
    rel = project.rel(path)
    data, lines = load_yaml(read_text(project, path), rel)
    raw: Any = data.get("lint") if isinstance(data, dict) else None
    if raw is None:
        return LintConfig()
    problems: list[Problem] = []
    try:
        config = LintConfig.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ("lint", *err["loc"])
            key = ".".join(str(p) for p in loc)
            problems.append(Problem(rel, line_of(lines, loc), f"{key}: {err['msg']}"))
        raise InputError(problems) from None
    for where, table in [(("lint", "rules"), config.rules)] + [
        (("lint", "files", i, "rules"), fr.rules) for i, fr in enumerate(config.files)
    ]:
        for code in table:
            if not any(k.startswith(code.upper()) for k in known):
                loc = (*where, code)
                problems.append(Problem(rel, line_of(lines, loc), f"{'.'.join(map(str, loc))}: unknown rule code"))
    for i, allowed in enumerate(config.allow):
        for code in allowed.rules:
            if not any(k.startswith(code.upper()) for k in known):
                problems.append(Problem(rel, line_of(lines, ("lint", "allow", i, "rules")), f"unknown rule {code!r}"))
    if problems:
        raise InputError(problems)
    return config


@cache
def glob_rx(pattern: str) -> re.Pattern[str]:
    """A project-relative glob as a regex: ``*`` within a folder, ``**`` across folders, ``?`` one char."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@dataclass(frozen=True)
class Levels:
    """Resolves the level of a code in a file: default, then ``rules``, then matching ``files`` entries."""

    config: LintConfig
    defaults: dict[str, str]

    def level(self, code: str, path: str) -> str:
        """``error``, ``warning`` or ``off``."""
        level = _apply(self.defaults.get(code, "error"), code, self.config.rules)
        for fr in self.config.files:
            if any(glob_rx(g.lstrip("./")).match(path) for g in fr.files):
                level = _apply(level, code, fr.rules)
        return level

    def enabled_somewhere(self, code: str) -> bool:
        """Whether a rule could report anywhere (so it is worth running)."""
        if _apply(self.defaults.get(code, "error"), code, self.config.rules) != "off":
            return True
        return any(_apply("off", code, fr.rules) != "off" for fr in self.config.files)


def _apply(level: str, code: str, table: dict[str, Level]) -> str:
    for key in sorted((k for k in table if code.startswith(k.upper())), key=len):
        level = table[key]
    return level
