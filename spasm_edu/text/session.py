"""Wording for the patient session and the take-home handout (reading grade <= 7)."""

from __future__ import annotations

STEP_TITLES = (
    "What is a muscle spasm?",
    "What might be behind yours?",
    "Look at your causes",
    "When to see a doctor",
    "Your summary",
)

WHAT_IS_A_SPASM = (
    "A muscle spasm is when a muscle tightens on its own. You do not choose it.",
    "It can be small, like an eyelid that twitches. It can be big, like a cramp in your leg.",
    "Most spasms are harmless and go away on their own.",
    "Some hurt. Some leave the muscle sore for a while.",
    "A back spasm can be very painful. It can make it hard to move.",
    "Many everyday things can set off a spasm. In the next step, you can pick the ones that may fit you.",
)
WHAT_IS_A_SPASM_SOURCES = ("nass_spasms", "seed_article")

PICK_CAUSES = "Tick each one that may fit you. You can pick more than one. Then press Next."
NO_CAUSES = (
    "You did not pick any causes. That is fine. Press Back to pick some, or press Next to go on."
)
NO_EXPLORER = "Talk with your nurse about this one. Here are some steps that can help."
TIPS_HEADING = "What you can do"
TRIAGE_HEADING = "Answer these questions"

TRIAGE_FAILED = (
    "The warning-sign questions did not load. Go through the list below with your nurse."
)
TRIAGE_FAILED_LABEL = "Check the list with your nurse"
TRIAGE_NOT_FINISHED_LABEL = "Questions not finished"
TRIAGE_NOT_FINISHED = (
    "Not all the warning-sign questions were answered. Go back to step 4 and answer them. "
    "Until then, use the list of signs below."
)

HANDOUT_TITLE = "Your muscle spasm notes"
HANDOUT_INTRO = "You made these notes with your nurse. Keep them and show them to your doctor."
HANDOUT_READY = "The handout is ready below. Press Save to keep it on this computer."
HANDOUT_NOT_SAVED = "Nothing is saved yet."
