"""Teach-back before the handout (AHRQ Health Literacy Universal Precautions Toolkit, Tool 5).

Three prompts for the nurse, drawn from this patient's own result: what to do after the visit
(at the level the red flags gave), when to call 911 (the emergency signs that fit this person)
and one thing to do for a picked cause (its self-care tips). For each, the nurse records
"Explained it back" or "Went over it again"; nothing is recorded until the nurse picks one, and
the handout lists only what was gone over.

``prompts(notes, causes)`` is pure (tested without widgets); :class:`TeachBack` is the widget
the patient session shows on its last step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as w

from spasm_edu import facts
from spasm_edu.text import esc
from spasm_edu.text import teach_back as wording

SOURCE_ID = "ahrq_teach_back"
OUTCOMES = (wording.EXPLAINED, wording.WENT_OVER)


@dataclass(frozen=True)
class Prompt:
    """One teach-back question: what the nurse asks and what the answer should hold."""

    prompt_id: str  # "action", "call_911" or "cause:<cause id>"
    ask: str  # "Ask: In your own words, when would you call 911?"
    listen_for: tuple[str, ...]  # the points a good answer covers (from the result)


def prompts(notes, causes: Sequence = ()) -> tuple[Prompt, ...]:
    """The three prompts for this result.

    ``notes``: the handout's ``TriageNotes`` (level, what_to_do, if_worse); ``causes``: the
    handout's ``CauseNotes`` of the picked causes (name, tips), in order."""
    level = getattr(notes, "level", "unknown")
    action = Prompt(
        "action",
        wording.ASK_ACTION.get(level, wording.ASK_ACTION["unknown"]),
        (notes.what_to_do,) if getattr(notes, "what_to_do", "") else (),
    )
    signs = tuple(getattr(notes, "if_worse", ()) or ())
    if not signs:  # not urgent: the emergency signs for everyone, from the data
        from spasm_edu.models import triage

        try:
            signs = tuple(f.sign for f in triage.flags_for(None) if f.level.name == "emergency")
        except Exception:  # broken red-flag data: the written-out signs, which need no file
            from spasm_edu.text import session as session_wording

            signs = session_wording.FALLBACK_EMERGENCY_SIGNS
    call = Prompt("call_911", wording.ASK_911, signs[:3])
    out = [action, call]
    for cause in causes:
        tips = tuple(getattr(cause, "tips", ()) or ())
        if tips:
            out.append(
                Prompt(
                    f"cause:{cause.cause_id}",
                    wording.ASK_CAUSE.format(name=cause.name.lower()),
                    tips[:2],
                )
            )
            break
    if len(out) < 3:
        out.append(Prompt("questions", wording.ASK_QUESTIONS, ()))
    return tuple(out)


class TeachBack:
    """The nurse's teach-back panel: one prompt per row with its two outcome buttons.

    ``choices`` maps prompt id -> ToggleButtons (value None until the nurse picks one);
    :meth:`gone_over` gives what the handout records."""

    def __init__(self):
        self.prompts: tuple[Prompt, ...] = ()
        self.choices: dict[str, w.ToggleButtons] = {}
        self.widget = w.VBox()
        self.widget.add_class("spasm-teach-back")

    def refresh(self, notes, causes: Sequence = ()) -> None:
        """Rebuild the prompts for the current result, keeping answers whose prompt stays."""
        new = prompts(notes, causes)
        if new == self.prompts and self.widget.children:
            return  # the same prompts: keep the rows (and answers) the page already shows
        old = {p.prompt_id: p for p in self.prompts}
        choices = {}
        for p in new:
            keep = self.choices.get(p.prompt_id)
            if keep is not None and old.get(p.prompt_id) == p:
                choices[p.prompt_id] = keep
            else:
                choices[p.prompt_id] = w.ToggleButtons(
                    options=OUTCOMES,
                    value=None,
                    description="",
                    tooltips=[wording.EXPLAINED_TIP, wording.WENT_OVER_TIP],
                    style={"button_width": "auto"},
                )
        self.prompts, self.choices = new, choices
        rows: list[w.Widget] = [w.HTML(wording.intro_html())]
        for p in self.prompts:
            listen = "".join(f"<li>{esc(x)}</li>" for x in p.listen_for)
            text = f"<p><strong>{esc(p.ask)}</strong></p>"
            if listen:
                text += f"<p>{esc(wording.LISTEN_FOR)}</p><ul>{listen}</ul>"
            rows.append(w.VBox([w.HTML(text), self.choices[p.prompt_id]]))
        self.widget.children = rows

    def gone_over(self) -> tuple[tuple[str, str], ...]:
        """(question, outcome) for every prompt the nurse recorded, in order."""
        return tuple(
            (p.ask.removeprefix("Ask: "), self.choices[p.prompt_id].value)
            for p in self.prompts
            if self.choices[p.prompt_id].value is not None
        )

    def clear(self) -> None:
        for choice in self.choices.values():
            choice.value = None


def source_row():
    """The AHRQ toolkit row of data/sources.csv."""
    return facts.table("sources.csv")[SOURCE_ID]
