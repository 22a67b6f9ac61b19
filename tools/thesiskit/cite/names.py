"""Name lists of BibTeX and biblatex, split as those tools split them, never raising.

Accepted: ``Last, First``, ``First von Last``, ``von Last, Jr, First``, corporate names in braces
(``{{NAV}}``, ``{Norsk senter for forskningsdata}``), ``and others``, biblatex's extended name
format as Zotero/Better BibLaTeX write it (``family=Buuren, given=Stef, prefix=van,
useprefix=false``) and LaTeX escapes. What BibTeX would read differently from what was meant is
kept as a note (CIT015): names separated by commas instead of ``and`` (``Hansen, Kari, Olsen,
Per``) and a name ending in a comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts, split_multiple_persons_names

from .latex import decode

_EXTENDED = re.compile(r"^\s*(?:family|given|prefix|suffix|useprefix|juniorcomma|sortingnamekeytemplatename)\s*=", re.I)


@dataclass(frozen=True)
class Person:
    """One name of a name list."""

    family: str
    """Family name with its particle (``van Buuren``); an institution's whole name."""
    given: str = ""
    institution: bool = False


@dataclass(frozen=True)
class Names:
    """A split name list: the people, whether it ended in ``and others``, and notes on its form."""

    people: tuple[Person, ...]
    others: bool = False
    notes: tuple[str, ...] = ()


KNOWN: dict[str, Names] = {}
"""Name lists split so far (also filled from the bibliography cache, see :mod:`.bib`)."""
_SIMPLE = re.compile(r"[A-ZÀ-ÞØÆÅ][^\s,{}\\=]*(?:[ -][A-ZÀ-ÞØÆÅ][^\s,{}\\=]*)*, [^,{}\\=]+")
"""``Family, Given`` with a capitalised family name of plain letters: no particle, brace, escape or extra comma."""


def parse_names(value: str) -> Names:
    """Split a name field (``author``, ``editor``) into people."""
    known = KNOWN.get(value)
    if known is None:
        known = KNOWN[value] = _parse_names(value)
    return known


def _parse_names(value: str) -> Names:
    if not value.strip():
        return Names(())
    parts = value.split(" and ")
    if all(_SIMPLE.fullmatch(p.strip()) for p in parts):  # the common case, split as bibtexparser splits it
        return Names(tuple(Person(f.strip(), g.strip()) for f, _, g in (p.partition(", ") for p in parts)))
    people: list[Person] = []
    notes: list[str] = []
    others = False
    for name in _split(value):
        name = name.strip()
        if not name:
            continue
        if name.casefold() == "others":
            others = True
            continue
        if _EXTENDED.match(name):
            people.append(_extended(name))
            continue
        if name.startswith("{") and _outer_braced(name):
            people.append(Person(_text(name.strip(",")).strip(" ,"), institution=True))
            continue
        people.extend(_one(name, notes))
    return Names(tuple(people), others, tuple(notes))


def _split(value: str) -> list[str]:
    try:
        return list(split_multiple_persons_names(value))
    except Exception:  # bibtexparser gives up on unbalanced braces: split on " and " alone
        return re.split(r"\s+and\s+", value)


def _one(name: str, notes: list[str]) -> list[Person]:
    try:
        return [_person(parse_single_name_into_parts(name))]
    except InvalidNameError:
        pass
    except Exception:  # any other odd input: the whole name as written
        return [Person(_text(name))]
    parts = [p.strip() for p in _top_level_commas(name)]
    if parts and not parts[-1]:  # "Hansen, Kari," / "Ole Hansen,": the trailing comma is a typo
        notes.append(f"the name {name!r} ends with a comma; remove it")
        return _one(",".join(parts[:-1]), []) if parts[:-1] else []
    # "Hansen, Kari, Olsen, Per": names separated by commas; BibTeX reads one name with too many commas
    notes.append(f"{name!r}: names are separated by commas; BibTeX separates names with ' and '")
    out = []
    for i in range(0, len(parts), 2):
        family, given = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        out.append(Person(_text(family), _text(given)))
    return out


def _person(parts: object) -> Person:
    last = list(getattr(parts, "last", []))
    first = list(getattr(parts, "first", []))
    von = list(getattr(parts, "von", []))
    if not last:
        last, first = first, []
    family = " ".join([*von, *last])
    institution = len(last) == 1 and last[0].startswith("{") and _outer_braced(last[0])
    return Person(_text(family), _text(" ".join(first)), institution)


def _extended(name: str) -> Person:
    """The extended name format of biblatex: ``family=…, given=…, prefix=…`` form."""
    parts: dict[str, str] = {}
    for piece in _top_level_commas(name):
        key, eq, val = piece.partition("=")
        if eq:
            val = val.strip()
            if val.startswith("{") and _outer_braced(val):
                val = val[1:-1]
            parts[key.strip().casefold()] = val
    family = " ".join(p for p in (parts.get("prefix", ""), parts.get("family", "")) if p)
    return Person(_text(family), _text(parts.get("given", "")))


def _top_level_commas(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _outer_braced(text: str) -> bool:
    """Whether the braces opening ``text`` close at its very end."""
    depth = 0
    for i, c in enumerate(text):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


def _text(value: str) -> str:
    return decode(value).strip()
