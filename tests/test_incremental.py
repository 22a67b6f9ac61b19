"""Incremental builds: after each kind of edit, a build that reuses build/.cache gives the same bytes
as a clean build of the same sources (site/, both PDFs).

One study is edited step by step and rebuilt with its cache; after every step a copy of its
sources is built clean in another folder and the two outputs compared file by file.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.cli import main
from thesiskit.render.env import KIT_TEMPLATES

from .conftest import SAMPLES
from .edits import replace

NEW_ENTRY = """
@book{hansen2010b,
  author = {Hansen, Per},
  title = {Samarbeid i teorien},
  publisher = {Fagbokforlaget},
  address = {Bergen},
  year = {2010},
  status = {verified},
  verification = {Eksempel}
}
"""


def _append(rel: str, extra: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text("utf-8") + extra, "utf-8")

    return edit


def _override_template(root: Path) -> None:
    """The study's own copies of the quote templates, with other quotation marks."""
    for target in ("site", "pdf"):
        kit = (KIT_TEMPLATES / target / "quote.md.j2").read_text("utf-8")
        assert "«" in kit and "»" in kit, "the kit's quote template changed: pick another edit"
        own = root / "templates" / target / "quote.md.j2"
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text(kit.replace("«", "“").replace("»", "”"), "utf-8")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("chapter paragraph", replace("docs/02-funn.md", "Stoltheten kan forstås", "Stoltheten kan kanskje forstås")),
    (
        "quote record",
        replace("report/quotes/funn.yaml", "Jeg ville valgt det samme igjen.", "Jeg ville valgt det samme."),
    ),
    ("figure record", replace("report/figures/modell.yaml", "label: Teknologi", "label: Teknikk")),
    # the finding's page has no title in the nav but its heading: every page's navigation changes
    ("finding title", replace("report/findings/stolte.yaml", "title: Stolte og engasjerte", "title: Stolte og ivrige")),
    ("references.bib: a title", replace("references.bib", "Stolthet i offentlig sektor", "Stolthet i sektoren")),
    ("references.bib: a new entry", _append("references.bib", NEW_ENTRY)),
    # the new work has the same author and year: every page citing Hansen (2010) now reads 2010a
    (
        "chapter citing another work",
        replace("docs/02-funn.md", "i lys av @berg2015.", "i lys av @berg2015 og @hansen2010b."),
    ),
    ("mkdocs.yml", replace("mkdocs.yml", "site_name: Et lite eksempel", "site_name: Et lite, redigert eksempel")),
    ("template", _override_template),
]


def _outputs(root: Path) -> dict[str, str]:
    files = sorted(p for p in (root / "site").rglob("*") if p.is_file())
    files += sorted((root / "build").glob("*.pdf"))
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _copy_sources(src: Path, dest: Path) -> None:
    """The study's sources without its outputs (site/, build/ and expected/ at the top only)."""
    outputs = {"site", "build", "expected"}
    shutil.copytree(src, dest, ignore=lambda folder, names: outputs & set(names) if Path(folder) == src else set())


def test_incremental_build_equals_clean_build_after_each_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    study = tmp_path / "study"
    _copy_sources(SAMPLES / "mini", study)
    assert main(["build", "--project", str(study), "--submission"]) == 0
    for n, (kind, edit) in enumerate(EDITS):
        before = _outputs(study)
        edit(study)
        assert main(["build", "--project", str(study), "--submission"]) == 0, kind
        clean = tmp_path / f"clean-{n}"
        _copy_sources(study, clean)
        assert main(["build", "--project", str(clean), "--submission"]) == 0, kind
        incremental, fresh = _outputs(study), _outputs(clean)
        differ = sorted(k for k in incremental.keys() | fresh.keys() if incremental.get(k) != fresh.get(k))
        assert not differ, f"after editing the {kind}: incremental and clean builds differ in {differ}"
        if kind != "references.bib: a new entry":  # an entry nothing cites is in no output
            assert incremental != before, f"editing the {kind} changed no output (the edit did not take)"
        if kind == "chapter citing another work":  # the page not edited was rendered again
            assert "2010a" in (study / "build" / ".typst" / "thesis" / "main.typ").read_text("utf-8")
