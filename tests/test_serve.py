"""``thesis serve``: the preview comes up, and an edit to a chapter reaches the served page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_serve_rerenders_an_edited_chapter(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    port = _free_port()
    argv = [sys.executable, "-m", "thesiskit.cli", "serve", "--project", str(root), "--port", str(port)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/mini/01-innledning/"
        _wait_for(url, "Samarbeid mellom etater er krevende")
        chapter = root / "docs" / "01-innledning.md"
        chapter.write_text(chapter.read_text("utf-8").replace("er krevende", "er svært krevende"), "utf-8")
        _wait_for(url, "Samarbeid mellom etater er svært krevende")
    finally:
        server.terminate()
        server.wait(timeout=20)


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except (urllib.error.URLError, ConnectionError):
        return b""


def test_serve_previews_the_pdf_and_recompiles_it_after_an_edit(sample_copy: Callable[[str], Path]) -> None:
    from pypdf import PdfReader

    root = sample_copy("mini")
    port = _free_port()
    argv = [sys.executable, "-m", "thesiskit.cli", "serve", "--project", str(root), "--port", str(port)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def served_text(must: str, seconds: float = 120) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pdf = _get(f"http://127.0.0.1:{port}/mini/thesis.pdf")
            if pdf.startswith(b"%PDF"):
                import io

                text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)
                if must in text:
                    return text
            time.sleep(0.5)
        raise AssertionError(f"{must!r} did not appear in the served PDF within {seconds} s")

    try:
        served_text("Samarbeid mellom etater er krevende")
        assert not (root / "build" / "thesis.pdf").exists(), "serve wrote the published PDF"
        chapter = root / "docs" / "01-innledning.md"
        chapter.write_text(chapter.read_text("utf-8").replace("er krevende", "er svært krevende"), "utf-8")
        served_text("Samarbeid mellom etater er svært krevende")
    finally:
        server.terminate()
        server.wait(timeout=20)


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
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "--port" in err
    assert "Traceback" not in err
    assert not (root / "build" / "serve").exists(), "it rendered before finding the port taken"
