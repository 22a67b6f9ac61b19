"""Cross-references resolved after numbering: ``⟦ref:heading-id⟧`` → a numbered link."""

from __future__ import annotations

import re

from ..errors import InputError, Problem
from .chapters import Page, Rendered, Target, rel_link
from .escape import md_text
from .tokens import REF


def resolve_refs(rendered: Rendered, target: Target) -> Rendered:
    """Replace every reference token with a link to the heading, labelled with its number."""
    problems: list[Problem] = []
    pages = []
    for page in rendered.pages:

        def link(m: re.Match[str], page: Page = page) -> str:
            hid = m.group(1)
            h = rendered.headings.get(hid)
            if h is None:
                if "." in hid or "/" in hid:  # a file, not a heading: its name as text
                    return md_text(hid)
                problems.append(Problem(f"docs/{page.path}", None, f"reference to unknown heading id {hid!r}"))
                return hid
            label = h.label.replace("[", "\\[").replace("]", "\\]")
            if target == "pdf":
                return f"[{label}](#{hid})"
            return f"[{label}]({rel_link(page.path, h.page, hid)})"

        pages.append(Page(page.path, page.title, REF.sub(link, page.markdown)))
    if problems:
        raise InputError(problems)
    rendered.pages = pages
    return rendered
