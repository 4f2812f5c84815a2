"""Spine tables: three spinal conditions in plain words, and the back-pain red flags."""

from __future__ import annotations

from typing import Literal

from spasm_edu.schema.base import FactRow, Id, IdList, TableSpec, Text


class ConditionRow(FactRow):
    condition_id: Literal["degenerative_disc", "spinal_stenosis", "herniated_disc"]
    name: Text
    plain_name: Text
    what_happens: Text
    nerve_signs: Text
    why_spasm: Text
    why_rest_is_not_enough: Text
    student_note: Text


class SpineFlagRow(FactRow):
    flag_id: Id
    sign: Text
    group: Literal["cauda_equina", "serious_cause", "spasm"]
    level: Literal["see_doctor", "urgent", "emergency"]
    why: Text
    # the triage findings (data/red_flags.csv) this sign means together, e.g. back_spasm;fever —
    # the patient session ticks them in its red-flag step, so a sign is never lost there
    finding_ids: IdList


TABLES = [
    TableSpec(
        "spine_conditions.csv",
        ConditionRow,
        "condition_id",
        "Degenerative disc disease, spinal stenosis and herniated disc in plain words.",
    ),
    TableSpec(
        "spine_red_flags.csv",
        SpineFlagRow,
        "flag_id",
        "Back-pain red flags and the level of care each needs (reference sheet section 9).",
    ),
]
