"""Rare neurological causes: the features that make spasms worrying, and example conditions
with honest rarity figures (a number only where a source gives one)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from spasm_edu.schema.base import FactRow, Id, IdList, TableSpec, Text


class FeatureRow(FactRow):
    feature_id: Id
    label: Text
    what_it_means: Text
    level: Literal["see_doctor", "urgent", "emergency"]
    emergency_if_sudden: Literal["yes", "no"]
    finding_ids: IdList | None = None  # the red_flags.csv findings this feature means, if any


class NeuroConditionRow(FactRow):
    condition_id: Id
    name: Text
    plain: Text
    how_common: Text
    per_million: float | None = Field(default=None, gt=0, le=1_000_000)
    percent_of_people: float | None = Field(default=None, gt=0, le=100)
    benign: Literal["yes", "no"]

    @model_validator(mode="after")
    def _at_most_one_figure(self):
        if self.per_million is not None and self.percent_of_people is not None:
            raise ValueError("give per_million or percent_of_people, not both")
        return self


TABLES = [
    TableSpec(
        "neuro_features.csv",
        FeatureRow,
        "feature_id",
        "Features that make spasms worth a doctor's check, with plain explanations.",
    ),
    TableSpec(
        "neuro_conditions.csv",
        NeuroConditionRow,
        "condition_id",
        "Example nerve and brain causes of spasms, and harmless twitches, with rarity.",
    ),
]
