"""Caffeine wording for patients and for nursing students."""

from __future__ import annotations

from spasm_edu.factref import say
from spasm_edu.models.caffeine import CaffeineDay, Intake
from spasm_edu.text import amount, clock, esc, paragraph, student_box


def drinks_phrase(day: CaffeineDay) -> str:
    parts = [f"{s.count} × {s.label.lower()}" for s in day.servings if s.count]
    return ", ".join(parts) if parts else "no drinks with caffeine"


def limit_sentence(day: CaffeineDay) -> str:
    limit = day.limit
    if limit is None:
        youngest = say("caffeine_limits.csv:child_4_6:age_min_years", unit="none")
        return (
            f"There is no set safe amount for children under {youngest}. "
            "It is best to avoid caffeine."
        )
    if limit.mg_per_day is None:
        return (
            f"The limit for {limit.label.lower()} depends on body weight: "
            f"{amount(limit.mg_per_kg_per_day, 'mg', exact=True)} for each kg. Add your weight to see it."
        )
    compare = "over" if day.over_limit else "under"
    if day.total_mg == limit.mg_per_day:
        compare = "right at"
    return (
        f"The daily limit for {limit.label.lower()} is {amount(limit.mg_per_day, 'mg', exact=True)}. "
        f"You are {compare} this limit."
    )


def patient_summary(day: CaffeineDay) -> str:
    """Short, plain summary for a patient session."""
    if day.total_mg == 0:
        return paragraph(
            "You chose no drinks with caffeine.",
            "Caffeine is not likely to be behind your twitches.",
        )
    text = [
        paragraph(
            f"You get about <strong>{amount(day.total_mg, 'mg')}</strong> of caffeine a day."
        ),
        paragraph(esc(limit_sentence(day))),
        paragraph(
            f"At bedtime ({clock(day.bedtime_h)}), about "
            f"<strong>{amount(day.at_bedtime_mg, 'mg')}</strong> is still in your body.",
            "Caffeine late in the day can make sleep harder.",
            esc(last_caffeine_sentence(day.bedtime_h)),
        ),
    ]
    if day.over_limit:
        text.append(cut_down_paragraph())
    return "".join(text)


def cut_down_paragraph() -> str:
    """Over the limit: why and how to cut down (one place for the screen's two summaries)."""
    return paragraph(
        "Too much caffeine can make muscles twitch.",
        "Try to cut down slowly.",
        "Stopping all at once can give you headaches.",
    )


def intake_summary(told: Intake) -> str:
    """Patient-mode summary of what was told so far: nothing is said about a question that
    has not been answered."""
    if told.total_mg is None:
        return paragraph(
            "You have not said what you drink yet.",
            "Choose how many of each drink you have in a day.",
        )
    some = "From the drinks you told us about, you" if told.not_told else "You"
    if told.total_mg == 0 and not told.not_told:
        return paragraph(
            "You chose no drinks with caffeine.",
            "Caffeine is not likely to be behind your twitches.",
        )
    if told.total_mg == 0:  # some drinks told, none with caffeine, others not told yet
        return paragraph("The drinks you told us about have no caffeine.")
    text = [
        paragraph(
            f"{some} get about <strong>{amount(told.total_mg, 'mg')}</strong> of caffeine a day."
        )
    ]
    if told.pregnant is None:
        adult, pregnant = told.limits
        over = ""
        if told.total_mg > adult.mg_per_day:
            over = "You are over both limits."
        elif told.total_mg > pregnant.mg_per_day:
            over = "You are over the limit for pregnancy."
        text.append(
            paragraph(
                f"The daily limit is {amount(adult.mg_per_day, 'mg', exact=True)} for healthy "
                f"adults and {amount(pregnant.mg_per_day, 'mg', exact=True)} in pregnancy.",
                *([over] if over else []),
                "You have not said if you are pregnant.",
            )
        )
    else:
        (limit,) = told.limits
        compare = "over" if told.over_limit else "under"
        if told.total_mg == limit.mg_per_day:
            compare = "right at"
        text.append(
            paragraph(
                f"The daily limit for {esc(limit.label.lower())} is "
                f"{amount(limit.mg_per_day, 'mg', exact=True)}. You are {compare} this limit."
            )
        )
    day = told.day
    if day is not None:
        text.append(
            paragraph(
                f"At bedtime ({clock(day.bedtime_h)}), about "
                f"<strong>{amount(day.at_bedtime_mg, 'mg')}</strong> is still in your body.",
                "Caffeine late in the day can make sleep harder.",
                esc(last_caffeine_sentence(day.bedtime_h)),
            )
        )
    elif told.total_mg > 0:
        still = [
            words
            for words, value in (
                ("when you have your last drink", told.last_drink_h),
                ("when you go to bed", told.bedtime_h),
                ("if you are pregnant", told.pregnant),
            )
            if value is None
        ]
        asked = " and ".join([", ".join(still[:-1]), still[-1]] if len(still) > 1 else still)
        text.append(paragraph(f"To see how much is left at bedtime, tell us {asked}."))
    if told.over_limit or (told.pregnant is None and told.total_mg > told.limits[0].mg_per_day):
        text.append(cut_down_paragraph())
    return "".join(text)


def half_life_phrase(day: CaffeineDay) -> str:
    """'3.4 h (healthy adult, source <code>knutti_1981</code>)'; a relative half-life shows
    its within-study ratio: '5.0 h (taking birth-control pills: 7.88 h ÷ 5.37 h = 1.47 × the
    healthy-adult mean 3.4 h, ...)'."""
    h = day.half_life
    codes = ", ".join(f"<code>{esc(s)}</code>" for s in day.half_life_source_ids)
    label = esc(day.half_life_label.lower())
    if h.ratio is None:
        return f"{day.half_life_h:.1f} h ({label}, source {codes})"
    base = day.half_life_h / h.ratio
    return (
        f"{day.half_life_h:.1f} h ({label}: {h.study_h:g} h ÷ {h.study_control_h:g} h = "
        f"{h.ratio:.2f} × the healthy-adult mean {base:.1f} h; the ratio was measured inside "
        f"one study; sources {codes})"
    )


def student_summary(day: CaffeineDay) -> str:
    """The patient summary plus the numbers and method a nursing student needs."""
    limit = day.limit
    rows = [
        f"<li>Drinks: {esc(drinks_phrase(day))} → total {amount(day.total_mg, 'mg')}.</li>",
    ]
    if limit and limit.mg_per_day:
        rows.append(
            f"<li>Limit used: {esc(limit.label)} — {amount(limit.mg_per_day, 'mg')}/day"
            f" ({day.percent_of_limit:.0f}% of it), source <code>{limit.source_id}</code>.</li>"
        )
    if day.mg_per_kg is not None:
        rows.append(f"<li>Per body mass: {day.mg_per_kg:.1f} mg/kg/day.</li>")
    rows.append(
        f"<li>Half-life: {half_life_phrase(day)}. Amount left = dose × 0.5<sup>(hours since "
        f"drink ÷ {day.half_life_h:.1f})</sup>.</li>"
    )
    rows.append(
        f"<li>Peak in the body: {amount(day.peak_mg, 'mg')}; at bedtime "
        f"({clock(day.bedtime_h)}): {amount(day.at_bedtime_mg, 'mg')}.</li>"
    )
    rows.append(
        f"<li>About {amount(day.toxic_rapid_mg, 'mg')} taken quickly can cause toxic "
        "effects such as seizures (FDA).</li>"
    )
    method = (
        "<p>Model: drinks spread evenly from first to last drink, each absorbed at once, "
        "then first-order elimination. Real absorption takes a while: about "
        f"{say('caffeine_absorption.csv:oral_dose:percent_absorbed')} of a dose is absorbed "
        f"within {say('caffeine_absorption.csv:oral_dose:within_min')} "
        "(<code>iom_caffeine_2001</code>).</p>"
    )
    return patient_summary(day) + student_box(
        "the numbers", "<ul>" + "".join(rows) + "</ul>" + method
    )


def servings_words(n: int, drink_id: str) -> str:
    """'4 cups of brewed coffee', '1 shot of espresso' (the serving from caffeine_drinks.csv)."""
    from spasm_edu import facts
    from spasm_edu.models import caffeine

    row = facts.table(caffeine.DRINKS)[drink_id]
    unit = row.serving.split(" (")[0].split(" ", 1)[1]  # '1 cup (8 oz)' -> 'cup'
    return f"{n} {unit if n == 1 else unit + 's'} of {row.label.lower()}"


def share_words(servings: float, drink_id: str) -> str:
    """An amount as a share of one serving: 0.54 -> 'half a cup of brewed coffee'."""
    from spasm_edu import facts
    from spasm_edu.models import caffeine

    row = facts.table(caffeine.DRINKS)[drink_id]
    unit = row.serving.split(" (")[0].split(" ", 1)[1]
    what = f"{unit} of {row.label.lower()}"
    if servings < 0.2:
        return f"a few sips of a {what}"
    if servings < 0.4:
        return f"a third of a {what}"
    if servings < 0.65:
        return f"half a {what}"
    if servings < 0.9:
        return f"most of a {what}"
    return servings_words(max(1, round(servings)), drink_id)


# What a daily limit is about, in one sentence (the limit's source, data/caffeine_limits.csv
# `where`): FDA "an amount not generally associated with dangerous, negative effects" for most
# healthy adults; ACOG: under 200 mg "does not appear to be a major contributing factor in
# miscarriage or preterm birth". Neither is a limit for twitching.
LIMIT_MEANS = {
    "adult": "The FDA says this much is not generally linked with harmful effects in most "
    "healthy adults.",
    "pregnant": "Less than this does not seem to raise the risk of losing the baby or an early "
    "birth.",
}
ALREADY_ON_TIME = "Your last drink at {last} already does this."


def over_limit_risk(limit_id: str) -> str:
    """What going over the limit can do (data/handout_risks.csv row ``caffeine_<limit_id>``,
    FDA), or '' when no row says it (or the file cannot be read)."""
    from spasm_edu import facts

    try:
        row = facts.table("handout_risks.csv").by_id.get(f"caffeine_{limit_id}")
    except Exception:
        return ""
    return row.text if row is not None else ""


def _limit_line(limit, cups: str, total_mg: float, over: bool) -> str:
    now = "That is over the limit." if over else "That is under the limit."
    if over:  # name the harm, not only "over the limit" (CDC CCI item 18)
        now = " ".join(x for x in (now, over_limit_risk(limit.limit_id)) if x)
    means = LIMIT_MEANS.get(limit.limit_id, "")
    return " ".join(
        x
        for x in (
            f"Aim for under {amount(limit.mg_per_day, 'mg', exact=True)} (milligrams) of "
            "caffeine a day.",
            means,
            f"For you, that is about {cups}.",
            f"Now you have about {amount(total_mg, 'mg')} a day. {now}",
        )
        if x
    )


def handout_actions(day) -> tuple:
    """The handout's lines: the limit as this patient's own drink, and the bedtime amount.

    ``day``: a :class:`CaffeineDay`, or a patient's :class:`~spasm_edu.models.caffeine.Intake`
    (what was told so far: the limit line once a drink and pregnancy are told, the bedtime
    line once the times are told too)."""
    from spasm_edu import facts
    from spasm_edu.models import caffeine
    from spasm_edu.text.handout import Action

    if isinstance(day, caffeine.Intake):
        told = day
        if told.total_mg is None or told.pregnant is None or len(told.limits) != 1:
            return ()  # not enough told for a target that is this patient's
        if told.day is not None:
            return handout_actions(told.day)
        limit, drink = told.limits[0], caffeine.main_drink(told)
        if not limit.mg_per_day or drink is None:
            return ()
        n = caffeine.servings_under_limit(limit.mg_per_day, drink.drink_id)
        timing = caffeine.last_caffeine_by(told.bedtime_h)
        tips = facts.table("self_care_tips.csv").by_id
        slow = tips.get("caffeine_slow") if told.over_limit else None
        return (
            Action(
                _limit_line(
                    limit, servings_words(n, drink.drink_id), told.total_mg, told.over_limit
                ),
                (limit.source_id, facts.table(caffeine.DRINKS)[drink.drink_id].source_id),
            ),
            *([Action(slow.tip, tuple(slow.source_ids))] if slow is not None else []),
            Action(last_caffeine_sentence(told.bedtime_h), timing.source_ids),
        )
    lines = []
    limit, drink = day.limit, caffeine.main_drink(day)
    n = None
    if limit is not None and limit.mg_per_day and drink is not None:
        n = caffeine.servings_under_limit(limit.mg_per_day, drink.drink_id)
        cups = servings_words(n, drink.drink_id)
        lines.append(
            Action(
                _limit_line(limit, cups, day.total_mg, day.over_limit),
                (limit.source_id, facts.table(caffeine.DRINKS)[drink.drink_id].source_id),
                short=f"have no more than {cups} a day",
            )
        )
    tips = facts.table("self_care_tips.csv")
    if day.over_limit and "caffeine_slow" in tips.by_id:  # over the limit: how to come down
        slow = tips["caffeine_slow"]
        if n is not None and drink is not None and drink.count > n:
            # Mayo Clinic: "Cut back little by little … one fewer can … or a smaller cup … each
            # day"; the target is this patient's own cups under the limit
            unit = servings_words(1, drink.drink_id).split(" of ")[0].split(" ", 1)[1]
            lines.append(
                Action(
                    f"Cut down little by little: have one {unit} less, or a smaller {unit}, "
                    f"each day until you are at {servings_words(n, drink.drink_id)}. "
                    "Stopping at once can give you headaches.",
                    (*slow.source_ids, "mayo_caffeine_too_much"),
                )
            )
        else:
            lines.append(Action(slow.tip, tuple(slow.source_ids)))
    if day.total_mg and drink is not None:
        stop = caffeine.last_caffeine_by(day.bedtime_h)
        keep = day.last_drink_h <= stop.by_h
        said = [
            f"{'Keep' if keep else 'Have'} your last caffeine by {clock(stop.by_h)}: at least "
            f"{stop.hours_before_bed:g} hours before your bedtime ({clock(day.bedtime_h)})."
        ]
        sources = list(stop.source_ids)
        if keep:  # the time already meets the rule: a verdict, not a number with no meaning
            said.append(ALREADY_ON_TIME.format(last=clock(day.last_drink_h)))
        elif day.at_bedtime_mg >= 1:  # too late: what is left at bedtime, as a drink
            like = share_words(day.at_bedtime_mg / (drink.mg / drink.count), drink.drink_id)
            said.append(
                f"With your last drink at {clock(day.last_drink_h)}, about "
                f"{amount(day.at_bedtime_mg, 'mg')} is still in your body at bedtime: like "
                f"having {like} as you go to bed."
            )
            sources += list(day.half_life_source_ids)
        lines.append(Action(" ".join(said), tuple(sources)))
    return tuple(lines)


def last_caffeine_sentence(bedtime_h: float | None) -> str:
    """'Have your last caffeine by 5 pm: at least 6 hours before your bedtime (11 pm).' With no
    bedtime told: 'Stop caffeine at least 6 hours before bed (for example, for a 10 pm bedtime,
    by 4 pm).' (the example is labelled as one, never given as the patient's bedtime)."""
    from spasm_edu.models import caffeine

    stop = caffeine.last_caffeine_by(bedtime_h)
    hours = f"{stop.hours_before_bed:g}"
    if stop.example:
        return (
            f"Stop caffeine at least {hours} hours before bed (for example, for a "
            f"{clock(stop.bedtime_h)} bedtime, by {clock(stop.by_h)})."
        )
    return (
        f"Have your last caffeine by {clock(stop.by_h)}: at least {hours} hours before your "
        f"bedtime ({clock(stop.bedtime_h)})."
    )
