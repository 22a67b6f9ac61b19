"""A published anonymity change record that gives its place or original, or a redacted string published again.

Why: an anonymity change (a pronoun, a name, a place, any redaction of personal data) documented in
public with its place and its original wording is not a redaction. "Sted: 4.2.1, original «han»"
tells every reader the informant's gender. The public list of changes may only say what class of
change was made and how often ("seks kjønnede pronomen er gjort om til «hun», jf. studiens regel").
The author's own list of places belongs outside the repository and the published outputs.

Fires on:
- a change record (`report/changes/*.yaml`) of `kind: anonymitet` that has a `place` or an
  `original`, or has no `count`;
- any word sequence in chapters, records and (with `--built`) the site and PDFs that equals one of
  the `redacted` hashes of an anonymity record (the removed strings, hashed as the deny list hashes
  them: SHA-256 of the deny list's salt, a NUL byte and the normalised term; `python -m
  thesiskit.lint hash-term TERM`). Normalisation and n-gram lengths are those of ANO004 (up to
  `lint: deny: max_words` words, at least as many as the longest term would need).

Record an anonymity change like this:

    - kind: anonymitet
      count: 6
      edition: kjønnede pronomen om informanter er gjort om til «hun»
      note: jf. studiens regel om å omtale alle informanter som «hun»
      redacted: []   # hashes of removed names or numbers, never the strings themselves

Does not fire on: change records of other kinds (an editorial correction has a place and an
original), a `redacted` hash that matches nothing. The message never repeats the redacted string.

Fix: drop `place` and `original` from the record (keep them in a private note outside the
repository), give a `count`; remove the string that repeats a redaction from the published text.

Example: `{place: motestruktur, kind: anonymitet, original: "Han trekker …", edition: "Hun trekker …"}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import yaml

from ..finding import Hit
from ..source import Source

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO011"
SEVERITY = "error"
FILES = "anon"
INPUTS = ("redacted",)

_HIDDEN = ("place", "original")
_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (about ten times faster than the pure-Python one)."""


def _spans(source: Source) -> dict[int, dict[str, tuple[int, int]]]:
    """For each change record of the file: its top-level string fields → (start, end) in the text."""
    out: dict[int, dict[str, tuple[int, int]]] = {}
    for start, end, key in source.spans:
        if len(key) >= 2 and isinstance(key[0], int) and isinstance(key[1], str):
            out.setdefault(key[0], {}).setdefault(key[1], (start, end))
    return out


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report anonymity records that give a place or an original, and published redacted strings."""
    if source.record == "changes":
        yield from _records(source)
    matcher = ctx.redaction_matcher
    if matcher is not None:
        for m in matcher.find(source.anon):
            yield source.hit(m.start, m.end, "repeats a string that an anonymity change record says was removed")


def _records(source: Source) -> Iterator[Hit]:
    """The anonymity records of a change file that give a place or an original, or no count."""
    try:
        items = yaml.load(source.text, Loader=_SAFE)
    except yaml.YAMLError:
        return  # reported by the record loader
    spans = _spans(source)
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or item.get("kind") != "anonymitet":
            continue
        fields = spans.get(i, {})
        at = fields.get("kind") or fields.get("edition") or (0, 0)
        for name in _HIDDEN:
            if item.get(name) is not None:
                start, end = fields.get(name, at)
                yield source.hit(
                    start, end, f"an anonymity change record gives its {name}: record only the class and a count"
                )
        if item.get("count") is None:
            yield source.hit(at[0], at[0], "an anonymity change record needs a count of the changes of its class")
