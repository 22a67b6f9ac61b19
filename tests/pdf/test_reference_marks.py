"""The PDF's reference list marks every reconstructed entry, whatever its key (Pandoc + the kit's filters).

A key such as ``nou2003-6`` holds "-6", which the Typst filter's verbatim escaping (no minus sign
for "-97") once turned into raw Typst also in the metadata, so references.lua read an empty key
and left that entry unmarked (#15).
"""

from __future__ import annotations

import subprocess
from itertools import pairwise
from pathlib import Path

from thesiskit.lang import locale_for
from thesiskit.pandoc import pandoc_path
from thesiskit.pdf.convert import pandoc_args
from thesiskit.render.env import KIT_TEMPLATES

BIB = """@report{nou2003-6, author = {{NOU 2003: 6}}, title = {[Tittel ukjent]}, year = {2003}}
@misc{asd-ua, author = {{Arbeids- og sosialdepartementet}}, title = {[Tittel ukjent]}}
@book{aasen2012, author = {Aasen, Per}, title = {Ledelse i velferdsstaten}, year = {2012}}
"""
PAGE = """---
reconstructed-mark: "[rekonstruert]"
reconstructed:
  - "nou2003-6"
  - "asd-ua"
---

Tekst [@nou2003-6; @asd-ua; @aasen2012], og i -97.

::: {#refs}
:::
"""


def test_every_reconstructed_key_is_marked_and_only_those(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(BIB, "utf-8")
    lua = KIT_TEMPLATES / "pdf"
    args = pandoc_args(bib, locale_for("nb"), lua / "thesis.lua", lua / "references.lua")
    out = subprocess.run([pandoc_path(), *args], input=PAGE, capture_output=True, text=True, check=True).stdout
    parts = out.split("] <ref-")  # each entry is `#block[ … ] <ref-KEY>`
    entries = {after.split(">", 1)[0]: before.rsplit("#block[", 1)[-1] for before, after in pairwise(parts)}
    assert set(entries) == {"nou2003-6", "asd-ua", "aasen2012"}, out
    assert {k for k, body in entries.items() if "rekonstruert" in body} == {"nou2003-6", "asd-ua"}
    assert "i \\-97" in out  # the text keeps its verbatim escaping
