"""Pandoc's AST of a Word document made into the kit's chapters.

Every change it makes is logged as a :class:`Note` for ``import-rapport.md``: nothing is reworded
silently. The words of the text are never changed; only structure (files, heading numbers and ids,
citations, pictures, quotes) is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..lang import Locale, locale_for

Block = dict[str, Any]
_NUMBER = re.compile(r"^(?:(?:kapittel|kapitel|chapter)\s+)?(\d+(?:\.\d+)*)\.?(?:\s+|$)", re.I)
_UNNUMBERED = re.compile(
    r"^(?:sammendrag|samandrag|abstract|summary|forord|føreord|preface|acknowledg\w*|takk\w*|vedlegg\b.*|"
    r"appendi(?:x|ces)\b.*)$",
    re.I,
)
_DROPPED = re.compile(r"^(?:innholdsfortegnelse|innhaldsliste|innhold|innhald|contents|table of contents)$", re.I)
_REFERENCES = re.compile(
    r"^(?:litteraturliste|litteratur|referanser|referansar|kilder|kjelder|references|bibliography)$", re.I
)
_TABLE_LABEL = re.compile(r"^(?:tabell|table)\s+\d+\s*[.:–-]?\s*", re.I)
DEFAULT_QUOTE = r"\(\s*(?:informant\s*)?(?P<n>\d{1,3})\s*\)\s*\.?$"
"""A block quote ending in an informant attribution: "(3)", "(Informant 3)"."""
_LOCATOR_TERMS = {
    "nb": {"page": "s.", "pages": "s.", "chapter": "kap.", "paragraph": "avsn."},
    "nn": {"page": "s.", "pages": "s.", "chapter": "kap.", "paragraph": "avsn."},
    "en": {"page": "p.", "pages": "pp.", "chapter": "chap.", "paragraph": "para."},
}


@dataclass(frozen=True)
class Note:
    """One thing the import did, or left for the writer (``todo``)."""

    where: str
    what: str
    todo: bool = False


@dataclass
class ChapterAst:
    """One chapter: a top-level heading and the blocks under it."""

    title: str
    id: str
    blocks: list[Block]
    unnumbered: bool = False
    file: str = ""


@dataclass
class QuoteRecord:
    """A block quote that became a quote record."""

    id: str
    informant: int
    section: str
    text: str
    file: str


@dataclass
class Result:
    """The chapters, the quotes, what was set aside (not chapters), and the notes."""

    chapters: list[ChapterAst] = field(default_factory=list)
    aside: list[ChapterAst] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pictures: list[tuple[str, str]] = field(default_factory=list)
    """(extracted file, name under docs/bilder/)."""
    t: Locale = field(default_factory=lambda: locale_for("nb"))
    """The study's language: the notes are written in it (the locale table's ``import_*`` strings)."""


def slug(text: str) -> str:
    """The kit's heading id: lowercase ASCII (æ→ae, ø→o, å→a), words joined with ``-``."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "avsnitt"


def stringify(node: Any) -> str:
    """Plain text of inlines or blocks."""
    out: list[str] = []

    def walk(n: Any) -> None:
        if isinstance(n, list):
            for x in n:
                walk(x)
        elif isinstance(n, dict):
            t = n.get("t")
            if t == "Str":
                out.append(n["c"])
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t in ("Para", "Plain") and out and not out[-1].endswith(" "):
                out.append(" ")
                walk(n.get("c"))
            elif t == "Cite" or t == "Image":
                walk(n["c"][1])
            elif t in ("Note", "RawInline", "RawBlock", "Code", "Math"):
                return
            else:
                walk(n.get("c"))

    walk(node)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def transform(
    ast: dict[str, Any],
    language: str,
    keys: dict[str, str],
    quote_pattern: str = DEFAULT_QUOTE,
) -> Result:
    """Split into chapters, renumber nothing, rename citation ids to ``keys``, extract quotes."""
    res = Result(t=locale_for(language))
    blocks: list[Block] = ast.get("blocks", [])
    _cites(blocks, keys, _LOCATOR_TERMS.get(language, _LOCATOR_TERMS["nb"]))
    _walk(blocks, lambda n: _literal_braces(n, res))
    front: list[Block] = []
    current: ChapterAst | None = None
    ids: set[str] = set()
    parents: list[str] = []
    for block in blocks:
        if block.get("t") == "Header":
            level, title, hid = _heading(block, ids, parents, res)
            if level == 1:
                current = ChapterAst(title, hid, [block], bool(_UNNUMBERED.match(title)))
                if current.unnumbered:
                    block["c"][1][1].append("unnumbered")
                if _DROPPED.match(title) or _REFERENCES.match(title):
                    res.aside.append(current)
                else:
                    res.chapters.append(current)
                continue
        (current.blocks if current else front).append(block)
    if front:
        res.aside.insert(0, ChapterAst(res.t.text("import_front_matter"), "forside", front))
    pattern = re.compile(quote_pattern, re.I)
    for i, ch in enumerate(res.chapters, 1):
        ch.file = f"docs/{i:02d}-{ch.id}.md"
        ch.blocks = list(_quotes(ch, pattern, res))
        _table_captions(ch.blocks, res, ch.file)
    return res


def _heading(block: Block, ids: set[str], parents: list[str], res: Result) -> tuple[int, str, str]:
    level, attr, inlines = block["c"]
    title = stringify(inlines)
    m = _NUMBER.match(title)
    if m and len(title) > m.end():
        inlines[:] = _drop_prefix(inlines, m.end())
        res.notes.append(Note(title, res.t.text("import_heading_number", number=m.group(1))))
        title = stringify(inlines)
    hid = slug(title)
    del parents[level - 1 :]
    if hid in ids and parents:
        hid = f"{parents[-1]}-{hid}"
    base, n = hid, 2
    while hid in ids:
        hid, n = f"{base}-{n}", n + 1
    ids.add(hid)
    parents.extend([hid] * (level - len(parents)))
    attr[0] = hid
    attr[1] = [c for c in attr[1] if c != "unnumbered"]
    return level, title, hid


def _drop_prefix(inlines: list[Block], chars: int) -> list[Block]:
    """``inlines`` without their first ``chars`` characters of text (and the space after them)."""
    out = list(inlines)
    while out and chars > 0:
        first = out[0]
        if first.get("t") == "Str":
            text = first["c"]
            if len(text) <= chars:
                chars -= len(text)
                out.pop(0)
            else:
                out[0] = {"t": "Str", "c": text[chars:]}
                chars = 0
        elif first.get("t") in ("Space", "SoftBreak"):
            chars -= 1
            out.pop(0)
        else:
            break
    while out and out[0].get("t") in ("Space", "SoftBreak"):
        out.pop(0)
    return out


_JINJA_OPEN = re.compile(r"\{\{|\{%|\{##")


def _literal_braces(node: Block, res: Result) -> None:
    """Text that looks like the kit's template syntax stays text: ``{{`` is written ``{{ '{{' }}``."""
    t = node.get("t")
    if t not in ("Str", "Code", "CodeBlock"):
        return
    text = node["c"] if t == "Str" else node["c"][1]
    if not _JINJA_OPEN.search(text):
        return
    res.notes.append(Note(text[:40], res.t.text("import_braces")))
    literal = _JINJA_OPEN.sub(lambda m: "{{ '" + m.group(0) + "' }}", text)
    if t == "Str":
        node["c"] = literal
    else:
        node["c"][1] = literal


def _walk(node: Any, fn: Callable[[Block], None]) -> None:
    if isinstance(node, list):
        for x in node:
            _walk(x, fn)
    elif isinstance(node, dict):
        if "t" in node:
            fn(node)
        _walk(node.get("c"), fn)


def _cites(blocks: list[Block], keys: dict[str, str], terms: dict[str, str]) -> None:
    """Rename citation ids to the study's keys; Zotero's locator labels in the study's language."""

    def fix(node: Block) -> None:
        if node.get("t") != "Cite":
            return
        for c in node["c"][0]:
            c["citationId"] = keys.get(c["citationId"], c["citationId"])
            suffix = c.get("citationSuffix", [])
            for i, inline in enumerate(suffix):
                if inline.get("t") == "Str" and inline["c"] in terms:
                    suffix[i] = {"t": "Str", "c": terms[inline["c"]]}
                    break
                if inline.get("t") == "Str" and inline["c"] not in (",",):
                    break
            while suffix and suffix[-1].get("t") in ("Space", "SoftBreak"):
                suffix.pop()

    _walk(blocks, fix)


def cite_ids(blocks: list[Block]) -> list[str]:
    """Every citation id in ``blocks``, in order of first use."""
    seen: dict[str, None] = {}

    def add(node: Block) -> None:
        if node.get("t") == "Cite":
            for c in node["c"][0]:
                seen.setdefault(c["citationId"])

    _walk(blocks, add)
    return list(seen)


def images(blocks: list[Block]) -> Iterator[Block]:
    """Every Image inline."""
    found: list[Block] = []
    _walk(blocks, lambda n: found.append(n) if n.get("t") == "Image" else None)
    yield from found


def _quotes(ch: ChapterAst, pattern: re.Pattern[str], res: Result) -> Iterator[Block]:
    """Block quotes ending in an attribution become quote records (Word merges adjacent ones: split them)."""
    section = ch.id
    for block in ch.blocks:
        if block.get("t") == "Header":
            section = block["c"][1][0]
        if block.get("t") != "BlockQuote":
            yield block
            continue
        group: list[Block] = []
        for child in block["c"]:
            group.append(child)
            m = pattern.search(stringify(child)) if child.get("t") in ("Para", "Plain") else None
            if m is None:
                continue
            has_markup = any(n.get("t") in ("Note", "Cite", "Image", "Table") for n in _all(group))
            if has_markup:
                yield {"t": "BlockQuote", "c": group}
            else:
                yield _quote_record(group, m, section, ch, res)
            group = []
        if group:
            yield {"t": "BlockQuote", "c": group}


def _quote_record(group: list[Block], m: re.Match[str], section: str, ch: ChapterAst, res: Result) -> Block:
    paras = [stringify(b) for b in group]
    paras[-1] = paras[-1][: m.start()].rstrip()
    words = "\n\n".join(paras).strip().strip('«»"“”').strip()
    qid = _unique(slug(" ".join(words.split()[:4]))[:40].strip("-"), {q.id for q in res.quotes})
    res.quotes.append(QuoteRecord(qid, int(m.group("n")), section, words, ch.file))
    res.notes.append(Note(ch.file, res.t.text("import_quote", words=words[:50], number=m.group("n"), id=qid)))
    return {"t": "RawBlock", "c": ["markdown", f'{{{{ quote("{qid}") }}}}']}


def _table_captions(blocks: list[Block], res: Result, where: str) -> None:
    """A paragraph "Tabell 3: …" just before a table without a caption becomes its caption."""
    used: list[int] = []
    for i in range(1, len(blocks)):
        block, before = blocks[i], blocks[i - 1]
        if block.get("t") != "Table" or before.get("t") != "Para":
            continue
        caption = block["c"][1]
        text = stringify(before["c"])
        m = _TABLE_LABEL.match(text)
        if caption[1] or not m:
            continue
        caption[1] = [{"t": "Plain", "c": _drop_prefix(before["c"], m.end())}]
        used.append(i - 1)
        res.notes.append(Note(where, res.t.text("import_table_caption", text=text[:60])))
    for i in reversed(used):
        del blocks[i]


def _all(node: Any) -> list[Block]:
    found: list[Block] = []
    _walk(node, found.append)
    return found


def _unique(base: str, taken: set[str]) -> str:
    base = base or "sitat"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out
