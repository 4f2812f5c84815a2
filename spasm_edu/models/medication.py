"""Medicines linked to cramps, twitching or spasms: search by any name, and explain a list.

There is no dose or unit here: the model finds medicines by generic, other or brand name
(case-insensitive, partial words: "sudaf" finds Sudafed -> pseudoephedrine) or by class
("water pill", "statin"), and returns for each its class, one plain sentence of how it can
cause spasms, the measured evidence where a study gives it, and the source ids.

Sources: data/medication_*.csv — the Merck Manual list of drug causes of cramps
(``merck_cramps``), Garrison et al. 2012 adjusted sequence ratios (``garrison_2012``; 1.0 means
no signal), MIMS on salbutamol, the Adderall label, the EAS 2015 statin consensus and the CTT
2022 meta-analysis of double-blind statin trials (muscle symptoms on statin vs placebo).

Evidence strength is the measured number only. No risk score is made up from it: a sequence
ratio says how much more often cramp treatment followed the start of a medicine than came
before it, in one population; it is not a person's chance of getting cramps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.schema.medication import split_names

CLASSES = "medication_classes.csv"
DRUGS = "medication_drugs.csv"
EVIDENCE = "medication_evidence.csv"
CAUTIONS = "medication_cautions.csv"

MAX_QUERY_CHARS = 60
MIN_QUERY_LETTERS = 2
NO_SIGNAL_RATIO = 1.0
"""An adjusted sequence ratio of 1.0 means no signal (Garrison 2012, methods)."""

MatchKind = Literal["name", "other name", "brand", "class"]
_KIND_ORDER = {"name": 0, "brand": 1, "other name": 2, "class": 3}


@dataclass(frozen=True)
class Evidence:
    """One measured figure for a class of medicines."""

    evidence_id: str
    class_id: str
    label: str
    measure: str
    value_low: float
    value_high: float
    significant: bool | None
    source_id: str

    @property
    def is_ratio(self) -> bool:
        return self.measure == "adjusted_sequence_ratio"


@dataclass(frozen=True)
class Medicine:
    """A medicine (or a named group, such as "some beta-blockers") and what is known about it."""

    drug_id: str
    name: str
    other_names: tuple[str, ...]
    brand_names: tuple[str, ...]
    class_id: str
    class_label: str
    plain_class: str
    how: str
    mechanism_student: str
    common: bool
    evidence: tuple[Evidence, ...]
    source_ids: tuple[str, ...]

    @property
    def display_name(self) -> str:
        """'Pseudoephedrine (Sudafed)'; 'Albuterol (Ventolin, ProAir)'."""
        return f"{self.name} ({', '.join(self.brand_names)})" if self.brand_names else self.name

    @property
    def ratio(self) -> Evidence | None:
        return next((e for e in self.evidence if e.is_ratio), None)


@dataclass(frozen=True)
class Match:
    """A search hit: the medicine, the name that matched and what kind of name it was."""

    medicine: Medicine
    matched_name: str
    matched_kind: MatchKind
    exact: bool


@dataclass(frozen=True)
class Caution:
    """A medicine taken for cramps that regulators advise against (data/medication_cautions.csv)."""

    caution_id: str
    title: str
    names: tuple[str, ...]
    plain: str
    student: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class MedicationReview:
    """What the explorer shows: the search hits, the medicines a person ticked, and any
    caution the search names (e.g. quinine)."""

    query: str
    class_id: str | None
    matches: tuple[Match, ...]
    taking: tuple[Medicine, ...]
    ratios: tuple[Evidence, ...]
    source_ids: tuple[str, ...]
    cautions: tuple[Caution, ...] = ()


def normalise(text: str) -> str:
    """Lower case, letters and digits only: 'Pro-Air ' -> 'proair', 'Beta 2' -> 'beta2'.

    text: any text (InputError naming ``text`` if it is not a str).
    """
    if not isinstance(text, str):
        raise check.InputError("text", text, "text (a str)")
    return re.sub(r"[^a-z0-9]", "", text.lower())


@functools.cache
def evidence() -> tuple[Evidence, ...]:
    """Every evidence row (data/medication_evidence.csv)."""
    classes = facts.table(CLASSES).by_id
    out = []
    for line, row in enumerate(facts.table(EVIDENCE), start=2):
        if row.class_id not in classes:
            raise facts.FactsError(
                EVIDENCE, f"class_id {row.class_id!r} is not in {CLASSES}", line, "class_id"
            )
        sig = None if row.significant is None else row.significant == "yes"
        out.append(
            Evidence(
                row.evidence_id,
                row.class_id,
                row.label,
                row.measure,
                row.value_low,
                row.value_high,
                sig,
                row.source_id,
            )
        )
    return tuple(out)


@functools.cache
def medicines() -> tuple[Medicine, ...]:
    """Every medicine in data/medication_drugs.csv, joined with its class and evidence."""
    classes = facts.table(CLASSES).by_id
    out = []
    for line, row in enumerate(facts.table(DRUGS), start=2):
        cls = classes.get(row.class_id)
        if cls is None:
            raise facts.FactsError(
                DRUGS, f"class_id {row.class_id!r} is not in {CLASSES}", line, "class_id"
            )
        ev = tuple(e for e in evidence() if e.class_id == row.class_id)
        sources = set(row.source_ids) | set(cls.source_ids) | {e.source_id for e in ev}
        out.append(
            Medicine(
                drug_id=row.drug_id,
                name=row.name,
                other_names=split_names(row.other_names),
                brand_names=split_names(row.brand_names),
                class_id=row.class_id,
                class_label=cls.label,
                plain_class=cls.plain_label,
                how=row.how or cls.how,
                mechanism_student=cls.mechanism_student,
                common=row.common == "yes",
                evidence=ev,
                source_ids=tuple(sorted(sources)),
            )
        )
    return tuple(out)


def medicine(drug_id: str) -> Medicine:
    """One medicine by id (``drug_id`` is a row of data/medication_drugs.csv)."""
    by_id = {m.drug_id: m for m in medicines()}
    return by_id[check.choice("drug_id", drug_id, by_id)]


def _names(med: Medicine) -> list[tuple[str, MatchKind]]:
    cls = facts.table(CLASSES)[med.class_id]
    names: list[tuple[str, MatchKind]] = [(med.name, "name")]
    names += [(b, "brand") for b in med.brand_names]
    names += [(o, "other name") for o in med.other_names]
    names += [(n, "class") for n in (cls.label, cls.plain_label, *split_names(cls.other_names))]
    return names


@functools.cache
def _index() -> tuple[tuple[Medicine, tuple[tuple[str, str, MatchKind], ...]], ...]:
    return tuple((m, tuple((normalise(n), n, kind) for n, kind in _names(m))) for m in medicines())


def check_query(query: object) -> str:
    """Return ``query`` if it is text of at most 60 characters."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS:
        raise check.InputError(
            "query", query, f"text of at most {MAX_QUERY_CHARS} characters (a medicine name)"
        )
    return query


def search(query: str) -> tuple[Match, ...]:
    """Medicines whose generic, other, brand or class name contains ``query``.

    Case, spaces and hyphens are ignored and part of a word is enough ("sudaf", "pro air").
    Fewer than 2 letters or digits give no matches. Order: exact names first, then names
    that start with the query, then the rest; a medicine's own names before its class names.
    """
    wanted = normalise(check_query(query))
    if len(wanted) < MIN_QUERY_LETTERS:
        return ()
    hits = []
    for order, (med, names) in enumerate(_index()):
        best = None
        for norm, original, kind in names:
            if wanted not in norm:
                continue
            key = (0 if norm == wanted else 1 if norm.startswith(wanted) else 2, _KIND_ORDER[kind])
            if best is None or key < best[0]:
                best = (key, original, kind)
        if best is not None:
            key, original, kind = best
            hits.append((key, order, Match(med, original, kind, key[0] == 0)))
    hits.sort(key=lambda h: (h[0], h[1]))
    return tuple(h[2] for h in hits)


def cautions() -> tuple[Caution, ...]:
    """Every row of data/medication_cautions.csv, in file order."""
    return tuple(
        Caution(
            r.caution_id, r.title, split_names(r.names), r.plain, r.student, tuple(r.source_ids)
        )
        for r in facts.table(CAUTIONS)
    )


def cautions_for(query: str) -> tuple[Caution, ...]:
    """Cautions one of whose names contains ``query`` (case, spaces and hyphens ignored;
    fewer than 2 letters or digits give none), as :func:`search` matches medicines."""
    wanted = normalise(check_query(query))
    if len(wanted) < MIN_QUERY_LETTERS:
        return ()
    return tuple(c for c in cautions() if any(wanted in normalise(n) for n in c.names))


def ratios() -> tuple[Evidence, ...]:
    """Garrison 2012 adjusted sequence ratios, largest first (1.0 = no signal)."""
    return tuple(sorted((e for e in evidence() if e.is_ratio), key=lambda e: -e.value_low))


def review(
    query: str = "", taking: Iterable[str] = (), class_id: str | None = None
) -> MedicationReview:
    """Search results for ``query`` (optionally only one class) and the ticked medicines.

    ``taking`` is a list, tuple or set of drug ids from data/medication_drugs.csv (order kept,
    repeats dropped). ``class_id`` is None or a row of data/medication_classes.csv; with an
    empty query it lists that whole class.
    """
    check_query(query)
    if class_id is not None:
        check.choice("class_id", class_id, facts.table(CLASSES).by_id)
    if isinstance(taking, str | bytes) or not isinstance(taking, list | tuple | set | frozenset):
        raise check.InputError("taking", taking, "a list of medicine ids")
    by_id = {m.drug_id: m for m in medicines()}
    chosen: list[Medicine] = []
    for drug_id in taking:
        check.choice("taking", drug_id, by_id)
        if by_id[drug_id] not in chosen:
            chosen.append(by_id[drug_id])
    matches = search(query)
    if class_id is not None:
        if normalise(query):
            matches = tuple(m for m in matches if m.medicine.class_id == class_id)
        else:
            cls = facts.table(CLASSES)[class_id]
            matches = tuple(
                Match(m, cls.label, "class", False) for m in medicines() if m.class_id == class_id
            )
    found = cautions_for(query)
    sources = {s for m in chosen for s in m.source_ids}
    sources |= {s for hit in matches for s in hit.medicine.source_ids}
    sources |= {s for c in found for s in c.source_ids}
    return MedicationReview(
        query=query,
        class_id=class_id,
        matches=matches,
        taking=tuple(chosen),
        ratios=ratios(),
        source_ids=tuple(sorted(sources)),
        cautions=found,
    )
