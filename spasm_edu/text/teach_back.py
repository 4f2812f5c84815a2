"""Teach-back wording (AHRQ Health Literacy Universal Precautions Toolkit, Tool 5).

The questions are for the nurse to ask aloud; the patient answers in their own words."""

from __future__ import annotations

from spasm_edu.text import esc

HEADING = "Check what the patient will do"
EXPLAINED = "Explained it back"
WENT_OVER = "Went over it again"
EXPLAINED_TIP = "The patient said it back in their own words"
WENT_OVER_TIP = "You explained it again, in other words, until it was clear"
LISTEN_FOR = "Listen for:"

ASK_ACTION = {
    "emergency": "Ask: In your own words, what will you do as soon as we finish?",
    "urgent": "Ask: In your own words, who will you call today, and what will you tell them?",
    "see_doctor": "Ask: In your own words, when will you make a doctor's appointment?",
    "self_care": "Ask: In your own words, what will you do at home when a cramp starts?",
    "unknown": "Ask: In your own words, what will you do if the spasms get worse?",
}
ASK_911 = "Ask: In your own words, when would you call 911?"
ASK_CAUSE = "Ask: What is one thing you will try at home for {name}?"
ASK_QUESTIONS = "Ask: What questions do you still have?"

GONE_OVER_HEADING = "What we went over today"


def intro_html() -> str:
    """For the nurse: how to use teach-back (not read by the patient)."""
    return (
        f"<h2>{esc(HEADING)}</h2>"
        "<p>For the nurse. Ask each question. Let the patient answer in their own words. "
        "If something is missed, explain it again in a new way, then ask again. "
        "This checks how well we explained it. It is not a test of the patient.</p>"
    )
