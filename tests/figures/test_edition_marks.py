"""The edition's "[?]" marks of uncertain cells stay out of the exam submission."""

from __future__ import annotations

from thesiskit.figures.files import EDITION_MARK, without_marks
from thesiskit.records.schema import InformantsFile


def test_without_marks_drops_the_mark_and_keeps_the_cell() -> None:
    table = InformantsFile.model_validate(
        {
            "informants": [
                {"number": 1, "group": "A", "attributes": {"Utdanning": f"I {EDITION_MARK}", "År": "3 år"}},
                {"number": 2, "group": "A", "attributes": {"Utdanning": EDITION_MARK, "År": ""}},
            ]
        }
    )
    plain = without_marks(table)
    assert [p.attributes for p in plain.informants] == [{"Utdanning": "I", "År": "3 år"}, {"Utdanning": "", "År": ""}]
    assert table.informants[0].attributes["Utdanning"] == "I [?]"  # the record itself is unchanged
