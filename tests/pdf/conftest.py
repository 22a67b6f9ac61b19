"""Build PDFs through the pipeline's own steps (sources → figures → rendered pages → build_pdf)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from thesiskit.build import Sources, pdf_input, read_sources
from thesiskit.cite.scan import scan
from thesiskit.figures.files import write_figures
from thesiskit.pdf import build_pdf
from thesiskit.project import open_project

from .pdfcheck import Expected

SAMPLE = Path(__file__).resolve().parent / "sample"
STUDY_PARTS = ("mkdocs.yml", "docs", "report", "templates", "references.bib")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*(?:\{[^{}]*\})?[ \t]*$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


@dataclass
class Built:
    """A study built to PDF: where and what went in."""

    root: Path
    src: Sources
    figures: dict[str, Path]

    def pdf(self, submission: bool = False) -> Path:
        """Path of the built PDF."""
        return self.root / "build" / ("thesis-submission.pdf" if submission else "thesis.pdf")

    def build(self, submission: bool, out: Path | None = None) -> Path:
        """Build one variant (again) to ``out``."""
        out = out or self.pdf(submission)
        build_pdf(pdf_input(self.src, self.figures, submission, "typst"), out)
        return out

    def expected(self, submission: bool = False, min_pages: int = 1) -> Expected:
        """What the checks expect, read from the sources."""
        inp = pdf_input(self.src, self.figures, submission, "typst")
        study = self.src.records.study
        headings: list[str] = []
        cited: dict[str, tuple[str, str]] = {}
        for page in inp.pages:
            text = _FENCE.sub("", page.markdown)
            headings += [re.sub(r"[*_`\\]", "", m.group(1)) for m in _HEADING.finditer(text)]
            for cluster in scan(page.markdown):
                for item in cluster.items:
                    entry = self.src.bib.entries[item.key]
                    title = re.sub(r"[{}]", "", entry.fields.get("title", "")).split()
                    first = entry.family_names[0] if entry.family_names else " ".join(title[:2])
                    cited[item.key] = (first, entry.year)
        author = f"Kandidatnummer {study.candidate_number}" if submission else study.author.name
        n_figures = sum(1 for f in inp.floats.items if f.series == "figure")
        return Expected(study.title, author, headings, n_figures, cited, min_pages)


def build_copy(source: Path, dest: Path, *, submission: bool = True) -> Built:
    """Copy a study to ``dest`` (without outputs) and build its PDFs."""
    dest.mkdir(parents=True)
    for part in STUDY_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("site", "build"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    if not (dest / "references.bib").is_file():
        write_stand_in_bib(dest)
    src = read_sources(open_project(dest))
    figures = write_figures(src.records, dest / "build" / "figures")
    built = Built(dest, src, figures)
    built.build(False)
    if submission:
        built.build(True)
    return built


def write_stand_in_bib(root: Path) -> None:
    """While references.bib is being written: one plain book entry for every cited key."""
    keys: set[str] = set()
    for path in [*(root / "docs").rglob("*.md"), *(root / "report").rglob("*.yaml")]:
        keys |= {item.key for c in scan(path.read_text("utf-8")) for item in c.items}
    entries = []
    for key in sorted(keys):
        family = re.sub(r"[\d-]+[a-z]?$|-ua$", "", key).capitalize() or "Ukjent"
        year = (re.findall(r"\d{4}", key) or ["2000"])[0]
        entries.append(
            f"@book{{{key},\n  author = {{{family}, Ola}},\n  title = {{Tittel {key}}},\n"
            f"  year = {{{year}}},\n  publisher = {{Forlag}}\n}}\n"
        )
    (root / "references.bib").write_text("\n".join(entries), "utf-8")


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample study (tests/pdf/sample), built once: thesis.pdf and thesis-submission.pdf."""
    return build_copy(SAMPLE, tmp_path_factory.mktemp("pdf-sample") / "study")
