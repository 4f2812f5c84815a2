"""Tables the patient session uses: practical self-care steps per cause."""

from __future__ import annotations

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class TipRow(FactRow):
    """One practical step a patient can take for one cause (plain words, reading grade <= 7)."""

    tip_id: Id
    cause_id: Id  # a cause_id from causes.csv
    tip: Text


TABLES = [
    TableSpec(
        "self_care_tips.csv",
        TipRow,
        "tip_id",
        "Practical self-care steps per cause, shown in the patient session and the handout.",
    ),
]
