"""Two whole ``thesis build`` processes on one study at once: both finish (the second waits for the
lock on build/.lock), the published site and PDF come from one build, and the cache holds no wrong PDF."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from thesiskit.cli import main

from ..conftest import SAMPLES

pytestmark = pytest.mark.xdist_group("race")  # two builds at once: not alongside other heavy tests

EPOCHS = {"a": "1600000000", "b": "1700000000"}  # 2020-09-13 and 2023-11-14: each build dates its outputs
DAYS = {"a": "2020-09-13", "b": "2023-11-14"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build(root: Path, which: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCHS[which]}
    argv = [sys.executable, "-m", "thesiskit.cli", "build", "--project", str(root)]
    return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _pdf_day(path: Path) -> str:
    created = str(PdfReader(path).metadata["/CreationDate"])  # D:YYYYMMDD…
    return f"{created[2:6]}-{created[6:8]}-{created[8:10]}"


def _site_day(root: Path) -> str:
    sitemap = (root / "site" / "sitemap.xml").read_text("utf-8")
    return sitemap.split("<lastmod>", 1)[1][:10]


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each build's PDF, made alone in a fresh copy (the bytes a racing build must publish and cache)."""
    out = {}
    for which, epoch in EPOCHS.items():
        root = tmp_path_factory.mktemp(f"alone-{which}") / "mini"
        shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
        os.environ["SOURCE_DATE_EPOCH"] = epoch
        try:
            assert main(["build", "--project", str(root)]) == 0
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        out[which] = _sha(root / "build" / "thesis.pdf")
    assert out["a"] != out["b"]
    return out


@pytest.mark.parametrize("cached", [False, True], ids=["clean", "cached"])
def test_two_racing_builds_publish_one_consistent_set(tmp_path: Path, alone: dict[str, str], cached: bool) -> None:
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    if cached:  # a first build, so the race is in the publish step, not in Pandoc and Typst
        assert main(["build", "--project", str(root)]) == 0
    procs = {"a": _build(root, "a"), "b": _build(root, "b")}
    results = {}
    for which, proc in procs.items():
        with proc:
            out, err = proc.communicate(timeout=600)
            results[which] = (proc.returncode, out, err)
    for which, (code, out, err) in results.items():
        assert code == 0, (which, out, err)
        assert "Traceback" not in err
    assert _sha(root / "site" / "thesis.pdf") == _sha(root / "build" / "thesis.pdf")
    winner = "a" if _pdf_day(root / "build" / "thesis.pdf") == DAYS["a"] else "b"
    assert _site_day(root) == DAYS[winner]  # site and PDF from the same build
    assert _sha(root / "build" / "thesis.pdf") == alone[winner]
    assert not list((root / "build").glob(".staging-*"))
    # every cached PDF is one of the two builds' own: each comes back byte for byte from the cache
    for which in EPOCHS:
        os.environ["SOURCE_DATE_EPOCH"] = EPOCHS[which]
        try:
            assert main(["build", "--project", str(root)]) == 0
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]
        assert _sha(root / "build" / "thesis.pdf") == alone[which], which


HOLD = textwrap.dedent(
    """
    import sys, time
    from filelock import FileLock
    with FileLock(sys.argv[1], preserve_lock_file=True):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_a_second_build_waits_for_the_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lock is filelock's (an OS lock on POSIX and Windows): a build waits while another process holds it."""
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    (root / "build").mkdir()
    argv = [sys.executable, "-c", HOLD, str(root / "build" / ".lock"), "3"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["build", "--project", str(root), "--no-pdf"]) == 0
        assert holder.poll() is not None  # the build went on only after the holder let go
    assert "Another build of this study is publishing" in capsys.readouterr().err
