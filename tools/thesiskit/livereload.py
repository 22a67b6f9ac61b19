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


def theme_env(get_env: Any, cache: Path | None) -> Any:
    """MkDocs' ``Theme.get_env``, for every rebuild of the server.

    The theme's compiled templates are kept in ``cache`` (as ``thesis build`` keeps them), and its
    list of static files is made once per server (:func:`thesiskit.site.pagecache.listed_once`: the
    server does not watch the theme, as MkDocs' own without ``--watch-theme``).
    """
    from .render.env import bytecode_cache
    from .site.pagecache import listed_once

    found: dict[tuple[str, ...], list[str]] = {}

    def env(theme: Any) -> Any:
        key = (*theme.dirs, "\0", *sorted(theme.static_templates))

        def keep(names: list[str]) -> None:
            found[key] = names

        made = listed_once(lambda: get_env(theme), lambda: found.get(key), keep)()
        made.bytecode_cache = bytecode_cache(cache) if cache else None
        return made

    return env


def mkdocs_serve() -> None:
    """MkDocs' own CLI, with dirty builds allowed in strict mode and rebuilt when the kit says so.

    The theme's compiled templates are kept in ``$THESISKIT_CACHE`` between rebuilds, and its list
    of static files is made once (:func:`theme_env`).
    """
    import mkdocs.commands.serve as mk_serve
    from mkdocs.__main__ import cli
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.theme import Theme

    cache = os.environ.get("THESISKIT_CACHE")

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

    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    mk_serve.LiveReloadServer = Quicker  # type: ignore[misc]
    Theme.get_env = theme_env(Theme.get_env, Path(cache) if cache else None)  # type: ignore[method-assign]
    cli(prog_name="mkdocs")


if __name__ == "__main__":  # ``python -m thesiskit.livereload serve …``
    mkdocs_serve()
