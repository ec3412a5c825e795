"""Resolutions: formal lead-ins, sub-decisions each their own, decision sentences, tables,
and the item each is tied to."""
from _build import meeting, part

from extract.decisions import extract_resolutions
from extract.document.parts import Part
from ingest.model import Block


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


def test_resolved_on_a_line_of_its_own_then_one_paragraph_per_sub_decision():
    # ModernGov DOCX: "Resolved:" is its own paragraph; Word's list numbering labels each
    # sub-decision; an "Action:" line and the next item end the list
    p = part("#3.\tNot in Education, Employment or Training", "In conclusion it was:",
             "#Resolved:", "i)\tThat Brendan Lee and Shell Arliss would discuss targeted work.",
             "ii)\tThat a draft plan will be presented at a future board meeting.",
             "#Action:", "Sam Gorton would speak to colleagues about gifts.",
             "#4.\tWhat Support Young People Would Like", "#Resolved:",
             "i)\tThat Brenda Lee would contact LINX.")
    assert texts(p) == [
        ("3", "That Brendan Lee and Shell Arliss would discuss targeted work."),
        ("3", "That a draft plan will be presented at a future board meeting."),
        ("4", "That Brenda Lee would contact LINX.")]


def test_resolved_line_then_one_plain_paragraph_and_no_narrative_after_it():
    p = part("#5. LINX", "#Resolved:",
             "That an item on the Hertfordshire model be brought to the next meeting.",
             "Overall the Board felt that the meeting was an excellent afternoon.")
    assert texts(p) == [("5", ("That an item on the Hertfordshire model be brought to the next "
                              "meeting."))]


def test_parallel_unnumbered_clauses_are_separate_decisions():
    p = part("#10. Armed Forces Covenant", "5) RESOLVED that:",
             "Members note all that is being done to deliver the Covenant.",
             "Members continue to support the Armed Forces Covenant.",
             "Members endorse the Council's commitment to the Covenant.",
             "The Chairman thanked Canon Bruinvels for his update.")
    assert [t for _, t in texts(p)] == [
        "Members note all that is being done to deliver the Covenant.",
        "Members continue to support the Armed Forces Covenant.",
        "Members endorse the Council's commitment to the Covenant."]


def test_bullets_of_topics_are_one_decision_but_bullets_of_clauses_are_several():
    topics = part("#8. IRO Annual Report",
                  "Resolved: That following on from the Annual Report the Board have items at "
                  "future meetings with regards to:",
                  "• Health assessments\n• Personal Education Plans\n• Life Story Work")
    assert [t for _, t in texts(topics)] == [
        ("That following on from the Annual Report the Board have items at future meetings "
        "with regards to: Health assessments, Personal Education Plans, Life Story Work")]
    clauses = part("#13. Terms of Reference", "3)\tRESOLVED that Council:",
                   "•\tAgrees the revised Terms of Reference as set out in Appendix A;",
                   "•\tDelegates to the Monitoring Officer to make the necessary changes.")
    assert [t for _, t in texts(clauses)] == [
        "Agrees the revised Terms of Reference as set out in Appendix A",
        "Delegates to the Monitoring Officer to make the necessary changes."]


def test_lists_under_their_own_leads_inside_one_resolution():
    p = part("#17. Motion on vapes", "6. RESOLVED that:", "This Council believes that:",
             "a) Immediate and decisive action is needed.", "b) Any ban must be robust.",
             "And;", "This Council agrees to call on the Cabinet Member to:",
             "a) Write again to the government.")
    assert [t for _, t in texts(p)] == [
        "This Council believes that: a) Immediate and decisive action is needed.",
        "This Council believes that: b) Any ban must be robust.",
        ("This Council agrees to call on the Cabinet Member to: a) Write again to the "
        "government.")]


def test_lettered_list_opened_on_the_lead_in_line():
    p = part("5\tANNUAL GOVERNANCE REPORT 2008/09 (Agenda item 5)\n"
             "RESOLVED: (A) That the Audit Committee notes the Annual Governance Report.\n"
             "(B) That the Audit Committee notes the Use of Resources score.")
    assert texts(p) == [
        ("5", "That the Audit Committee notes the Annual Governance Report."),
        ("5", "That the Audit Committee notes the Use of Resources score.")]


def test_an_agenda_holds_no_decisions_of_its_meeting():
    agenda = Part(record="agenda", items=[
        Block(0, 1, "heading", "Corporate Parenting Strategy Delivery Plan"),
        Block(1, 1, "paragraph", "The Strategy was approved by Cabinet in December 2018."),
        Block(2, 1, "paragraph", "RESOLVED that the Board notes the plan.")])
    assert extract_resolutions(agenda, meeting())[0] == []


def test_another_bodys_decisions_reported_to_the_meeting_are_not_its_own():
    p = part("#5. Update from Committees",
             "Finance and Audit\nThe Chair of the Finance Committee updated the Board on\n"
             "discussions at the committee meeting in April:\n"
             "x Year-end. The year ended with a surplus so it was agreed to give staff a reward.\n"
             "x HR structures – the Board agreed to the permanent arrangement of the HR team.")
    assert texts(p) == [
        ("5", "HR structures – the Board agreed to the permanent arrangement of the HR team.")]


def test_a_report_cut_by_a_page_break_stays_reported_in_the_next_cell():
    p = part([["5.", ("Update from Committees\nThe Chair of the Staffing Committee updated "
                     "the Board on discussions at the")]],
             "Registered Office: County Library, Ipswich",
             [["", ("committee meeting in May:\nx Staff reward scheme – it was agreed that "
                   "guidance will be re-issued.")]])
    assert texts(p) == []


def test_a_decision_that_points_back_is_led_by_its_sub_heading():
    p = part("#4. Decisions", "#Opening Hours at Great Cornard Library",
             "The Board agreed unanimously to accept this proposal.",
             "#Refurbishment at Aldeburgh Library",
             "The Board agreed unanimously to accept this proposal.")
    assert [t for _, t in texts(p)] == [
        ("Opening Hours at Great Cornard Library: The Board agreed unanimously to accept this "
        "proposal."),
        ("Refurbishment at Aldeburgh Library: The Board agreed unanimously to accept this "
        "proposal.")]


def test_counts_are_not_decisions_but_dated_approvals_are():
    p = part("#6. Adoption Agency Annual Report",
             "26 children were matched with adopters and 39 adopter households were approved.",
             "#93/18 Minutes",
             "The minutes of the meeting held on 4 April 2018 were approved as a true record.")
    assert texts(p) == [("93/18", ("The minutes of the meeting held on 4 April 2018 were "
                                  "approved as a true record."))]


def test_a_heading_that_states_its_outcome():
    p = part("#10.24.18\tFinance - The following accounts were approved for payment: NO "
             "proposed JH seconded\nPaid by standing order",
             "#294. Minutes of the meeting held on 13 February 2025 and, if in order, to be\n"
             "approved as a correct record")
    assert texts(p) == [("10.24.18", ("The following accounts were approved for payment: NO "
                                     "proposed JH seconded"))]


def test_bare_outcome_takes_the_item_title_and_alone_means_nothing():
    p = part("7\tWORK PROGRAMME (Agenda item 7)\nNOTED",
             "#8. Governance Updates", "For (36)", "Against (4)", "Agreed.")
    assert texts(p) == [("7", "WORK PROGRAMME NOTED")]


def test_list_lines_with_amounts_end_their_sentences():
    p = part("#19.09.09 Finance",
             "Invoices received :-\nK & A Timms & Sons Larch for Seat\t£ 48.00\n"
             "Fellrunner Village Bus\tDonation requested, agreed to pay £ 65.00\n"
             "The Councillors resolved to pay all of the above.")
    assert [t for _, t in texts(p)] == [
        "Fellrunner Village Bus Donation requested, agreed to pay £ 65.00",
        "The Councillors resolved to pay all of the above."]


def test_a_minute_in_an_item_table_row_takes_that_rows_item():
    p = part([["3.", ("Minutes of previous meeting\nThe minutes were agreed as a true and "
                     "accurate account of discussions.")],
              ["4.", "Decisions\nFixed Asset Review\nThe Board agreed to adopt the policy."]])
    assert [i for i, _ in texts(p)] == ["3", "4"]


def test_disposition_rows_are_tied_to_their_table_and_row():
    report = part([["REPORT OF THE EXECUTIVE POLICY COMMITTEE dated March  4, 2015"],
                   ["1", "Rezoning – 260 Wellington Crescent", "ADOPTED"],
                   ["2", "Zoning Agreement Amendment – 127 Bellemer Drive", "ADOPTED"]])
    assert [i for i, _ in texts(report)] == [
        "REPORT OF THE EXECUTIVE POLICY COMMITTEE dated March 4, 2015 – Item 1",
        "REPORT OF THE EXECUTIVE POLICY COMMITTEE dated March 4, 2015 – Item 2"]
    motions = part([["COUNCIL MOTIONS"], ["MOTION", "MOVER & SECONDER", "SUBJECT", "DISPOSITION"],
                    ["8", "Mayes / Browaty", ("1. That the decision be reconsidered.\n"
                     "2. That the original recommendations be adopted."), "CARRIED"]])
    assert texts(motions) == [
        ("Motion 8 (1)", "1. That the decision be reconsidered. – CARRIED"),
        ("Motion 8 (2)", "2. That the original recommendations be adopted. – CARRIED")]


def test_this_was_agreed_takes_the_sentence_before_and_as_agreed_is_a_reference():
    p = part("#07.23.07 Playground", "The fence is broken and JH will get a quote. This was agreed.",
             "Norma commented that there is no bin at the bottom of the lane, as was originally "
             "agreed.")
    assert texts(p) == [("07.23.07", ("The fence is broken and JH will get a quote. This was "
                                     "agreed."))]


def test_a_sentence_carried_over_a_page_break_into_a_heading_is_whole_again():
    p = part("#04.24.07 Correspondence",
             "NO has inspected the wall. Martin Sweet has offered to repair it for £250. It",
             "#was agreed that NO will ask him to proceed.")
    assert texts(p) == [("04.24.07", "It was agreed that NO will ask him to proceed.")]


def test_payments_approved_in_a_payments_table_are_not_motions_but_agreed_in_capitals_is():
    p = part("#03.23.10 Finance",
             [["Payee", "Detail", "Total £s", "VAT", "Comments"],
              ["OALC", "23/24 membership", "156.00", "26.00", "APPROVED FOR\nPAYMENT"]],
             "I recommend that we go with the maintenance package as originally agreed by Lucy "
             "AGREED")
    assert [t for _, t in texts(p)] == [
        "I recommend that we go with the maintenance package as originally agreed by Lucy AGREED"]


def test_a_lettered_point_after_an_unfinished_line_is_not_its_continuation():
    p = part("#4. Minutes",
             "The minutes were agreed for accuracy subject to the following changes\n"
             "Matters arising\na) Aldeburgh library – the opening hours are in place.")
    assert [t for _, t in texts(p)] == [
        "The minutes were agreed for accuracy subject to the following changes Matters arising"]


def test_a_decision_split_between_two_blocks_is_taken_once_whole():
    p = part("#6. Seating", "After discussion the Board agreed", "to buy a bench for the green.")
    assert texts(p) == [("6", "After discussion the Board agreed to buy a bench for the green.")]


def test_this_was_agreed_takes_the_sentence_before_whatever_its_length():
    p = part("#6. Open Day",
             "KL suggested that name badges be printed for all helpers at the open day. "
             "This was agreed and the Chairman undertook to order them from the printer.")
    assert texts(p) == [("6", "KL suggested that name badges be printed for all helpers at the "
                              "open day. This was agreed and the Chairman undertook to order "
                              "them from the printer.")]


def test_elections_resolution_passed_and_acceptance_are_decisions():
    p = part("#7. Officers and Policies",
             "For the post of Treasurer, Rosa Finch was duly elected.",
             "Members had been sent the revised grants policy. A resolution was passed to adopt "
             "the grants policy.",
             "All accepted the revised fee scale.",
             "The annual accounts were presented, and duly adopted.")
    got = [t for _, t in texts(p)]
    assert got == ["For the post of Treasurer, Rosa Finch was duly elected.",
                   "A resolution was passed to adopt the grants policy.",
                   "All accepted the revised fee scale.",
                   "The annual accounts were presented, and duly adopted."]


def test_reported_past_decisions_leads_and_status_are_not_decisions():
    p = part("#3. Background",
             "At the Joint Committee meeting in March 2021, a set of funding rules were agreed.",
             "Revised terms of reference were agreed by the Joint Committee in May 2023.",
             "The Treasurer reported that all members present were elected or co-opted.",
             "The following grants were approved at the meeting.",
             "The board accepted that volunteers could not cover every shift.")
    assert texts(p) == []


def test_quoted_resolution_after_a_bare_resolved_line_is_the_decision():
    p = part("#2. Harbour Lease", "Proposed by Councillor Dunne;", "Seconded by Councillor Fahy;",
             "And Resolved:", "“That the Council hereby approves the lease of the harbour",
             "kiosk to the sailing club for five years.”",
             "#3. Harbour Lights",
             "Accordingly, the following resolution was adopted by the same voting: --- **4**")
    assert texts(p) == [("2", "That the Council hereby approves the lease of the harbour kiosk "
                              "to the sailing club for five years.")]


def test_it_was_approved_that_over_a_list_led_by_a_that_heading_replaces_the_motion():
    p = part("#9 Street Lighting",
             "The recommendations were moved by Councillor Vane and seconded by Councillor Holt.",
             "On being put to the vote the recommendations were CARRIED unanimously.",
             "It was APPROVED that;", "#That the Committee:",
             "1.\tApproved the lantern replacement programme set out in the report.")
    assert [t for _, t in texts(p)] == [
        "That the Committee: 1. Approved the lantern replacement programme set out in the report."]


def _seg(text, index, heading=False):
    from extract.document.textunits import Segment
    return Segment(text, "68", 1, index, index, text[:1].isdigit(), heading, False, text)


def test_sub_decisions_set_as_headings_continue_in_number_order():
    # PDF layout: a sub-decision's first line is read as a heading and its rest as a
    # paragraph of the same block; the next item's numbered heading ends the list
    from extract.decisions.resolutions import collect_subs
    segs = [_seg("1.\tApproved the lantern programme.", 1),
            _seg("2.\tAuthorised the Director of Place in consultation with the", 2, True),
            _seg("Chair to award the lantern contract.", 2),
            _seg("12.\tBudget Monitoring", 3, True)]
    subs, stop = collect_subs(segs, 0, "68")
    assert [s.text for s in subs] == [
        "Approved the lantern programme.",
        "Authorised the Director of Place in consultation with the Chair to award the lantern "
        "contract."]
    assert stop == 3


def test_terse_outcome_after_a_title_and_procedural_motions():
    p = part("#5. Business",
             "Minutes of the March 3 meeting; Approved as submitted",
             "Grounds maintenance contract – Accepted",
             "The question was called – Accepted",
             "The Chair proposed that the meeting be extended beyond 9pm and it was agreed.",
             "The Chairman proposed and Cllr Ray seconded that standing orders be suspended "
             "and it was agreed.")
    got = [t for _, t in texts(p)]
    assert got == ["Minutes of the March 3 meeting; Approved as submitted",
                   "Grounds maintenance contract – Accepted"]


def test_disposition_table_with_open_verdicts_and_a_title_row_above_its_header():
    p = part([["REPORT OF THE WORKS COMMITTEE", "", ""],
              ["ITEM", "SUBJECT", "DISPOSITION"],
              ["4", "Parking Strategy – Phase 2", "90-DAY EXTENSION GRANTED"],
              ["7", "Library Hours Review", "REFERRED TO FINANCE COMMITTEE"],
              ["9", "Noise By-law", "GIVEN FIRST READING"],
              ["11", "Skate Park Lighting", "LOST"]])
    got = [t for _, t in texts(p)]
    assert got == ["Parking Strategy – Phase 2 – 90-DAY EXTENSION GRANTED",
                   "Library Hours Review – REFERRED TO FINANCE COMMITTEE",
                   "Noise By-law – GIVEN FIRST READING"]


def test_decision_phrasing_by_structure():
    p = part("#4. Policies and Payments",
             "The travel policy was reviewed and adopted by the Trustees.",
             "The Committee examined and accepted the revised fee scale.",
             "The Treasurer proposed accepting the quote and the members were unanimously in "
             "favour.",
             "Members indicated they were satisfied with the updated grants policy.",
             "The notes of the June meeting were confirmed as accurate and initialled by the "
             "chair.",
             "Three invoices were presented and signed off for payment.",
             "After review a levy of £4,200 was settled on.",
             "Members were satisfied with progress so far.")
    assert len(texts(p)) == 7


def test_a_list_lead_takes_its_list_and_a_restated_outcome_joins_its_motion():
    p = part("#11. Finance", "The following payments were ratified:",
             "i) Ann Lee, Clerk’s salary, Chq No 101\t450.00",
             "ii) Village Hall, room hire, Chq No 102\t30.00",
             "Bills – Motion to approve the bills as presented was made by Trustee Ash, "
             "seconded by Trustee Elm. All were in favor. Roll Call was taken as follows: "
             "Trustee Ash – yes, Trustee Elm – yes. Bills stand approved for payment.")
    got = [t for _, t in texts(p)]
    assert got[:2] == ["Ann Lee, Clerk’s salary, Chq No 101 450.00",
                       "Village Hall, room hire, Chq No 102 30.00"]
    assert len(got) == 3 and got[2].endswith("Bills stand approved for payment.")


def test_inline_lettered_parts_of_an_agreed_sentence_are_separate_decisions():
    p = part("#3. Fair", "It was agreed (a) that the fair be held on 2 June, and (b) that "
             "stalls cost £5.", "The Board agreed (i) to renew the lease; (ii) to repaint the hall.")
    assert [t for _, t in texts(p)] == [
        "It was agreed that the fair be held on 2 June", "It was agreed that stalls cost £5.",
        "The Board agreed to renew the lease", "The Board agreed to repaint the hall."]


def test_planning_line_verdicts_and_decisions_reported_in_the_past_perfect():
    p = part("#9. Planning",
             "24/0456/TCA Elm Lodge – crown reduction of one oak – Council supports",
             "The Board had already approved the budget in March.",
             "Members had agreed to the same scheme last year.")
    assert [t for _, t in texts(p)] == [
        "24/0456/TCA Elm Lodge – crown reduction of one oak – Council supports"]


def test_bare_outcome_in_a_table_row_takes_the_item_column_as_its_subject():
    p = part([["Item", "Notes"],
              ["Minutes of the 3 March meeting",
               "Approved; signed by the chair as a true record of that meeting."]])
    assert [t for _, t in texts(p)] == [
        "Minutes of the 3 March meeting – Approved; signed by the chair as a true record of "
        "that meeting."]


def test_same_words_under_two_items_after_a_deep_sub_item_are_two_decisions():
    p = part("#5 Finance", "5.2 Budget", "5.2.3\tGrants to clubs were discussed.",
             "#6 Planning", "Members resolved to back the proposal.",
             "#7 Highways", "Members resolved to back the proposal.",
             "Members resolved to back the proposal.")
    assert texts(p) == [("6", "Members resolved to back the proposal."),
                        ("7", "Members resolved to back the proposal.")]
