"""The hits of the per-file rules, kept in build/.cache for each file by its content.

A per-file rule (one with ``check_file``) reads one source and the shared inputs it names in
``INPUTS``: its hits in that file are a function of the file's path, kind and text, of those inputs
and of the kit's code. One entry per file (kind ``lintfile``, keyed by the kit's code and the file)
holds, for each such rule, a digest of the inputs it read and its raw hits; a rule whose inputs
changed is checked again in that file, the others are read. The hits are raw: levels, suppressions and
the allow list are applied by the engine afterwards, every run. The rules that read several files
(CIT002, ANO007 …) run every time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..cache import cache_key, kit_digest, read_entry, write_entry
from .finding import Hit
from .registry import sources

if TYPE_CHECKING:
    from .context import LintContext
    from .registry import Rule
    from .source import Source

KIND = "lintfile"


def _bib(ctx: LintContext) -> object:
    entries = [[e.key, e.type, e.fields, e.raw] for e in ctx.bib.entries.values()]
    return [ctx.bib_source is not None, entries]


def _people(ctx: LintContext) -> object:
    """What :attr:`LintContext.authors` reads of the study: its author's and supervisor's names."""
    return [ctx.study.author.name, ctx.study.supervisor] if ctx.study else None


SHARED: dict[str, Callable[[LintContext], object]] = {
    "deny": lambda ctx: ctx.config.deny.model_dump(mode="json"),
    "places": lambda ctx: ctx.config.places.model_dump(mode="json"),
    "bib": _bib,
    "authors": lambda ctx: [_bib(ctx), _people(ctx)],  # ctx.authors (and ctx.bib)
    "pronoun": lambda ctx: ctx.study.informant_pronoun if ctx.study else None,
    "language": lambda ctx: ctx.study.language if ctx.study else None,
    "informants": lambda ctx: sorted(ctx.informant_numbers),
    "redacted": lambda ctx: [ctx.redacted, ctx.config.deny.salt, ctx.config.deny.max_words],
}
"""How each name a rule's ``INPUTS`` may hold (:data:`registry.INPUTS`) is read from the context."""


class FileCache:
    """The per-file entries of one lint run: read on first use, written back by :meth:`save`."""

    def __init__(self, ctx: LintContext) -> None:
        self.ctx = ctx
        self.kit = kit_digest()
        self.entries: dict[str, tuple[str, dict[str, Any]]] = {}
        self.changed: set[str] = set()
        self.digests: dict[str, str] = {}

    def hits(self, rule: Rule) -> Iterator[Hit]:
        """The rule's hits in each of its sources, in order: read where its entry holds them, else checked."""
        assert rule.check_file is not None
        digest = self._inputs(rule)
        for source in sources(self.ctx, rule.files):
            key, stored = self._entry(source)
            got = stored.get(rule.code)
            if got is not None and got[0] == digest:
                yield from (Hit(*h) for h in got[1])
                continue
            found = []
            for hit in check_file(rule, self.ctx, source):
                found.append(hit)
                yield hit
            # only a whole result is kept: a rule that raised never gets here
            stored[rule.code] = [digest, [[h.path, h.line, h.column, h.message, h.start, h.end] for h in found]]
            self.changed.add(key)

    def save(self) -> None:
        """Write the entries that got new results."""
        for key, stored in self.entries.values():
            if key in self.changed:
                write_entry(self.ctx.project.cache, KIND, key, stored)

    def _entry(self, source: Source) -> tuple[str, dict[str, Any]]:
        known = self.entries.get(source.path)
        if known is None:
            key = cache_key(KIND, self.kit, source.path, source.kind, source.record or "", source.text)
            stored = read_entry(self.ctx.project.cache, KIND, key)
            known = self.entries[source.path] = (key, stored if isinstance(stored, dict) else {})
        return known

    def _inputs(self, rule: Rule) -> str:
        digest = self.digests.get(rule.code)
        if digest is None:
            shared = [[name, SHARED[name](self.ctx)] for name in rule.inputs]
            digest = self.digests[rule.code] = cache_key(json.dumps(shared, ensure_ascii=False, sort_keys=True))
        return digest


def check_file(rule: Rule, ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Run one per-file rule on one source (tests count the calls through here)."""
    assert rule.check_file is not None
    yield from rule.check_file(ctx, source)
