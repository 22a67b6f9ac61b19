"""An informant who is unique on a combination of attributes beyond those the study accepts.

Why: no single attribute names an informant, but a combination can: in a study of two offices, "the
lawyer with 19 years in the office" is one person, known to every colleague. k-anonymity asks that every
combination the publication reveals is shared by at least two informants.

How it works: for each informant in report/informants.yaml it combines what the records and the text
reveal — the group, the profile, the table's attributes, and exact numbers found in the informant's own
quotes or in sentences about that informant ("17 år" of tenure, an age, a year: "jeg begynte i 1998";
"17 år i etaten", and the study's own names for the workplace under `lint: informants: workplaces`).
Informants are first grouped by the study's declared `unavoidable_attributes` (e.g. `rolle`,
`styringslinje`); someone already unique on those alone is accepted. Otherwise it looks for the smallest
combination of further attributes that sets the informant apart from everyone sharing the unavoidable ones.

Fires on (warning, at the informant's entry): an informant that such a combination makes unique, with
the combination, and a band for each exact number in it ("17 år" → "15–19 år", "1998" → "1990-tallet").

Does not fire on: informants who share every revealed combination with someone else, informants unique
on declared unavoidable attributes only, studies without report/informants.yaml.

Fix: coarsen the table (bands instead of exact years, merge rare categories), remove exact numbers from
quotes (record the change), or declare the attribute unavoidable in report/study.yaml with the reasoning.

Example: two employees share rolle=ansatt and styringslinje=kommunal; only one has
"Jurist: X" → that informant is unique on Jurist.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING

from ...records.yamlio import line_of, load_yaml
from ..finding import Hit
from ..text import sentence_at

if TYPE_CHECKING:
    from ..context import LintContext

CODE = "ANO007"
SEVERITY = "warning"

_WORKPLACES = ("etaten", "jobben", "stillingen", "kommunen")


@cache
def _tenure(workplaces: tuple[str, ...]) -> re.Pattern[str]:
    """Tenure in years; ``workplaces`` adds the study's names for the workplace (``lint: informants``)."""
    places = "|".join(re.escape(w) for w in (*workplaces, *_WORKPLACES))
    return re.compile(
        r"\b(?:vært|jobbet|jobba|arbeidet|ansatt|erfaring|ansiennitet)\b[^.!?\n]{0,40}?\b(\d{1,2})\s+år\b"
        rf"|\b(\d{{1,2}})\s+år\b[^.!?\n]{{0,25}}\b(?:erfaring|ansiennitet|i\s+(?:{places}))",
        re.I,
    )


_AGE = re.compile(r"\b(\d{2})\s+år\s+gammel\b|\bjeg\s+er\s+(\d{2})(?:\s+år)?\b|\bfylte\s+(\d{2})\b", re.I)
_YEAR = re.compile(r"\b(?:jeg|meg|min|mitt|vi)\b[^.!?\n]{0,40}?\b((?:19[4-9]|20[0-4])\d)\b", re.I)
_CHEAP = re.compile(r"\d år|\d\d år|(?:19[4-9]|20[0-4])\d|fylte \d")
_NUMBER_REF = re.compile(r"\((\d{1,2})\)|\binformant\s+(?:nr\.?\s*)?(\d{1,2})\b", re.I)


def band(value: str) -> str | None:
    """A band for an exact number ("17 år" → "15–19 år", "1998" → "1990-tallet"), or None."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*år\s*", value)
    if m:
        n = int(m.group(1))
        lo = n // 5 * 5
        return "under 5 år" if lo == 0 else f"{lo}–{lo + 4} år"
    m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", value)
    if m:
        return f"{m.group(1)[:3]}0-tallet"
    m = re.fullmatch(r"\s*alder\s+(\d{2})\s*", value)
    if m:
        lo = int(m.group(1)) // 10 * 10
        return f"{lo}–{lo + 9} år"
    return None


def _revealed(ctx: LintContext) -> dict[int, dict[str, tuple[str, str]]]:
    """Exact numbers the text reveals: informant → {feature: (value, where)}."""
    out: dict[int, dict[str, tuple[str, str]]] = {}
    records = ctx.records
    if records is None:
        return out
    tenure = _tenure(tuple(ctx.config.informants.workplaces))

    def add(num: int, text: str, where: str) -> None:
        if not _CHEAP.search(text):
            return
        for rx, feature in ((tenure, "tenure"), (_AGE, "age"), (_YEAR, "year")):
            for m in rx.finditer(text):
                out.setdefault(num, {}).setdefault(*_feature(m, feature, where))

    for quote in records.quotes.values():
        add(quote.informant, quote.text, f"quote {quote.id}")
    numbers = set(records.informants)
    for source in ctx.markdown:
        view = source.cite
        done: set[int] = set()
        for cheap in _CHEAP.finditer(view):
            s, e = sentence_at(view, cheap.start(), 800)
            if s in done:
                continue
            done.add(s)
            refs = {int(a or b) for a, b in _NUMBER_REF.findall(view[s:e])} & numbers
            if len(refs) == 1:
                add(refs.pop(), view[s:e], f"{source.path}:{source.position(s)[0]}")
    return out


def _feature(m: re.Match[str], feature: str, where: str) -> tuple[str, tuple[str, str]]:
    val = next(g for g in m.groups() if g)
    value = f"{val} år" if feature == "tenure" else (f"alder {val}" if feature == "age" else val)
    return f"{feature} {value}", (value, where)


def _short(label: str) -> str:
    return label if len(label) <= 40 else label[:38].rstrip() + "…"


def check(ctx: LintContext) -> Iterator[Hit]:
    """Report informants made unique by attributes beyond the unavoidable ones."""
    records = ctx.records
    if records is None or not records.informants:
        return
    study = records.study
    unavoidable = {u.casefold() for u in study.unavoidable_attributes}
    group_label = records.informants_file.group_label or "group"
    features: dict[int, dict[str, str]] = {}
    for num, inf in records.informants.items():
        f = {group_label: inf.group}
        f.update(inf.profile)
        f.update(inf.attributes)
        features[num] = f
    revealed = _revealed(ctx)
    for num, extra in revealed.items():
        if num in features:
            features[num].update({k: v for k, (v, _) in extra.items()})

    def is_u(key: str) -> bool:
        return key.casefold() in unavoidable or (key == group_label and "group" in unavoidable)

    src = next((s for s in ctx.records_text if s.path.endswith("informants.yaml") and s.record == "informants"), None)
    lines = load_yaml(src.text, src.path)[1] if src else {}
    order = [i.number for i in records.informants_file.informants]
    for idx, num in enumerate(order):
        mine = features[num]
        base = [j for j in order if all(features[j].get(k) == v for k, v in mine.items() if is_u(k))]
        if len(base) <= 1:
            continue
        keys = [k for k in mine if not is_u(k)]
        found = None
        for size in range(1, min(3, len(keys)) + 1):
            for combo in combinations(keys, size):
                if all(j == num or any(features[j].get(k) != mine[k] for k in combo) for j in base):
                    found = combo
                    break
            if found:
                break
        if not found:
            if all(j == num or any(features[j].get(k) != mine[k] for k in keys) for j in base):
                found = tuple(keys)
            else:
                continue
        parts = [f"{_short(k)}={mine[k] or '(blank)'}" for k in found]
        bands = [f"{mine[k]} → {b}" for k in found if (b := band(mine[k]))]
        whence = sorted({revealed[num][k][1] for k in found if k in revealed.get(num, {})})
        msg = f"informant {num} is unique on {', '.join(parts)}"
        if unavoidable:
            msg += f" (beyond the unavoidable {', '.join(sorted(unavoidable))})"
        if whence:
            msg += f"; revealed in {', '.join(whence)}"
        if bands:
            msg += f"; use bands: {', '.join(bands)}"
        line = line_of(lines, ("informants", idx, "number")) or 1
        if src:
            yield src.line_hit(line, msg)
