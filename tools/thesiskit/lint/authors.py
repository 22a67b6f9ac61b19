"""Who the bibliography's authors are, and whether a name in the text is one of them or a misspelling."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..cite.bib import Bibliography
from .text import fold


@dataclass(frozen=True)
class Work:
    """A bibliography entry as a citation names it: family names and year."""

    key: str
    year: str
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Near:
    """A name in the text that nearly matches a bibliography author."""

    written: str
    author: str
    score: float
    works: tuple[Work, ...]


@cache
def variant_groups() -> dict[str, frozenset[str]]:
    """Casefolded surname → its group of distinct real look-alike surnames (data/surname-variants.txt)."""
    text = resources.files("thesiskit").joinpath("data/surname-variants.txt").read_text("utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            group = frozenset(n.casefold() for n in line.split())
            for n in group:
                out[n] = out.get(n, frozenset()) | group
    return out


@cache
def common_surnames() -> frozenset[str]:
    """Casefolded common surnames (data/common-surnames.txt): real names, never a misspelling of another."""
    text = resources.files("thesiskit").joinpath("data/common-surnames.txt").read_text("utf-8")
    return frozenset(n.strip().casefold() for n in text.splitlines() if n.strip() and not n.startswith("#"))


def _year(value: str) -> str:
    m = re.search(r"\d{4}", value)
    return m.group(0) if m else ""


class AuthorIndex:
    """Family names of the bibliography (any author position and first author), with fuzzy lookup."""

    def __init__(self, bib: Bibliography, known: Iterable[str] = ()) -> None:
        self.works: list[Work] = []
        self.by_name: dict[str, list[Work]] = {}
        self.first: dict[str, list[Work]] = {}
        self.display: dict[str, str] = {}
        for entry in bib.entries.values():
            authors = tuple(a for a in entry.family_names if a and a.casefold() != "others")
            work = Work(entry.key, _year(entry.year), authors)
            self.works.append(work)
            for i, name in enumerate(authors):
                for form in {name, *_parts(name)}:
                    k = form.casefold()
                    self.by_name.setdefault(k, []).append(work)
                    self.display.setdefault(k, form)
                    if i == 0:
                        self.first.setdefault(k, []).append(work)
        self._choices = sorted(k for k in self.display if len(k) >= 4 and " " not in k and not k.isupper())
        self._folded = {fold(k): k for k in self.display}
        self.known = {w.casefold() for w in known}
        self._memo: dict[tuple[str, bool], Near | None] = {}

    def exact(self, name: str) -> str | None:
        """The casefolded bibliography name ``name`` is (also as a genitive: ``Jacobsens``)."""
        k = name.casefold()
        if k in self.display:
            return k
        if k.endswith("s") and k[:-1] in self.display:
            return k[:-1]
        return None

    def near(self, name: str, *, context: bool) -> Near | None:
        """The author ``name`` looks like a misspelling of, or None.

        ``context`` means the name stands in a citation (next to a year, in an author list): then a looser
        threshold applies. Elsewhere only one or two edits count. Names of a group of real look-alike
        surnames, names known from elsewhere in the study, and different first letters never match.
        """
        key = (name, context)
        if key not in self._memo:
            self._memo[key] = self._near_uncached(name, context)
        return self._memo[key]

    def _near_uncached(self, name: str, context: bool) -> Near | None:
        k = name.casefold()
        if self.exact(name) or (not context and k in self.known) or len(k) < 4 or name.isupper():
            return None
        folded = self._folded.get(fold(name))
        if folded and folded != k:  # only the accents or æøå differ: "Helgoy" for "Helgøy"
            return self._near(name, folded, 100.0)
        if k in common_surnames():  # "Johansen" is a name of its own, not a slip for "Jansen"
            return None
        cutoff = 80.0 if context else 85.0
        best: tuple[str, float] | None = None
        for choice, score, _ in process.extract(k, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
            if choice[0] != k[0] or choice in variant_groups().get(k, ()):
                continue
            shortest = min(len(choice), len(k))
            if shortest <= 5 and score < 90:
                continue
            if not context:
                dist = Levenshtein.distance(k, choice)
                if not (dist <= 1 and shortest >= 6) and not (dist <= 2 and shortest >= 10):
                    continue
            if best is None or score > best[1]:
                best = (choice, score)
        return self._near(name, best[0], best[1]) if best else None

    def near_coauthor(self, name: str, candidates: Iterable[str], cutoff: float = 60.0) -> Near | None:
        """Like :meth:`near`, but only against ``candidates`` (the other authors of a matched work)."""
        k = name.casefold()
        if self.exact(name) or len(k) < 3 or k in common_surnames():
            return None
        for cand in candidates:
            c = cand.casefold()
            if (
                c in self.display
                and c[0] == k[0]
                and c not in variant_groups().get(k, ())
                and fuzz.ratio(k, c) >= cutoff
            ):
                return self._near(name, c, fuzz.ratio(k, c))
        return None

    def _near(self, written: str, key: str, score: float) -> Near:
        return Near(written, self.display[key], score, tuple(self.by_name.get(key, ())))

    def works_of(self, name: str, *, first: bool = True) -> list[Work]:
        """Works with ``name`` as first author (or anywhere)."""
        k = self.exact(name)
        if k is None:
            return []
        return list((self.first if first else self.by_name).get(k, ()))


def _parts(name: str) -> list[str]:
    """Last word of a multi-word family name (``van der Berg`` → ``Berg``)."""
    words = name.split()
    return [words[-1]] if len(words) > 1 and words[-1][:1].isupper() and words[0][:1].islower() else []
