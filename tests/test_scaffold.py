"""``thesis new``: an ordinary thesis that lints clean and builds at once; the edition apparatus is opt-in;
its publishing workflow runs (its shell steps, here) for a new study."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.pdf.pdfcheck import Pdf, normalize
from thesiskit.cli import main


def _lint(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["lint", "--project", str(root), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["findings"]


def test_a_new_study_is_an_ordinary_thesis_that_lints_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "min-oppgave"
    assert main(["new", str(root)]) == 0
    for rel in (".gitignore", "README.md", ".github/workflows/publish.yml", "requirements.txt", "docs/abstract.md"):
        assert (root / rel).is_file(), rel
    assert not (root / "docs" / "om-utgaven.md").exists()
    assert "status" not in (root / "references.bib").read_text("utf-8")
    assert "informant_pronoun" not in (root / "report" / "study.yaml").read_text("utf-8")
    assert _lint(capsys, root) == (0, [])


def test_a_new_study_builds_without_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "min-oppgave"
    assert main(["new", str(root)]) == 0
    capsys.readouterr()
    assert main(["build", "--project", str(root)]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err.lower() and "advarsel" not in err.lower(), err
    site = root / "site"
    for page in ("sammendrag", "abstract", "01-innledning", "02-metode", "03-funn", "funn/eksempel"):
        assert (site / page / "index.html").is_file(), page
    funn = (site / "03-funn" / "index.html").read_text("utf-8")
    assert "Her står informantens egne ord" in funn and "<blockquote" in funn
    metode = (site / "02-metode" / "index.html").read_text("utf-8")
    assert "Begrep A" in metode
    picture = re.search(r'<figure class="figur" id="fig-modell">(.*?)</figure>', metode, re.S)
    assert picture, "the scaffold's picture is on the site"
    assert 'alt="Tre bokser etter hverandre' in picture[1] and "Kilde: egen figur" in picture[1]
    assert any((site / d / "bilder" / "modell.svg").is_file() for d in ("", "02-metode"))
    assert 'lang="en"' in (site / "abstract" / "index.html").read_text("utf-8")
    informants = (site / "informanter" / "index.html").read_text("utf-8")
    assert "omtales med kodetall" in informants and "omtales som" not in informants  # no pronoun given
    pdf = Pdf(root / "build" / "thesis.pdf")
    text = normalize("".join(pdf.pages))
    assert "Figur 1: Modell for oppgaven Kilde: egen figur" in text
    alts = [t.alt for t in pdf.tags.find("Figure")]
    assert any(a and a.startswith("Tre bokser etter hverandre") for a in alts), alts


@pytest.mark.parametrize(
    ("language", "chapter", "words"),
    [
        ("en", "02-method", ("Figure 1: A model for the thesis Source: own figure", "Table 1: Concepts", "Supervisor")),
        ("nn", "02-metode", ("Figur 1: Modell for oppgåva Kjelde: eigen figur", "Tabell 1: Omgrep", "Rettleiar")),
    ],
)
def test_a_new_study_in_english_or_nynorsk(
    language: str, chapter: str, words: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``thesis new --language en|nn``: the starter text and every label in that language; it lints
    clean, builds without warnings, and its site and PDF hold none of the other languages' strings."""
    from .test_languages import foreign_strings, found, site_text

    root = tmp_path / "study"
    capsys.readouterr()
    assert main(["new", "--language", language, str(root)]) == 0
    said = capsys.readouterr().err
    assert ("New study in" if language == "en" else "Ny studie i") in said
    study = yaml.safe_load((root / "report" / "study.yaml").read_text("utf-8"))
    assert study["language"] == language and (root / ".gitignore").is_file()
    assert not (root / "docs" / "01-innledning.md").exists()
    assert _lint(capsys, root) == (0, [])
    assert main(["build", "--project", str(root)]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err.lower() and "advarsel" not in err.lower(), err
    page = (root / "site" / chapter / "index.html").read_text("utf-8")
    assert f'<html lang="{language}"' in page and '<figure class="figur" id="fig-' in page
    pdf = normalize("".join(Pdf(root / "build" / "thesis.pdf").pages))
    for word in words:
        assert word in pdf, word
    assert found(site_text(root / "site"), foreign_strings(language)) == []
    assert found(pdf, foreign_strings(language)) == []


def test_the_edition_apparatus_is_opt_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "utgave"
    assert main(["new", "--edition", str(root)]) == 0
    assert "{{ changes_list() }}" in (root / "docs" / "om-utgaven.md").read_text("utf-8")
    assert "om-utgaven.md" in (root / "mkdocs.yml").read_text("utf-8")
    code, findings = _lint(capsys, root)
    assert code == 0 and [f["rule"] for f in findings] == ["CIT011"]
    english = tmp_path / "edition-en"
    assert main(["new", "--edition", "--language", "en", str(english)]) == 0
    assert "# About this edition" in (english / "docs" / "om-utgaven.md").read_text("utf-8")
    assert "A book known only from the citations" in (english / "references.bib").read_text("utf-8")
    code, findings = _lint(capsys, english)
    assert code == 0 and [f["rule"] for f in findings] == ["CIT011"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_publishing_workflow_runs_for_a_new_study(tmp_path: Path) -> None:
    """The workflow's own shell steps (all but installing the kit, which is installed here) in a new
    study that is a git repository: SOURCE_DATE_EPOCH is the last commit's date, the gate and the build
    pass, and the PDF carries that date. The GitHub actions it uses (checkout, setup-python with the pip
    cache, Pages upload and deploy) cannot run here; the test checks they are there."""
    root = tmp_path / "min-oppgave"
    assert main(["new", str(root)]) == 0
    flow = yaml.safe_load((root / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps] + [
        s.get("uses", "").split("@")[0] for s in flow["jobs"]["deploy"]["steps"]
    ]
    assert {"actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(
        uses
    )
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    runs = [s["run"] for s in steps if "run" in s]
    assert not any("make" in r.split() for r in runs), "a new study has no Makefile"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    env = {**os.environ, "GIT_COMMITTER_DATE": "2024-05-02T10:00:00+00:00", "GIT_AUTHOR_DATE": "2024-05-02T10:00:00"}
    subprocess.run([*git, "commit", "-q", "-m", "start"], cwd=root, check=True, env=env)
    github_env = tmp_path / "github_env"
    github_env.touch()
    bindir = Path(sys.executable).parent
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(GITHUB_ENV=str(github_env), PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}")
    for run in runs:
        if "pip install" in run:
            continue
        for line in github_env.read_text("utf-8").splitlines():
            key, _, value = line.partition("=")
            env[key] = value
        proc = subprocess.run(["bash", "-c", run], cwd=root, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, (run, proc.stdout[-2000:], proc.stderr[-2000:])
    assert github_env.read_text("utf-8").strip() == "SOURCE_DATE_EPOCH=1714644000"
    from pypdf import PdfReader

    assert str(PdfReader(root / "build" / "thesis.pdf").metadata["/CreationDate"]).startswith("D:20240502")


def test_a_kit_installed_from_git_is_pinned_at_its_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thesiskit.scaffold as scaffold

    url = {"url": "https://example.org/kit.git", "vcs_info": {"vcs": "git", "commit_id": "0123abcd"}}

    class Dist:
        def read_text(self, name: str) -> str | None:
            return json.dumps(url) if name == "direct_url.json" else None

    monkeypatch.setattr(scaffold, "distribution", lambda name: Dist())
    assert main(["new", str(tmp_path / "s")]) == 0
    lines = (tmp_path / "s" / "requirements.txt").read_text("utf-8").splitlines()
    assert lines[-1] == "thesiskit @ git+https://example.org/kit.git@0123abcd"
    monkeypatch.setattr(scaffold, "distribution", lambda name: type("D", (), {"read_text": lambda s, n: None})())
    assert scaffold.kit_requirement() is None
