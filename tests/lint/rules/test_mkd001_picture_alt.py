"""MKD001: a picture without a text alternative."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint.helpers import Case, assert_fails, assert_passes

CODE = "MKD001"

FAIL = [
    Case("figure without fig-alt", {"docs/a.md": "Tekst.\n\n![Modellen](bilder/m.png){#fig-m}\n\nMer.\n"}, lines=(3,)),
    Case("figure with empty fig-alt", {"docs/a.md": '![Modellen](bilder/m.png){fig-alt=""}\n'}, lines=(1,)),
    Case("inline image without description", {"docs/a.md": "Se ![](bilder/logo.png) her.\n"}, lines=(1,)),
    Case("img tag without alt", {"docs/a.md": '<img src="bilder/logo.png">\n'}, lines=(1,)),
    Case(
        "image record with empty alt",
        {
            "report/figures/m.yaml": 'id: m\ncaption: "Modell."\nalt: ""\nkind: image\nfile: m.png\n',
        },
        study=True,
        extra={"report/figures/m.png": b"\x89PNG\r\n\x1a\n"},
        contains="empty alt",
    ),
]

PASS = [
    Case("figure with fig-alt", {"docs/a.md": '![Modellen](bilder/m.png){#fig-m fig-alt="Fire bokser."}\n'}),
    Case("inline image with description", {"docs/a.md": "Se ![NAV-logoen](bilder/logo.png) her.\n"}),
    Case("img tag with alt", {"docs/a.md": '<img src="bilder/logo.png" alt="NAV-logoen">\n'}),
    Case("in code", {"docs/a.md": "```\n![](bilder/m.png)\n```\n"}),
]


@pytest.mark.parametrize("case", FAIL, ids=str)
def test_fails(case: Case, tmp_path: Path) -> None:
    assert_fails(case, CODE, tmp_path)


@pytest.mark.parametrize("case", PASS, ids=str)
def test_passes(case: Case, tmp_path: Path) -> None:
    assert_passes(case, CODE, tmp_path)

