"""Property tests (hypothesis) for the detectors and the offset-keeping views."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lint.helpers import fodselsnummer
from thesiskit.lint.detect import national_ids, phones
from thesiskit.lint.source import Source, blank
from thesiskit.lint.text import sentence_at

years = st.integers(1800, 2099).map(str)
pages = st.tuples(st.integers(1, 999), st.integers(1, 999)).map(lambda p: f"s. {p[0]}–{p[1]}")
amounts = st.integers(1000, 999_999_999).map(lambda n: f"kr {n:,}".replace(",", " "))
cases = st.tuples(st.integers(2000, 2030), st.integers(1, 99999)).map(lambda c: f"saksnr. {c[0]}/{c[1]:05d}")
laws = st.tuples(st.integers(1900, 2030), st.integers(1, 12), st.integers(1, 28), st.integers(1, 200)).map(
    lambda d: f"LOV-{d[0]}-{d[1]:02d}-{d[2]:02d}-{d[3]}"
)
isbns = st.integers(0, 10**9 - 1).map(lambda n: f"ISBN 978-82-{n:09d}-0")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(years, pages, amounts, cases, laws, isbns), min_size=1, max_size=6))
def test_numbers_that_are_not_phone_numbers(parts: list[str]) -> None:
    text = "I teksten står " + ", og ".join(parts) + "."
    assert not list(phones(text)), text


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10_000), st.booleans(), st.integers(0, 10), st.integers(1, 9))
def test_national_ids(seed: int, d_number: bool, position: int, delta: int) -> None:
    number = fodselsnummer(seed, d_number=d_number)
    assert [m.text for m in national_ids(f"Nr. {number} her.")] == [number]
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert not [m for m in national_ids(f"Nr. {changed} her.") if m.kind != "bank account number"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_blank_keeps_offsets(text: str) -> None:
    out = blank(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert not out.strip()


@given(st.text(alphabet="ab .\nÅ«»", max_size=120), st.data())
def test_positions_and_sentences(text: str, data: st.DataObject) -> None:
    source = Source("x.md", "markdown", text)
    offset = data.draw(st.integers(0, len(text)))
    line, col = source.position(offset)
    assert line == text.count("\n", 0, offset) + 1
    assert col == offset - (text.rfind("\n", 0, offset) + 1) + 1
    start, end = sentence_at(text, min(offset, max(len(text) - 1, 0)))
    assert 0 <= start <= end <= len(text)
