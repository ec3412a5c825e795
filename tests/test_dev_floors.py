"""Floors on the real dev set (../shared/realdocs), a little under what the extractor reaches
today, so a regression on real papers fails. Skipped where ../shared is absent."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.realdocs

FLOORS = {  # field: (F1 floor, extra floors)
    "attendees": (0.97, {}),
    "apologies": (0.97, {}),
    "resolutions": (0.95, {}),
    "actions": (0.93, {"owner_acc": 0.95}),
    "rag_items": (0.97, {"status_acc": 0.97}),
}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_set_field_floor(dev_run, field):
    scores, _ = dev_run
    f1, extra = FLOORS[field]
    assert scores[field]["f1"] >= f1, scores[field]
    for key, floor in extra.items():
        assert scores[field][key] >= floor, scores[field]


def test_dev_set_meeting_dates_and_kinds(dev_run):
    scores, _ = dev_run
    assert scores["meetings"]["date_acc"] >= 0.95
    assert scores["meetings"]["record_acc"] >= 0.95


def test_colour_coded_budget_tables_are_not_rag(dev_run):
    # directorate colour coding is not a rating: no RAG rows may come out of it
    _, out = dev_run
    budget = json.loads(next(out.glob("kent-cc_county-council_budget-amendments*")).read_text())
    assert sum(len(m["rag_items"]) for m in budget["meetings"]) == 0
