"""``thesis build --docx``: the PDF's text as a Word document, read back with python-docx."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import yaml

from thesiskit.cli import main


def study_title(root: Path) -> str:
    return str(yaml.safe_load((root / "report" / "study.yaml").read_text(encoding="utf-8"))["title"])


def test_docx_has_the_pdf_text_numbered_with_pictures_and_references(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    assert main(["build", "--project", str(root), "--docx"]) == 0
    out = root / "build" / "thesis.docx"
    doc = docx.Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "1 Innledning" in headings and "1.1 Bakgrunn" in headings and "2.1 Stolthet" in headings
    assert "Vedlegg 1" in headings and "Litteraturliste" in headings  # unnumbered stay unnumbered
    assert len(doc.inline_shapes) == 1  # the graph figure, drawn as PNG
    heads = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Møte", "Kontor A", "Kontor B"] in heads  # table records are tables in Word too
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        styles = z.read("word/styles.xml").decode("utf-8")
    assert media and all(n.endswith(".png") for n in media)
    assert 'w:val="nb-NO"' in styles  # the document language
    refs = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Bibliography"]
    assert refs and all("(" in r for r in refs)
    text = "\n".join(p.text for p in doc.paragraphs)
    for site_only in ("Sitér", "Kopier", "Last ned PDF", "thesiskit-source"):
        assert site_only not in text
    titles = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Title"]
    assert titles == [study_title(root)]  # the study's title on top
    assert (root / "build" / "thesis.pdf").is_file()
