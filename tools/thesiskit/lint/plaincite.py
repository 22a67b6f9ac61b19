"""Find author–year citations written as plain text: ``(Thagaard, 2013, s. 45)``, ``Bukve (2012)``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import month_names
from .text import NAME_WORD, UPPER

YEAR = r"(?:1[5-9]|20)\d\d[a-zæøå]?(?![\d\w])|u\.\s?å\.?|udatert|n\.\s?d\."
LOC = (
    r"(?:s\.?|ss\.|side|sider|sidene|p\.|pp\.|kap\.?|kapittel|avsnitt|para\.?|§|nr\.)\s*[\dIVXLivxl][\w\s.,–—\-]*"
    r"|\d+(?:\s*[-–—]\s*\d+)?"
)
ETAL = r"m\.?\s?fl\.?|et\.?\s+al\.?|med\s+flere"
SEP = r"\s*,\s*|\s+og\s+|\s*&\s*|\s+and\s+"
_PREFIX = r"(?i:(?:se|jf|jfr|f\.eks|bl\.a|e\.g|cf|see|også|eksempelvis|blant annet|ifølge|i følge)\.?,?\s+)*"
_PAREN = re.compile(r"\((?P<body>[^()\n]{3,300}(?:\n(?![ \t]*\n)[^()\n]{0,300}){0,4})\)")
_WORK = re.compile(
    rf"(?P<prefix>{_PREFIX})(?P<authors>[{UPPER}][^\d();\[\]{{}}:]{{0,160}}?)"
    rf"(?:\s*,\s*|\s+)(?P<year>{YEAR})(?P<more>(?:\s*,\s*(?:{YEAR}))*)"
    rf"(?:\s*[,:]\s*(?P<loc>{LOC}))?\s*"
)
_IBID = re.compile(
    rf"(?P<prefix>{_PREFIX})(?:ibid|ibidem)\.?(?:\s*[,:]\s*(?P<year>{YEAR}))?(?:\s*[,:]\s*(?P<loc>{LOC}))?\s*", re.I
)
_SECONDARY = re.compile(r"\s+(?:referert|sitert|gjengitt|omtalt|i følge|cited|quoted)\s+(?:i|hos|av|in|by)\s+", re.I)
_ETAL_END = re.compile(rf"\s*,?\s*(?P<etal>{ETAL})\s*$", re.I)
_SPLIT = re.compile(SEP)
_NAME_OK = re.compile(rf"(?:(?:van|von|de|der|den|du|la|le|da|di|af)\s+)*[{UPPER}][^\s]*(?:\s+[^\s]+){{0,5}}")
_NARRATIVE_INNER = re.compile(
    rf"\((?P<year>{YEAR})(?P<more>(?:\s*,\s*(?:{YEAR}))*)(?:\s*[,:]\s*(?P<loc>{LOC}))?\)"
    rf"|\((?P<ibid>ibid|ibidem)\.?(?:\s*[,:]\s*(?P<iloc>{LOC}))?\)",
    re.I,
)
_NAME = rf"(?:(?:van|von|de|der|den|du|da|di|af)\s+)*{NAME_WORD}"
_NARRATIVE_NAMES = re.compile(
    rf"(?<![\w-])(?P<names>{_NAME}(?:(?:{SEP}){_NAME}){{0,6}})(?:\s*,?\s*(?P<etal>{ETAL}))?\s*\Z"
)
_OFFICIAL = re.compile(r"(?:NOU|St\.|Meld\.|Prop\.|Ot\.|Innst\.|Dok\.|Rundskriv|Lov\b|LOV\b|Forskrift)")
"""Official Norwegian documents, cited by number ("NOU 2004: 13"), not by author and year."""
_MONTHS = frozenset(
    [
        *month_names("nb_NO"),  # Babel's month names (lang.py), the same in nynorsk
        *month_names("nn_NO"),
        "våren",
        "høsten",
        "sommeren",
        "vinteren",
        "fra",
        "til",
        "etter",
        "før",
        "siden",
        "per",
        "pr",
        "ca",
        "om",
        "mellom",
        "frem",
        "fram",
        "tabell",
        "figur",
        "kapittel",
        "kap",
        "vedlegg",
        "tidlig",
        "sent",
        "slutten",
        "starten",
        "begynnelsen",
        "midten",
    ]
)


@dataclass(frozen=True)
class Name:
    """An author name as written, with its offset."""

    text: str
    start: int


@dataclass(frozen=True)
class PlainWork:
    """One cited work inside a plain-text citation."""

    names: tuple[Name, ...]
    etal: str | None
    joiners: tuple[str, ...]
    year: str | None
    year_start: int
    locator: str | None
    loc_start: int
    secondary: bool = False
    ibid: bool = False


@dataclass(frozen=True)
class PlainCitation:
    """A citation in plain text: parenthetical ``(A, 2013)`` or narrative ``A (2013)``."""

    start: int
    end: int
    narrative: bool
    works: tuple[PlainWork, ...]


def find(view: str) -> list[PlainCitation]:
    """Every plain-text citation in ``view`` (a citation view with Pandoc citations blanked)."""
    out: list[PlainCitation] = []
    for m in _PAREN.finditer(view):
        works = _paren_works(m.group("body"), m.start("body"))
        if works:
            out.append(PlainCitation(m.start(), m.end(), False, tuple(works)))
    for m in _NARRATIVE_INNER.finditer(view):
        before = view[max(0, m.start() - 160) : m.start()]
        nm = _NARRATIVE_NAMES.search(before)
        if not nm:
            continue
        base = m.start() - len(before)
        names, joiners = _split_names(nm.group("names"), base + nm.start("names"))
        if not names or names[0].text.casefold() in _MONTHS:
            continue
        if m.group("ibid"):
            work = PlainWork(
                names, nm.group("etal"), joiners, None, m.start(), m.group("iloc"), m.start("iloc"), ibid=True
            )
        else:
            work = PlainWork(
                names, nm.group("etal"), joiners, m.group("year"), m.start("year"), m.group("loc"), m.start("loc")
            )
        out.append(PlainCitation(base + nm.start(), m.end(), True, (work,)))
    out.sort(key=lambda c: c.start)
    return out


def names_before(view: str, offset: int) -> tuple[Name, ...]:
    """The author list written just before ``offset`` (``Helgøy, Kildal og Nilsen``), if any."""
    window = view[max(0, offset - 160) : offset]
    m = _NARRATIVE_NAMES.search(window)
    if not m:
        return ()
    return _split_names(m.group("names"), offset - len(window) + m.start("names"))[0]


def _paren_works(body: str, offset: int) -> list[PlainWork]:
    works: list[PlainWork] = []
    pos = 0
    for part in re.split(r";", body):
        start = offset + pos + (len(part) - len(part.lstrip()))
        pos += len(part) + 1
        text = part.strip()
        pieces = _SECONDARY.split(text, maxsplit=1)
        if len(pieces) == 2:
            first = _work(pieces[0], start, secondary=True)
            second = _work(pieces[1], start + text.index(pieces[1], len(pieces[0])))
            works.extend(w for w in (first, second) if w)
            continue
        w = _work(text, start)
        if w:
            works.append(w)
    return works


def _work(text: str, offset: int, *, secondary: bool = False) -> PlainWork | None:
    ib = _IBID.fullmatch(text)
    if ib:
        return PlainWork(
            (),
            None,
            (),
            ib.group("year"),
            offset + (ib.start("year") if ib.group("year") else 0),
            ib.group("loc"),
            offset + (ib.start("loc") if ib.group("loc") else 0),
            secondary,
            True,
        )
    m = _WORK.fullmatch(text)
    if not m:
        return None
    authors = m.group("authors")
    etal = _ETAL_END.search(authors)
    if etal:
        authors = authors[: etal.start()]
    names, joiners = _split_names(authors, offset + m.start("authors"))
    if not names or names[0].text.split()[0].casefold().rstrip(".") in _MONTHS or _OFFICIAL.match(authors):
        return None
    return PlainWork(
        names,
        etal.group("etal") if etal else None,
        joiners,
        m.group("year"),
        offset + m.start("year"),
        m.group("loc"),
        offset + (m.start("loc") if m.group("loc") else 0),
        secondary,
    )


def _split_names(text: str, offset: int) -> tuple[tuple[Name, ...], tuple[str, ...]]:
    """Split an author list on ``,``, ``og``, ``&``, ``and``; ``Arbeids- og sosialdepartementet`` stays whole."""
    protected = re.sub(r"-\s+og\s+", lambda m: "\0" * len(m.group(0)), text)
    names: list[Name] = []
    joiners: list[str] = []
    pos = 0
    for sep in [*_SPLIT.finditer(protected), None]:
        end = sep.start() if sep else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            if not _NAME_OK.fullmatch(stripped):
                return (), ()
            names.append(Name(stripped, offset + pos + chunk.index(stripped)))
        if sep:
            joiners.append(sep.group(0).strip() or ",")
            pos = sep.end()
    return tuple(names), tuple(joiners)
