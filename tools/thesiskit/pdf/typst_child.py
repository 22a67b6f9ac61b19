"""Compile Typst documents in a child process, so that pdf/typst.py can stop a compile at a deadline.

Run as a script (it imports nothing of the kit), in one of two ways:

- ``python typst_child.py MAIN OUT TIMESTAMP STANDARD…`` compiles once (``thesis build``);
- ``python typst_child.py --serve`` (``thesis serve``, pdf/warm.py) reads one request a line on
  stdin, a JSON list ``[MAIN, OUT, TIMESTAMP, STANDARD…]``, and answers each with one line on stdout.
  It keeps one ``typst.Compiler`` per MAIN for its whole life, so that a compile after an edit
  reuses what Typst computed before (its incremental cache); it ends when stdin closes. Typst's
  cache is the process's, not a compiler's: a document compiled once makes the next compile of
  a similar one (another MAIN, e.g. the next build's) warm too. An empty OUT compiles without
  writing the PDF (``thesis build`` warming up with the last build's document, pdf/prewarm.py).

The PDF goes to OUT; the answer is one JSON object ``{"error": D | null, "warnings": [D, …]}``, where
each diagnostic D is ``{"message", "diagnostic", "trace", "hints"}`` as the ``typst`` package gives them.
With ``--serve`` each answer line is ``{"code", "answer", "before"}``: ``before`` the number of
compiles this process had done (0: this one was cold).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any


def _diagnostic(d: Any) -> dict[str, Any]:
    return {
        "message": str(getattr(d, "message", "") or d),
        "diagnostic": str(getattr(d, "diagnostic", "") or ""),
        "trace": [str(t) for t in getattr(d, "trace", None) or []],
        "hints": [str(h) for h in getattr(d, "hints", None) or []],
    }


def compile_one(compile: Any, out: str, stamp: str, standards: list[str]) -> tuple[int, str]:
    """Run ``compile`` (a function of the options); write the PDF to ``out`` (if any); (exit code, the JSON answer)."""
    import typst

    try:
        pdf, warnings = compile(
            pdf_standards=standards,
            timestamp=dt.datetime.fromisoformat(stamp),
        )
    except (typst.TypstError, RuntimeError) as exc:  # older bindings raise plain RuntimeError
        return 1, json.dumps({"error": _diagnostic(exc), "warnings": []})
    if not isinstance(pdf, bytes):
        return 1, json.dumps({"error": {"message": "Typst returned no PDF"}, "warnings": []})
    if out:
        Path(out).write_bytes(pdf)
    return 0, json.dumps({"error": None, "warnings": [_diagnostic(w) for w in warnings]})


_OPTIONS: dict[str, Any] = {"font_paths": [], "ignore_system_fonts": True}
"""Bundled fonts only: no system fonts (the same PDF on every machine)."""


def main(argv: list[str]) -> int:
    """Compile once; 0 with the PDF written, 1 with Typst's error reported."""
    import typst

    main_typ, out, stamp, *standards = argv
    root = str(Path(main_typ).parent)

    def once(**kw: Any) -> Any:
        return typst.compile_with_warnings(main_typ, root=root, **_OPTIONS, **kw)

    code, answer = compile_one(once, out, stamp, standards)
    print(answer)
    return code


def serve() -> int:
    """Answer compile requests until stdin closes, keeping one compiler per document."""
    import typst

    compilers: dict[str, Any] = {}
    for before, line in enumerate(sys.stdin):  # before: the compiles this process did
        main_typ, out, stamp, *standards = json.loads(line)
        warm = compilers.get(main_typ)
        if warm is None:
            warm = compilers[main_typ] = typst.Compiler(main_typ, root=str(Path(main_typ).parent), **_OPTIONS)
        code, answer = compile_one(warm.compile_with_warnings, out, stamp, standards)
        print(json.dumps({"code": code, "answer": answer, "before": before}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else main(sys.argv[1:]))
