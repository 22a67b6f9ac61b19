"""A nynorsk and an English study build with every word of the kit in their own language.

The samples ``tests/samples/nynorsk`` and ``tests/samples/english`` are built end to end (site and
PDF). The site's visible text and the PDF's text must hold none of the locale table's strings of the
other languages (``thesiskit.lang.STRINGS``), and the citations, dates and labels of their own.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

import thesiskit
from thesiskit.cli import main
from thesiskit.lang import STRINGS


def foreign_strings(lang: str) -> set[str]:
    """The table's strings in other languages than ``lang`` that ``lang`` does not share."""
    own = {v[lang] for v in STRINGS.values()}
    out = set()
    for entry in STRINGS.values():
        for other, text in entry.items():
            if other == lang or text == entry[lang]:
                continue
            for part in re.split(r"\{\w+\}|\n|\(\{?\w*\}?\)|\[|\]", text):
                part = part.strip(" .,:;()«»“”")
                if len(part) >= 4 and not any(part in o for o in own):
                    out.add(part)
    return out


def site_text(site: Path) -> str:
    parts = []
    for page in sorted(site.rglob("*.html")):
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text("utf-8"), flags=re.S)
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", text)))
    text = " ".join(" ".join(parts).split())
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([).,])", r"\1", text))  # tags became spaces


def pdf_text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[str, str]]:
    cache: dict[str, tuple[str, str]] = {}

    def build(name: str) -> tuple[str, str]:
        if name not in cache:
            import shutil

            root = tmp_path_factory.mktemp(name) / name
            shutil.copytree(Path(__file__).parent / "samples" / name, root)
            assert main(["build", "--project", str(root)]) == 0
            cache[name] = (site_text(root / "site"), pdf_text(root / "build" / "thesis.pdf"))
            ROOTS[name] = root
        return cache[name]

    return build


ROOTS: dict[str, Path] = {}


def found(text: str, strings: set[str]) -> list[str]:
    return sorted(s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))


@pytest.mark.parametrize(("name", "lang"), [("nynorsk", "nn"), ("english", "en")])
def test_no_string_of_another_language(built: Callable[[str], tuple[str, str]], name: str, lang: str) -> None:
    site, pdf = built(name)
    strings = foreign_strings(lang)
    assert "Litteraturliste" in foreign_strings("en") and "Innhold" in foreign_strings("nn")  # the scan can fail
    assert found(site, strings) == []
    assert found(pdf, strings) == []
    root = ROOTS[name]
    assert found((root / "CITATION.cff").read_text("utf-8"), strings) == []
    # the site script's strings: written into each page from the locale table, in the study's language
    page = (root / "site" / "index.html").read_text("utf-8")
    block = re.search(r'<script type="application/json" id="thesiskit-strings">(.*?)</script>', page, re.S)
    assert block, "the page carries the script's strings"
    said = json.loads(block[1])
    assert said and said == {key: STRINGS[key][lang] for key in said}
    assert {"copied", "menu", "search"} <= set(said)


def test_the_site_script_has_no_words_of_its_own() -> None:
    """thesiskit.js says only what the page gives it (the locale table); it spells no Norwegian word.
    (The English words in it are Zensical's, which it looks for to translate them.)"""
    script = (Path(thesiskit.__file__).parent / "templates" / "assets" / "thesiskit.js").read_text("utf-8")
    norwegian = {v[lang] for v in STRINGS.values() for lang in ("nb", "nn") if v[lang] != v["en"]}
    assert found(script, {s for s in norwegian if len(s) >= 3}) == []


def test_english_study_speaks_english(built: Callable[[str], tuple[str, str]]) -> None:
    site, pdf = built("english")
    assert "Berg and Dahl (2015)" in site and "Berg and Dahl (2015" in pdf  # "and" in running text
    assert "Berg, A., & Dahl, E. (2015)" in site  # English APA: serial comma before "&"
    assert "Submitted May 15, 2020" in pdf or ("Submitted" in pdf and "May 15, 2020" in pdf)
    for word in ("References", "Contents", "Figure 1", "Supervisor", "Quotes that support the finding", "Cite"):
        assert word in site + pdf, word


def test_nynorsk_study_speaks_nynorsk(built: Callable[[str], tuple[str, str]]) -> None:
    site, pdf = built("nynorsk")
    assert "Berg og Dahl (2015)" in site and "Berg og Dahl (2015" in pdf
    assert "Berg, A. & Dahl, E. (2015)" in site  # Norsk APA-manual: no comma before "&"
    assert "15. mai 2020" in pdf
    for word in ("Innhald", "Rettleiar", "Sitat som underbyggjer funnet", "Masteroppgåve", "Figurar og tabellar"):
        assert word in site + pdf, word
