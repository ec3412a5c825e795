from pathlib import Path


from extract.resolutions import extract_resolutions

from _build import meeting, part

SHARED = Path(__file__).resolve().parents[2] / "shared"


def texts(p):
    return [(r.item, r.text) for r in extract_resolutions(p, meeting())[0]]


def test_resolved_with_roman_sub_decisions():
    p = part("#8. Minerals Plan", "3) RESOLVED that Council:",
             "(i) Notes the Inspector's Report;", "(ii) Adopts the Plan as set out in Appendix B.")
    assert texts(p) == [("8", "Notes the Inspector's Report"),
                        ("8", "Adopts the Plan as set out in Appendix B.")]


def test_inline_numbered_resolutions_and_agreed_sentence():
    p = part("#113/18 Planning", "RESOLVED 1) That the Clerk make the return. "
             "2) That the Clerk invite the Borough Council.",
             "Discussion took place. Agreed to sell the risers at cost.")
    assert texts(p) == [("113/18", "That the Clerk make the return."),
                        ("113/18", "That the Clerk invite the Borough Council."),
                        ("113/18", "Agreed to sell the risers at cost.")]


def test_quoted_motion_and_lost_procedure_are_not_decisions():
    p = part("#5. Motion", "1) Mr A proposed, and Mr B seconded the motion that",
             "“Council is asked to note the report.”",
             "2) Following the debate, the Chairman put the motion and it was agreed unanimously.",
             "3) RESOLVED that Council notes the report.")
    assert texts(p) == [("5", "Council notes the report.")]


def test_planning_no_objection_rows_join_split_cells():
    p = part([["24/02778/DISC", "St Josephs", "Discharge of Condition 10 (rainwater"],
              ["Bicester", "goods) – NO OBJECTION"]])
    assert texts(p)[0][1].endswith("NO OBJECTION")
