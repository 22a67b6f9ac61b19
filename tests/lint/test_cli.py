"""``thesis lint`` on the command line: exit codes 0 (clean), 1 (errors), 2 (usage or bad input)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.lint.helpers import make_study, write
from thesiskit.cli import main

CLEAN = {"docs/a.md": "# A\n\nSom vist [@thagaard2013, s. 45].\n"}
BIB_CLEAN = "@book{thagaard2013, author = {Thagaard, Tove}, title = {T}, publisher = {P}, year = {2013}}\n"


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_clean_study_without_report_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, CLEAN, bib=BIB_CLEAN)
    assert not (root / "report").exists()
    code, out = lint(capsys, "--project", str(root))
    assert (code, out) == (0, "")


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@ukjent2010].\n"}, bib=BIB_CLEAN)
    code, out = lint(capsys, "--project", str(root))
    assert code == 1
    assert out.startswith("docs/a.md:1:5: CIT001 ")


def test_warnings_exit_0_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Vi var i Drammen [@thagaard2013].\n"}, bib=BIB_CLEAN)
    assert lint(capsys, "--project", str(root))[0] == 0
    assert lint(capsys, "--project", str(root), "--strict")[0] == 1


def test_bib_syntax_error_is_a_finding_not_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, CLEAN, bib=BIB_CLEAN + "@book{x, author = {A\n")
    code, out = lint(capsys, "--project", str(root))
    assert code == 1 and "CIT008" in out


@pytest.mark.parametrize(
    "files",
    [
        {"report/study.yaml": "title: [unclosed\n"},
        {"report/quotes/q.yaml": "- id: q\n  text: 'unclosed\n"},
        {"report/study.yaml": "title: T\nlint:\n  rules: {XYZ001: off}\n"},
        {"report/study.yaml": "title: T\nlint:\n  rules: {CIT001: loud}\n"},
    ],
    ids=["study yaml syntax", "record yaml syntax", "unknown code in config", "bad level"],
)
def test_bad_input_exits_2(files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, CLEAN, bib=BIB_CLEAN)
    for rel, text in files.items():
        write(root, rel, text)
    code, out = lint(capsys, "--project", str(root))
    assert code == 2
    assert "report/" in out and "Traceback" not in out


def test_not_utf8_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, CLEAN, bib=BIB_CLEAN)
    (root / "docs" / "b.md").write_bytes(b"caf\xe9\n")
    code, out = lint(capsys, "--project", str(root))
    assert code == 2 and "docs/b.md:1" in out


def test_not_a_study_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, "--project", str(tmp_path))[0] == 2


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, CLEAN, bib=BIB_CLEAN)
    assert lint(capsys, "--project", str(root), "--format", "xml")[0] == 2
    assert lint(capsys, "--project", str(root), "--select", "NOPE1")[0] == 2
    assert lint(capsys, "--project", str(root), "docs/missing.md")[0] == 2
    assert lint(capsys, "--explain", "XYZ999")[0] == 2


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = lint(capsys, "--explain", "cit004")
    assert code == 0 and out.startswith("CIT004 (error): An author name") and "Example" in out


def test_select_ignore_and_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(
        tmp_path, {"docs/a.md": "Se [@ukjent2010] i Drammen.\n", "docs/b.md": "Se [@ukjent2011].\n"}, bib=BIB_CLEAN
    )
    code, out = lint(capsys, "--project", str(root), "--format", "json")
    assert {(f["path"], f["rule"]) for f in json.loads(out)["findings"]} >= {
        ("docs/a.md", "CIT001"),
        ("docs/b.md", "CIT001"),
        ("docs/a.md", "ANO006"),
    }
    code, out = lint(capsys, "--project", str(root), "--format", "json", "--select", "ANO")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"ANO006"} and code == 0
    code, out = lint(capsys, "--project", str(root), "--format", "json", "--ignore", "CIT001,CIT002,ANO006")
    assert json.loads(out)["findings"] == [] and code == 0
    code, out = lint(capsys, "--project", str(root), "--format", "json", str(root / "docs" / "b.md"))
    assert {f["path"] for f in json.loads(out)["findings"]} == {"docs/b.md"} and code == 1


def test_formats_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_study(tmp_path, {"docs/a.md": "Se [@ukjent2010].\n"}, bib=BIB_CLEAN)
    code, out = lint(capsys, "--project", str(root), "--format", "sarif")
    assert code == 1 and json.loads(out)["version"] == "2.1.0"
    code, out = lint(capsys, "--project", str(root), "--format", "github")
    assert code == 1 and out.startswith("::error file=docs/a.md,line=1,col=5,title=CIT001::")
