"""Check a .docx and read it.

Pandoc's AST (with Zotero, Mendeley and EndNote fields as citations) and the document's properties
(title, author, date, language).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..pandoc import run_pandoc

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Start of an OLE compound file: an old .doc, or a .docx saved with a password (encrypted)."""
_LANG = re.compile(r'<w:lang\b[^>]*\bw:val="([A-Za-z-]+)"')


@dataclass(frozen=True)
class Properties:
    """What the document's properties say (None where they say nothing)."""

    title: str | None
    author: str | None
    date: dt.date | None
    language: str | None
    """BCP 47 tag as Word stores it (``nb-NO``), from the core properties or the default style."""


@dataclass(frozen=True)
class Document:
    """A .docx as Pandoc reads it."""

    ast: dict[str, Any]
    properties: Properties
    media: Path
    """Folder the pictures were extracted into."""


def check_docx(path: Path) -> None:
    """Refuse what is not a readable .docx, with one clear message (nothing is written)."""
    shown = str(path)
    if not path.is_file():
        raise InputError.at(shown, None, "no such file")
    head = path.read_bytes()[:8]
    if head == _OLE:
        raise InputError.at(
            shown, None, "is password-protected or an old Word .doc; save it in Word as a .docx without a password"
        )
    if path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
        raise InputError.at(shown, None, "is not a Word .docx file (save it from Word as .docx)")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise InputError.at(shown, None, "is a zip file but not a Word document (no word/document.xml)")
            bad = z.testzip()
    except zipfile.BadZipFile as exc:
        raise InputError.at(shown, None, f"is corrupt ({exc}); open it in Word and save it again") from None
    if bad is not None:
        raise InputError.at(shown, None, f"is corrupt (damaged part {bad}); open it in Word and save it again")


def read_docx(path: Path, media: Path) -> Document:
    """Read ``path`` (checked first) with Pandoc; pictures are extracted under ``media``."""
    check_docx(path)
    out = run_pandoc(["-f", "docx+citations", "-t", "json", f"--extract-media={media}", str(path.resolve())])
    ast = json.loads(out)
    if not any(_has_text(b) for b in ast.get("blocks", [])):
        raise InputError.at(str(path), None, "the document is empty: there is no text to import")
    return Document(ast, read_properties(path), media)


def read_properties(path: Path) -> Properties:
    """Title, author, date (last saved, else created) and language from the document's properties."""
    import docx  # python-docx

    core = docx.Document(str(path)).core_properties
    when = core.modified or core.created
    language = (core.language or "").strip() or _style_language(path)
    return Properties(
        (core.title or "").strip() or None,
        (core.author or "").strip() or None,
        when.date() if when else None,
        language or None,
    )


def _style_language(path: Path) -> str:
    """The default language of the document's styles (Word keeps it there, not in the properties)."""
    with zipfile.ZipFile(path) as z:
        if "word/styles.xml" not in z.namelist():
            return ""
        text = z.read("word/styles.xml").decode("utf-8", "replace")
    defaults = text.split("</w:docDefaults>", 1)[0]
    m = _LANG.search(defaults)
    return m.group(1) if m else ""


def _has_text(block: Any) -> bool:
    if isinstance(block, dict):
        if block.get("t") == "Str" and str(block.get("c", "")).strip():
            return True
        if block.get("t") == "Image":
            return True
        return _has_text(block.get("c"))
    if isinstance(block, list):
        return any(_has_text(b) for b in block)
    return False
