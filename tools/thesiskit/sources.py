"""Read a study's sources: mkdocs.yml (site settings and chapter order) and the chapter files."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .project import Project, read_text, within
from .records.yamlio import load_yaml


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/name`` and ``!ENV`` tags."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_AnyTagLoader.add_multi_constructor("!", _any_tag)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class Chapter:
    """One Markdown source file under docs/, in navigation order."""

    path: str
    """Path relative to docs/ (posix)."""
    title: str | None
    """Title given in the navigation, if any."""
    text: str
    """Source text (Markdown with Jinja)."""


@dataclass(frozen=True)
class SiteConfig:
    """What the kit reads from mkdocs.yml."""

    data: dict[str, Any]
    nav: list[Any]

    @property
    def site_url(self) -> str:
        """Public URL of the site (ends with /), or empty."""
        url = str(self.data.get("site_url") or "")
        return url if not url or url.endswith("/") else url + "/"

    @property
    def site_name(self) -> str:
        """Name of the site."""
        return str(self.data.get("site_name") or "")


def load_site_config(project: Project) -> SiteConfig:
    """Parse mkdocs.yml (tags left unexecuted) and check that every nav file exists."""
    rel = project.rel(project.mkdocs_yml)
    text = read_text(project, project.mkdocs_yml)
    load_yaml(text.replace("!!python/name:", "").replace("!ENV", ""), rel)  # syntax errors with lines
    data = yaml.load(text, Loader=_AnyTagLoader)
    if not isinstance(data, dict):
        raise InputError.at(rel, 1, "expected a mapping of settings")
    _safe_config(project, rel, text, data)
    theme = data.get("theme")
    if isinstance(theme, dict) and "language" in theme and not isinstance(theme["language"], str):
        wrong = f"theme: language: {theme['language']!r} is not a language code"
        hint = ' (YAML reads an unquoted no as false: write language: nb, or quote it as "no")'
        raise InputError.at(rel, _line_naming(text, "language:"), wrong + hint)
    outside = _outside_paths(project, rel, text, data)
    if outside:
        raise InputError(outside)
    nav = data.get("nav") or []
    if not isinstance(nav, list):
        raise InputError.at(rel, None, "nav: expected a list")
    missing = [
        Problem(rel, _line_naming(text, name), f"{key} names {where}{name}, which does not exist")
        for key, name, where, exists in _named_files(project, data)
        if not exists
    ]
    if missing:
        raise InputError(missing)
    return SiteConfig(data, nav)


def _safe_config(project: Project, rel: str, text: str, data: dict[str, Any]) -> None:
    """With ``--safe``: nothing in the study runs as code (hooks, Python tags, theme overrides)."""
    from .render.env import safe_mode

    if not safe_mode():
        return
    if data.get("hooks"):
        raise InputError.at(rel, _line_naming(text, "hooks"), "hooks run Python code; --safe builds without them")
    if "!!python/" in text:
        where = _line_naming(text, "!!python/")
        raise InputError.at(rel, where, "!!python/ tags load Python code; --safe builds without them")
    if (project.templates / "overrides").is_dir():
        raise InputError.at(
            project.rel(project.templates / "overrides"),
            None,
            "theme overrides are not sandboxed; --safe builds without them",
        )


def _setting_paths(data: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(setting, path, relative to docs/ rather than the study's folder) for every local path in mkdocs.yml."""
    out: list[tuple[str, Any, bool]] = []

    def items(value: Any) -> list[Any]:
        return value if isinstance(value, list) else []

    theme: dict[str, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    for key in ("extra_css", "extra_javascript", "extra_templates"):
        out += [(key, i.get("path") if isinstance(i, dict) else i, True) for i in items(data.get(key))]
    out += [(f"theme.{key}", theme.get(key), True) for key in ("logo", "favicon")]
    out += [(key, data.get(key), False) for key in ("INHERIT", "docs_dir", "site_dir")]
    out.append(("theme.custom_dir", theme.get("custom_dir"), False))
    for key in ("hooks", "watch"):
        out += [(key, name, False) for name in items(data.get(key))]
    return [(key, name, docs) for key, name, docs in out if isinstance(name, str) and _is_local(name)]


def _outside_paths(project: Project, rel: str, text: str, data: dict[str, Any]) -> list[Problem]:
    """Every path in mkdocs.yml that leads out of the study's folder (absolute, ``..``, a link out).

    The kit reads only the study: such a setting is an input error, before anything is read or written.
    """
    why = "which is outside the study's folder (name a file in it)"
    return [
        Problem(rel, _line_naming(text, name), f"{key} names {name}, {why}")
        for key, name, docs in _setting_paths(data)
        if within(project, project.docs if docs else project.root, name) is None
    ]


def _named_files(project: Project, data: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(setting, file, folder it is relative to, exists) for the local files mkdocs.yml names besides nav."""
    from .render.env import KIT_TEMPLATES

    assets = [project.templates / "assets", KIT_TEMPLATES / "assets"]

    def in_docs(name: str) -> bool:
        if (project.docs / name).is_file():
            return True
        return name.startswith("assets/") and any((a / name.removeprefix("assets/")).is_file() for a in assets)

    out = []
    for key in ("extra_css", "extra_javascript"):
        for item in data.get(key) or []:
            name = item.get("path") if isinstance(item, dict) else item
            if isinstance(name, str) and _is_local(name):
                out.append((key, name, "docs/", in_docs(name)))
    theme = data.get("theme")
    if isinstance(theme, dict):
        for key in ("logo", "favicon"):
            name = theme.get(key)
            if isinstance(name, str) and _is_local(name):
                out.append((f"theme.{key}", name, "docs/", in_docs(name)))
    for name in data.get("hooks") or []:
        if isinstance(name, str):
            out.append(("hooks", name, "", (project.root / name).is_file()))
    return out


def _is_local(name: str) -> bool:
    return bool(name) and "://" not in name and not name.startswith(("//", "data:"))


def _line_naming(text: str, name: str) -> int | None:
    for n, line in enumerate(text.splitlines(), 1):
        if name in line and not line.lstrip().startswith("#"):
            return n
    return None


def nav_files(nav: list[Any]) -> list[tuple[str | None, str]]:
    """Flatten a MkDocs nav into (title, file) pairs in order (external links skipped)."""
    out: list[tuple[str | None, str]] = []
    for item in nav:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    if "://" not in value:
                        out.append((str(title), value))
                elif isinstance(value, list):
                    out.extend(nav_files(value))
    return out


def read_chapters(project: Project, config: SiteConfig, generated: set[str]) -> list[Chapter]:
    """Read every Markdown file under docs/: nav order first, then the rest alphabetically.

    ``generated`` names pages the kit writes itself; nav may list them without a source file.
    """
    line_of_nav = _nav_lines(project)
    listed = nav_files(config.nav)
    chapters: list[Chapter] = []
    seen: set[str] = set()
    problems = []
    for title, rel in listed:
        path = project.docs / rel
        if not _under(rel):
            problems.append((rel, f"nav names {rel}, which is outside docs/ (name a file under docs/)"))
            continue
        if rel in generated and not path.exists():
            continue
        if not path.is_file():
            problems.append((rel, f"nav names docs/{rel}, which does not exist"))
            continue
        chapters.append(Chapter(rel, title, read_text(project, path)))
        seen.add(rel)
    if problems:
        raise InputError([Problem(project.rel(project.mkdocs_yml), line_of_nav.get(rel), msg) for rel, msg in problems])
    for path in sorted(project.docs.rglob("*.md")):
        rel = path.relative_to(project.docs).as_posix()
        if rel not in seen and not any(part.startswith((".", "_")) for part in Path(rel).parts):
            chapters.append(Chapter(rel, None, read_text(project, path)))
    return chapters


def _under(rel: str) -> bool:
    """Whether a nav entry names a path inside docs/ (relative, no way up, no drive)."""
    norm = posixpath.normpath(rel.replace("\\", "/"))
    return not (norm.startswith(("/", "../")) or norm == ".." or ":" in norm.split("/")[0])


def _nav_lines(project: Project) -> dict[str, int]:
    lines: dict[str, int] = {}
    for n, line in enumerate(read_text(project, project.mkdocs_yml).splitlines(), 1):
        value = line.split(":", 1)[-1].strip().strip("-").strip().strip("'\"")
        if value.endswith(".md"):
            lines.setdefault(value, n)
    return lines
