"""Bad input: every class stops the build with exit 2 (1 for gate findings), names file and line,
prints no traceback, and leaves the last good site/ and build/thesis.pdf byte-identical."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.cli import main

from .conftest import SAMPLES


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini sample, built once (site and PDF)."""
    root = tmp_path_factory.mktemp("good") / "mini"
    shutil.copytree(SAMPLES / "mini", root, ignore=shutil.ignore_patterns("site", "build"))
    assert main(["build", "--project", str(root)]) == 0
    return root


def _edit_replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _write_bytes(rel: str, data: bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)

    return edit


def _replace_bytes(rel: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        data = (root / rel).read_bytes()
        assert old in data, f"{old!r} not in {rel}"
        (root / rel).write_bytes(data.replace(old, new, 1))

    return edit


def _resolve_line(root: Path, where: str) -> str:
    """``file:{text}`` → ``file:N``, N the line of the edited file that holds ``text`` (samples change)."""
    if "{" not in where:
        return where
    rel, _, text = where.partition(":{")
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return f"{rel}:{next(n for n, line in enumerate(lines, 1) if text.rstrip('}') in line)}"


CASES = {
    "yaml-syntax": (
        _edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: [1\n"),
        2,
        "report/quotes/funn.yaml:",
        "YAML syntax error",
    ),
    "schema": (
        _edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: en\n"),
        2,
        "report/quotes/funn.yaml:2",
        "informant",
    ),
    "unknown-quote": (
        _edit_replace("docs/02-funn.md", 'quote("s-kjekk-jobb")', 'quote("s-finnes-ikke")'),
        2,
        "docs/02-funn.md:7",
        "s-finnes-ikke",
    ),
    "jinja-syntax": (
        _edit_replace("docs/02-funn.md", '{{ quote("s-kjekk-jobb") }}', '{{ quote("s-kjekk-jobb" }}'),
        2,
        "docs/02-funn.md:7",
        "Jinja syntax error",
    ),
    "undefined-name": (
        _edit_replace("docs/02-funn.md", '{{ quote("s-kjekk-jobb") }}', "{{ sitat() }}"),
        2,
        "docs/02-funn.md:7",
        "sitat",
    ),
    "unknown-key": (
        _edit_replace("docs/01-innledning.md", "@berg2015 [s. 3]", "@bergg2015 [s. 3]"),
        1,
        "docs/01-innledning.md:3",
        "bergg2015",
    ),
    "bibtex-syntax": (
        _edit_replace("references.bib", "title = {Samarbeid i praksis},", "title = {Samarbeid i praksis,"),
        2,
        "references.bib:1",
        "BibTeX",
    ),
    "not-utf8": (
        _write_bytes("docs/vedlegg.md", "# Vedlegg {#v .unnumbered}\n\nS\xf8lvi\n".encode("latin-1")),
        2,
        "docs/vedlegg.md:3",
        "UTF-8",
    ),
    "missing-nav-file": (
        _edit_replace("mkdocs.yml", "vedlegg.md", "vedlegg-mangler.md"),
        2,
        "mkdocs.yml:{vedlegg-mangler.md}",
        "vedlegg-mangler.md",
    ),
    # more of the same classes: other files, other ids, other places
    "yaml-syntax-mkdocs": (
        _edit_replace("mkdocs.yml", "nav:\n", "nav: [\n"),
        2,
        "mkdocs.yml:{- Forside: index.md}",  # the parser notices on the next line
        "YAML syntax error",
    ),
    "yaml-duplicate-key": (
        _edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: 1\n  informant: 2\n"),
        2,
        "report/quotes/funn.yaml:3",
        "'informant' given twice",
    ),
    "schema-missing-field": (
        _edit_replace("report/findings/stolte.yaml", "title: Stolte og engasjerte\n", ""),
        2,
        "report/findings/stolte.yaml:1",
        "title",
    ),
    "unknown-informant": (
        _edit_replace("report/quotes/funn.yaml", "  informant: 1\n", "  informant: 9\n"),
        2,
        "report/quotes/funn.yaml:1",
        "informant 9",
    ),
    "unknown-finding": (
        _edit_replace("docs/02-funn.md", 'finding("stolte")', 'finding("finnes-ikke")'),
        2,
        "docs/02-funn.md:19",
        "finnes-ikke",
    ),
    "unknown-figure": (
        _edit_replace("docs/02-funn.md", 'figure("moter")', 'figure("finnes-ikke")'),
        2,
        "docs/02-funn.md:11",
        "finnes-ikke",
    ),
    "jinja-runtime": (
        _edit_replace("docs/02-funn.md", '{{ figure("moter") }}', '{{ figure("moter") }} {{ 1 // 0 }}'),
        2,
        "docs/02-funn.md:11",
        "division",
    ),
    "not-utf8-record": (
        _replace_bytes("report/quotes/funn.yaml", b"Jeg ville", b"J\xe6g ville"),
        2,
        "report/quotes/funn.yaml:12",
        "UTF-8",
    ),
    "not-utf8-bib": (
        _replace_bytes("references.bib", b"Samarbeid i praksis", b"Samarbeid p\xe5 tvers"),
        2,
        "references.bib:3",
        "UTF-8",
    ),
    "not-utf8-template": (
        _write_bytes("templates/site/quote.md.j2", "{{ q.text }}\n«{{ q.informant }}» S\xf8lvi\n".encode("latin-1")),
        2,
        "templates/site/quote.md.j2:2",
        "UTF-8",
    ),
    "template-runtime": (
        _write_bytes("templates/site/quote.md.j2", b"{{ q.text }}\n{{ q.informant / 0 }}\n"),
        2,
        "templates/site/quote.md.j2:2",
        "division by zero",
    ),
    "figure-overlap": (
        _edit_replace(
            "report/figures/modell.yaml",
            "{id: c, label: Teknologi, row: 2, col: 3}",
            "{id: c, label: T, row: 2, col: 1}",
        ),
        2,
        "report/figures/modell.yaml",
        "overlap",
    ),
    "missing-css": (
        _edit_replace("mkdocs.yml", "  - assets/thesiskit.css\n", "  - assets/thesiskit.css\n  - egen.css\n"),
        2,
        "mkdocs.yml:{egen.css}",
        "egen.css",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_outputs_survive(
    case: str, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, code, where, words = CASES[case]
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    before_site, before_pdf = _digest(root / "site"), (root / "build" / "thesis.pdf").read_bytes()
    before_tree = _digest(root / "build" / "markdown"), (root / "build" / "mkdocs.yml").read_bytes()
    edit(root)
    where = _resolve_line(root, where)
    capsys.readouterr()
    assert main(["build", "--project", str(root)]) == code
    captured = capsys.readouterr()
    err = captured.err + captured.out
    assert where in err, err
    assert words in err, err
    assert "Traceback" not in err
    assert _digest(root / "site") == before_site
    assert (root / "build" / "thesis.pdf").read_bytes() == before_pdf
    assert (_digest(root / "build" / "markdown"), (root / "build" / "mkdocs.yml").read_bytes()) == before_tree


SCRIPT = "<script>alert(1)</script>"


def test_html_in_records_is_escaped_in_the_site(built: Path, tmp_path: Path) -> None:
    """Quotes, titles, table cells and metadata that contain HTML come out as text, never as markup."""
    root = tmp_path / "mini"
    shutil.copytree(built, root)
    for rel, old in [
        ("report/quotes/funn.yaml", "Jeg blir ikke lei…"),
        ("report/findings/stolte.yaml", "Stolte og engasjerte"),
        ("report/findings/stolte.yaml", "Informantene var stolte av jobben."),
        ("report/themes.yaml", "title: Stolthet"),
        ("report/changes/endringer.yaml", "Eksempel på en rettet henvisning."),
        ("report/informants.yaml", "Kontor A"),
        ("report/informants.yaml", "{rolle: leder}"),
        ("report/informants.yaml", "Ansatt: 10 år"),
        ("report/study.yaml", "Et lite eksempel på en masteroppgave"),
        ("report/study.yaml", "Ola Veileder"),
    ]:
        new = old.replace("}", f" {SCRIPT}}}") if old.endswith("}") else f"{old} {SCRIPT}"
        _edit_replace(rel, old, f'"{new}"' if ":" not in old and "{" not in old else new)(root)
    for fig in (root / "report" / "figures").glob("*.yaml"):
        text = fig.read_text(encoding="utf-8")
        fig.write_text(text.replace("caption: ", f"caption: {SCRIPT} ", 1), encoding="utf-8")
    assert main(["build", "--project", str(root), "--no-pdf"]) == 0
    pages = {p: p.read_text(encoding="utf-8") for p in (root / "site").rglob("*") if p.suffix in {".html", ".svg"}}
    leaks = [
        f"{p.relative_to(root)}: …{t[t.index('<script>alert') - 80 : t.index('<script>alert') + 30]}…"
        for p, t in pages.items()
        if "<script>alert" in t
    ]
    assert not leaks, "\n".join(leaks)
    shown = [p for p, t in pages.items() if "&lt;script&gt;alert(1)&lt;/script&gt;" in t]
    assert len(shown) >= 5, "the text should still be shown (escaped) on the pages that use it"
