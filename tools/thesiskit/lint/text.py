"""Small text helpers shared by rules: words, sentences and sentence starts in Norwegian prose."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

UPPER = "A-ZÆØÅÄÖÜÉÈÁÀÓÍÚČŠŽÐÞŊ"
"""Capital letters of Norwegian, Sámi and common European names (for character classes)."""
NAME_WORD = rf"[{UPPER}][^\W\d_]*(?:['’][^\W\d_]+)?(?:-[{UPPER}][^\W\d_]*)*"
"""A capitalised word, hyphenated parts capitalised too (``Malmberg-Heimonen``)."""
_NAME_RX = re.compile(rf"(?<![\w@-]){NAME_WORD}(?![\w@])")
_OPENERS = "«\"“”'‘(*_[>#-–—|+"
_ENDERS = ".!?:…|"
_BLOCK_START = re.compile(r"[ \t]*(?:#{1,6}|[-*+>|]|\d+[.)])?[ \t]*$")
SPACES = re.compile(r"[\u00a0\u2007\u2009\u202f]")
"""No-break, figure, thin and narrow no-break spaces, which PDFs and word processors put in numbers."""


def fold(text: str) -> str:
    """Lowercase, drop accents and fold æ/ø/å, for comparing names (``Helgøy`` → ``helgoy``)."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def names(text: str) -> Iterator[re.Match[str]]:
    """Capitalised words (name candidates) in ``text``."""
    return _NAME_RX.finditer(text)


def sentence_initial(view: str, offset: int) -> bool:
    """Whether the word at ``offset`` starts a sentence, a paragraph, a heading, a list item or a cell."""
    i = offset - 1
    while i >= 0 and (view[i] in " \t" or view[i] in _OPENERS):
        i -= 1
    if i < 0:
        return True
    if view[i] in _ENDERS:
        return True
    if view[i] != "\n":
        return False
    # at a line start: a sentence starts if the line is a block start or follows a blank line
    line_start = view.rfind("\n", 0, offset) + 1
    if _BLOCK_START.match(view, line_start, offset) and view[line_start:offset].strip(" \t"):
        return True
    j = i - 1
    while j >= 0 and view[j] in " \t":
        j -= 1
    return j < 0 or view[j] == "\n" or view[j] in _ENDERS


_SENTENCE_END = re.compile(rf"[.!?…][»”\"')]*\s+(?=[«“\"(]?[{UPPER}])|\n[ \t]*\n|:[ \t]*\n")


def sentence_at(view: str, offset: int, reach: int = 2000) -> tuple[int, int]:
    """(start, end) of the sentence holding ``offset`` (looking at most ``reach`` characters each way)."""
    lo = max(0, offset - reach)
    start = lo
    for m in _SENTENCE_END.finditer(view, lo, offset):
        start = m.end()
    nxt = _SENTENCE_END.search(view, offset, min(len(view), offset + reach))
    if nxt is None:
        return start, min(len(view), offset + reach)
    return start, nxt.start() + 1 if view[nxt.start()] != "\n" else nxt.start()
