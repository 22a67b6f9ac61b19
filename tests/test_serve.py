"""``thesis serve``: the preview comes up, an edit reaches the served page and PDF, the browser is told
to reload both, errors show over the last good page, and the defaults are safe."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .browser import browser_page, needs_chromium


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except OSError:  # refused, reset or timed out (a busy machine): the caller asks again
        return b""


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _get(url).decode("utf-8")
        if text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


@contextmanager
def serving(root: Path, *args: str, log: Path | None = None) -> Iterator[str]:
    """``thesis serve`` on the study at ``root`` (a free port); yields the site's URL once it is up.

    With ``log``, what it and its MkDocs server print goes to that file.
    """
    port = _free_port()
    argv = [sys.executable, "-m", "thesiskit.cli", "serve", "--project", str(root), "--port", str(port), *args]
    with (log or Path(os.devnull)).open("wb") as out:
        server = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}/mini/"
            _wait_for(base + "_thesiskit/status.json", '"pdf"', 120)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=20)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def _status(base: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(_get(base + "_thesiskit/status.json"))
    return data


def test_serve_rerenders_an_edited_chapter(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    with serving(root) as base:
        url = base + "01-innledning/"
        _wait_for(url, "Samarbeid mellom etater er krevende")
        _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
        _wait_for(url, "Samarbeid mellom etater er svært krevende")


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_serve_previews_the_pdf_and_tells_the_browser_to_reload_page_and_pdf(
    sample_copy: Callable[[str], Path],
) -> None:
    root = sample_copy("mini")
    with serving(root) as base:
        pdf = _get(base + "thesis.pdf")
        assert "Samarbeid mellom etater er krevende" in _pdf_text(pdf)
        assert not (root / "build" / "thesis.pdf").exists(), "serve wrote the published PDF"
        before = _status(base)
        assert before["pdf"] == hashlib.sha256(pdf).hexdigest()[:16], "the status names another PDF"
        page = _get(base + "01-innledning/").decode("utf-8")
        assert '<script src="/mini/_thesiskit/serve.js"></script>' in page, "the page does not load serve.js"
        assert "_thesiskit/status.json" in _get(base + "_thesiskit/serve.js").decode("utf-8")
        viewer = _get(base + "_thesiskit/pdf.html").decode("utf-8")
        assert f'src="../thesis.pdf?v={before["pdf"]}"' in viewer
        epoch = re.search(r"livereload\((\d+),", page)
        assert epoch, "MkDocs' live reload is not in the page"

        _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
        deadline = time.monotonic() + 120
        while _status(base)["pdf"] == before["pdf"] and time.monotonic() < deadline:
            time.sleep(0.3)
        after = _status(base)
        assert after["pdf"] != before["pdf"], "the PDF's version did not change after the edit"
        new_pdf = _get(base + "thesis.pdf")  # the signal comes once the new PDF is served
        assert after["pdf"] == hashlib.sha256(new_pdf).hexdigest()[:16]
        assert "Samarbeid mellom etater er svært krevende" in _pdf_text(new_pdf)
        assert f'src="../thesis.pdf?v={after["pdf"]}"' in _get(base + "_thesiskit/pdf.html").decode("utf-8")
        # the page's reload signal: MkDocs' poll answers with a newer site version than the page's
        newer = _get(base.split("/mini/")[0] + f"/livereload/{epoch.group(1)}/1").decode()
        assert newer.isdigit() and int(newer) > int(epoch.group(1)), newer
        assert after["problems"] == []


@needs_chromium
@pytest.mark.xdist_group("chromium")  # one browser at a time
def test_the_browser_reloads_the_pdf_viewer_after_an_edit(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    with serving(root) as base, browser_page() as page:
        page.goto(base + "_thesiskit/pdf.html")
        first = page.locator("#thesiskit-pdf").get_attribute("src")
        assert first == f"../thesis.pdf?v={_status(base)['pdf']}"
        _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
        page.wait_for_function(
            "first => document.getElementById('thesiskit-pdf').getAttribute('src') !== first",
            arg=first,
            timeout=120_000,
        )
        now = page.locator("#thesiskit-pdf").get_attribute("src")
        assert now == f"../thesis.pdf?v={_status(base)['pdf']}", "the viewer did not load the PDF now served"
        assert "svært krevende" in _pdf_text(_get(base + "thesis.pdf"))


@needs_chromium
@pytest.mark.xdist_group("chromium")  # one browser at a time
def test_an_error_shows_over_the_last_good_page_until_fixed(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    quotes = root / "report" / "quotes" / "funn.yaml"
    good = quotes.read_text("utf-8")
    with serving(root) as base, browser_page() as page:
        page.goto(base + "02-funn/")
        assert "Det er så kjekk jobb" in page.inner_text("article")
        assert page.locator("#thesiskit-errors").count() == 0
        quotes.write_text(good.replace("  attribution: Ibid", "  attribution: Ibid: (2)"), "utf-8")
        overlay = page.locator("#thesiskit-errors")
        overlay.wait_for(timeout=60_000)
        text = overlay.inner_text()
        assert "report/quotes/funn.yaml:10: " in text, text  # file:line of the bad line
        assert "YAML" in text, text
        assert "Det er så kjekk jobb" in page.inner_text("article"), "the last good page is gone"
        quotes.write_text(good.replace("Det er så kjekk jobb", "Det er så fin jobb"), "utf-8")
        overlay.wait_for(state="detached", timeout=60_000)
        page.wait_for_function("() => document.querySelector('article').innerText.includes('så fin jobb')")


def test_serve_listens_on_this_machine_only_by_default(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    with serving(root) as base:
        port = int(base.split(":")[2].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        with pytest.raises(OSError):  # another loopback address (Linux answers the whole 127/8)
            socket.create_connection(("127.0.0.2", port), timeout=5).close()


def test_serve_says_so_when_the_port_is_taken(
    sample_copy: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from thesiskit.cli import main

    root = sample_copy("mini")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        assert main(["serve", "--project", str(root), "--port", str(port)]) == 2
        assert main(["serve", "--project", str(root), "--host", "127.0.0.1", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "--port" in err
    assert "Traceback" not in err
    assert not (root / "build" / "serve").exists(), "it rendered before finding the port taken"


def _wait_for_new_pdf(base: str, before: object, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while _status(base)["pdf"] == before:
        assert time.monotonic() < deadline, f"no new PDF within {seconds} s"
        time.sleep(0.3)


def test_the_page_is_served_before_the_pdf_is_compiled(sample_copy: Callable[[str], Path], tmp_path: Path) -> None:
    """After an edit the kit tells its MkDocs server to rebuild, waits for it, and only then compiles the PDF."""
    root = sample_copy("mini")
    log = tmp_path / "serve.log"
    with serving(root, log=log) as base:
        before = _status(base)["pdf"]
        _edit(root / "docs" / "01-innledning.md", "er krevende", "er svært krevende")
        _wait_for(base + "01-innledning/", "er svært krevende")
        _wait_for_new_pdf(base, before)
    after_edit = log.read_text("utf-8").split("change detected", 1)[1]
    built, pdf = after_edit.find("Documentation built"), after_edit.find("PDF preview")
    assert 0 <= built < pdf, f"the PDF was compiled before MkDocs had rebuilt the pages:\n{after_edit}"


def test_the_mkdocs_server_rebuilds_when_told_not_by_watching_the_tree(sample_copy: Callable[[str], Path]) -> None:
    """The server the kit starts rebuilds on a line on its stdin, at once, and answers when the build is done.

    The tree the kit writes is not watched: a change nobody announces is not built (checked after a
    second, several times MkDocs' own polling and build delay).
    """
    import select

    from thesiskit.project import open_project
    from thesiskit.serve import PDF, STATUS, render_tree

    root = sample_copy("mini")
    project = open_project(root)
    project.build.mkdir()
    config = render_tree(project, project.build / "serve")[0]
    port = _free_port()
    read, write = os.pipe()
    env = {**os.environ, "THESISKIT_SERVE_REPLY": str(write)}
    env |= {"THESISKIT_SERVE_STATUS": str(project.build / STATUS), "THESISKIT_SERVE_PDF": str(project.build / PDF)}
    argv = [sys.executable, "-m", "thesiskit.livereload", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*argv, "--livereload", "--dirty"], env=env, stdin=subprocess.PIPE, pass_fds=(write,),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    assert server.stdin is not None
    page = root / "build" / "serve" / "01-innledning.md"
    url = f"http://127.0.0.1:{port}/mini/01-innledning/"
    try:
        _wait_for(url, "Samarbeid mellom etater er krevende")
        _edit(page, "er krevende", "er ikke krevende")  # not announced: not built
        time.sleep(1)
        assert "er ikke krevende" not in _get(url).decode("utf-8"), "the server watches the kit's tree"
        _edit(page, "er ikke krevende", "er svært krevende")
        server.stdin.write(b"build\n")
        server.stdin.flush()
        assert select.select([read], [], [], 60)[0], "the server did not answer the kit's rebuild request"
        assert os.read(read, 100) == b"built\n"
        assert "Samarbeid mellom etater er svært krevende" in _get(url).decode("utf-8"), "answered before the build"
    finally:
        server.stdin.close()
        server.terminate()
        server.wait(timeout=20)
        os.close(read)


SERVE_EDITS = [
    ("chapter paragraph", "docs/02-funn.md", "Stoltheten kan forstås", "Stoltheten kan kanskje forstås"),
    ("quote record", "report/quotes/funn.yaml", "Jeg ville valgt det samme igjen.", "Jeg ville valgt det samme."),
    ("figure record", "report/figures/modell.yaml", "label: Teknologi", "label: Teknikk"),
    ("references.bib", "references.bib", "Stolthet i offentlig sektor", "Stolthet i sektoren"),
    ("mkdocs.yml", "mkdocs.yml", "site_name: Et lite eksempel", "site_name: Et lite, redigert eksempel"),
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "thesis.pdf"  # the PDF: the served one, or none in a first render
    }


def test_served_tree_equals_a_full_render_after_each_edit(sample_copy: Callable[[str], Path], tmp_path: Path) -> None:
    import shutil

    from thesiskit.project import open_project
    from thesiskit.serve import render_tree

    root = sample_copy("mini")
    with serving(root) as base:
        for n, (kind, rel, old, new) in enumerate(SERVE_EDITS):
            before, served = _status(base)["pdf"], _tree(root / "build" / "serve")
            _edit(root / rel, old, new)
            if kind == "mkdocs.yml":  # no new PDF: every page shows the new name (as pages it did not change)
                _wait_for(base + "01-innledning/", "Et lite, redigert eksempel")
                _wait_for(base + "informanter/1/", "Et lite, redigert eksempel")
            else:
                _wait_for_new_pdf(base, before)  # the PDF comes after the tree
            fresh = tmp_path / f"fresh-{n}"
            shutil.copytree(root, fresh, ignore=shutil.ignore_patterns("build"))
            project = open_project(fresh)
            project.build.mkdir()
            render_tree(project, project.build / "serve")
            now = _tree(root / "build" / "serve")
            assert now != served or kind == "mkdocs.yml", f"{kind}: the served tree did not change"
            expected = _tree(project.build / "serve")
            differ = sorted(k for k in now.keys() | expected.keys() if now.get(k) != expected.get(k))
            assert not differ, f"after editing the {kind}: the served tree and a full render differ in {differ}"


def test_the_mkdocs_server_lists_the_themes_files_once(
    sample_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every rebuild gets the theme's static files as MkDocs lists them, from one walk of its folders."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    from thesiskit.livereload import theme_env
    from thesiskit.project import open_project
    from thesiskit.serve import render_tree

    root = sample_copy("mini")
    project = open_project(root)
    project.build.mkdir()
    config = load_config(config_file=str(render_tree(project, project.build / "serve")[0]))
    expected = Files([])
    Files.add_files_from_theme(expected, config.theme.get_env(), config)
    walks = []
    list_templates = jinja2.Environment.list_templates

    def walk(self: jinja2.Environment, *args: object, **kwargs: object) -> list[str]:
        walks.append(1)
        return list_templates(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "list_templates", walk)
    get_env = theme_env(Theme.get_env, project.cache)
    for _ in range(3):
        docs = Files([])  # a rebuild: a fresh environment and collection of the docs' files
        docs.add_files_from_theme(get_env(config.theme), config)
        assert [(f.src_uri, f.abs_src_path, f.abs_dest_path, f.url) for f in docs] == [
            (f.src_uri, f.abs_src_path, f.abs_dest_path, f.url) for f in expected
        ]
        assert len(docs) > 10, "Material's static files (JavaScript, CSS, fonts) are missing"
    assert len(walks) == 1, "the theme's folders were walked on every rebuild"


def test_the_pdf_compiles_beside_the_next_edit_and_only_for_the_newest_sources() -> None:
    """Handing a PDF job in returns at once, even while one compiles; of those waiting only the newest runs."""
    import threading

    from thesiskit.serve import Newest

    ran: list[str] = []
    dropped: list[str] = []
    started, release = threading.Event(), threading.Event()

    def first() -> None:
        started.set()
        assert release.wait(60)
        ran.append("first")

    pdfs = Newest()
    pdfs.submit(first, lambda: dropped.append("first"))
    assert started.wait(60), "the job did not start"
    for name in ("second", "third"):  # edits saved while the first PDF compiles: their pages are not held up
        pdfs.submit(lambda name=name: ran.append(name), lambda name=name: dropped.append(name))  # type: ignore[misc]
    assert ran == [] and dropped == ["second"]
    release.set()
    pdfs.wait()
    assert ran == ["first", "third"] and dropped == ["second"]
    pdfs.submit(lambda: 1 / 0 and None, lambda: None)  # an unexpected error is reported; the worker goes on
    pdfs.wait()
    pdfs.submit(lambda: ran.append("after"), lambda: None)
    pdfs.wait()
    assert ran[-1] == "after"
