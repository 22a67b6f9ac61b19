"""Norwegian APA as the Norsk APA-manual prints it, and English APA, rendered by the real Pandoc citeproc.

The cases are in ``tests/cases/norsk-apa/``: the guide's examples as Zotero + Better BibTeX export
them (``references.bib``) and the citations of the guide's text examples (``citations.txt``,
``citations-en.txt`` with English locators). Two kinds of check:

- the guide's printed examples, typed from the guide (``GUIDE`` below), against what the kit renders
  for bokmål (the same for nynorsk except the words nynorsk has of its own);
- golden files per language (``expected-nb.json``, ``expected-nn.json``, ``expected-en.json``),
  compared entry by entry and citation by citation.

Regenerate the golden files with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_norsk_apa.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest

from thesiskit.cite.citeproc import Citeproc, cluster_markdown, run_citeproc
from thesiskit.cite.style import STYLES, VARIANT, derive_variant

CASE = Path(__file__).parent / "cases" / "norsk-apa"

# The guide's examples as printed (Søk & Skriv, "APA 7th"; Kildekompasset, "Nettside"), *…* = italics.
# Where the guide's example departs from its own template, the template is followed and the
# difference noted: the regulation's short title ends with "." as in "Forskriftens korttittel.
# (årstall)."; page ranges and sessions take an en dash ("s. xxx–xxx"); "Psykisk
# helsevernforskriften (2011)" in the example lacks that period.
GUIDE = {
    "gilje1993": "Gilje, N. & Grimen, H. (1993). *Samfunnsvitenskapenes forutsetninger: Innføring i "
    "samfunnsvitenskapenes vitenskapsfilosofi*. Universitetsforlaget.",
    "gullestad2013": "Gullestad, S. E. & Killingmo, B. (2013). *Underteksten: Psykoanalytisk terapi i praksis* "
    "(2. utg.). Universitetsforlaget.",
    "lovvik2011": "Løvvik, O. M., Rauwel, P. & Prytz, Ø. (2011). Self-diffusion in Zn4Sb3 from first-principles "
    "molecular dynamics. *Computational Materials Science*, *50*(9), 2663–2665. "
    "https://doi.org/10.1016/j.commatsci.2011.04.015",
    "huang2012": "Huang, L. & Mossige, S. (2012). Academic achievement in Norwegian secondary schools: The impact "
    "of violence during childhood. *Social Psychology of Education*, *15*(2), 147–164. "
    "https://doi.org/10.1007/s11218-011-9174-y",
    "nortvedt2012": "Nortvedt, M. W., Jamtvedt, G., Graverholt, B., Nordheim, L. V. & Reinar, L. M. (2012). "
    "*Jobb kunnskapsbasert! En arbeidsbok* (2. utg.). Akribe.",
    "svensen2019": "Svensen, H. H. (2019). Å skrive for livet: Populærvitenskap, forskermemoarer og IMRAD. I I. B. "
    "Jørgensen & N. Askeland (Red.), *Kreativ akademisk skriving* (s. 157–178). Universitetsforlaget.",
    "nasjonalbiblioteket-ua": "Nasjonalbiblioteket. (u.å.). *Hva skjer?* Hentet 1. oktober 2020 fra "
    "https://www.nb.no/hva-skjer/",
    "folketrygdloven1997": "Folketrygdloven. (1997). *Lov om folketrygd* (LOV-1997-02-28-19). Lovdata. "
    "https://lovdata.no/lov/1997-02-28-19",
    "psykiskhelsevernforskriften2011": "Psykisk helsevernforskriften. (2011). *Forskrift om etablering og "
    "gjennomføring av psykisk helsevern m.m.* (FOR-2011-12-16-1258). Lovdata. "
    "https://lovdata.no/forskrift/2011-12-16-1258",
    "nou1999-13": "NOU 1999: 13. (1999). *Kvinners helse i Norge*. Sosial- og helsedepartementet.",
    "meldst20-2009": "Meld. St. 20 (2009–2010). *Omorganisering av ABM-utvikling*. Kulturdepartementet. "
    "https://www.regjeringen.no/no/dokumenter/Meld-St-20-20092010/id608202/",
    "stmeld8-1998": "St.meld. nr. 8 (1998–99). *Om handlingsplan for funksjonshemma 1998–2001: Deltaking og "
    "likestilling*. Sosial- og helsedepartementet.",
}
GUIDE_CITATIONS = {
    "[@gullestad2013, s. 35]": "(Gullestad & Killingmo, 2013, s. 35)",
    "@gullestad2013": "Gullestad og Killingmo (2013)",
    "[@nortvedt2012, s. 35]": "(Nortvedt et al., 2012, s. 35)",
    "@nortvedt2012": "Nortvedt et al. (2012)",
    "[@huang2012, s. 150]": "(Huang & Mossige, 2012, s. 150)",
    "[@nasjonalbiblioteket-ua]": "(Nasjonalbiblioteket, u.å.)",
    "[@folketrygdloven1997, § 14-4]": "(Folketrygdloven, 1997, § 14-4)",
    "@folketrygdloven1997 [§ 14-4]": "folketrygdloven (1997, § 14-4)",
    "@nou1999-13 [s. 559]": "NOU 1999: 13 (s. 559)",
    "[@nou1999-13, s. 559]": "(NOU 1999: 13, s. 559)",
    "[@meldst20-2009, s. 49]": "(Meld. St. 20 (2009–2010), s. 49)",
}
NYNORSK = {"Hentet": "Henta", " fra ": " frå "}
"""Where nynorsk's locale words differ from bokmål's in these examples."""


def render(lang: str) -> Citeproc:
    cites = (CASE / ("citations-en.txt" if lang == "en" else "citations.txt")).read_text("utf-8").splitlines()
    return run_citeproc(cites, [CASE / "references.bib"], lang, None)


def plain(fragment: str) -> str:
    """Rendered HTML as the guide prints it: italics as *…*, no markup."""
    text = re.sub(r"</?em>", "*", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def as_json(cp: Citeproc) -> dict[str, dict[str, str]]:
    return {
        "citations": {c: cluster_markdown(h, "")[0] for c, h in cp.clusters.items()},
        "references": dict(sorted(cp.entries.items())),
    }


def test_variant_is_the_package_style_with_the_documented_patch() -> None:
    assert (STYLES / f"{VARIANT}.csl").read_text("utf-8") == derive_variant()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_reference_list_as_the_guide_prints_it(lang: str) -> None:
    entries = render(lang).entries
    assert sorted(entries) == sorted(GUIDE)
    for key, want in GUIDE.items():
        if lang == "nn":
            for nb, nn in NYNORSK.items():
                want = want.replace(nb, nn)
        assert plain(entries[key]) == want, key


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_citations_as_the_guide_prints_them(lang: str) -> None:
    clusters = render(lang).clusters
    for cite, want in GUIDE_CITATIONS.items():
        assert plain(clusters[cite]) == want, cite


def test_english_apa_for_english() -> None:
    cp = render("en")
    assert plain(cp.entries["gilje1993"]).startswith("Gilje, N., & Grimen, H. (1993).")  # serial comma
    assert "(2nd ed.)" in plain(cp.entries["gullestad2013"])
    assert "In I. B. Jørgensen & N. Askeland (Eds.)" in plain(cp.entries["svensen2019"])
    assert plain(cp.clusters["@gullestad2013"]) == "Gullestad and Killingmo (2013)"
    assert plain(cp.clusters["[@gullestad2013, p. 35]"]) == "(Gullestad & Killingmo, 2013, p. 35)"
    assert plain(cp.clusters["[@nasjonalbiblioteket-ua]"]) == "(Nasjonalbiblioteket, n.d.)"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_golden_entry_by_entry(lang: str) -> None:
    """Regenerate: ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_norsk_apa.py``."""
    got = as_json(render(lang))
    golden = CASE / f"expected-{lang}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", "utf-8")
    want = json.loads(golden.read_text("utf-8"))
    for part in ("references", "citations"):
        assert sorted(got[part]) == sorted(want[part]), part
        for key in want[part]:
            assert got[part][key] == want[part][key], f"{lang} {part} {key}"
    assert golden.read_text("utf-8") == json.dumps(got, ensure_ascii=False, indent=1) + "\n"
