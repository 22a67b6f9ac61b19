"""After the engine: what the kit adds to the HTML files the site engine wrote.

The kit's additions do not depend on one engine's template variables or plugins: the citation
metadata of a page (Highwire ``citation_*`` tags, JSON-LD) is put into its ``<head>`` here, after
MkDocs or Zensical has written it, and markup that both themes write and the Nu Html Checker
rejects is corrected here rather than in copies of the themes' templates. Deterministic: the same
files and heads give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..errors import ToolError

_INPUT = re.compile(r"<input\b[^<>]*>")
_EMPTY_TABINDEX = re.compile(r' tabindex=""(?=[^<>]*>)')
_HIDDEN_LABEL = re.compile(r'(<label\b[^<>]*\bfor="[^"]*"[^<>]*?) aria-hidden="true"')
_RESET_TOGGLES = (
    '<script>document.getElementById("__drawer").checked=!1,document.getElementById("__search").checked=!1</script>'
)


def page_html(page: str) -> str:
    """The HTML file both engines write for the Markdown page ``page`` (directory URLs).

    ``index.md`` and ``README.md`` become the folder's ``index.html``, ``x.md`` becomes ``x/index.html``.
    """
    folder, _, name = page.rpartition("/")
    stem = name[: -len(".md")] if name.endswith(".md") else name
    parts = [folder] if folder else []
    if stem not in ("index", "README"):
        parts.append(stem)
    return "/".join([*parts, "index.html"])


def add_head(html: str, head: str, *, where: str) -> str:
    """``html`` with ``head`` inserted just before its ``</head>``."""
    at = html.find("</head>")
    if at < 0:
        raise ToolError(f"{where}: the site engine wrote no </head>; the citation metadata has nowhere to go")
    return html[:at] + head.rstrip("\n") + "\n" + html[at:]


def valid_markup(html: str) -> str:
    """Correct what both themes write that HTML does not allow.

    - ``autocomplete="off"`` on a checkbox (the drawer and search toggles): HTML allows it only on
      text-like inputs. Without it a browser may restore an open drawer on "back", so a script right
      after the toggles unchecks them.
    - ``tabindex=""`` on a navigation section's label: an empty value is not an integer.
    - ``aria-hidden="true"`` on the empty overlay label of the drawer (Zensical): not allowed on a
      label associated with a form control.
    """

    def fix_input(m: re.Match[str]) -> str:
        tag = m.group(0)
        if 'type="checkbox"' not in tag or ' autocomplete="off"' not in tag:
            return tag
        tag = tag.replace(' autocomplete="off"', "")
        return tag + "\n    " + _RESET_TOGGLES if 'id="__search"' in tag else tag

    html = _INPUT.sub(fix_input, html)
    html = _HIDDEN_LABEL.sub(r"\1", html)
    return _EMPTY_TABINDEX.sub("", html)


def finish_site(site: Path, heads: Mapping[str, str]) -> None:
    """Add each page's head metadata (``heads``: Markdown page → HTML) and correct every HTML file."""
    wanted = {page_html(page): head for page, head in heads.items() if head}
    for rel in wanted:
        if not (site / rel).is_file():
            raise ToolError(f"{rel}: the site engine did not write this page; its citation metadata has nowhere to go")
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        new = valid_markup(text)
        if rel in wanted:
            new = add_head(new, wanted[rel], where=rel)
        if new != text:
            path.write_text(new, encoding="utf-8", newline="\n")
