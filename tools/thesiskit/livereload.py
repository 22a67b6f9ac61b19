"""MkDocs' live-reload server as ``thesis serve`` runs it: ``python -m thesiskit.livereload serve …``.

MkDocs' own command line, with three changes (:func:`mkdocs_serve`): it rebuilds when the kit
says so, at once, instead of watching the tree the kit writes (:class:`Rebuilder
<thesiskit.serve.Rebuilder>` is the kit's side); it lists the theme's static files once per
server; and it serves the kit's routes under the site's path (:func:`kit_route`), adding
``_thesiskit/serve.js`` to every page. Dirty builds are allowed in strict mode.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).parent / "data" / "serve"
"""serve.js and pdf.html, which the server sends under ``_thesiskit/``."""


def kit_route(rel: str) -> tuple[bytes, str] | None:
    """The body and type of one of the kit's routes under the site's path, or None (not the kit's)."""
    if "THESISKIT_SERVE_STATUS" not in os.environ:  # MkDocs' server without thesis serve
        return None
    status = Path(os.environ["THESISKIT_SERVE_STATUS"])
    if rel == "_thesiskit/status.json":
        return (status.read_bytes() if status.is_file() else b'{"pdf": "", "problems": []}'), "application/json"
    if rel == "_thesiskit/serve.js":
        return (ASSETS / "serve.js").read_bytes(), "text/javascript; charset=utf-8"
    if rel == "_thesiskit/pdf.html":
        from html import escape
        from string import Template

        data = json.loads(status.read_text("utf-8")) if status.is_file() else {}
        page = Template((ASSETS / "pdf.html").read_text("utf-8")).substitute(
            lang=escape(data.get("lang", "")), title=escape(data.get("pdf_title", "PDF")), version=data.get("pdf", "")
        )
        return page.encode(), "text/html; charset=utf-8"
    pdf = Path(os.environ.get("THESISKIT_SERVE_PDF", ""))
    if rel == "thesis.pdf" and pdf.is_file():
        return pdf.read_bytes(), "application/pdf"
    return None


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build, which strict mode would count as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _theme_files_once(add_files_from_theme: Any) -> Any:
    """MkDocs' ``Files.add_files_from_theme``, walking the theme's folders once per server, not per rebuild.

    Material's folders hold some 14,000 files, filtered one by one on every build; the server does not
    watch the theme (as MkDocs' own, without ``--watch-theme``), so the list stays as it was.
    """
    from mkdocs.structure.files import File, Files

    found: dict[tuple[str, ...], list[File]] = {}

    def add(files: Files, env: Any, config: Any) -> None:
        key = (*config.theme.dirs, "\0", *config.theme.static_templates, "\0", config.site_dir)
        key += (str(config.use_directory_urls),)
        if key not in found:
            theme = Files([])
            add_files_from_theme(theme, env, config)
            found[key] = list(theme)
        for file in found[key]:
            if files.get_file_from_path(file.src_uri) is None:  # theme files do not override docs_dir files
                files.append(File(file.src_uri, file.src_dir, config.site_dir, config.use_directory_urls))

    return add


def mkdocs_serve() -> None:
    """MkDocs' own CLI, with dirty builds allowed in strict mode and rebuilt when the kit says so.

    The theme's compiled templates are kept in ``$THESISKIT_THEME_CACHE`` between rebuilds, and its
    list of static files is made once (:func:`_theme_files_once`).
    """
    import mkdocs.commands.serve as mk_serve
    from mkdocs.__main__ import cli
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    from .render.env import bytecode_cache

    get_env = Theme.get_env
    cache = os.environ.get("THESISKIT_THEME_CACHE")

    def cached_env(theme: Theme) -> Any:
        env = get_env(theme)
        env.bytecode_cache = bytecode_cache(Path(cache)) if cache else None
        return env

    class Quicker(LiveReloadServer):
        """MkDocs' server, rebuilding when ``thesis serve`` says so rather than by watching the tree.

        Under ``thesis serve`` ($THESISKIT_SERVE_REPLY), the tree and the config the kit writes are
        not polled: every line on stdin asks for a rebuild, which starts at once (no wait for more
        changes), and a line on the reply pipe says it is done (:class:`Rebuilder`). Other watched
        paths (mkdocs.yml's ``watch:``) are polled every 0.1 s, not 0.5 s.

        Also serves the kit's routes (see the module docstring) and adds serve.js to every page.
        """

        def __init__(self, builder: Any, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("polling_interval", 0.1)
            self._asked = self._done = 0
            self._done_cond = threading.Condition()
            super().__init__(self._counted(builder), *args, **kwargs)
            reply = os.environ.get("THESISKIT_SERVE_REPLY")
            self._kit = Path(os.environ["THESISKIT_SERVE_STATUS"]).parent if reply else None
            if reply:
                self.build_delay = 0.0  # the kit asks once its files are all written
                threading.Thread(target=self._answer, args=(int(reply),), daemon=True).start()

        def _counted(self, builder: Any) -> Any:
            def build(*args: Any) -> None:
                with self._rebuild_cond:  # every request up to here is in the files this build reads
                    covers = self._asked
                try:
                    builder(*args)
                finally:
                    with self._done_cond:
                        self._done = max(self._done, covers)
                        self._done_cond.notify_all()

            return build

        def _answer(self, reply: int) -> None:
            for _line in sys.stdin.buffer:
                with self._rebuild_cond:
                    self._asked += 1
                    mine = self._asked
                    self._want_rebuild = True
                    self._rebuild_cond.notify_all()
                with self._done_cond:
                    while self._done < mine:
                        self._done_cond.wait()
                os.write(reply, b"built\n")

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            if self._kit is not None and Path(path).resolve().is_relative_to(self._kit.resolve()):
                self._watched_paths[os.path.abspath(path)] = 1  # the kit says when (and live reload is on)
                return
            super().watch(path, func, recursive=recursive)

        def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            rel = path[len(self.mount_path) :] if path.startswith(self.mount_path) else None
            body = kit_route(rel) if rel is not None else None
            if body is None:
                return super()._serve_request(environ, start_response)
            content, kind = body
            start_response(
                "200 OK", [("Content-Type", kind), ("Content-Length", str(len(content))), ("Cache-Control", "no-store")]
            )
            return [content]

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            html: bytes = super()._inject_js_into_html(content, epoch)
            at = html.rfind(b"</body>")
            at = at if at >= 0 else len(html)
            script = f'<script src="{self.mount_path}_thesiskit/serve.js"></script>'.encode()
            return html[:at] + script + html[at:]

    Files.add_files_from_theme = _theme_files_once(Files.add_files_from_theme)  # type: ignore[method-assign]
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    mk_serve.LiveReloadServer = Quicker  # type: ignore[misc]
    Theme.get_env = cached_env  # type: ignore[method-assign, assignment]
    cli(prog_name="mkdocs")


if __name__ == "__main__":  # ``python -m thesiskit.livereload serve …``
    mkdocs_serve()
