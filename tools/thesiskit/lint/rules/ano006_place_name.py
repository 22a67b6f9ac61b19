"""A Norwegian municipality or town name, or a local office named by its place.

Why: a study of "two local offices" of an agency is anonymous only until the text says where they are. A single
place name, in a quote, a figure or a footnote, can identify the offices and through them the informants.

Fires on (warning), in chapters and records:
- the name of one of Norway's 357 municipalities (SSB's classification, structure from 2024, shipped in
  `tools/thesiskit/data/kommuner.csv`, with Sámi and Kven parallel names), capitalised as a name and
  not at the start of a sentence, heading, list item or table cell;
- `<Organisation> <Place>` (a local office named by its place), for each organisation the study lists
  under `lint: places: offices` (e.g. `{name: NAV, units: [kontakt, klage, fylke]}` for `NAV Førde`,
  also written `Nav Førde`), whether or not the place is a municipality (`NAV Grünerløkka`); names
  starting with one of the organisation's `units` (`NAV Kontaktsenter`, `NAV Klageinstans` …) are not places.

Names that are also ordinary words (Hole, Vik, Nes, Lier, Bø, Sel, Moss, Hå, Time, Sola, Strand, Fjord,
Heim, Ås, Ål, Lom, Os, Marker, Kinn, Stad, Gran, Lund, Vang …; column `vanlig_ord` of the list) are
reported only in a strong context: `Hole kommune`, `Hole-kommune`, and for a listed organisation
`NAV Hole`, `NAV-kontoret i Hole`.

Does not fire on: a name that is a bibliography author (`Lund (2012)`; but in a strong
context such as `Hole kommune` it is a place all the same), an institution's name
(`Universitetet i Bergen`, `Høgskolen i Oslo og Akershus`), a publisher's place (`Oslo: Universitetsforlaget`),
names listed under `lint: places: ignore`, and allow-listed strings. Names under `lint: places: extra`
(a district, a street) are reported like municipalities.

Fix: replace the place with a description that does not narrow it down ("en mellomstor kommune"), or,
if the place is public and harmless (the university's town), add it to `places: ignore`.

Example: `Intervjuene ble gjort i Ringerike kommune og ved NAV Hole.` (the second with `NAV` under `offices`)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..context import LintContext, kommuner
from ..finding import Hit
from ..source import Source
from ..text import UPPER, sentence_initial

CODE = "ANO006"
SEVERITY = "warning"
FILES = "prose"
INPUTS = ("places", "authors")

_INSTITUTION = re.compile(
    r"(?:Universitetet|Høgskolen|Høgskulen|Høyskolen|Høgskole|Høgskule|Politihøgskolen|Sykehuset|Fylkesmannen|"
    r"Statsforvalteren|Tingrett|Biskopen|Stiftet|Lagmannsrett)\s+(?:i|på)\s+(?:\w+\s+og\s+)?$"
)
_PUBLISHER = re.compile(r"^\s*:\s*[^\n]{0,40}?(?:[Ff]orlag\w*|Press|Akademisk|Gyldendal|Cappelen|Pax)")
_STRONG_AFTER = re.compile(r"^(?:\s+kommunes?\b|-kommunen?\b)")
_NOT_PLACE = frozenset(
    [
        "og",
        "har",
        "er",
        "the",
        "has",
        "is",
        "was",
        "and",
        "in",
        "sin",
        "sitt",
        "sine",
        "vil",
        "skal",
        "kan",
        "må",
        "i",
        "på",
        "ved",
    ]
)


_WORD = re.compile(rf"[{UPPER}][\w-]*")


@cache
def _offices(offices: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str] | None, list[_Office]]:
    """The strong-context pattern before a place, and one office pattern per organisation (from config)."""
    strong, out = [], []
    for name, units in offices:
        forms = "|".join(re.escape(f) for f in dict.fromkeys((name, name[:1] + name[1:].lower())))
        strong.append(rf"\b(?:{forms})[- ]|\b(?:{forms})-kontor(?:et|ene)?\s+(?:i|på)\s+")
        rx = re.compile(rf"\b(?:{forms})\s+(?P<place>[{UPPER}][\w-]+)")
        out.append(_Office(name, rx, tuple(u.casefold() for u in units)))
    return (re.compile("(?:" + "|".join(strong) + ")$") if strong else None), out


@dataclass(frozen=True)
class _Office:
    name: str
    rx: re.Pattern[str]
    units: tuple[str, ...]


@cache
def _names(extra: tuple[str, ...]) -> tuple[dict[str, list[str]], dict[str, tuple[str, bool]]]:
    """First word → full names (longest first), and name → (description, is an ordinary word)."""
    info: dict[str, tuple[str, bool]] = {}
    for k in kommuner():
        for form in k.forms:
            info[form] = (f"kommune {k.number} {k.name}", k.common_word)
    for name in extra:
        info[name] = ("listed under lint: places: extra", False)
    by_first: dict[str, list[str]] = {}
    for name in sorted(info, key=len, reverse=True):
        by_first.setdefault(name.split()[0], []).append(name)
    return by_first, info


def _places(view: str, by_first: dict[str, list[str]]) -> Iterator[tuple[int, int, str]]:
    for m in _WORD.finditer(view):
        word = m.group(0)
        if m.start() and (view[m.start() - 1].isalnum() or view[m.start() - 1] in "_-"):
            continue
        for name in by_first.get(word, ()) or by_first.get(word.split("-")[0], ()):
            end = m.start() + len(name)
            if view.startswith(name, m.start()) and not (end < len(view) and (view[end].isalnum() or view[end] == "_")):
                yield m.start(), end, name
                break


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report place names."""
    by_first, info = _names(tuple(ctx.config.places.extra))
    ignore = {n.casefold() for n in ctx.config.places.ignore}
    strong_before, offices = _offices(tuple((o.name, tuple(o.units)) for o in ctx.config.places.offices))
    authors = ctx.authors
    view = source.anon
    reported: set[int] = set()
    for start, end, name in _places(view, by_first):
        if name.casefold() in ignore:
            continue
        before = view[max(0, start - 60) : start]
        after = view[end : end + 60]
        strong = bool((strong_before and strong_before.search(before)) or _STRONG_AFTER.match(after))
        if not strong and authors.exact(name):  # "Lund (2012)"; but "Hole kommune" is a place
            continue
        if _INSTITUTION.search(before) or _PUBLISHER.match(after) or re.match(r"\s*\(\d{4}", after):
            continue
        what, common = info[name]
        if not strong and (common or sentence_initial(view, start)):
            continue
        reported.add(start)
        yield source.hit(start, end, f"place name {name!r} ({what}) can identify the study site")
    for office in offices:
        for m in office.rx.finditer(view):
            place = m.group("place")
            if m.start("place") in reported or place.casefold() in ignore:
                continue
            folded = place.casefold()
            if folded in _NOT_PLACE or folded.startswith(office.units) or place.isupper():
                continue
            yield source.hit(
                m.start(), m.end("place"), f"{m.group(0)!r} names a local {office.name} office by its place"
            )
