"""The accessibility statement (tilgjengelighet.md) and its record, report/tilgjengelighet.json."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.build import BuildOptions, build_study
from thesiskit.errors import InputError
from thesiskit.project import open_project
from thesiskit.records import load_records
from thesiskit.render.env import make_env, render
from thesiskit.site.accessibility import (
    RECORD,
    AccessibilityRecord,
    AxePage,
    AxeRun,
    AxeViolation,
    KeyboardPage,
    KeyboardRun,
    NuMessage,
    NuPage,
    NuRun,
    load_accessibility,
    norwegian_date,
    save_part,
)

from ..conftest import SAMPLES

DAY = dt.date(2026, 11, 26)


def _axe(violations: list[AxeViolation] | None = None) -> AxeRun:
    return AxeRun(
        date=DAY,
        axe_core="4.12.1",
        chromium="156.0.8078.108",
        rule_tags=["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
        schemes=["default", "slate"],
        colour_rules=["color-contrast", "link-in-text-block"],
        pages=[
            AxePage(path="index.html", title="Forside"),
            AxePage(path="funn/stolte/index.html", title="Stolte", violations=violations or []),
        ],
    )


def _nu(errors: list[NuMessage] | None = None) -> NuRun:
    return NuRun(
        date=DAY,
        nu_html_checker="26.9.27",
        pages=[NuPage(path="index.html", errors=errors or []), NuPage(path="funn/stolte/index.html")],
    )


def _keyboard() -> KeyboardRun:
    return KeyboardRun(date=DAY, chromium="156.0.8078.108", pages=[KeyboardPage(path="index.html", stops=40)])


def _statement(record: AccessibilityRecord | None) -> str:
    project = open_project(SAMPLES / "mini")
    records = load_records(project)
    return render(
        make_env(None),
        "site/pages/accessibility.md.j2",
        a11y=record,
        date=norwegian_date,
        figures=records.figures,
        quotes=records.quotes,
        study=records.study,
    )


def test_without_a_record_the_statement_says_no_test_has_run() -> None:
    text = _statement(None)
    assert text.startswith("# Tilgjengelighetserklæring")
    assert "ikke testet ennå" in text
    assert "WCAG 2.1 på nivå A og AA" in text
    assert "axe-core" not in text


def test_the_statement_shows_what_was_tested_with_which_tools_and_the_result() -> None:
    text = _statement(AccessibilityRecord(axe=_axe(), nu=_nu(), keyboard=_keyboard()))
    assert "26. november 2026" in text
    assert "Testen fant ingen feil på noen av de 2 sidene." in text
    assert "| axe-core 4.12.1 i Chromium 156.0.8078.108 | 26. november 2026 | 0 brudd på 2 sider |" in text
    assert "på hver side i lys modus, fargekontrast også i mørk modus" in text
    assert "| Nu Html Checker 26.9.27 | 26. november 2026 | 0 feil på 2 sider |" in text
    assert "0 feil på 1 side |" in text
    assert "| Stolte | `funn/stolte/index.html` | 0 | 0 |" in text
    assert "Feil som er funnet" not in text


def test_the_statement_lists_every_problem_found() -> None:
    violation = AxeViolation(
        rule="color-contrast", impact="serious", help="Elements must meet contrast", nodes=3, scheme="slate"
    )
    record = AccessibilityRecord(axe=_axe([violation]), nu=_nu([NuMessage(line=12, message="Bad <value>")]))
    text = _statement(record)
    assert "Testen fant feil på 2 av 2 sider." in text
    assert "axe-core, mørk modus: Elements must meet contrast (`color-contrast`, 3 elementer)" in text
    assert "Nu Html Checker, linje 12: Bad &lt;value&gt;" in text
    assert "| Stolte | `funn/stolte/index.html` | 1 | 0 |" in text
    assert "Bytt" not in text


def test_each_check_keeps_its_own_part_and_an_unchanged_run_leaves_the_file_alone(tmp_path: Path) -> None:
    path = save_part(tmp_path, "axe", _axe())
    save_part(tmp_path, "nu", _nu())
    first = path.read_bytes()
    save_part(tmp_path, "axe", _axe())
    assert path.read_bytes() == first
    save_part(tmp_path, "keyboard", _keyboard())
    record = AccessibilityRecord.model_validate_json(path.read_text(encoding="utf-8"))
    assert record.axe == _axe() and record.nu == _nu() and record.keyboard == _keyboard()
    assert [row.path for row in record.pages] == ["index.html", "funn/stolte/index.html"]
    with pytest.raises(ValueError, match="unknown part"):
        save_part(tmp_path, "pdf", _nu())


def test_a_bad_record_is_reported_with_file_and_line(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    data = {"axe": _axe().model_dump(mode="json")}
    data["axe"]["date"] = "i går"
    (root / RECORD).write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_accessibility(open_project(root))
    assert str(err.value).startswith("report/tilgjengelighet.json:3: axe.date: ")


def test_the_built_site_has_the_statement_with_the_last_run(sample_copy: Callable[[str], Path]) -> None:
    root = sample_copy("mini")
    save_part(root, "axe", _axe())
    save_part(root, "nu", _nu())
    build_study(root, BuildOptions(pdf=False))
    html = (root / "site" / "tilgjengelighet" / "index.html").read_text(encoding="utf-8")
    assert "Tilgjengelighetserklæring" in html
    assert "axe-core 4.12.1 i Chromium 156.0.8078.108" in html
    assert "Nu Html Checker 26.9.27" in html
    assert "<details" in html and "<table>" in html
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="tilgjengelighet/"' in home  # in the navigation of every page
