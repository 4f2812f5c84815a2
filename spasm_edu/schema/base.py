"""Shared pieces for row models: the base row, the table spec and common field types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
"""Lower-case id: letters, digits and underscores, starting with a letter."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=600)]

IdList = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$")]
"""One id or several separated by ``;``."""


class FactRow(BaseModel):
    """One row of a data file. Every table that holds facts has a ``source_id`` column:
    one id, or several separated by ``;``, each resolving to ``data/sources.csv``.

    ``defer_build``: a table's validator is built when the table is first read, not when its
    schema module is imported (a session kernel imports every schema but reads a few tables
    before the first page shows)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    source_id: str
    where: Text | None = None
    """Where in the source the value or level stands (page, table or section), so a reviewer
    can check it in one look. Required for rows that hold a number or an urgency level
    (tests/test_sources.py); may be empty for rows of plain advice."""

    @field_validator("source_id")
    @classmethod
    def _source_ids_look_right(cls, value: str) -> str:
        ids = [s.strip() for s in value.split(";")]
        for sid in ids:
            if not sid or not sid.replace("_", "").isalnum() or not sid[0].isalpha():
                raise ValueError(f"source id {sid!r} must be letters, digits and underscores")
        return ";".join(ids)

    @property
    def source_ids(self) -> list[str]:
        return self.source_id.split(";")


@dataclass(frozen=True)
class TableSpec:
    """A data file: its name, its row model and the column that identifies a row."""

    file: str
    row: type[BaseModel]
    id_column: str
    description: str
    templated: tuple[str, ...] = ()
    """Columns of text a reader sees that may cite other tables' numbers as
    ``{FILE:ROW:COLUMN}``, rendered at load time (:mod:`spasm_edu.factref`)."""
