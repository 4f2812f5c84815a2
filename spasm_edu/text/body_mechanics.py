"""Lifting wording for patients and for nursing students (Revised NIOSH Lifting Equation)."""

from __future__ import annotations

from spasm_edu import facts
from spasm_edu.models import body_mechanics as bm
from spasm_edu.models.body_mechanics import LiftResult, LiftSoFar
from spasm_edu.text import esc, limit_words, paragraph, student_box, weight_words


def weight(value: float, unit: str) -> str:
    """A weight for reading aloud in the patient's unit: 8.16 -> '8.2 kg', 23 -> '23 kg',
    16.7 lb -> '17 lb' (pounds whole)."""
    return weight_words(value, unit)


def _other_unit_limit(result: LiftResult) -> str:
    _, row = bm.patient_handling_limit(result.units)
    return f"{row.max_kg:g} kg" if result.mass_unit == "lb" else f"{row.max_lb:g} lb"


def costliest_sentence(result: LiftResult) -> str:
    """Plain words for the multiplier that cuts the limit most, and how to fix it."""
    if not result.costliest:
        return "Your body is in a good spot for this lift. Keep it that way."
    first = bm.multiplier_info(result.costliest[0])
    names = " and ".join(bm.multiplier_info(s).plain_name for s in result.costliest)
    return f"What lowers your limit most is {names}. {first.fix}"


def tips_html() -> str:
    items = "".join(f"<li>{esc(t.tip)}</li>" for t in facts.table(bm.TIPS))
    return f"<p><strong>Tips for safe lifting</strong></p><ul>{items}</ul>"


def scope_html() -> str:
    items = "".join(f"<li>{esc(r.patient_text)}</li>" for r in facts.table(bm.SCOPE))
    return f"<p>The lifting check has limits.</p><ul>{items}</ul>"


def _person_html(unit: str, limit: float, other: str, load: float | None) -> str:
    text = [
        paragraph(
            "You are lifting a person.",
            "The lifting check on this page is not made for that.",
            "People can move and shift their weight.",
        ),
        paragraph(
            f"For lifting a person, a safety expert advises a limit of about "
            f"<strong>{weight(limit, unit)}</strong> ({other}).",
            "Most adults weigh much more than that.",
        ),
    ]
    if load is not None and load > limit:
        text.append(
            paragraph(
                f"The weight you lift ({weight(load, unit)}) is over this limit.",
                "Do not lift it by hand. Use a lift device and trained helpers.",
            )
        )
    elif load is not None:
        text.append(
            paragraph(
                f"The weight you lift ({weight(load, unit)}) is under this limit.",
                "Still, use a lift device and a helper when you can.",
            )
        )
    return "".join(text) + scope_html()


def person_summary(result: LiftResult) -> str:
    return _person_html(
        result.mass_unit, result.patient_limit, _other_unit_limit(result), result.load
    )


def object_summary(result: LiftResult) -> str:
    unit = result.mass_unit
    if result.rwl == 0:
        first = paragraph(
            "This lift is too far out, too high or too twisted.",
            "Every load is over the limit when you lift this way.",
        )
    else:
        first = paragraph(
            f"For this lift, your recommended limit is about "
            f"<strong>{weight(result.rwl, unit)}</strong>.",
            f"Your load is {weight(result.load, unit)}.",
        )
    return "".join(
        [
            first,
            paragraph(esc(result.band_patient_text)),
            paragraph(esc(costliest_sentence(result))),
        ]
    )


def patient_summary(result: LiftResult) -> str:
    """Short, plain summary for a patient session, with the safe lifting tips."""
    main = person_summary(result) if result.lifting_a_person else object_summary(result)
    return main + tips_html()


# -- patient mode: plain questions and what was told so far ------------------------------------
# the rows of the NIOSH frequency table a patient chooses from (the table also lists 7, 8, 9,
# 11, 13 and 14 lifts a minute: the student mode's slider has them all)
FREQUENCY_ROWS = (
    "f0_2",
    "f0_5",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f10",
    "f12",
    "f15",
    "over_15",
)
RARELY = ("About once an hour or less", 1 / 60)  # counted in the table's lowest row
OVER_8_HOURS = "over8h"  # a choice, not a NIOSH duration: counted in the longest column


def _hours(h: float) -> str:
    return f"{h:g} hour" + ("" if h == 1 else "s")


def _often_words(row) -> tuple[str, float]:
    """A frequency-table row as a patient's choice: words and the lifts per minute it stands
    for ("About 3 times a minute", 3.0); the row above the table counts one lift more."""
    f = row.frequency_lifts_per_min
    if row.applies == "above":
        return f"More than {f:g} times a minute", f + 1
    if f < 1:
        return f"About once every {1 / f:g} minutes", f
    if f == 1:
        return "About once a minute", f
    if f == 2:
        return "About twice a minute", f
    words = f"About {f:g} times a minute"
    if f >= 6 and (60 / f).is_integer():
        words += f" (every {60 / f:g} seconds)"
    return words, f


def frequency_choices() -> list[tuple[str, float]]:
    """(words, lifts per minute) for the "how often" question: each is one row of the table."""
    rows = facts.table(bm.FREQUENCY)
    return [RARELY] + [_often_words(rows[row_id]) for row_id in FREQUENCY_ROWS]


def duration_label(row) -> str:
    """A duration column in NIOSH's words: '1 hour or less', 'more than 1 hour, up to 2 hours'."""
    if row.longer_than_h == 0:
        return f"{_hours(row.at_most_h)} or less"
    return f"more than {_hours(row.longer_than_h)}, up to {_hours(row.at_most_h)}"


def duration_choices() -> list[tuple[str, str]]:
    """(words, duration id) for the "how long" question, and one choice past the table."""
    rows = list(bm.durations().values())
    out = []
    for i, r in enumerate(rows):
        if r.longer_than_h == 0:
            words = f"Up to {_hours(r.at_most_h)} a day"
        elif i == len(rows) - 1:
            words = f"Most of the shift ({r.longer_than_h:g} to {_hours(r.at_most_h)})"
        else:
            words = f"{r.longer_than_h:g} to {_hours(r.at_most_h)} a day"
        out.append((words, r.duration_id))
    return out + [(f"More than {_hours(bm.longest_duration_h())} a day", OVER_8_HOURS)]


ASKED = {  # the questions the limit needs, in words
    "task": "What you lift",
    "h": "How far your hands are from your body",
    "v": "How high your hands are when you start",
    "d": "How far the load moves up or down",
    "a_deg": "How much you twist",
    "freq_per_min": "How often you lift",
    "duration": "How long you lift each day",
    "coupling": "How good your grip is",
}


def row_words(freq_per_min: float) -> str:
    """The row of the NIOSH frequency table a frequency is counted in, in words."""
    row = bm.frequency_row(freq_per_min)
    f = row.frequency_lifts_per_min
    if row.applies == "at_or_below":
        return f"once every {1 / f:g} minutes or less often"
    if row.applies == "above":
        return f"more than {f:g} lifts a minute"
    return "1 lift a minute" if f == 1 else f"{f:g} lifts a minute"


def frequency_note(freq_per_min: float) -> str:
    """Beside the "how often" box: the table row the choice is counted in."""
    note = f"Counted in the lifting table's row for {row_words(freq_per_min)}."
    lowest = next(r for r in facts.table(bm.FREQUENCY) if r.applies == "at_or_below")
    if freq_per_min < lowest.frequency_lifts_per_min:
        note += " The table has no row for less often."
    return note


def duration_note(choice: str) -> str | None:
    """Beside the "how long" box, when the choice is counted at the edge of the check."""
    if choice == OVER_8_HOURS:
        longest = list(bm.durations().values())[-1]
        return (
            f"The check is not made for more than {_hours(longest.at_most_h)} a day. It uses "
            f"the {longest.longer_than_h:g} to {_hours(longest.at_most_h)} row."
        )
    return None


def _how_often(r: LiftSoFar, over_8_hours: bool) -> str:
    often = next(w for w, f in frequency_choices() if abs(f - r.freq_per_min) < 1e-9)
    value = OVER_8_HOURS if over_8_hours else r.duration
    long = next(w for w, k in duration_choices() if k == value)
    return f"You lift {often.lower()}, for {long[:1].lower() + long[1:]}."


def so_far_summary(r: LiftSoFar, over_8_hours: bool = False) -> str:
    """Patient-mode summary: only what was told. The limit shows once every question it needs
    is answered, for the frequency and time chosen; the load is compared once it is told."""
    unit = r.mass_unit
    if r.task == "person":
        other = (
            f"{bm.patient_handling_limit('us')[0]:g} lb"
            if unit == "kg"
            else f"{bm.patient_handling_limit('metric')[0]:g} kg"
        )
        return _person_html(unit, r.patient_limit, other, r.load) + tips_html()
    if r.limit is None:
        if len(r.missing) == len(bm.LIFT_QUESTIONS) and r.load is None:
            head = paragraph("You have not told us about your lift yet.")
        else:
            head = ""
        items = "".join(f"<li>{esc(ASKED[q])}</li>" for q in r.missing)
        load = paragraph(f"Your load is {weight(r.load, unit)}.") if r.load is not None else ""
        return (
            head
            + "<p>To work out your limit for this lift, tell us:</p>"
            + f"<ul>{items}</ul>"
            + load
            + tips_html()
        )
    text = [paragraph(esc(_how_often(r, over_8_hours)))]
    if r.limit == 0:
        zeros = [k for k, m in r.multipliers.items() if m == 0]
        names = " and ".join(bm.multiplier_info(k).plain_name for k in zeros)
        text.append(
            paragraph(
                "Every load is over the limit when you lift this way.",
                f"The problem is {esc(names)}.",
            )
        )
    else:
        text.append(
            paragraph(
                f"For this lift, your recommended limit is about "
                f"<strong>{weight(r.limit, unit)}</strong>."
            )
        )
    if r.lift is not None:
        text.append(
            paragraph(f"Your load is {weight(r.load, unit)}.", esc(r.lift.band_patient_text))
        )
    else:
        text.append(paragraph("Choose the weight of the load to compare it with the limit."))
    if r.limit > 0:
        text.append(paragraph(esc(costliest_sentence(r))))
    if over_8_hours:
        longest = _hours(bm.longest_duration_h())
        text.append(paragraph(f"This check is not made for more than {longest} of lifting a day."))
    return "".join(text) + tips_html()


def _number(x: float, digits: int = 3) -> str:
    return f"{x:.{digits}f}"


def student_summary(result: LiftResult) -> str:
    """The patient summary plus the equation, each multiplier and the rules applied."""
    c = bm.constants(result.units)
    mu, lu = result.mass_unit, result.length_unit
    factors = " × ".join(f"{k} {_number(v)}" for k, v in result.multipliers.items())
    li = (
        f"{_number(result.load, 2)} ÷ {_number(result.rwl, 2)} = {_number(result.li, 2)}"
        if result.li_is_finite
        else "infinite: the RWL is 0, so no load is recommended"
    )
    rows = [
        f"<li>RWL = LC {result.load_constant:g} {mu} × {factors} = "
        f"<strong>{_number(result.rwl, 2)} {mu}</strong>.</li>",
        f"<li>LI = load ÷ RWL = {li}. NIOSH band: {esc(result.band_student_text)}</li>",
    ]
    table = "".join(
        f"<tr><td>{k}</td><td>{esc(bm.multiplier_info(k).factor)}</td><td>{_number(v)}</td>"
        f"<td>{'costs most' if k in result.costliest else ''}</td></tr>"
        for k, v in result.multipliers.items()
    )
    notes = []
    if result.h < result.h_used:
        notes.append(
            f"H {result.h:g} {lu} is below {c.h_reference:g} {lu}, so H = {c.h_reference:g} (HM = 1)."
        )
    if result.d < result.d_used:
        notes.append(
            f"D {result.d:g} {lu} is below {c.d_reference:g} {lu}, so D = {c.d_reference:g} (DM = 1)."
        )
    cutoffs = {
        "HM": f"H is over {c.h_max:g} {lu}",
        "VM": f"V is over {c.v_max:g} {lu}",
        "DM": f"D is over {c.d_max:g} {lu}",
        "AM": f"A is over {c.a_max_deg:g}°",
        "FM": "this frequency-table cell is 0",
    }
    for k in result.zero_multipliers:
        notes.append(f"{k} = 0 because {cutoffs[k]}.")
    side = "at or above" if result.v >= c.v_split else "below"
    notes.append(
        f"FM and CM use the column for hands starting {side} {c.v_split:g} {lu} "
        f"(V = {result.v:g} {lu}); duration: {esc(duration_label(bm.durations()[result.duration]))}."
    )
    if result.lifting_a_person:
        scope = "; ".join(r.situation.lower() for r in facts.table(bm.SCOPE))
        notes.append(f"The equation does not apply to: {esc(scope)}.")
        notes.append(
            "Lifting a person: the equation does not apply (people are unstable loads). "
            f"Waters (2007) gives about {result.patient_limit:g} {mu} as the limit for most "
            "patient-handling tasks; use assistive devices above it. The RWL above is for "
            "teaching only."
        )
    body = (
        "<ul>" + "".join(rows) + "</ul>"
        "<table><thead><tr><th>Multiplier</th><th>What it measures</th><th>Value</th>"
        f"<th>Note</th></tr></thead><tbody>{table}</tbody></table>"
        "<ul>" + "".join(f"<li>{n}</li>" for n in notes) + "</ul>"
        f"<p>Sources: {', '.join(f'<code>{s}</code>' for s in result.source_ids)}.</p>"
    )
    return patient_summary(result) + student_box("the lifting equation", body)


OVER_EVEN_BETTER = (
    "Even lifted this way, close and with no twist, {load} is more than your limit of {limit}."
)


def split_tip():
    """The data/body_mechanics_tips.csv row on what to do with a load over the limit (split
    it, a helper, a cart or hoist: HSE INDG143, CCOHS)."""
    return facts.table(bm.TIPS)["help"]


def handout_actions(result: LiftResult) -> tuple:
    """The handout's lines: the recommended limit (NIOSH's term: never "safe") for the lift the
    patient showed, its fix, and, when even the better lift is over the limit, that plainly
    with what to do instead (split the load, a helper, a cart or hoist)."""
    from spasm_edu.text.handout import Action

    unit = result.mass_unit
    src = tuple(result.source_ids)
    if result.lifting_a_person:
        return (
            Action(
                f"To move a person, use a lift device and a helper. By hand, lift no more "
                f"than about {weight(result.patient_limit, unit)}.",
                src,
            ),
        )
    short = "lift close to your body and do not twist"
    if result.rwl == 0:
        first = "No load is under the limit the way you lift now. Change how you lift."
    else:
        short = f"keep loads under about {limit_words(result.rwl, unit)}, close to your body"
        over = "over" if result.li > 1 else "under"
        first = (
            f"For the lift you showed us, keep loads under about {limit_words(result.rwl, unit)}. "
            f"Your load is {weight(result.load, unit)}. That is {over} the limit."
        )
    lines = [Action(first, src, short=short), Action(costliest_sentence(result), src)]
    better = bm.better_lift(result)
    if better is not None and better.li > 1:
        tip = split_tip()
        said = OVER_EVEN_BETTER.format(
            load=weight(result.load, unit), limit=weight(better.rwl, unit)
        )
        lines.append(Action(f"{said} {tip.tip}", tuple(dict.fromkeys((*src, *tip.source_ids)))))
    return tuple(lines)
