"""Pregnancy and after-birth wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu import facts
from spasm_edu.factref import say
from spasm_edu.models.pregnancy import CommonThing, Stage
from spasm_edu.text import amount, esc, paragraph, student_box
from spasm_edu.text.caffeine import half_life_phrase, limit_sentence


def in_100(percent: float) -> str:
    """33.1 -> 'about 33 in 100' (easier to read aloud than a decimal percent)."""
    return f"about {percent:.0f} in 100"


def common_item(item: CommonThing) -> str:
    text = esc(item.plain)
    if item.percent_low is None:
        return f"<li><strong>{esc(item.label)}.</strong> {text}</li>"
    if item.item_id.startswith("belly_gap"):
        return f"<li><strong>{esc(item.label)}.</strong> {text}</li>"
    if item.percent_low == item.percent_high:
        share = f"It affects {in_100(item.percent_low)} women."
    elif item.confidence == "low":
        share = (
            f"It is said to affect {item.percent_low:.0f} to {item.percent_high:.0f} in 100 women."
        )
    else:
        share = f"It affects about {item.percent_low:.0f} to {item.percent_high:.0f} in 100 women."
    if item.confidence == "low":
        share += " This number is not well measured."
    return f"<li><strong>{esc(item.label)}.</strong> {text} {share}</li>"


def gap_sentences(s: Stage) -> list[str]:
    g = s.nearest_gap
    if g is None:
        return [
            "A gap in the belly muscles is not measured this early.",
            f"One study first checked at {say('pregnancy_diastasis.csv:gestation_21w:weeks_pregnant')}.",
        ]
    out = [
        f"In one study of {g.women_studied} first-time mothers, "
        f"{in_100(g.percent)} had a belly gap at {esc(g.label)}."
    ]
    if s.gap_beyond_study:
        rows = facts.table("pregnancy_diastasis.csv")
        last = max(rows, key=lambda r: r.weeks_after_birth or 0)  # '12 months after birth'

        out.append(f"The study stopped at {esc(last.timepoint_label.split(' after')[0])}.")
    out.append("The gap was not linked to back or pelvic pain.")
    return out


def caffeine_sentences(s: Stage) -> list[str]:
    day = s.caffeine_day
    if day is None:
        return ["You have not said which drinks with caffeine you had today."]
    some = "From the drinks you told us about, you" if s.drinks_not_told else "Today you"
    out = [f"{some} had about <strong>{amount(day.total_mg, 'mg')}</strong> of caffeine."]
    if s.phase == "pregnant":
        out.append(esc(limit_sentence(day)))
        out.append("In pregnancy, caffeine stays in your body more than twice as long.")
    else:
        out.append(esc(limit_sentence(day)))
        if s.breastfeeding:
            out.append("Our sources give no special limit for breastfeeding.")
            out.append("Ask your midwife or doctor.")
    return out


def fluid_sentences(s: Stage) -> list[str]:
    out = []
    if s.drinks_l is None:
        out.append("You have not said how much you drank today.")
    else:
        out.append(f"You drank about {amount(s.drinks_l * 1000, 'mL')} today.")
    if s.needs is None:
        out.append("Say if you are breastfeeding to see how much you need.")
        return out
    need_ml = s.needs.drinks_l_per_day * 1000
    out.append(f"You need about {amount(need_ml, 'mL')} a day from drinks.")
    if s.drinks_short_l is None:
        return out
    if s.drinks_short_l > 0:
        out.append(f"Try to drink about {amount(s.drinks_short_l * 1000, 'mL')} more.")
    else:
        out.append("That is enough.")
    return out


def potassium_sentences(s: Stage) -> list[str]:
    if s.needs is None:
        return ["Beans, potatoes, bananas, yogurt and spinach have a lot of potassium."]
    need = amount(s.needs.potassium_mg_per_day, "mg", exact=True)
    out = [f"You need about {need} of potassium a day."]
    if s.potassium_mg is not None:
        out.append(f"You ate about {amount(s.potassium_mg, 'mg')} today.")
        if s.potassium_short_mg:
            out.append(f"That is about {amount(s.potassium_short_mg, 'mg')} short.")
        else:
            out.append("That meets the need.")
    out.append("Beans, potatoes, bananas, yogurt and spinach have a lot of it.")
    return out


CALF = paragraph(
    "One swollen, warm or red calf is not a cramp.",
    "Get medical help the same day.",
)


def no_stage_summary(asked: str) -> str:
    """Patient mode before the stage is told: nothing is said about the person yet.
    ``asked`` is the question still open, in words."""
    return paragraph(f"You have not said {esc(asked)} yet.") + CALF


def patient_summary(s: Stage) -> str:
    """Short, plain summary for a patient session."""
    items = "".join(common_item(c) for c in s.common)
    return "".join(
        [
            paragraph(f"At <strong>{esc(s.stage_label)}</strong>, these things are common:"),
            f"<ul>{items}</ul>" if items else "",
            paragraph(*gap_sentences(s)),
            paragraph(*caffeine_sentences(s)),
            paragraph(*fluid_sentences(s)),
            paragraph(*potassium_sentences(s)),
            CALF,
        ]
    )


def student_summary(s: Stage) -> str:
    """The patient summary plus the numbers, their sources and their limits."""
    day = s.caffeine_day
    rows = []
    for c in s.common:
        if c.percent_low is not None:
            rng = (
                f"{c.percent_low:g}%"
                if c.percent_low == c.percent_high
                else f"{c.percent_low:g}-{c.percent_high:g}%"
            )
            rows.append(
                f"<li>{esc(c.label)}: {rng} (confidence: {c.confidence}; "
                f"<code>{esc(c.source_id)}</code>).</li>"
            )
    rows.append(
        f"<li>Belly gap (Sperstad 2016, n = {s.gap_points[0].women_studied} first-time mothers): "
        + "; ".join(f"{esc(p.label)} {p.percent:g}%" for p in s.gap_points)
        + f". Measured at these {len(s.gap_points)} times only; not linked to lumbopelvic "
        "pain.</li>"
    )
    limit = day.limit
    share = 100 * s.needs.drinks_l_per_day / s.needs.total_water_l_per_day
    rows.append(
        f"<li>Caffeine: {amount(day.total_mg, 'mg')} against {esc(limit.label.lower())} "
        f"{amount(limit.mg_per_day, 'mg', exact=True)}/day (<code>{limit.source_id}</code>); "
        f"half-life used {half_life_phrase(day)}.</li>"
    )
    rows.append(
        f"<li>Needs ({esc(s.needs.label.lower())}): potassium "
        f"{s.needs.potassium_mg_per_day:,.0f} mg/day (AI; women not pregnant "
        f"{s.women_needs.potassium_mg_per_day:,.0f}); total water "
        f"{s.needs.total_water_l_per_day:g} L/day, of which about {share:.0f}% from drinks = "
        f"{s.needs.drinks_l_per_day:.1f} L (<code>{esc(s.needs.source_id)}</code>).</li>"
    )
    note = (
        "<p>The potassium figures are Adequate Intakes: no upper limit is set for potassium "
        "from food. The drinks share of water is an average (IOM 2004)."
        "</p>"
    )
    return patient_summary(s) + student_box("the numbers", "<ul>" + "".join(rows) + "</ul>" + note)
