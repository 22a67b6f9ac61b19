"""The edition's anonymity changes: recorded as classes with counts, guarded by ANO011."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, SOURCE_TXT
from tests.edition.conftest import STUDY_PARTS
from tests.pdf.pdfcheck import Pdf, normalize
from thesiskit.lint import LintOptions, lint_project
from thesiskit.project import open_project
from thesiskit.records import load_records

RECORDS = load_records(open_project(REPO))


def test_anonymity_records_have_no_place_and_no_original() -> None:
    anon = [c for c in RECORDS.changes if c.kind == "anonymitet"]
    assert anon, "the edition records its anonymity changes"
    for c in anon:
        assert c.place is None and c.original is None and c.count, c
    pronouns = [c for c in anon if "pronomen" in c.edition]
    assert [c.count for c in pronouns] == [6]


def test_published_change_list_gives_no_place_for_anonymity_changes(real_build: Path) -> None:
    page = (real_build / "site" / "om-utgaven" / "index.html").read_text("utf-8")
    section = page.split('id="endringer-anonymitet"', 1)[1].split("<h3", 1)[0]
    assert "6 kjønnede pronomen" in section
    assert "[kjønnet pronomen]" not in page and "røper" not in section
    assert "<table" not in section  # no Sted / Originalen columns


def _copy(tmp: Path) -> Path:
    root = tmp / "study"
    root.mkdir()
    for part in STUDY_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part, ignore=shutil.ignore_patterns("site", "build"))
        elif src.exists():
            shutil.copy2(src, root / part)
    return root


@pytest.mark.skipif(not SOURCE_TXT.is_file(), reason=f"submitted text not found at {SOURCE_TXT}")
def test_gate_fails_when_a_removed_name_comes_back(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    appendix = root / "docs" / "vedlegg" / "4-nsd.md"
    # the contact person's name (hashed in report/changes/anonymitet.yaml; the repository never spells it)
    # is read from the submitted text and pasted back in place of its mark
    found_name = re.search(r"^Kontaktperson: (.+?) tlf:", SOURCE_TXT.read_text("utf-8"), re.M)
    assert found_name
    name = found_name.group(1)
    appendix.write_text(appendix.read_text("utf-8").replace("Kontaktperson: [navn fjernet]", f"Kontaktperson: {name}"))
    found = [f for f in lint_project(root, LintOptions(select=("ANO011",))) if f.rule == "ANO011"]
    assert [f.path for f in found] == ["docs/vedlegg/4-nsd.md"]
    assert all(name not in f.message for f in found)


def test_gate_fails_on_a_pronoun_record_with_its_place(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    extra = root / "report" / "changes" / "zz.yaml"
    extra.write_text("- place: personlige-mal\n  kind: anonymitet\n  count: 1\n  edition: pronomen rettet\n", "utf-8")
    found = [f for f in lint_project(root, LintOptions(select=("ANO011",))) if f.rule == "ANO011"]
    assert [(f.path, f.line) for f in found] == [("report/changes/zz.yaml", 1)]


def test_submission_pdf_has_no_edition_marks_and_no_page_markers(real_build: Path) -> None:
    text = normalize(Pdf(real_build / "build" / "thesis-submission.pdf").text)
    assert "[?]" not in text and "[s. " not in text and "Utgavens merknad" not in text
    edition = normalize(Pdf(real_build / "build" / "thesis.pdf").text)
    assert "[?]" in edition and "[s. 57]" in edition and "Utgavens merknad" in edition


def test_no_published_output_repeats_the_old_pronoun_records(real_build: Path) -> None:
    """The records before c4d9d87 (still in the git history) said where a pronoun «røper informantens
    kjønn» and wrote «[kjønnet pronomen]» for it; nothing published may say so again: the site, the
    Markdown tree it is built from, both PDFs and CITATION.cff."""
    from pypdf import PdfReader

    texts = {str(p.relative_to(real_build)): p.read_text("utf-8") for p in (real_build / "site").rglob("*.html")}
    texts |= {str(p.relative_to(real_build)): p.read_text("utf-8") for p in (real_build / "build").rglob("*.md")}
    texts["CITATION.cff"] = (real_build / "CITATION.cff").read_text("utf-8")
    for pdf in ("thesis.pdf", "thesis-submission.pdf"):
        texts[pdf] = " ".join(p.extract_text() or "" for p in PdfReader(real_build / "build" / pdf).pages)
    assert len(texts) > 40
    for name, text in texts.items():
        flat = re.sub(r"\s+", " ", text)
        assert "røper informantens kjønn" not in flat and "kjønnet pronomen" not in flat, name
