"""This edition through Word and back: ``thesis build --docx`` → ``thesis import`` → ``--docx`` again.

The second Word text must hold at least 97 % of the first one's word 6-grams, the imported chapters
every citation key of the edition's chapters (but the secondary citations, which the import leaves
to the writer), and every informant quote with its informant number.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml

from thesiskit.build import BuildOptions, build_study
from thesiskit.cite.scan import scan
from thesiskit.word.study import import_docx

from .conftest import _copy_study


def _words(path: Path) -> list[str]:
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return re.findall(r"[\w’'-]+", text.casefold())


def _grams(words: list[str], n: int = 6) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = _copy_study(tmp_path_factory.mktemp("edition") / "study")
    build_study(root, BuildOptions(site=False, pdf=False, docx=True, gate=False))
    back = root.parent / "back"
    import_docx(root / "build" / "thesis.docx", back, root / "references.bib")
    build_study(back, BuildOptions(site=False, pdf=False, docx=True, gate=False))
    return root, back


def test_text_survives(round_trip: tuple[Path, Path]) -> None:
    root, back = round_trip
    first = _grams(_words(root / "build" / "thesis.docx"))
    second = _grams(_words(back / "build" / "thesis.docx"))
    kept = len(first & second) / len(first)
    assert kept >= 0.97, f"{kept:.3f} of the 6-grams kept"


def test_every_citation_key_survives(round_trip: tuple[Path, Path]) -> None:
    root, back = round_trip

    def keys(folder: Path, *, secondary: bool) -> set[str]:
        out = set()
        for md in folder.rglob("*.md"):
            for cluster in scan(md.read_text(encoding="utf-8")):
                for item in cluster.items:
                    if secondary or "referert" not in item.prefix:
                        out.add(item.key)
        return out

    wanted = keys(root / "docs", secondary=False)
    assert wanted and wanted <= keys(back / "docs", secondary=True), wanted - keys(back / "docs", secondary=True)


def test_every_quote_survives_with_its_informant(round_trip: tuple[Path, Path]) -> None:
    root, back = round_trip
    imported = [q for f in (back / "report" / "quotes").glob("*.yaml") for q in yaml.safe_load(f.read_text("utf-8"))]
    chapters = " ".join(" ".join(md.read_text(encoding="utf-8").split()) for md in (back / "docs").rglob("*.md"))
    missing = []
    for f in (root / "report" / "quotes").glob("*.yaml"):
        for q in yaml.safe_load(f.read_text(encoding="utf-8")):
            text = " ".join(q["text"].split())
            as_record = any(" ".join(r["text"].split()) == text and r["informant"] == q["informant"] for r in imported)
            if not as_record and text not in chapters:
                missing.append(q["id"])
    assert not missing
