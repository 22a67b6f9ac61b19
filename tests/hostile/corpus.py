"""A hostile-content corpus: the mini sample with attacks in every field that reaches an output.

Each payload tries one way of turning data into markup: raw HTML, script, a ``javascript:`` link,
an external image, Markdown links and attribute lists, raw Typst, Typst math, RIS and BibTeX line
breaks, and the kit's own placeholders. A safe build shows every one of them as text.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml

from ..conftest import SAMPLES

EXTERNAL = "http://192.0.2.7"  # TEST-NET-1 (RFC 5737): no request may ever go there
PAYLOAD = (
    "P<img src=x onerror=alert(1)><script>alert(2)</script>"
    " [a](javascript:alert(3)) ![b](" + EXTERNAL + "/b.png) <" + EXTERNAL + "/c>"
    ' <a href="javascript:alert(4)">d</a> [e]: javascript:alert(5)'
    ' {: onclick="alert(6)" } *f* `#panic("RAW")`{=typst} #panic("RAW2") $x^2$ @hansen2010'
    " ⟦cite-this⟧ ⟦ref:stolthet⟧ <!-- g --> &lt;h&gt; \\"
)
MULTILINE = PAYLOAD + "\nER  - \nTY  - JOUR\n\n# heading\n\n- item\n\n<script>alert(7)</script>\n\n[x]: " + EXTERNAL
BIB_PAYLOAD = PAYLOAD.replace("{", "(").replace("}", ")").replace("\\", "/")
MARKERS = ("alert(", "javascript:", EXTERNAL, "#panic", "⟦", "onclick")


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_study(dest: Path) -> Path:
    """Write the corpus study at ``dest`` (a copy of tests/samples/mini with every field attacked)."""
    shutil.copytree(SAMPLES / "mini", dest, ignore=shutil.ignore_patterns("site", "build", "expected"))
    report = dest / "report"
    study = yaml.safe_load((report / "study.yaml").read_text("utf-8"))
    for key in ("title", "subtitle", "title_en", "degree", "institution", "institution_note", "institution_place",
                "supervisor", "genre", "course_code", "candidate_number"):  # fmt: skip
        study[key] = f"{key} {PAYLOAD}"
    study["author"] = {"given": f"Kari {PAYLOAD}", "family": f"Nordmann{PAYLOAD}"}
    study["keywords"] = [PAYLOAD, "x\nER  - "]
    study["keywords_en"] = [PAYLOAD]
    study["repository"] = "https://example.org/repo_(x)*[y]"
    study.pop("informant_pronoun", None)
    _dump(report / "study.yaml", study)

    quotes = yaml.safe_load((report / "quotes" / "funn.yaml").read_text("utf-8"))
    quotes[0]["text"] = MULTILINE
    quotes[1]["text"] = PAYLOAD + "\n\n" + PAYLOAD
    _dump(report / "quotes" / "funn.yaml", quotes)

    finding = yaml.safe_load((report / "findings" / "stolte.yaml").read_text("utf-8"))
    finding.update(title=f"Stolte {PAYLOAD}", text=MULTILINE)
    _dump(report / "findings" / "stolte.yaml", finding)

    _dump(report / "themes.yaml", {"themes": [{"id": "stolthet", "title": PAYLOAD, "section": "stolthet"}]})

    informants = yaml.safe_load((report / "informants.yaml").read_text("utf-8"))
    informants["group_label"] = PAYLOAD
    informants["number_label"] = PAYLOAD
    for i, p in enumerate(informants["informants"]):
        p["group"] = f"Kontor {'AB'[i // 2]} {PAYLOAD}"
        p["profile"] = {"rolle": PAYLOAD, f"k{PAYLOAD}": "v"}
        p["attributes"] = {"Utdanning": PAYLOAD, f"A{PAYLOAD}": PAYLOAD}
    _dump(report / "informants.yaml", informants)

    for name in ("modell", "moter", "informanter"):
        fig = yaml.safe_load((report / "figures" / f"{name}.yaml").read_text("utf-8"))
        fig.update(caption=PAYLOAD, alt=MULTILINE, notes=[PAYLOAD, MULTILINE])
        fig["source"] = f"[@hansen2010] {PAYLOAD} [@hansen2010, `#panic()`{{=typst}}] <script>alert(9)</script>"
        if fig["kind"] == "graph":
            for node in fig["nodes"]:
                node["label"] = PAYLOAD[:120]
        if fig["kind"] == "table":
            fig["header"] = [[PAYLOAD, "B", "C"]]
            fig["rows"] = [[PAYLOAD, MULTILINE, "x"]]
        _dump(report / "figures" / f"{name}.yaml", fig)

    _dump(
        report / "changes" / "endringer.yaml",
        [
            {
                "place": "bakgrunn",
                "kind": "sitering",
                "original": PAYLOAD,
                "edition": f"[@hansen2010] {PAYLOAD}",
                "note": MULTILINE,
            },
            {"place": "<img/src=x/onerror=alert(10)>.md", "kind": "tekst", "original": "a", "edition": "b"},
            {"place": "x⟧⟦cite-this", "kind": "tekst", "original": "{{ author() }}", "edition": PAYLOAD},
        ],
    )
    bib = (dest / "references.bib").read_text("utf-8")
    bib = bib.replace("author = {Hansen, Per}", "author = {Hansen" + BIB_PAYLOAD + ", Per}")
    bib = bib.replace("title = {Samarbeid i praksis}", "title = {Samarbeid " + BIB_PAYLOAD + " $\\alpha$-heliks}")
    bib = bib.replace(
        "publisher = {Fagbokforlaget}", "publisher = {Fag " + BIB_PAYLOAD + "},\n  url = {javascript:alert(11)}"
    )
    bib = bib.replace(
        "journal = {Tidsskrift for eksempler}",
        "journal = {T " + BIB_PAYLOAD + '},\n  doi = {10.1/x" onmouseover="alert(12)}',
    )
    (dest / "references.bib").write_text(bib, encoding="utf-8")
    (dest / "report" / "tilgjengelighet.json").write_text(
        json.dumps(_accessibility_record(), ensure_ascii=False), encoding="utf-8"
    )
    return dest


def _accessibility_record() -> dict[str, object]:
    """Free text of the record carries the payload (names, versions and paths are validated)."""
    page = {"path": "funn/stolte/index.html", "title": PAYLOAD}
    bad = {"rule": "color-contrast", "help": PAYLOAD, "nodes": 1, "scheme": "default"}
    day = "2026-01-01"
    return {
        "axe": {
            "date": day,
            "axe_core": "4.12.1",
            "chromium": "156.0",
            "rule_tags": ["wcag2a"],
            "schemes": ["default", "slate"],
            "pages": [{**page, "violations": [bad]}],
        },
        "nu": {
            "date": day,
            "nu_html_checker": "26.9.27",
            "pages": [{"path": page["path"], "errors": [{"message": PAYLOAD}]}],
        },
        "keyboard": {"date": day, "chromium": "156.0", "pages": [{**page, "stops": 1, "problems": [PAYLOAD]}]},
    }


class _Scan(HTMLParser):
    """Elements of a built page that could run script or load something from outside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.data_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.data_script = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            loads = name in ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href")
            if loads and (value.startswith(("javascript:", "vbscript:", "data:text")) or EXTERNAL in value):
                self.found.append(f"<{tag} {name}={value[:60]}>")
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and not self.data_script and ("alert(" in data or "192.0.2.7" in data):
            self.found.append(f"a script that holds the payload: {data.strip()[:80]}")


def dangerous_elements(html_text: str) -> list[str]:
    """What in ``html_text`` could run script or fetch from outside (empty for a safe page)."""
    scan = _Scan()
    scan.feed(html_text)
    return scan.found
