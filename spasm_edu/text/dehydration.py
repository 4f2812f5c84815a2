"""Dehydration wording for patients and for nursing students."""

from __future__ import annotations

from collections.abc import Sequence

from spasm_edu.factref import say
from spasm_edu.models.dehydration import FluidDay, HydrationCheck, SignsCheck, WeighIn
from spasm_edu.text import amount, esc, paragraph, student_box

APPROXIMATE = "approximate for adults: WHO's diarrhoea scheme, written mainly for children"
BAND_WORDS = {
    "below_typical": "below the typical range",
    "typical": "within the typical range",
    "above_typical": "above the typical range",
    "very_high": "very high (above {})",
}


def band_words(band: str) -> str:
    """'very high (above 3 L/h)': the number read from data/dehydration_reference.csv."""
    return BAND_WORDS[band].format(say("dehydration_reference.csv:sweat_rate_very_high:value"))


def litres(value: float) -> str:
    return amount(abs(value), "L")


def signs_paragraphs(signs: SignsCheck) -> list[str]:
    if not signs.ticked:
        return []
    urgent = signs.urgent
    if signs.level == "emergency":
        return [
            paragraph(
                "<strong>A seizure is an emergency.</strong>",
                "Call 911 or your local emergency number now.",
            )
        ]
    if urgent:
        names = ", ".join(s.label.lower() for s in urgent)
        return [
            paragraph(
                f"<strong>You checked a sign that needs help today:</strong> {esc(names)}.",
                "Get medical help today. Tell your nurse now.",
            )
        ]
    names = ", ".join(s.label.lower() for s in signs.ticked)
    return [
        paragraph(
            f"You checked: {esc(names)}.",
            "These can be signs that your body needs more fluid.",
            "Drink some water and see if they go away.",
        )
    ]


def day_paragraphs(day: FluidDay) -> list[str]:
    text = [
        paragraph(
            f"You drank about <strong>{litres(day.drinks_l)}</strong> today.",
            f"Food gives you about {litres(day.food_l)} more.",
        ),
        paragraph(f"On a normal day your body needs about {litres(day.baseline_l)}."),
    ]
    if day.sweat_l > 0:
        text.append(
            paragraph(
                f"Your {day.exercise_min:.0f} minutes of exercise can add about "
                f"{litres(day.sweat_l)} of sweat."
            )
        )
    if day.balance_l < -0.05:
        text.append(
            paragraph(
                f"So you may be about <strong>{litres(day.balance_l)} short</strong>.",
                "Try to drink a bit more, most of all when you sweat.",
            )
        )
    else:
        text.append(paragraph("That looks like enough fluid for this day."))
    return text


def weigh_paragraphs(weigh: WeighIn) -> list[str]:
    if weigh.gained_weight:
        return [
            paragraph(
                "<strong>Your weight went up while you worked out.</strong>",
                "This means you drank more than you sweated.",
                "Drinking too much can be harmful.",
                "It can make the salt in your blood too low.",
            )
        ]
    text = [
        paragraph(
            f"You lost {amount(-weigh.mass_change_kg, 'kg')} while you worked out.",
            f"That is {weigh.loss_percent:.1f}% of your weight.",
        )
    ]
    limit = f"{weigh.acsm_limit_percent:g}%"
    if weigh.over_acsm_limit:
        text.append(
            paragraph(
                f"That is more than {limit}. Try to lose less next time.",
                "Drink during exercise to make up some of the sweat.",
            )
        )
    else:
        text.append(paragraph(f"That is not more than {limit}. That is fine for exercise."))
    return text


def missing_paragraph(missing: Sequence[str]) -> str:
    """What is still needed to compare fluid in and out (patient mode, nothing assumed)."""
    if not missing:
        return ""
    items = "".join(f"<li>{esc(m[:1].upper() + m[1:])}</li>" for m in missing)
    return f"<p>To see if you drink enough, tell us:</p><ul>{items}</ul>"


def patient_summary(result: HydrationCheck, missing: Sequence[str] = ()) -> str:
    """Short, plain summary for a patient session. ``missing``: the questions not answered
    yet, in words ("how much you drank today"); the day is compared only once it is told."""
    day = day_paragraphs(result.day) if result.day else [missing_paragraph(missing)]
    parts = signs_paragraphs(result.signs) + day
    if result.weigh_in is not None:
        parts += weigh_paragraphs(result.weigh_in)
    return "".join(parts)


def student_summary(result: HydrationCheck) -> str:
    """The patient summary plus the arithmetic and references a nursing student needs."""
    day = result.day
    drinks_ai = (
        f"; of it about {day.drinks_ai_l:g} L from drinks" if day.drinks_ai_l is not None else ""
    )
    rows = [
        f"<li>Fluid in = drinks {day.drinks_l:.2f} L + food {day.food_share_percent:g}% × "
        f"{day.baseline_l:g} L = {day.food_l:.2f} L → <strong>{day.fluid_in_l:.2f} L</strong>.</li>",
        f"<li>Fluid out = baseline {day.baseline_l:g} L (IOM adequate intake of total water for "
        f"{esc(day.group_label.lower())}{drinks_ai}) + sweat {day.exercise_min:.0f} min ÷ 60 × "
        f"{day.sweat_rate_l_h:g} L/h = {day.sweat_l:.2f} L → "
        f"<strong>{day.fluid_out_l:.2f} L</strong>.</li>",
        f"<li>Balance = in − out = <strong>{day.balance_l:+.2f} L</strong>.</li>",
        f"<li>Sweat rate {day.sweat_rate_l_h:g} L/h is {band_words(day.sweat_rate_band)} "
        f"(typically {day.typical_sweat_low_l_h:g}–{day.typical_sweat_high_l_h:g} L/h; "
        "individuals vary widely; <code>acsm_2007</code>).</li>",
    ]
    weigh = result.weigh_in
    if weigh is not None:
        band = (
            f"approximate band: <strong>{esc(weigh.band.label)}</strong> "
            f"({esc(weigh.band.published_range)}; {APPROXIMATE})"
            if weigh.band
            else "no body-mass loss, so no dehydration band"
        )
        rows += [
            f"<li>Weigh-in: sweat = pre {weigh.pre_kg:g} kg − post {weigh.post_kg:g} kg + "
            f"drunk {weigh.fluid_drunk_l:g} L − urine {weigh.urine_l:g} L = "
            f"<strong>{weigh.sweat_l:.2f} L</strong> (1 L of sweat ≈ "
            f"{say('dehydration_reference.csv:kg_per_litre_sweat:value', unit='kg')}); rate = "
            f"{weigh.sweat_l:.2f} L ÷ {weigh.hours:g} h = "
            f"<strong>{weigh.sweat_rate_l_h:.2f} L/h</strong> "
            f"({band_words(weigh.sweat_rate_band)}).</li>",
            f"<li>Body-mass change {weigh.mass_change_kg:+.2f} kg = "
            f"{-weigh.loss_percent:+.2f}% of pre-exercise mass; ACSM limit for exercise: lose no "
            f"more than {weigh.acsm_limit_percent:g}% "
            f"({'over' if weigh.over_acsm_limit else 'within'} it); {band}.</li>",
        ]
        if weigh.gained_weight:
            rows.append(
                "<li>Weight gain during exercise means more was drunk than sweated: ACSM warns "
                "this risks exercise-associated hyponatraemia.</li>"
            )
    method = (
        "<p>Teaching estimate: the adequate intake already allows for everyday activity, so "
        "using it as the everyday loss and adding exercise sweat on top is an approximation, "
        "not a measured balance. Thirst, urine colour and weighing before and after exercise "
        "are the practical checks.</p>"
    )
    return patient_summary(result) + student_box(
        "the numbers", "<ul>" + "".join(rows) + "</ul>" + method
    )
