"""``thesis build`` warms Typst up with the last build's document (pdf/prewarm.py), and falls back cleanly.

The build after an edit compiles in the child that compiled the last build's ``main.typ`` first
(its answer says how many compiles it had done: the log shows it), to the bytes of a clean build;
a first build starts no child; a child that dies leaves the compile to a fresh one; a stopped
build kills it and starts none; every child has ended when the build returns, however it ends.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thesiskit import build
from thesiskit.build import BuildOptions, build_study
from thesiskit.children import stop_children
from thesiskit.errors import ThesisError, ToolError
from thesiskit.pdf import typst
from thesiskit.pdf.prewarm import Prewarmed, prewarm

from ..edits import replace

PDF_ONLY = BuildOptions(site=False, gate=False)
EDIT = replace("docs/02-funn.md", "Stoltheten kan forstås", "Stoltheten kan kanskje forstås")
WARM = "compiled in a warm process (1 compile(s) there before)"
FELL_BACK = "the warm process ended without answering"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Prewarmed]]:
    """The warm children each build started (build.prewarm, wrapped)."""
    made: list[Prewarmed] = []

    def keep(*args: object, **kw: object) -> Prewarmed:
        made.append(prewarm(*args, **kw))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(build, "prewarm", keep)
    yield made
    for warm in made:
        warm.close()


def _typst_log(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == typst.log.name)


def _clean_pdf(study: Path, tmp_path: Path) -> bytes:
    clean = tmp_path / "clean"
    shutil.copytree(study, clean, ignore=shutil.ignore_patterns("build", "site"))
    build_study(clean, PDF_ONLY)
    return (clean / "build" / "thesis.pdf").read_bytes()


def _children_ended(made: list[Prewarmed]) -> bool:
    return all(child._proc is None for warm in made for child in warm._children.values())


def test_the_build_after_an_edit_compiles_in_the_child_warmed_with_the_last_build(
    sample_copy: Callable[[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    started: list[Prewarmed],
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    caplog.set_level(logging.DEBUG, logger=typst.log.name)
    study = sample_copy("mini")
    build_study(study, PDF_ONLY)
    assert "warm process" not in _typst_log(caplog)  # a first build: no last document, the cold compile
    assert started[0].get("thesis.pdf") is None
    EDIT(study)
    caplog.clear()
    build_study(study, PDF_ONLY)
    assert WARM in _typst_log(caplog), _typst_log(caplog)
    assert _children_ended(started)
    assert (study / "build" / "thesis.pdf").read_bytes() == _clean_pdf(study, tmp_path)


def test_the_submission_compiles_in_the_same_warm_child(
    sample_copy: Callable[[str], Path], caplog: pytest.LogCaptureFixture, started: list[Prewarmed]
) -> None:
    """One warm-up for both PDFs: they compile one after the other in the child that compiled the last thesis."""
    caplog.set_level(logging.DEBUG, logger=typst.log.name)
    study = sample_copy("mini")
    both = BuildOptions(site=False, gate=False, submission=True)
    build_study(study, both)
    EDIT(study)
    caplog.clear()
    build_study(study, both)
    log = _typst_log(caplog)
    assert WARM in log and "compiled in a warm process (2 compile(s) there before)" in log, log
    assert started[-1].get("thesis.pdf") is started[-1].get("thesis-submission.pdf") is not None


def test_a_warm_child_that_died_leaves_the_compile_to_a_fresh_one(
    sample_copy: Callable[[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    caplog.set_level(logging.DEBUG, logger=typst.log.name)
    study = sample_copy("mini")
    build_study(study, PDF_ONLY)
    killed: list[Prewarmed] = []

    def prewarm_then_kill(*args: object, **kw: object) -> Prewarmed:
        warm = prewarm(*args, **kw)  # type: ignore[arg-type]
        child = warm.get("thesis.pdf")
        assert child is not None and child._proc is not None
        child._proc.kill()  # as the OOM killer would
        killed.append(warm)
        return warm

    monkeypatch.setattr(build, "prewarm", prewarm_then_kill)
    EDIT(study)
    caplog.clear()
    build_study(study, PDF_ONLY)
    assert FELL_BACK in _typst_log(caplog) and WARM not in _typst_log(caplog), _typst_log(caplog)
    assert _children_ended(killed)
    monkeypatch.setattr(build, "prewarm", prewarm)
    assert (study / "build" / "thesis.pdf").read_bytes() == _clean_pdf(study, tmp_path)


def test_a_stopped_build_kills_the_warm_child_and_starts_no_other(tmp_path: Path) -> None:
    work = typst.work_dir(tmp_path / "thesis.pdf")
    work.mkdir(parents=True)
    (work / "main.typ").write_text("= Innledning\n", "utf-8")
    new = tmp_path / "new" / "main.typ"
    new.parent.mkdir()
    new.write_text("= Innledning\n\nEn ny setning.\n", "utf-8")
    warm = prewarm(tmp_path, ["thesis.pdf"])
    try:
        child = warm.get("thesis.pdf")
        assert child is not None and child._proc is not None
        proc = child._proc
        stop_children()  # SIGTERM to the kit
        assert proc.wait(timeout=10) is not None
        with pytest.raises(ToolError, match="Typst stopped"):
            typst.compile_typst(new, dt.datetime(2026, 12, 2, tzinfo=dt.UTC), child)
        assert child._proc is None  # no new child for the stopped build
    finally:
        warm.close()


def test_a_build_that_fails_before_the_pdf_stops_its_warm_child(
    sample_copy: Callable[[str], Path], started: list[Prewarmed]
) -> None:
    study = sample_copy("mini")
    build_study(study, PDF_ONLY)
    (study / "report" / "study.yaml").write_text("title: [unclosed\n", "utf-8")
    with pytest.raises(ThesisError):
        build_study(study, PDF_ONLY)
    assert started[-1].get("thesis.pdf") is not None
    assert _children_ended(started)
