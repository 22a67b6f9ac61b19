"""A pronoun that breaks the study's pronoun policy for informants.

Why: many studies write about every informant as "hun" (or "hen") so that gender cannot narrow down who
said what. One "han" about an informant undoes that for the whole office.

Applies when report/study.yaml sets `informant_pronoun` (e.g. `hun`). Then the other pronouns are
reported: for "hun", han/ham/hans; for "han", hun/henne/hennes; for "hen" (or "de"), all six.

Fires on:
- in a quote record (`report/quotes/*.yaml`, the informant's own words): every such pronoun, unless
  the text before it names a third person who is not an informant (bruker, søker, klient, beboer,
  nabo, mannen, sønnen, arbeidsgiver …: "Jeg har en bruker, han har dagpenger", "Beboeren … han ropte");
- in a block quote in a chapter attributed to an informant (`> «…» (4)`): every such pronoun;
- in a change record (`report/changes/*.yaml`) that names an informant in any field: every such
  pronoun in the record (its `original` must describe a slip, not repeat it: "Han har …" tells
  everyone the informant's gender);
- elsewhere (chapters, findings, figures): in a sentence about an informant — one that
  says informant/intervjuperson/respondent/deltaker, or refers to an informant number ("(3)",
  "(3, 5)", "informant 4", "nr. 4") — and in the sentence right after one when it begins with the
  pronoun ("Informant 4 har lang erfaring. Han …").

Does not fire on: a sentence that cites literature (a Pandoc citation or a bibliography author's name:
"Mintzberg (1983) mener at han …"), capitalised "Hans" inside a sentence (a first name), numbers in
parentheses that are not informant numbers ("(2013)").

Fix: use the policy's pronoun, or rewrite without a pronoun; if the "han" is not an informant, suppress
the line with a reason: `<!-- thesis: ignore ANO005 reason="han viser til en bruker" -->`.

Example: `Informanten (3) sa at han hadde jobbet der lenge.` → `… at hun hadde jobbet der lenge.`
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Hit
from ..source import Source
from ..text import names, sentence_at

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO005"
SEVERITY = "error"
FILES = "prose"
INPUTS = ("pronoun", "informants", "authors")

OTHERS = {
    "hun": ("han", "ham", "hans"),
    "han": ("hun", "henne", "hennes"),
    "hen": ("han", "ham", "hans", "hun", "henne", "hennes"),
    "de": ("han", "ham", "hans", "hun", "henne", "hennes"),
}
_MENTION = re.compile(
    r"\b(?:informant\w*|intervjuperson\w*|respondent\w*|deltaker(?:en|ne|e)?|deltager(?:en|ne|e)?)\b", re.I
)
_NUMBER = re.compile(
    r"\((?:informant\s+|nr\.?\s*)?(\d{1,2})(?:\s*(?:,|og|&)\s*\d{1,2})*\)|\b(?:informant|nr\.)\s*(\d{1,2})\b", re.I
)
_THIRD = re.compile(
    r"\b(?:bruker\w*|\w*søker\w*|\w*mottaker\w*|klient\w*|kunde\w*|pasient\w*|mann(?:en)?|gutt(?:en)?|"
    r"sønn(?:en)?|far(?:en)?|pappa(?:en)?|bror(?:en)?|ektemann\w*|samboer\w*|arbeidsgiver\w*|lege(?:n)?|"
    r"politiker\w*|ordfører\w*|rådmann\w*|statsråd\w*|minister\w*|direktør\w*|beboer\w*|nabo\w*|"
    r"innbygger\w*|borger\w*|elev\w*|student\w*|barnet|onkel\w*|bestefar\w*|morfar\w*|farfar\w*|"
    r"venn(?:en)?|kjæreste\w*|ektefelle\w*|partner\w*|pårørende|verge\w*|tolk(?:en)?|advokat\w*|"
    r"dommer\w*|gjest\w*|besøkende)\b",
    re.I,
)
_QUOTE_BLOCK = re.compile(r"(?:^[ \t]*>.*\n?)+", re.M)


def _pronouns(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


def _mentions(ctx: LintContext, text: str) -> bool:
    if _MENTION.search(text):
        return True
    for m in _NUMBER.finditer(text):
        nums = [int(n) for n in re.findall(r"\d{1,2}", m.group(0))]
        if nums and all(n in ctx.informant_numbers for n in nums):
            return True
    return False


def _cites(ctx: LintContext, text: str) -> bool:
    if re.search(r"@\w", text):
        return True
    return any(ctx.authors.exact(m.group(0)) for m in names(text))


def _hits(
    source: Source, view: str, start: int, end: int, rx: re.Pattern[str], why: str, context: int
) -> Iterator[Hit]:
    """Pronouns in view[start:end], unless quoted as words («han») or after a third person's mention.

    A third person (bruker, rådmannen …) counts if named between ``context`` and the pronoun.
    """
    for m in rx.finditer(view, start, end):
        word = m.group(0)
        if word == "Hans" and view[max(0, m.start() - 2) : m.start()].strip() not in ("", ".", "»", "«", ":"):
            continue
        if view[m.start() - 1 : m.start()] in ("«", '"', "“", "'") and view[m.end() : m.end() + 1] in (
            "»",
            '"',
            "”",
            "'",
        ):
            continue
        if _THIRD.search(view, context, m.start()):
            continue
        yield source.hit(m.start(), m.end(), f"{word!r} {why}")


def _change_records(ctx: LintContext, source: Source, view: str, rx: re.Pattern[str], why: str) -> Iterator[Hit]:
    """A change record is read as one unit: if any field names an informant, its pronouns are about them."""
    items: dict[object, list[tuple[int, int]]] = {}
    for a, b, key in source.spans:
        if view[a:b].strip():
            items.setdefault(key[0] if key else None, []).append((a, b))
    for spans in items.values():
        if _mentions(ctx, " ".join(view[a:b] for a, b in spans)):
            for a, b in spans:
                yield from _hits(source, view, a, b, rx, why + " (the change record is about an informant)", a)


def check_file(ctx: LintContext, source: Source) -> Iterator[Hit]:
    """Report pronouns that break the policy."""
    study = ctx.study
    policy = (study.informant_pronoun or "").strip().casefold() if study else ""
    if policy not in OTHERS:
        return
    rx = _pronouns(OTHERS[policy])
    why = f"breaks the pronoun policy: informants are written about as {policy!r} (report/study.yaml)"
    view = source.anon if source.kind == "record" else source.cite
    if not rx.search(view):
        return
    quoted: list[tuple[int, int]] = []
    if source.record == "quotes":
        quoted = [(a, b) for a, b, key in source.spans if key and key[-1] == "text"]
    elif source.kind == "markdown":
        quoted = [m.span() for m in _QUOTE_BLOCK.finditer(view) if _mentions(ctx, m.group(0))]
    for a, b in quoted:
        yield from _hits(source, view, a, b, rx, why + " (in a quote)", a)
    if source.record == "changes":
        yield from _change_records(ctx, source, view, rx, why)
        return
    done: set[int] = set()
    for m in rx.finditer(view):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        s, e = sentence_at(view, m.start(), 800)
        if s in done:
            continue
        done.add(s)
        text = view[s:e]
        about = _mentions(ctx, text)
        context = s
        if not about and s > 0 and rx.match(text.lstrip(' \t\n«"*_>')):
            ps, pe = sentence_at(view, max(0, s - 2), 800)
            about = _mentions(ctx, view[ps:pe])
            context = ps  # "Informant 3 fortalte om en beboer. Han ropte …": the beboer is "han"
        if about and not _cites(ctx, text):
            yield from _hits(source, view, s, e, rx, why, context)
