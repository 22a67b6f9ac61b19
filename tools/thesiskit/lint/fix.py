"""``thesis lint --fix``: the safe rewrites of the gate, as edits to the chapters.

The same rewrites turn hand-typed citations into Pandoc citations in ``thesis import``. Only
chapters (``docs/**/*.md``) are edited: records are left alone, and quote records' text above all
(informants' words are never rewritten). A fix is made only when it is unambiguous; everything
else is returned as left for the writer, with the candidates found.

The rewrites:

- a plain-text citation → a Pandoc citation, when every work in it names exactly one entry of
  references.bib (first author, also misspelt, the other authors and the year): ``(Thagaard, 2013,
  s. 45)`` → ``[@thagaard2013, s. 45]``, ``Thagaard (2013)`` → ``@thagaard2013``;
- "ibid" → the citation it stands for, when the citation before it in the same file names one work;
- a misspelt author name in a plain citation that cannot be converted → the bibliography's spelling;
- a hyphen in a page range of a plain-text citation → an en dash.

Applying the edits again to the result changes nothing (a test checks that the fixes are idempotent).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..cite.scan import Cluster
from .authors import AuthorIndex, Work
from .context import LintContext
from .plaincite import LOC, YEAR, PlainCitation, PlainWork
from .rules.cit003_plain_citation import citation_shaped
from .text import fold

_RANGE = re.compile(r"(?<=\d)\s*-\s*(?=\d)")
_YEARS = re.compile(YEAR)
_UNDATED = re.compile(r"u\.\s?å\.?|udatert|n\.\s?d\.", re.I)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of the file at ``path`` (relative to the study) with ``new``."""

    path: str
    start: int
    end: int
    new: str
    why: str


@dataclass(frozen=True)
class Left:
    """A citation the fixes did not rewrite, with the reason and any candidate keys."""

    path: str
    line: int
    written: str
    reason: str
    candidates: tuple[str, ...] = ()
    start: int = 0
    end: int = 0


@dataclass
class FixPlan:
    """Edits per file (in order) and what is left for the writer."""

    edits: dict[str, list[Edit]] = field(default_factory=dict)
    left: list[Left] = field(default_factory=list)

    def count(self) -> int:
        """Number of edits."""
        return sum(len(v) for v in self.edits.values())


def fix_study(root: Path, *, dry_run: bool) -> tuple[FixPlan, str]:
    """Plan the fixes of the study at ``root``, apply them unless ``dry_run``; return the plan and the diff."""
    from ..project import open_project
    from ..study import read_study
    from .config import load_config
    from .context import load_context
    from .registry import registry

    project = open_project(root)
    reading = read_study(project, jinja_cache=False)
    ctx = load_context(reading, load_config(project, frozenset(registry())), built=False, render=False)
    plan = plan_fixes(ctx)
    return plan, write_fixes(project.root, ctx, plan, dry_run=dry_run)


def plan_fixes(ctx: LintContext) -> FixPlan:
    """Every safe rewrite of the chapters of ``ctx``."""
    plan = FixPlan()
    for source in ctx.markdown:
        edits, left = _fix_source(ctx, source.path, source.text)
        if edits:
            plan.edits[source.path] = edits
        plan.left.extend(left)
    return plan


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` (non-overlapping) applied."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out += [text[pos : e.start], e.new]
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file."""
    lines = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_fixes(root: Path, ctx: LintContext, plan: FixPlan, *, dry_run: bool) -> str:
    """Apply ``plan`` to the files under ``root`` (unless ``dry_run``); return the unified diff."""
    texts = {s.path: s.text for s in ctx.markdown}
    out = []
    for path, edits in plan.edits.items():
        new = apply(texts[path], edits)
        out.append(diff(path, texts[path], new))
        if not dry_run:
            (root / path).write_text(new, encoding="utf-8", newline="\n")
    return "".join(out)


def _fix_source(ctx: LintContext, path: str, text: str) -> tuple[list[Edit], list[Left]]:
    view = ctx.plain_views[path]
    edits: list[Edit] = []
    left: list[Left] = []
    # Pandoc citations and converted ones, in order: "ibid" stands for the last one before it.
    before: list[tuple[int, tuple[str, ...], str]] = [
        (c.start, tuple(i.key for i in c.items), _cluster_locator(c)) for c in ctx.clusters.get(path, [])
    ]
    for cit in ctx.plain.get(path, []):
        written = " ".join(text[cit.start : cit.end].split())
        line = text.count("\n", 0, cit.start) + 1
        if all(w.ibid and not w.names for w in cit.works):
            prev = sorted(b for b in before if b[0] < cit.start)
            if prev and len(prev[-1][1]) == 1:
                work = cit.works[0]
                loc = _dash(work.locator.strip()) if work.locator else prev[-1][2]
                new = f"[@{prev[-1][1][0]}, {loc}]" if loc else f"[@{prev[-1][1][0]}]"
                edits.append(Edit(path, cit.start, cit.end, new, "ibid → the citation it stands for"))
                before.append((cit.start, prev[-1][1], loc))
            else:
                why = "no Pandoc citation of a single work just before it"
                left.append(Left(path, line, written, f"ibid: {why}", (), cit.start, cit.end))
            continue
        if cit.narrative and cit.works[0].ibid:  # "Thagaard (ibid)": the last citation of that author
            work = cit.works[0]
            name = ctx.authors.exact(work.names[0].text) or ""
            theirs = {w.key for w in ctx.authors.works_of(name)} if name else set()
            prev = sorted(b for b in before if b[0] < cit.start)
            if prev and len(prev[-1][1]) == 1 and prev[-1][1][0] in theirs:
                loc = _dash(work.locator.strip()) if work.locator else prev[-1][2]
                new = f"@{prev[-1][1][0]} [{loc}]" if loc else f"@{prev[-1][1][0]}"
                edits.append(Edit(path, cit.start, cit.end, new, "ibid → the citation it stands for"))
                before.append((cit.start, prev[-1][1], loc))
            else:
                why = "the citation just before it is not of this author's one work"
                left.append(Left(path, line, written, f"ibid: {why}", (), cit.start, cit.end))
            continue
        if not citation_shaped(ctx.authors, cit, view):
            continue
        resolved = [_resolve(ctx, w, view) for w in cit.works]
        primary = [(w, r) for w, r in zip(cit.works, resolved, strict=True) if not w.secondary]
        if primary and all(len(r) == 1 for _, r in primary) and not any(w.ibid for w in cit.works):
            keys = [r[0] if not w.secondary else "" for w, r in zip(cit.works, resolved, strict=True)]
            new = _pandoc(text, cit, keys)
            edits.append(Edit(path, cit.start, cit.end, new, "plain-text citation → Pandoc citation"))
            before.append((cit.start, tuple(k for k in keys if k), _dash(cit.works[-1].locator or "").strip()))
            continue
        edits.extend(_spelling_and_dashes(ctx.authors, path, text, cit))
        before.append((cit.start, (), ""))  # an "ibid" after it stands for a work not in references.bib
        for w, r in zip(cit.works, resolved, strict=True):
            if len(r) != 1:
                reason = "no entry of references.bib matches" if not r else "several entries match"
                if _several_years(view, w):
                    reason = "several years of one author: write each work as @key"
                left.append(Left(path, line, written, reason, tuple(r), cit.start, cit.end))
                break
        else:
            why = "secondary citation or ibid inside: rewrite it by hand"
            left.append(Left(path, line, written, why, (), cit.start, cit.end))
    named = _named_works(ctx, path, view)
    left = [x for x in left if not any(e.start < x.end and x.start < e.end for e in named)]
    edits = _without_overlaps([*edits, *named])
    return edits, [_after(x, text, edits) for x in left]


def _after(left: Left, text: str, edits: list[Edit]) -> Left:
    """``left`` with its line in the fixed text (an edit may join the lines of a citation it replaced)."""
    shift = sum(len(e.new) - (e.end - e.start) for e in edits if e.end <= left.start)
    fixed_before = apply(text[: left.start], [e for e in edits if e.end <= left.start])
    line = fixed_before.count("\n") + 1
    return Left(left.path, line, left.written, left.reason, left.candidates, left.start + shift, left.end + shift)


_PUBLIC_DOCUMENT = re.compile(r"NOU \d{4}: ?\d+$|(?:Meld\. ?St\.|St\. ?meld\.|Prop\.|St\. ?prp\.|Ot\. ?prp\.|Innst\.) ")
"""Norwegian public documents cited by their number, which the kit prints without a year (cite/style.py)."""


def _named_works(ctx: LintContext, path: str, view: str) -> list[Edit]:
    """Works cited by a name the author finder does not take as a person.

    That is an institution written whole (``{Ry Nilsen}``, ``{NOU 2003: 6}``) or, without an author,
    the short title: ``(NOU 2003: 6, 2003)``, ``Ry Nilsen (2004)``. Rewritten when exactly one entry
    has that name and year.
    """
    named: dict[tuple[str, str], list[str]] = {}
    for e in ctx.bib.entries.values():
        author = e.raw.get("author") or e.raw.get("editor") or ""
        whole = re.fullmatch(r"\{([^{}]+)\}", author.strip())
        name = whole.group(1) if whole else "" if author else e.fields.get("shorttitle", "")
        if name and " " in name.strip():
            named.setdefault((" ".join(name.split()), e.year[:4]), []).append(e.key)
    out = []
    for (name, year), keys in named.items():
        if len(keys) != 1:
            continue
        shown = re.escape(name).replace(r"\ ", r"\s+")
        when = re.escape(year) if year else r"u\.\s?å\."
        loc = rf"(?:\s*,\s*(?P<loc>{LOC}))?"
        forms = [
            (re.compile(rf"\({shown}\s*,\s*{when}{loc}\)"), False),
            (re.compile(rf"(?<![\w-]){shown}\s+\({when}{loc}\)"), True),
        ]
        if _PUBLIC_DOCUMENT.match(name):  # the kit prints these without the year: "(NOU 2004: 13, s. 3)"
            forms += [
                (re.compile(rf"\({shown}{loc}\)"), False),
                (re.compile(rf"(?<![\w-]){shown}\s+\((?P<loc>{LOC})\)"), True),
            ]
        for rx, narrative in forms:
            for m in rx.finditer(view):
                where = _dash(m.group("loc").strip()) if m.group("loc") else ""
                if narrative:
                    new = f"@{keys[0]} [{where}]" if where else f"@{keys[0]}"
                else:
                    new = f"[@{keys[0]}, {where}]" if where else f"[@{keys[0]}]"
                out.append(Edit(path, m.start(), m.end(), new, "plain-text citation → Pandoc citation"))
    return out


def _resolve(ctx: LintContext, work: PlainWork, view: str) -> list[str]:
    """Keys of the entries a plain-cited work can be: first author (also misspelt), co-authors, year.

    A work without an author (a law) is named by its short title or title, as citeproc names it.
    """
    if not work.names or not work.year or work.ibid:
        return []
    if _several_years(view, work):
        return []  # a list of works, written by hand
    authors = ctx.authors
    year = "" if _UNDATED.fullmatch(work.year) else work.year[:4]
    letter = "" if not year else work.year[4:5]
    first = work.names[0].text
    name = authors.exact(first)
    if name is None:
        near = authors.near(first, context=True)
        name = near.author if near else None
    if name is None:
        return _by_title(ctx, first, year)
    works = [w for w in authors.works_of(name) if w.year == year]
    if len(works) > 1 and letter:
        works = [w for w in works if w.key.endswith(year + letter)]
    if len(works) > 1:
        works = [w for w in works if _coauthors_match(authors, work, w)]
    return [w.key for w in works]


def _by_title(ctx: LintContext, name: str, year: str) -> list[str]:
    folded = fold(name)
    out = []
    for e in ctx.bib.entries.values():
        if e.fields.get("author") or e.fields.get("editor") or e.year[:4] != year:
            continue
        title = e.fields.get("shorttitle") or e.fields.get("title", "")
        if fold(re.sub(r"[{}]", "", title)).startswith(folded):
            out.append(e.key)
    return out


def _several_years(view: str, work: PlainWork) -> bool:
    segment = re.split(r"[;)\]\n]", view[work.year_start : work.loc_start if work.locator else None], maxsplit=1)[0]
    return len(_YEARS.findall(segment)) > 1


def _coauthors_match(authors: AuthorIndex, cited: PlainWork, work: Work) -> bool:
    if cited.etal:
        return len(work.authors) >= 3
    if len(cited.names) != len(work.authors):
        return False
    for n, a in zip(cited.names[1:], work.authors[1:], strict=True):
        if (authors.exact(n.text) or "") != a.casefold():
            return False
    return True


def _pandoc(text: str, cit: PlainCitation, keys: list[str]) -> str:
    if cit.narrative:
        work = cit.works[0]
        loc = _dash(work.locator.strip()) if work.locator else ""
        return f"@{keys[0]} [{loc}]" if loc else f"@{keys[0]}"
    items = []
    seg_start = cit.start + 1
    for work, key in zip(cit.works, keys, strict=True):
        if not key:  # a secondary citation ("X 2003 referert i"): its words stay, before the work read
            continue
        if seg_start < 0:
            seg_start = text.rfind(";", 0, work.names[0].start) + 1
        prefix = " ".join(text[seg_start : work.names[0].start].split())
        loc = _dash(work.locator.strip().rstrip(".,")) if work.locator else ""
        item = f"{prefix} @{key}" if prefix else f"@{key}"
        items.append(f"{item}, {loc}" if loc else item)
        seg_start = -1
    return "[" + "; ".join(items) + "]"


def _spelling_and_dashes(authors: AuthorIndex, path: str, text: str, cit: PlainCitation) -> list[Edit]:
    edits = []
    for w in cit.works:
        for n in w.names:
            if authors.exact(n.text) is None:
                near = authors.near(n.text, context=True)
                if near is not None and near.score >= 85:
                    edits.append(Edit(path, n.start, n.start + len(n.text), near.author, "misspelt author → bib"))
        if w.locator:
            m = _RANGE.search(w.locator)
            if m:
                start = w.loc_start + m.start()
                edits.append(Edit(path, start, w.loc_start + m.end(), "–", "page range: hyphen → en dash"))
    return edits


def _dash(loc: str) -> str:
    return _RANGE.sub("–", loc)


def _cluster_locator(c: Cluster) -> str:
    return c.items[0].suffix if len(c.items) == 1 else ""


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
