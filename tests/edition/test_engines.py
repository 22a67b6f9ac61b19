"""README's promise: build/markdown/ and build/mkdocs.yml build with either engine, run by hand.

``mkdocs build -f build/mkdocs.yml`` and ``zensical build -f build/mkdocs.yml`` write build/site/,
the same pages as ``thesis build`` published, except for what the kit adds after the engine
(thesiskit.site.finish: the head metadata of the home page, the corrected theme markup).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from thesiskit.site.finish import valid_markup

ENGINE_CLI = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "-q"],
    "zensical": [sys.executable, "-m", "zensical", "build"],
}


def test_the_published_tree_builds_with_the_engine_alone(real_site: tuple[str, Path], tmp_path: Path) -> None:
    engine, built = real_site
    root = tmp_path / "study"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns(".cache", "*.pdf", "site", ".staging-*"))
    config = root / "build" / "mkdocs.yml"
    data = yaml.safe_load(config.read_text("utf-8"))
    assert data["site_dir"] == "site" and data["docs_dir"] == "markdown"  # both inside build/ (Zensical's rule)
    done = subprocess.run([*ENGINE_CLI[engine], "-f", str(config)], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    own, published = root / "build" / "site", built / "site"
    pages = sorted(p.relative_to(published).as_posix() for p in published.rglob("*.html"))
    assert len(pages) > 30 and sorted(p.relative_to(own).as_posix() for p in own.rglob("*.html")) == pages
    for rel in pages:
        mine, theirs = valid_markup((own / rel).read_text("utf-8")), (published / rel).read_text("utf-8")
        if rel != "index.html":
            assert mine == theirs, rel
            continue
        end = mine.index("</head>")
        added = theirs[end : len(theirs) - (len(mine) - end)]
        assert theirs.startswith(mine[:end]) and theirs.endswith(mine[end:]), "index.html differs beyond its head"
        assert '<meta name="citation_title"' in added and "application/ld+json" in added
        assert "citation_title" not in mine  # the engine alone does not add it
