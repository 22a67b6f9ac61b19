"""AUTHORING.md documents every field a study can set, generated from the schemas' docstrings.

After a change to a schema (records/schema.py, lint/config.py), regenerate it:

    .venv/bin/python -m thesiskit.records.reference AUTHORING.md
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from thesiskit.records import reference, schema
from thesiskit.records.reference import BEGIN, END, all_models, fields_markdown, undocumented

from .conftest import REPO

REGENERATE = "run: .venv/bin/python -m thesiskit.records.reference AUTHORING.md"


def test_every_field_has_a_docstring() -> None:
    assert undocumented() == []


def test_authoring_md_is_up_to_date() -> None:
    text = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    assert BEGIN in text and END in text, REGENERATE
    generated = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert generated == fields_markdown().strip(), f"AUTHORING.md is stale; {REGENERATE}"


def test_every_record_type_and_field_is_in_the_reference() -> None:
    text = fields_markdown()
    models = {m for _, m in all_models()}
    for model in (schema.Study, schema.Person, schema.Informant, schema.Quote, schema.Finding, schema.Change):
        assert model in models
        for name in model.model_fields:
            assert f"| `{name}` |" in text, f"{model.__name__}.{name}"
    assert "| `informant_pronoun` | text or null | — |" in text  # no default that states a fact
    assert "| `source` | text | *required* |" in text


def test_a_field_without_a_docstring_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    class Bare(BaseModel):
        model_config = ConfigDict(use_attribute_docstrings=True)

        documented: int = 1
        """Has one."""
        bare: str = ""

    monkeypatch.setattr(reference, "ROOTS", [("`x.yaml`", Bare)])
    monkeypatch.setattr(reference, "schema", type("M", (), {"_Record": schema._Record}))
    assert undocumented() == ["Bare.bare"]
