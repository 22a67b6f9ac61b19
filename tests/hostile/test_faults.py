# ruff: noqa: E501  (one case per line reads better as a table)
"""Bad input and a hostile environment: exit 2, one line, no traceback, the last good outputs intact.

Each case edits a copy of the built mini sample (or its environment) and builds again through
``thesis build``; the site, the PDF and the Markdown tree must be byte-identical afterwards.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thesiskit.cli import main

from ..conftest import SAMPLES


def _digest(root: Path) -> dict[str, str]:
    out = {}
    for folder in (root / "site", root / "build" / "markdown"):
        for p in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if p.is_file():
                out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    for name in ("build/thesis.pdf", "build/mkdocs.yml", "CITATION.cff"):
        p = root / name
        if p.is_file():
            out[name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini sample built once with its PDF; each case works on a copy."""
    root = tmp_path_factory.mktemp("faults") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build", "expected"))
    assert main(["build", "--project", str(root)]) == 0
    return root


@pytest.fixture
def study(good: Path, tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "mini"
    shutil.copytree(good, root, symlinks=True)
    yield root
    subprocess.run(["chattr", "-R", "-i", str(root)], capture_output=True, check=False)


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def _laughs(indent: str) -> str:
    rows = [f"{indent}l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"{indent}l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 8)]
    return "\n".join(rows) + "\n"


NODE = "{id: d, label: Aktører, row: 3, col: 2}"
CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "date before 1970 (PDF too)": (_replace("report/study.yaml", "date: 2020-05-15", "date: 1905-05-15"), ""),
    "date after 2106": (_replace("report/study.yaml", "date: 2020-05-15", "date: 2207-05-15"), ""),
    "theme language no": (_replace("mkdocs.yml", "language: nb", "language: no"), "mkdocs.yml:5: theme: language"),
    "figure span 0": (_replace("report/figures/modell.yaml", NODE, NODE[:-1] + ", span: 0}"), "modell.yaml:10"),
    "figure row 1e9": (_replace("report/figures/modell.yaml", "row: 3,", "row: 1000000000,"), "modell.yaml:10"),
    "figure col .inf": (_replace("report/figures/modell.yaml", "col: 2}\nedges", "col: .inf}\nedges"), "modell.yaml"),
    "figure span .nan": (_replace("report/figures/modell.yaml", NODE, NODE[:-1] + ", span: .nan}"), "modell.yaml:10"),
    "figure rows [[]]": (_replace("report/figures/moter.yaml", 'rows:\n  - ["Avdelingsmøte"', 'rows:\n  - []\n  - ["A"'), ""),
    "list 400 deep": (_append("docs/vedlegg.md", "\n" + "".join("    " * i + "- x\n" for i in range(400))), "docs/vedlegg.md:"),
    "BOM at a chapter's start": (lambda r: (r / "docs/vedlegg.md").write_bytes(b"\xef\xbb\xbf" + (r / "docs/vedlegg.md").read_bytes()), ""),
    "aliases in a record": (_append("report/themes.yaml", "extra:\n" + _laughs("  ")), "report/themes.yaml: YAML error: aliases"),
    "aliases in mkdocs.yml": (_append("mkdocs.yml", "extra:\n" + _laughs("  ")), "mkdocs.yml: YAML error: aliases"),
    "NUL in a record": (_replace("report/themes.yaml", "title: Stolthet", 'title: "Stolt\\0het\\e"'), "report/themes.yaml:3: control character"),
    "nav outside docs": (_replace("mkdocs.yml", "- Vedlegg: vedlegg.md", "- Vedlegg: ../../outside.md"), "outside docs/"),
    "nav absolute": (_replace("mkdocs.yml", "- Vedlegg: vedlegg.md", "- Vedlegg: /etc/hostname"), "outside docs/"),
    "symlink out of docs": (lambda r: (r / "docs" / "passwd.txt").symlink_to("/etc/passwd"), "docs/passwd.txt: this file (a symbolic link) leads outside"),
    "chapter symlinked out": (lambda r: ((r / "docs/vedlegg.md").unlink(), (r / "docs/vedlegg.md").symlink_to(r.parent / "x.md"))[0], "leads outside"),
    "extra_css outside": (_replace("mkdocs.yml", "  - assets/thesiskit.css\n", "  - assets/thesiskit.css\n  - ../../x.md\n"), "mkdocs.yml:18: extra_css names ../../x.md, which is outside the study's folder"),
    "extra_javascript absolute": (_replace("mkdocs.yml", "  - assets/thesiskit.js\n", "  - /etc/hostname\n"), "mkdocs.yml:19: extra_javascript names /etc/hostname, which is outside"),
    "theme.logo outside": (_replace("mkdocs.yml", "  language: nb\n", "  language: nb\n  logo: ../../x.md\n"), "mkdocs.yml:6: theme.logo names ../../x.md, which is outside"),
    "theme.favicon a link out": (lambda r: ((r / "docs/fav.png").symlink_to(r.parent / "x.md"), _replace("mkdocs.yml", "  language: nb\n", "  language: nb\n  favicon: fav.png\n")(r)), "mkdocs.yml:6: theme.favicon names fav.png, which is outside"),
    "theme.custom_dir outside": (_replace("mkdocs.yml", "  language: nb\n", "  language: nb\n  custom_dir: ..\n"), "mkdocs.yml:6: theme.custom_dir names .., which is outside"),
    "INHERIT outside": (_replace("mkdocs.yml", "site_name:", "INHERIT: ../x.md\nsite_name:"), "mkdocs.yml:1: INHERIT names ../x.md, which is outside"),
    "hooks outside": (_append("mkdocs.yml", "hooks:\n  - ../x.md\n"), "mkdocs.yml:28: hooks names ../x.md, which is outside"),
    "figure file outside": (lambda r: (r / "report/figures/bilde.yaml").write_text("id: bilde\ncaption: Et bilde\nalt: Et bilde\nkind: image\nfile: ../../../x.md\n"), "report/figures/bilde.yaml:1: figure 'bilde': file ../../../x.md is outside"),
    "front_page outside": (_append("report/study.yaml", "front_page: ../x.md\n"), "report/study.yaml:20: front_page is outside the study's folder"),
    "picture symlinked out (PDF too)": (lambda r: ((r / "docs/bilde.png").symlink_to(r.parent / "x.png"), (r.parent / "x.png").write_bytes(b"\x89PNG"), _append("docs/vedlegg.md", '\n![Bilde](bilde.png){fig-alt="Et bilde"}\n')(r)), "docs/bilde.png (a symbolic link) leads outside"),
    "build/.cache is a file": (lambda r: (shutil.rmtree(r / "build" / ".cache"), (r / "build" / ".cache").write_text("x")), "build/.cache"),
}  # fmt: skip
# build/.cache a file: every cache write only loses its entry (cache.write), so the build succeeds uncached
OK = {"date before 1970 (PDF too)", "date after 2106", "BOM at a chapter's start", "figure rows [[]]", "build/.cache is a file"}


@pytest.mark.parametrize("name", list(CASES))
def test_fault_gives_exit_2_and_one_line(
    name: str, study: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    edit, expected = CASES[name]
    before = _digest(study)
    (tmp_path / "x.md").write_text("# x\n", encoding="utf-8")
    edit(study)
    args = ["build", "--project", str(study)] + ([] if "PDF" in name else ["--no-pdf"])
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if name in OK:
        assert code == 0, err
        return
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert code == 2, err
    assert len(errors) == 1, err
    assert expected in errors[0], errors[0]
    assert _digest(study) == before
    assert not list((study / "build").glob(".staging-*")) if (study / "build").is_dir() else True
    assert not (study.parent.parent / "outside.md").exists()


def test_an_immutable_site_folder_is_exit_2_and_nothing_changes(
    study: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if subprocess.run(["chattr", "+i", str(study / "site")], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root on ext4); .ci/run runs as root")
    _replace("docs/vedlegg.md", "Informasjonsskriv", "Et informasjonsskriv")(study)
    before = _digest(study)
    assert main(["build", "--project", str(study), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Operation not permitted" in err
    assert _digest(study) == before


def test_an_unexpected_error_is_one_line_with_a_log(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import thesiskit.build as tree

    def boom(*_a: object, **_k: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device", str(study / "build" / "x"))

    monkeypatch.setattr(tree, "head_tags", boom)
    before = _digest(study)
    assert main(["build", "--project", str(study), "--no-pdf"]) == 2
    errors = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    line = next(ln for ln in errors if ln.startswith("error:"))
    assert "No space left on device" in line and "disk is full" in line and "details: " in line
    assert _digest(study) == before

    monkeypatch.setattr(tree, "head_tags", lambda *a, **k: 1 / 0)
    assert main(["build", "--project", str(study), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if ln.startswith("error:"))
    assert "ZeroDivisionError" in line and "please report this with" in line
    log = Path(line.rsplit("with ", 1)[1].split()[0])
    assert "Traceback" in log.read_text(encoding="utf-8") and "Traceback" not in err
    assert _digest(study) == before


def test_a_fault_after_the_site_is_built_publishes_nothing(
    study: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """build/mkdocs.yml and CITATION.cff go through staging: a failure writing them leaves every output as it was."""
    import thesiskit.build as build

    def full(*_a: object, **_k: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device", str(study / "CITATION.cff"))

    monkeypatch.setattr(build, "citation_cff", full)
    _replace("docs/vedlegg.md", "Informasjonsskriv", "Et informasjonsskriv")(study)
    _append("mkdocs.yml", "site_description: Ny beskrivelse\n")(study)
    before = _digest(study)
    assert {"site/index.html", "build/mkdocs.yml", "CITATION.cff"} <= set(before)
    assert main(["build", "--project", str(study), "--no-pdf"]) == 2
    errors = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], errors
    assert _digest(study) == before
    assert not list((study / "build").glob(".staging-*"))


def test_safe_build_sandboxes_chapters_and_refuses_hooks(study: Path, capsys: pytest.CaptureFixture[str]) -> None:
    escape = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    _append("docs/vedlegg.md", f"\n{escape}\n")(study)
    assert main(["build", "--project", str(study), "--no-pdf", "--safe"]) == 2
    err = capsys.readouterr().err
    assert "docs/vedlegg.md" in err and "unsafe" in err and "Traceback" not in err
    _replace("docs/vedlegg.md", f"\n{escape}\n", "")(study)
    (study / "hooks.py").write_text("import os\n", encoding="utf-8")
    _append("mkdocs.yml", "hooks:\n  - hooks.py\n")(study)
    assert main(["build", "--project", str(study), "--no-pdf", "--safe"]) == 2
    assert "mkdocs.yml:" in capsys.readouterr().err


def test_a_study_that_cites_nothing_builds_without_references_bib(tmp_path: Path) -> None:
    """No references.bib and no citation: site and PDF are built (a citation would be CIT001 in the gate)."""
    import re

    from thesiskit.scaffold import new_study

    root = tmp_path / "study"
    new_study(root)
    (root / "references.bib").unlink()
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\[@[^\]]*\]|@eksempel2020", "", text), encoding="utf-8")
    assert "@" not in "".join(p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md"))
    assert main(["build", "--project", str(root)]) == 0
    assert (root / "site" / "index.html").is_file() and (root / "build" / "thesis.pdf").is_file()
    assert not (root / "references.bib").exists()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system (tmpfs) at tmp_path/disk, unmounted afterwards."""
    import os

    disk = tmp_path / "disk"
    disk.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (.ci/run runs as root); the simulated ENOSPC case runs anyway")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mount -t tmpfs failed here ({done.stderr.strip() or done.returncode}); the simulated ENOSPC case runs anyway")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_is_exit_2_one_line_and_outputs_intact(
    good: Path, tiny_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The study on a real file system with 512 KiB left: the build runs out of space while staging."""
    import os

    root = tiny_disk / "mini"
    shutil.copytree(good, root)
    _replace("docs/vedlegg.md", "Informasjonsskriv", "Et informasjonsskriv")(root)
    shutil.rmtree(root / "build" / ".cache")  # every result is made (and written) again
    before = _digest(root)
    left = 512 * 1024
    stat = os.statvfs(tiny_disk)
    with (tiny_disk / "filler").open("wb") as fh:
        remaining = stat.f_bavail * stat.f_frsize - left
        while remaining > 0:
            remaining -= fh.write(b"\0" * min(remaining, 1 << 20))
    code = main(["build", "--project", str(root)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert code == 2, err
    assert len(errors) == 1, err
    assert "No space left on device" in errors[0] and "disk is full" in errors[0], errors[0]
    assert _digest(root) == before
    assert not list((root / "build").glob(".staging-*"))
    (tiny_disk / "filler").unlink()
    assert main(["build", "--project", str(root)]) == 0  # with room again it builds
