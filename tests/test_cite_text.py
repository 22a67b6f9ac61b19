"""``cite_text``: data that may hold Pandoc citations keeps the citations and escapes everything else."""

from __future__ import annotations

import pytest

from thesiskit.render.env import cite_text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("[@lov2009, § 1]", "[@lov2009, § 1]"),  # a legal locator is a locator
        ("Kilde: [@flaa1993, s. 12–14]", "Kilde: [@flaa1993, s. 12–14]"),
        ("[@a, <b>x</b>]", r"\[&#64;a, &lt;b&gt;x&lt;/b&gt;\]"),  # not a plain citation: text
    ],
)
def test_citations_kept_markup_escaped(data: str, expected: str) -> None:
    assert cite_text(data) == expected
