"""Build the plain Markdown tree with MkDocs (strict): a derived config that INHERITs mkdocs.yml.

The tree under build/markdown/ is plain Markdown plus build/mkdocs.yml; any engine that reads
mkdocs.yml (MkDocs, Zensical) can build it: ``mkdocs build -f build/mkdocs.yml``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..errors import ToolError
from ..sources import SiteConfig, nav_files
from .pagecache import KNOWN_PLUGINS, page_cache_plugin


def full_nav(config: SiteConfig, generated: list[tuple[str, str]], existing: list[str]) -> list[Any]:
    """The study's nav, completed with what the kit generated.

    A generated section index the nav lists (``funn/index.md``) gets the section's pages after it;
    a generated page the nav does not list is added at the end; listed pages that were not
    generated (e.g. no findings yet) are dropped.
    """
    listed = {path for _, path in nav_files(config.nav)}
    nav = _complete(config.nav, existing)
    extra: list[Any] = []
    for title, path in generated:
        if path in listed or path not in existing:
            continue
        folder = path[: -len("index.md")] if path.endswith("/index.md") else None
        extra.append({title: [path, *_section_pages(folder, existing)]} if folder else {title: path})
    return nav + extra


def _section_pages(folder: str, existing: list[str]) -> list[str]:
    """The pages of a generated folder, in the order they were generated."""
    return [p for p in existing if p.startswith(folder) and p != folder + "index.md" and "/" not in p[len(folder) :]]


def _complete(items: list[Any], existing: list[str]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if _names_missing(item, existing):
            continue
        if isinstance(item, str) and item.endswith("/index.md"):
            out.extend([item, *_section_pages(item[: -len("index.md")], existing)])
        elif isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
            title, children = next(iter(item.items()))
            out.append({title: _complete(children, existing)})
        else:
            out.append(item)
    return out


def _names_missing(item: Any, existing: list[str]) -> bool:
    if isinstance(item, str):
        return item not in existing
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return isinstance(value, str) and "://" not in value and value not in existing
    return False


DIALECT = ("attr_list", "md_in_html", "tables", "def_list", "footnotes", "toc")
"""Python-Markdown extensions the kit's Markdown dialect needs on the site (AUTHORING.md)."""


def dialect_extensions(configured: Any) -> list[Any] | None:
    """The study's ``markdown_extensions`` with every extension of ``DIALECT`` it lacks added.

    None when it lacks none (then the derived config inherits the study's list untouched).
    """
    items = list(configured) if isinstance(configured, list) else []
    names = {next(iter(i)) if isinstance(i, dict) and i else str(i) for i in items}
    missing = [name for name in DIALECT if name not in names and f"markdown.extensions.{name}" not in names]
    return items + missing if missing else None


def write_config(
    project_yml: Path,
    out: Path,
    *,
    docs_dir: Path,
    site_dir: Path,
    nav: list[Any],
    custom_dir: Path,
    extra: dict[str, Any],
    language: str | None = None,
    markdown_extensions: list[Any] | None = None,
    folder: Path | None = None,
) -> Path:
    """Write the derived config; its paths are relative to ``folder``, where it is read (default: out.parent)."""
    base = (folder or out.parent).resolve()

    def rel(path: Path) -> str:
        return Path(os.path.relpath(path.resolve(), base)).as_posix()  # forward slashes on Windows too

    data = {
        "INHERIT": rel(project_yml),
        "docs_dir": rel(docs_dir),
        "site_dir": rel(site_dir),
        "nav": nav,
        "theme": {"name": "material", "custom_dir": rel(custom_dir), **({"language": language} if language else {})},
        "extra": extra,
        "strict": True,
    }
    if markdown_extensions is not None:  # a list replaces the inherited one: it holds the study's too
        data["markdown_extensions"] = markdown_extensions
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8", newline="\n")
    return out


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _theme_cache_plugin(folder: Path) -> Any:
    """A plugin that keeps the theme's compiled templates in ``folder`` (Material's are large)."""
    from mkdocs.plugins import BasePlugin

    from ..render.env import bytecode_cache

    class ThemeCache(BasePlugin):  # type: ignore[type-arg]
        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            env.bytecode_cache = bytecode_cache(folder)
            return env

    plugin = ThemeCache()
    plugin.load_config({})
    return plugin


def run_mkdocs(config_file: Path, cache: Path | None = None, read: Callable[[Path], bytes] = Path.read_bytes) -> None:
    """Run MkDocs' build in-process; any warning fails the build (strict) with MkDocs' words.

    With ``cache``, the theme's compiled templates are kept there between builds, and so are the
    pages (:mod:`.pagecache`), unless a plugin whose state per page is unknown is enabled; ``read``
    reads the configs it inherits for the pages' keys.
    """
    from mkdocs import config as mk_config
    from mkdocs.commands import build as mk_build
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        cfg = mk_config.load_config(config_file=str(config_file))
        pages = None
        if cache is not None:
            cfg.plugins["thesiskit/theme-cache"] = _theme_cache_plugin(cache)
            if set(cfg.plugins) <= KNOWN_PLUGINS:
                pages = cfg.plugins["thesiskit/page-cache"] = page_cache_plugin(cache, config_file, read)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mk_build.build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        if pages is not None and not handler.messages:  # a page that warned is built (and warns) again
            pages.keep()
    except MkDocsException as exc:
        lines = handler.messages or [str(exc)]
        raise ToolError("MkDocs failed (strict mode):\n  " + "\n  ".join(lines)) from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = True
    if handler.messages:
        raise ToolError("MkDocs warnings (strict mode):\n  " + "\n  ".join(handler.messages))
