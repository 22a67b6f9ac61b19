"""Atomic publishing: site, Markdown tree and PDF change together. A build killed (SIGKILL) between
any two renames of its publish step leaves a state the next build's recovery step makes whole."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thesiskit.cli import main
from thesiskit.project import open_project
from thesiskit.publish import JOURNAL, recover

from ..conftest import SAMPLES

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import thesiskit.publish as publish
    from thesiskit.cli import main
    limit, real, count = int(sys.argv[1]), publish._rename, [0]
    def rename(a, b):
        if count[0] == limit:
            os.kill(os.getpid(), signal.SIGKILL)
        count[0] += 1
        real(a, b)
    publish._rename = rename
    sys.exit(main(["build", "--project", sys.argv[2]]))
    """
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("publish") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _state(root: Path) -> str:
    """Which build's outputs are in place: "old", "new", or a description of the mix."""
    site = (root / "site" / "vedlegg" / "index.html").read_text("utf-8")
    markdown = (root / "build" / "markdown" / "vedlegg.md").read_text("utf-8")
    same_pdf = _sha(root / "site" / "thesis.pdf") == _sha(root / "build" / "thesis.pdf")
    config = (root / "build" / "mkdocs.yml").read_text("utf-8")
    cff = (root / "CITATION.cff").read_text("utf-8")
    parts = {"NYTT-MERKE" in site, "NYTT-MERKE" in markdown, "NYTT-MERKE" in config, "NYTT-MERKE" in cff}
    if len(parts) == 1 and same_pdf:
        return "new" if parts.pop() else "old"
    mix = {"site": site, "markdown": markdown, "build/mkdocs.yml": config, "CITATION.cff": cff}
    return f"mixed: {[k for k, v in mix.items() if 'NYTT-MERKE' in v]} new, same pdf {same_pdf}"


def _edit(root: Path) -> None:
    """A change that reaches every output: a chapter, and mkdocs.yml (CITATION.cff, build/mkdocs.yml)."""
    chapter = root / "docs" / "vedlegg.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nNYTT-MERKE\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    extra = "site_description: Om NYTT-MERKE\nextra:\n  merke: NYTT-MERKE\n"
    config.write_text(config.read_text("utf-8") + extra, encoding="utf-8")


RENAMES = 12
"""Site, Markdown tree, PDF, Typst folder, build/mkdocs.yml and CITATION.cff, each out and in."""


@pytest.mark.parametrize("kill_at", range(RENAMES + 1))
def test_a_kill_between_renames_is_made_whole_by_the_next_build(built: Path, tmp_path: Path, kill_at: int) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    _edit(root)
    proc = subprocess.run([sys.executable, "-c", KILLER, str(kill_at), str(root)], capture_output=True, text=True)
    killed = proc.returncode == -signal.SIGKILL
    assert killed or proc.returncode == 0, proc.stderr
    recover(open_project(root))  # what the next build does first
    assert killed or kill_at >= RENAMES
    assert _state(root) == "new"  # the journal was written before the first rename: the publish is finished
    assert not (root / "build" / JOURNAL).exists()
    assert not list((root / "build").glob(".staging-*"))


def test_a_rename_that_fails_puts_every_old_output_back(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    _edit(root)
    if subprocess.run(["chattr", "+i", str(root / "build" / "thesis.pdf")], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here (needs root on ext4); .ci/run runs as root")
    try:
        assert main(["build", "--project", str(root)]) == 2  # like a PDF held open in a Windows viewer
    finally:
        subprocess.run(["chattr", "-i", str(root / "build" / "thesis.pdf")], check=True)
    assert _state(root) == "old"
    assert not list((root / "build").glob(".staging-*"))


def _pandoc_for(root: Path) -> list[int]:
    """Pids of Pandoc processes working on this study (their command line names its references.bib)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if (
            cmd
            and b"pandoc" in Path(cmd[0].decode(errors="replace")).name.encode()
            and any(str(root).encode() in part for part in cmd)
        ):
            found.append(int(proc.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc (Linux) to see Pandoc")
def test_sigterm_stops_pandoc_and_removes_staging(built: Path, tmp_path: Path) -> None:
    import time

    root = tmp_path / "mini"
    shutil.copytree(built, root)
    shutil.rmtree(root / "build" / ".cache")  # Pandoc must run
    before = _sha(root / "build" / "thesis.pdf")
    proc = subprocess.Popen([sys.executable, "-m", "thesiskit.cli", "build", "--project", str(root)])
    deadline = time.monotonic() + 120  # a guard against a hang, not a speed goal
    while not _pandoc_for(root) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before Pandoc was seen"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 143
    assert _pandoc_for(root) == []
    assert not list((root / "build").glob(".staging-*"))
    assert _sha(root / "build" / "thesis.pdf") == before
