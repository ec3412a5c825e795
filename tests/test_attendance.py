"""extract/attendance.py on literal blocks, plus a dev-set floor (realdocs)."""
from __future__ import annotations

from pathlib import Path


from extract.attendance import extract_attendance
from extract.model import Meeting
from extract.parts import Part
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


def test_souldern_present_with_public_column():
    p = part("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING", "Present:\tMembers of the Public:",
             "Nick Oakhill (NO) CHAIR\tKatie Draper\nJohn Hoodless (JH)\tD/Cllr Andrew McHugh\n"
             "Cathy Fleet (CF) CLERK",
             "05.25.01\tApologies for absence\nApologies had been received from Joanna Carlisle")
    attendees, apologies, flags = run(p)
    assert people(attendees) == [
        ("Nick Oakhill", "member", "Chair", "NO"), ("John Hoodless", "member", None, "JH"),
        ("Cathy Fleet", "officer", "Clerk", "CF"), ("Katie Draper", "public", None, None),
        ("Andrew McHugh", "other", None, None)]
    assert [a.name for a in apologies] == ["Joanna Carlisle"]
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
