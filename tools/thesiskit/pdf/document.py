"""Assemble the rendered pages into one Pandoc document for the PDF.

Between pages go small raw-Typst blocks that the template defines: a page break before every
page, the contents and the start of the main matter before the first numbered chapter, and a
language switch around a page whose heading says ``lang=…`` (the English summary). Each page
is also marked with a Typst comment naming its source file, so that a Typst error can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import locale_for
from ..render.chapters import Page
from ..render.headings import HEADING, parse_attrs

REFERENCES_PAGE = "litteratur.md"


def references_markdown(title: str) -> str:
    """The reference list page: its heading (the locale's word) and Pandoc's ``#refs`` div."""
    return f"# {title} {{#litteraturliste .unnumbered}}\n\n::: {{#refs}}\n:::\n"


SOURCE_MARK = "// thesiskit-source: "

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
_FIGURE_ID = re.compile(r"\{#fig-([a-z0-9][a-z0-9-]*)[ }]")
_REFS_DIV = re.compile(r"^:::+\s*\{[^}]*#refs\b", re.M)
_LANG = re.compile(r"[a-zA-Z]{2}(?:-[a-zA-Z0-9]+)*")
_MENTION = re.compile(r"(?<![\w\[#/-])(?P<word>[Ff]igur(?:ene|en)?)(?P<sp>\s+|~)(?P<n>\d+)\b(?![\].\d]*\]\()")


@dataclass(frozen=True)
class Chunk:
    """One page as Pandoc Markdown, with the raw Typst that goes around it."""

    source: str
    """The page's source file (``docs/…``), for messages."""
    markdown: str
    refs: bool
    """The page holds the reference list (the ``#refs`` div)."""


@dataclass(frozen=True)
class Document:
    """The whole thesis as Pandoc Markdown, page by page, and what the PDF step needs to know."""

    chunks: list[Chunk]
    figures: list[str]
    """Anchors of the figures in order of appearance (Figur 1, 2, …)."""

    @property
    def markdown(self) -> str:
        """The whole document as one Markdown text."""
        return "\n".join(c.markdown for c in self.chunks)


def raw_typst(code: str) -> str:
    """A raw Typst block in Pandoc Markdown."""
    return f"```{{=typst}}\n{code}\n```\n"


def _first_heading(markdown: str) -> tuple[bool, str] | None:
    """(numbered, lang or "") of the page's first heading outside code, or None if it has none."""
    text = _FENCE.sub("", markdown)
    m = HEADING.search(text)
    if m is None:
        return None
    _, classes, rest = parse_attrs(m.group(3) or "")
    lang = next((part.split("=", 1)[1].strip("\"'") for part in rest if part.startswith("lang=")), "")
    return "unnumbered" not in classes and "-" not in classes, lang


def _has_numbered_heading(markdown: str) -> bool:
    text = _FENCE.sub("", markdown)
    for m in HEADING.finditer(text):
        _, classes, _ = parse_attrs(m.group(3) or "")
        if "unnumbered" not in classes and "-" not in classes:
            return True
    return False


def link_figure_mentions(markdown: str, numbers: dict[int, str]) -> str:
    """Turn "Figur N" in running text into a link to the figure (not in headings, captions, code)."""
    out: list[str] = []
    pos = 0
    for fence in [*_FENCE.finditer(markdown), None]:
        end = fence.start() if fence else len(markdown)
        out.append(_link_lines(markdown[pos:end], numbers))
        if fence:
            out.append(fence.group(0))
            pos = fence.end()
    return "".join(out)


def _link_lines(text: str, numbers: dict[int, str]) -> str:
    def link(m: re.Match[str]) -> str:
        anchor = numbers.get(int(m.group("n")))
        if anchor is None:
            return m.group(0)
        label = f"{m.group('word')}{m.group('sp')}{m.group('n')}"
        return f"[{label}](#{anchor})"

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(("#", "![")) or "`" in line:
            continue
        lines[i] = _MENTION.sub(link, line)
    return "\n".join(lines)


def assemble(pages: list[Page], lang: str, region: str | None = None, figures: list[str] | None = None) -> Document:
    """One Pandoc document from the pages in reading order (see the module docstring).

    ``figures``: the anchors of Figur 1, 2, … (render/floats.py); without it, the ``{#fig-…}`` ids in order.
    """
    pages = list(pages)
    if not any(_REFS_DIV.search(p.markdown) for p in pages):
        last = max((i for i, p in enumerate(pages) if _has_numbered_heading(p.markdown)), default=len(pages) - 1)
        title = locale_for(f"{lang}-{region}" if region else lang).text("references")
        pages.insert(last + 1, Page(REFERENCES_PAGE, title, references_markdown(title)))
    if figures is None:
        figures = [f"fig-{fid}" for p in pages for fid in _FIGURE_ID.findall(p.markdown)]
    numbers = dict(enumerate(figures, 1))
    chunks: list[Chunk] = []
    main_started = False
    for page in pages:
        first = _first_heading(page.markdown)
        code = [f"{SOURCE_MARK}docs/{page.path}", "#page-start()"]
        if not main_started and first is not None and first[0]:
            code += ["#contents()", "#show: main-matter"]
            main_started = True
        page_lang = first[1] if first else ""
        switch = _LANG.fullmatch(page_lang) is not None and page_lang[:2] != lang
        if switch:
            code.append(f'#set text(lang: "{page_lang[:2].lower()}", region: none)')
        parts = [raw_typst("\n".join(code)), link_figure_mentions(page.markdown.strip("\n"), numbers) + "\n"]
        if switch:
            region_arg = f'"{region}"' if region else "none"
            parts.append(raw_typst(f'#set text(lang: "{lang}", region: {region_arg})'))
        refs = _REFS_DIV.search(page.markdown) is not None
        chunks.append(Chunk(f"docs/{page.path}", "\n".join(parts), refs))
    if not main_started and chunks:
        first_chunk = chunks[0]
        start = raw_typst("#contents()\n#show: main-matter")
        chunks[0] = Chunk(first_chunk.source, start + "\n" + first_chunk.markdown, first_chunk.refs)
    return Document(chunks, figures)
