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
