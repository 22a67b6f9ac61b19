"""``thesis new DIR [--language nb|nn|en]``: an ordinary thesis that builds and lints clean at once.

The starter study (``study/``) has chapters, abstracts in two languages, a picture, a table, a
quote, a finding, a ``.gitignore``, a README for the student and the publishing workflow. With
``edition=True`` (``thesis new --edition``) it also gets the apparatus of a scholarly edition of an
earlier text: the page of changes (``docs/om-utgaven.md``, from ``report/changes/``) and a
bibliography entry marked ``status = {reconstructed}`` with its ``verification`` note, which the
gate reports (CIT011) until it is checked.

The starter study is in Bokmål; ``languages/nn`` and ``languages/en`` hold its files in nynorsk
and English (each top-level entry there replaces the Bokmål one).

Files whose names start with a dot are stored without it (``gitignore``, ``github/``), so that every
packaging tool ships them; they get their dot when copied.
"""

from __future__ import annotations

import json
import shutil
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from ..errors import InputError
from ..lang import LANGUAGES as LANGS
from ..lang import Locale, locale_for

HERE = Path(__file__).resolve().parent
STARTER = HERE / "study"
"""The starter study, in Bokmål."""
LANGUAGES = HERE / "languages"
"""The starter study's own files in the other languages (``languages/en``, ``languages/nn``): each
top-level entry there replaces the Bokmål one."""
EDITION = "om-utgaven.md"
DOTTED = ("gitignore", "github")
RECONSTRUCTED = """
@book{{eksempel2019,
  author = {{{author}}},
  title = {{{title}}},
  publisher = {{{publisher}}},
  address = {{Oslo}},
  year = {{2019}},
  status = {{reconstructed}},
  verification = {{{verification}}}
}}
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


def new_study(directory: Path, *, edition: bool = False, language: str = "nb") -> Path:
    """Copy the starter study in ``language`` (nb, nn, en) into ``directory`` (which must not exist or be empty)."""
    if language not in LANGS:
        raise InputError.at("--language", None, f"{language!r} is not one of {', '.join(LANGS)}")
    if directory.exists() and any(directory.iterdir()):
        raise InputError.at(directory, None, "folder exists and is not empty; choose a new folder")
    shutil.copytree(STARTER, directory, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    own = LANGUAGES / language
    if own.is_dir():
        for entry in own.iterdir():
            old = directory / entry.name
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink(missing_ok=True)
        shutil.copytree(own, directory, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in DOTTED:
        (directory / name).rename(directory / f".{name}")
    pinned = kit_requirement()
    if pinned:  # the kit this study was made with, at its commit (else the README says what to fill in)
        req = directory / "requirements.txt"
        lines = [ln for ln in req.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        _write(req, "\n".join([*lines, pinned]) + "\n")
    if edition:
        _add_edition(directory, locale_for(language))
    return directory


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")  # the same bytes on Windows


def _add_edition(directory: Path, t: Locale) -> None:
    """The edition's apparatus: the page of changes and an entry the gate reports until it is checked."""
    (directory / "report" / "changes").mkdir(parents=True, exist_ok=True)
    about = t.text("scaffold_edition_about")
    page = (
        f"# {about} {{#om-utgaven .unnumbered}}\n\n{t.text('scaffold_edition_source')} @eksempel2019.\n\n"
        f"## {t.text('scaffold_edition_changes')} {{#endringer .unnumbered}}\n\n{{{{ changes_list() }}}}\n"
    )
    _write(directory / "docs" / EDITION, page)
    mkdocs = directory / "mkdocs.yml"
    _write(mkdocs, mkdocs.read_text(encoding="utf-8") + f"  - {about}: {EDITION}\n")
    entry = RECONSTRUCTED.format(
        author=t.text("scaffold_author"),
        title=t.text("scaffold_reconstructed_title"),
        publisher=t.text("scaffold_publisher"),
        verification=t.text("scaffold_reconstructed_note"),
    )
    bib = directory / "references.bib"
    _write(bib, bib.read_text(encoding="utf-8") + entry)
