"""Triage engine: levels from the reference sheet §9, safety properties, bad input."""

from __future__ import annotations

import pytest

from spasm_edu.models import triage
from spasm_edu.models.triage import Level


def test_no_findings_is_self_care_with_advice_and_signs_to_watch():
    result = triage.assess([])
    assert result.level == Level.self_care and result.reasons == ()
    for word in ("Stretch", "Rest", "fluids", "warm"):
        assert word in result.advice
    assert any("chest pain" in s for s in result.watch_for)


def test_unknown_ids_are_named_and_valid_ids_listed():
    with pytest.raises(ValueError) as info:
        triage.assess(["recurring", "headache"])
    assert "headache" in str(info.value) and "saddle_numbness" in str(info.value)
