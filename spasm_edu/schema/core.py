"""Tables every topic uses: sources, causes and the notebook contents."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class SourceRow(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    source_id: Id
    organisation: Text
    title: Text
    year: int | None = Field(default=None, ge=1900, le=2100)  # empty: the page shows no date
    url_or_doi: str = Field(pattern=r"^(https?://\S+|doi:10\.\S+)$")
    accessed: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")

    @property
    def source_ids(self) -> list[str]:  # a source cites itself
        return []

    @property
    def year_text(self) -> str:
        """The year, or 'n.d.' (no date) when the source shows none."""
        return "n.d." if self.year is None else str(self.year)

    @property
    def href(self) -> str:
        """A clickable address: DOIs become https://doi.org/ links."""
        if self.url_or_doi.startswith("doi:"):
            return "https://doi.org/" + self.url_or_doi.removeprefix("doi:")
        return self.url_or_doi


class CauseRow(FactRow):
    cause_id: Id
    name: Text
    summary: Text
    notebook: str = Field(pattern=r"^\d\d_[a-z0-9_]+\.ipynb$")


class NotebookRow(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )

    order: int = Field(ge=0, le=99)
    notebook: str = Field(pattern=r"^[a-z0-9_]+\.ipynb$")
    title: Text
    minutes: int = Field(ge=1, le=240)
    audience: Literal["everyone", "nursing students", "patients with a nurse"]

    @property
    def source_ids(self) -> list[str]:
        return []


class QuizRow(FactRow):
    question_id: Id
    notebook: str = Field(pattern=r"^[a-z0-9_]+\.ipynb$")
    question: Text
    choice_a: Text
    choice_b: Text
    choice_c: Text | None = None
    choice_d: Text | None = None
    correct: Literal["a", "b", "c", "d"]
    feedback_a: Text
    feedback_b: Text
    feedback_c: Text | None = None
    feedback_d: Text | None = None

    @model_validator(mode="after")
    def _choices_have_feedback(self):
        for letter in "abcd":
            has_choice = getattr(self, f"choice_{letter}") is not None
            if has_choice != (getattr(self, f"feedback_{letter}") is not None):
                raise ValueError(
                    f"choice_{letter} and feedback_{letter} must both be filled or both be empty"
                )
        if getattr(self, f"choice_{self.correct}") is None:
            raise ValueError(f"correct is {self.correct!r} but choice_{self.correct} is empty")
        return self

    def choices(self) -> list[tuple[str, str, str]]:
        """(letter, choice, feedback) for each filled choice."""
        return [
            (x, getattr(self, f"choice_{x}"), getattr(self, f"feedback_{x}"))
            for x in "abcd"
            if getattr(self, f"choice_{x}") is not None
        ]


TABLES = [
    TableSpec("sources.csv", SourceRow, "source_id", "Every source a fact cites."),
    TableSpec("causes.csv", CauseRow, "cause_id", "The causes of spasms the course covers."),
    TableSpec("notebooks.csv", NotebookRow, "notebook", "The course contents, in order."),
    TableSpec(
        "quiz.csv",
        QuizRow,
        "question_id",
        "Check-your-understanding questions.",
        templated=(
            "question",
            *(f"{kind}_{x}" for kind in ("choice", "feedback") for x in "abcd"),
        ),
    ),
]
