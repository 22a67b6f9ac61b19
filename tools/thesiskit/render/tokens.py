"""Placeholders a chapter's Jinja writes before what they stand for is known (numbers, citations)."""

from __future__ import annotations

import re

REF = re.compile(r"⟦ref:([^⟧\s]+)⟧")
"""A cross-reference to a heading id, resolved after numbering (render/links.py)."""
CITE_THIS = "⟦cite-this⟧"
"""The "Sitér" box of the thesis, filled in once citeproc has run (site/tree.py)."""
ANY = re.compile(r"⟦[^⟧]*⟧")
"""Any placeholder (dropped from text that leaves the kit, e.g. metadata)."""


def ref_token(hid: str) -> str:
    """What ``{{ ref(id) }}`` writes into a chapter before numbers are known."""
    return f"⟦ref:{hid}⟧"
