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

# The warning signs when the red-flag data cannot be read. Written out here on purpose, not read
# from data/, so they still show when a data file is broken. Keep them in step with the
# emergency findings and rules (tests/test_session.py checks each one is covered).
FALLBACK_EMERGENCY_HEADING = "Call 911 or your local emergency number now if you have"
FALLBACK_EMERGENCY_SIGNS = (
    "A face that droops, an arm or leg that is weak or numb, or slurred speech, starting suddenly",
    "All of a sudden you get weak, lose your balance, cannot walk well or get mixed up",
    "A sudden, very bad headache",
    "Chest pain or trouble breathing",
    "A tight throat, or a tongue, lips or face that swell up",
    "A new ache or tightness in your arm, jaw, neck or back, with sweating or feeling sick",
    "A seizure (a fit)",
    "A fever with a stiff neck, a rash that does not fade, or confusion",
    "A fever or a new medicine, and stiff muscles all over",
    "Feeling agitated, sweaty, shaky or twitchy after a new medicine for mood, pain or migraine",
    "Being confused after hard work, heat, a long race, a bad stomach bug, or heavy drinking",
    "Shaking, sweating or seeing things that are not there after you stop heavy drinking",
    "A bad headache, throwing up or feeling mixed up after you drank a lot in a long race or hike",
    "Very hot skin and confusion after heat or hard work",
    "A leg or foot that suddenly turns cold, pale and very painful",
    "Needing to pee but not being able to pee at all",
    "A stiff or locked jaw, so you can hardly open your mouth",
    "New numbness between your inner thighs, around your private parts or your bottom",
    "New trouble peeing or pooping, or trouble holding it in",
    "One or both legs getting weaker",
    "Back pain with tingling, numbness or weakness in both legs",
    "A spasm that started after a big accident, like a car crash or a bad fall",
    "Pain that gets worse after an injury, a break or a new cast, or toes or fingers you can hardly move",
    "Tingling around your mouth and hands that lock in a claw shape",
    "A back spasm with a fever, and numbness, weakness or trouble walking",
    "Very bad muscle pain or weakness, and pee that is dark, like cola or tea",
    "Dark pee, like cola or tea, and very little of it",
    "Water pills, weak muscles and a heart that races, flutters or skips",
    "A pill that raises potassium, weak muscles and a heart that races, flutters or skips",
    "A large or deep wound",
    "Both eyelids droop, you see double, or it is hard to swallow",
    "Painful spasms or stiffness, or a stiff jaw, after a cut or wound",
    "A child with a fever who will not stand on a leg, or cries when the hip or knee is moved",
    "Spasms, twitching or stiff muscles after you may have swallowed or touched a poison",
    "Tingling or weakness that spreads up from your feet or hands over hours or days",
    "Getting very cold, and then being confused, slurring, very sleepy or no longer shivering",
    "Bad pain or swelling that starts suddenly in a testicle (ball)",
    "Diabetes and feeling very ill: throwing up, fast deep breathing or being very sleepy",
    "Taking lithium, and being sick, shaky or unsteady, and mixed up",
    "An electric shock, even if you feel fine",
)
FALLBACK_URGENT_HEADING = "Get medical help today if you have"
FALLBACK_URGENT_SIGNS = ("One calf that is swollen, warm, red or sore to touch",)

DATA_FAILED_TITLE = "This page did not load"
DATA_FAILED = (
    "Part of this page did not load, so we cannot go through your spasms here today. "
    "Please tell your nurse."
)

HANDOUT_TITLE = "Your muscle spasm notes"
HANDOUT_INTRO = "You made these notes with your nurse. Keep them and show them to your doctor."
HANDOUT_READY = "The handout is ready below. Press Save to keep it on this computer."
HANDOUT_NOT_SAVED = "Nothing is saved yet."
HANDOUT_SAVING = "Saving the handout…"
CLEAR_QUESTION = (
    "Clear every answer on this page for the next patient? A saved handout stays saved."
)
HANDOUT_SAVE_FAILED = "The handout was not saved. Print it from the preview below, or ask for help."
SOURCES_FAILED = "The list of sources did not load. Ask your nurse where these facts come from."
