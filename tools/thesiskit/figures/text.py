"""Text measuring and line wrapping for figures, without any font file.

Figures are drawn in Libertinus Serif, which Typst bundles; a browser may fall back to
Georgia or another serif. Widths come from a table: Libertinus Serif's advance widths
(measured with Typst) times 1.15, rounded up to 10/1000 em, so a line that fits by the
table also fits in Libertinus (about 13 % to spare) and in Georgia.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import pyphen

from ..lang import hyphenation_for

SAFETY = 1.15
"""Factor over Libertinus Serif's advance widths built into the table."""

_REGULAR: dict[int, str] = {
    220: "'", 240: "|", 260: ".,", 280: ":;", 290: "· ", 310: "l’‘°", 320: "ij{}", 340: "!\\",
    350: "I()", 360: "f", 370: "t", 380: "J/", 390: '-"', 410: "[]", 430: "r*", 440: "“”",
    450: "s", 460: "`", 490: "z", 500: "c", 510: "?", 520: "eéè~", 530: "aåä", 540: "0123456789#$",
    550: "§", 560: "FS_", 570: "bx", 580: "goqvøö", 590: "dk", 600: "py^", 610: "L", 620: "huü",
    630: "nP«»", 640: "–<>+=", 650: "EÉ", 670: "Y", 680: "BR", 690: "T", 700: "Z", 740: "K%",
    750: "CV", 760: "X", 770: "U", 790: "G", 800: "AæÅ", 810: "DNOQØ", 820: "&", 840: "H",
    860: "w—", 870: "…", 910: "m", 970: "M", 1000: "Æ", 1030: "@", 1100: "W",
}  # fmt: skip
_BOLD: dict[int, str] = {
    250: "'", 260: "|", 290: ".,· ", 300: ":;’‘", 310: "!°", 360: "j{}\\", 370: "/()", 380: "il",
    420: "t-", 430: "IJ", 440: '"', 450: "f", 460: "[]`", 500: "rs?*", 510: "“”", 520: "z",
    530: "c", 540: "§", 550: "~", 560: "_", 570: "eéè", 580: "S", 590: "aåä<>",
    600: "g0123456789#$^", 610: "v", 620: "–+", 630: "bF", 640: "oö«»=", 650: "dxy", 660: "qø",
    670: "pL", 690: "uü", 710: "knEPÉ", 720: "hYZ", 740: "%", 750: "T", 760: "B", 810: "V",
    820: "C", 830: "RXæ", 840: "OQØ&", 850: "DGKU", 860: "ANÅ—", 900: "w", 940: "H…", 1040: "M",
    1050: "m", 1100: "Æ", 1140: "@", 1190: "W",
}  # fmt: skip


def _invert(groups: dict[int, str]) -> dict[str, int]:
    return {c: w for w, chars in groups.items() for c in chars}


_WIDTHS = {False: _invert(_REGULAR), True: _invert(_BOLD)}


def char_width(c: str, bold: bool = False) -> float:
    """Advance width of one character, in em."""
    table = _WIDTHS[bold]
    if c in table:
        return table[c] / 1000
    base = unicodedata.normalize("NFD", c)[:1]  # ü → u, ç → c
    if base in table:
        return table[base] / 1000
    if unicodedata.east_asian_width(c) in "WF":
        return 1.1
    return 0.75 if bold else 0.7


def text_width(s: str, size: float, bold: bool = False) -> float:
    """Width of a one-line string at a font size, in the same units as the size."""
    return sum(char_width(c, bold) for c in s) * size


HYPHENATION: ContextVar[str] = ContextVar("HYPHENATION", default="nb_NO")
"""pyphen's dictionary for the figure being drawn (``svg.render_svg`` sets it from the figure's language)."""


@contextmanager
def hyphenation(language: str) -> Iterator[None]:
    """Hyphenate in ``language`` (a BCP 47 tag: ``nb``, ``en-GB``) while drawing."""
    token = HYPHENATION.set(hyphenation_for(language))
    try:
        yield
    finally:
        HYPHENATION.reset(token)


@lru_cache(maxsize=8)
def _hyphenator(dictionary: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=dictionary)

EPSILON = 1e-6
"""Tolerance for widths that come out of sums of floats."""


def _pieces(word: str) -> list[str]:
    """A word split after the hyphens and slashes inside it ("NAV-leder/Kontorleder")."""
    out, cur = [], ""
    for i, c in enumerate(word):
        cur += c
        if c in "-/–" and 0 < i < len(word) - 1 and word[i + 1] not in "-/–":
            out.append(cur)
            cur = ""
    return [*out, cur] if cur else out


_VOWELS = set("aeiouyæøåéèüöäAEIOUYÆØÅ")
_DIPHTHONGS = {"ei", "ai", "au", "øy", "oy", "ou"}
_ONSETS = {"bj", "fj", "gj", "kj", "pj", "sj", "tj"}


def _joint(word: str, i: int) -> int:
    """How good a hyphenation point before ``word[i]`` is, for Norwegian compounds (0 = poor).

    3: after a joining "s" ("arbeids-oppgaver", "sykefraværs-team"); 2: between two vowels
    that are no diphthong, the second before two consonants ("flyktninge-avdeling"), or
    between a vowel and a "j" cluster ("flyktninge-tjenesten"); 1: before a consonant and
    a vowel ("ga-ver"); -1: fewer than three letters on a side.
    """
    letters = sum(c.isalpha() for c in word)
    if sum(c.isalpha() for c in word[:i]) < 3 or letters - sum(c.isalpha() for c in word[:i]) < 3:
        return -1
    a, b, c = word[i - 2].lower(), word[i - 1].lower(), word[i].lower()
    nxt = word[i + 1].lower() if i + 1 < len(word) else ""
    if not (b.isalpha() and c.isalpha()):
        return 0
    if b == "s" and a.isalpha() and a not in _VOWELS and a not in "ls" and c != "j":
        return 3
    after = word[i + 1 : i + 3].lower()
    if b in _VOWELS and c in _VOWELS and b + c not in _DIPHTHONGS:
        return 2 if len(after) == 2 and not set(after) & _VOWELS and after[1] != "j" else 1
    if b in _VOWELS and c + nxt in _ONSETS:
        return 2
    if c not in _VOWELS and nxt in _VOWELS and c + nxt not in {"sj", "kj"}:
        return 1
    return 0


def _syllable_breaks(piece: str) -> frozenset[int]:
    """Where the language's hyphenation patterns (TeX's, via pyphen) allow a break in a word."""
    return _breaks(piece, HYPHENATION.get())


@lru_cache(maxsize=4096)
def _breaks(piece: str, dictionary: str) -> frozenset[int]:
    return frozenset(_hyphenator(dictionary).positions(piece))


def _cut(piece: str, room: float, size: float, bold: bool) -> tuple[int, int]:
    """Where to hyphenate a piece so the head fits in ``room``: (index, quality), best first.

    Only breaks the language's patterns allow, or (in Norwegian) a joining "s" of a compound,
    are used when one fits (quality at least 2), the likeliest compound joint among them first;
    a piece with none that fits is cut where the compound heuristic likes it best.
    """
    fits = [i for i in range(1, len(piece)) if text_width(piece[:i] + "-", size, bold) <= room + EPSILON]
    if not fits:
        return 1, -1
    norwegian = HYPHENATION.get().startswith(("nb", "nn"))
    breaks = _syllable_breaks(piece)
    allowed = [i for i in fits if i in breaks or (norwegian and _joint(piece, i) >= 3)]
    if allowed:
        cut = max(allowed, key=lambda i: (_joint(piece, i), i))
        return cut, max(2, _joint(piece, cut))
    cut = max(fits, key=lambda i: (_joint(piece, i), i))
    return cut, min(_joint(piece, cut), 1)


def wrap(s: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaking so that every line is at most ``width`` wide by the table.

    Breaks at spaces, then after hyphens and slashes inside words. A piece wider than a whole
    line is hyphenated (a hyphen added) at the best joint, filling the line it starts on if a
    good joint fits there.
    """
    lines: list[str] = []
    cur = ""
    for word in s.split():
        for j, piece in enumerate(_pieces(word)):
            glue = " " if j == 0 and cur else ""
            if text_width(cur + glue + piece, size, bold) <= width + EPSILON:
                cur += glue + piece
                continue
            if cur and text_width(piece, size, bold) > width + EPSILON:
                cut, quality = _cut(piece, width - text_width(cur + glue, size, bold), size, bold)
                if quality >= 2:
                    lines.append(cur + glue + piece[:cut] + "-")
                    cur, piece = "", piece[cut:]
            if cur:
                lines.append(cur)
            while text_width(piece, size, bold) > width + EPSILON and len(piece) > 1:
                cut, _ = _cut(piece, width, size, bold)
                lines.append(piece[:cut] + "-")
                piece = piece[cut:]
            cur = piece
    if cur:
        lines.append(cur)
    return lines or [""]


def longest_piece(s: str, size: float, bold: bool = False) -> float:
    """Width of the widest unbreakable piece of a string (its minimum line width)."""
    return max((text_width(p, size, bold) for w in s.split() for p in _pieces(w)), default=0.0)
