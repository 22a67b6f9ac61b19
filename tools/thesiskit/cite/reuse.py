"""What of the last citeproc run a new one can reuse, in one long-lived process (``thesis serve``).

The site's citeproc run renders every citation cluster and every cited entry. After an edit of
references.bib or of a chapter, most of them render as before: a cluster's text depends on the
entries it cites and, through disambiguation ("K. Hansen", "Olsen, Berg, et al.", "2014a"), on what
the other cited entries share with them. :class:`Plan` compares the *signature* of every cited entry
(:meth:`BibScope.signature <thesiskit.pdf.bibscope.BibScope.signature>`: each field that can reach
a citation, its own or another's, and the whole entry where its citation or its place in the list
can depend on another's), keys each cluster by its text and each entry by the entry whole.

While the cited keys and their signature stay as in the last run, only new clusters and the
entries that changed are rendered again (a title or DOI edit: that entry's line alone). They go
through one Pandoc run, with the entries the new clusters may be confused with (a word in common of
the names or, for an entry cited by its title, of the title a citation shows) and the changed
entries as ``nocite``; Pandoc is given only those entries (:meth:`Plan.excerpts`: citeproc tells
apart only the works a document cites), and the reference list keeps its order. Otherwise
everything runs again (:func:`run_citeproc <thesiskit.cite.citeproc.run_citeproc>`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..cache import cache_key
from ..pdf.bibscope import PLAIN_TYPES, BibScope
from .bib import BibEntry
from .scan import scan

_WORD = re.compile(r"\w+")


@dataclass
class Last:
    """One run's results with the keys they were made from (what :class:`Plan` compares with)."""

    context: str
    every: list[str]
    signature: str
    clusters: dict[str, str]
    """Cluster key → rendered HTML."""
    entries: dict[str, tuple[str, str, str]]
    """Cited key → (entry key, HTML, language or ""), in the reference list's order."""


@dataclass
class Plan:
    """The keys of one run's clusters and entries, and what of the last run they leave to render."""

    context: str
    scope: BibScope
    texts: list[str]
    files: list[tuple[str, str, list[BibEntry]]] = field(default_factory=list)
    """Each bibliography's name, text and entries (for :meth:`excerpts`)."""
    keys: dict[str, list[str]] = field(default_factory=dict)
    """Cluster text → the keys it cites."""
    every: list[str] = field(default_factory=list)
    cluster_keys: dict[str, str] = field(default_factory=dict)
    entry_keys: dict[str, str] = field(default_factory=dict)
    signature: str = ""

    @classmethod
    def of(cls, context: str, files: list[tuple[str, str, list[BibEntry]]], texts: list[str]) -> Plan:
        """The plan for the distinct clusters ``texts`` (Pandoc syntax) against the bibliographies ``files``."""
        plan = cls(context, BibScope({e.key: e for _, _, entries in files for e in entries}), texts, files)
        scope = plan.scope
        plan.keys = {t: list(dict.fromkeys(i.key for c in scan(t) for i in c.items)) for t in texts}
        plan.every = sorted({k for keys in plan.keys.values() for k in keys})
        # a cluster's text, given the signature of every cited entry (compared once: ``reusable``); an
        # entry whole (``whole``: its reference-list line shows every field)
        plan.cluster_keys = {t: cache_key(context, t) for t in plan.keys}
        plan.entry_keys = {k: cache_key(context, scope.whole(k)) for k in plan.every}
        plan.signature = scope.signature(plan.every)
        return plan

    def reusable(self, last: Last | None) -> bool:
        """Whether the last run's results can be kept where their keys are the same."""
        return (
            last is not None
            and last.context == self.context
            and last.every == self.every
            and last.signature == self.signature
            and set(last.entries) == set(self.every)
            and all(k in self.scope.entries for k in self.every)
        )

    def todo(self, last: Last) -> tuple[list[str], list[str]]:
        """The clusters to render again, and the cited keys to give as ``nocite`` with them."""
        clusters = [t for t in self.texts if self.cluster_keys[t] not in last.clusters]
        changed = [k for k in self.every if last.entries.get(k, ("",))[0] != self.entry_keys[k]]
        cited = {k for t in clusters for k in self.keys[t]}
        words = set().union(*(_words(self.scope.entries[k]) for k in cited)) if cited else set()
        near = [k for k in self.every if k not in cited and words & _words(self.scope.entries[k])]
        return clusters, sorted({*changed, *near} - cited) if clusters or changed else []

    def remember(self, clusters: dict[str, str], entries: dict[str, str], langs: dict[str, str]) -> Last:
        """The results of a run (every cluster and cited entry rendered), kept for the next run."""
        return Last(
            self.context,
            self.every,
            self.signature,
            {self.cluster_keys[t]: html for t, html in clusters.items() if t in self.cluster_keys},
            {k: (self.entry_keys[k], html, langs.get(k, "")) for k, html in entries.items() if k in self.entry_keys},
        )

    def excerpts(self, keys: set[str]) -> list[tuple[str, str]] | None:
        """Each bibliography's name and its entries ``keys`` as written (Pandoc then reads only those).

        None if an entry cannot be cut out on its own (the file defines macros, or two entries share a line).
        """
        out = []
        for name, text, entries in self.files:
            wanted = sorted((e for e in entries if e.key in keys), key=lambda e: e.line)
            if not wanted:
                continue
            starts = sorted(e.line for e in entries)
            if _MACROS.search(text) or len(set(starts)) != len(starts):
                return None
            lines = text.splitlines(keepends=True)
            part = []
            for e in wanted:
                at = bisect.bisect_right(starts, e.line)
                block = "".join(lines[e.line - 1 : starts[at] - 1 if at < len(starts) else len(lines)])
                if not re.match(rf"\s*@\s*\w+\s*[{{(]\s*{re.escape(e.key)}\s*,", block):
                    return None
                part.append(block)
            out.append((name, "".join(part)))
        return out


_MACROS = re.compile(r"^\s*@\s*(?:string|preamble)\b", re.I | re.M)


def _words(e: BibEntry) -> set[str]:
    """The words a citation of ``e`` may show: its authors' (or editors') family names, and more.

    For an entry APA cites otherwise (no author; laws, letters) its title's words too. Entries that
    citeproc tells apart by more than these (initials, more names, a letter after the year) have one
    of them in common.
    """
    names = [p.family for p in e.people]
    if e.type not in PLAIN_TYPES or not e.fields.get("author", "").strip():
        names += [e.fields.get(f, "") for f in ("title", "shorttitle", "shortauthor", "shorthand")]
    return {w.casefold() for name in names for w in _WORD.findall(name)}
