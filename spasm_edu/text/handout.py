"""Wording for the take-home handout: a few short action lines per cause, built from the
cause's model result (reading grade <= 7).

Each cause's text module may define ``handout_actions(result) -> tuple[Action, ...]`` with this
patient's targets worked out from the model (never a number typed here). A cause without one,
or whose result is missing (nothing answered), gets its self-care tips from
data/self_care_tips.csv. A cause gives at most :data:`MAX_ACTIONS` lines
(:data:`MAX_ACTIONS_MANY` when three or more causes are picked).
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass

from spasm_edu import DISCLAIMER as _DISCLAIMER
from spasm_edu import causes as cause_registry

log = logging.getLogger(__name__)
# the lift's "even lifted this way, close and with no twist, …" line
_EVEN_BETTER = "Even lifted this way"

MAX_ACTIONS = 3
MAX_ACTIONS_MANY = 2  # with 3 or more causes, so the handout stays on two printed pages
NEXT_APPOINTMENT = "My next appointment:"
CLINIC_PHONE = "Clinic phone:"
STEPS_HEADING = "Your steps"
TOLD_US_HEADING = "What you told us"
NOT_ANSWERED = "You did not change any answers here."
NO_CAUSES = "You did not pick any causes today."
PICTURE_HOW = "Keep your bar to the left of the dashed line: that line is the limit."
# How to act on each cause's picture (spasm_edu.plots.<cause>.handout_picture)
PICTURE_HOW_BY_CAUSE = {
    "caffeine": "Each cup is one drink a day. Have the cups with a tick: they keep you under "
    "the limit. Skip the cups with a cross.",
    "body_mechanics": "Left, with a cross: how you lift now, over your limit. Right, with a "
    "tick: a lift under your limit, with the load close to your body and no twist. The blue "
    "bar shows how far out your hands are.",
}
MAIN_HEADING = "Main message:"
# The one thing to remember, by urgency level (the level's own call to action)
MAIN_MESSAGE = {
    "self_care": "You can care for this at home.",
    "see_doctor": "Make an appointment to see your doctor soon.",
    "urgent": "Call your doctor today.",
    "emergency": "Call 911 or your local emergency number now.",
    "unknown": "Go over the warning signs on this sheet with your nurse.",
}
MAIN_WATCH = {
    "self_care": "Get help if a warning sign on this sheet starts.",
    "see_doctor": "Get help sooner if a warning sign on this sheet starts.",
    "urgent": "Call 911 if a sign in the 911 box starts.",
    "emergency": "",
    "unknown": "",
}
KEY_STEPS = "Your key steps:"
UNTIL_SEEN = "Until you are seen:"
KNOWN_HEADING = "What we know and do not know:"
KNOWN_UNKNOWN = (
    "This sheet does not diagnose the cause of your spasms. It shows things that may play a "
    "part, from what you told us. Only a doctor can check the cause."
)
# the disclaimer in plain words on paper ("prescriber" is health-system jargon: CCI item 7)
DISCLAIMER = _DISCLAIMER.replace("your prescriber", "the doctor who gave you the medicine")
BENEFIT_LEAD = "How it helps:"
NOT_KNOWN_LEAD = "Not known:"
SOURCES_HEADING = "Sources (for your doctor)"
SOURCES_NOTE = "The small numbers in [ ] on this page point to this list."
WHY_STEPS = "Why these steps:"
# the last line of the emergency box: a catch-all for what no list can name
ANY_SUDDEN = "Call 911 for any sudden, severe or frightening new symptom."
# the heading of the 911 signs every handout gives, after this patient's own (a page break
# between the two parts leaves each with a heading)
ALSO_911 = "Also call 911 now if:"
TRACKER = "This week, tick each day you did your steps:"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Causes whose tips say "stay gently active" (NHS): no line may tell these patients to rest.
BACK_CAUSES = frozenset({"spine", "body_mechanics"})
STAY_ACTIVE = "Stay gently active"
# the risk of the stay-active step, linked in words to its signs in the 911 box (CCI item 19)
STAY_ACTIVE_STOP = (
    "Stop and call 911 if the numbness spreads to both legs or between your thighs, or your "
    "legs get weaker (see the 911 box)."
)
# after a sign the patient ticked: which of the signs is hers now
YOURS_NOW = "(You have this now.)"
# a sub-heading for each cause's steps (CDC CCI 9: one idea per chunk); else the cause's name
STEP_HEADINGS = {
    "caffeine": "Caffeine",
    "stress_fatigue": "Sleep and stress",
    "body_mechanics": "Lifting",
    "spine": "Staying active",
}
REMEMBER = "Remember:"
# the last of the main message's lines, for the closing recap (PEMAT-P 11)
REMEMBER_WATCH = {
    "self_care": "Get help if a warning sign starts.",
    "see_doctor": "Get help sooner if a warning sign starts.",
    "urgent": "Call 911 if a sign in the 911 box starts.",
    "emergency": "",
}
SLEEP_PLAN = (
    "Your sleep plan: go to bed by {bed} and get up at {wake} or later, every day, weekends "
    "too. That gives you {hours} hours."
)
_SLEEP_TARGET = re.compile(r"^Aim for (?P<h>\d+) hours of sleep or more a night\.")
_SAME_TIMES = "Go to bed and get up at the same times each day"
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d\d))? ?(?P<ap>am|pm)$")


def _hour(said: str) -> float | None:
    """'11 pm' -> 23.0, '6:30 am' -> 6.5 (None if not a clock time)."""
    m = _CLOCK.match(said.strip().lower())
    if m is None:
        return None
    h = int(m["h"]) % 12 + (12 if m["ap"] == "pm" else 0)
    return h + int(m["m"] or 0) / 60


def _clock(hour: float) -> str:
    h = int(hour) % 24
    m = round((hour - int(hour)) * 60)
    ap = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {ap}" if m else f"{h12} {ap}"


def sleep_plan(actions, bedtime: str | None) -> tuple[Action, ...]:
    """A sleep step as a plan with times (PEMAT-P 22): the "go to bed and get up at the same
    times" tip (CDC) said with this patient's own bedtime (the caffeine answers) and her sleep
    target (the model's line "Aim for 7 hours…", AASM/CDC): "go to bed by 11 pm and get up at
    6 am or later". Unchanged without a bedtime, a target or that tip."""
    actions = tuple(actions)
    bed = _hour(bedtime) if bedtime else None
    target = next((m for a in actions if (m := _SLEEP_TARGET.match(a.text))), None)
    if bed is None or target is None:
        return actions
    target_sources = next(a.source_ids for a in actions if _SLEEP_TARGET.match(a.text))
    hours = int(target["h"])
    out = []
    for a in actions:
        if a.text.startswith(_SAME_TIMES):
            text = SLEEP_PLAN.format(bed=_clock(bed), wake=_clock(bed + hours), hours=hours)
            a = Action(text, tuple(dict.fromkeys((*a.source_ids, *target_sources))), a.short)
        out.append(a)
    return tuple(out)


def remember_line(level: str, shorts) -> str:
    """The closing recap (PEMAT-P 11): the level's call to action, this patient's key steps
    (the ``short`` of her first actions, as in the main message) and when to get help, each
    as a short sentence; '' when there is nothing to recap."""
    if level not in REMEMBER_WATCH or level == "emergency":  # the main message says it all
        return ""
    shorts = [s for s in dict.fromkeys(shorts) if s][:2]
    said = []
    if level in ("urgent", "see_doctor"):
        said.append(MAIN_MESSAGE[level])
    said += [s[0].upper() + s[1:] + ("" if s.endswith(".") else ".") for s in shorts]
    watch = REMEMBER_WATCH.get(level, "")
    if watch:
        said.append(watch)
    if len(said) < 2:
        return ""
    return f"{REMEMBER} " + " ".join(said)


@dataclass(frozen=True)
class Action:
    """One thing to do, in plain words, with the sources it rests on."""

    text: str
    source_ids: tuple[str, ...] = ()
    short: str = ""  # the step in a few words, for the main message ("have 4 cups a day")


def tip_actions(tips) -> tuple[Action, ...]:
    """Tips (data/self_care_tips.csv rows) as actions; "see a doctor" tips are left out (the
    warning signs say when to get care)."""
    return tuple(
        Action(t.tip, tuple(t.source_ids))
        for t in tips
        if not t.tip.lower().startswith("see a doctor")
    )


def says_rest(text: str) -> bool:
    """True when a line tells the reader to rest ('Rest it.', 'stretch, rest and drink'), not
    when it warns against bed rest or says rest alone will not fix it."""
    words = text.lower()
    words = re.sub(r"bed rest|rest alone|better with rest", "", words)
    return re.search(r"\brest\b", words) is not None


def without_rest(text: str) -> str:
    """``text`` without its sentences that tell the reader to rest (for a back patient: the
    NHS advice is to stay gently active, so the page must not also say "rest")."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(s for s in sentences if not says_rest(s))


def is_back(picked, ticked) -> bool:
    """A back patient: a back cause picked, or a back spasm ticked in the red-flag questions."""
    return bool(BACK_CAUSES & set(picked)) or "back_spasm" in set(ticked)


def complete_result(result):
    """A patient-mode result in the form the handout's wording expects: the full model result
    once enough is told (a lift's :class:`LiftResult`, a week of sleep), the caffeine intake as
    it is (its wording takes what was told), or None when too little was told yet."""
    kind = type(result).__name__
    if kind == "LiftSoFar":
        return result.lift
    if kind == "CheckIn" and result.sleep is None:
        return None
    return result


def cause_actions(
    cause_id: str, result, tips, answered: bool, back: bool = False, most: int = MAX_ACTIONS
) -> tuple[Action, ...]:
    """At most MAX_ACTIONS lines for one cause: this patient's targets from the model result
    (when they answered something), then the cause's tips; no "rest" line for a back patient."""
    lines: list[Action] = []
    if answered and result is not None:
        try:
            module = cause_registry.get(cause_id).module("text")
            make = getattr(module, "handout_actions", None)
            full = complete_result(result)
            if make is not None and full is not None:
                lines += paper_lines(cause_id, full, make(full))
        except Exception:  # a cause's wording must not stop the handout: its tips still show
            log.warning("handout lines for %s failed", cause_id, exc_info=True)
    seen = {a.text for a in lines}
    lines += [a for a in tip_actions(tips) if a.text not in seen]
    if back:
        lines = [a for a in lines if not says_rest(a.text)]
        lines = [with_stop(a) for a in lines]
    return tuple(lines[:most])


SPLIT_LINE = (
    "Your {load} load is too heavy, even lifted close. Split it into {n} loads of about "
    "{each} each. Lift each one close to your body, without twisting. Or use a helper or a cart."
)


def split_action(result, said: Action) -> Action:
    """The lift's "even lifted this way … split the load" line with the split worked out for
    the patient (PEMAT-P 7 and 24, CDC CCI 17: no sum left to her): ``n`` loads of about
    ``each``, each under the limit of the lift as she does it now (arithmetic on the model's
    limit, :func:`spasm_edu.models.body_mechanics.split_loads`). ``said`` unchanged when there
    is no split (too many loads: a helper or a cart)."""
    from spasm_edu.models import body_mechanics as bm
    from spasm_edu.text import weight_words

    split = bm.split_loads(result)
    if split is None:
        return said
    n, each = split
    unit = result.mass_unit
    text = SPLIT_LINE.format(
        load=weight_words(result.load, unit), n=n, each=weight_words(each, unit)
    )
    return Action(text, said.source_ids, said.short)


def paper_lines(cause_id: str, result, lines) -> list[Action]:
    """A cause's handout lines as printed: the lift's split worked out (:func:`split_action`)
    and each line in the patient's own words and numbers (:func:`paper_words`)."""
    out = []
    for action in lines:
        if cause_id == "body_mechanics" and action.text.startswith(_EVEN_BETTER):
            action = split_action(result, action)
        out.append(Action(paper_words(action.text), action.source_ids, paper_words(action.short)))
    return out


# Words on paper that the patient does not use (CDC CCI 7): the agencies stay in the Sources
WORDS_ON_PAPER = (
    ("The FDA says", "U.S. health experts say"),
    ("the FDA says", "U.S. health experts say"),
)
_KG = re.compile(r"\b(about )?(\d+\.\d+) kg\b")
_MG_FIRST = re.compile(
    r"^Aim for under (?P<mg>\d+) mg \(milligrams\) of caffeine a day\. (?P<who>[^.]*\.) "
    r"For you, that is about (?P<cups>[^.]+)\. Now you have about (?P<now>\d+) mg a day\. "
    r"That is (?P<state>over|under) the limit\."
)


def paper_words(text: str) -> str:
    """``text`` as the printed handout says it (CDC CCI 7 and 15): no agency initials in a
    patient's sentence, cups first with mg in brackets, kg rounded to a whole number ("about 8
    kg"; pounds are whole already)."""
    if not text:
        return text
    m = _MG_FIRST.match(text)
    if m is not None:
        now = (
            f"Now you have more (about {m['now']} mg a day). That is over the limit."
            if m["state"] == "over"
            else f"Now you have about {m['now']} mg a day: that is under the limit."
        )
        text = (
            f"Have no more than about {m['cups']} a day (under {m['mg']} mg of caffeine). "
            f"{m['who']} {now}" + text[m.end() :]
        )
    for old, new in WORDS_ON_PAPER:
        text = text.replace(old, new)
    return _KG.sub(lambda k: _whole_kg(k, text), text)


def _whole_kg(k: re.Match, text: str) -> str:
    """'7.6 kg' on paper: a whole number, rounded down after "under" or "limit" (a limit is
    never rounded up: a load said to be under it must be under it), to the nearest otherwise."""
    value = float(k[2])
    before = text[: k.start()].rstrip().lower()
    if before.endswith(("under", "limit", "limit is")):  # k[1], "about ", is in the match
        return f"about {math.floor(value)} kg" if value >= 1 else k[0]
    return f"about {round(value)} kg"


# One line for the dark-pee signs (muscle breakdown) where more than one is on the same list:
# each sign's own condition (data/red_flag_rules.csv `sign`), said once after "your pee is dark"
DARK_PEE_LEAD = "Your pee is dark, like cola or tea"
DARK_PEE_PARTS = {
    "You have very bad muscle pain or weakness, and your pee is dark, like cola or tea.": (
        "with very bad muscle pain or weakness"
    ),
    "After hard work or exercise, your pee turns dark, like cola or tea.": (
        "after hard work or exercise"
    ),
    "Your pee is dark, like cola or tea, and you pee very little or not at all.": (
        "when you pee very little or not at all"
    ),
}


def merge_signs(signs) -> tuple[str, ...]:
    """``signs`` (one level's list) with the dark-pee signs of :data:`DARK_PEE_PARTS` said as
    one line where two or more are on it ("Your pee is dark, like cola or tea, with very bad
    muscle pain or weakness, after hard work or exercise, or when you pee very little or not at
    all."), where the first of them stood; every condition stays, at the same level."""
    signs = tuple(signs)
    dark = [s for s in signs if s in DARK_PEE_PARTS]
    if len(dark) < 2:
        return signs
    parts = [DARK_PEE_PARTS[s] for s in dark]
    line = f"{DARK_PEE_LEAD}, {', '.join(parts[:-1])}, or {parts[-1]}."
    out: list[str] = []
    for sign in signs:
        if sign in DARK_PEE_PARTS:
            if line not in out:
                out.append(line)
        else:
            out.append(sign)
    return tuple(out)


def merged_from(line: str, signs) -> str | None:
    """The first of ``signs`` that :func:`merge_signs` said in ``line`` (None if none)."""
    if not line.startswith(DARK_PEE_LEAD + ", "):
        return None
    return next((s for s in signs if s in DARK_PEE_PARTS and DARK_PEE_PARTS[s] in line), None)


# The 911 box's sub-lists (CDC CCI 8: no list of more than 7 under one heading), by the
# question group (data/red_flags.csv `group`) of the finding each sign rests on
SIGN_GROUP_HEADINGS = {
    "back": "Your back and legs",
    "act_now": "Stroke, heart, allergy or a fit",
    "injury_exertion": "After an accident, heat or hard work",
    "what_else": "Other signs",
    "medicine": "After a medicine",
    "other": "Other signs",
    "how_often": "Other signs",
    "pregnancy": "In pregnancy",
}
OTHER_SIGNS = "Other signs"
DARK_PEE_HEADING = "Your pee"
# A sign's "for example after …" (data/red_flags.csv `sign`): each example kept only for a
# patient who picked its cause, so a lifter's seizure sign does not speak of caffeine
EXAMPLE_CAUSES = {"a lot of caffeine": "caffeine", "losing a lot of fluid": "dehydration"}
_EXAMPLE = re.compile(r", for example (?P<ex>after .+?)\.$")


def fit_example(sign: str, picked) -> str:
    """``sign`` with only the examples of the picked causes (:data:`EXAMPLE_CAUSES`): "You
    have a seizure (fit), for example after a lot of caffeine." for a caffeine patient, "You
    have a seizure (fit)." for one who picked neither; an example of no known cause stays."""
    m = _EXAMPLE.search(sign)
    if m is None:
        return sign
    alternatives = [a.strip() for a in m["ex"].split(" or ")]
    kept = []
    for alt in alternatives:
        what = alt.removeprefix("after ").strip()
        cause = EXAMPLE_CAUSES.get(what)
        if cause is None or cause in set(picked):
            kept.append(alt if alt.startswith("after ") else f"after {alt}")
    if len(kept) == len(alternatives):
        return sign
    head = sign[: m.start()]
    return f"{head}, for example {' or '.join(kept)}." if kept else f"{head}."


def with_stop(action: Action) -> Action:
    """A back patient's "Stay gently active" step with when to stop (its 911 signs)."""
    if not action.text.startswith(STAY_ACTIVE) or STAY_ACTIVE_STOP in action.text:
        return action
    short = action.short or STAY_ACTIVE.lower()  # for the main message
    return Action(f"{action.text} {STAY_ACTIVE_STOP}", action.source_ids, short)


def signs_from(source_ids, sources) -> str:
    """'These signs come from 12 health sites.' (how many organisations the signs rest on;
    ``sources`` is data/sources.csv; their names are in the Sources list, not here)."""
    counts: dict[str, int] = {}
    for sid in source_ids:
        name = sources[sid].organisation.split(" (")[0]
        if name.startswith("Centers for Disease Control") or name.startswith("CDC"):
            name = "CDC"
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    n = len(counts)  # no agency names or initials here (CDC CCI 7): they are in the Sources
    sites = "1 health site" if n == 1 else f"{n} health sites"
    return f"These signs come from {sites}. Your nurse can show you the full list."


def main_message(level: str, shorts) -> str:
    """'Main message' line: the level's call to action, this patient's key steps (the
    ``short`` of the first actions, from the model) and when to get help."""
    parts = [MAIN_MESSAGE.get(level, MAIN_MESSAGE["unknown"])]
    shorts = [s for s in dict.fromkeys(shorts) if s][:2]
    joined = (", and " if "," in shorts[0] else " and ").join(shorts) if shorts else ""
    if shorts and level in ("self_care", "see_doctor"):
        parts.append(f"{KEY_STEPS} {joined}.")
    elif shorts and level == "urgent":  # help first, then what to do until then
        parts.append(f"{UNTIL_SEEN} {joined}.")
    watch = MAIN_WATCH.get(level, "")
    if watch:
        parts.append(watch)
    return " ".join(parts)


def picture_how(cause_id: str) -> str:
    """How to read and act on the cause's handout picture."""
    return PICTURE_HOW_BY_CAUSE.get(cause_id, PICTURE_HOW)


_NIGHT = re.compile(r"^Sleep (Mon|Tue|Wed|Thu|Fri|Sat|Sun) night \(hours\)$")


def told_lines(values) -> tuple[tuple[str, str], ...]:
    """What the patient told, shortened for paper: a drink's serving size dropped from its
    label ('Brewed coffee per day — 1 cup (8 oz / 237 mL)' -> 'Brewed coffee per day'), drinks
    of 0 a day and the units choice left out, a long choice cut to its name ('Fair grip'), and
    seven nights of sleep said once."""
    out: list[tuple[str, str]] = []
    nights: list[str] = []
    at = None  # where the nights stood
    for label, value in values:
        if _NIGHT.match(label):
            at = len(out) if at is None else at
            nights.append(value)
            continue
        short = label.split(" \u2014 ")[0]
        if short.endswith(" per day") and value.strip() == "0":
            continue
        if short == "Units":  # each value carries its unit
            continue
        if len(value) > 40 and ": " in value:  # 'Fair grip: Handles that are not ideal…'
            value = value.split(": ", 1)[0]
        out.append((short, value))
    if nights:
        if len(set(nights)) == 1:
            out.insert(at, ("Sleep each night (hours)", nights[0]))
        else:
            out.insert(at, ("Sleep, night by night (hours)", ", ".join(nights)))
    return tuple(out)


_DRINK = re.compile(r"^(?P<name>.+) per day \u2014 1 (?P<unit>[^(]+?) \((?P<size>[^/)]+)")
_FIRST_NUMBER = re.compile(r"^(?P<n>\d+(?:\.\d+)?)(?P<rest>[^(]*)")
STRESS_WORDS = {
    "Not at all": "You do not feel stressed.",
    "A little": "You feel a little stressed.",
    "Somewhat": "You feel somewhat stressed.",
    "A lot": "You feel a lot of stress.",
    "Extremely": "You feel extremely stressed.",
}


def _with_unit(value: str, unit: str) -> str:
    """'25 or less (a short move)', 'cm' -> '25 cm or less'; '40', 'cm' -> '40 cm'."""
    m = _FIRST_NUMBER.match(value.strip())
    if m is None:
        return value
    if unit == "in":  # '16 in' reads as a preposition: say inches
        unit = "inch" if m["n"] in ("1", "1.0") else "inches"
    return f"{m['n']} {unit}{m['rest'].rstrip()}".strip()


def _unit_of(label: str) -> str:
    """'Weight of the load (kg)' -> 'kg'."""
    m = re.search(r"\(([^)]+)\)\s*$", label)
    return m.group(1) if m else ""


def _plural(word: str, n: str) -> str:
    return word if n.strip() in ("1", "1.0") else f"{word}s"


def _usual_adult_label() -> str:
    """The sleep table's label for the usual adult band (AASM/SRS 18 to 60), as the age
    question offers it: the answer most patients give, so the handout does not repeat it."""
    from spasm_edu import facts

    return facts.table("stress_fatigue_sleep.csv")["adult_18_60"].label


def told_sentences(values) -> tuple[str, ...]:
    """What the patient told, as short sentences for paper ('You lift 20 kg about once a minute
    for most of the shift.', 'You are not pregnant.'), never raw form labels. A drink's cup or
    serving size is said once ('a cup is 8 oz'); an answer with no sentence of its own is said
    as 'label: value.'. Built on :func:`told_lines` (the same answers, the same shortening)."""
    raw = list(values)
    drinks = {}
    for label, value in raw:
        m = _DRINK.match(label)
        if m is not None and value.strip() != "0":
            drinks[label.split(" \u2014 ")[0]] = (m["name"], m["unit"].strip(), m["size"].strip())
    told = dict(told_lines(raw))
    out: list[str] = []
    used: set[str] = set()

    def take(label: str) -> str | None:
        if label in told:
            used.add(label)
            return told[label]
        return None

    def say(label: str, sentence: str) -> None:
        """The answer to ``label`` in ``sentence`` ('{}' is the answer), when it was given."""
        value = take(label)
        if value:
            out.append(sentence.format(value))

    # lifting: one sentence for how much, how often and how long
    load_label = next((k for k in told if k.startswith("Weight of the load")), None)
    load = take(load_label) if load_label else None
    if take("What you lift") == "A person":
        out.append("You lift or move a person.")
    often, long = take("How often you lift"), take("How long you lift each day")
    if load or often or long:
        parts = ["You lift"]
        parts.append(_with_unit(load, _unit_of(load_label)) if load else "loads")
        if often:
            parts.append(often[0].lower() + often[1:])
        if long:
            parts.append("for " + re.sub(r"\s*\(.*\)", "", long[0].lower() + long[1:]))
        out.append(" ".join(parts) + ".")
    h_label = next((k for k in told if k.startswith("How far your hands are")), None)
    v_label = next((k for k in told if k.startswith("Height of your hands")), None)
    h = take(h_label) if h_label else None
    v = take(v_label) if v_label else None
    if h or v:
        bits = []
        if h:
            bits.append(f"{_with_unit(h, _unit_of(h_label))} in front of your ankles")
        if v:
            up = _with_unit(v, _unit_of(v_label))
            bits.append("at the floor" if up.startswith("0 ") else f"{up} off the floor")
        out.append(f"Your hands start {' and '.join(bits)}.")
    d_label = next((k for k in told if k.startswith("How far the load moves")), None)
    d = take(d_label) if d_label else None
    if d:
        out.append(f"The load moves {_with_unit(d, _unit_of(d_label))} up or down.")
    a_label = next((k for k in told if k.startswith("How much you twist")), None)
    a = take(a_label) if a_label else None
    grip = take("Your grip")
    grip = f"a {grip.split()[0].lower()} grip" if grip else ""
    if a:
        twist = _with_unit(a, "degrees")
        said = "You do not twist" if twist.startswith("0 ") else f"You twist {twist}"
        out.append(f"{said}, with {grip}." if grip else f"{said}.")
    elif grip:
        out.append(f"You have {grip}.")
    # caffeine
    for short, (name, unit, size) in drinks.items():
        n = take(short)
        if n is not None:
            word = "cup" if unit == "cup" else "serving"
            out.append(
                f"You have {n} {_plural(word, n)} of {name.lower()} a day (a {word} is {size})."
            )
    pregnant = take("Are you pregnant?")
    if pregnant:
        out.append("You are pregnant." if pregnant == "Yes" else "You are not pregnant.")
    say("Last drink at", "Your last caffeine drink is at {}.")
    say("Bedtime", "You go to bed at {}.")
    # stress and sleep
    age = take("Your age")
    if age:
        years = age.removeprefix("Adults ")
        if age == _usual_adult_label():  # the usual adult answer says nothing new (CDC CCI 15)
            pass
        elif years.endswith(" and older"):
            out.append(f"You are {years.removesuffix(' and older')} or older.")
        else:
            out.append(f"You are {years} years old.")
    each = take("Sleep each night (hours)")
    if each:
        out.append(f"You sleep about {each} {_plural('hour', each)} a night.")
    say("Sleep, night by night (hours)", "You slept {} hours, night by night.")
    stress = take("How stressed do you feel?")
    if stress:
        out.append(STRESS_WORDS.get(stress, f"Stress: {stress}."))
    for label, value in told.items():  # anything else, as it was asked
        if label in used:
            continue
        if value == "Yes" and label.endswith("."):
            out.append(label)  # a ticked sentence: 'Cramps often wake you up at night.'
        elif value == "Yes":
            said = re.sub(r"\bI\b", "you", label[0].lower() + label[1:])
            out.append(f"You have {said}.")
        else:
            out.append(f"{label}: {value}{'' if value.endswith('.') else '.'}")
    return tuple(out)


def fit_self_care(
    what_to_do: str, source_ids, picked, level_advice: str, level_sources, advice
) -> tuple[str, tuple[str, ...]]:
    """The self-care level's "what to do" fitted to the picked causes: the level's general
    advice (``level_advice``, "Stretch the muscle gently. Rest it. …") is replaced by each
    picked cause's own line from data/self_care_advice.csv (``advice``: cause id -> row), each
    line once; anything after the level's advice (a ticked finding's own step) stays. With no
    picked cause in the file, nothing changes. Returns (what to do, source ids)."""
    rows = [advice[c] for c in dict.fromkeys(picked) if c in advice]
    if not rows or not what_to_do.startswith(level_advice):
        return what_to_do, tuple(source_ids)
    said = [x for r in rows for x in re.split(r"(?<=[.!?])\s+", r.advice.strip())]
    lines = list(dict.fromkeys(said))  # a sentence two causes share, once
    rest = what_to_do[len(level_advice) :].strip()
    text = " ".join([*lines, *([rest] if rest else [])])
    sources = [s for s in source_ids if s not in set(level_sources)]
    sources += [s for r in rows for s in r.source_ids]
    return text, tuple(dict.fromkeys(sources))
