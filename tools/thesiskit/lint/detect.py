"""Detectors of personal data, shared by the anonymity rules: e-mail, phone, fødselsnummer, deny list."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .config import DenyList
from .text import SPACES

EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
_EXAMPLE = re.compile(r"@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|invalid|test|localhost))$", re.I)

_PHONE = re.compile(
    r"(?<![\w/.,:§-])(?<![.,]\d)"
    r"(?P<num>(?:(?:\+|00)\s?47\s?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})"
    r"|\+(?!47)\d{1,3}(?: ?\d){6,12})"
    r"(?![\w/-]|[.,]\d| \d)"
)
_NOT_PHONE_BEFORE = re.compile(
    r"(?:kr\.?|nok|isbn(?:-1[03])?:?|issn:?|§+|nr\.?|saksnr\.?|saksnummer|ref\.?|referanse|org\.?\s?nr\.?|orgnr|"
    r"organisasjonsnummer|kontonr\.?|kontonummer|s\.|side|sak|prosjektnummer|prosjektnr\.?|doi:?|id:?)\s*$",
    re.I,
)
_NUMBER_LABEL = re.compile(
    r"(?P<label>[^\W\d_][\w.-]*?)[- ]?(?:nummer|nummeret|nr\.?|no\.?|number|#)\s*[:#.]?\s*$", re.I
)
"""A labelled number: ``Ordrenummer 41234567``, ``kundenr. 41234567``, ``Invoice no. 41234567``."""
_PHONE_LABEL = re.compile(
    r"(?:telefon|tlf|tel|mobil|mob|faks|fax|phone|cell|sentralbord)\w*\.?\s*(?:nr\.?|nummer|no\.?)?\s*[:.]?\s*$", re.I
)
"""The label of a number that *is* a phone number (``tlf. nr.``, ``mobilnr``, ``Telefonnummer:``)."""
_NOT_PHONE_AFTER = re.compile(r"^\s*(?:kr\b|kroner|nok\b|,-|mill|mrd|milliard)", re.I)

_FNR = re.compile(r"(?<![\w.,/-])(?P<num>\d{6} ?\d{5})(?![\w/-]|[.,]\d)")
_ACCOUNT = re.compile(r"(?<![\w.,/-])(?P<num>\d{4}[. ]\d{2}[. ]\d{5})(?![\w/-]|[.,]\d)")


@dataclass(frozen=True)
class Match:
    """A detected piece of personal data."""

    start: int
    end: int
    kind: str
    text: str


_DIGITS = re.compile(r"[+\d][\d \u00a0\u2007\u2009\u202f.]{6,24}\d")


def _windows(text: str, rx: re.Pattern[str], pad: int) -> Iterator[tuple[int, int]]:
    """Merged (start, end) windows around matches of a cheap prefilter."""
    start = end = -1
    for m in rx.finditer(text):
        a, b = max(0, m.start() - pad), min(len(text), m.end() + pad)
        if a > end:
            if end >= 0:
                yield start, end
            start = a
        end = max(end, b)
    if end >= 0:
        yield start, end


def emails(text: str) -> Iterator[Match]:
    """E-mail addresses (reserved example domains excluded)."""
    pos = text.find("@")
    while pos >= 0:
        a = max(0, text.rfind("\n", 0, pos), pos - 200)
        m = EMAIL.search(text, a, min(len(text), pos + 260))
        if m and m.start() <= pos < m.end() and not _EXAMPLE.search(m.group(0)):
            yield Match(m.start(), m.end(), "e-mail address", m.group(0))
            pos = text.find("@", m.end())
            continue
        pos = text.find("@", pos + 1)


def phones(text: str) -> Iterator[Match]:
    """Phone numbers valid in their country (Norwegian by default), by phonenumbers with Leniency.VALID.

    Only numbers written as phone numbers are candidates: eight digits, 2-2-2-2 or 3-2-3 groups, with an
    optional +47/0047, or an international +CC number. Amounts, ISBNs, case and law numbers are skipped
    by their context.
    """
    norm = SPACES.sub(" ", text)
    for a, b in _windows(norm, _DIGITS, 4):
        for m in _PHONE.finditer(norm, a, b):
            before = norm[max(0, m.start() - 24) : m.start()]
            if not _PHONE_LABEL.search(before):
                if _NOT_PHONE_BEFORE.search(before) or _NOT_PHONE_AFTER.match(norm[m.end() : m.end() + 12]):
                    continue
                if _NUMBER_LABEL.search(before):
                    continue  # an order, customer, invoice or voucher number
            cand = m.group("num")
            if _valid_phone(cand):
                yield Match(m.start(), m.end(), "phone number", cand)


def _valid_phone(candidate: str) -> bool:
    import phonenumbers

    leniency = phonenumbers.Leniency.VALID
    return any(True for _ in phonenumbers.PhoneNumberMatcher(candidate, "NO", leniency=leniency))


def national_ids(text: str) -> Iterator[Match]:
    """Fødselsnummer and D-numbers with a valid checksum; then bank account numbers (kontonr).

    Every valid fødselsnummer also passes the account-number check, so a number is classified as a
    fødselsnummer first, and only account-formatted numbers (``1234.56.78903``) count as accounts.
    """
    from stdnum.no import fodselsnummer, kontonr

    norm = SPACES.sub(" ", text)
    windows = list(_windows(norm, _DIGITS, 4))
    taken: set[int] = set()
    for m in (m for a, b in windows for m in _FNR.finditer(norm, a, b)):
        digits = m.group("num").replace(" ", "")
        if fodselsnummer.is_valid(digits):
            kind = "D-number" if digits[0] in "4567" else "fødselsnummer"
            taken.add(m.start())
            yield Match(m.start(), m.end(), kind, m.group("num"))
    for m in (m for a, b in windows for m in _ACCOUNT.finditer(norm, a, b)):
        digits = re.sub(r"\D", "", m.group("num"))
        if m.start() in taken:
            continue
        if fodselsnummer.is_valid(digits):
            yield Match(m.start(), m.end(), "fødselsnummer", m.group("num"))
        elif kontonr.is_valid(digits):
            yield Match(m.start(), m.end(), "bank account number", m.group("num"))


def normalise_term(term: str) -> str:
    """NFKC, casefold, words joined by one space."""
    import unicodedata

    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", term).casefold()))


def hash_term(term: str, salt: str) -> str:
    """SHA-256 of the salt, a NUL byte and the normalised term, in hex."""
    return hashlib.sha256(f"{salt}\0{normalise_term(term)}".encode()).hexdigest()


class DenyMatcher:
    """Matches word n-grams of a text against plain and hashed deny-list terms."""

    def __init__(self, deny: DenyList) -> None:
        self.terms = {normalise_term(t): i for i, t in enumerate(deny.terms) if normalise_term(t)}
        self.hashes = {bytes.fromhex(h.strip()): i for i, h in enumerate(deny.hashes) if _HEX.fullmatch(h.strip())}
        longest_term = max((len(t.split()) for t in self.terms), default=0)
        self.n = max(longest_term, deny.max_words if self.hashes else 0)
        self._salted = hashlib.sha256(f"{deny.salt}\0".encode())
        self._checked: set[str] = set()
        self._found: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.terms or self.hashes)

    def _check(self, grams: set[str]) -> None:
        """Classify n-grams not seen before (hashing is the cost: each distinct n-gram once per run)."""
        salted, hashes, terms = self._salted, self.hashes, self.terms
        for gram in grams - self._checked:
            if gram in terms:
                self._found[gram] = f"term #{terms[gram] + 1} of the deny list"
            elif hashes:
                h = salted.copy()
                h.update(gram.encode())
                index = hashes.get(h.digest())
                if index is not None:
                    self._found[gram] = f"hash #{index + 1} of the deny list"
        self._checked |= grams

    def find(self, text: str) -> Iterator[Match]:
        """Every deny-listed term in ``text`` (words compared casefolded, NFKC)."""
        import unicodedata

        words = _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())
        grams: set[str] = set()
        for n in range(1, self.n + 1):
            grams.update(
                " ".join(g)
                for g in zip(*(words[i:] for i in range(n)), strict=False)
                if g[0] not in FUNCTION_WORDS and g[-1] not in FUNCTION_WORDS
            )
        self._check(grams)
        if not grams & self._found.keys():
            return
        located = [
            (unicodedata.normalize("NFKC", m.group(0)).casefold(), m.start(), m.end()) for m in _WORDS.finditer(text)
        ]
        firsts = {g.split(" ", 1)[0] for g in grams & self._found.keys()}
        for i in range(len(located)):
            if located[i][0] not in firsts:
                continue
            for n in range(1, min(self.n, len(located) - i) + 1):
                kind = self._found.get(" ".join(w for w, _, _ in located[i : i + n]))
                if kind:
                    yield Match(located[i][1], located[i + n - 1][2], kind, "")


FUNCTION_WORDS = frozenset(
    [
        "og",
        "i",
        "på",
        "er",
        "det",
        "som",
        "en",
        "et",
        "av",
        "til",
        "for",
        "med",
        "at",
        "de",
        "den",
        "har",
        "ikke",
        "var",
        "seg",
        "så",
        "om",
        "kan",
        "vil",
        "jeg",
        "vi",
        "hun",
        "han",
        "dette",
        "eller",
        "fra",
        "ved",
        "men",
        "også",
        "skal",
        "må",
        "blir",
        "ble",
        "være",
        "hadde",
        "har",
        "sin",
        "sitt",
        "sine",
        "hvor",
        "når",
        "da",
        "nå",
        "the",
        "and",
        "of",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
    ]
)
"""Words a deny-list term never begins or ends with (n-grams starting or ending with one are skipped)."""
_HEX = re.compile(r"[0-9a-fA-F]{64}")
_WORDS = re.compile(r"\w+")
