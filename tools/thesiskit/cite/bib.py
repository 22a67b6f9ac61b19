r"""Read references.bib with bibtexparser v2, keeping going past broken entries.

bibtexparser splits the file into blocks; the values are resolved here as BibTeX and biber read
them (``@string`` macros, ``#`` concatenation, month macros), so that what they would report is
reported too: a missing comma between two fields, an undefined macro, an ``@`` outside an entry.
Values are decoded from LaTeX (``S{\o}rvoll`` → ``Sørvoll``; see :mod:`.latex`) and names are
split as BibTeX and biblatex split them (:mod:`.names`).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser import model as bm

from ..cache import cache_key, read_entry, write_entry
from ..errors import Problem
from .latex import decode
from .names import KNOWN, Names, Person, parse_names

logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

_RAW_KEY = re.compile(r"\s*@(\w+)\s*\{\s*([^,\s{}]+)\s*,")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {m: str(i) for i, m in enumerate(_MONTH_NAMES, 1)}
"""The month macros BibTeX and biber define."""
VERBATIM = frozenset({"url", "doi", "eprint", "file", "pdf", "urlraw", "verba", "verbb", "verbc"})
"""Fields biblatex reads verbatim: no LaTeX decoding (``file = {C:/Users/…}``)."""
NAME_FIELDS = ("author", "editor")


@dataclass(frozen=True)
class BibEntry:
    """One bibliography entry: key, type, plain field values and the line it starts on."""

    key: str
    type: str
    fields: dict[str, str]
    """Field → value as text: macros resolved, LaTeX decoded, braces removed (verbatim fields as written)."""
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Field → value with macros resolved, the outer delimiters removed and inner braces kept."""

    @property
    def year(self) -> str:
        """Year (from ``year`` or the start of ``date``)."""
        return self.fields.get("year") or self.fields.get("date", "")[:4]

    @property
    def people(self) -> tuple[Person, ...]:
        """The authors (or, without authors, the editors)."""
        name_field = next((f for f in NAME_FIELDS if self.raw.get(f, "").strip()), None)
        return parse_names(self.raw[name_field]).people if name_field else ()

    @property
    def family_names(self) -> list[str]:
        """Family names of the authors (or editors), with particles; institutions whole."""
        return [p.family for p in self.people]

    @property
    def reconstructed(self) -> bool:
        """Whether the entry is marked as not yet verified (``status = {reconstructed}``)."""
        return self.fields.get("status", "").strip().lower() == "reconstructed"

    @property
    def described(self) -> bool:
        """Whether the title is a description in square brackets, as APA gives a work without a (known) title."""
        return self.fields.get("title", "").lstrip().startswith("[")


@dataclass
class Bibliography:
    """Entries by key, in file order, and what was wrong with the file."""

    path: Path
    entries: dict[str, BibEntry]
    problems: list[Problem]
    """Syntax errors (CIT008): blocks that failed to parse, a missing comma, a field given twice."""
    duplicates: list[BibEntry] = field(default_factory=list)
    undefined: list[Problem] = field(default_factory=list)
    """Macros used in a value and defined nowhere (CIT012)."""
    stray: list[Problem] = field(default_factory=list)
    """``@`` outside an entry, which BibTeX and biber read as the start of one (CIT013)."""


def family_names(author_field: str) -> list[str]:
    """Split a BibTeX name list into family names (``{{NAV}}`` stays one institution)."""
    return [p.family for p in parse_names(author_field).people]


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
    return parse_bib(text, rel, path)


def parse_bib(text: str, rel: str, path: Path | None = None, cache: Path | None = None) -> Bibliography:
    """Parse a bibliography's text (memoised: the build and its lint gate parse it once).

    With ``cache`` (build/.cache), the result is kept there by the text's hash and the parser's code, so
    an unchanged references.bib is not parsed again (a 6,000-entry file takes a second or two to parse).
    """
    parsed = _cached(text, rel, cache) if cache is not None else _parse(text, rel)
    entries, problems, dups, undefined, stray = parsed
    return Bibliography(path or Path(rel), dict(entries), list(problems), list(dups), list(undefined), list(stray))


_Parsed = tuple[
    dict[str, "BibEntry"], tuple[Problem, ...], tuple["BibEntry", ...], tuple[Problem, ...], tuple[Problem, ...]
]


def _cached(text: str, rel: str, cache: Path) -> _Parsed:
    key = bib_key(text, rel)
    data = read_entry(cache, "bib", key)
    if data is not None:
        try:
            return _from_json(data)
        except (ValueError, KeyError, TypeError):
            pass  # an entry of an older layout: parsed again
    parsed = _parse(text, rel)
    write_entry(cache, "bib", key, _to_json(parsed))
    return parsed


def bib_key(text: str, rel: str) -> str:
    """What a parsed bibliography is made from: its text, its path (in the problems) and the parser."""
    return cache_key(_code_version(), rel, text)


@functools.cache
def _code_version() -> str:
    """The parser's own code and bibtexparser's version: a change to either parses again."""
    from importlib.metadata import version

    here = Path(__file__).parent
    code = b"".join((here / f).read_bytes() for f in ("bib.py", "names.py", "latex.py"))
    return hashlib.sha256(code + version("bibtexparser").encode()).hexdigest()


def _to_json(parsed: _Parsed) -> dict[str, object]:
    entries, problems, dups, undefined, stray = parsed

    def entry(e: BibEntry) -> list[object]:  # raw values only where they differ from the text
        return [e.key, e.type, e.fields, e.line, e.field_lines, {k: v for k, v in e.raw.items() if e.fields[k] != v}]

    names = {v: _names_json(parse_names(v)) for e in entries.values() for f in NAME_FIELDS if (v := e.raw.get(f))}
    return {
        "entries": [entry(e) for e in entries.values()],
        "duplicates": [entry(e) for e in dups],
        "problems": [[p.path, p.line, p.message] for p in problems],
        "undefined": [[p.path, p.line, p.message] for p in undefined],
        "stray": [[p.path, p.line, p.message] for p in stray],
        "names": names,
    }


def _names_json(names: Names) -> list[object]:
    return [[[p.family, p.given, p.institution] for p in names.people], names.others, list(names.notes)]


def _from_json(data: dict[str, Any]) -> _Parsed:
    def entry(row: list[Any]) -> BibEntry:
        key, kind, fields, line, lines, raw = row
        return BibEntry(key, kind, fields, line, lines, {**fields, **raw})

    for value, (people, others, notes) in data["names"].items():
        KNOWN.setdefault(value, Names(tuple(Person(f, g, i) for f, g, i in people), others, tuple(notes)))
    entries = {e.key: e for e in map(entry, data["entries"])}
    problems = [tuple(Problem(*p) for p in data[k]) for k in ("problems", "undefined", "stray")]
    return entries, problems[0], tuple(map(entry, data["duplicates"])), problems[1], problems[2]


@functools.lru_cache(maxsize=8)
def _parse(text: str, rel: str) -> _Parsed:
    lib = bibtexparser.parse_string(text, parse_stack=[])  # values as written: resolved below
    reader = _Reader(rel)
    entries: dict[str, BibEntry] = {}
    dups: list[BibEntry] = []
    for block in lib.blocks:  # in file order: a macro counts from its @string on, as in BibTeX
        if isinstance(block, bm.String):
            reader.define(block)
        elif isinstance(block, bm.ImplicitComment):
            reader.stray_at(block)
        elif isinstance(block, bm.Entry):
            if block.key not in entries:
                entries[block.key] = reader.entry(block)
        elif isinstance(block, bm.DuplicateBlockKeyBlock):
            if isinstance(block.ignore_error_block, bm.Entry):
                dups.append(reader.entry(block.ignore_error_block))
        elif isinstance(block, bm.DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, bm.Entry):
            # keep the entry (the last value wins) and report the field
            kept = block.ignore_error_block
            if kept.key not in entries:
                entries[kept.key] = reader.entry(kept)
            fields = ", ".join(sorted(block.duplicate_keys))
            line = (block.start_line or 0) + 1
            reader.problems.append(Problem(rel, line, f"BibTeX syntax error: field {fields} given twice"))
        elif isinstance(block, bm.ParsingFailedBlock):
            key = _RAW_KEY.match(block.raw or "")
            where = f" in @{key.group(1)}{{{key.group(2)}}}" if key else ""
            line = (block.start_line or 0) + 1
            reader.problems.append(Problem(rel, line, f"BibTeX syntax error{where}: {_reason(block)}"))
    return entries, tuple(reader.problems), tuple(dups), tuple(reader.undefined), tuple(reader.stray)


_TOKEN = re.compile(r'\s*(?:(?P<brace>\{)|(?P<quote>")|(?P<number>\d+)\b|(?P<macro>[^\s#{}",=]+))')
_FIELD_START = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=")
_STRAY = re.compile(r"@\s*([A-Za-z]\w*)")


class _Reader:
    """Resolves raw values (macros, ``#``), collecting what BibTeX and biber would report."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.macros: dict[str, str] = dict(MONTHS)
        self.problems: list[Problem] = []
        self.undefined: list[Problem] = []
        self.stray: list[Problem] = []

    def define(self, block: bm.String) -> None:
        line = (block.start_line or 0) + 1
        value, _ = self.resolve(str(block.value), line, f"@string {block.key}")
        self.macros[block.key.casefold()] = value

    def stray_at(self, block: bm.ImplicitComment) -> None:
        text = block.raw or ""
        for m in _STRAY.finditer(text):
            line = (block.start_line or 0) + 1 + text.count("\n", 0, m.start())
            self.stray.append(
                Problem(
                    self.rel,
                    line,
                    f"{m.group(0)!r} outside an entry: BibTeX, biber and pybtex read it as the start of an "
                    "entry (a % line is no comment to them); remove the @ or reword",
                )
            )

    def entry(self, e: bm.Entry) -> BibEntry:
        fields: dict[str, str] = {}
        raw: dict[str, str] = {}
        lines: dict[str, int] = {}
        for f in e.fields:
            name = f.key.lower()
            line = (f.start_line or 0) + 1
            value, _ = self.resolve(str(f.value), line, f"{e.key}: field {name}")
            raw[name] = value
            fields[name] = value.strip() if name in VERBATIM else decode(value)
            lines[name] = line
        return BibEntry(e.key, e.entry_type.lower(), fields, (e.start_line or 0) + 1, lines, raw)

    def resolve(self, value: str, line: int, where: str) -> tuple[str, bool]:
        """The value of ``a # "b" # {c}`` (outer delimiters removed); False if it had to stop early."""
        parts: list[str] = []
        pos = 0
        while True:
            m = _TOKEN.match(value, pos)
            if not m:
                break
            if m.group("brace") or m.group("quote"):
                end = closing(value, m.end() - 1)
                if end < 0:
                    parts.append(value[m.end() :])
                    pos = len(value)
                    break
                parts.append(value[m.end() : end])
                pos = end + 1
            elif m.group("number"):
                parts.append(m.group("number"))
                pos = m.end()
            else:
                name = m.group("macro")
                if name.casefold() in self.macros:
                    parts.append(self.macros[name.casefold()])
                else:
                    self.undefined.append(
                        Problem(self.rel, line, f"{where}: macro {name!r} is not defined (no @string{{{name} = …}})")
                    )
                    parts.append(name)
                pos = m.end()
            hash_ = re.match(r"\s*#", value[pos:])
            if not hash_:
                break
            pos += hash_.end()
        rest = value[pos:]
        if rest.strip():
            at = line + value.count("\n", 0, pos + len(rest) - len(rest.lstrip()))
            nxt = _FIELD_START.match(rest)
            if nxt:
                message = f"BibTeX syntax error: missing comma before field {nxt.group(1)} ({where} runs on into it)"
            else:
                message = f"BibTeX syntax error: {where}: unexpected text after the value: {rest.strip()[:40]!r}"
            self.problems.append(Problem(self.rel, at, message))
            return "".join(parts), False
        return "".join(parts), True


_BRACES = re.compile(r"[{}]")
_BRACES_QUOTE = re.compile(r'[{}"]')


def closing(text: str, start: int) -> int:
    """Offset of the delimiter closing the brace or quote at ``start`` (braces nest), or -1."""
    depth = 0
    quote = text[start] == '"'
    for m in (_BRACES_QUOTE if quote else _BRACES).finditer(text, start + 1):
        c = m.group()
        if c == "{":
            depth += 1
        elif c == "}":
            if depth == 0:
                return -1 if quote else m.start()
            depth -= 1
        elif depth == 0:  # a quote closing a quoted value
            return m.start()
    return -1


def _reason(block: bm.Block) -> str:
    err = getattr(block, "error", None)
    reason = getattr(err, "abort_reason", None) or (str(err) if err else "")
    first = reason.strip().splitlines()[0] if reason.strip() else ""
    return first.replace("`", "") or "cannot parse this block"
