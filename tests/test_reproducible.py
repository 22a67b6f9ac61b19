"""Reproducible builds: two clean builds of the same sources give byte-identical site/ and PDFs.

The builds run in different folders, so no absolute path may leak into the outputs. Dates come
from SOURCE_DATE_EPOCH when it is set, else from the last commit when the study is a git
repository, else from the edition's date, else the submission date (never from the clock).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES

SITE_ENGINES = ("mkdocs", "zensical")


def _hashes(root: Path) -> dict[str, str]:
    """sha256 of every file of site/ and of the PDFs, by path."""
    files = sorted(p for p in (root / "site").rglob("*") if p.is_file())
    files += sorted((root / "build").glob("*.pdf"))
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _clean_build(dest: Path, *args: str) -> dict[str, str]:
    shutil.copytree(SAMPLES / "mini", dest, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(dest), "--submission", *args]) == 0
    return _hashes(dest)


@pytest.mark.parametrize("engine", SITE_ENGINES)
def test_two_clean_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _clean_build(tmp_path / "a" / "mini", "--site-engine", engine)
    second = _clean_build(tmp_path / "b" / "elsewhere", "--site-engine", engine)
    assert {"site/sitemap.xml", "site/thesis.pdf", "build/thesis.pdf", "build/thesis-submission.pdf"} <= set(first)
    assert len([k for k in first if k.endswith("index.html")]) > 10
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert not differ, f"differ between two clean builds: {differ}"
    # without SOURCE_DATE_EPOCH, and outside git, the dates are the edition's (report/study.yaml: 2021-03-01)
    sitemap = (tmp_path / "a" / "mini" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    _assert_dates(sitemap, "2021-03-01", engine)


def _assert_dates(sitemap: str, day: str, engine: str) -> None:
    """MkDocs dates every page of the sitemap; Zensical (0.0.x) writes no dates."""
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert "<loc>" in sitemap
    assert dates == {day} if engine == "mkdocs" else dates <= {day}


@pytest.mark.parametrize("engine", SITE_ENGINES)
def test_source_date_epoch_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    root = tmp_path / "mini"
    first = _clean_build(root, "--site-engine", engine)
    site = root / "site"
    _assert_dates((site / "sitemap.xml").read_text("utf-8"), "2023-11-14", engine)
    if engine == "mkdocs":  # Zensical writes no sitemap.xml.gz
        with gzip.open(site / "sitemap.xml.gz") as gz:
            gz.read()
        mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")  # gzip header MTIME
        assert dt.datetime.fromtimestamp(mtime, dt.UTC).date() == dt.date(2023, 11, 14)
    assert b"D:20231114221320" in (root / "build" / "thesis.pdf").read_bytes()  # PDF CreationDate
    shutil.rmtree(site)
    shutil.rmtree(root / "build")
    assert main(["build", "--project", str(root), "--submission", "--site-engine", engine]) == 0
    assert _hashes(root) == first


def test_dates_come_from_the_last_commit_of_a_study_in_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A study that is a git repository of its own: its outputs are dated by its last commit."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = tmp_path / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    when = "2022-02-03T04:05:06+00:00"
    env = {"HOME": str(tmp_path), "PATH": os.environ["PATH"]}
    for who in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{who}_DATE": when, f"GIT_{who}_NAME": "t", f"GIT_{who}_EMAIL": "t@t"}
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "sources"]):
        subprocess.run([git, "-C", str(root), *argv], check=True, env=env, capture_output=True)
    assert main(["build", "--project", str(root)]) == 0
    sitemap = (root / "site" / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"2022-02-03"}
    assert b"D:20220203040506" in (root / "build" / "thesis.pdf").read_bytes()  # PDF CreationDate
