import datetime as dt

from extract.actions import extract_actions

from _build import meeting, part, roster

PEOPLE = roster(("David Thomas", "DT", "Chair"), ("Mike Stephens", "MS", None),
                ("Cathy Fleet", "CF", "Clerk"), ("Kate Vale", "KV", None))


def run(p, m=None, r=PEOPLE):
    return extract_actions(p, m or meeting(), r)


def test_action_marker_with_two_owners():
    p = part("#3. Events", "3.2 DT will circulate a list of businesses to approach.",
             "#ACTION: DT/MS")
    acts, _ = run(p)
    assert [(a.text, a.owners) for a in acts] == [
        ("DT will circulate a list of businesses to approach.", ["David Thomas", "Mike Stephens"])]


def test_right_margin_initials():
    p = part("#6. Finance", "The lease had been reviewed and will be signed off\tKV")
    acts, _ = run(p)
    assert acts[0].owners == ["Kate Vale"]


def test_owner_update_table():
    p = part([["No", "Action", "Owner", "Update"],
              ["Sept24.02", "Clerk to ask Cllr McHugh to chase up the road sweeper", "CF",
               "Asked"]])
    (a,), _ = run(p)
    assert (a.ref, a.owners, a.update) == ("Sept24.02", ["Cathy Fleet"], "Asked")


def test_clerk_to_with_next_meeting_due():
    m = meeting(next_meeting=dt.date(2024, 12, 5))
    p = part("#10.24.09\tPlayground", "Clerk to respond to Kompan before the next meeting.")
    (a,), _ = run(p, m)
    assert a.owners == ["Cathy Fleet"] and a.due == dt.date(2024, 12, 5)
    assert a.due_text == "before the next meeting"


def test_prose_commitment_and_unresolved_owner_flag():
    p = part("#4. Update", "Ms Coombs offered to provide Members with further details.",
             "ZQ to check the hedge.")
    acts, flags = run(p)
    assert [a.owners for a in acts] == [["Coombs"]]
    assert any(f.kind == "owner-unresolved" for f in flags)
