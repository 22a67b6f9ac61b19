"""The kit's code handles paths with pathlib and text files with explicit UTF-8, portably.

An AST scan over tools/: no ``os.path`` (but ``relpath``, which pathlib lacks before Python 3.12;
its result must go through ``Path(...).as_posix()``, and the modules of ``OS_PATH_EXEMPT``, each
with its reason), no ``os.altsep``; every text-mode
``open``/``Path.open``/``read_text``/``write_text`` names its encoding, and every text-mode write
names ``newline`` (``"\\n"``), so that the outputs are the same bytes on Windows (where Python
would otherwise write "\\r\\n").
"""

from __future__ import annotations

import ast

import pytest

from .conftest import REPO

TOOLS = REPO / "tools"
OS_PATH_ALLOWED = {"relpath"}
OS_PATH_EXEMPT = {
    "tools/thesiskit/cache.py": "the input digest walks the whole study and the kit on every run with plain "
    "strings, for speed (make bench); it turns os.sep into '/' for its keys",
    "tools/thesiskit/livereload.py": "MkDocs' LiveReloadServer keys the paths it watches by os.path.abspath "
    "strings; the kit's override of watch() must store the same keys",
}


def _keywords(call: ast.Call) -> set[str]:
    return {k.arg for k in call.keywords if k.arg}


def _mode(call: ast.Call, position: int) -> str | None:
    """The call's mode argument if it is a literal; "r" when it is left out."""
    for k in call.keywords:
        if k.arg == "mode":
            return k.value.value if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str) else None
    if len(call.args) > position:
        arg = call.args[position]
        return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
    return "r"


def problems(source: str, name: str = "<code>") -> list[str]:
    """What the scan finds in one module's source, as "name:line: what"."""
    out = []
    for node in ast.walk(ast.parse(source)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and node.attr == "altsep"
        ):
            out.append(f"{where}: os.altsep (use pathlib)")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "os"
            and node.value.attr == "path"
            and node.attr not in OS_PATH_ALLOWED
        ):
            out.append(f"{where}: os.path.{node.attr} (use pathlib)")
        if isinstance(node, ast.ImportFrom) and node.module in ("os.path", "posixpath", "ntpath"):
            out.append(f"{where}: from {node.module} import … (use pathlib)")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        kws = _keywords(node)
        if isinstance(func, ast.Name) and func.id == "open":
            mode = _mode(node, 1)
        elif isinstance(func, ast.Attribute) and func.attr == "open" and not (
            isinstance(func.value, ast.Name) and func.value.id in ("os", "zipfile", "tarfile", "gzip", "webbrowser")
        ):
            mode = _mode(node, 0)
        elif isinstance(func, ast.Attribute) and func.attr == "read_text":
            if not node.args and "encoding" not in kws:
                out.append(f"{where}: read_text() without encoding")
            continue
        elif isinstance(func, ast.Attribute) and func.attr == "write_text":
            if len(node.args) < 2 and "encoding" not in kws:
                out.append(f"{where}: write_text() without encoding")
            if len(node.args) < 4 and "newline" not in kws:
                out.append(f'{where}: write_text() without newline="\\n" (Windows would write \\r\\n)')
            continue
        else:
            continue
        if mode is None or "b" in mode:
            continue
        if "encoding" not in kws:
            out.append(f"{where}: open() in text mode without encoding")
        if any(c in mode for c in "wax+") and "newline" not in kws:
            out.append(f'{where}: open() for writing without newline="\\n" (Windows would write \\r\\n)')
    return out


def test_tools_handle_paths_and_text_portably() -> None:
    found = []
    for path in sorted(TOOLS.rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        found += [p for p in problems(path.read_text("utf-8"), name) if not (name in OS_PATH_EXEMPT and "os.path" in p)]
    assert found == []


@pytest.mark.parametrize(
    "code",
    [
        "import os\nos.path.join('a', 'b')",
        "import os\nx = 'a' + (os.altsep or '') + 'b'",
        "from os.path import join",
        "open('x.txt')",
        "open('x.txt', 'w', encoding='utf-8')",
        "p.read_text()",
        "p.write_text('x', encoding='utf-8')",
        "p.open('a', encoding='utf-8')",
    ],
)
def test_the_scan_finds(code: str) -> None:
    assert problems(code)


@pytest.mark.parametrize(
    "code",
    [
        "import os\nos.path.relpath('a', 'b')",
        "open('x.txt', encoding='utf-8')",
        "open('x.bin', 'rb')",
        "p.read_text(encoding='utf-8')",
        "p.read_text('utf-8')",
        "p.write_text('x', encoding='utf-8', newline='\\n')",
        "p.open('a+b')",
        "zipfile.open('x')",
    ],
)
def test_the_scan_passes(code: str) -> None:
    assert problems(code) == []
