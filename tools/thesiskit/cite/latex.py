r"""LaTeX in BibTeX values, decoded to text: ``S{\o}rvoll`` → ``Sørvoll``, ``{II}. {E}vent`` → ``II. Event``.

pylatexenc does the decoding. It takes about half a millisecond a value, so the accents and
letters that make up nearly all of a real bibliography's LaTeX (``\"{o}``, ``{\aa}``, ``\&``)
are turned into Unicode first, and only what is left with a backslash goes to pylatexenc.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

_ACCENTS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_LETTERS = {
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "ss": "ß",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
}
_SYMBOLS = {"&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "{": "{", "}": "}", " ": " "}
_ACCENT = re.compile(r"\\([\"'`^~=.])\s*(?:\{\s*(\\?\w)\s*\}|(\\?\w))|\\([uvHckrdb])(?:\s*\{\s*(\\?\w)\s*\}|\s+(\w))")
_LETTER = re.compile(r"\\(aa|AA|ae|AE|oe|OE|ss|o|O|l|L|i|j)(?![A-Za-z])\s?")
_SYMBOL = re.compile(r"\\([&%$_#{} ])")


def _accent(m: re.Match[str]) -> str:
    mark = _ACCENTS[m.group(1) or m.group(4)]
    base = next(g for g in (m.group(2), m.group(3), m.group(5), m.group(6)) if g)
    if base.startswith("\\"):
        base = base[1:] if base[1:] in ("i", "j") else _LETTERS.get(base[1:], base[1:])
    return unicodedata.normalize("NFC", base + mark)


def decode(value: str) -> str:
    """The text a BibTeX value prints as (braces gone, runs of spaces made one)."""
    if "\\" not in value and "{" not in value and "~" not in value and "--" not in value:
        return " ".join(value.split())
    return _decode(value)


@functools.lru_cache(maxsize=65536)
def _decode(value: str) -> str:
    text = _ACCENT.sub(_accent, value)
    text = _LETTER.sub(lambda m: _LETTERS[m.group(1)], text)
    text = _SYMBOL.sub(lambda m: _SYMBOLS[m.group(1)], text)
    if "\\" in text:
        text = _pylatexenc(text)
    else:
        text = text.replace("---", "—").replace("--", "–").replace("~", "\u00a0").replace("{", "").replace("}", "")
    return " ".join(text.split())


def _pylatexenc(text: str) -> str:
    try:
        return str(_converter().latex_to_text(text))
    except Exception:  # pylatexenc gives up on some malformed input: keep the text as written
        return text.replace("{", "").replace("}", "")


@functools.cache
def _converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=False)
