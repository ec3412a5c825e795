"""extract/attendance/ on literal blocks, plus a dev-set floor (realdocs)."""
from __future__ import annotations

from pathlib import Path

from extract.attendance import extract_attendance
from extract.document.parts import Part
from extract.model import Meeting
from ingest.model import Block, Cell, Table

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def part(*items, record="minutes") -> Part:
    out = []
    for n, it in enumerate(items):
        if isinstance(it, str):
            kind = "heading" if it.startswith("#") else "paragraph"
            out.append(Block(index=n, page=1, kind=kind, text=it.lstrip("#"), bold=kind == "heading"))
        else:
            out.append(Table(index=n, page=1, rows=[[Cell(c, r, k) for k, c in enumerate(row)]
                                                   for r, row in enumerate(it)]))
    return Part(record=record, items=out)


def run(p: Part, organisation: str | None = None):
    return extract_attendance(p, Meeting(organisation=organisation))


def people(attendees):
    return [(a.name, a.category, a.role, a.initials) for a in attendees]


def test_parish_present_with_public_column():
    p = part("MINUTES OF THE FENBURY PARISH COUNCIL MEETING", "Present:\tMembers of the Public:",
             "Nora Oakes (NO) CHAIR\tKim Dale\nJim Hale (JH)\tD/Cllr Andrew McKay\n"
             "Carol Flynn (CF) CLERK",
             "05.25.01\tApologies for absence\nApologies had been received from Jo Carter")
    attendees, apologies, flags = run(p)
    assert people(attendees) == [
        ("Nora Oakes", "member", "Chair", "NO"), ("Jim Hale", "member", None, "JH"),
        ("Carol Flynn", "officer", "Clerk", "CF"), ("Kim Dale", "public", None, None),
        ("Andrew McKay", "other", None, None)]
    assert [a.name for a in apologies] == ["Jo Carter"]
    assert flags == []


def test_kent_comma_list_with_honours_and_in_attendance():
    p = part("PRESENT: Mr B J Sweetland (Chairman), Mrs T Dean, MBE,\nMr R C Love, OBE,\tMr D Crow-"
             "\nBrown and Ms L Wright",
             "IN ATTENDANCE: Mr J Cook (Democratic Services Manager) and Mr B Watts\n"
             "(General Counsel)",
             "#UNRESTRICTED ITEMS",
             "The Democratic Services Manager reported apologies from Mr Baldock, Mrs\n"
             "Bruneau, Sir Paul Carter and Mr Webb.")
    attendees, apologies, _ = run(p)
    assert [(a.name, a.title, a.category, a.role) for a in attendees] == [
        ("B J Sweetland", "Mr", "member", "Chair"), ("T Dean", "Mrs", "member", None),
        ("R C Love", "Mr", "member", None), ("D Crow-Brown", "Mr", "member", None),
        ("L Wright", "Ms", "member", None),
        ("J Cook", "Mr", "officer", "Democratic Services Manager"),
        ("B Watts", "Mr", "officer", "General Counsel")]
    assert [(a.name, a.title) for a in apologies] == [
        ("Baldock", "Mr"), ("Bruneau", "Mrs"), ("Paul Carter", "Sir"), ("Webb", "Mr")]


def test_two_column_tables_under_present():
    p = part("#Present:",
             [["Members", "Representing"],
              ["County Councillor Ian Brown (Chair)", "Lancashire County Council"],
              ["Callum", "LINX Representative"]],
             [["Co-opted members", "Representing"],
              ["Maureen Huddleston\nJenny Donnelly", "Clinical Commissioning Groups\nNHS"]],
             "#1. Introductions and Apologies",
             "All were welcomed and apologies were received from Liz Donnelly-Nelson and "
             "Barbara Bath.",
             "County Councillor Phillippa Williamson was replacing County Councillor Jayne Rear "
             "for this meeting.")
    attendees, apologies, _ = run(p)
    assert [(a.name, a.category, a.organisation) for a in attendees] == [
        ("Ian Brown", "member", "Lancashire County Council"),
        ("Callum", "member", "LINX Representative"),
        ("Maureen Huddleston", "co-opted", "Clinical Commissioning Groups"),
        ("Jenny Donnelly", "co-opted", "NHS"),
        ("Phillippa Williamson", "substitute", None)]
    assert attendees[-1].substitute_for == "Jayne Rear"
    assert [a.name for a in apologies] == ["Liz Donnelly-Nelson", "Barbara Bath"]


def test_substitution_of_a_listed_member():
    p = part("Present: Cllr Ann Green, Cllr Bob White and Cllr Carl Black",
             "Cllr Carl Black substituted for Cllr Dan Grey.")
    attendees, _, _ = run(p)
    black = next(a for a in attendees if a.name == "Carl Black")
    assert (black.category, black.substitute_for) == ("substitute", "Dan Grey")


def test_header_box_drops_people_who_sent_apologies():
    p = part([["Title of Meeting", "Board Meeting"],
              ["Attendees", ("Tony Brown (Chair), Sylvia Knights (Vice Chair), Colin Rockall,\n"
                            "Cllr Sarah Stamp (SCC)")],
              ["Invited", "Nikki Sturmey (Governance Manager)"],
              ["1.", ("Welcome and Apologies\nApologies were received from Cllr Sarah Stamp and "
                     "Colin Rockall."), ""]])
    attendees, apologies, _ = run(p)
    assert people(attendees) == [("Tony Brown", "member", "Chair", None),
                                 ("Sylvia Knights", "member", "Vice-Chair", None),
                                 ("Nikki Sturmey", "officer", "Governance Manager", None)]
    assert [(a.name, a.title) for a in apologies] == [("Sarah Stamp", "Cllr"),
                                                      ("Colin Rockall", None)]


def test_apologies_heading_then_names_and_none():
    p = part("Present; David Thomas, Chair (DT), Sheila Freeman (SF)",
             "Apologies; David Olds and Evelyn Lindqvist")
    attendees, apologies, _ = run(p)
    assert people(attendees) == [("David Thomas", "member", "Chair", "DT"),
                                 ("Sheila Freeman", "member", None, "SF")]
    assert [a.name for a in apologies] == ["David Olds", "Evelyn Lindqvist"]
    _, apologies, _ = run(part("Present\nCouncillors D Richardson (Chair) R Healey and\nM Armstrong"
                               "\tClerk J Connelly\nMembers of the Public Mr & Mrs Godfrey",
                               "Apologies - None"))
    assert apologies == []


def test_milburn_prose_list_with_clerk_and_public():
    attendees, _, _ = run(part(
        "Present\nCouncillors D Richardson (Chair) R Healey, P Moran and\nM Armstrong\t"
        "Clerk J Connelly\nMembers of the Public Mr & Mrs Godfrey, Mr Bellsham and 3 others"))
    assert [(a.name, a.title, a.category, a.role) for a in attendees] == [
        ("D Richardson", "Councillor", "member", "Chair"),
        ("R Healey", "Councillor", "member", None), ("P Moran", "Councillor", "member", None),
        ("M Armstrong", "Councillor", "member", None), ("J Connelly", None, "officer", "Clerk"),
        ("Godfrey", "Mr", "public", None), ("Godfrey", "Mrs", "public", None),
        ("Bellsham", "Mr", "public", None)]


def test_members_table_with_column_headers():
    p = part([["MEMBERS PRESENT", "WINNIPEG PUBLIC SERVICE"],
              ["His Worship Mayor Bowman", "Mr. M. Lemoine, Deputy City Clerk"],
              ["Deputy Speaker Councillor Gerbasi", ""]], record="agenda")
    attendees, apologies, flags = run(p)
    assert [(a.name, a.category, a.role) for a in attendees] == [
        ("Bowman", "member", "Mayor"), ("Gerbasi", "member", "Deputy Speaker"),
        ("M. Lemoine", "officer", "Deputy City Clerk")]
    assert apologies == [] and flags == []


def test_missing_list_is_flagged():
    attendees, apologies, flags = run(part("1. Welcome", "The Chair opened the meeting."))
    assert attendees == [] and apologies == []
    assert [f.kind for f in flags] == ["attendance-missing"]


def test_bullets_officers_heading_and_apology_lines():
    p = part("#Present", "• Cllr Ann Green (Chairman)", "• Cllr Bob White",
             "Officers: Clerk: Mrs Jo Bloggs",
             "#Apologies for absence", "Cllr Dan Grey", "Cllr Eve Brown",
             "#2. Declarations of interest")
    attendees, apologies, _ = run(p)
    assert [(a.name, a.title, a.category, a.role) for a in attendees] == [
        ("Ann Green", "Cllr", "member", "Chair"), ("Bob White", "Cllr", "member", None),
        ("Jo Bloggs", "Mrs", "officer", "Clerk")]
    assert [a.name for a in apologies] == ["Dan Grey", "Eve Brown"]


def test_a_report_title_is_not_a_list():
    attendees, _, _ = run(part("#Attendance Monitoring Report", "The report was noted."),
                          )
    assert attendees == []


# --------------------------------------------------------------------------- unseen shapes
# Synthetic papers in the styles of bodies the dev set does not hold; names are invented.

def full(attendees):
    return [(a.name, a.title, a.category, a.role) for a in attendees]


def test_parish_council_inline_cllrs_guests_count_and_movements():
    p = part("MINUTES OF THE MEETING OF ASHWELL PARISH COUNCIL HELD ON 12 MARCH 2024",
             "Present: Cllrs P Hargreaves (Chairman), L Okafor (Vice-Chairman), D Wren and "
             "S Ambrose",
             "In attendance: Mrs J Pilling (Clerk & RFO), District Cllr R Dunne, PCSO Kate "
             "Morley and 4 members of the public.",
             "#1. Apologies for absence",
             "Apologies were received and accepted from Cllr T Bright (work) and Cllr H Fenn.",
             "4. Cllr Wren arrived at 7.40pm during item 4.",
             "9. Cllr Ambrose left the meeting at 9.05pm.")
    attendees, apologies, flags = run(p)
    assert full(attendees) == [
        ("P Hargreaves", "Cllr", "member", "Chair"), ("L Okafor", "Cllr", "member", "Vice-Chair"),
        ("D Wren", "Cllr", "member", None), ("S Ambrose", "Cllr", "member", None),
        ("J Pilling", "Mrs", "officer", "Clerk"), ("R Dunne", "District Cllr", "other", None),
        ("Kate Morley", "PCSO", "other", None)]
    wren, ambrose = attendees[2], attendees[3]
    assert (wren.arrived, wren.left) == ("arrived at 7.40pm during item 4", None)
    assert (ambrose.arrived, ambrose.left) == (None, "left the meeting at 9.05pm")
    assert [(a.name, a.title) for a in apologies] == [("T Bright", "Cllr"), ("H Fenn", "Cllr")]
    assert flags == []


def test_county_council_present_also_present_in_attendance_and_a_substitute():
    p = part("PRESENT: Mr A Hollings (Chairman), Mrs P Carver (Vice-Chairman), Mr D Beaney,\n"
             "Ms K Ostrowska, MBE, Dr L Sefton and Mr R Thackeray",
             "ALSO PRESENT: Mr N Ibbotson (Cabinet Member for Highways)",
             "IN ATTENDANCE: Mrs S Dwyer (Head of Democratic Services) and Mr T Lacey\n"
             "(Monitoring Officer)",
             "#UNRESTRICTED ITEMS",
             "1. Apologies and Substitutes",
             "Apologies were received from Mr F Quist and Mrs E Norgate. Mr G Pemberton was "
             "present as a substitute for Mrs Norgate.")
    attendees, apologies, _ = run(p)
    assert full(attendees) == [
        ("A Hollings", "Mr", "member", "Chair"), ("P Carver", "Mrs", "member", "Vice-Chair"),
        ("D Beaney", "Mr", "member", None), ("K Ostrowska", "Ms", "member", None),
        ("L Sefton", "Dr", "member", None), ("R Thackeray", "Mr", "member", None),
        ("N Ibbotson", "Mr", "other", "Cabinet Member for Highways"),
        ("S Dwyer", "Mrs", "officer", "Head of Democratic Services"),
        ("T Lacey", "Mr", "officer", "Monitoring Officer"),
        ("G Pemberton", "Mr", "substitute", None)]
    assert attendees[-1].substitute_for == "Norgate"
    assert [a.name for a in apologies] == ["F Quist", "E Norgate"]


def test_school_governors_dash_roles_and_clerk_to_the_governors():
    p = part("#Minutes of the Full Governing Body meeting",
             "Governors present:",
             "Mrs R Adeyemi (Chair) – Co-opted Governor",
             "Mr S Kowalski – Headteacher",
             "Dr M Fairbrother – Parent Governor",
             "Ms J Tan – Staff Governor",
             "In attendance:",
             "Mrs P O'Neill – Clerk to the Governors",
             "Mr D Rees – School Business Manager",
             "#1. Welcome and apologies",
             "Apologies were received and accepted from Revd C Amos (Foundation Governor).")
    attendees, apologies, flags = run(p)
    assert full(attendees) == [
        ("R Adeyemi", "Mrs", "member", "Chair"), ("S Kowalski", "Mr", "member", "Headteacher"),
        ("M Fairbrother", "Dr", "member", "Parent Governor"),
        ("J Tan", "Ms", "member", "Staff Governor"), ("P O'Neill", "Mrs", "officer", "Clerk"),
        ("D Rees", "Mr", "officer", "School Business Manager")]
    assert [(a.name, a.title) for a in apologies] == [("C Amos", "Revd")]
    assert flags == []


def test_nhs_board_groups_inside_the_present_list():
    p = part("#Present:", "Non-Executive Directors:", "Prof Helen Achebe (Chair)",
             "Mr Colin Draper", "Executive Directors:", "Dr Priya Raman, Medical Director",
             "Ms Louise Carter, Chief Executive", "#In attendance:",
             "Mr Owen Pryce, Trust Board Secretary", "#1. Welcome and apologies")
    attendees, _, flags = run(p)
    # under a header that names the group, a director's job title does not make them staff
    assert full(attendees) == [
        ("Helen Achebe", "Prof", "member", "Chair"), ("Colin Draper", "Mr", "member", None),
        ("Priya Raman", "Dr", "member", "Medical Director"),
        ("Louise Carter", "Ms", "member", "Chief Executive"),
        ("Owen Pryce", "Mr", "officer", "Trust Board Secretary")]
    assert flags == []


def test_a_table_titled_by_its_first_row_is_one_name_and_role_list():
    p = part([["In attendance", ""], ["Mr Owen Pryce", "Trust Board Secretary"],
              ["Ms Ruth Ojo", "Head of Communications"]])
    attendees, _, flags = run(p)
    assert full(attendees) == [("Owen Pryce", "Mr", "officer", "Trust Board Secretary"),
                               ("Ruth Ojo", "Ms", "officer", "Head of Communications")]
    assert flags == []


def test_young_peoples_representatives_by_first_name_under_their_own_heading():
    p = part("Present:", "County Councillor Dee Marsh (Chair)",
             "Young People's Representatives:", "Kayden", "Ruby", "#1. Apologies")
    attendees, _, flags = run(p)
    assert full(attendees) == [("Dee Marsh", "County Councillor", "member", "Chair"),
                               ("Kayden", None, "member", None), ("Ruby", None, "member", None)]
    assert flags == []


def test_members_of_the_public_given_as_a_count_are_not_listed():
    for text in ("Members of the public: 2", "There were 3 members of the public present.",
                 "Also present: Mrs K Bell (Clerk) and two members of the public."):
        attendees, _, flags = run(part("Present: Cllr Ann Green (Chair), Cllr Bob White", text))
        assert [a.name for a in attendees][:2] == ["Ann Green", "Bob White"], text
        assert all("public" not in (a.organisation or "") and a.category != "public"
                   for a in attendees), text
        assert flags == [], text


def test_role_first_entries_and_attendance_modes():
    p = part("Present: Cllr A Smith (Chair), Cllr B Jones (remote), Cllr C Brown (via Teams)",
             "In attendance: the Clerk (Mrs Bell) and 5 members of the public")
    attendees, _, _ = run(p)
    assert full(attendees) == [("A Smith", "Cllr", "member", "Chair"),
                               ("B Jones", "Cllr", "member", None),
                               ("C Brown", "Cllr", "member", None),
                               ("Bell", "Mrs", "officer", "Clerk")]


def test_substitutions_in_every_written_form():
    forms = ["Cllr Tom Hale substituted for Cllr Dan Grey.",
             "Councillor Tom Hale was replacing Councillor Dan Grey.",
             "Apologies were received from Cllr Dan Grey (Cllr Tom Hale substituting).",
             "Cllr Dan Grey was substituted by Cllr Tom Hale."]
    for form in forms:
        attendees, _, _ = run(part("Present: Cllr Ann Green, Cllr Tom Hale", form))
        assert [(a.name, a.category, a.substitute_for) for a in attendees] == [
            ("Ann Green", "member", None), ("Tom Hale", "substitute", "Dan Grey")], form
    attendees, _, _ = run(part("Present:", "Cllr Ann Green (Chair)",
                               "Cllr Tom Hale (substitute for Cllr Dan Grey)", "#1. Apologies"))
    assert [(a.name, a.role, a.organisation, a.substitute_for) for a in attendees] == [
        ("Ann Green", "Chair", None, None), ("Tom Hale", None, None, "Dan Grey")]


def test_arrivals_and_departures_in_lists_and_sentences():
    p = part("Present:", "Cllr A Smith - Chair", "Cllr B Jones - arrived 7.20pm",
             "Cllr C Brown (left after item 8)", "Cllr D Evans", "#1. Welcome",
             "Cllr Evans joined the meeting during item 4.",
             "Cllr Smith declared an interest and left the meeting for this item and returned.")
    attendees, _, flags = run(p)
    assert [(a.name, a.arrived, a.left) for a in attendees] == [
        ("A Smith", None, None), ("B Jones", "arrived 7.20pm", None),
        ("C Brown", None, "left after item 8"),
        ("D Evans", "joined the meeting during item 4", None)]
    assert flags == []


def test_a_movement_that_fits_nobody_or_two_people_is_flagged_not_guessed():
    p = part("Present: Mr J Meade, Ms J Meade, Cllr A Smith",
             "Cllr Meade left the meeting at 8.40pm.", "Cllr Tom Hart arrived at 7.30pm.")
    attendees, _, flags = run(p)
    assert all(a.left is None and a.arrived is None for a in attendees)
    assert [f.kind for f in flags] == ["attendance-ambiguous", "attendance-unmatched"]
    assert flags[0].evidence.quote == "Cllr Meade left the meeting at 8.40pm"
    assert "J Meade, J Meade" in flags[0].message


def test_apologies_that_fit_two_attendees_remove_neither():
    p = part([["Attendees", "Cllr J Smith, Cllr K Smith, Tony Brown (Chair)"],
              ["1.", "Apologies were received from Cllr Smith.", ""]])
    attendees, apologies, flags = run(p)
    assert [a.name for a in attendees] == ["J Smith", "K Smith", "Tony Brown"]
    assert [a.name for a in apologies] == ["Smith"]
    assert [f.kind for f in flags] == ["attendance-ambiguous"]


def test_surname_first_lists_and_apologies():
    p = part("Present: Green, Ann (Chair); White, Bob; King, Mrs Jo",
             "Apologies: Black, Tom; Grey, Dan")
    attendees, apologies, _ = run(p)
    assert full(attendees) == [("Ann Green", None, "member", "Chair"),
                               ("Bob White", None, "member", None),
                               ("Jo King", "Mrs", "member", None)]
    assert [a.name for a in apologies] == ["Tom Black", "Dan Grey"]


def test_the_same_person_in_two_lists_is_one_attendee():
    p = part("Present: Cllr Sue Prynn (Chair), Cllr Ian Brown",
             "Also present: County Councillor Sue Prynn - Lancashire County Council, "
             "Mr J Meade, Ms J Meade")
    attendees, _, _ = run(p)
    assert [(a.name, a.title, a.role, a.organisation) for a in attendees] == [
        ("Sue Prynn", "Cllr", "Chair", "Lancashire County Council"),
        ("Ian Brown", "Cllr", None, None), ("J Meade", "Mr", None, None),
        ("J Meade", "Ms", None, None)]


def test_an_arrival_needs_a_time_or_item_and_a_list_ends_at_an_item_heading():
    p = part("Present:", "Cllr Ann Green (Chair)", "Cllr Bob White",
             "Matters arising from the minutes:", "Cllr Ann Green arrived at a view that the "
             "bus shelter needed repair.")
    attendees, _, flags = run(p)
    assert [(a.name, a.category, a.role, a.arrived) for a in attendees] == [
        ("Ann Green", "member", "Chair", None), ("Bob White", "member", None, None)]
    assert flags == []
