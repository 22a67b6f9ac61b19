"""CITATION.cff (Citation File Format 1.2.0) generated from the study metadata."""

from __future__ import annotations

import yaml

from ..records.schema import Study


def citation_cff(study: Study, url: str) -> str:
    """The CITATION.cff text for the repository root."""
    preferred: dict[str, object] = {
        "type": "thesis",
        "title": study.title,
        "authors": [{"family-names": study.author.family, "given-names": study.author.given}],
        "institution": {"name": study.institution},
        "year": study.date.year,
        "month": study.date.month,
        "thesis-type": study.genre,
        "languages": [study.language],
        "keywords": list(study.keywords),
    }
    data: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "Siter oppgaven slik (If you use this thesis, please cite it as below).",
        "title": study.title,
        "authors": [{"family-names": study.author.family, "given-names": study.author.given}],
        "date-released": study.date.isoformat(),
        "keywords": list(study.keywords),
        "preferred-citation": preferred,
    }
    if url:
        data["url"] = url
        preferred["url"] = url
    if study.license:
        data["license"] = study.license
    if study.repository:
        data["repository-code"] = study.repository
    header = "# Generert av `thesis build` fra report/study.yaml. Ikke rediger for hånd.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
