"""The hostile-content corpus (corpus.py) built and read back: no script runs, nothing external loads,
no raw Typst runs in the PDF, no record or download breaks its format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thesiskit.build import BuildOptions, build_study
from thesiskit.errors import InputError

from ..browser import browser_page, needs_chromium, serve_dir
from .corpus import EXTERNAL, dangerous_elements, hostile_study

pytestmark = pytest.mark.xdist_group("chromium")  # one browser at a time


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus study, built once with its PDF (the gate is off: its findings are not the point)."""
    root = hostile_study(tmp_path_factory.mktemp("hostile") / "study")
    build_study(root, BuildOptions(gate=False))
    return root


def _pages(root: Path) -> list[Path]:
    return sorted((root / "site").rglob("*.html"))


def test_no_page_holds_script_handlers_or_external_sources(hostile: Path) -> None:
    found = {p.relative_to(hostile).as_posix(): dangerous_elements(p.read_text("utf-8")) for p in _pages(hostile)}
    assert len(found) > 10
    assert {k: v for k, v in found.items() if v} == {}


def test_payload_is_shown_as_text(hostile: Path) -> None:
    page = (hostile / "site" / "funn" / "stolte" / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "⟦cite-this⟧" in page.replace("&#10214;", "⟦").replace("&#10215;", "⟧")
    # the kit's placeholders in record text were not expanded: one "Sitér" box on the page, the kit's
    assert page.count('id="siter-apa"') == 1


@needs_chromium
def test_no_script_runs_and_nothing_external_loads_in_chromium(hostile: Path) -> None:
    dialogs: list[str] = []
    outside: list[str] = []
    errors: list[str] = []
    with serve_dir(hostile / "site") as base, browser_page() as page:

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            if url.startswith(base):
                r.continue_()  # type: ignore[attr-defined]
            else:
                outside.append(url)
                r.abort()  # type: ignore[attr-defined]

        page.context.route("**/*", route)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in _pages(hostile):
            url = base + path.relative_to(hostile / "site").as_posix()
            page.goto(url)
            page.wait_for_load_state("load")
            bad = page.evaluate(
                """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                    .filter(a => /^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value))
                    .map(a => el.tagName + ' ' + a.name + '=' + a.value.slice(0, 40)))"""
            )
            assert bad == [], (url, bad)
            # hover and click every link that came from data: nothing may run or leave
            for link in page.locator("article a[href]").all()[:60]:
                href = link.get_attribute("href") or ""
                assert not re.match(r"\s*(javascript|data|vbscript):", href, re.I), href
    assert dialogs == []
    assert outside == []
    assert [e for e in errors if "alert" in e] == []


def test_pdf_shows_raw_typst_as_text(hostile: Path) -> None:
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(hostile / "build" / "thesis.pdf").pages)
    assert '#panic("RAW")' in text.replace("“", '"').replace("”", '"')
    assert "x^2" in text  # the quote's $x^2$ is text, not Typst math


def test_pdf_shows_bibliography_math_and_typst_as_text(hostile: Path) -> None:
    """``$…$`` in references.bib is LaTeX math to Pandoc: in the PDF it is the site's text, not Typst math.

    Without pdf/bibdata.lua the build fails (PDF/UA-1: an equation without alt text) or runs Typst.
    """
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(hostile / "build" / "thesis.pdf").pages)
    text = " ".join(text.replace("“", '"').replace("”", '"').split())
    entry = text[text.index("Samarbeid P") :][:400]
    assert '#panic("RAW2")' in entry and "x2" in entry and "α-heliks" in entry, entry
    html = (hostile / "site" / "litteratur" / "index.html").read_text("utf-8")
    assert "<em>x</em><sup>2</sup>" in html and "α" in html  # the same rendering on the site


def test_downloads_keep_one_record_each(hostile: Path) -> None:
    ris = sorted((hostile / "site").rglob("*.ris"))
    assert len(ris) == 2
    for path in ris:
        lines = path.read_bytes().decode("utf-8").split("\r\n")
        assert sum(ln.startswith("TY  - ") for ln in lines) == 1, path
        assert sum(ln.startswith("ER  - ") for ln in lines) == 1, path
        assert all(re.match(r"^[A-Z][A-Z0-9]  - ", ln) for ln in lines if ln), path
    for path in sorted((hostile / "site").rglob("*.bib")):
        text = path.read_text("utf-8")
        assert len(re.findall(r"^@", text, re.M)) == 1, path


def test_no_external_address_in_any_output(hostile: Path) -> None:
    for path in (hostile / "site").rglob("*.html"):
        for m in re.finditer(r'(?:href|src)="([^"]*)"', path.read_text("utf-8")):
            assert EXTERNAL not in m.group(1), (path, m.group(1))


def test_a_repository_that_is_no_web_address_is_an_input_error(tmp_path: Path) -> None:
    root = hostile_study(tmp_path / "study")
    study = root / "report" / "study.yaml"
    study.write_text(
        re.sub(r"(?m)^repository: .*$", "repository: javascript:alert(1)", study.read_text("utf-8")), "utf-8"
    )
    with pytest.raises(InputError, match=r"report/study.yaml:\d+: repository"):
        build_study(root, BuildOptions(gate=False, pdf=False))
