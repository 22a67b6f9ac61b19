"""``thesis import FILE.docx``: a Word thesis becomes a study that builds, with a report of every change."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from thesiskit.build import BuildOptions, build_study
from thesiskit.cli import main
from thesiskit.lint import LintOptions, lint_project

from .docxfix import word_thesis

BIB = """\
@book{thagaard2013,
  author = {Thagaard, Tove},
  title = {Systematikk og innlevelse},
  publisher = {Fagbokforlaget},
  year = {2013}
}
@book{bukve2012,
  author = {Bukve, Oddbjørn},
  title = {Lokal forvaltning},
  publisher = {Det Norske Samlaget},
  year = {2012}
}
@book{hansen2011a,
  author = {Hansen, Hanne},
  title = {Samarbeid},
  publisher = {Gyldendal},
  year = {2011}
}
@book{hansen2011b,
  author = {Hansen, Hanne},
  title = {Ledelse},
  publisher = {Gyldendal},
  year = {2011}
}
"""


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    docx = word_thesis(tmp_path / "oppgave.docx", tmp_path)
    assert main(["import", str(docx), "--into", str(tmp_path / "study")]) == 0
    return tmp_path / "study"


def test_zotero_fields_become_citations_and_entries(imported: Path) -> None:
    chapter = (imported / "docs" / "01-innledning.md").read_text(encoding="utf-8")
    assert "[@thagaard2013, s. 45]" in chapter
    assert "[@lipsky1980]" in chapter
    bib = (imported / "references.bib").read_text(encoding="utf-8")
    assert "@book{thagaard2013," in bib and "@book{lipsky1980," in bib
    assert "title = {Systematikk og innlevelse: En innføring i kvalitativ metode}" in bib  # not title-cased


def test_chapters_headings_pictures_tables_quotes(imported: Path) -> None:
    first = (imported / "docs" / "01-innledning.md").read_text(encoding="utf-8")
    assert first.startswith("# Innledning {#innledning}\n")
    assert "## Bakgrunn {#bakgrunn}" in first  # hand-typed "1.1" removed
    assert "![En modell med tre bokser.](bilder/innledning-1.png)" in first
    assert (imported / "docs" / "bilder" / "innledning-1.png").is_file()
    second = (imported / "docs" / "02-metode.md").read_text(encoding="utf-8")
    assert "Tabell 1" not in second and "Informantene" in second  # the caption, numbered by the kit
    assert '{{ quote("vi-snakker-sammen-hver") }}' in second
    quotes = yaml.safe_load((imported / "report" / "quotes" / "02-metode.yaml").read_text(encoding="utf-8"))
    assert quotes == [
        {
            "id": "vi-snakker-sammen-hver",
            "informant": 3,
            "section": "metode",
            "attribution": "3",
            "text": "Vi snakker sammen hver dag, og det hjelper.",
        }
    ]
    nav = yaml.safe_load((imported / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {"Innledning": "01-innledning.md"} in nav and {"Metode": "02-metode.md"} in nav


def test_metadata_and_report(imported: Path) -> None:
    study = yaml.safe_load((imported / "report" / "study.yaml").read_text(encoding="utf-8"))
    assert study["title"] == "Samarbeid i sykepleien"
    assert study["author"] == {"given": "Kari", "family": "Nordmann"}
    assert study["language"] == "nb"
    report = (imported / "import-rapport.md").read_text(encoding="utf-8")
    assert report.startswith("# Importrapport: ") and "## Igjen for deg" in report  # in the study's language
    assert "det håndskrevne nummeret «1.1» ble fjernet" in report
    assert "har ingen alternativ tekst" in report  # the second picture
    assert "«Litteraturliste» lagt til side" in report
    assert (imported / "import" / "litteraturliste.md").read_text(encoding="utf-8").startswith("# Litteraturliste")
    assert "«Masteroppgave i sykepleie»" not in report and (imported / "import" / "forside.md").is_file()


def test_imported_study_lints_clean_and_builds(imported: Path, tmp_path: Path) -> None:
    # the picture Word gave no alt text is the gate's one error (MKD001) until the author writes one
    errors = [f for f in lint_project(imported, LintOptions()) if f.severity == "error"]
    assert [(f.rule, f.path) for f in errors] == [("MKD001", "docs/01-innledning.md")], [str(f) for f in errors]
    assert "innledning-2.png" in errors[0].message
    study = tmp_path / "with-alt"
    shutil.copytree(imported, study)
    chapter = study / "docs" / "01-innledning.md"
    text = chapter.read_text(encoding="utf-8")
    assert "![](bilder/innledning-2.png)" in text
    picture = '![Et diagram](bilder/innledning-2.png){fig-alt="To bokser med en pil."}'
    chapter.write_text(text.replace("![](bilder/innledning-2.png)", picture), "utf-8")
    errors = [f for f in lint_project(study, LintOptions()) if f.severity == "error"]
    assert not errors, [str(f) for f in errors]
    build_study(study, BuildOptions(pdf=False))
    html = (study / "site" / "01-innledning" / "index.html").read_text(encoding="utf-8")
    assert "Thagaard" in html and "bilder/innledning-1.png" in html


def test_hand_typed_citations_with_bib(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    plain = "Forvaltning er lokal (Bukve, 2012, s. 3-4). Hansen (2011) skriver om det. Se også (Nilsen, 2010)."
    docx = word_thesis(tmp_path / "o.docx", tmp_path, fields=False, plain=plain)
    assert main(["import", str(docx), "--bib", str(bib), "--into", str(tmp_path / "s")]) == 0
    text = (tmp_path / "s" / "docs" / "01-innledning.md").read_text(encoding="utf-8")
    assert "[@bukve2012, s. 3–4]" in text
    assert "Hansen (2011)" in text and "(Nilsen, 2010)" in text  # ambiguous and unknown: left as written
    report = (tmp_path / "s" / "import-rapport.md").read_text(encoding="utf-8")
    assert "Hansen (2011): several entries match (candidates: @hansen2011a, @hansen2011b)" in report
    assert "(Nilsen, 2010): no entry of references.bib matches" in report
    assert "@book{bukve2012," in (tmp_path / "s" / "references.bib").read_text(encoding="utf-8")


def test_mendeley_field_becomes_a_citation(tmp_path: Path) -> None:
    from docx import Document

    from .docxfix import MENDELEY, THAGAARD, zotero_field

    doc = Document()
    doc.add_heading("Innledning", 1)
    zotero_field(doc.add_paragraph("Som vist "), [{"id": "ITEM-1", "data": THAGAARD}], "(Thagaard, 2013)", MENDELEY)
    doc.save(str(tmp_path / "m.docx"))
    assert main(["import", str(tmp_path / "m.docx"), "--into", str(tmp_path / "s")]) == 0
    assert "[@thagaard2013]" in (tmp_path / "s" / "docs" / "01-innledning.md").read_text(encoding="utf-8")


def _corrupt(path: Path) -> None:
    word_thesis(path, path.parent)
    data = bytearray(path.read_bytes())
    data[200:400] = b"\0" * 200
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    from docx import Document

    Document().save(str(path))


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("notes.txt", lambda p: p.write_text("hei", encoding="utf-8"), "is not a Word .docx file"),
        ("locked.docx", lambda p: p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512), "password"),
        ("zip.docx", lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "not a Word document"),
        ("broken.docx", _corrupt, "corrupt"),
        ("empty.docx", _empty, "empty"),
    ],
)
def test_bad_input_one_line_exit_2_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: object, says: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    target = tmp_path / "study"
    assert main(["import", str(path), "--into", str(target)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and err.count("\n") <= 2, err
    assert not target.exists()


def test_the_import_speaks_the_document_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An English document gets an English report and message: the strings come from the locale table."""
    import docx as python_docx

    from thesiskit.lang import STRINGS

    source = word_thesis(tmp_path / "e.docx", tmp_path)
    doc = python_docx.Document(str(source))
    doc.core_properties.language = "en-GB"
    doc.save(str(source))
    capsys.readouterr()
    assert main(["import", str(source), "--into", str(tmp_path / "s")]) == 0
    said = " ".join(capsys.readouterr().err.split())
    assert said.startswith("The study is in ") and "things to do" in said, said
    report = (tmp_path / "s" / "import-rapport.md").read_text(encoding="utf-8")
    assert yaml.safe_load((tmp_path / "s" / "report" / "study.yaml").read_text("utf-8"))["language"] == "en"
    mkdocs = yaml.safe_load((tmp_path / "s" / "mkdocs.yml").read_text("utf-8"))
    assert mkdocs["theme"]["language"] == "en" and {"Home": "index.md"} in mkdocs["nav"]
    assert {"References": "litteratur.md"} in mkdocs["nav"]
    assert (tmp_path / "s" / "README.md").read_text("utf-8").startswith("# My master's thesis")
    assert report.startswith("# Import report: e.docx") and "## Left for the writer" in report
    assert "the hand-typed number “1.1” was removed" in report and "“Litteraturliste” set aside" in report
    norwegian = {v[lang].split("{")[0] for k, v in STRINGS.items() if k.startswith("import_") for lang in ("nb", "nn")}
    english = {v["en"].split("{")[0] for k, v in STRINGS.items() if k.startswith("import_")}
    left = sorted(s for s in norwegian - english if len(s) > 3 and s in report)
    assert left == [], left
