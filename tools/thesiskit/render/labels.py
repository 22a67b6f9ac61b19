"""The words the kit prints around figures and tables ("Figur", "Tabell"), from the locale table.

``label("table", "nb")`` → "Tabell" (thesiskit/lang.py holds the words of every language).
"""

from __future__ import annotations

from ..lang import locale_for


def label(series: str, lang: str) -> str:
    """The label of a figure or table ("Figur", "Tabell") in the study's language."""
    return locale_for(lang).text(series)
