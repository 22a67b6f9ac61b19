"""The one escaping rule: a string from a record, study.yaml or references.bib is data, never markup.

Each function escapes data for one context it lands in. Chapters are the author's own code and are
not escaped; everything a chapter prints from the records goes through one of these (the Jinja
filters ``md_escape``, ``attr``, ``cell``, ``url``, ``cite_text`` and the helpers' own output).

- ``md_text``: Markdown text that Python-Markdown (site) and Pandoc (PDF) both read. No raw HTML,
  no links or images, no emphasis, no attribute lists, no math, no citations, no raw Typst, no
  block markup at a line start, no kit placeholders (``⟦…⟧``).
- ``attr``: an HTML attribute value or a Markdown image's alt text.
- ``safe_url``: a link target from data: only ``http(s)``, ``mailto`` and ``doi`` (as https://doi.org/).
- ``inert_html``: HTML rendered by a trusted engine from data (citeproc): only a few inline tags
  survive, links only to safe URLs or in-page anchors, and the text cannot be read as Markdown again.
- ``one_line``: a value for a line-based format (RIS): no line breaks or control characters.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markupsafe import Markup

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters no text of a study may hold (tab, line feed and carriage return may)."""

# Characters with a meaning in Markdown, Pandoc or the kit, as text that means only itself. The
# first group has backslash escapes both parsers know; the rest become numeric character references.
_BACKSLASH = {c: "\\" + c for c in "\\`*_{}[]"}
_ENTITY = {c: f"&#{ord(c)};" for c in "$~^@⟦⟧"}
_INLINE = str.maketrans({**_BACKSLASH, **_ENTITY})
_ATTR = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]$~^@⟦⟧|"})
# a line that starts with a block marker (heading, list, quote, table, definition, fence, admonition …)
_LINE_START = re.compile(r"^([ \t]*)([#\-+=|:!?%]|\d+[.)])", re.M)


def md_text(text: object) -> str:
    """Data as Markdown text: shown as written, never read as markup by Python-Markdown or Pandoc."""
    if isinstance(text, Escaped):
        return text
    value = re.sub(r"^[ \t]+|[ \t]+$", "", CONTROL.sub("", str(text)), flags=re.M)  # no code block, no hard break
    value = html.escape(value, quote=False).translate(_INLINE)
    return _LINE_START.sub(lambda m: m.group(1) + f"&#{ord(m.group(2)[0])};" + m.group(2)[1:], value)


def attr(text: object) -> Markup:
    """Data as an HTML attribute value, a cell of an HTML table or an image's alt text, on one line.

    Quotes, brackets and markup characters become character references; the result is ``Markup``,
    so that Jinja's HTML autoescaping does not escape it a second time.
    """
    value = " ".join(CONTROL.sub("", str(text)).split())
    return Markup(html.escape(value, quote=True).translate(_ATTR))


def md_line(text: object) -> str:
    """Data as Markdown text on one line (a caption, a note, a label): line breaks become spaces."""
    return md_text(" ".join(CONTROL.sub("", str(text)).split()))


def one_line(text: object) -> str:
    """Data as the value of a line-based format (RIS): whitespace runs and line breaks as one space."""
    return " ".join(CONTROL.sub(" ", str(text)).split())


SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(url: object) -> str:
    """A link target from data, or "" if it is not http(s), mailto or doi (``doi:10.…`` → https://doi.org/)."""
    value = CONTROL.sub("", str(url or "")).strip()
    if not value or any(c.isspace() for c in value) or any(c in value for c in "<>\"'`"):
        return ""
    if value.lower().startswith("doi:"):
        return "https://doi.org/" + value[4:].lstrip("/")
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return ""
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return ""
    return value


def md_url(url: object) -> str:
    """A link target from data for a Markdown link ``[…](here)``, or "" if it is not allowed."""
    value = safe_url(url)
    return value.replace("(", "%28").replace(")", "%29").replace("\\", "%5C").replace(" ", "%20")


# citeproc's HTML: inline formatting and links; everything else is dropped (its text kept)
_KEEP_TAGS = {"a", "em", "i", "b", "strong", "span", "sup", "sub", "sc", "br", "div", "p"}
_KEEP_ATTRS = {"href", "class", "id", "role", "data-cites", "lang"}


class _Inert(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, written): a link to a forbidden target is not
        self.skip = 0  # inside <script> or <style>: their content is dropped too

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in _KEEP_TAGS:
            return
        kept = []
        for name, value in attrs:
            if name not in _KEEP_ATTRS or value is None:
                continue
            if name == "href":
                value = value if re.fullmatch(r"#[\w:.\-]*", value) else safe_url(value)
                if not value:
                    continue
            kept.append(f' {name}="{attr(value)}"')
        written = tag != "a" or any(k.startswith(" href=") for k in kept)
        if written:
            self.out.append(f"<{tag}{''.join(kept)}>")
        if tag != "br":
            self.open.append((tag, written))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if not any(t == tag for t, _ in self.open):
            return
        while self.open:
            closed, written = self.open.pop()
            if written:
                self.out.append(f"</{closed}>")
            if closed == tag:
                return

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(md_text_inline(data))

    def close_all(self) -> str:
        self.close()
        self.out.extend(f"</{t}>" for t, written in reversed(self.open) if written)
        return "".join(self.out)


def md_text_inline(text: str) -> str:
    """Text inside HTML that a Markdown parser may read again: every markup character a reference."""
    value = html.escape(CONTROL.sub("", text), quote=False).translate(_ATTR)
    return _LINE_START.sub(lambda m: m.group(1) + f"&#{ord(m.group(2)[0])};" + m.group(2)[1:], value)


def inert_html(fragment: str) -> str:
    """HTML from citeproc, kept as HTML but harmless: allowed tags, safe links, text that is only text."""
    parser = _Inert()
    parser.feed(fragment)
    return parser.close_all()


class Escaped(str):
    """A string already escaped as Markdown text (``md_text`` leaves it alone)."""


class DataView:
    """A record as a chapter sees it: every string attribute comes out as Markdown text (``md_text``).

    A chapter's ``{{ study.title }}`` therefore prints the title as written, never as markup; dates,
    numbers and the like are passed through unchanged.
    """

    def __init__(self, record: object) -> None:
        object.__setattr__(self, "_record", record)

    def __getattr__(self, name: str) -> object:
        return view(getattr(object.__getattribute__(self, "_record"), name))

    def __getitem__(self, key: object) -> object:
        return view(object.__getattribute__(self, "_record")[key])  # type: ignore[index]

    def __str__(self) -> str:
        return md_text(object.__getattribute__(self, "_record"))

    def __iter__(self) -> object:
        return iter(view(v) for v in object.__getattribute__(self, "_record"))  # type: ignore[attr-defined]


def view(value: object) -> object:
    """``value`` with every string in it escaped as Markdown text, for a chapter's Jinja."""
    from pydantic import BaseModel

    if isinstance(value, Escaped):
        return value
    if isinstance(value, str):
        return Escaped(md_text(value))
    if isinstance(value, list | tuple):
        return [view(v) for v in value]
    if isinstance(value, dict):
        return {k: view(v) for k, v in value.items()}
    if isinstance(value, BaseModel):
        return DataView(value)
    return value
