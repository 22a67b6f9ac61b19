"""Figures and tables: one numbering in reading order, the same in both outputs ("Figur N", "Tabell N").

Found after Jinja, page by page, outside code:

- a figure record: ``{{ figure(id) }}`` writes ``⟦float:fig-ID⟧`` on the first line of its block;
- a picture: an image alone in its paragraph, with a caption,
  ``![Caption](bilder/a.png){#fig-a fig-alt="What it shows" credit="Kilde: …"}``;
- a captioned table: a pipe or grid table with a caption paragraph (``Table: …`` or ``: …``)
  right before or after it, optionally ending in ``{#tbl-id}``.

Each gets the next number of its series (records choose theirs, ``Figure.series``); the
``⟦num:ANCHOR⟧`` tokens a template wrote are replaced with it, and each float is written for
the target: HTML ``<figure>`` with ``<figcaption>`` for the site, a Pandoc figure or captioned
table for the PDF, preceded by a Typst counter update so that Typst prints the same number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path, PurePosixPath

from ..errors import InputError, Problem
from ..records import Records
from ..records.load import PICTURE_TYPES
from .labels import label

FLOAT = re.compile(r"^⟦float:([a-z0-9][a-z0-9-]*)⟧$")
NUM = re.compile(r"⟦num:([A-Za-z0-9_:.-]+)⟧")
_FENCE = re.compile(r"^(```|~~~)")
IMAGE = re.compile(
    r"!\[(?P<desc>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\((?P<src><[^>]*>|[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)"
    r"(?:\{(?P<attrs>[^{}]*)\})?"
)
"""A Markdown image with optional title and ``{…}`` attributes."""
_ATTR = re.compile(r"""#(?P<id>[\w:.-]+)|\.(?P<cls>[\w-]+)|(?P<key>[\w-]+)=(?:"(?P<q>(?:[^"\\]|\\.)*)"|(?P<v>\S+))""")
_CAPTION = re.compile(r"^(?:Table|table)?:\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$", re.S)
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_GRID_LINE = re.compile(r"^\+(?:[-=:]+\+)+\s*$")


@dataclass(frozen=True)
class Float:
    """A numbered figure or table."""

    anchor: str
    """Its id in both outputs (``fig-…``, ``tbl-…``)."""
    series: str
    """"figure" or "table"."""
    number: int
    label: str
    """"Figur", "Tabell" (in the study's language)."""
    caption: str
    """The caption as Markdown (without label and number)."""
    page: str
    """docs/ page it is on."""
    record: str | None = None
    """The figure record it comes from, if any."""

    @property
    def name(self) -> str:
        """Label and number, as printed ("Tabell 2")."""
        return f"{self.label} {self.number}"


@dataclass
class Floats:
    """What the numbering found: the floats in order, and the picture files the PDF needs."""

    items: list[Float] = field(default_factory=list)
    media: dict[str, str] = field(default_factory=dict)
    """For the PDF: file in its work folder → file under docs/."""

    def by_anchor(self) -> dict[str, Float]:
        """Floats by anchor."""
        return {f.anchor: f for f in self.items}


def parse_attrs(text: str) -> tuple[str | None, list[str], dict[str, str]]:
    """``#id .class key="value"`` → (id, classes, key/values)."""
    fid, classes, kv = None, [], {}
    for m in _ATTR.finditer(text or ""):
        if m.group("id"):
            fid = m.group("id")
        elif m.group("cls"):
            classes.append(m.group("cls"))
        else:
            value = m.group("q") if m.group("q") is not None else m.group("v")
            kv[m.group("key")] = re.sub(r"\\(.)", r"\1", value)
    return fid, classes, kv


def _blocks(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(first, end, is_code) of each run of non-blank lines; fenced code is one block."""
    out: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        start = i
        fence = _FENCE.match(lines[i])
        if fence:
            i += 1
            while i < len(lines) and not lines[i].startswith(fence.group(1)):
                i += 1
            out.append((start, min(i + 1, len(lines)), True))
            i += 1
            continue
        while i < len(lines) and lines[i].strip() and not _FENCE.match(lines[i]):
            i += 1
        out.append((start, i, False))
    return out


def is_table(block: list[str]) -> bool:
    """A pipe table (second line is the separator row) or a grid table."""
    if len(block) >= 2 and _PIPE_SEP.match(block[1]) and "|" in block[0] + block[1]:
        return True
    return bool(_GRID_LINE.match(block[0].strip()))


def _caption(block: list[str]) -> re.Match[str] | None:
    text = " ".join(line.strip() for line in block)
    if not re.match(r"^(?:Table|table)?:\s", text):
        return None
    return _CAPTION.match(text)


def grid_to_pipe(block: list[str]) -> list[str] | None:
    """A grid table without merged cells as a pipe table (cells' lines joined); None if it merges cells."""
    border = block[0].rstrip()
    cols = [i for i, ch in enumerate(border) if ch == "+"]
    rows: list[list[str]] = []
    head_rows = 0
    current: list[list[str]] = []
    for line in block[1:]:
        line = line.rstrip()
        if _GRID_LINE.match(line):
            if [i for i, ch in enumerate(line) if ch == "+"] != cols:
                return None
            if current:
                rows.append([" ".join(p for p in parts if p) for parts in zip(*current, strict=True)])
                current = []
            if "=" in line:
                head_rows = len(rows)
            continue
        if len(line) < cols[-1] or any(line[i] != "|" for i in cols):
            return None
        current.append([line[a + 1 : b].strip() for a, b in pairwise(cols)])
    if current or not rows:
        return None
    sep = "| " + " | ".join("---" for _ in cols[1:]) + " |"
    if head_rows == 0:
        head, body = [""] * (len(cols) - 1), rows
    else:
        head, body = [" ".join(c for c in col if c) for col in zip(*rows[:head_rows], strict=True)], rows[head_rows:]
    out = ["| " + " | ".join(head) + " |", sep]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in body]
    return out


def raw_typst(code: str) -> str:
    """A raw Typst block in Pandoc Markdown."""
    return f"```{{=typst}}\n{code}\n```"


def counter_update(series: str, number: int) -> str:
    """Typst code that makes the next figure of a series take ``number``."""
    kind = "table" if series == "table" else "image"
    return raw_typst(f"#counter(figure.where(kind: {kind})).update({number - 1})")


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


class _Numberer:
    def __init__(self, records: Records, target: str, lang: str, sources: dict[str, str], docs: Path | None) -> None:
        self.records = records
        self.docs = docs
        self.target = target
        self.lang = lang
        self.sources = sources
        self.counts = {"figure": 0, "table": 0}
        self.found = Floats()
        self.problems: list[Problem] = []
        self.anchors: set[str] = set()
        self.page = ""

    def where(self, text: str) -> tuple[str, int | None]:
        src = self.sources.get(self.page, "")
        at = src.find(text.strip().split("\n")[0]) if text.strip() else -1
        return f"docs/{self.page}", (src.count("\n", 0, at) + 1 if at >= 0 else None)

    def problem(self, text: str, message: str) -> None:
        self.problems.append(Problem(*self.where(text), message))

    def add(self, anchor: str, series: str, caption: str, record: str | None = None) -> Float:
        self.counts[series] += 1
        if anchor in self.anchors:
            self.problem(anchor, f"two figures or tables have the id {anchor!r}")
        self.anchors.add(anchor)
        f = Float(anchor, series, self.counts[series], label(series, self.lang), caption, self.page, record)
        self.found.items.append(f)
        return f

    def page_text(self, page: str, text: str) -> str:
        self.page = page
        lines = text.split("\n")
        blocks = _blocks(lines)
        replace: dict[int, list[str]] = {}
        for bi, (start, end, code) in enumerate(blocks):
            if code or bi in replace:
                continue
            block = lines[start:end]
            token = FLOAT.match(block[0])
            image = IMAGE.fullmatch(block[0].strip()) if len(block) == 1 else None
            if token:
                replace[bi] = self.record(token.group(1), block[1:])
            elif image and image.group("desc").strip():
                replace[bi] = self.picture(image)
            elif is_table(block):
                cap_i = next(
                    (
                        ci
                        for ci in (bi - 1, bi + 1)
                        if 0 <= ci < len(blocks)
                        and ci not in replace
                        and not blocks[ci][2]
                        and _caption(lines[blocks[ci][0] : blocks[ci][1]])
                    ),
                    None,
                )
                if cap_i is None:
                    plain = self.plain_table(block)
                    if plain is not None:
                        replace[bi] = plain
                    continue
                cap = _caption(lines[blocks[cap_i][0] : blocks[cap_i][1]])
                assert cap is not None
                replace[cap_i] = []
                replace[bi] = self.table(block, cap)
        for bi, (start, end, code) in enumerate(blocks):
            if bi not in replace and not code and "![" in "".join(lines[start:end]):
                replace[bi] = [IMAGE.sub(self.inline_image, line) for line in lines[start:end]]
        out: list[str] = []
        pos = 0
        for bi, (start, end, _) in enumerate(blocks):
            if bi in replace:
                out.extend(lines[pos:start])
                out.extend(replace[bi])
                pos = end
        out.extend(lines[pos:])
        return "\n".join(out)

    def record(self, fid: str, rest: list[str]) -> list[str]:
        fig = self.records.figures[fid]
        f = self.add(f"fig-{fid}", fig.series, fig.caption, record=fid)
        if self.target == "pdf":
            return [counter_update(f.series, f.number), "", *rest]
        return rest

    def picture(self, m: re.Match[str]) -> list[str]:
        fid, _, kv = parse_attrs(m.group("attrs") or "")
        caption = m.group("desc").strip()
        anchor = fid or f"fig-{len(self.found.items) + 1}-{PurePosixPath(self.page).stem}"
        f = self.add(anchor, "figure", caption)
        alt = " ".join(kv.get("fig-alt", "").split())
        credit = kv.get("credit", "")
        src = m.group("src").strip("<>")
        src_pdf = self.media(src, m.group(0))
        if self.target == "pdf":
            src = src_pdf
            keep = " ".join(f'{k}="{v}"' for k, v in kv.items() if k in ("width", "height"))
            alt_attr = alt.replace("\\", "\\\\").replace('"', '\\"')
            out = [
                counter_update("figure", f.number),
                "",
                f'![{caption}]({src}){{#{anchor} fig-alt="{alt_attr}"{" " + keep if keep else ""}}}',
            ]
            if credit:
                out += ["", "::: {.kreditering}", credit, ":::"]
            return out
        title = f' "{_attr(m.group("title"))}"' if m.group("title") else ""
        credit_html = f'<br><span class="kreditering">{credit}</span>' if credit else ""
        return [
            f'<figure class="figur" id="{anchor}" markdown="1">',
            f"![{alt.replace('[', '').replace(']', '')}]({src}{title})",
            f'<figcaption markdown="span">{f.name}: {caption}{credit_html}</figcaption>',
            "</figure>",
        ]

    def inline_image(self, m: re.Match[str]) -> str:
        """An image inside a paragraph: its file checked, its path made the PDF's."""
        src = m.group("src").strip("<>")
        new = self.media(src, m.group(0))
        if self.target != "pdf" or new == src:
            return m.group(0)
        return m.group(0).replace(f"]({m.group('src')}", f"]({new}", 1)

    def media(self, src: str, text: str) -> str:
        """The picture's path in the PDF's work folder; the file must exist under docs/."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
            self.problem(text, f"picture {src!r}: the PDF cannot show a picture from the web; save it under docs/")
            return src
        rel = (PurePosixPath(self.page).parent / src).as_posix()
        parts: list[str] = []
        for part in rel.split("/"):
            if part == "..":
                if not parts:
                    self.problem(text, f"picture {src!r} is outside docs/")
                    return src
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        name = "/".join(parts)
        study = self.docs.parent.resolve() if self.docs is not None else None  # Project.docs is <study>/docs
        if self.docs is not None and study is not None and not (self.docs / name).resolve().is_relative_to(study):
            self.problem(text, f"picture {src!r}: docs/{name} (a symbolic link) leads outside the study's folder")
            return src
        if self.docs is not None and not (self.docs / name).is_file():
            self.problem(text, f"picture {src!r}: docs/{name} does not exist")
            return src
        if PurePosixPath(name).suffix.lower() not in PICTURE_TYPES:
            self.problem(text, f"picture {src!r}: not a PNG, JPEG or SVG file")
        self.found.media["media/" + name] = name
        return "media/" + name

    def table(self, block: list[str], cap: re.Match[str]) -> list[str]:
        fid, _, _ = parse_attrs(cap.group("attrs") or "")
        caption = cap.group("text")
        anchor = fid or f"tbl-{self.counts['table'] + 1}-{PurePosixPath(self.page).stem}"
        f = self.add(anchor, "table", caption)
        if self.target == "pdf":
            return [counter_update("table", f.number), "", *block, "", f": {caption} {{#{anchor}}}"]
        body = self.site_table(block)
        return [
            f'<figure class="tabell" id="{anchor}" markdown="1">',
            f'<figcaption markdown="span">{f.name}: {caption}</figcaption>',
            "",
            *body,
            "",
            "</figure>",
        ]

    def plain_table(self, block: list[str]) -> list[str] | None:
        if self.target == "pdf":
            return None
        return self.site_table(block)

    def site_table(self, block: list[str]) -> list[str]:
        if not _GRID_LINE.match(block[0].strip()):
            return block
        pipe = grid_to_pipe(block)
        if pipe is None:
            self.problem(block[0], "a grid table with merged cells: the site cannot show it; use one cell per column")
            return block
        return pipe


def number_floats(
    pages: list[tuple[str, str]],
    records: Records,
    target: str,
    lang: str,
    sources: dict[str, str],
    docs: Path | None = None,
) -> tuple[list[str], Floats]:
    """Number every figure and table of ``pages`` ((path, text) in reading order); see the module docstring.

    Returns the texts rewritten for ``target`` and what was found.
    """
    n = _Numberer(records, target, lang, sources, docs)
    texts = [n.page_text(path, text) for path, text in pages]
    if n.problems:
        raise InputError(n.problems)
    numbers = {f.anchor: str(f.number) for f in n.found.items}
    texts = [NUM.sub(lambda m: numbers.get(m.group(1), m.group(0)), t) for t in texts]
    return texts, n.found
