"""``thesis serve``: live preview of the site and the PDF, in one long-lived process.

The kit watches the study's sources (docs/, report/, templates/, references.bib, mkdocs.yml),
renders the Markdown tree again and writes only the files whose text changed. The engine's server
(MkDocs' or Zensical's, as ``site.engine`` or ``--site-engine`` says) then rebuilds the changed pages
and refreshes the browser: MkDocs' as soon as the kit tells it to (:class:`Rebuilder`, no second
file watcher), Zensical's when its own watcher sees the files. Only then is the PDF compiled in this
process (pages through the Pandoc page cache, one warm Typst compiler), so that it never delays the
page, and served at its site URL (``thesis.pdf``); on an error the last good PDF stays. The preview
is the engine's output as it is: the head metadata and markup corrections that ``thesis build``
adds after the engine (site/finish.py) are not in it.

With MkDocs, the server (``python -m thesiskit.livereload serve …``, MkDocs' own with three more
routes under the site's path) also serves ``_thesiskit/status.json``, which the kit rewrites after
every edit (the served PDF's version and the sources' errors, each with file:line),
``_thesiskit/serve.js``, which every served page loads (errors shown over the last good page, gone
once fixed), and ``_thesiskit/pdf.html``, a PDF viewer that loads the PDF again whenever a new one
is served (the pages' links to the PDF open it). The PDF itself is served from build/, so a new PDF
never makes MkDocs rebuild the site.
"""

from __future__ import annotations

import dataclasses
import filecmp
import functools
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from .build import cached_pdf, draw_figures, pdf_input, read_sources, site_files
from .cite.citeproc import keep_last
from .errors import Problem, ThesisError, ToolError
from .lang import locale_for
from .log import console, report_crash, report_error, step
from .pdf.typst import keep_compilers
from .project import Project, open_project, read_text
from .records import load_records
from .render.memo import keep_pages
from .site.tree import write_site_config
from .site.zensical import zensical_version
from .sources import load_site_config
from .study import Sources

STATUS = "serve-status.json"
"""In build/: what the browser's part of the preview polls (``_thesiskit/status.json``)."""
PDF = "serve-thesis.pdf"
"""In build/: the preview's PDF (never build/thesis.pdf, which only ``thesis build`` publishes)."""


def render_tree(
    project: Project, target: Path, figures_dir: Path | None = None
) -> tuple[Path, Sources, dict[str, Path]]:
    """Render the Markdown tree, write the files that changed into ``target``; return the config, sources and figures.

    MkDocs then rebuilds only the pages whose file changed (``--dirty``). When something every page
    shows changes (the navigation, a page title, the configuration), every file is touched so that
    MkDocs rebuilds them all (mkdocs.yml, which the served config inherits, is part of the configuration).
    The PDF is not made here (:func:`preview_pdf`, once the pages are served):
    the pages link to the last one.
    """
    src = read_sources(project)
    # kept by the caller (default build/.serve-figures/): the PDF reads them after the pages
    figures = draw_figures(src, figures_dir or project.build / ".serve-figures")
    with tempfile.TemporaryDirectory(dir=project.build) as tmp:
        files, pages, _head = site_files(src, figures, Path(tmp), has_pdf=True)
    served_pdf = target / "thesis.pdf"
    pdf = served_pdf if served_pdf.is_file() else project.build / PDF
    pdf = pdf if pdf.is_file() else project.build / "thesis.pdf"
    if pdf.is_file():
        files["thesis.pdf"] = pdf
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
    shape = read_text(project, project.mkdocs_yml)  # the served config inherits it (e.g. the site name)
    shape += new_config.read_text("utf-8") + "".join(_title_line(str(files[page])) for page in pages)
    changed = sync_files(files, target)
    if shape != _last_shape.get(target):
        _last_shape[target] = shape
        for path in target.rglob("*.md"):
            path.touch()
        console.print(f"  {changed} file(s) changed; navigation or titles changed: every page is rebuilt")
    else:
        console.print(f"  {changed} file(s) changed")
    if config.is_file() and filecmp.cmp(new_config, config, shallow=False):
        new_config.unlink()  # unchanged: MkDocs need not rebuild everything
    else:
        new_config.replace(config)
    return config, src, figures


def preview_pdf(src: Sources, figures: dict[str, Path], served: Path, copy: bool = True) -> list[Problem]:
    """Compile the PDF (pages through the Pandoc cache, a warm Typst compiler) into build/.

    With ``copy``, or when it has none yet, into the served tree too, at the PDF's site URL.
    On an error the message is printed, returned, and the last good PDF stays served.
    """
    project = src.project
    out, new = project.build / PDF, project.build / ".serve-thesis.new.pdf"
    try:
        with step("PDF preview (Pandoc → Typst)"):
            cached_pdf(pdf_input(src, figures, False, "typst"), new)
    except ThesisError as exc:
        report_error(exc)
        console.print("  the last good PDF is still served")
        return exc.problems
    if not out.is_file() or not filecmp.cmp(new, out, shallow=False):
        os.replace(new, out)  # whole, at once: the server never sends half a PDF
    if (copy or not served.is_file()) and (not served.is_file() or not filecmp.cmp(out, served, shallow=False)):
        tmp = project.build / ".serve-thesis.pdf.tmp"  # outside the watched tree
        shutil.copyfile(out, tmp)
        os.replace(tmp, served)
    return []


def write_status(project: Project, problems: list[Problem], language: str) -> None:
    """Rewrite build/serve-status.json: the served PDF's version and the sources' problems."""
    pdf = project.build / PDF
    locale = locale_for(language)
    status = {
        "pdf": hashlib.sha256(pdf.read_bytes()).hexdigest()[:16] if pdf.is_file() else "",
        "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in problems],
        "title": locale.text("serve_error"),
        "pdf_title": locale.text("serve_pdf"),
        "lang": locale.tag,
    }
    tmp = project.build / f".{STATUS}.tmp"
    tmp.write_text(json.dumps(status, ensure_ascii=False), "utf-8", newline="\n")
    os.replace(tmp, project.build / STATUS)


_last_shape: dict[Path, str] = {}
"""Per served tree: the configuration and page titles of the last render."""


def _title_line(page: str) -> str:
    """The page's first heading line, which MkDocs shows as its title in every page's navigation."""
    return next((line + "\n" for line in page.split("\n") if line.startswith("# ")), "\n")


def sync_files(files: dict[str, str | Path], target: Path) -> int:
    """Make ``target`` hold exactly ``files`` (texts, or files to copy); return how many were written or removed.

    Only the files that differ are written, and nothing is written anywhere else first.
    """
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        dst = target / rel
        if isinstance(data, str):
            text = data.encode("utf-8")
            if dst.is_file() and dst.stat().st_size == len(text) and dst.read_bytes() == text:
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            tmp = dst.with_name(f".{dst.name}.tmp")
            tmp.write_bytes(text)
            os.replace(tmp, dst)  # whole, at once: the server never reads half a page
        else:
            if dst.is_file() and filecmp.cmp(data, dst, shallow=False):
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(data, dst)
        changed += 1
    wanted = {target / rel for rel in files}
    for old in [p for p in target.rglob("*") if p.is_file() and p not in wanted]:
        old.unlink()
        changed += 1
    return changed


def serve(project_dir: Path, port: int, site_engine: str | None = None, host: str = "127.0.0.1") -> None:
    """Render once, start the site engine's dev server on the tree, and re-render on every edit.

    After an edit the pages come first: the tree is rendered, the MkDocs server is told to rebuild
    (:class:`Rebuilder`; Zensical watches the tree itself), and only once the pages are served is the
    PDF compiled.
    """
    from watchfiles import watch

    check_port(host, port)
    project = open_project(project_dir)
    project.build.mkdir(parents=True, exist_ok=True)
    study = load_records(project).study
    engine = site_engine or study.site.engine
    language = study.language
    keep_compilers()  # one Typst compiler for the life of the preview: an edit recompiles what changed
    keep_last()  # the site's citations: an edit renders again only the clusters and entries it changed
    keep_pages()  # the chapters: an edit renders again only those it changed (or whose records it did)
    tree = project.build / "serve"
    live = engine != "zensical"  # MkDocs' server, with the kit's routes (status, serve.js, the PDF viewer)
    status = Status(project, language)
    config, src, figures = render_tree(project, tree)
    status.show(pdf=preview_pdf(src, figures, tree / "thesis.pdf", not live))
    address = f"{host}:{port}"
    env = {
        **os.environ,
        "THESISKIT_CACHE": str(project.cache),  # the theme's compiled templates, as thesis build keeps them
        "THESISKIT_SERVE_STATUS": str(project.build / STATUS),
        "THESISKIT_SERVE_PDF": str(project.build / PDF),
    }
    rebuilder: Rebuilder | None = None
    if engine == "zensical":
        name = f"Zensical {zensical_version()}"
        argv = [sys.executable, "-m", "zensical", "serve", "-f", str(config), "-a", address]
        server = subprocess.Popen(argv, env=env)
    else:
        name = f"MkDocs {version('mkdocs')} + Material {version('mkdocs-material')}"
        # MkDocs rebuilds only the pages whose Markdown changed (--dirty; render_tree touches all if needed)
        argv = [sys.executable, "-m", "thesiskit.livereload", "serve", "-f", str(config), "-a", address]
        rebuilder = Rebuilder([*argv, "--livereload", "--dirty"], env)
        server = rebuilder.server
    signal.signal(signal.SIGTERM, _stop)  # stopped by a signal: stop the engine's server too (below)
    path = urlsplit(load_site_config(project).site_url).path or "/"
    console.print(
        f"Serving with {name} on http://{address}{path} — edit chapters, records, templates or references.bib"
        " (a preview without the citation metadata: thesis build adds it)"
    )
    if live:
        console.print(f"The PDF, reloaded after every edit: http://{address}{path}_thesiskit/pdf.html")
    watched = [
        p for p in (project.docs, project.report, project.templates, project.bib, project.mkdocs_yml) if p.exists()
    ]
    # with MkDocs the PDF compiles beside the next edit's pages; Zensical's tree holds the PDF: one at a time
    pdfs = Newest() if live else None
    try:
        # step: yield once the files have been quiet for 20 ms (watchfiles waits 50 ms by default)
        for changes in watch(*watched, yield_on_timeout=True, rust_timeout=1000, step=20):
            if server.poll() is not None:  # e.g. the port was taken after check_port: say so, never hang
                raise ToolError(f"the site server ({name}) stopped with exit code {server.returncode}; see above")
            if not changes:
                continue
            console.print("[bold]→[/] change detected, re-rendering …", markup=True)
            figures_dir = Path(tempfile.mkdtemp(prefix=".serve-figures-", dir=project.build))  # this render's
            try:
                _config, src, figures = render_tree(project, tree, figures_dir)
            except ThesisError as exc:
                shutil.rmtree(figures_dir, ignore_errors=True)
                report_error(exc)
                console.print("  the last good pages are still served")
                status.show(site=exc.problems)
                continue
            if rebuilder is not None:
                rebuilder.rebuild()  # the pages are served before the PDF compile starts
            status.show(site=[])
            snapshot = dataclasses.replace(src, project=dataclasses.replace(project, texts=dict(project.texts)))
            job = functools.partial(_pdf_job, status, snapshot, figures, figures_dir, tree / "thesis.pdf", not live)
            if pdfs is None:
                job()
            else:
                pdfs.submit(job, functools.partial(shutil.rmtree, figures_dir, ignore_errors=True))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)


def _pdf_job(status: Status, src: Sources, figures: dict[str, Path], folder: Path, served: Path, copy: bool) -> None:
    try:
        status.show(pdf=preview_pdf(src, figures, served, copy))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Status:
    """What build/serve-status.json says, written by the page's and the PDF's part of the preview.

    The problems shown are the pages' (the sources as last read), or when there are none the PDF's.
    """

    def __init__(self, project: Project, language: str) -> None:
        self.project, self.language = project, language
        self.site: list[Problem] = []
        self.pdf: list[Problem] = []
        self._lock = threading.Lock()

    def show(self, *, site: list[Problem] | None = None, pdf: list[Problem] | None = None) -> None:
        """Keep the pages' or the PDF's problems (None: as they were) and rewrite the status."""
        with self._lock:
            self.site = self.site if site is None else site
            self.pdf = self.pdf if pdf is None else pdf
            write_status(self.project, self.site or self.pdf, self.language)


class Newest:
    """Jobs run one at a time on a thread of their own; a job still waiting when a newer one comes is dropped.

    The PDF compiles here, so that the pages of an edit made meanwhile need not wait for it, and
    only the PDF of the newest sources is made.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting: tuple[Callable[[], None], Callable[[], None]] | None = None
        self._running = False
        threading.Thread(target=self._work, daemon=True).start()

    def submit(self, run: Callable[[], None], drop: Callable[[], None]) -> None:
        """Run ``run`` once the job now running is done (returns at once); ``drop`` is called if it is not run."""
        with self._cond:
            if self._waiting is not None:
                self._waiting[1]()
            self._waiting = (run, drop)
            self._cond.notify_all()

    def wait(self) -> None:
        """Return once every job handed in is done or dropped."""
        with self._cond:
            self._cond.wait_for(lambda: self._waiting is None and not self._running)

    def _work(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._waiting is not None)
                assert self._waiting is not None
                run, _drop = self._waiting
                self._waiting, self._running = None, True
            try:
                run()
            except Exception as exc:  # unexpected: say so (a log with the traceback), keep serving
                report_crash(exc)
            finally:
                with self._cond:
                    self._running = False
                    self._cond.notify_all()


class Rebuilder:
    """The MkDocs server (a child process), rebuilt when the kit says so.

    MkDocs' own server would notice the kit's files by polling the tree every 0.5 s and then wait
    0.1 s more for further changes. Instead the kit writes a line to the server's stdin once the tree
    is written, and the server rebuilds at once and answers on a pipe of its own when that build is
    done (:func:`thesiskit.livereload.mkdocs_serve`).
    """

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        read, write = os.pipe()
        env = {**env, "THESISKIT_SERVE_REPLY": str(write)}
        self.server = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, pass_fds=(write,))
        os.close(write)
        self._reply = os.fdopen(read, "rb")

    def rebuild(self) -> bool:
        """Tell the server that the tree changed; return once it has rebuilt (False: it has stopped)."""
        assert self.server.stdin is not None
        try:
            self.server.stdin.write(b"build\n")
            self.server.stdin.flush()
        except OSError:  # it stopped: the loop says so
            return False
        return self._reply.readline() == b"built\n"


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
