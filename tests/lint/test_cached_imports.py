"""A cached ``thesis lint`` (nothing changed) pays for hashing, not for the rules' libraries."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from thesiskit.cli import main

from ..conftest import SAMPLES


def test_cached_lint_loads_neither_schemas_nor_package_metadata(tmp_path: Path) -> None:
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "mini", study, ignore=shutil.ignore_patterns("site", "build", "expected"))
    main(["lint", "--project", str(study)])  # fills the cache
    code = (
        "import sys\n"
        "from thesiskit.cli import main\n"
        f"rc = main(['lint', '--project', {str(study)!r}])\n"
        "print(rc, *sorted(sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split()[1:])
    heavy = sorted(loaded & {"pydantic", "thesiskit.records.schema", "thesiskit.study", "importlib.metadata"})
    assert not heavy, f"a cached thesis lint imported {heavy}"
