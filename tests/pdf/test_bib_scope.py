"""A references.bib edit re-runs Pandoc only on the pages it can change, and the PDF stays that of a clean build.

One copy of the mini sample, with more works cited on other pages, is edited step by step and its
PDF rebuilt with its cache; after every step a copy of its sources is built clean and the two PDFs
compared as bytes. Each Pandoc run of the incremental build is recorded (the pages it converted),
so that the test also shows which pages a bib edit re-ran: an entry nothing cites re-runs none, a
cited entry's title (which no citation shows) the reference list alone, and a change that can change how
another entry is cited (its author, its year, or the title of one of two works that share an author
and a year) every page that cites something.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from thesiskit.build import BuildOptions, build_study
from thesiskit.pdf import convert
from thesiskit.pdf.document import SOURCE_MARK

from ..conftest import SAMPLES
from ..edits import Edit, replace

MORE = """
@book{lie2019t,
  author = {Lie, Kari},
  title = {Arbeid og stolthet},
  publisher = {Universitetsforlaget},
  address = {Oslo},
  year = {2019}
}

@book{lie2019u,
  author = {Lie, Kari},
  title = {Byråkrati i endring},
  publisher = {Universitetsforlaget},
  address = {Oslo},
  year = {2019}
}

@book{moe2018,
  author = {Moe, Ola},
  title = {Ledelse nedenfra},
  publisher = {Gyldendal},
  address = {Oslo},
  year = {2018}
}

@book{dahl2020,
  author = {Dahl, Eva},
  title = {Tillit i forvaltningen},
  publisher = {Gyldendal},
  address = {Oslo},
  year = {2020}
}

@book{ukjent2001,
  author = {Ukjent, Ulla},
  title = {Ingen siterer denne},
  publisher = {Gyldendal},
  year = {2001}
}
"""

CITING = "docs/01-innledning.md", "docs/02-funn.md", "docs/vedlegg.md", "docs/om-utgaven.md", "docs/litteratur.md"
"""The pages that cite something (litteratur.md: the reference list; om-utgaven.md: the changes record)."""


def _both(first: Edit, then: Edit) -> Edit:
    def edit(root: Path) -> None:
        first(root)
        then(root)

    return edit


# (what is edited, the edit, the pages whose Typst Pandoc makes again, a text the new PDF's Typst holds)
EDITS: list[tuple[str, Edit, set[str], str]] = [
    ("an entry nothing cites", replace("references.bib", "Ingen siterer denne", "Ingen siterer dette"), set(), ""),
    (
        "a cited entry's title",
        replace("references.bib", "Stolthet i offentlig sektor", "Stolthet i sektoren"),
        {"docs/litteratur.md"},  # a citation shows its authors and year: the reference list alone
        "Stolthet i sektoren",
    ),
    (
        # lie2019t (cited on 01-innledning) now sorts after lie2019u: vedlegg's 2019b becomes 2019a
        "the title of one of two works by one author in one year",
        replace("references.bib", "Arbeid og stolthet", "Yrke og stolthet"),
        set(CITING),
        "<ref-lie2019u>)[2019a]",
    ),
    (
        # shares a surname with moe2018 (cited on vedlegg only): that citation gets the initial
        "a cited entry's author",
        replace("references.bib", "author = {Dahl, Eva}", "author = {Moe, Per}"),
        set(CITING),
        "O. Moe",
    ),
    (
        # the same author and year as moe2018: vedlegg's Moe (2018) becomes 2018a or 2018b
        "a cited entry's author and year",
        _both(
            replace("references.bib", "{Moe, Per}", "{Moe, Ola}"),
            replace("references.bib", "year = {2020}", "year = {2018}"),
        ),
        set(CITING),
        "<ref-moe2018>)[2018a]",
    ),
]


def _copy_sources(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("site", "build", "expected"))


def _study(root: Path) -> None:
    _copy_sources(SAMPLES / "mini", root)
    bib = root / "references.bib"
    bib.write_text(bib.read_text("utf-8") + MORE, "utf-8")
    for rel, text in (
        ("docs/01-innledning.md", "\n\nSe også @lie2019t.\n"),
        ("docs/02-funn.md", "\n\nJf. @dahl2020.\n"),
        ("docs/vedlegg.md", "\n\nSe @lie2019u og @moe2018.\n"),
    ):
        (root / rel).write_text((root / rel).read_text("utf-8") + text, "utf-8")


_PAGE = re.compile(rf"^{re.escape(SOURCE_MARK)}(docs/\S+)$", re.M)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[set[str]]]:
    """The pages of each Pandoc run of the PDF step (monkeypatched into pdf/convert.py)."""
    seen: list[set[str]] = []
    real = convert.run_pandoc

    def recording(args: list[str], stdin: str = "", **kw: object) -> str:
        seen.append(set(_PAGE.findall(stdin)))
        return real(args, stdin=stdin, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(convert, "run_pandoc", recording)
    yield seen


def _pdf(root: Path) -> bytes:
    build_study(root, BuildOptions(site=False, gate=False))
    return (root / "build" / "thesis.pdf").read_bytes()


def test_bib_edit_reruns_only_the_pages_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runs: list[set[str]]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    study = tmp_path / "study"
    _study(study)
    _pdf(study)
    typst = study / "build" / ".typst" / "thesis" / "main.typ"
    assert "<ref-lie2019u>)[2019b]" in typst.read_text("utf-8") and "O. Moe" not in typst.read_text("utf-8")
    for n, (what, edit, rerun, shows) in enumerate(EDITS):
        edit(study)
        runs.clear()
        incremental = _pdf(study)
        pages, count = set().union(*runs), len(runs)
        clean = tmp_path / f"clean-{n}"
        _copy_sources(study, clean)
        assert _pdf(clean) == incremental, f"after editing {what}: the incremental PDF is not the clean build's"
        assert pages == rerun, f"editing {what} re-ran Pandoc on {sorted(pages)}, not {sorted(rerun)}"
        assert count <= 1, f"editing {what} took {count} Pandoc runs"
        assert shows in typst.read_text("utf-8"), f"editing {what}: the PDF does not show {shows!r}"
