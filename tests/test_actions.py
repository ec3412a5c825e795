import datetime as dt

from _build import meeting, part, roster

from extract.actions import extract_actions
from extract.actions.commitments import commitments
from extract.actions.owners import OwnerResolver
from extract.document.parts import Part
from extract.model import Resolution

PEOPLE = roster(("David Thomas", "DT", "Chair"), ("Mike Stephens", "MS", None),
                ("Carol Flynn", "CF", "Clerk"), ("Kate Vale", "KV", None),
                ("Sheila Freeman", "SF", None), ("Evelyn Lindqvist", "EL", None),
                ("Ian Brookman", "IB", "Finance Manager"), ("Alison Wheeler", "AW",
                                                            "General Manager"),
                ("Peter Baker", "PB", "Head of IT"))


def run(p, m=None, r=PEOPLE):
    return extract_actions(p, m or meeting(), r)


def owned(p, m=None, r=PEOPLE):
    acts, _ = run(p, m, r)
    return [(a.text, a.owners) for a in acts]


def said(sentence, r=PEOPLE):
    return [c.owner_text for c in commitments(sentence, OwnerResolver(r))]


# --- action lines ------------------------------------------------------------------------

def test_action_marker_with_two_owners():
    p = part("#3. Events", "3.2 DT will circulate a list of businesses to approach.",
             "#ACTION: DT/MS")
    assert owned(p) == [
        ("DT will circulate a list of businesses to approach.", ["David Thomas", "Mike Stephens"])]


def test_owners_only_line_splits_over_the_sub_paragraphs_that_name_them():
    p = part("#10 Events", "10.1 Trustees were asked if they could attend the fair.",
             "10.2 The book launch attracted many people.",
             "10.3 Sheila and Mike agreed to look at the options.", "#ACTION:TRUSTEES/SF/MS")
    assert owned(p) == [("Trustees were asked if they could attend the fair.", ["Trustees"]),
                        ("Sheila and Mike agreed to look at the options.",
                         ["Sheila Freeman", "Mike Stephens"])]


def test_owners_only_line_takes_the_whole_paragraph_when_its_sentences_miss_an_owner():
    p = part("#7. Members Officer", "7.1 There were no volunteers for this position. The "
             "members database requires managing. Evelyn offered to assist.", "#ACTION:MS/EL")
    ((text, owners),) = owned(p)
    assert text.startswith("There were no volunteers") and owners == ["Mike Stephens",
                                                                      "Evelyn Lindqvist"]


def test_action_line_inside_a_paragraph_and_two_tasks_under_one_marker():
    p = part("#03.19.11 Planning", "Status: Awaiting decision\nACTION : CF to inform all when "
             "the application is received\nCF to ask Bruce May for the template")
    assert owned(p) == [("CF to inform all when the application is received", ["Carol Flynn"]),
                        ("CF to ask Bruce May for the template", ["Carol Flynn"])]


def test_action_heading_owns_the_paragraph_below_and_a_group_can_lead_it():
    p = part("#6. Christmas", "#Action:", "Officers are producing a leaving care pack for the "
             "Board.")
    assert owned(p) == [("Officers are producing a leaving care pack for the Board.",
                         ["Officers"])]


def test_a_commitment_restated_by_the_action_line_below_is_one_action():
    p = part("#4. Youth", "Maria Lewis agreed to follow this up and find out more.",
             "Action: Maria Lewis to follow this up and report back to CC Prynn.")
    r = roster(("Maria Lewis", None, None))
    assert owned(p, r=r) == [("Maria Lewis to follow this up and report back to CC Prynn.",
                              ["Maria Lewis"])]


# --- tables and margins ------------------------------------------------------------------

def test_owner_update_table():
    p = part([["No", "Action", "Owner", "Update"],
              ["Sept24.02", "Clerk to ask the county to sweep the lane", "CF", "Asked"]])
    (a,), _ = run(p)
    assert (a.ref, a.owners, a.update) == ("Sept24.02", ["Carol Flynn"], "Asked")


def test_a_stamp_glued_to_the_reference_is_the_rows_status():
    # "Action closed" stamped in the number column, glued to it by the PDF's spacing
    p = part([["No", "Action", "Owner", "Update"],
              ["Action closedDec22.05", "MS to fix the gate latch", "MS", "Fixed in March"],
              ["Dec22.06", "KV to order the bulbs", "KV", ""]])
    a, b = run(p)[0]
    assert (a.ref, a.update) == ("Dec22.05", "Action closed. Fixed in March")
    assert (b.ref, b.update) == ("Dec22.06", None)


def test_an_action_tables_last_column_without_a_heading_is_its_update():
    p = part([["No", "Action", "Owner", ""],
              ["Jan24.01", "Clerk to ask the county to sweep the lane", "CF", "Emailed 26.1.24"],
              ["Jan24.02", "MS to check the grit bin", "MS", ""],
              ["", "Clerk to obtain the new keys", "", "CF"]])  # owner a cell too far right
    a, b, c = run(p)[0]
    assert (a.ref, a.update, b.update) == ("Jan24.01", "Emailed 26.1.24", None)
    assert (c.owners, c.update) == (["Carol Flynn"], None)


def test_the_body_restating_a_summary_table_row_is_not_a_second_action():
    p = part("#05.25.18 Finance", "RFO to prepare the forms for signature at the next meeting.",
             [["No", "Action", "Owner"], ["May25.07", ("Bank mandate to be prepared for signature "
                                         "at the next meeting"), "CF"]])
    r = roster(("Carol Flynn", "CF", "RFO"))
    assert [a.ref for a in run(p, r=r)[0]] == ["May25.07"]


def test_right_margin_initials():
    p = part("#6. Finance", "The lease had been reviewed and will be signed off\tKV")
    acts, _ = run(p)
    assert acts[0].owners == ["Kate Vale"]


def test_margin_marks_inline_and_split_over_two_lines_own_their_bullets():
    p = part("#6. Finance", "Points reported:\n• The lease was reviewed and found now in IB\n"
             "accordance with the contract. CO asked that asbestos is checked with Birketts\n"
             "• There had been issues with SCC Property not IB\n"
             "understanding the responsibilities and a meeting is being arranged to clarify.\tIB/\n"
             "• The Committee will be reviewing its terms of reference at Agenda\n"
             "the next meeting")
    assert owned(p) == [("CO asked that asbestos is checked with Birketts", ["Ian Brookman"]),
                        (("There had been issues with SCC Property not understanding the "
                         "responsibilities and a meeting is being arranged to clarify."),
                         ["Ian Brookman"]),
                        (("The Committee will be reviewing its terms of reference at the next "
                         "meeting"), ["Ian Brookman"])]


def test_inline_initials_are_not_marks_without_a_margin_column():
    p = part("#1. Welcome", "1.3 DT thanked SF\nfor chairing the AGM.")
    assert owned(p) == []


def test_a_mark_beside_a_note_owns_the_task_just_above():
    p = part("#6. Reports", "Points:\n• Chubb are reviewing alarms. The Head of IT will check "
             "all phone lines.\n• The audit is taking place in May. Larking Gowan are\tPB\n"
             "inputting the accounts.")
    assert owned(p) == [("The Head of IT will check all phone lines.", ["Peter Baker"])]


def test_action_column_marks_are_matched_to_the_rows_sentences_in_order():
    p = part([["Date", "24 January 2013"], ["", "Action", ""],
              ["5.", ("Health & Safety\nThe board agreed the adoption of the policy with effect "
                     "from 1 February 2013. External advice will be provided.\nThe board will "
                     "review the system at the next meeting."), "IB\nIB/\nAgenda"],
              ["9.", "Away day\nThe draft agenda for the away day was agreed.", "AW"]])
    m = meeting(date=dt.date(2013, 1, 24), next_meeting=dt.date(2013, 2, 26))
    acts, _ = run(p, m)
    assert [(a.text[:30], a.owners, a.due) for a in acts] == [
        ("The board agreed the adoption ", ["Ian Brookman"], dt.date(2013, 2, 1)),
        ("The board will review the syst", ["Ian Brookman"], dt.date(2013, 2, 26)),
        ("The draft agenda for the away ", ["Alison Wheeler"], None),
        ("External advice will be provid", [], None)]


# --- resolutions -------------------------------------------------------------------------

def test_a_call_on_two_cabinet_members_tasks_them_with_each_sub_decision():
    m = meeting()
    intro = ("This Council agrees to call on the Cabinet Member for Health and Cabinet Member "
             "for Waste to:")
    m.resolutions = [Resolution("17", intro), Resolution("17", "Write again to the government."),
                     Resolution("17", "Promote responsible recycling.")]
    acts, _ = run(part("#17. Motion"), m)
    assert [a.owners for a in acts] == [["Cabinet Member for Health", "Cabinet Member for Waste"]] * 2
    assert acts[1].text.endswith("to: Promote responsible recycling.")


def test_in_conjunction_with_makes_a_co_owner_but_in_consultation_does_not():
    m = meeting()
    m.resolutions = [Resolution("9", "the Council urges the Executive in conjunction with the "
                                     "Cabinet Member to enforce the offer."),
                     Resolution("8", "Delegates authority to the Monitoring Officer, in "
                                     "consultation with the Leader, to approve changes.")]
    acts, _ = run(part("#9. Decision"), m)
    assert [a.owners for a in acts] == [["The Executive", "Cabinet Member"],
                                        ["Monitoring Officer"]]


def test_a_request_to_be_kept_advised_is_a_task_with_no_owner_and_flagged():
    # nobody is named: no owner is guessed ("Officers"), the clerk is asked to fill it in
    p = part("#5. Reports", "Members asked that the Committee be kept advised of progress.")
    acts, flags = run(p)
    assert [a.owners for a in acts] == [[]]
    assert any(f.kind == "owner-unresolved" for f in flags)


def test_agentless_decided_tasks_are_kept_without_an_owner_and_flagged():
    p = part("#6. Village green", "New benches will be ordered before the spring fete.",
             "Two laptops to be bought for the office.",
             "The revised leaflet is due to be published by the county in May.",
             "Members hoped extra bins would be provided near the pond.",
             "The bins were to be emptied weekly.")
    acts, flags = run(p)
    assert [(a.text, a.owners) for a in acts] == [
        ("New benches will be ordered before the spring fete.", []),
        ("Two laptops to be bought for the office.", [])]
    assert sum(f.kind == "owner-unresolved" for f in flags) == 2


def test_an_organisation_unit_tasked_by_a_resolution_owns_it_with_its_date():
    m = meeting(date=dt.date(2015, 3, 25))
    m.resolutions = [Resolution("3", "That the Winnipeg Public Service prepare a report to the "
                                     "April 14, 2015 meeting of the Standing Policy Committee.")]
    (a,), flags = run(part("#Motions"), m)
    assert (a.owners, a.due) == (["Winnipeg Public Service"], dt.date(2015, 4, 14))
    assert not [f for f in flags if f.kind == "owner-unresolved"]


# --- prose commitments -------------------------------------------------------------------

def test_prose_commitment_and_unresolved_owner_flag():
    p = part("#4. Update", "Ms Coombs offered to provide Members with further details.",
             "ZQ to check the hedge.")
    acts, flags = run(p)
    assert [a.owners for a in acts] == [["Coombs"], ["ZQ"]]  # never dropped: kept as printed
    assert sum(f.kind == "owner-unresolved" for f in flags) == 2


def test_clerk_to_with_next_meeting_due():
    m = meeting(next_meeting=dt.date(2024, 12, 5))
    p = part("#10.24.09\tPlayground", "Clerk to respond to Playco before the next meeting.")
    (a,), _ = run(p, m)
    assert a.owners == ["Carol Flynn"] and a.due == dt.date(2024, 12, 5)
    assert a.due_text == "before the next meeting"


def test_the_subject_of_a_coordinated_commitment_owns_it():
    r = roster(("Jason Read", None, None), ("Daphne Clements", None, None))
    assert said("Mr Read shared that it would take a full year of tracking and offered to "
                "come back to the panel with the data.", r) == ["Mr Read"]
    assert said("Emergency Plan was on the June agenda and Cllr Daphne Clements was reviewing "
                "it and agreed to add all business information.", r) == ["Cllr Daphne Clements"]
    assert said("Gardens – The Chair advised that the Parish Council had planted shrubs and "
                "would be planting herbs too.", r) == ["Parish Council"]


def test_reported_and_passive_commitments():
    r = roster(("Trudy Mann", None, None))
    assert said("Cllr Trudy Mann advised that she would be further doing work on the gates.",
                r) == ["Cllr Trudy Mann"]
    assert said("This matter will be discussed by councillors and brought to the next "
                "meeting.") == ["councillors"]
    assert said("The overall policy statement to be signed by AW as general manager.") == ["AW"]


def test_agreed_that_a_named_person_should_is_a_task_even_for_a_stranger():
    assert said("Agreed that Ali should bring the costs to the next meeting.") == ["Ali"]
    assert said("Ali suggested we could tidy the desk. Ali should do that.") == []


def test_two_clauses_with_their_own_owners_are_two_tasks():
    # ANNOTATION v2: two owners doing different things are two actions
    p = part("#3. Matters", "The Chair will raise this with Cllr Stamp and the General Manager "
             "will contact the Director.")
    assert [o for _, o in owned(p)] == [["David Thomas"], ["Alison Wheeler"]]


def test_what_is_not_a_commitment():
    r = roster(("Mallon", None, None), ("Lewis", None, None))
    assert said("The Board agreed to adopt this updated policy.") == []
    assert said("The Chair asked Members to note the report.") == []
    assert said("Mr Lehmann welcomed Mr Mallon to the Council and Mr Lewis to the Group.", r) == []
    assert said("Mr Gough said that he and the Cabinet Member would liaise with providers.") == []
    assert said("Officers would support young people with this.") == []
    assert said("Cllr Storey advised the Planning Committee would be visiting sites.") == []
    assert said("The Chairman put the motion to the vote.") == []
    # a decided task with nobody named: kept with no owner
    assert said("The declaration of acceptance will be signed at the next meeting.") == [""]


def test_a_short_sentence_pointing_back_takes_the_one_before():
    p = part("#117/18 Any other business", "Cllr Cordner queried whether the survey had been "
             "done before. The Clerk agreed to find out. The Clerk to respond accordingly.")
    assert [t for t, _ in owned(p)] == [
        ("Cllr Cordner queried whether the survey had been done before. The Clerk agreed to "
        "find out."), "The Clerk to respond accordingly."]


# --- owners --------------------------------------------------------------------------------

def test_a_first_name_resolves_to_the_one_person_the_papers_name_in_full():
    r = roster(("Sam R", None, None), ("Sam W", None, None), ("Sam Gorton", None, "Clerk"))
    p = part("#4. Performance", "It was requested that Sam Gorton source more information.",
             "Action: Sam to send the report to Chris Greenwood and for Chris to feedback.")
    acts, _ = run(p, r=r)
    assert acts[-1].owners == ["Sam Gorton", "Chris Greenwood"]


def test_a_role_given_at_the_meeting_resolves_to_its_new_holder():
    r = roster(("Nora Oakes", "NO", "Chair"), ("Carol Flynn", "CF", "Clerk"))
    p = part("#05.25.08 RFO", "NO proposed that Carol Flynn be appointed RFO for the year.",
             "#05.25.18 Finance", "RFO to prepare the forms for signature.")
    assert owned(p, r=r) == [("RFO to prepare the forms for signature.", ["Carol Flynn"])]


def test_an_agenda_has_no_actions():
    p = Part(record="agenda", items=part("Clerk to circulate the papers.").items)
    assert run(p) == ([], [])


def test_a_role_with_and_in_its_name_after_a_sub_heading_line():
    r = roster(("Krystal Vittles", "KV", "Libraries Innovation and Development manager"))
    p = part("#3. Matters arising", "Members Handbook for Section 106\nThe Libraries Innovation "
             "and Development Manager will send a copy of this handbook.")
    assert owned(p, r=r)[0][1] == ["Krystal Vittles"]


def test_people_listed_for_whom_the_clerk_acts_are_not_owners():
    r = roster(("Sue Lintern", None, "Chair"), ("Trudy Mann", None, None))
    assert said("That the Clerk will confirm places on 4th June for Cllr Sue Lintern, Cllr Trudy "
                "Mann and Cllr Jim McNeill to attend.", r) == ["Clerk"]


def test_a_two_column_heading_is_not_a_margin_mark():
    p = part("#Attendance", "Present and taking part in full:\tMembers", "Sam Gorton (Clerk)")
    assert owned(p) == []


def test_an_open_deadline_is_flagged():
    p = part("#03.19.04 Speeding", "JH to look into SID devices and report back to the next "
             "meeting.")
    r = roster(("Jim Hale", "JH", None))
    (a,), flags = run(p, r=r)
    assert (a.due, a.due_text) == (None, "to the next meeting")
    assert [f.kind for f in flags] == ["due-unresolved"]


# --- headerless task lists and printed initials --------------------------------------------

def test_a_headerless_task_list_is_read_by_its_column_of_owners():
    p = part("#Work in progress",
             [["Repaint the bus shelter before winter", "RB"],
              ["Renew the hall insurance and file the certificate", "Clerk Ongoing"],
              ["Chase the county about the broken streetlight", "RB\nGroup"],
              ["Look into grants for a new bench (carried forward)", "TK (if funds allow)"]])
    r = roster(("Rosa Bell", "RB", None), ("Tom Kerr", "TK", None))
    acts, _ = run(p, r=r)
    assert [(a.text[:22], a.owners) for a in acts] == [
        ("Repaint the bus shelte", ["Rosa Bell"]), ("Renew the hall insuran", ["Clerk"]),
        ("Chase the county about", ["Rosa Bell", "Group"]),
        ("Look into grants for a", ["Tom Kerr"])]
    assert acts[1].update == "Ongoing"


def test_a_two_column_attendance_table_is_not_a_task_list():
    p = part([["Rosa Bell (RB)", "Tom Kerr (TK)"], ["Ann Lowe (AL)", "Ed Marsh (EM)"],
              ["Ian Pope (IP)", ""]])
    assert owned(p, r=roster(("Rosa Bell", "RB", None))) == []


def test_initials_printed_beside_a_name_resolve_an_owner_not_on_the_roster():
    p = part("#1. Present", "Committee: Rosa Bell (RB), Dan Ocho (DO) and the Bay Road Line (BRL).",
             "#2. Hall", "DO to ask the county for a skip. BRL will run a late bus.")
    assert owned(p, r=roster(("Rosa Bell", "RB", None))) == [
        ("DO to ask the county for a skip.", ["Dan Ocho"]),
        ("BRL will run a late bus.", ["BRL"])]  # an organisation's initials: not a person


def test_initials_after_with_are_a_partner_not_a_new_task():
    p = part("#4. Booklet", "Action: RB to liaise with TK to finish the welcome booklet.")
    r = roster(("Rosa Bell", "RB", None), ("Tom Kerr", "TK", None))
    assert owned(p, r=r) == [("RB to liaise with TK to finish the welcome booklet.",
                              ["Rosa Bell"])]


# --- offices as titles, pronouns, delegations ---------------------------------------------

def test_an_office_before_a_surname_names_the_person_written_in_full_elsewhere():
    p = part("#Staff present: Librarian Nora Quill", "#5. Reopening",
             "Librarian Quill will draft a reopening plan.",
             "Treasurer Vance is going to move the reserve account.")
    assert owned(p, r=roster()) == [
        ("Librarian Quill will draft a reopening plan.", ["Nora Quill"]),
        ("Treasurer Vance is going to move the reserve account.", ["Vance"])]


def test_he_or_she_commits_the_person_last_named():
    p = part("#3. Signs", "Trustee Oduya has not heard back from the sign maker. She will "
             "keep the board posted.", "The weather was poor. He will order more salt.")
    assert owned(p, r=roster()) == [
        ("Trustee Oduya has not heard back from the sign maker. She will keep the board "
         "posted.", ["Oduya"])]


def test_a_delegate_owns_what_a_resolution_authorises():
    m = meeting()
    m.resolutions = [Resolution("4", "Authorises the Head Librarian, in consultation with the "
                                     "Chair, to award the cleaning contract."),
                     Resolution("5", "That the Borough Treasurer be authorized to sign the "
                                     "lease.")]
    acts, _ = run(part("#4. Contracts"), m)
    assert [a.owners for a in acts] == [["Head Librarian"], ["Borough Treasurer"]]


def test_asking_an_officer_a_question_is_not_a_task():
    p = part("#7. Zoning", "Councilmember Ruiz asked the City Attorney if the changes would "
             "apply to the north lots.", "The Board asked the City Clerk to publish the notice.")
    assert owned(p, r=roster()) == [
        ("The Board asked the City Clerk to publish the notice.", ["City Clerk"])]


def test_an_actions_of_the_board_heading_is_not_an_action_line():
    p = part("#ACTIONS OF THE BOARD:", "Minutes of the March meeting were approved.")
    assert owned(p) == []


def test_another_first_name_with_an_attendees_surname_is_not_that_attendee():
    p = part("#2. Pests", "Stacey Kerr agreed to contact the pest contractor.")
    acts, flags = run(p, r=roster(("Steven Kerr", None, None)))
    assert [a.owners for a in acts] == [["Stacey Kerr"]]
    assert any(f.kind == "owner-unresolved" for f in flags)


def test_a_reported_plan_after_a_fronted_clause_commits_the_speaker():
    p = part("#6. Budget", "Director Abara stated that, when the audit is done, she is going to "
             "propose a reserve policy.", "Resolution Delegating Authority To Head Librarian To "
             "Sign Contracts. Motion carried.")
    assert [o for _, o in owned(p, r=roster())] == [["Abara"], ["Head Librarian"]]


def test_each_sentence_or_clause_with_its_own_doer_under_one_marker_is_a_task():
    p = part("#7. Lighting", "ACTIONS: Clerk to put the lamp on the June agenda. Clerk to seek "
             "a quote for a shade. It should be black.",
             "ACTIONS: Councillors to send their emails and Clerk to reply within 20 days.")
    assert owned(p) == [
        ("Clerk to put the lamp on the June agenda.", ["Carol Flynn"]),
        ("Clerk to seek a quote for a shade. It should be black.", ["Carol Flynn"]),
        ("Councillors to send their emails", ["Councillors"]),
        ("Clerk to reply within 20 days.", ["Carol Flynn"])]


def test_an_aside_between_the_subject_and_its_verb_does_not_hide_the_subject():
    assert said("Cllr Ray Dunn, who chairs the bowls club, will organise the tournament.") == [
        "Cllr Ray Dunn"]
    assert said("The Clerk would, once the grant is confirmed, draft a delivery plan.") == [
        "Clerk"]


def test_task_lines_led_by_unlisted_initials_are_kept_and_flagged():
    p = part("#8. Trees", "KB/DL to compile the tree survey.", "ZQ: print the new leaflets")
    acts, flags = run(p)
    assert [(a.text, a.owners) for a in acts] == [
        ("KB/DL to compile the tree survey.", ["KB", "DL"]),
        ("ZQ: print the new leaflets", ["ZQ"])]
    assert sum(f.kind == "owner-unresolved" for f in flags) == 3


def test_a_first_name_resolves_through_a_surname_with_an_inner_capital():
    p = part("#Present: Carol DuPree, Tom Kerr", "#2. Web", "Carol will update the web page.")
    assert owned(p, r=roster()) == [("Carol will update the web page.", ["Carol DuPree"])]


def test_a_deadline_in_the_neighbouring_sentence_of_the_item_is_the_tasks():
    p = part("#9. Emergency plan", "The emergency plan is on the June agenda. DT agreed to add "
             "the church hall as a meeting point.")
    m = meeting(date=dt.date(2018, 5, 2), next_meeting=dt.date(2018, 6, 6))
    acts, _ = run(p, m)
    assert [(a.owners, a.due) for a in acts] == [(["David Thomas"], dt.date(2018, 6, 6))]


def test_a_request_to_unnamed_officers_is_an_action_without_an_owner():
    p = part("#4. Buses", "Cllr Ode requested a report to the August meeting on bus routes.",
             "A revised timetable was requested.",
             "Members requested to be kept informed of any delays.",
             "Cllr Ode asked for an explanation of the delay.")
    acts, flags = run(p, r=roster())
    assert [a.owners for a in acts] == [[], [], []]
    assert sum(f.kind == "owner-unresolved" for f in flags) == 3


def test_two_owners_doing_different_things_are_two_actions():
    p = part("#4. Fete", "DT would book the venue and MS would arrange the catering.",
             "The Clerk will write to the school; the Chair will call the vicar.",
             "DT and MS will paint the hut.")
    assert owned(p) == [("DT would book the venue", ["David Thomas"]),
                        ("MS would arrange the catering.", ["Mike Stephens"]),
                        ("The Clerk will write to the school", ["Carol Flynn"]),
                        ("the Chair will call the vicar.", ["David Thomas"]),
                        ("DT and MS will paint the hut.", ["David Thomas", "Mike Stephens"])]


def test_a_stated_intention_is_a_commitment():
    assert said("Cllr Ode stated his intention to circulate the survey results.") == ["Cllr Ode"]
    assert said("Ms Vale said it was her intention to contact the landowner.") == ["Ms Vale"]
    assert said("Cllr Ode stated his support for the scheme.") == []


def test_a_stated_view_is_not_a_task():
    assert said("Trustee Ames would support paying the loan early.") == []


def test_an_action_line_stops_at_the_next_numbered_item_in_capitals():
    p = part("#20. Assets", "ACTION: Clerk to update the asset register 21. ITEMS FOR THE NEXT "
             "AGENDA: none")
    assert owned(p) == [("Clerk to update the asset register", ["Carol Flynn"])]


def test_more_agentless_forms_and_an_apostrophe_surname():
    p = part("#5. Website", "The final policy will be available on the website.",
             "It was agreed that the flooding would be further investigated.",
             "Mr. O'Hara agreed to forward the contacts to the engineer.")
    assert [o for _, o in owned(p, r=roster())] == [[], [], ["O'Hara"]]


def test_an_initial_and_surname_is_a_person_and_and_asked_starts_a_second_task():
    assert said("G Rowe will obtain a renewal quote.") == ["G Rowe"]
    p = part("#3. Sponsors", "DT will circulate a list of clubs and asked Trustees to suggest "
             "others.")
    assert owned(p) == [("DT will circulate a list of clubs", ["David Thomas"]),
                        ("asked Trustees to suggest others.", ["Trustees"])]


def test_the_person_asked_directed_or_challenged_owns_the_task():
    p = part("#6. Funding", "Councilmember Ruiz challenged staff to find the funding before "
             "the second reading.", "The residents were asked to send their comments to the "
             "county.", "The Secretary was requested to book the hall.")
    assert [o for _, o in owned(p, r=roster())] == [["Staff"], ["Residents"], ["Secretary"]]


def test_an_authorizing_consent_item_names_the_officer_not_the_verb():
    p = part("#Consent agenda", "22. Authorizing Assessment Clerk to correct the schedule.",
             "23. City Clerk to issue the cigarette licenses.")
    assert [o for _, o in owned(p, r=roster())] == [["Assessment Clerk"], ["City Clerk"]]


def test_relative_clauses_and_referrals_for_work_name_the_owner():
    p = part("#5. Petition", "The petition was referred to the Committee Chair, who would send "
             "a formal response.", "Moved to receive, file and refer to Legal Department for "
             "preparation of a by-law.", "Mr Pike, who owns the field, will lend his tractor.",
             "The item was referred to Cabinet on 4 March.")
    assert [o for _, o in owned(p, r=roster())] == [["Chair"], ["Legal Department"], ["Pike"]]


def test_a_motion_to_allow_an_officer_to_act_is_the_officers_task():
    p = part("#8. Repairs", "A motion was made to allow Supervisor Ames to oversee the minor "
             "repairs.", "The mandate was signed to allow Kate Vale to act as administrator.",
             "Members agreed to allow residents to park on the green.")
    assert [o for _, o in owned(p)] == [["Ames"]]


def test_an_owners_only_line_splits_a_paragraph_by_the_sentences_that_name_its_owners():
    r = roster(("Mike Stephens", "MS", None), ("Alison Britton", "AB", None),
               ("Alison Hopkins", "AHop", None), ("Kate Vale", "KV", None))
    p = part("#3. Members", "A volunteer keeps the list up to date. Mike will "
             "advertise this on the website. Alison agreed to work with Ali on the details.",
             "#ACTION: MS/AB/AHop")
    assert owned(p, r=r) == [
        ("Mike will advertise this on the website.", ["Mike Stephens"]),
        ("Alison agreed to work with Ali on the details.", ["Alison Britton", "Alison Hopkins"])]


def test_an_agentless_restatement_of_an_action_line_beside_it_is_one_action():
    p = part("#7. Lighting", "The streetlamp will be put on the June agenda and a shade "
             "quote sought.", "ACTION: Clerk to put the streetlamp on the June agenda.")
    assert owned(p) == [("Clerk to put the streetlamp on the June agenda.", ["Carol Flynn"])]


def test_a_meeting_in_a_named_month_resolves_through_the_printed_schedule():
    p = part("#4. Audit", "The Treasurer will report to the Board's meeting in March.",
             "#Dates of future meetings", "14 January 2025, 11 March 2025 and 13 May 2025")
    m = meeting(date=dt.date(2024, 11, 12), next_meeting=dt.date(2025, 1, 14))
    acts, _ = run(p, m)
    assert [(a.owners, a.due) for a in acts] == [(["Treasurer"], dt.date(2025, 3, 11))]


def test_the_next_meeting_to_be_held_on_a_printed_date_fixes_the_may_agenda():
    p = part("#7. Trees", "ACTION: Clerk to put the tree quotes on the May agenda.",
             "#12. ITEMS FOR AGENDA OF NEXT MEETING: TO BE HELD: TUESDAY 7th May 2024, 7pm.")
    acts, _ = run(p, meeting(date=dt.date(2024, 4, 2)))
    assert [a.due for a in acts] == [dt.date(2024, 5, 7)]


# --- tables under a title row ------------------------------------------------------------

def test_a_title_row_over_unlabelled_owner_and_task_columns_makes_an_action_table():
    p = part([["Actions Agreed", "", ""],
              ["Kate Vale", "Book the village hall for the summer fair", ""],
              ["", "Order new recycling bins for the car park", ""],
              ["Sheila", "Write to the highways team about the potholes", ""],
              ["Mike had a query", "Reply on the allotment rents", ""]])
    got = owned(p)
    assert ("Book the village hall for the summer fair", ["Kate Vale"]) in got
    assert ("Order new recycling bins for the car park", []) in got
    assert ("Write to the highways team about the potholes", ["Sheila Freeman"]) in got
    # a lead cell that is not an owner stays with its task rather than being lost
    assert ("Mike had a query – Reply on the allotment rents", []) in got


def test_a_header_row_below_a_title_row_is_still_the_header():
    p = part([["ACTION LOG", ""],
              ["Action", "Owner"],
              ["Circulate the draft budget to all councillors", "CF"]])
    assert owned(p) == [("Circulate the draft budget to all councillors", ["Carol Flynn"])]


def test_a_title_row_without_task_text_below_is_not_an_action_table():
    p = part([["Actions", ""], ["DT", "MS"], ["KV", "CF"]])
    assert owned(p) == []


def test_a_task_after_a_spaced_hyphen_is_read_from_its_owner():
    assert said("Finance - no report - Mike Stephens to circulate the accounts") == [
        "Mike Stephens"]


def test_a_sentence_whose_last_words_the_layout_set_as_a_heading_ends_there():
    # "... KV to add to" then "Asset Register" on its own bold line: the sentence's end, not
    # a new heading; a full heading after a finished sentence stays a heading.
    p = part("#7. Village hall", "New chairs were bought with a grant. They should be "
             "recorded. KV to add to", "#Asset Register",
             "The register was last reviewed in May.", "#Footpaths",
             "MS to walk the footpath and report.")
    assert owned(p) == [("KV to add to Asset Register", ["Kate Vale"]),
                        ("MS to walk the footpath and report.", ["Mike Stephens"])]


# --- action lines inside a paragraph, bare tasks, notes a row points to -------------------

def test_an_action_line_run_on_after_a_decision_is_that_decisions_task():
    # "Action" without a colon inside the block, initials and a task after it; the
    # decision before it names no doer, so the two are one action, MS's
    p = part("#07.23.09 Football Club update", "It was agreed that the lease would be updated "
             "with a break clause included. Action MS to amend it and send it to the club "
             "for signing")
    assert owned(p) == [("MS to amend it and send it to the club for signing",
                         ["Mike Stephens"])]


def test_the_word_action_inside_a_sentence_is_no_marker():
    # capitals after it, but no task of theirs ("to" and a verb): a name, not a marker
    p = part("#8 Speakers", "Members heard from Climate Action NOW about the survey. The "
             "Climate Action NOW group has formed.")
    assert owned(p) == []


def test_a_note_below_the_table_that_a_row_points_to_carries_the_rows_reference():
    # The update cell ends "See below**"; the paragraph after the table opening with the
    # same mark holds the task: it is that row's action, so it carries the row's reference.
    p = part("#02.23.05 Clerk's report",
             [["No", "Action", "Owner", "Update"],
              ["Dec22.02", "KV to get quotes for the car park ramp", "KV", "Quotes in. See below**"],
              ["Dec22.05", "MS to date the working party for the pond", "MS", "See below***"]],
             "** The cost of the repair was discussed. KV to ask the volunteers to do the work.",
             "*** There has been another leak into the pond. MS to organise the removal of "
             "the old pipe.")
    refs = {a.text: a.ref for a in run(p)[0]}
    assert refs["KV to ask the volunteers to do the work."] == "Dec22.02"
    assert refs["MS to organise the removal of the old pipe."] == "Dec22.05"
