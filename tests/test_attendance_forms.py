"""Attendance written forms of bodies outside the first dev set (issue 9): US titles and roll
calls, sentence-form present lists, role-first and "Role (Name)" entries, registers. Every
text here is invented."""
from __future__ import annotations

from extract.attendance import extract_attendance
from extract.document.parts import Part
from extract.model import Meeting
from ingest.model import Block, Cell, Table


def part(*items, record="minutes") -> Part:
    out = []
    for n, it in enumerate(items):
        if isinstance(it, str):
            kind = "heading" if it.startswith("#") else "paragraph"
            out.append(Block(index=n, page=1, kind=kind, text=it.lstrip("#"),
                             bold=kind == "heading"))
        else:
            out.append(Table(index=n, page=1, rows=[[Cell(c, r, k) for k, c in enumerate(row)]
                                                   for r, row in enumerate(it)]))
    return Part(record=record, items=out)


def run(p: Part):
    return extract_attendance(p, Meeting())


def names(people):
    return [a.name for a in people]


def test_us_plural_titles_are_shared_across_a_list():
    attendees, _, _ = run(part("PRESENT: Trustees Okafor, Lindqvist and Brandt\n"
                               "ALSO PRESENT: Commissioner Ruiz"))
    assert names(attendees) == ["Okafor", "Lindqvist", "Brandt", "Ruiz"]
    assert {a.title for a in attendees} == {"Trustee", "Commissioner"}


def test_apologies_after_a_dotted_plural_title():
    _, apologies, _ = run(part("Present: Cllr A Moss", "Apologies received from Cllrs. Enid\n"
                               "Parry and Glyn Rowe."))
    assert names(apologies) == ["Enid Parry", "Glyn Rowe"]


def test_present_list_stated_in_a_sentence_with_a_serial_comma():
    attendees, _, _ = run(part("The meeting was called to order at 6 p.m. Trustees present were "
                               "Trustee Quill, Trustee Amberley, and Supervisor Osei. Treasurer "
                               "Hallam was also present.",
                               "The following members of the Board were in attendance: "
                               "Ivo Petrak, J. Rosa Linde and Tam Oduya."))
    assert names(attendees) == ["Quill", "Amberley", "Osei", "Ivo Petrak", "J. Rosa Linde",
                                "Tam Oduya", "Hallam"]


def test_roll_call_after_an_item_number_and_inside_a_text_frame():
    attendees, _, _ = run(part([["07-112 1. ROLL CALL: Present: Varga, Mbeki, Holt and\nSorensen."
                                 "\n07-113 2. APPROVING THE AGENDA: Moved by Holt."]]))
    assert names(attendees) == ["Varga", "Mbeki", "Holt", "Sorensen"]


def test_prose_about_people_present_is_not_a_list():
    attendees, _, _ = run(part("Present: Cllr A Moss",
                               "Residents present were worried about parking. The members "
                               "present were thanked for their time."))
    assert names(attendees) == ["A Moss"]


def test_apologies_one_per_line_with_initials_and_body():
    _, apologies, _ = run(part("Attendees:\nNora Vale (NV) (Chair)\t\t-\tHill Trust\n"
                               "Otto Brisk (OB)\t\t-\tValley Health",
                               "Apologies:\nPia Lund (PL)\t\t-\tHill Trust\n"
                               "Rex Amadi (RA)\t\t- \tCoast Council\nSol Fenn (SF)\t-\tThe Institute"))
    assert names(apologies) == ["Pia Lund", "Rex Amadi", "Sol Fenn"]


def test_apology_entries_ended_by_semicolons_across_a_line_break():
    _, apologies, _ = run(part("Present: Ida Marsh",
                               "Apologies were received from Kit Rowe, Lou Ames; Mo Dale; Ned\n"
                               "van Buren;\nOla Fry; Pat Gow. The minutes were then signed."))
    assert names(apologies) == ["Kit Rowe", "Lou Ames", "Mo Dale", "Ned van Buren", "Ola Fry",
                                "Pat Gow"]


def test_officials_as_role_then_titled_name_in_brackets_under_an_unlisted_label():
    attendees, _, _ = run(part("MEMBERS PRESENT:\nCouncillors Quinlan, Ryan (E), Ryan (M).",
                               "OFFICIALS IN ATTENDANCE:\nChief Executive (Ms. A. Byrne), A/Director,"
                               " Roads and\nTransport (Mr. C. Dolan), Senior\nStaff Officer, Water "
                               "Services (Ms. E. Furlong)."))
    assert names(attendees) == ["Quinlan", "E. Ryan", "M. Ryan", "A. Byrne", "C. Dolan",
                                "E. Furlong"]
    assert [a.role for a in attendees[3:]] == ["Chief Executive", "A/Director, Roads and "
                                               "Transport", "Senior Staff Officer, Water Services"]
    assert {a.category for a in attendees[3:]} == {"officer"}


def test_labels_with_a_qualifier_before_the_colon():
    attendees, _, _ = run(part("#Present", "Ann Ibsen; Bo Yates",
                               "#1. Minutes", "The minutes were signed.",
                               "Members present at the meeting (from the signing-in sheet):\n"
                               "Cy Dorne, Di Evers",
                               "Present but not signed in:\nEd Fane; Flo Grieg"))
    assert names(attendees) == ["Ann Ibsen", "Bo Yates", "Cy Dorne", "Di Evers", "Ed Fane",
                                "Flo Grieg"]


def test_irish_chair_title_is_a_role_not_a_person():
    attendees, _, _ = run(part("PRESENT IN THE CHAIR: Councillor G. Nolan, An Cathaoirleach.",
                               "MEMBERS PRESENT:\nCouncillors Hurley, Kehoe."))
    assert names(attendees) == ["G. Nolan", "Hurley", "Kehoe"]
    assert attendees[0].role == "Chair"


def test_signing_in_sheet_grid_with_couples_under_a_label():
    attendees, _, _ = run(part("The meeting closed at 9 pm.",
                               "Members present (from the signing-in sheet):",
                               [["Ada Morn", "Ben Tull", "Cal Voss"],
                                ["Dee & Eli Wren", "Fay Orr", "Gus & Hal Pike"]]))
    assert names(attendees) == ["Ada Morn", "Ben Tull", "Cal Voss", "Dee Wren", "Eli Wren",
                                "Fay Orr", "Gus Pike", "Hal Pike"]


def test_present_and_apologies_columns_over_a_table():
    attendees, apologies, _ = run(part("#Members present:\t\t\tApologies:",
                                       [["Ivy Lamb (IL)", "", "Jon Moss (JM)"],
                                        ["Kay Nye (KN)", "", "Lee Ord (LO)"],
                                        ["Max Pope (MP)", "", ""]]))
    assert names(attendees) == ["Ivy Lamb", "Kay Nye", "Max Pope"]
    assert names(apologies) == ["Jon Moss", "Lee Ord"]


def test_job_title_before_the_name_is_the_role():
    attendees, _, _ = run(part("ATTENDING: Trustees Ostrow and Vance\n"
                               "STAFF ATTENDING: Library Director Nell Qadir, Omar Petit\n"
                               "Officers: Finance Manager Lena Cho; Head of Roads Raj Tiwari and "
                               "Events Officer Tom Webb"))
    assert names(attendees) == ["Ostrow", "Vance", "Nell Qadir", "Omar Petit", "Lena Cho",
                                "Raj Tiwari", "Tom Webb"]
    assert [a.role for a in attendees[2:]] == ["Library Director", None, "Finance Manager",
                                               "Head of Roads", "Events Officer"]


def test_role_word_surname_hyphenated_initials_and_acronym_suffix():
    attendees, apologies, _ = run(part(
        "Present: Mr T Speaker (Democratic Services), Lucy Hart-Lowe (L H-L), Cll R Amis",
        "Apologies: Bea Stone NDC, Carl Dunn"))
    assert names(attendees) == ["T Speaker", "Lucy Hart-Lowe", "R Amis"]
    assert attendees[1].initials == "L H-L"
    assert names(apologies) == ["Bea Stone", "Carl Dunn"]


def test_apologies_given_for_a_person():
    _, apologies, _ = run(part("Present: Cllr A Moss",
                               "3. APOLOGIES Apologies of absence were provided for Cllr B Nash. "
                               "This was accepted by all."))
    assert names(apologies) == ["B Nash"]


def test_register_grid_reads_the_meeting_dates_column_through_the_key():
    import datetime as dt
    p = part([["MEMBER ATTENDANCE", "Category", "14/09/25", "09/11/25", "18/01/26"],
              ["RUTH ALDER", "Parent", "Y", "E", "Y"],
              ["OSKAR BLUM", "Staff", "Y/l", "Y", "N"],
              ["VACANT", "Parent", "", "", ""],
              ["TESSA CORR", "Co-opted", "N", "Q", "E"],
              ["UMA DRAKE", "Staff", "Y", "Q", "Y"]],
             "Key: Y attended   N did not attend   E excused   Y/l attended, arrived late")
    attendees, apologies, flags = extract_attendance(p, Meeting(date=dt.date(2025, 11, 9)))
    assert names(attendees) == ["Oskar Blum"]
    assert names(apologies) == ["Ruth Alder"]
    assert [f.kind for f in flags].count("attendance-unparsed") == 2  # "Q" twice: no key
    attendees, apologies, _ = extract_attendance(p, Meeting(date=dt.date(2025, 9, 14)))
    assert names(attendees) == ["Ruth Alder", "Oskar Blum", "Uma Drake"]
    assert attendees[1].arrived == "Y/l"


def test_roll_call_table_with_a_status_column():
    attendees, apologies, _ = run(part("Present:", [["Member", "Office", "Attendance", "Time in"],
                                                    ["Dana Kerr", "Director", "Present", ""],
                                                    ["Eli Ford", "Director", "Late", "7:12 p.m."],
                                                    ["Fay Gil", "Director", "Absent", ""],
                                                    ["Hal Ives", "Treasurer", "Excused", ""],
                                                    ["Gil Hart", "Alternate", "Present", ""]]))
    assert names(attendees) == ["Dana Kerr", "Eli Ford", "Gil Hart"]
    assert attendees[2].category == "substitute"
    assert names(apologies) == ["Hal Ives"]


def test_heading_with_a_count_stops_at_the_next_label_on_the_same_line():
    attendees, _, _ = run(part("ATTENDING (Five Members):- Ula Birch (UB) Cato Dunn (CD) - Chair, "
                               "Eda Fox (EF) and Gil Hale (GH) Also attending: Ira Jay, "
                               "Secretary, and 4 residents."))
    assert names(attendees) == ["Ula Birch", "Cato Dunn", "Eda Fox", "Gil Hale", "Ira Jay"]
    assert attendees[-1].role == "Secretary"


def test_two_name_body_pairs_per_line_in_tab_columns():
    attendees, _, _ = run(part("Present:\nMaya Quinn – FIN (Chair)\tPeter Roe – TRE\n"
                               "Rosa Sand – HR\tSeth Toll – OPS"))
    assert names(attendees) == ["Maya Quinn", "Peter Roe", "Rosa Sand", "Seth Toll"]
    assert [a.organisation for a in attendees] == ["FIN", "TRE", "HR", "OPS"]


def test_role_prefixed_line_after_a_list_is_a_person_of_its_own():
    attendees, _, _ = run(part("Present: Councillors A Brook (Chair), B Carr and C Dale\n"
                               "Secretary D Eaton", "1. Welcome"))
    assert [(a.name, a.role) for a in attendees] == [
        ("A Brook", "Chair"), ("B Carr", None), ("C Dale", None), ("D Eaton", "Secretary")]


def test_apology_stated_later_in_the_minutes_removes_and_flags_the_listed_person():
    attendees, apologies, flags = run(part(
        "Present: Cllr K Rowe, Cllr L Moss, Ms P Vane",
        "The secretary added that Ms Vane could not attend and had sent her regrets."))
    assert names(attendees) == ["K Rowe", "L Moss"]
    assert names(apologies) == ["Vane"]
    assert [f.kind for f in flags] == ["attendance-conflict"]
    assert "P Vane" in flags[0].message


def test_label_box_naming_the_chair_and_the_minute_taker():
    attendees, _, _ = run(part("Chair: Nora Lane\tMinutes: Sam Price", "Chaired by Otis Hale",
                               "Secretary: Ian Lee. Nominated by Tom.", "1. Welcome"))
    assert [(a.name, a.role) for a in attendees] == [
        ("Nora Lane", "Chair"), ("Sam Price", "Minute Taker"), ("Otis Hale", "Chair")]


def test_leave_of_absence_granted_by_motion_is_an_apology():
    attendees, apologies, _ = run(part(
        "Present: Member Ash, Member Birk and Member Cole",
        "Motion that Member Yuen be excused from this sitting – carried. Leave of absence was "
        "granted to Cllr Dana Roe."))
    assert names(apologies) == ["Yuen", "Dana Roe"]
    assert names(attendees) == ["Ash", "Birk", "Cole"]


def test_absent_list_after_present_excused_is_an_apology_plain_absent_is_nothing():
    attendees, apologies, _ = run(part("Present: Commissioners Abel, Boone and Crane. Absent: "
                                       "Commissioner Drake (excused), Commissioner Ennis",
                                       "Members present: Fry, Gale\nMembers absent: Hume "
                                       "(excused)", "1. Call to order"))
    assert names(attendees) == ["Abel", "Boone", "Crane", "Fry", "Gale"]
    assert names(apologies) == ["Drake", "Hume"]


def test_roll_call_with_an_answer_per_name():
    attendees, apologies, _ = run(part("Roll call: Trustee Ames – yes, Trustee Boyd – present, "
                                       "Trustee Cole - absent, Trustee Dunn – excused",
                                       "1. Minutes"))
    assert names(attendees) == ["Ames", "Boyd"]
    assert names(apologies) == ["Dunn"]


def test_initial_and_full_name_of_one_person_are_merged():
    attendees, _, _ = run(part("Present: Cllr K Rowe, Cllr L Moss, Cllr J Daly",
                               "Also present: Councillor Kim Rowe (Mayor), Dr P Daly"))
    assert names(attendees) == ["Kim Rowe", "L Moss", "J Daly", "P Daly"]


def test_a_role_alone_on_the_line_under_its_holder():
    attendees, _, _ = run(part("Present:\nAnn Birch\nChair\nCarl Dunn\nTreasurer\nEve Fox",
                               "#1. Welcome"))
    assert [(a.name, a.role) for a in attendees] == [
        ("Ann Birch", "Chair"), ("Carl Dunn", "Treasurer"), ("Eve Fox", None)]


WRAPPED = ("Ann Birch – County Council, Tom Gray – Town Library, Sue Lane –\n"
           "Green Trust, Carl Dunn Friends of the Park, Ola Hart – Old Mill Library, Peter\n"
           "Moss – MP for Riverside, Jim Cole – Arts\n"
           "Council, Dr. Ian Frost – MP for North Vale\n"
           "and East Hill, Ed Vane – Minister for Culture, Rob\n"
           "King – Elm Library Friends")
WRAPPED_NAMES = ["Ann Birch", "Tom Gray", "Sue Lane", "Carl Dunn", "Ola Hart", "Peter Moss",
                 "Jim Cole", "Ian Frost", "Ed Vane", "Rob King"]


def test_a_comma_list_of_name_organisation_pairs_wrapped_mid_entry_is_one_list():
    # the breaks fall where the text met the margin, inside names and after dashes
    attendees, _, _ = run(part("Present:\n" + WRAPPED))
    assert names(attendees) == WRAPPED_NAMES
    _, apologies, _ = run(part("Apologies for Absence\n" + WRAPPED))
    assert names(apologies) == WRAPPED_NAMES


def test_name_organisation_pairs_one_a_line_stay_one_a_line():
    attendees, _, _ = run(part("Present:\nAnn Birch – Friends of the Park, Elm Trust\n"
                               "Tom Gray – Town Library\nSue Lane – Green Trust"))
    assert names(attendees) == ["Ann Birch", "Tom Gray", "Sue Lane"]
