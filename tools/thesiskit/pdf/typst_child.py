"""Compile one Typst document in a child process, so that pdf/typst.py can stop it at a deadline.

Run as a script (it imports nothing of the kit): ``python typst_child.py MAIN OUT TIMESTAMP STANDARD…``.
The PDF goes to OUT; stdout gets one JSON object ``{"error": D | null, "warnings": [D, …]}``, where
each diagnostic D is ``{"message", "diagnostic", "trace", "hints"}`` as the ``typst`` package gives them.
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


def main(argv: list[str]) -> int:
    """Compile; 0 with the PDF written, 1 with Typst's error reported."""
    import typst

    main_typ, out, stamp, *standards = argv
    try:
        pdf, warnings = typst.compile_with_warnings(
            main_typ,
            root=str(Path(main_typ).parent),
            font_paths=[],
            ignore_system_fonts=True,
            pdf_standards=standards,  # type: ignore[arg-type]
            timestamp=dt.datetime.fromisoformat(stamp),
        )
    except (typst.TypstError, RuntimeError) as exc:  # older bindings raise plain RuntimeError
        print(json.dumps({"error": _diagnostic(exc), "warnings": []}))
        return 1
    if not isinstance(pdf, bytes):
        print(json.dumps({"error": {"message": "Typst returned no PDF"}, "warnings": []}))
        return 1
    Path(out).write_bytes(pdf)
    print(json.dumps({"error": None, "warnings": [_diagnostic(w) for w in warnings]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
