"""``thesis serve``: live preview. MkDocs serves the Markdown tree; the kit re-renders it on edits.

The kit watches the study's sources (docs/, report/, templates/, references.bib, mkdocs.yml),
renders the Markdown tree again and writes only the files whose text changed; MkDocs' own
live reload then rebuilds the changed pages and refreshes the browser.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .build import read_sources, site_tree
from .errors import ThesisError
from .figures.files import write_figures
from .log import console, report_error
from .project import Project, open_project
from .site.tree import write_site_config


def render_tree(project: Project, target: Path) -> Path:
    """Render the Markdown tree, sync changed files into ``target``; return the derived config."""
    with tempfile.TemporaryDirectory(dir=project.build) as tmp:
        scratch = Path(tmp)
        src = read_sources(project)
        figures = write_figures(src.records, scratch / "figures")
        pdf = project.build / "thesis.pdf"
        tree, pages, head = site_tree(src, figures, scratch / "markdown", has_pdf=pdf.is_file())
        if pdf.is_file():
            shutil.copy2(pdf, tree / "thesis.pdf")
        changed = sync_tree(tree, target)
        console.print(f"  {changed} file(s) changed")
        config = project.build / "serve.mkdocs.yml"
        return write_site_config(project, src.config, target, pages, config, project.build / "serve-site", head)


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


def serve(project_dir: Path, port: int) -> None:
    """Render once, start MkDocs' dev server on the tree, and re-render on every edit."""
    from watchfiles import watch

    project = open_project(project_dir)
    project.build.mkdir(parents=True, exist_ok=True)
    tree = project.build / "serve"
    config = render_tree(project, tree)
    argv = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", "--livereload"]
    server = subprocess.Popen(argv)
    path = urlsplit(read_sources(project).config.site_url).path or "/"
    console.print(f"Serving on http://127.0.0.1:{port}{path} — edit chapters, records, templates or references.bib")
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
