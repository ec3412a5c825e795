"""Splitting a file into the meetings it records: packs, joint sessions, plain minutes."""
import datetime as dt

from extract.document.meeting import describe, share_organisation, start_time, venue
from extract.document.parts import Part, split_parts
from extract.model import Meeting
from ingest.model import Block, Document, Page, Source
from ingest.model import Part as Paper


def _doc(pages: list[list[tuple[str, str]]], papers: list[Paper] | None = None) -> Document:
    out, n = [], 0
    for number, blocks in enumerate(pages, start=1):
        page = Page(number=number)
        for kind, text in blocks:
            page.items.append(Block(index=n, page=number, kind=kind, text=text))
            n += 1
        out.append(page)
    return Document(Source("x.pdf", "0" * 64, "pdf", len(out)), pages=out,
                    parts=papers or [])


def test_agenda_pack_holds_agenda_and_previous_minutes():
    doc = _doc([
        [("heading", "Corporate Parenting Board"),
         ("paragraph", "Meeting to be held on Tuesday, 26th November, 2019 at 6.00 pm"),
         ("heading", "Agenda"), ("list_item", "1. Introductions and Apologies"),
         ("list_item", ("2. Notes of the Meeting and Matters Arising from 17 September 2019 "
                       "(Pages 1 - 6)")), ("list_item", "3. Exploitation (Pages 7 - 14)")],
        [("paragraph", "Agenda Item 2"), ("heading", "Corporate Parenting Board"),
         ("heading", "Minutes of the Meeting held on Tuesday, 17th September, 2019 at 6.00 pm"),
         ("paragraph", "Present: County Councillor Ian Brown")],
        [("paragraph", "Agenda Item 3"), ("heading", "Exploitation and Violence Reduction"),
         ("paragraph", "A report of the Head of Service. " * 20)],
    ])
    parts = split_parts(doc)
    assert [p.record for p in parts] == ["agenda", "minutes"]
    agenda, minutes = (describe(p, p.record) for p in parts)
    assert agenda.date == dt.date(2019, 11, 26)
    assert minutes.date == dt.date(2019, 9, 17) and minutes.pages == (2, 2)
    assert parts[0].pages == (1, 3)  # the report after the minutes belongs to the agenda


def test_reference_to_previous_minutes_does_not_start_a_meeting():
    doc = _doc([[("heading", "Minutes of Trustees of The Friends of the Library"),
                 ("heading", "Meeting of 5th May 2015"), ("paragraph", "Present; David Thomas"),
                 ("heading", "2. Minutes of the meeting held 27th January 2015"),
                 ("paragraph", "The minutes of the meeting held on 27 January were approved."),
                 ("paragraph", ("RESOLVED that the minutes of the meeting held on 27 January "
                               "2015 be approved."))]])
    parts = split_parts(doc)
    assert len(parts) == 1
    assert describe(parts[0], "minutes").date == dt.date(2015, 5, 5)


def test_minutes_titled_by_body_and_date_above_present_list():
    doc = _doc([
        [("heading", "Audit Committee"), ("heading", "22 October 2009"),
         ("list_item", "1. Declarations of interest"), ("paragraph", "Agenda " + "x" * 400)],
        [("paragraph", "AUDIT COMMITTEE"),
         ("paragraph", "24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman)")],
        [("paragraph", "AUDIT AND GENERAL PURPOSES COMMITTEES (JOINT SESSION)"),
         ("paragraph", "24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman)")],
    ])
    parts = split_parts(doc)
    assert [(p.record, p.pages) for p in parts] == [("agenda", (1, 1)), ("minutes", (2, 2)),
                                                    ("minutes", (3, 3))]
    assert [describe(p, p.record).date for p in parts] == [
        dt.date(2009, 10, 22), dt.date(2009, 9, 24), dt.date(2009, 9, 24)]


def test_minutes_paper_takes_its_title_lines_and_ends_with_its_last_page():
    # the body's name above "Minutes of the Meeting …" is the minutes' own title; the report
    # after them carries no "Agenda Item" stamp, but ingest found where its paper starts
    doc = _doc([
        [("heading", "Corporate Parenting Board"),
         ("paragraph", "Meeting to be held on Tuesday, 26th November, 2019 at 6.00 pm"),
         ("heading", "Agenda"), ("list_item", "2. Notes of the Meeting (Pages 1 - 5)"),
         ("paragraph", "Agenda text. " * 40)],
        [("heading", "Lancashire County Council\nCorporate Parenting Board"),
         ("heading", "Minutes of the Meeting held on Tuesday, 17th September, 2019"),
         ("paragraph", "Present: County Councillor Ian Brown")],
        [("heading", "Exploitation and Violence Reduction"),
         ("paragraph", "A report of the Head of Service. " * 20)],
    ], papers=[Paper("agenda", "Agenda", None, 1, 1), Paper("minutes", "Notes", "2", 2, 2),
               Paper("report", "Exploitation", "3", 3, 3)])
    agenda, minutes = split_parts(doc)
    assert minutes.pages == (2, 2) and minutes.items[0].text.startswith("Lancashire")
    assert agenda.pages == (1, 3)
    assert describe(minutes, "minutes").body == "Corporate Parenting Board"
    assert [p.kind for p in agenda.papers] == ["agenda", "minutes", "report"]


def test_pages_at_the_end_with_only_furniture_belong_to_the_last_part():
    doc = _doc([[("heading", "Minutes of the Parish Council Meeting"),
                 ("paragraph", "Present: Nora Oakes")],
                [("furniture", "Registered Office: County Library")]])
    assert split_parts(doc)[0].pages == (1, 2)


def _head(*lines: str) -> Part:
    return Part("minutes", [Block(n, 1, "paragraph", line) for n, line in enumerate(lines)])


def test_body_and_organisation_from_a_minutes_sentence_and_the_lines_above_it():
    kent = describe(_head("KENT COUNTY COUNCIL", "COUNTY COUNCIL",
                          "MINUTES of a meeting of the County Council held in the Council "
                          "Chamber,\nSessions House, County Hall, Maidstone on Thursday, 13 "
                          "March 2025.", "PRESENT: Mr B J Sweetland (Chairman)"), "minutes")
    assert (kent.body, kent.organisation) == ("County Council", "Kent County Council")
    assert kent.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    friends = describe(_head("Minutes of Trustees of The Friends of Halesworth County Library",
                             "Meeting of 5th May 2015", "Present; David Thomas"), "minutes")
    assert (friends.body, friends.organisation) == (
        "Trustees", "The Friends of Halesworth County Library")


def test_a_parish_council_meets_as_itself_and_its_item_codes_are_not_times():
    p = describe(_head("MINUTES OF THE FENBURY PARISH COUNCIL MEETING",
                       "HELD IN THE VILLAGE HALL\nON 31st October 2024", "Present:",
                       "10.24.01\tApologies", "The minutes of the parish council meeting held "
                       "on 26th September were agreed."), "minutes")
    assert (p.body, p.organisation) == ("Fenbury Parish Council", "Fenbury Parish Council")
    assert p.venue == "Village Hall" and p.start_time is None


def test_a_templates_labelled_rows():
    p = describe(_head("BOARD MEETING MINUTES",
                       "Title of Meeting\tSuffolk Libraries IPS - Board Meeting\nDate\t26th "
                       "May 2016\nPlace\tCastle Hill Community Centre\nTime\t11.15am – "
                       "12.45pm"), "minutes")
    assert (p.body, p.organisation) == ("Board", "Suffolk Libraries IPS")
    assert (p.venue, p.start_time) == ("Castle Hill Community Centre", "11.15am")


def test_a_joint_session_title_is_the_whole_title():
    p = describe(_head("AUDIT COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)",
                       "24 SEPTEMBER 2009\n(19:28 TO 20:24)\nPRESENT:\tDave Roberts",
                       "The record of that joint session forms part of the minutes of the "
                       "Audit Committee."), "minutes")
    assert p.body == "Audit Committee and General Purposes Committee (Joint Session)"
    assert p.start_time == "19:28"


def test_start_time_and_venue_wrapped_over_two_lines():
    head = ("Minutes of the Meeting held on Tuesday, 17th September, 2019 at 6.00 pm in "
            "Committee\nRoom 'C' - The Duke of Lancaster Room, County Hall, Preston\n"
            "Contact: Sam Gorton")
    assert start_time(head) == "6.00 pm"
    assert venue(head) == "Committee Room 'C' - The Duke of Lancaster Room, County Hall, Preston"
    assert start_time("16.07.2 Register of Interests\n16.07.3 Minutes") is None


def test_minutes_in_a_pack_take_the_councils_name_from_its_front_sheet():
    front, minutes = Meeting(organisation="Merton Council"), Meeting()
    share_organisation([front, minutes])
    assert minutes.organisation == "Merton Council"


def test_a_time_in_the_minutes_text_is_not_the_start_time():
    p = describe(_head("MINUTES OF THE FENBURY PARISH COUNCIL MEETING", "Present:",
                       "02.24.07\tPlayground update\nOn Easter Sunday there will be at 10.30 a "
                       "playground opening."), "minutes")
    assert p.start_time is None


def test_an_organisation_after_the_body_is_a_name_not_a_sentence():
    p = describe(_head("Minutes of the meeting of the Board of Health for the North Bay District "
                       "Health Unit was held on 25 September 2024"), "minutes")
    assert p.organisation is None


def test_a_township_council_names_itself_after_its_place():
    p = describe(_head("MINUTES", "TOWNSHIP OF NIPISSING", "Tuesday, October 22, 2024",
                       "A regular meeting of the Township of Nipissing Council was held on "
                       "Tuesday, October 22, 2024", "Present: Mayor Tom Piper"), "minutes")
    assert (p.body, p.organisation) == ("Township of Nipissing Council", "Township of Nipissing")


def test_meeting_date_from_the_title_not_from_approved_minutes_or_accounts():
    # the title's own "Minutes of …" is this meeting; an "Approval of the minutes" heading and
    # an accounts year-end below are other dates
    title = _doc([[("heading", "Minutes of Oakvale Club AGM 2021 - 8 March 2021"),
                   ("paragraph", "Present:\nAnn Reed\nBob Lake"),
                   ("paragraph", "The minutes of the 9 March 2020 AGM were read.")]])
    assert describe(split_parts(title)[0], "minutes").date == dt.date(2021, 3, 8)
    us = _doc([[("paragraph", "MINUTES\nREGULAR MEETING OF THE VILLAGE BOARD\nVillage Hall\n"
                 "Tuesday, June 6, 2023 - 7:00 p.m.\nCALL TO ORDER\nPresident Dale Ott\n"
                 "APPROVAL OF THE MINUTES\nMay 16, 2023; Approved as submitted")]])
    assert describe(split_parts(us)[0], "minutes").date == dt.date(2023, 6, 6)
    glued = _doc([[("paragraph", "Minutes of the Annual General Meeting held at the Village "
                    "Hall on Monday9th October 2017 at 7pm\nPresent: A Lee (Chair)\n1. Accounts "
                    "for the year ended 31st March 2017 were approved.")]])
    assert describe(split_parts(glued)[0], "minutes").date == dt.date(2017, 10, 9)


def test_a_wrapped_present_in_a_sentence_does_not_start_a_meeting():
    doc = _doc([
        [("heading", "ELMBROOK TOWNSHIP ANNUAL MEETING"), ("paragraph", "Tuesday May 7, 2024"),
         ("paragraph", "The meeting was called to order at 7:00 PM. " * 12),
         ("paragraph", "The Supervisor gave his annual report.")],
        [("paragraph", "The clerk read the minutes of last year."),
         ("paragraph", "A motion was made to accept the report."),
         ("paragraph", "A motion was made to adjourn by Trustee Hale. All\npresent in favor.")],
    ])
    parts = split_parts(doc)
    assert [(p.record, p.pages) for p in parts] == [("minutes", (1, 2))]


def test_a_web_pages_banner_title_joins_the_minutes_below_it():
    doc = _doc([[("heading", "Minutes of Elmbrook Residents' Association"),
                 ("heading", "June 2012"), ("paragraph", "Minutes of the May meeting"),
                 ("paragraph", "Elmbrook Residents' Association"),
                 ("paragraph", "Patron Ann Example"),
                 ("paragraph", "MINUTES OF ELMBROOK RESIDENTS' ASSOCIATION"),
                 ("paragraph", "COMMITTEE MEETING HELD ON"),
                 ("paragraph", "TUESDAY 8th MAY 2012 AT THE OLD SCHOOL"),
                 ("paragraph", "Present:"), ("paragraph", "Ann Example Chairman")]])
    parts = split_parts(doc)
    assert len(parts) == 1 and describe(parts[0], "minutes").date == dt.date(2012, 5, 8)


def test_the_title_says_whether_a_paper_is_an_agenda_or_minutes():
    agenda = _doc([[("paragraph", "REVISED\nELMBROOK BOARD OF HEALTH\nAGENDA – May 15, 2019\n"
                     "1. Call to Order.\n2. Approval of the Minutes of the April meeting.")]])
    assert split_parts(agenda)[0].record == "agenda"
    report = _doc([[("paragraph", "REPORT TO:\tELMBROOK JOINT COMMITTEE\nDATE:\t3 JUNE 2025\n"
                     "Purpose of Report\nMinutes of the last meeting recorded the scheme.")]])
    assert split_parts(report)[0].record == "agenda"
    summary = _doc([[("paragraph", "SUMMARY OF ELMBROOK CITY COUNCIL MEETING\nMarch 1, 2004\n"
                      "04-101 1. ROLL CALL: Present: Ames, Boyd. Motion Carried 2-0.")]])
    assert split_parts(summary)[0].record == "minutes"


def test_minutes_filed_under_a_labelled_pack_item_are_their_own_meeting():
    doc = _doc([
        [("heading", "Annual General Meeting 2015"), ("paragraph", "SATURDAY, 9 th May, 2015"),
         ("heading", "Order of Business"), ("list_item", "1 To accept the Agenda"),
         ("list_item", "4 Mr. Secretary to Move: that the minutes of the previous AGM be ratified"),
         ("paragraph", "Business of the day. " * 30)],
        [("paragraph", "AGM-2015/04: Minutes of the Previous AGM\nMinutes of the First Annual "
                       "General Meeting of the Society, 3 rd May, 2014, at 11:00am."),
         ("paragraph", "AGM-2014/1 : The Agenda was accepted, nem. con.")],
        [("heading", "AGM-2015/6: Accounts"), ("paragraph", "Balance sheet " * 20)],
    ])
    parts = split_parts(doc)
    assert [(p.record, describe(p, p.record).date) for p in parts] == [
        ("agenda", dt.date(2015, 5, 9)), ("minutes", dt.date(2014, 5, 3))]
    assert parts[1].pages == (2, 2)  # the pack's next labelled paper is the agenda's again


def test_a_revision_stamp_is_not_the_meeting_date():
    doc = _doc([[("paragraph", "REVISED\n5/14/19\nELMBROOK BOARD OF HEALTH\nAGENDA – May 15, 2019\n"
                  "1. Call to Order.")]])
    assert describe(split_parts(doc)[0], "agenda").date == dt.date(2019, 5, 15)


def test_a_publication_date_above_the_meeting_date_is_not_it():
    doc = _doc([[("paragraph", "Date of publication: Friday, 1 March 2024\nELMBROOK TOWN COUNCIL\n"
                  "PLANNING COMMITTEE\nWednesday, 13 March 2024 at 7.00 pm\n1. Apologies")]])
    assert describe(split_parts(doc)[0], "agenda").date == dt.date(2024, 3, 13)
