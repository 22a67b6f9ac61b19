"""The cache cannot lie (thesiskit/cache.py): a corrupt entry of any kind is discarded and rebuilt,
never published; entries are written whole or not at all."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from thesiskit import cache
from thesiskit.cli import main

from ..conftest import SAMPLES


def test_entry_round_trip_and_corruption_is_a_miss(tmp_path: Path) -> None:
    path = cache.entry(tmp_path, "x", "abc")
    cache.write(path, b"payload")
    assert cache.read(path) == b"payload"
    data = path.read_bytes()
    for broken in (data[:-2], data + b"!", data.replace(b"payload", b"paylaod"), b"", b"{}"):
        path.write_bytes(broken)
        assert cache.read(path) is None
        assert not path.exists()  # discarded, so the next build writes it again
    cache.write_json(path, {"a": 1})
    assert cache.read_json(path) == {"a": 1}
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["pdf", "typstpage", "cites", "citeproc", "figures"])
@pytest.mark.parametrize("damage", ["truncate", "garble"])
def test_a_corrupt_entry_is_rebuilt_not_published(built: Path, tmp_path: Path, kind: str, damage: str) -> None:
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    good = {p: _sha(root / p) for p in ("build/thesis.pdf", "site/thesis.pdf", "build/markdown/litteratur.md")}
    entries = sorted((root / "build" / ".cache").glob(f"{kind}-*"))
    assert entries, kind
    for e in entries:
        data = e.read_bytes()
        e.write_bytes(data[: len(data) // 2] if damage == "truncate" else data.replace(b"a", b"o"))
    if kind in ("typstpage", "cites"):  # else the whole PDF comes from its own entry and Pandoc is not asked
        for e in (root / "build" / ".cache").glob("pdf-*"):
            e.unlink()
    shutil.rmtree(root / "site")
    assert main(["build", "--project", str(root)]) == 0
    assert {p: _sha(root / p) for p in good} == good  # the same bytes as the clean build
    # the build wrote its entry again, whole (a copied study may use another key for Pandoc's entry:
    # its paths are part of it; the damaged entry of the old key is then never read, and pruned later)
    now = sorted((root / "build" / ".cache").glob(f"{kind}-*"))
    assert any(cache.read(e) is not None for e in now)
    if kind not in ("typstpage", "cites"):
        assert all(cache.read(e) is not None for e in entries)


def _refuse(what: str):  # type: ignore[no-untyped-def]
    def run(*_a: object, **_k: object) -> None:
        raise AssertionError(f"{what} ran: the moved study missed the cache")

    return run


@pytest.mark.parametrize("level", ["pdf", "pages"])
def test_a_moved_study_hits_the_cache(
    built: Path, tmp_path: Path, level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No absolute path in a cache key: the study moved to another folder builds from its cache, to the same bytes.

    ``pdf``: the whole PDF's entry is used (neither Pandoc nor Typst runs); ``pages``: without it, each
    page's Typst comes from the Pandoc cache (Typst compiles, Pandoc does not run).
    """
    import markdown

    import thesiskit.cite.citeproc as citeproc
    import thesiskit.pdf.convert as convert
    import thesiskit.pdf.typst as typst

    first = tmp_path / "a" / "mini"
    shutil.copytree(built, first)
    outputs = ("build/thesis.pdf", "site/thesis.pdf", "site/index.html", "build/markdown/litteratur.md")
    good = {p: _sha(first / p) for p in outputs}
    moved = tmp_path / "b" / "et annet sted" / "mini"
    moved.parent.mkdir(parents=True)
    first.rename(moved)
    if level == "pages":
        for e in (moved / "build" / ".cache").glob("pdf-*"):
            e.unlink()
    else:
        monkeypatch.setattr(typst, "compile_typst", _refuse("Typst"))
    monkeypatch.setattr(convert, "run_pandoc", _refuse("Pandoc (Typst)"))
    monkeypatch.setattr(citeproc, "run_pandoc", _refuse("Pandoc (citeproc)"))
    monkeypatch.setattr(markdown.Markdown, "convert", _refuse("Python-Markdown (MkDocs' pages)"))
    shutil.rmtree(moved / "site")
    assert main(["build", "--project", str(moved)]) == 0
    assert {p: _sha(moved / p) for p in good} == good
