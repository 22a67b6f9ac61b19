"""MkDocs, page by page from build/.cache: a page whose inputs are unchanged is not built again.

A plugin of the in-process MkDocs run (``run_mkdocs``) keeps two entries per page:

- ``mdpage``: what Python-Markdown made of the page (``page.render``): its HTML content, table of
  contents, title and anchors, keyed by :func:`content_key` (the page's Markdown, its place, every
  file of the site and its URL, and the run: :func:`run_digest`);
- ``htmlpage``: what the theme's template made of it, keyed by :func:`html_key` (the page as the
  template sees it, the whole navigation with every page's title, URL and metadata, the site's
  files, and the run);
- ``searchpage``: the search plugin's index entries for the page (its sections' locations, titles
  and text), keyed by :func:`search_key` (the page as the plugin reads it, and the run).

Once per run, the list of the theme's static files (``themefiles``, :func:`theme_key`) is kept too.

On a hit the step is skipped, and every plugin event still runs with what the step would have made:
the search index gets every page's entries, the sitemap lists every page, and anchors are validated
across pages as in a clean build. MkDocs' own ``--dirty`` builds leave the unmodified pages out of
the search index and the sitemap, which this does not.

Only the plugins whose per-page state is known are allowed (:data:`KNOWN_PLUGINS`: search, which
indexes in ``on_page_context``); with any other plugin enabled the site is built without this cache.
Entries are written only after a build without warnings, so a page that warned warns again.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..cache import cache_key, kit_digest, read_entry, write_entry

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KNOWN_PLUGINS = {"search", "material/search", "thesiskit/theme-cache", "thesiskit/page-cache"}
"""The plugins with which pages may come from the cache (no other keeps state per page)."""


def content_key(run: str, src_uri: str, url: str, markdown: str, files: str) -> str:
    """The ``mdpage`` key: the page's Markdown, its file and URL, the site's files, and the run."""
    return cache_key("mdpage", run, src_uri, url, markdown, files)


def html_key(run: str, page: str, nav: str) -> str:
    """The ``htmlpage`` key: the page as the template sees it, the navigation, and the run."""
    return cache_key("htmlpage", run, page, nav)


def search_key(run: str, page: str) -> str:
    """The ``searchpage`` key: the page as the search plugin indexes it, and the run."""
    return cache_key("searchpage", run, page)


def theme_key(run: str) -> str:
    """The ``themefiles`` key: the run (its theme folders' files, MkDocs' version and the config)."""
    return cache_key("themefiles", run)


_THEME_FILTER = "Files.add_files_from_theme.<locals>.filter"
"""MkDocs' filter of the theme's files it copies (mkdocs/structure/files.py)."""


def listed_once(
    get_env: Callable[[], Any], stored: Callable[[], list[str] | None], keep: Callable[[list[str]], None]
) -> Callable[[], Any]:
    """``get_env`` of a theme, whose list of the theme's static files is ``stored()``, or made and handed to ``keep``.

    MkDocs lists every file of the theme's folders (Material has some 14,000 icons) to find the few
    it copies. Only MkDocs' own listing (``Files.add_files_from_theme``) is taken from what is
    stored: another caller's filter is not. ``thesis build`` keeps the list in the cache (the
    ``themefiles`` kind); ``thesis serve``'s server keeps it for its life (livereload.py).
    """

    def env() -> Any:
        made = get_env()
        list_templates = made.list_templates

        def listed(extensions: Any = None, filter_func: Any = None) -> Any:
            if extensions is not None or getattr(filter_func, "__qualname__", "") != _THEME_FILTER:
                return list_templates(extensions, filter_func)
            names = stored()
            if names is not None:
                return list(names)
            names = list_templates(extensions, filter_func)
            keep(names)
            return names

        made.list_templates = listed
        return made

    return env


def run_digest(
    config_file: Path, theme_dirs: list[str], epoch: str, kit: str, read: Callable[[Path], bytes] = Path.read_bytes
) -> str:
    """What every page of one MkDocs run depends on.

    The derived config (but where its folders are: a study moved elsewhere keeps its cache) and every
    file it INHERITs, the theme's files outside the installed packages (the study's or the kit's
    ``custom_dir``), SOURCE_DATE_EPOCH (the context's build date) and ``kit``
    (:func:`thesiskit.cache.kit_digest`: the kit's code and the installed packages, MkDocs and the
    Material theme with their versions among them). ``read`` reads an inherited config (the build
    passes the study's mkdocs.yml as already read, so that each source is read once).
    """
    parts: list[str | bytes] = [epoch, kit]
    derived, inherit = _settings(config_file.read_bytes())
    parts.append(derived)
    parent = (config_file.parent / inherit).resolve() if inherit else None
    seen: set[Path] = set()
    while parent is not None and parent not in seen and parent.is_file():
        seen.add(parent)
        text = read(parent)
        parts.append(text)
        found = _INHERIT.search(text)
        parent = (parent.parent / found[1].decode()).resolve() if found else None
    for folder in theme_dirs:
        package = next((p for p in _package_dirs() if Path(folder).resolve().is_relative_to(p)), None)
        if package is not None:  # its version is in ``kit``
            parts.append(Path(folder).resolve().relative_to(package.parent).as_posix())
            continue
        for full in sorted(Path(folder).rglob("*")):
            if full.is_file():
                parts.append(full.relative_to(folder).as_posix().encode() + b"=" + full.read_bytes())
    return cache_key(*parts)


_INHERIT = re.compile(rb"""^INHERIT:[ \t]*["']?([^"'\r\n#]+?)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
"""MkDocs' ``INHERIT`` key, read from a config as written (its YAML may hold MkDocs' own tags)."""


def _settings(text: bytes) -> tuple[str, str | None]:
    """The derived config's settings, and the file it INHERITs.

    Without its folders (``docs_dir``, ``site_dir``, ``custom_dir``): they are relative to the
    staging folder, and what is in them is keyed on its own.
    """
    data = yaml.load(text, Loader=_LOADER)
    if not isinstance(data, dict):
        return text.decode("utf-8", "replace"), None
    parent = data.pop("INHERIT", None)
    data.pop("docs_dir", None)
    data.pop("site_dir", None)
    if isinstance(data.get("theme"), dict):
        data["theme"] = {k: v for k, v in data["theme"].items() if k != "custom_dir"}
    settings = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return settings, parent if isinstance(parent, str) else None


def _package_dirs() -> list[Path]:
    import material
    import mkdocs

    return [Path(material.__file__).parent.resolve(), Path(mkdocs.__file__).parent.resolve()]


def files_digest(files: Any) -> str:
    """Every file of the site with its destination and URL (links resolve against them)."""
    return json.dumps([[f.src_uri, f.dest_uri, f.url, str(f.inclusion)] for f in files], ensure_ascii=False)


def nav_digest(nav: Any) -> str:
    """The navigation as every page's template renders it: sections, titles, URLs and page metadata."""

    def item(it: Any) -> Any:
        kind = type(it).__name__
        if kind == "Section":
            return ["section", it.title, [item(c) for c in it.children]]
        if kind == "Link":
            return ["link", it.title, it.url]
        return ["page", it.title, it.url, it.file.src_uri, it.meta]

    return json.dumps([item(i) for i in nav.items], ensure_ascii=False, default=str)


def page_state(page: Any) -> str:
    """The page as its template sees it, besides the navigation."""
    return json.dumps(
        [
            page.file.src_uri,
            page.url,
            page.title,
            page.meta,
            page.content,
            toc_tokens(page.toc),
            page.canonical_url,
            page.edit_url,
            page.is_homepage,
            str(page.file.inclusion),
        ],
        ensure_ascii=False,
        default=str,
    )


def toc_tokens(toc: Any) -> list[dict[str, Any]]:
    """A page's table of contents as the tokens MkDocs builds it from (``get_toc``)."""
    return [{"level": a.level, "id": a.id, "name": a.title, "children": toc_tokens(a.children)} for a in toc]


def page_cache_plugin(cache: Path, config_file: Path, read: Callable[[Path], bytes] = Path.read_bytes) -> Any:
    """The plugin that takes unchanged pages from ``cache`` (see the module's docstring)."""
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.toc import get_toc

    class PageCache(BasePlugin):  # type: ignore[type-arg]
        def __init__(self) -> None:
            super().__init__()
            self.run = ""
            self.files = ""
            self.nav_json: str | None = None
            self.pending: list[tuple[str, str, Any]] = []
            self.outputs: dict[int, tuple[str, str | None]] = {}

        @event_priority(-100)  # after the search plugin has made its index
        def on_config(self, config: Any) -> Any:
            self.run = run_digest(
                config_file, list(config.theme.dirs), os.environ.get("SOURCE_DATE_EPOCH", ""), kit_digest(), read
            )
            config.theme.get_env = self._theme_env(config.theme.get_env)
            for name in ("search", "material/search"):
                index: Any = getattr(config.plugins.get(name), "search_index", None)
                if isinstance(getattr(index, "entries", None), list) and hasattr(index, "add_entry_from_context"):
                    index.add_entry_from_context = self._indexer(index, index.add_entry_from_context)
            return config

        def _theme_env(self, get_env: Any) -> Any:
            """The theme's ``get_env``, whose list of the theme's static files is kept by :func:`theme_key`."""

            def stored() -> list[str] | None:
                names = read_entry(cache, "themefiles", theme_key(self.run))
                return names if isinstance(names, list) and all(isinstance(n, str) for n in names) else None

            return listed_once(
                get_env, stored, lambda names: self.pending.append(("themefiles", theme_key(self.run), names))
            )

        def _indexer(self, index: Any, add: Any) -> Any:
            """The search index's ``add_entry_from_context``: a page's entries from the cache, or indexed and kept."""

            def add_entry(page: Any) -> None:
                key = search_key(self.run, page_state(page))
                stored = read_entry(cache, "searchpage", key)
                if isinstance(stored, list):
                    index.entries.extend(stored)
                    return
                first = len(index.entries)
                add(page)
                entries = index.entries[first:]
                if json.loads(json.dumps(entries, default=str)) == entries:  # kept only if JSON gives them back
                    self.pending.append(("searchpage", key, entries))

            return add_entry

        @event_priority(-100)  # after any plugin that changes the list
        def on_files(self, files: Any, /, *, config: Any) -> Any:
            self.files = files_digest(files)
            return files

        @event_priority(-100)  # the Markdown as converted: after every other plugin's change
        def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
            key = content_key(self.run, page.file.src_uri, page.url, markdown, self.files)
            stored = read_entry(cache, "mdpage", key)
            if isinstance(stored, dict) and set(stored) == _CONTENT_FIELDS:
                page.render = lambda config, files: self._restore(page, stored, files)
            else:
                page.render = lambda config, files: self._render(page, key, config, files)
            return markdown

        def _render(self, page: Any, key: str, config: Any, files: Any) -> None:
            del page.render  # the class's own
            page.render(config, files)
            links = page.links_to_anchors
            self.pending.append(
                (
                    "mdpage",
                    key,
                    {
                        "content": page.content,
                        "toc": toc_tokens(page.toc),
                        "title": page._title_from_render,
                        "anchors": sorted(page.present_anchor_ids or ()),
                        "links": None if links is None else {f.src_uri: a for f, a in links.items()},
                    },
                )
            )

        def _restore(self, page: Any, stored: dict[str, Any], files: Any) -> None:
            del page.render
            page.content = stored["content"]
            page.toc = get_toc(stored["toc"])
            page._title_from_render = stored["title"]
            page.present_anchor_ids = set(stored["anchors"])
            links = stored["links"]
            if links is not None:
                links = {files.get_file_from_path(src): anchors for src, anchors in links.items()}
            page.links_to_anchors = links

        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            get_template = env.get_template

            def get(name: Any, parent: str | None = None, globals: Any = None) -> Any:
                template = get_template(name, parent, globals)  # a page's template is got without a parent
                return template if parent is not None else _PageTemplate(template, self.outputs, self.pending)

            env.get_template = get
            return env

        @event_priority(-100)  # the page as rendered: after the search plugin has indexed and trimmed it
        def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
            if self.nav_json is None:  # every page's title is known now; the context's ``pages``: the files
                self.nav_json = json.dumps([nav_digest(nav), self.files], ensure_ascii=False)
            key = html_key(self.run, page_state(page), self.nav_json)
            stored = read_entry(cache, "htmlpage", key)
            self.outputs[id(page)] = (key, stored if isinstance(stored, str) else None)
            return context

        def keep(self) -> None:
            """Write the entries of the pages built (after a build without warnings)."""
            for kind, key, value in self.pending:
                write_entry(cache, kind, key, value)
            self.pending.clear()

    plugin = PageCache()
    plugin.load_config({})
    return plugin


_CONTENT_FIELDS = {"content", "toc", "title", "anchors", "links"}


class _PageTemplate:
    """A theme template as MkDocs renders a page with it: the page's stored output, or rendered and kept."""

    def __init__(self, template: Any, outputs: dict[int, tuple[str, str | None]], pending: list[Any]) -> None:
        self.template, self.outputs, self.pending = template, outputs, pending

    def render(self, context: Any) -> str:
        page = context.get("page") if hasattr(context, "get") else None
        key, stored = self.outputs.pop(id(page), ("", None))
        if stored is not None:
            return stored
        html = str(self.template.render(context))
        if key:
            self.pending.append(("htmlpage", key, html))
        return html

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)
