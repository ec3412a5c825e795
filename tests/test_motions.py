"""Motions and their votes (issue 9): a motion is a decision once an outcome carries it,
however many paragraphs later; lost and procedural motions are not; a consent agenda is one
decision per lettered item; a motion restated by the decision line after it is recorded once.
All text invented."""
from _build import meeting, part

from extract.decisions import extract_resolutions


def texts(p):
    return [r.text for r in extract_resolutions(p, meeting())[0]]


def test_moved_seconded_with_outcome_paragraphs_later():
    p = part("#7. Park Shelter Repairs",
             "Councilmember Oaks moved, seconded by Councilmember Pine, to award the repair "
             "contract to Valley Builders.",
             "Councilmember Pine asked about the timetable and staff answered that work "
             "would start in June.",
             "After discussion, the motion carried unanimously.")
    assert texts(p) == ["Councilmember Oaks moved, seconded by Councilmember Pine, to award the "
                        "repair contract to Valley Builders. After discussion, the motion "
                        "carried unanimously."]


def test_motion_was_made_all_in_favor_and_roll_call_kept():
    p = part("#APPROVAL OF BILLS:",
             "Fire Fund Bills – Motion to approve the fire fund bills as presented was made by "
             "Trustee Vale, seconded by Trustee Moss. All were in favor. Roll Call was taken "
             "as follows: Trustee Vale – yes, Trustee Moss – yes.",
             "A motion was made to let the garden club use the hall on May 3 by Trustee Moss, "
             "second by Trustee Vale. All were in favor. Motion passes.")
    got = texts(p)
    assert len(got) == 2
    assert "Motion to approve the fire fund bills" in got[0] and "Roll Call" in got[0]
    assert got[1].endswith("Motion passes.")


def test_lost_procedural_and_outcomeless_motions_are_not_decisions():
    p = part("#4. Business",
             "MOTION: Trustee Ash moved to buy a second van. Trustee Elm seconded. "
             "Roll call vote: Ayes – Ash Nays – Elm, Fir, Oak Motion failed",
             "Trustee Fir moved to sell the old mower. Trustee Oak seconded.",
             "#5. Adjournment",
             "MOTION: Trustee Oak moved to adjourn at 8:40 pm. Trustee Ash seconded. "
             "Motion carried")
    assert texts(p) == []


def test_consent_agenda_is_one_decision_per_lettered_item():
    p = part("#6. Consent Agenda", "Trustee Birch read the consent agenda as follows:",
             "a. Approve Minutes of the May 2 Regular Meeting b. Ratify Payment of Invoices "
             "in the Amount of $1,200.00 c. Approve Closure on Friday, July 3 "
             "MOTION: Trustee Birch moved to approve the consent agenda as read. Trustee Cole "
             "seconded. Roll Call Vote: Ayes – Birch, Cole Nays – None Motion carried")
    assert texts(p) == ["Approve Minutes of the May 2 Regular Meeting",
                        "Ratify Payment of Invoices in the Amount of $1,200.00",
                        "Approve Closure on Friday, July 3"]


def test_motion_restated_by_the_decision_after_it_is_recorded_once():
    p = part("#9 Library Opening Hours",
             "Following the debate, the recommendations were moved by Councillor Hale and "
             "seconded by Councillor Reed.",
             "On being put to the vote the recommendations were CARRIED unanimously.",
             "RESOLVED that the Saturday opening hours be extended to 5 pm.")
    assert texts(p) == ["the Saturday opening hours be extended to 5 pm."]


def test_moved_with_own_agreement_stays_one_sentence():
    p = part("#3. Reports", "Ann moved that the secretary's report be adopted and Bob agreed.")
    assert texts(p) == ["Ann moved that the secretary's report be adopted and Bob agreed."]


def test_bare_motion_takes_the_item_text_before_it():
    p = part("#21. Licences",
             "21. Renewal of the kiosk licence for Lakeside Snacks, 4 Harbour Road. "
             "Moved by Lind to adopt. Motion Carried 6-0.")
    assert texts(p) == ["21. Renewal of the kiosk licence for Lakeside Snacks, 4 Harbour Road. "
                        "Moved by Lind to adopt. Motion Carried 6-0."]


def test_a_part_taken_for_an_agenda_keeps_its_carried_motions_with_a_flag():
    from extract.document.parts import Part
    p = part("#4. Park Benches", "Staff recommend that the Council approve two new benches. "
             "Moved by Lind to approve. Motion Carried 5-0.")
    p = Part(record="agenda", items=p.items)
    found, flags = extract_resolutions(p, meeting())
    assert [r.text for r in found] == ["Staff recommend that the Council approve two new "
                                       "benches. Moved by Lind to approve. Motion Carried 5-0."]
    assert [f.kind for f in flags] == ["votes-in-agenda"]
    agenda = part("#4. Park Benches", "Staff recommend that the Council approve two new benches.")
    assert extract_resolutions(Part(record="agenda", items=agenda.items), meeting()) == ([], [])


def test_something_that_was_moved_is_no_motion():
    p = part("#8. Youth Service",
             "The unit closed in April and the young people there were moved to other sites. "
             "After discussion, the motion carried.")
    assert texts(p) == []


def test_numbered_motion_header_then_its_words_then_carried():
    p = part("#12. Road Naming", "M2024-077 T. Reed, A. Lowe:",
             "THAT the road-naming policy be approved.", "Carried.")
    assert texts(p) == ["M2024-077 T. Reed, A. Lowe: THAT the road-naming policy be approved. "
                        "Carried."]


def test_vote_result_block_takes_the_recommendation_above_it():
    p = part("#6. Sidewalk Program",
             "Staff recommended awarding the sidewalk contract to Delta Paving.",
             "Result: PASSED [5-0]", "Mover: Ortiz", "Seconder: Lane",
             "#7. Dog Park", "Staff recommended a second dog park.", "Result: FAILED [2-3]")
    assert texts(p) == ["Staff recommended awarding the sidewalk contract to Delta Paving. "
                        "Result: PASSED [5-0] Mover: Ortiz Seconder: Lane"]


def test_consent_motion_naming_items_listed_further_on():
    p = part("#9. Consent Agenda",
             "Councilmember Reyes moved, seconded by Councilmember Holt, to approve agenda items "
             "11a and 11b of the Consent Agenda. The motion carried unanimously.",
             "#11. Ordinances – Second Reading",
             "a. Ordinance to rezone 2.5 acres at 40 Mill Road to R-3",
             "b. Ordinance to appropriate $90,000 for a street sweeper",
             "c. Ordinance to rename Hill Park (Presented by the Parks Director)")
    assert texts(p) == ["Ordinance to rezone 2.5 acres at 40 Mill Road to R-3",
                        "Ordinance to appropriate $90,000 for a street sweeper"]


def test_on_motion_of_and_duly_made_motions_and_appointments():
    p = part("#3. Business",
             "On motion of Mr Avery, seconded by Ms Brook, the Board approved the audit plan.",
             "A motion was duly made and seconded to renew the cleaning contract. The motion "
             "passed unanimously.",
             "Mia Rossi was appointed as a co-opted member.",
             "The new director, who was appointed last month, introduced herself.")
    assert texts(p) == [
        "On motion of Mr Avery, seconded by Ms Brook, the Board approved the audit plan.",
        "A motion was duly made and seconded to renew the cleaning contract. The motion passed "
        "unanimously.",
        "Mia Rossi was appointed as a co-opted member."]


def test_roll_call_one_vote_per_line_stays_with_its_motion():
    # lines without full stops end sentences (soft line ends); "Absent – none" is still part
    # of the vote, not a sentence of its own left out of it
    p = part("#6. Library Roof",
             "MOTION: Trustee Quill moved to accept the roofing bid from Apex Roofing. Trustee "
             "Marsh seconded.\nRoll call vote:\nAyes – Quill, Marsh, Sand\nNays – none\n"
             "Absent – none\nMotion carried")
    assert texts(p) == ["MOTION: Trustee Quill moved to accept the roofing bid from Apex "
                        "Roofing. Trustee Marsh seconded. Roll call vote: Ayes – Quill, Marsh, "
                        "Sand Nays – none Absent – none Motion carried"]


def flagged(p):
    return [(f.kind, f.evidence.quote if f.evidence else None)
            for f in extract_resolutions(p, meeting())[1]]


def test_a_motion_with_no_outcome_is_kept_out_but_flagged_for_the_clerk():
    # never drop what cannot be resolved: no decision, but the clerk sees the motion's words
    p = part("#4. Business",
             "Trustee Fir moved to sell the old mower. Trustee Oak seconded.",
             "#5. Grants",
             "Moved by Cllr Rowe, seconded by Cllr Hale, that the hall grant be increased")
    assert texts(p) == []
    assert flagged(p) == [
        ("motion-no-outcome", "Trustee Fir moved to sell the old mower. Trustee Oak seconded."),
        ("motion-no-outcome",
         "Moved by Cllr Rowe, seconded by Cllr Hale, that the hall grant be increased")]


def test_carried_lost_resolved_amended_and_procedural_motions_get_no_flag():
    p = part("#4. Business",
             "Trustee Ash moved to buy a second van. Trustee Elm seconded. Motion carried.",
             "Trustee Fir moved to sell the old mower. Trustee Oak seconded. Motion failed.",
             "#5. Grants",
             "Cllr Rowe moved that the hall grant be increased, seconded by Cllr Hale.",
             "RESOLVED that the hall grant be increased to £500.",
             "#6. Staff pay",
             "Trustee Ash moved to pay staff through May. Trustee Elm seconded.",
             "Trustee Ash moved to amend her motion to pay staff through June. Trustee Elm "
             "seconded. Motion carried.",
             "#7. Adjournment", "Trustee Oak moved to adjourn at 8:40 pm.")
    assert flagged(p) == []
    assert len(texts(p)) == 3
