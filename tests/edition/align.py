"""Align the built edition's text with the submitted text, word by word, and list every deviation.

    python -m tests.edition.align [--site DIR] [--source FILE] [--context N]

Reads the built site (``site/``, chapter pages in reading order) and the extracted text of the
submitted PDF (``../shared/source/thesis.txt``). Both are reduced to lowercase words (punctuation,
hyphens and line breaks dropped; a word split by a line-end hyphen is joined). Left out on the
edition's side: what the edition adds around the text (navigation, heading anchors, page markers,
figures' text versions, the edition's footnotes, the "Sitér" box); on the source's side: the page
footers and page numbers (recorded in "Om denne utgaven" as removed without a record).

Every stretch that differs is printed with its line in the source, the source's words and the
edition's words. Each must be explained by a record in report/changes/ (or, for an anonymity
change, by its class). This module is specific to this edition; ``deviations()`` is what the
tests use.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO.parent / "shared" / "source" / "thesis.txt"
PAGES = [  # reading order of the original (the edition puts Vedlegg 4 before 5: recorded)
    "sammendrag",
    "summary",
    "01-innledning",
    "02-teori",
    "03-metode",
    "04-erfaringer",
    "05-drofting",
    "06-konklusjon",
    "vedlegg/1-informasjonsskriv",
    "vedlegg/2-samtykke",
    "vedlegg/3-ny-innleveringsdato",
    "vedlegg/5-intervjuguide",
    "vedlegg/4-nsd",
]
ARTEFACT = re.compile(r"^\s*(MR691, kandidatnummer 115, 14\.06\.19|\d{1,3})\s*$")
DROP = [  # elements of the edition's pages that are not the thesis's text
    r'<a class="headerlink".*?</a>',
    r'<a class="sidetall".*?</a>',
    r'<details class="tekstalternativ".*?</details>',
    r'<figure class="figur".*?</figure>',
    r'<div class="footnote">.*?</div>\s*(?=</article>|$)',
    r'<sup id="fnref:[^"]*">.*?</sup>',
    r'<div class="siter.*?</div>\s*</div>',
    r"<script.*?</script>",
    r"<style.*?</style>",
]


def words(text: str) -> list[str]:
    """Lowercase words; a line-end hyphen joins the word ("arbeids-\\ngiver" → "arbeidsgiver")."""
    return re.findall(r"\w+", re.sub(r"-\s*", "", text.lower()))


def source_words(path: Path) -> tuple[list[str], list[int]]:
    """The submitted text's words and the line each comes from (footers and page numbers left out)."""
    kept = [(n, line) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if not ARTEFACT.match(line)]
    text = "\n".join(line for _, line in kept).lower()
    line_of = [n for n, line in kept for _ in range(len(line) + 1)]
    norm: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"-\s*|.", text, re.S):  # as words(): a hyphen and the space after it go
        if m.group(0).startswith("-"):
            continue
        norm.append(m.group(0))
        where.append(line_of[m.start()])
    flat = "".join(norm)
    found = [(m.group(0), where[m.start()]) for m in re.finditer(r"\w+", flat)]
    return [w for w, _ in found], [n for _, n in found]


def edition_text(site: Path) -> str:
    """The text of the edition's chapter pages, in the original's reading order."""
    parts = []
    for page in PAGES:
        doc = (site / page / "index.html").read_text("utf-8")
        body = doc.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        for rx in DROP:
            body = re.sub(rx, " ", body, flags=re.S)
        body = re.sub(r"<ol[^>]*>.*?</ol>", _number_items, body, flags=re.S)
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", body)))
    return "\n".join(parts)


def _number_items(m: re.Match[str]) -> str:
    """An ordered list's numbers are text in the source ("1. NAV reformen …"): write them out."""
    start = re.match(r'<ol[^>]*start="(\d+)"', m.group(0))
    n = int(start.group(1)) if start else 1
    out = []
    for i, part in enumerate(re.split(r"<li[^>]*>", m.group(0))):
        out.append(part if i == 0 else f" {n + i - 1}. {part}")
    return "".join(out)


@dataclass(frozen=True)
class Deviation:
    """One stretch where the edition's words differ from the source's."""

    line: int
    source: str
    edition: str
    before: str = ""  # the source's words just before and after the stretch (three each)
    after: str = ""

    def __str__(self) -> str:
        return f"thesis.txt:{self.line}: «{self.source}» → «{self.edition}»"


def deviations(site: Path, source: Path = SOURCE) -> list[Deviation]:
    """Every deviation of the edition (site) from the source text, word by word."""
    src, src_lines = source_words(source)
    ed = words(edition_text(site))
    matcher = difflib.SequenceMatcher(None, src, ed, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        line = src_lines[min(i1, len(src_lines) - 1)]
        around = (" ".join(src[max(0, i1 - 3) : i1]), " ".join(src[i2 : i2 + 3]))
        out.append(Deviation(line, " ".join(src[i1:i2]), " ".join(ed[j1:j2]), *around))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    found = deviations(args.site, args.source)
    for d in found:
        print(d)
    print(f"{len(found)} deviations")


if __name__ == "__main__":
    main()
