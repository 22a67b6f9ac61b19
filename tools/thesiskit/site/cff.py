"""CITATION.cff (Citation File Format 1.2.0) generated from the study metadata.

The top level describes the repository: the sources the site and the PDF are built from,
named and described as the study's mkdocs.yml names and describes its site, released on the
edition's date. ``preferred-citation`` is the thesis, which GitHub's "Cite this repository"
(ruby-cff) and other tools offer instead of the repository.

CFF 1.2.0 has one reference type for theses, ``thesis``; ruby-cff (GitHub's formatter) maps
only the non-standard ``mastersthesis``/``phdthesis`` to BibTeX thesis types and every other
type to ``@misc`` (ruby-cff issue #131). The file stays valid CFF, and its ``notes`` carry the
kind of thesis and the institution into the ``note`` of that ``@misc``.
"""

from __future__ import annotations

import yaml

from ..lang import locale_for
from ..records.schema import Study


def citation_cff(study: Study, url: str, *, name: str = "", description: str = "") -> str:
    """The CITATION.cff text for the repository root (``name``/``description``: the site's, from mkdocs.yml)."""
    t = locale_for(study.language)
    author = [{"family-names": study.author.family, "given-names": study.author.given}]
    institution: dict[str, str] = {"name": study.institution}
    if study.institution_place:
        institution["city"] = study.institution_place
    preferred: dict[str, object] = {
        "type": "thesis",
        "title": study.title,
        "authors": author,
        "institution": institution,
        "year": study.date.year,
        "month": study.date.month,
        "date-published": study.date.isoformat(),
        **({"thesis-type": study.genre} if study.genre else {}),
        "notes": ", ".join(filter(None, [study.genre, study.institution])),
        "languages": [study.language],
        "keywords": list(study.keywords),
    }
    data: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": t.text("cff_message"),
        "title": " ".join((name or study.title).split()),
        "authors": author,
    }
    if description:
        data["abstract"] = " ".join(description.split())
    if study.edition:
        if study.edition.version:
            data["version"] = study.edition.version
        data["date-released"] = study.edition.date.isoformat()
    data["keywords"] = list(study.keywords)
    if url:
        data["url"] = url
        preferred["url"] = url
    if study.license:
        data["license"] = study.license
    if study.repository:
        data["repository-code"] = study.repository
    data["preferred-citation"] = preferred
    header = f"# {t.text('cff_header')}\n"
    return header + yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


class _NoAliases(yaml.SafeDumper):
    """Writes a repeated value out again: GitHub's CFF reader fails on YAML anchors (ruby-cff #130)."""

    def ignore_aliases(self, data: object) -> bool:
        return True
