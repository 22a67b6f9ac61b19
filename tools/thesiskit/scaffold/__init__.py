"""``thesis new DIR``: an ordinary thesis that builds and lints clean at once.

The starter study (``study/``) has chapters, abstracts in two languages, a picture, a table, a
quote, a finding, a ``.gitignore``, a README for the student and the publishing workflow. With
``edition=True`` (``thesis new --edition``) it also gets the apparatus of a scholarly edition of an
earlier text: the page of changes (``docs/om-utgaven.md``, from ``report/changes/``) and a
bibliography entry marked ``status = {reconstructed}`` with its ``verification`` note, which the
gate reports (CIT011) until it is checked.

Files whose names start with a dot are stored without it (``gitignore``, ``github/``), so that every
packaging tool ships them; they get their dot when copied.
"""

from __future__ import annotations

import json
import shutil
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from ..errors import InputError

HERE = Path(__file__).resolve().parent
STARTER = HERE / "study"
EDITION = HERE / "edition"
DOTTED = ("gitignore", "github")
EDITION_NAV = "  - Om denne utgaven: om-utgaven.md\n"
RECONSTRUCTED = """
@book{eksempel2019,
  author = {Etternavn, Fornavn},
  title = {En bok som bare er kjent fra henvisningene},
  publisher = {Forlaget},
  address = {Oslo},
  year = {2019},
  status = {reconstructed},
  verification = {Gjenskapt fra henvisningene i teksten; ikke kontrollert mot boka}
}
"""


def kit_requirement() -> str | None:
    """The kit as a pip requirement, if it was installed from a git repository (PEP 610's direct_url.json)."""
    try:
        raw = distribution("thesiskit").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    data = json.loads(raw) if raw else {}
    vcs = data.get("vcs_info") or {}
    if vcs.get("vcs") != "git" or not data.get("url") or not vcs.get("commit_id"):
        return None
    return f"thesiskit @ git+{data['url']}@{vcs['commit_id']}"


def new_study(directory: Path, *, edition: bool = False) -> Path:
    """Copy the starter study into ``directory`` (which must not exist or be empty)."""
    if directory.exists() and any(directory.iterdir()):
        raise InputError.at(directory, None, "folder exists and is not empty; choose a new folder")
    shutil.copytree(STARTER, directory, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in DOTTED:
        (directory / name).rename(directory / f".{name}")
    pinned = kit_requirement()
    if pinned:  # the kit this study was made with, at its commit (else the README says what to fill in)
        req = directory / "requirements.txt"
        lines = [ln for ln in req.read_text("utf-8").splitlines() if ln.startswith("#")]
        req.write_text("\n".join([*lines, pinned]) + "\n", "utf-8")
    if edition:
        shutil.copytree(EDITION, directory, dirs_exist_ok=True)
        (directory / "report" / "changes").mkdir(parents=True, exist_ok=True)
        with (directory / "mkdocs.yml").open("a", encoding="utf-8") as fh:
            fh.write(EDITION_NAV)
        with (directory / "references.bib").open("a", encoding="utf-8") as fh:
            fh.write(RECONSTRUCTED)
        intro = directory / "docs" / "04-avslutning.md"
        intro.write_text(intro.read_text("utf-8").rstrip("\n") + " Se også @eksempel2019.\n", "utf-8")
    return directory
