"""Bad input: every class stops the build with exit 2 (1 for gate findings), names file and line,
prints no traceback, and leaves the last good site/ and build/thesis.pdf byte-identical."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini sample, built once (site and PDF)."""
    root = tmp_path_factory.mktemp("good") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def _edit_replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _write_bytes(rel: str, data: bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).write_bytes(data)

    return edit


CASES = {
    "yaml-syntax": (_edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: [1\n"), 2,
                    "report/quotes/funn.yaml:", "YAML syntax error"),
    "schema": (_edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: en\n"), 2,
               "report/quotes/funn.yaml:2", "informant"),
    "unknown-quote": (_edit_replace("docs/02-funn.md", 'quote("s-kjekk-jobb")', 'quote("s-finnes-ikke")'), 2,
                      "docs/02-funn.md:7", "s-finnes-ikke"),
    "jinja-syntax": (_edit_replace("docs/02-funn.md", '{{ quote("s-kjekk-jobb") }}', '{{ quote("s-kjekk-jobb" }}'), 2,
                     "docs/02-funn.md:7", "Jinja syntax error"),
    "undefined-name": (_edit_replace("docs/02-funn.md", '{{ quote("s-kjekk-jobb") }}', "{{ sitat() }}"), 2,
                       "docs/02-funn.md:7", "sitat"),
    "unknown-key": (_edit_replace("docs/01-innledning.md", "@berg2015 [s. 3]", "@bergg2015 [s. 3]"), 1,
                    "docs/01-innledning.md:3", "bergg2015"),
    "bibtex-syntax": (_edit_replace("references.bib", "title = {Samarbeid i praksis},",
                                    "title = {Samarbeid i praksis,"), 2,
                      "references.bib:1", "BibTeX"),
    "not-utf8": (_write_bytes("docs/vedlegg.md", "# Vedlegg {#v .unnumbered}\n\nS\xf8lvi\n".encode("latin-1")), 2,
                 "docs/vedlegg.md:3", "UTF-8"),
    "missing-nav-file": (_edit_replace("mkdocs.yml", "vedlegg.md", "vedlegg-mangler.md"), 2,
                         "mkdocs.yml:", "vedlegg-mangler.md"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_outputs_survive(
    case: str, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, code, where, words = CASES[case]
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    before_site, before_pdf = _digest(root / "site"), (root / "build" / "thesis.pdf").read_bytes()
    edit(root)
    capsys.readouterr()
    assert main(["build", "--project", str(root)]) == code
    captured = capsys.readouterr()
    err = captured.err + captured.out
    assert where in err, err
    assert words in err, err
    assert "Traceback" not in err
    assert _digest(root / "site") == before_site
    assert (root / "build" / "thesis.pdf").read_bytes() == before_pdf
