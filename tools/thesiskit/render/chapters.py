"""Render chapters: Jinja calls → Markdown, with heading and figure numbers, for one target."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

import jinja2

from ..errors import InputError, Problem
from ..figures.files import without_marks
from ..lang import locale_for
from ..records import Records
from ..records.schema import InformantsFile
from ..sources import Chapter
from .env import RecordError, md_escape, render, render_source
from .escape import view
from .floats import Floats, number_floats
from .headings import Heading, HeadingNumberer
from .labels import label
from .memo import Effect, Memo, Use, replay
from .tokens import CITE_THIS, ref_token

Target = Literal["site", "pdf"]


@dataclass(frozen=True)
class Page:
    """A rendered page: plain Markdown (citations still in Pandoc syntax)."""

    path: str
    title: str | None
    markdown: str


@dataclass
class Rendered:
    """Every rendered chapter, with what the numbering found on the way."""

    pages: list[Page]
    headings: dict[str, Heading]
    figure_numbers: dict[str, int]
    quote_pages: dict[str, str]
    figure_pages: dict[str, str] = field(default_factory=dict)
    finding_links: dict[str, list[str]] = field(default_factory=dict)
    floats: Floats = field(default_factory=Floats)
    """Every numbered figure and table (records, pictures, captioned tables) in reading order."""


def rel_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one docs/ page to another (MkDocs checks these in strict mode)."""
    start = PurePosixPath(from_page).parent
    target = PurePosixPath(to_page)
    parts = len(start.parts)
    path = "/".join([".."] * parts + [str(target)]) if parts else str(target)
    return path + (f"#{anchor}" if anchor else "")


class _Helpers:
    """The Jinja calls available in chapters. State: the page being rendered, numbers so far."""

    def __init__(self, env: jinja2.Environment, records: Records, target: Target, submission: bool) -> None:
        self.env = env
        self.records = records
        self.target = target
        self.submission = submission
        self.page = ""
        self.figure_numbers: dict[str, int] = {}
        self.figure_pages: dict[str, str] = {}
        self.quote_pages: dict[str, str] = {}
        self.finding_links: dict[str, list[str]] = {}
        self.page_breaks: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.uses: list[Use] = []
        """The records the page being rendered read (render/memo.py)."""
        self.effects: list[Effect] = []
        """What the page being rendered noted in the state above, in order."""

    def _link(self, to_page: str, anchor: str = "") -> str:
        return rel_link(self.page, to_page, anchor)

    def quote(self, qid: str) -> str:
        q = self.records.quotes.get(qid)
        if q is None:
            raise RecordError(f"quote {qid!r} is not in report/quotes/")
        if qid in self.quote_pages:
            raise RecordError(f"quote {qid!r} is included twice (also in docs/{self.quote_pages[qid]})")
        self.quote_pages[qid] = self.page
        self.uses.append(("quote", qid))
        self.effects.append(("quote", qid))
        text = q.text
        marks: dict[str, str] = {}
        for n, words in q.page_breaks.items():
            if text.count(words) != 1:
                raise RecordError(f"quote {qid!r}: page_breaks {n}: {words!r} must occur once in its text")
            marks[f"\ue000{len(marks)}\ue001"] = self.page_break(n)
            text = text.replace(words, f"\ue000{len(marks) - 1}\ue001{words}")
        out = render(
            self.env,
            f"{self.target}/quote.md.j2",
            q=q.model_copy(update={"text": text}),
            target=self.target,
            informant_link=self._link(f"informanter/{q.informant}.md"),
        )
        for mark, markup in marks.items():
            out = out.replace(mark, markup)
        return out

    def _informants(self) -> InformantsFile:
        """The informant table; in the submission without the edition's "[?]" marks of uncertain cells."""
        table = self.records.informants_file
        self.uses.append(("informants", ""))
        if not self.submission:
            return table
        return without_marks(table)

    def page_break(self, n: object) -> str:
        """``{{ page(45) }}``: here begins page 45 of the original (a margin marker and an anchor)."""
        label = str(n).strip()
        if not label or not label.replace("-", "").isalnum():
            raise RecordError(f"page({n!r}): a page number is digits or letters (45, xii)")
        if label in self.page_breaks:
            raise RecordError(f"page {label} is marked twice (also in docs/{self.page_breaks[label]})")
        self.page_breaks[label] = self.page
        self.effects.append(("page", label))
        if self.submission:  # the submission is the candidate's text: no edition apparatus
            return ""
        return render(self.env, f"{self.target}/page.md.j2", n=label).strip()

    def figure(self, fid: str) -> str:
        fig = self.records.figures.get(fid)
        if fig is None:
            raise RecordError(f"figure {fid!r} is not in report/figures/")
        if fid in self.figure_pages:
            raise RecordError(f"figure {fid!r} is included twice")
        self.figure_pages[fid] = self.page
        self.uses.append(("figure", fid))
        self.effects.append(("figure", fid))
        ext = Path(fig.file).suffix.lower() if fig.file else ".svg"
        # the number is known once every page is read (render/floats.py): a token stands for it
        body = render(
            self.env,
            f"{self.target}/figure.md.j2",
            fig=fig,
            number=f"⟦num:fig-{fid}⟧",
            label=label(fig.series, self.records.study.language),
            target=self.target,
            submission=self.submission,
            src=self._link(f"figurer/{fid}{ext}"),
            file=f"figurer/{fid}{ext}",
            informants=self._informants(),
        )
        return f"⟦float:{fid}⟧\n{body}"

    def finding(self, fid: str) -> str:
        f = self.records.findings.get(fid)
        if f is None:
            raise RecordError(f"finding {fid!r} is not in report/findings/")
        self.finding_links.setdefault(fid, []).append(self.page)
        self.uses.append(("finding", fid))
        self.effects.append(("finding", fid))
        if self.target == "pdf":
            return f"*{md_escape(f.title)}*"
        return f"[{md_escape(f.title)}]({self._link(f'funn/{fid}.md')})"

    def informants_table(self) -> str:
        return render(self.env, f"{self.target}/informants_table.md.j2", informants=self._informants())

    def author(self) -> str:
        study = self.records.study
        if self.submission:
            return md_escape(candidate(study.language, study.candidate_number))
        return md_escape(study.author.name)

    def changes_list(self) -> str:
        self.uses.append(("changes", ""))
        return render(
            self.env,
            f"{self.target}/changes.md.j2",
            changes=self.records.changes,
            quotes=self.records.quotes,
            target=self.target,
        )


# How the anonymous submission names its author in running text ("Jeg, kandidat 115, er …");
# ``{{ author() | capfirst }}`` where it starts a sentence or line.


def candidate(language: str, number: str) -> str:
    """The candidate as named in running text of the exam submission: "kandidat 115"."""
    word = locale_for(language).text("candidate")
    return f"{word} {number}"


MAX_DEPTH = 40
"""Lists and block quotes nest at most this deep (the Markdown parsers recurse once per level)."""
_DEPTH = re.compile(r"^((?:[ ]{0,3}>[ ]?)*)([ \t]*)", re.M)


def _too_deep(markdown: str) -> int | None:
    """The first line (1-based) nested deeper than MAX_DEPTH, if any."""
    for m in _DEPTH.finditer(markdown):
        quotes = m.group(1).count(">")
        indent = len(m.group(2).expandtabs(4)) // 2  # a list level is 2–4 columns
        if quotes > MAX_DEPTH or indent > MAX_DEPTH * 2:
            return markdown.count("\n", 0, m.start()) + 1
    return None


def render_chapters(
    chapters: list[Chapter],
    records: Records,
    env: jinja2.Environment,
    target: Target,
    *,
    submission: bool = False,
    has_pdf: bool = True,
    docs: Path | None = None,
) -> Rendered:
    """Render every chapter in reading order: Jinja, heading numbers, then figure and table numbers.

    With ``docs`` (the docs/ folder), every picture a page shows must exist there.
    """
    helpers = _Helpers(env, records, target, submission)
    numberer = HeadingNumberer()
    pages: list[Page] = []
    problems: list[Problem] = []
    memo = Memo(env, records, (target, submission, has_pdf))
    for ch in chapters:
        helpers.page = ch.path
        helpers.uses, helpers.effects = [], []
        rel = f"docs/{ch.path}"
        kept = memo.get(rel, ch.text)
        held = {"quote": helpers.quote_pages, "figure": helpers.figure_pages, "page": helpers.page_breaks}
        if kept is not None and replay(kept.effects, ch.path, held, helpers.finding_links):  # as last rendered
            memo.put(rel, ch.text, kept.markdown, list(kept.uses), list(kept.effects))
            pages.append(Page(ch.path, ch.title, numberer.number(kept.markdown, ch.path, source=rel)))
            continue
        memo.rendered.append(ch.path)
        ctx = {
            "quote": helpers.quote,
            "figure": helpers.figure,
            "finding": helpers.finding,
            "informants_table": helpers.informants_table,
            "author": helpers.author,
            "changes_list": helpers.changes_list,
            "page": helpers.page_break,
            "ref": ref_token,
            "cite_this": lambda: CITE_THIS if target == "site" else "",
            "study": view(records.study),  # its strings print as text (render/escape.py)
            "target": target,
            "submission": submission,
            "has_pdf": has_pdf,
        }
        try:
            md = render_source(env, ch.text, rel, ctx)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        deep = _too_deep(md)
        if deep:
            problems.append(Problem(rel, deep, f"nested more than {MAX_DEPTH} levels deep (lists or quotes)"))
            continue
        memo.put(rel, ch.text, md, helpers.uses, helpers.effects)
        pages.append(Page(ch.path, ch.title, numberer.number(md, ch.path, source=rel)))
    problems.extend(numberer.problems)
    if problems:  # a page is missing or misnumbered: the checks below would only echo that
        raise InputError(problems)
    memo.done()
    texts, floats = number_floats(
        [(p.path, p.markdown) for p in pages],
        records,
        target,
        records.study.language,
        {ch.path: ch.text for ch in chapters},
        docs,
    )
    pages = [Page(p.path, p.title, text) for p, text in zip(pages, texts, strict=True)]
    figure_numbers = {f.record: f.number for f in floats.items if f.record}
    unused = [qid for qid in records.quotes if qid not in helpers.quote_pages]
    for qid in unused:
        path, line = records.where.get(qid, ("report/quotes", 0))
        problems.append(Problem(path, line or None, f"quote {qid!r} is not included in any chapter"))
    for q in records.quotes.values():
        if q.section not in numberer.headings:
            path, line = records.where.get(q.id, ("report/quotes", 0))
            problems.append(Problem(path, line or None, f"quote {q.id!r}: section {q.section!r} is no heading id"))
    for f in records.findings.values():
        for hid in [f.source, *f.discussion]:
            if hid not in numberer.headings:
                path, line = records.where.get(f.id, ("report/findings", 0))
                problems.append(Problem(path, line or None, f"finding {f.id!r}: {hid!r} is no heading id"))
    if problems:
        raise InputError(problems)
    return Rendered(
        pages,
        numberer.headings,
        figure_numbers,
        helpers.quote_pages,
        helpers.figure_pages,
        helpers.finding_links,
        floats,
    )
