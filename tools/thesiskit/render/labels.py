"""The words the kit prints around figures and tables, per language (one place, for the locale table).

``label("table", "nb")`` → "Tabell". Unknown languages fall back to bokmål.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {"figure": "Figur", "table": "Tabell", "credit": "Kilde", "text-version": "Tekstversjon av"},
    "nn": {"figure": "Figur", "table": "Tabell", "credit": "Kjelde", "text-version": "Tekstversjon av"},
    "en": {"figure": "Figure", "table": "Table", "credit": "Source", "text-version": "Text version of"},
}


def language(lang: str) -> str:
    """The key of ``LABELS`` for a BCP 47 tag (``nb-NO`` → ``nb``; ``no`` → ``nb``)."""
    base = lang.split("-")[0].lower()
    base = "nb" if base == "no" else base
    return base if base in LABELS else "nb"


def label(series: str, lang: str) -> str:
    """The label of a figure or table ("Figur", "Tabell") in the study's language."""
    return LABELS[language(lang)][series]
