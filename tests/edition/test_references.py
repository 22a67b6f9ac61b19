"""The reference list says honestly what is known of each work, in the site and the edition PDF (#15)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO
from tests.pdf.pdfcheck import Pdf, normalize
from thesiskit.cite.bib import load_bib

BIB = load_bib(REPO / "references.bib", "references.bib").entries
NOTE = "En tittel i hakeparentes er ikke verkets egen, men en beskrivelse"


def test_every_entry_says_what_it_rests_on() -> None:
    for key, e in BIB.items():
        assert e.fields.get("status") in ("verified", "reconstructed", "verified | reconstructed"), key
        assert e.fields.get("verification"), key  # what was checked, and where
        if e.fields["status"] == "verified":  # the source that shows the facts: an address, or at least its site
            where = re.search(r"https?://|\b[\w-]+\.(?:no|net|mx|com|org)\b", e.fields["verification"])
            assert e.fields.get("url") or where, key
        assert "and others" not in e.raw.get("author", ""), key


def test_untitled_works_are_described_marked_and_explained_in_both_outputs(real_build: Path) -> None:
    described = [k for k, e in BIB.items() if e.described]  # 14 «[Tittel ukjent]», 3 descriptions of what the work is
    assert len(described) == 17 and all(BIB[k].reconstructed for k in described)
    site = (real_build / "site" / "litteratur" / "index.html").read_text("utf-8")
    assert NOTE in site
    listed = [k for k in described if f'id="ref-{k}"' in site]  # not tarberg-ua (not cited)
    assert len(listed) == 16
    for key in listed:
        entry = re.search(rf'id="ref-{key}".*?</div>', site, re.S)
        assert entry and "&#91;" in entry.group(0) and 'class="rekonstruert"' in entry.group(0), key
    edition = normalize(Pdf(real_build / "build" / "thesis.pdf").text)
    refs = edition[edition.index("Oppføringer merket [rekonstruert]") :]
    assert NOTE in refs and refs.count("[Tittel ukjent]") == 14
    assert len(re.findall(r"\[Tittel ukjent\]\.[^\[]{0,80}\[rekonstruert\]", refs)) == 14  # each one marked
    assert NOTE not in normalize(Pdf(real_build / "build" / "thesis-submission.pdf").text)
