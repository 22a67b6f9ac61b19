"""The theme overrides that copy Material's templates stay copies, except for the marked changes.

templates/overrides/base.html and partials/nav-item.html are Material for MkDocs' own files with a
few changes marked "thesiskit:" (HTML that the Nu Html Checker rejects). When Material is upgraded
and its file changes, this test fails: copy the new file over and redo the marked changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from thesiskit.render.env import KIT_TEMPLATES

OVERRIDES = KIT_TEMPLATES / "overrides"
MATERIAL_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"


def _material(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text(encoding="utf-8")


def _undo_header(text: str) -> str:
    return re.sub(r"\A\{#-\n  thesiskit:.*?-#\}\n", lambda _m: MATERIAL_HEADER, text, flags=re.S)


def _undo_base(text: str) -> str:
    text = re.sub(r"^ *\{#- thesiskit:.*#\}\n", "", text, flags=re.M)
    text = re.sub(r'^ *<script>document\.getElementById\("__drawer"\)\.checked=.*</script>\n', "", text, flags=re.M)
    for toggle in ("__drawer", "__search"):
        text = text.replace(f'id="{toggle}">', f'id="{toggle}" autocomplete="off">')
    return text


def _undo_nav_item(text: str) -> str:
    return text.replace(
        '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>{#- thesiskit: no empty tabindex #}',
        'tabindex="{{ tabindex }}">',
    )


@pytest.mark.parametrize(("name", "undo"), [("base.html", _undo_base), ("partials/nav-item.html", _undo_nav_item)])
def test_override_is_materials_file_with_marked_changes(name: str, undo: Callable[[str], str]) -> None:
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    assert "thesiskit:" in ours
    assert undo(_undo_header(ours)) == _material(name), (
        f"Material's templates/{name} differs from templates/overrides/{name} beyond the changes marked"
        f" 'thesiskit:'; copy the installed file over and redo them"
    )


def test_override_leaves_no_invalid_attribute() -> None:
    base = (OVERRIDES / "base.html").read_text(encoding="utf-8")
    assert not re.search(r'type="checkbox"[^>]*autocomplete', base)
    assert 'tabindex="{{ tabindex }}">' not in (OVERRIDES / "partials" / "nav-item.html").read_text(encoding="utf-8")
