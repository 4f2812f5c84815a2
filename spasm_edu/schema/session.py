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


class HandoutWhyRow(FactRow):
    """For one cause on the take-home handout: how its steps help, and what is not known
    (plain words, reading grade <= 7, no number that is not in another data row)."""

    cause_id: Id  # a cause_id from causes.csv
    benefit: Text
    not_known: Text | None = None  # empty: the handout's own known/unknown line says it


TABLES.append(
    TableSpec(
        "handout_why.csv",
        HandoutWhyRow,
        "cause_id",
        "How each cause's steps help and what is not known, for the take-home handout.",
    )
)


class SelfCareAdviceRow(FactRow):
    """What to do at home for one cause, said on the handout instead of the self-care level's
    general cramp advice (an eyelid twitch gets no "stretch the muscle"; reading grade <= 7)."""

    cause_id: Id  # a cause_id from causes.csv
    advice: Text


TABLES.append(
    TableSpec(
        "self_care_advice.csv",
        SelfCareAdviceRow,
        "cause_id",
        "Self-care advice per cause, for a handout at the self-care level.",
    )
)


class EmergencyCoreRow(FactRow):
    """One emergency sign every handout's "Call 911" box lists, whatever the causes: a
    finding of data/red_flags.csv at level emergency that a public "when to call 999/911" page
    names for everyone (``where``: the words of that page). The box adds this patient's own
    emergency signs (models.triage.handout_flags) and the catch-all line."""

    finding_id: Id  # a finding_id of red_flags.csv at level emergency


TABLES.append(
    TableSpec(
        "handout_emergency_core.csv",
        EmergencyCoreRow,
        "finding_id",
        "The emergency signs every handout's 911 box gives (a when-to-call-999 page).",
    )
)


class HandoutRiskRow(FactRow):
    """What going over a limit can do, said on the handout beside the limit (CDC Clear
    Communication Index item 18: name the risk, not only "over the limit"). ``risk_id`` is
    the cause and the limit's id ("caffeine_adult"). Plain words, reading grade <= 7."""

    risk_id: Id
    text: Text


TABLES.append(
    TableSpec(
        "handout_risks.csv",
        HandoutRiskRow,
        "risk_id",
        "What going over a limit can do, for the handout (sourced, plain words).",
    )
)
