"""``thesis serve``: live preview. The site engine serves the Markdown tree; the kit re-renders it on edits.

The kit watches the study's sources (docs/, report/, templates/, references.bib, mkdocs.yml),
renders the Markdown tree again and writes only the files whose text changed; the engine's own
live reload (MkDocs' or Zensical's, as ``site.engine`` or ``--site-engine`` says) then rebuilds the
changed pages and refreshes the browser. Then the PDF is compiled in this process (pages through
the Pandoc page cache, one warm Typst compiler) and served at its site URL (``thesis.pdf``); on an
error the last good PDF stays. The preview is the engine's output as it is: the head metadata and
markup corrections that ``thesis build`` adds after the engine (site/finish.py) are not in it.
"""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .build import cached_pdf, draw_figures, pdf_input, read_sources, site_tree
from .errors import ThesisError, ToolError
from .log import console, report_error, step
from .pdf.typst import keep_compilers
from .project import Project, open_project
from .records import load_records
from .site.tree import write_site_config
from .site.zensical import zensical_version
from .sources import load_site_config
from .study import Sources


def render_tree(project: Project, target: Path, *, with_pdf: bool = True) -> Path:
    """Render the Markdown tree, sync changed files into ``target``; return the derived config.

    MkDocs then rebuilds only the pages whose file changed (``--dirty``). When something every page
    shows changes (the navigation, a page title, the configuration), every file is touched so that
    MkDocs rebuilds them all.
    """
    with tempfile.TemporaryDirectory(dir=project.build) as tmp:
        scratch = Path(tmp)
        src = read_sources(project)
        figures = draw_figures(src, scratch / "figures")
        served_pdf = target / "thesis.pdf"  # the preview's own PDF, made below once the pages are synced
        pdf = served_pdf if served_pdf.is_file() else project.build / "thesis.pdf"
        tree, pages, _head = site_tree(src, figures, scratch / "markdown", has_pdf=True)
        if pdf.is_file():
            shutil.copy2(pdf, tree / "thesis.pdf")
        config = project.build / "serve.mkdocs.yml"
        new_config = write_site_config(  # beside the config, so that its relative paths are the same
            project,
            src.config,
            target,
            pages,
            config.with_name(".serve.mkdocs.yml.new"),
            project.build / "serve-site",
            src.records.study.language,
        )
        shape = new_config.read_text("utf-8") + "".join(_title_line(tree / page) for page in pages)
        changed = sync_tree(tree, target)
        if shape != _last_shape.get(target):
            _last_shape[target] = shape
            for path in target.rglob("*.md"):
                path.touch()
            console.print(f"  {changed} file(s) changed; navigation or titles changed: every page is rebuilt")
        else:
            console.print(f"  {changed} file(s) changed")
        if config.is_file() and filecmp.cmp(new_config, config, shallow=False):
            new_config.unlink()  # unchanged: MkDocs, which watches it, need not rebuild everything
        else:
            new_config.replace(config)
        if with_pdf:
            preview_pdf(src, figures, served_pdf)
        return config


def preview_pdf(src: Sources, figures: dict[str, Path], served: Path) -> None:
    """Compile the PDF (pages through the Pandoc cache, a warm Typst compiler) and serve it at its URL.

    On an error the message is printed and the last good PDF stays served.
    """
    project = src.project
    out = project.build / "serve-thesis.pdf"
    try:
        with step("PDF preview (Pandoc → Typst)"):
            cached_pdf(pdf_input(src, figures, False, "typst"), out)
    except ThesisError as exc:
        report_error(exc)
        console.print("  the last good PDF is still served")
        return
    if not served.is_file() or not filecmp.cmp(out, served, shallow=False):
        tmp = project.build / ".serve-thesis.pdf.tmp"  # outside the watched tree
        shutil.copyfile(out, tmp)
        os.replace(tmp, served)


_last_shape: dict[Path, str] = {}
"""Per served tree: the configuration and page titles of the last render."""


def _title_line(page: Path) -> str:
    """The page's first heading line, which MkDocs shows as its title in every page's navigation."""
    with page.open(encoding="utf-8") as f:
        return next((line for line in f if line.startswith("# ")), "\n")


def sync_tree(source: Path, target: Path) -> int:
    """Make ``target`` equal to ``source``, touching only files that differ; return how many."""
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        src, dst = source / rel, target / rel
        if not dst.is_file() or not filecmp.cmp(src, dst, shallow=False):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            changed += 1
    for old in [p for p in target.rglob("*") if p.is_file() and p.relative_to(target) not in wanted]:
        old.unlink()
        changed += 1
    return changed


def serve(project_dir: Path, port: int, site_engine: str | None = None, host: str = "127.0.0.1") -> None:
    """Render once, start the site engine's dev server on the tree, and re-render on every edit."""
    from watchfiles import watch

    check_port(host, port)
    project = open_project(project_dir)
    project.build.mkdir(parents=True, exist_ok=True)
    engine = site_engine or load_records(project).study.site.engine
    keep_compilers()  # one Typst compiler for the life of the preview: an edit recompiles what changed
    tree = project.build / "serve"
    config = render_tree(project, tree)
    address = f"{host}:{port}"
    if engine == "zensical":
        name = f"Zensical {zensical_version()}"
        argv = [sys.executable, "-m", "zensical", "serve", "-f", str(config), "-a", address]
    else:
        name = f"MkDocs {version('mkdocs')} + Material {version('mkdocs-material')}"
        # MkDocs rebuilds only the pages whose Markdown changed (--dirty; render_tree touches all if needed)
        argv = [sys.executable, "-m", "thesiskit.serve", "serve", "-f", str(config), "-a", address]
        argv += ["--livereload", "--dirty"]
    server = subprocess.Popen(argv, env={**os.environ, "THESISKIT_THEME_CACHE": str(project.cache / "jinja-theme")})
    signal.signal(signal.SIGTERM, _stop)  # stopped by a signal: stop the engine's server too (below)
    path = urlsplit(load_site_config(project).site_url).path or "/"
    console.print(
        f"Serving with {name} on http://{address}{path} — edit chapters, records, templates or references.bib"
        " (a preview without the citation metadata: thesis build adds it)"
    )
    watched = [
        p for p in (project.docs, project.report, project.templates, project.bib, project.mkdocs_yml) if p.exists()
    ]
    try:
        for _changes in watch(*watched):
            console.print("[bold]→[/] change detected, re-rendering …", markup=True)
            try:
                render_tree(project, tree)
            except ThesisError as exc:
                report_error(exc)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)


def check_port(host: str, port: int) -> None:
    """A ToolError (exit 2, no traceback) if ``host:port`` cannot be listened on, e.g. already taken."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise ToolError(
            f"cannot serve on {host}:{port} ({exc.strerror or exc}): is another preview running? "
            f"Choose another port with --port"
        ) from None


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build, which strict mode would count as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _mkdocs_serve() -> None:
    """MkDocs' own CLI, with dirty builds allowed in strict mode and a quicker look for changes.

    The theme's compiled templates are kept in ``$THESISKIT_THEME_CACHE`` between rebuilds.
    """
    import mkdocs.commands.serve as mk_serve
    from mkdocs.__main__ import cli
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.theme import Theme

    from .render.env import bytecode_cache

    get_env = Theme.get_env
    cache = os.environ.get("THESISKIT_THEME_CACHE")

    def cached_env(theme: Theme) -> Any:
        env = get_env(theme)
        env.bytecode_cache = bytecode_cache(Path(cache)) if cache else None
        return env

    class Quicker(LiveReloadServer):
        """MkDocs polls the served tree every 0.5 s; the kit writes only changed files, so 0.1 s costs little."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("polling_interval", 0.1)
            super().__init__(*args, **kwargs)

    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    mk_serve.LiveReloadServer = Quicker  # type: ignore[misc]
    Theme.get_env = cached_env  # type: ignore[method-assign, assignment]
    cli(prog_name="mkdocs")


if __name__ == "__main__":  # ``python -m thesiskit.serve serve …``
    _mkdocs_serve()
