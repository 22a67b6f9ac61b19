"""ANO002: phone numbers (synthetic: libphonenumber's example numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, phone

CODE = "ANO002"
MOBILE = phone("mobile")  # 40612345
FIXED = phone("fixed")  # 21234567


def grouped(n: str, pattern: str) -> str:
    out, i = [], 0
    for size in pattern:
        out.append(n[i : i + int(size)])
        i += int(size)
    return " ".join(out)


FAIL = [
    Case("eight digits", {"docs/a.md": f"Ring {MOBILE} i dag.\n"}, lines=(1,)),
    Case("2-2-2-2", {"docs/a.md": f"Tlf. {grouped(FIXED, '2222')}.\n"}),
    Case("3-2-3", {"docs/a.md": f"Mobil: {grouped(MOBILE, '323')}\n"}),
    Case("+47", {"docs/a.md": f"Ring +47 {grouped(MOBILE, '323')}.\n"}),
    Case("no-break spaces", {"docs/a.md": f"Ring {grouped(MOBILE, '323').replace(' ', chr(0xA0))}.\n"}),
    Case("narrow no-break spaces", {"docs/a.md": f"Ring {grouped(FIXED, '2222').replace(' ', chr(0x202F))}.\n"}),
    Case(
        "in a record", {"report/figures/f.yaml": f'id: f\ncaption: "Ring {MOBILE}"\nalt: x\nkind: graph\n'}, study=True
    ),
]

PASS = [
    Case("years", {"docs/a.md": "I 2017 og 2018, og i perioden 2006–2010.\n"}),
    Case("page ranges", {"docs/a.md": "[@thagaard2013, s. 45–47] og s. 145-147.\n"}),
    Case("law references", {"docs/a.md": "Lov 18. desember 2009 nr. 131 (LOV-2009-12-18-131), § 12.\n"}),
    Case("case numbers", {"docs/a.md": "Saksnr. 2017/12345 og ref. 16/00123-5 og saksnummer 21234567.\n"}),
    Case("ISBN", {"docs/a.md": "ISBN 978-82-05-39409-4 og ISBN 9788205394094.\n"}),
    Case("amounts", {"docs/a.md": "kr 45 000 000 og 45000000 kroner og NOK 41234567 og 21 234 567 kr.\n"}),
    Case("organisation number", {"docs/a.md": "Org.nr. 974 760 673.\n"}),
    Case("dates", {"docs/a.md": "Godkjent 11.01.17 og frist 30.11.19.\n"}),
    Case("project number", {"docs/a.md": "Prosjektnummer 51462.\n"}),
    Case("invalid number", {"docs/a.md": "Nummer 01234567.\n"}),
    Case(
        "allow-listed switchboard",
        {"docs/a.md": f"Sentralbord {grouped(FIXED, '2222')}.\n"},
        lint=f"allow:\n  - {{text: '{grouped(FIXED, '2222')}', reason: Offentlig sentralbord}}\n",
    ),
]


# Real-world shape (issue 10): 8-digit order, customer and voucher numbers
PASS += [
    Case("order number", {"docs/a.md": f"Ordrenummer {MOBILE} er betalt.\n"}),
    Case("customer number", {"docs/a.md": f"Kundenr. {MOBILE} og bilagsnummer: {FIXED}.\n"}),
]
FAIL += [Case("labelled as a phone number", {"docs/a.md": f"Telefonnummer {MOBILE} og mobilnr {FIXED}.\n"})]


def _noted(field: str, value: str) -> str:
    return (
        "@book{thagaard2013,\n  author = {Thagaard, Tove},\n  title = {T},\n  publisher = {P},\n"
        f"  year = {{2013}},\n  {field} = {{{value}}}\n}}\n"
    )


FAIL += [Case("in a bibliography annote", {}, bib=_noted("annote", f"Ring forfatteren på {MOBILE}"), lines=(6,))]
PASS += [Case("an order number in a bibliography note", {}, bib=_noted("note", f"Ordrenummer {MOBILE}"))]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
