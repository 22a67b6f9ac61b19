"""Build small synthetic studies and lint them. Every name, number and address here is invented."""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from thesiskit.lint import Finding, LintOptions, lint_project

BIB = r"""
@book{thagaard2013,
  author = {Thagaard, Tove},
  title = {Systematikk og innlevelse: En innføring i kvalitativ metode},
  publisher = {Fagbokforlaget},
  year = {2013},
  edition = {4}
}

@book{bukve2012,
  author = {Bukve, Oddbjørn},
  title = {Lokal forvaltning},
  publisher = {Det Norske Samlaget},
  year = {2012}
}

@book{czarniawska2015,
  author = {Czarniawska, Barbara},
  title = {A Theory of Organizing},
  publisher = {Edward Elgar},
  year = {2015}
}

@book{opstad2013,
  author = {Opstad, Leiv},
  title = {Økonomistyring i offentlig sektor},
  publisher = {Fagbokforlaget},
  year = {2013}
}

@book{christensen2015,
  author = {Christensen, Tom and Egeberg, Morten and Lægreid, Per and Røvik, Kjell Arne},
  title = {Organisasjonsteori for offentlig sektor},
  publisher = {Universitetsforlaget},
  year = {2015}
}

@techreport{larsen2012,
  author = {Larsen, Tone and Malmberg-Heimonen, Ira and Johannessen, Asbjørn},
  title = {Kunnskapsoppsummering om samarbeid i NAV},
  institution = {Høgskolen i Oslo og Akershus},
  year = {2012}
}

@incollection{helgoy2010,
  author = {Helgøy, Ingrid and Kildal, Nanna and Nilsen, Eli},
  title = {Mot nye styringsformer?},
  booktitle = {Velferdsstatens reformer},
  publisher = {Universitetsforlaget},
  year = {2010}
}

@book{lipsky1980,
  author = {Lipsky, Michael},
  title = {Street-Level Bureaucracy},
  publisher = {Russell Sage Foundation},
  year = {1980}
}

@book{hansen2011,
  author = {Hansen, Hanne and Berg, Ola},
  title = {Samarbeid på tvers},
  publisher = {Gyldendal},
  year = {2011}
}
"""

STUDY = """\
title: En syntetisk studie
author: {given: Kari, family: Prøvesen}
degree: Master
institution: Høgskolen
course_code: XX100
candidate_number: "999"
date: 2020-01-01
supervisor: Per Veileder
language: nb
informant_pronoun: hun
unavoidable_attributes: [rolle, styringslinje]
"""

INFORMANTS = """\
group_label: Tilhørighet
informants:
  - number: 1
    group: Kontor A
    profile: {styringslinje: statlig, rolle: leder}
    attributes: {Sosionom: "", Jurist: X}
  - number: 2
    group: Kontor A
    profile: {styringslinje: kommunal, rolle: leder}
    attributes: {Sosionom: X, Jurist: ""}
  - number: 3
    group: Kontor A
    profile: {styringslinje: statlig, rolle: ansatt}
    attributes: {Sosionom: X, Jurist: ""}
  - number: 4
    group: Kontor B
    profile: {styringslinje: statlig, rolle: ansatt}
    attributes: {Sosionom: X, Jurist: ""}
"""


@dataclass(frozen=True)
class Case:
    """One input that a rule must flag (fail) or leave alone (pass)."""

    name: str
    files: dict[str, str]
    lines: tuple[int, ...] = ()
    """For a failing case: the lines the findings must be on (in the first file), if given."""
    contains: str = ""
    """For a failing case: text one message must contain."""
    study: bool = False
    """Add report/study.yaml and report/informants.yaml (pronoun policy, informants 1–4)."""
    lint: str = ""
    """YAML lines to put under ``lint:`` in report/study.yaml (implies ``study``)."""
    bib: str | None = None
    """references.bib to use instead of :data:`BIB`."""
    built: bool = False
    extra: dict[str, bytes] = field(default_factory=dict)
    """Binary files."""
    also: tuple[str, ...] = ()
    """Other codes to run in the same lint (e.g. the rule a suppression is for)."""

    def __str__(self) -> str:
        return self.name


def make_study(
    root: Path, files: dict[str, str], *, bib: str | None = BIB, study: bool = False, lint: str = ""
) -> Path:
    """Write a study: mkdocs.yml, docs/, references.bib, and optionally report/ with the synthetic records."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    if bib is not None:
        (root / "references.bib").write_text(textwrap.dedent(bib), encoding="utf-8")
    if study or lint:
        text = STUDY + ("lint:\n" + textwrap.indent(textwrap.dedent(lint), "  ") if lint else "")
        write(root, "report/study.yaml", text)
        if "report/informants.yaml" not in files:
            write(root, "report/informants.yaml", INFORMANTS)
    for rel, text in files.items():
        write(root, rel, textwrap.dedent(text))
    return root


def write(root: Path, rel: str, text: str) -> None:
    """Write one file, creating its folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_case(case: Case, code: str, tmp_path: Path) -> list[Finding]:
    """Lint the case's study with only ``code`` selected."""
    root = make_study(
        tmp_path / "study", case.files, bib=BIB if case.bib is None else case.bib, study=case.study, lint=case.lint
    )
    for rel, data in case.extra.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    options = LintOptions(select=(code, *case.also), built=case.built)
    return [f for f in lint_project(root, options) if f.rule == code]


def assert_fails(case: Case, code: str, tmp_path: Path) -> None:
    """The case must produce findings of ``code`` (on the given lines, with the given text)."""
    found = run_case(case, code, tmp_path)
    assert found, f"{code} did not fire on {case.name!r}"
    if case.lines:
        assert sorted({f.line for f in found}) == sorted(case.lines), [str(f) for f in found]
    if case.contains:
        assert any(case.contains in f.message for f in found), [str(f) for f in found]


def assert_passes(case: Case, code: str, tmp_path: Path) -> None:
    """The case must produce no finding of ``code``."""
    found = run_case(case, code, tmp_path)
    assert not found, [str(f) for f in found]


# Synthetic identifiers -------------------------------------------------------------------------

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def fodselsnummer(seed: int = 1, *, d_number: bool = False) -> str:
    """A fødselsnummer (or D-number) with valid check digits for an invented person."""
    rng = random.Random(seed)
    while True:
        day = rng.randint(1, 28) + (40 if d_number else 0)
        date = f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}"
        digits = [int(c) for c in f"{date}{rng.randint(100, 499):03d}"]  # born 1950–1999
        k1 = (11 - sum(w * d for w, d in zip(_W1, digits, strict=True)) % 11) % 11
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = (11 - sum(w * d for w, d in zip(_W2, digits, strict=True)) % 11) % 11
        if k2 == 10:
            continue
        return "".join(map(str, [*digits, k2]))


def phone(kind: str = "mobile") -> str:
    """libphonenumber's documented example number for Norway (not a subscriber's number)."""
    import phonenumbers

    t = phonenumbers.PhoneNumberType.MOBILE if kind == "mobile" else phonenumbers.PhoneNumberType.FIXED_LINE
    number = phonenumbers.example_number_for_type("NO", t)
    assert number is not None
    return str(number.national_number)


def pdf_bytes(text: str, metadata: dict[str, str] | None = None) -> bytes:
    """A one-page PDF with ``text`` (Latin-1 characters) in Helvetica and the given metadata."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    escaped = "".join(f"\\{ord(c):03o}" if ord(c) > 126 or c in "()\\" else c for c in text)
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 770 Td ({escaped}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({f"/{k}": v for k, v in (metadata or {}).items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
