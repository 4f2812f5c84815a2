"""The spasm diary: one row per spasm, for the synthetic teaching data set and a patient's own file.

``data/spasm_diary_synthetic.csv`` is SYNTHETIC: it is written by
``python -m spasm_edu.diary generate --seed 2026`` (see spasm_edu/diary.py), not collected
from any person. A patient's own diary (``my_spasm_diary.csv``) uses exactly the same columns.

**Why these rows have no ``source_id`` column.** Every other table holds facts, and a fact must
cite a source. A diary holds *observations* (what one person, here a made-up one, noticed on
one day); it states no medical fact, so there is nothing to cite. A ``synthetic_diary`` row in
``data/sources.csv`` would be worse than none: it would be listed under "Sources" in the
notebook as if the generator were evidence. So :class:`DiaryRow` is a plain row model with an
empty ``source_ids`` (like the contents table), and the file's provenance is stated where it
belongs: in its file name, in data/README.md, in the generator's docstring and on every
table and chart that shows it.

The category lists below are vocabulary, not facts: body parts a person can point to and the
triggers the course teaches (cause ids from data/causes.csv that a person can notice on the
day, plus "none_noticed").
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from spasm_edu.schema.base import Id, TableSpec

BODY_PARTS: dict[str, str] = {
    "calf": "Calf (lower leg)",
    "foot": "Foot or toes",
    "thigh": "Thigh",
    "lower_back": "Lower back",
    "neck": "Neck or shoulder",
    "eyelid": "Eyelid",
    "hand": "Hand or fingers",
    "other": "Somewhere else",
}
"""Where the spasm was: id -> words shown to a person."""

TRIGGERS: dict[str, str] = {
    "caffeine": "Caffeine (coffee, tea, energy drinks)",
    "stress_fatigue": "Stress or tiredness",
    "overuse": "Hard exercise or work",
    "dehydration": "Not enough fluid or a lot of sweat",
    "body_mechanics": "Lifting, bending or twisting",
    "medication": "A new or changed medicine",
    "none_noticed": "Nothing I noticed",
}
"""What the person thinks set it off: id -> words shown to a person. The ids other than
``none_noticed`` are cause ids in data/causes.csv (a test checks this)."""

DURATION_MIN_MIN = 0.1
DURATION_MAX_MIN = 240.0
"""Accepted duration of one entry in minutes (6 seconds to 4 hours). A typing-error guard for
the diary, not a clinical range: a longer spasm is no diary matter, it needs help now."""

NOTES_MAX_CHARS = 200

COLUMNS = (
    "entry_id",
    "date",
    "time",
    "body_part",
    "trigger",
    "duration_min",
    "severity_0_10",
    "notes",
)


class DiaryRow(BaseModel):
    """One spasm. ``severity_0_10`` is the person's own rating (0 none, 10 worst they can
    imagine), not a clinical score."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    entry_id: Id
    date: dt.date
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    body_part: str
    trigger: str
    duration_min: float = Field(ge=DURATION_MIN_MIN, le=DURATION_MAX_MIN)
    severity_0_10: int = Field(ge=0, le=10)
    notes: str | None = Field(default=None, max_length=NOTES_MAX_CHARS)

    @field_validator("body_part")
    @classmethod
    def _known_body_part(cls, value: str) -> str:
        if value not in BODY_PARTS:
            raise ValueError("body_part must be one of " + ", ".join(BODY_PARTS))
        return value

    @field_validator("trigger")
    @classmethod
    def _known_trigger(cls, value: str) -> str:
        if value not in TRIGGERS:
            raise ValueError("trigger must be one of " + ", ".join(TRIGGERS))
        return value

    @property
    def source_ids(self) -> list[str]:  # observations, not facts: see the module docstring
        return []


TABLES = [
    TableSpec(
        "spasm_diary_synthetic.csv",
        DiaryRow,
        "entry_id",
        "SYNTHETIC spasm diary for the pandas exercise (made by spasm_edu.diary, seed 2026).",
    ),
]
