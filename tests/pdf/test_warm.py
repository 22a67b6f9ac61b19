"""``thesis serve``'s warm Typst compiler (pdf/warm.py): as the cold one's bytes, and stopped at its deadline.

The warm compiler lives in a child process; a compile that passes THESISKIT_TYPST_TIMEOUT kills it,
fails with the cold path's message (naming the pages), and the next compile works in a new child.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from thesiskit.errors import ToolError
from thesiskit.pdf import typst
from thesiskit.pdf.document import SOURCE_MARK

CREATED = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
PAGE = f'#set document(title: [Stolthet])\n#set text(lang: "nb")\n{SOURCE_MARK}docs/01-innledning.md\n= Innledning\n'
LOOP = f"{SOURCE_MARK}docs/02-funn.md\n#let s = 0\n#for i in range(100000) {{ for j in range(100000) {{ s += j }} }}\n"
"""A page Typst takes far too long over (10^10 additions)."""


@pytest.fixture
def warm(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[Path, typst.WarmTypst]]:
    """Warm compilers as in ``thesis serve`` (typst.keep_compilers), their children stopped afterwards."""
    kept: dict[Path, typst.WarmTypst] = {}
    monkeypatch.setattr(typst, "_WARM", kept)
    yield kept
    for child in kept.values():
        child.stop()


def _cold(main: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as m:
        m.setattr(typst, "_WARM", None)
        return typst.compile_typst(main, CREATED)


def test_warm_compiles_are_the_cold_compiles_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: dict[Path, typst.WarmTypst]
) -> None:
    main = tmp_path / "main.typ"
    main.write_text(PAGE, "utf-8")
    assert typst.compile_typst(main, CREATED) == _cold(main, monkeypatch)
    main.write_text(PAGE + "\nEn ny setning.\n", "utf-8")  # the second compile is the warm one
    assert typst.compile_typst(main, CREATED) == _cold(main, monkeypatch)
    assert list(warm) == [main]


def test_warm_compile_past_its_deadline_is_stopped_and_the_next_one_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: dict[Path, typst.WarmTypst]
) -> None:
    main = tmp_path / "main.typ"
    main.write_text(PAGE, "utf-8")
    first = typst.compile_typst(main, CREATED)
    main.write_text(PAGE + LOOP, "utf-8")
    monkeypatch.setenv("THESISKIT_TYPST_TIMEOUT", "1")
    with pytest.raises(ToolError) as stopped:
        typst.compile_typst(main, CREATED)
    message = str(stopped.value)
    assert "Typst did not finish within 1 s and was stopped" in message, message
    assert "docs/01-innledning.md … docs/02-funn.md (2 pages)" in message, message
    main.write_text(PAGE, "utf-8")
    assert typst.compile_typst(main, CREATED) == first  # a new child, as good as the first


def test_each_pdf_compiles_in_its_own_folder(tmp_path: Path) -> None:
    # thesis serve's PDF (build/.serve-thesis.new.pdf) once compiled in build/.typst itself, removing
    # the folder thesis build publishes there (build/.typst/thesis) at every preview
    folders = {typst.work_dir(tmp_path / name) for name in ("thesis.pdf", ".serve-thesis.new.pdf")}
    assert folders == {tmp_path / ".typst" / "thesis", tmp_path / ".typst" / "serve-thesis"}


def test_a_stopped_build_kills_the_warm_child_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: dict[Path, typst.WarmTypst]
) -> None:
    """``children.stop_children`` (SIGTERM to the kit) kills the warm Typst child as it kills Pandoc's."""
    from thesiskit.children import stop_children

    main = tmp_path / "main.typ"
    main.write_text(PAGE, "utf-8")
    first = typst.compile_typst(main, CREATED)
    child = warm[main]._proc
    assert child is not None and child.poll() is None
    stop_children()
    assert child.wait(timeout=10) is not None
    assert typst.compile_typst(main, CREATED) == first  # the next compile starts a new child
    assert warm[main]._proc is not child and child.stdin is not None and child.stdin.closed  # the dead one's pipe
