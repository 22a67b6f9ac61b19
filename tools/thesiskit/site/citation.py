"""How to cite the thesis and each finding: BibTeX, RIS, APA text, Highwire tags and JSON-LD."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass

from ..records.schema import Finding, Study
from ..render import tokens
from ..render.escape import attr, md_text_inline, one_line


def ascii_key(text: str) -> str:
    """Lowercase ASCII fold, as Better BibTeX does (æ→ae, ø→o, å→a)."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", text)


def thesis_key(study: Study) -> str:
    """Citation key of the thesis itself."""
    return f"{ascii_key(study.author.family)[:40]}{study.date.year}"  # a file name too: kept short


def _bib_escape(value: str) -> str:
    value = " ".join(value.split())  # a line break or "@" at a line start cannot open another entry
    return value.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")


def thesis_bibtex(study: Study, url: str, *, key: str | None = None, title: str | None = None) -> str:
    """A Better-BibTeX-style entry for the thesis (or, with ``title``, a finding in it)."""
    key = key or thesis_key(study)
    fields = [
        ("author", f"{study.author.family}, {study.author.given}"),
        ("title", title or study.title),
        ("school", study.institution),
        ("address", study.institution_place or ""),
        ("year", str(study.date.year)),
        ("date", study.date.isoformat()),
        ("type", study.genre),
        ("langid", {"nb": "norsk", "nn": "nynorsk", "en": "english"}.get(study.language, study.language)),
        ("keywords", ", ".join(study.keywords)),
        ("url", url),
    ]
    if title:
        fields.insert(2, ("booktitle", study.title))
    kind = "incollection" if title else "mastersthesis"
    body = ",\n".join(f"  {k} = {{{_bib_escape(v)}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def thesis_ris(study: Study, url: str, *, title: str | None = None) -> str:
    """RIS for the thesis (or a finding in it), as Zotero and EndNote import it."""
    rows = [("TY", "CHAP" if title else "THES"), ("AU", f"{study.author.family}, {study.author.given}")]
    if title:
        rows += [("TI", title), ("T2", study.title)]
    else:
        rows.append(("TI", study.title))
    rows += [
        ("PY", str(study.date.year)),
        ("DA", study.date.strftime("%Y/%m/%d")),
        ("PB", study.institution),
        ("CY", study.institution_place or ""),
        ("M3", study.genre),
        ("LA", study.language),
        *[("KW", k) for k in study.keywords],
        ("UR", url),
        ("ER", ""),
    ]
    # one value per line: a line break in data cannot start another field or record
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in rows if value or tag == "ER")


@dataclass(frozen=True)
class CiteInfo:
    """What the "Sitér" box shows: APA text (HTML) and links to the downloads."""

    apa_html: str
    bib_href: str
    ris_href: str


def finding_apa(thesis_apa_html: str, finding: Finding, permalink: str, thesis_url: str) -> str:
    """The thesis's APA reference with the finding's title put in front and its permalink at the end."""
    m = re.match(r"^(.*?\(\d{4}[^)]*\)\.\s)(.*)$", thesis_apa_html, re.S)
    head, rest = (m.group(1), m.group(2)) if m else ("", thesis_apa_html)
    # the thesis's URL, as link text and as the link's target, becomes the finding's permalink
    swap = {md_text_inline(thesis_url): md_text_inline(permalink), f'"{attr(thesis_url)}"': f'"{attr(permalink)}"'}
    if thesis_url and md_text_inline(thesis_url) in rest:
        rest = re.sub("|".join(map(re.escape, swap)), lambda m: swap[m.group(0)], rest)
    else:
        rest = f"{rest} {md_text_inline(permalink)}"
    return f"{head}{md_text_inline(finding.title)}. I {rest}"


def highwire_tags(study: Study, *, pdf_url: str, abstract: str) -> str:
    """The citation_* meta tags Google Scholar and Zotero read."""
    tags = [
        ("citation_title", study.title),
        ("citation_author", f"{study.author.family}, {study.author.given}"),
        ("citation_publication_date", study.date.strftime("%Y/%m/%d")),
        ("citation_dissertation_institution", study.institution),
        ("citation_dissertation_name", study.genre),
        ("citation_language", study.language),
        ("citation_keywords", "; ".join(study.keywords)),
        ("citation_pdf_url", pdf_url),
        ("citation_abstract", abstract),
    ]
    return "\n".join(f'<meta name="{n}" content="{html.escape(v, quote=True)}">' for n, v in tags if v)


def json_ld(study: Study, *, url: str, pdf_url: str, abstract: str) -> str:
    """schema.org JSON-LD describing the thesis, safe to embed in a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Thesis",
        "name": study.title,
        "author": {
            "@type": "Person",
            "givenName": study.author.given,
            "familyName": study.author.family,
            "name": study.author.name,
        },
        "datePublished": study.date.isoformat(),
        "inLanguage": study.language,
        "keywords": study.keywords,
        "abstract": abstract,
        "inSupportOf": study.degree,
        "sourceOrganization": {"@type": "CollegeOrUniversity", "name": study.institution},
        "contributor": {"@type": "Person", "name": study.supervisor, "roleName": "veileder"},
        "url": url,
        "encoding": {"@type": "MediaObject", "contentUrl": pdf_url, "encodingFormat": "application/pdf"},
    }
    if study.license:
        data["license"] = study.license
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # no "<", ">" or "&" inside <script>: record text cannot end the element or open a comment
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def plain_text(markdown: str) -> str:
    """Markdown (after rendering) as one line of plain text, for metadata."""
    text = re.sub(r"^#.*$", "", markdown, flags=re.M)
    text = tokens.ANY.sub("", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"[*_`>]", "", text)
    return " ".join(html.unescape(text).split())
