"""``thesis serve``: the preview comes up, an edit reaches the served page and PDF, the browser is told
to reload both, errors show over the last good page, and the defaults are safe."""

from __future__ import annotations

import hashlib
import io
import json
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
def serving(root: Path, *args: str) -> Iterator[str]:
    """``thesis serve`` on the study at ``root`` (a free port); yields the site's URL once it is up."""
    port = _free_port()
    argv = [sys.executable, "-m", "thesiskit.cli", "serve", "--project", str(root), "--port", str(port), *args]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
