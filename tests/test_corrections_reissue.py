"""Corrections that survive a re-issued paper changing a word of the corrected action:
found again by body, meeting date, item or reference and most of the words; never applied
to two actions, and an ambiguous fit flagged for the clerk instead of applied."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_corrections import TODAY, action_id, ev, sept_minutes

from extract.model import Action, Extraction
from store import outstanding_actions, save_extraction, schema
from store.corrections import correct_action, correction_log, reapply_corrections
from store.corrections.rematch import AMBIGUOUS, MIN_OVERLAP, overlap

INVOICE = "Clerk to send the hall hire invoice to the treasurer"
INVOICES = "Clerk to send the hall hire invoices to the treasurer"


def with_actions(version: str, *actions: Action) -> Extraction:
    """September's minutes (file version `version`), with these actions added."""
    x = sept_minutes(version=version)
    x.meetings[0].actions.extend(actions)
    return x


def invoice(text: str = INVOICE, item: str | None = "7", ref: str | None = None,
            block: int = 20) -> Action:
    return Action(item, text, owners=["Clerk"], ref=ref, evidence=ev(4, block))


def status_of(session: Session, text: str) -> str:
    [row] = [a for a in outstanding_actions(session, today=TODAY, status="all")
             if a.text == text]
    return row.status


def ambiguous_flags(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(schema.Flag).where(
        schema.Flag.kind == AMBIGUOUS)) or 0


def test_overlap_constant_takes_a_changed_word_not_an_added_clause() -> None:
    assert overlap(INVOICE, INVOICES) == 1.0  # an inflection is no change
    ten = "Clerk to ask the county for new signs at the green"
    assert overlap(ten, ten.replace("new", "two")) >= MIN_OVERLAP
    seven = "Sam to find a police representative soon"
    assert overlap(seven, seven + " for the board") < MIN_OVERLAP


def test_correction_survives_a_reissue_that_changes_a_word(session) -> None:
    save_extraction(session, with_actions("v1", invoice()))
    correct_action(session, action_id(session, INVOICE), status="closed", due=dt.date(2025, 1, 31))
    assert save_extraction(session, with_actions("v2", invoice(INVOICES))).outcome == "saved"
    assert status_of(session, INVOICES) == "closed"
    assert all(log.applies_to == f"action {action_id(session, INVOICES)}"
               for log in correction_log(session))


def test_a_reference_is_as_good_as_the_item(session) -> None:
    save_extraction(session, with_actions("v1", invoice(item=None, ref="Sep24.07")))
    correct_action(session, action_id(session, INVOICE), status="closed")
    save_extraction(session, with_actions("v2", invoice(INVOICES, item=None, ref="Sep24.07")))
    assert status_of(session, INVOICES) == "closed"


def test_reworded_action_under_another_item_is_not_the_corrected_one(session) -> None:
    save_extraction(session, with_actions("v1", invoice()))
    correct_action(session, action_id(session, INVOICE), status="closed")
    save_extraction(session, with_actions("v2", invoice(INVOICES, item="9")))
    assert status_of(session, INVOICES) == "open"
    assert [log.applies_to for log in correction_log(session)] == [None]


def test_ambiguous_fit_is_flagged_not_applied(session) -> None:
    save_extraction(session, with_actions("v1", invoice()))
    correct_action(session, action_id(session, INVOICE), status="closed")
    twin = INVOICES.replace("treasurer", "treasurers")
    # two rows of the action table (each its own reference, or the carry-forward would take
    # the near-identical pair for one action stated twice)
    save_extraction(session, with_actions("v2", invoice(INVOICES, ref="S1"),
                                          invoice(twin, ref="S2", block=21)))
    assert status_of(session, INVOICES) == "open" and status_of(session, twin) == "open"
    assert ambiguous_flags(session) == 1
    reapply_corrections(session)  # re-applying raises it once
    session.commit()
    assert ambiguous_flags(session) == 1
    [flag] = session.scalars(select(schema.Flag).where(schema.Flag.kind == AMBIGUOUS))
    assert flag.page == 4 and INVOICE in flag.message


def test_one_action_never_takes_two_corrections_meant_for_two(session) -> None:
    other = INVOICE.replace("hall hire", "hall hire deposit")
    save_extraction(session, with_actions("v1", invoice(), invoice(other, block=21)))
    correct_action(session, action_id(session, INVOICE), status="closed")
    correct_action(session, action_id(session, other), status="closed")
    merged = INVOICES.replace("hire", "hire and deposit")  # both now read as this one
    save_extraction(session, with_actions("v2", replace(invoice(merged))))
    assert status_of(session, merged) == "open"
