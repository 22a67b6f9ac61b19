"""ANO003: fødselsnummer and D-numbers (synthetic, generated with valid check digits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes, fodselsnummer

CODE = "ANO003"
FNR = fodselsnummer(7)
DNR = fodselsnummer(8, d_number=True)
WRONG = FNR[:-1] + str((int(FNR[-1]) + 1) % 10)


def account(seed: int) -> str:
    """An account number with a valid MOD11 check digit that is not a fødselsnummer."""
    from stdnum.no import fodselsnummer as f
    from stdnum.no import kontonr

    for n in range(10**9 + seed, 10**9 + seed + 1000):
        base = f"9{n:09d}"[:10]
        for d in "0123456789":
            if kontonr.is_valid(base + d) and not f.is_valid(base + d):
                return f"{base[:4]}.{base[4:6]}.{base[6:]}{d}"
    raise AssertionError


FAIL = [
    Case("fødselsnummer", {"docs/a.md": f"Fnr {FNR} står her.\n"}, lines=(1,), contains="fødselsnummer"),
    Case("with a space", {"docs/a.md": f"Fnr {FNR[:6]} {FNR[6:]}.\n"}),
    Case("D-number", {"docs/a.md": f"D-nr {DNR}.\n"}, contains="D-number"),
    Case("written as an account", {"docs/a.md": f"Konto {FNR[:4]}.{FNR[4:6]}.{FNR[6:]}.\n"}, contains="fødselsnummer"),
    Case("account number", {"docs/a.md": f"Konto {account(1)}.\n"}, contains="account"),
]

PASS = [
    Case("wrong check digit", {"docs/a.md": f"Nummer {WRONG}.\n"}),
    Case("longer digit runs", {"docs/a.md": f"ISBN 9788205394094 og {FNR}0.\n"}),
    Case("inside a code", {"docs/a.md": f"Kode X{FNR}.\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)
