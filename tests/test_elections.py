"""Elections (issue 9, class 13): one decision per role filled after an election lead; the
names listed under a group label are one entry; the lead alone is none. Text invented."""
from _build import meeting, part

from extract.decisions import extract_resolutions


def texts(p):
    return [r.text for r in extract_resolutions(p, meeting())[0]]


def test_role_lines_after_the_lead_each_a_decision_group_names_one():
    p = part("#6. Election of Officers",
             "The following officers and committee members were elected. No other nominations.",
             "Officers:", "Chair: Nora Lane. Nominated by Sam.", "Treasurer: Omar Field.",
             "Committee:", "Tom Gray. Nominated by Nora.", "Eve Fox. Nominated by Omar.",
             "#7. Any Other Business", "The hall heating was discussed.")
    assert texts(p) == ["Chair: Nora Lane. Nominated by Sam.", "Treasurer: Omar Field.",
                        "Tom Gray. Nominated by Nora. Eve Fox. Nominated by Omar."]


def test_inline_roles_after_elected_for_the_year():
    p = part("#2. Officers", "Elected for the year: Chair – Ann Birch; Vice-Chair – Carl Dunn")
    assert texts(p) == ["Chair – Ann Birch", "Vice-Chair – Carl Dunn"]
