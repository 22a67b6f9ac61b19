"""A large bibliography in the shape of real exports (Zotero, Better BibTeX, JabRef), for ``make bench``.

``make_bib(n)`` returns ``n`` invented entries: articles, books, chapters and reports with one to six
authors (particles, LaTeX escapes, corporate names in braces, ``and others``, biblatex's extended name
format), DOIs, ISBNs (some as space-separated lists), abstracts, keywords, URLs and file fields. Every
name and title is invented; the same seed gives the same file.

Usage: ``python tests/bench/bigbib.py STUDY DEST [--entries 6000]`` copies STUDY to DEST and appends the
entries to its references.bib (uncited, so the gate reads and checks all of them).
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path


def _split(text: str) -> list[str]:
    return text.split()


FAMILIES = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Lie",
    "Dahl",
    "S{\\o}rensen",
    "Str{\\o}m",
    'M{\\"u}ller',
    "Lægreid",
    "Røvik",
    "Christensen",
    "Egeberg",
    "Fimreite",
    'Sch{\\"o}n',
    "Garc{\\'\\i}a",
    "Nguyen",
]
GIVEN = ["Kari", "Per", "Ola", "Anne", "Tove", "Jan", "Ingrid", "Morten", "Stef", "María", "Lars", "Eli"]
WORDS = _split(
    "samarbeid styring kommune stat velferd forvaltning reform ledelse organisering partnerskap tillit "
    "kunnskap praksis profesjon tjenester arbeid inkludering evaluering politikk modell nettverk"
)
PUBLISHERS = ["Universitetsforlaget", "Fagbokforlaget", "Gyldendal", "Cappelen Damm", "Routledge", "Sage"]
JOURNALS = ["Tidsskrift for velferdsforskning", "Norsk statsvitenskapelig tidsskrift", "Public Administration"]


def _isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8, 8, 2] + [rng.randint(0, 9) for _ in range(7)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, [*digits, check]))


def _person(rng: random.Random) -> str:
    r = rng.random()
    family, given = rng.choice(FAMILIES), rng.choice(GIVEN)
    if r < 0.05:
        return f"family={family}, given={given}, prefix=van, useprefix=false"
    if r < 0.10:
        return f"van der {family}, {given}"
    if r < 0.15:
        return f"{given} {family}"
    return f"{family}, {given}"


def _authors(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return "{Norsk senter for " + rng.choice(WORDS) + "}"
    names = [_person(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6]))]
    if rng.random() < 0.05:
        names.append("others")
    return " and ".join(names)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_bib(n: int, seed: int = 1) -> str:
    """``n`` invented entries in the shapes of real exports."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = rng.choice(["article", "article", "book", "incollection", "report", "misc"])
        year = rng.randint(1960, 2024)
        key = f"synt{i}{year}"
        title = _words(rng, rng.randint(3, 9)).capitalize()
        fields = [
            f"  author = {{{_authors(rng)}}}",
            f"  title = {{{{{title[:1]}}}{title[1:]}}}",
            f"  year = {{{year}}}",
        ]
        if kind == "article":
            fields += [
                f"  journal = {{{rng.choice(JOURNALS)}}}",
                f"  volume = {{{rng.randint(1, 60)}}}",
                f"  pages = {{{rng.randint(1, 200)}--{rng.randint(201, 400)}}}",
                f"  doi = {{10.{rng.randint(1000, 9999)}/{key}}}",
            ]
        elif kind in ("book", "incollection"):
            isbn = _isbn13(rng) if rng.random() < 0.8 else f"{_isbn13(rng)} {_isbn13(rng)}"
            fields += [f"  publisher = {{{rng.choice(PUBLISHERS)}}}", "  address = {Oslo}", f"  isbn = {{{isbn}}}"]
            if kind == "incollection":
                fields += [f"  booktitle = {{{_words(rng, 4).capitalize()}}}", f"  editor = {{{_authors(rng)}}}"]
        elif kind == "report":
            fields += ["  institution = {Institutt for samfunnsforskning}", f"  number = {{{rng.randint(1, 30)}}}"]
        else:
            fields += [f"  url = {{https://example.org/{key}}}", "  urldate = {2020-01-01}"]
        if rng.random() < 0.6:
            fields.append(f"  abstract = {{{_words(rng, rng.randint(40, 120)).capitalize()}.}}")
        if rng.random() < 0.5:
            fields.append(f"  keywords = {{{', '.join(rng.sample(WORDS, 3))}}}")
        if rng.random() < 0.2:
            fields.append(f"  note = {{{_words(rng, 8)} \\& {_words(rng, 3)}}}")
        fields.append("  langid = {norsk}")
        out.append(f"@{kind}{{{key},\n" + ",\n".join(fields) + "\n}\n")
    return "\n".join(out)


def make_study(source: Path, dest: Path, n: int) -> Path:
    """A copy of ``source`` whose references.bib has ``n`` more entries."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("site", "build", ".git", ".venv", "tools", "tests"))
    bib = dest / "references.bib"
    bib.write_text(bib.read_text("utf-8") + "\n" + make_bib(n), "utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--entries", type=int, default=6000)
    args = parser.parse_args()
    make_study(args.source, args.dest, args.entries)


if __name__ == "__main__":
    main()
