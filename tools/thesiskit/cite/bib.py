"""Read references.bib with bibtexparser v2, keeping going past broken entries."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import bibtexparser
from bibtexparser import model as bm
from bibtexparser.middlewares import RemoveEnclosingMiddleware, SeparateCoAuthors, SplitNameParts

from ..errors import Problem

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

_RAW_KEY = re.compile(r"\s*@(\w+)\s*\{\s*([^,\s{}]+)\s*,")


@dataclass(frozen=True)
class BibEntry:
    """One bibliography entry: key, type, plain field values and the line it starts on."""

    key: str
    type: str
    fields: dict[str, str]
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def year(self) -> str:
        """Year (from ``year`` or the start of ``date``)."""
        return self.fields.get("year") or self.fields.get("date", "")[:4]

    @property
    def family_names(self) -> list[str]:
        """Family names of the authors (or editors), braces removed; institutions whole."""
        return family_names(self.fields.get("author") or self.fields.get("editor") or "")

    @property
    def reconstructed(self) -> bool:
        """Whether the entry is marked as not yet verified (``status = {reconstructed}``)."""
        return self.fields.get("status", "").strip().lower() == "reconstructed"


@dataclass
class Bibliography:
    """Entries by key, in file order, and the blocks that failed to parse."""

    path: Path
    entries: dict[str, BibEntry]
    problems: list[Problem]
    duplicates: list[BibEntry] = field(default_factory=list)


def _plain(value: object) -> str:
    return str(value).strip()


def family_names(author_field: str) -> list[str]:
    """Split a BibTeX name list into family names (``{{NAV}}`` stays one institution)."""
    if not author_field.strip():
        return []
    entry = bm.Entry("misc", "x", [bm.Field("author", author_field)])
    lib = bibtexparser.Library([entry])
    lib = SplitNameParts().transform(SeparateCoAuthors().transform(lib))
    names = lib.entries[0].fields_dict["author"].value
    out = []
    for n in names:
        last = " ".join(n.last) if n.last else " ".join(n.first)
        if n.von:
            last = " ".join(n.von) + " " + last
        out.append(re.sub(r"[{}]", "", last).strip())
    return out


def load_bib(path: Path, rel: str) -> Bibliography:
    """Parse the bibliography; syntax errors become problems and parsing resumes after them."""
    if not path.is_file():
        return Bibliography(path, {}, [])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Bibliography(path, {}, [Problem(rel, line, "not valid UTF-8; save the file as UTF-8")])
    entries, problems, dups = _parse(text, rel)
    return Bibliography(path, dict(entries), list(problems), list(dups))


@functools.lru_cache(maxsize=8)
def _parse(text: str, rel: str) -> tuple[dict[str, BibEntry], tuple[Problem, ...], tuple[BibEntry, ...]]:
    """Parse a bibliography's text (memoised: the build and its lint gate parse it once)."""
    lib = bibtexparser.parse_string(text)
    problems: list[Problem] = []
    entries: dict[str, BibEntry] = {}
    dups: list[BibEntry] = []
    recovered: list[bm.Entry] = []
    for block in lib.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, bm.DuplicateBlockKeyBlock):
            dup = block.ignore_error_block
            if isinstance(dup, bm.Entry):
                dups.append(_entry(_unwrapped(dup)))
            continue
        if isinstance(block, bm.DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, bm.Entry):
            # keep the entry (the last value wins) and report the field
            recovered.append(_unwrapped(block.ignore_error_block))
            fields = ", ".join(sorted(block.duplicate_keys))
            problems.append(Problem(rel, line, f"BibTeX syntax error: field {fields} given twice"))
            continue
        key = _RAW_KEY.match(block.raw or "")
        where = f" in @{key.group(1)}{{{key.group(2)}}}" if key else ""
        problems.append(Problem(rel, line, f"BibTeX syntax error{where}: {_reason(block)}"))
    for e in [*lib.entries, *recovered]:
        if e.key not in entries:
            entries[e.key] = _entry(e)
    return entries, tuple(problems), tuple(dups)


def _unwrapped(entry: bm.Entry) -> bm.Entry:
    """Remove the enclosing braces or quotes of a failed block's values, as parsing does for good blocks."""
    lib = RemoveEnclosingMiddleware().transform(bibtexparser.Library([entry]))
    return lib.entries[0]


def _reason(block: bm.Block) -> str:
    err = getattr(block, "error", None)
    reason = getattr(err, "abort_reason", None) or (str(err) if err else "")
    first = reason.strip().splitlines()[0] if reason.strip() else ""
    return first.replace("`", "") or "cannot parse this block"


def _entry(e: bm.Entry) -> BibEntry:
    fields = {k.lower(): _plain(f.value) for k, f in e.fields_dict.items()}
    lines = {k.lower(): (f.start_line or 0) + 1 for k, f in e.fields_dict.items()}
    return BibEntry(e.key, e.entry_type.lower(), fields, (e.start_line or 0) + 1, lines)
