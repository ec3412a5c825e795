"""The attendance register, as a `Report` for `reports.formats`: meeting by meeting (who was
present, by category, who substituted for whom, apologies, absent members) or member by
member over time (meetings held while a member, attended, apologies, absent, percentage).
Who counts as absent is `store.registers`' inference, said in a note on every report."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from store.registers import Attendee, MeetingAttendance, MemberAttendance

from .cells import bounded
from .document import Column, Note, Report, Row, Table
from .scope import one_body, scope

ABSENT_NOTE = ("Absent: a member (present as a member, or sending apologies, at meetings "
               "on both sides of this one) neither listed as present nor sending apologies. "
               "Membership is read from the attendance lists, not from a roster: officers "
               "and substitutes are not members.")

MEETING_COLUMNS = (
    Column("Date", "date", 11), Column("Body", "text", 22),
    Column("Members present", "lines", 26), Column("Substitutes", "lines", 26),
    Column("Officers and others", "lines", 26), Column("Apologies", "lines", 22),
    Column("Absent", "lines", 22), Column("Present", "int", 8),
    Column("Apologies (n)", "int", 8), Column("Absent (n)", "int", 8),
)
MEMBER_COLUMNS = (
    Column("Body", "text", 22), Column("Member", "text", 24), Column("First", "date", 11),
    Column("Last", "date", 11), Column("Meetings held", "int", 9),
    Column("Attended", "int", 9), Column("Apologies", "int", 9), Column("Absent", "int", 9),
    Column("Attendance %", "int", 9),
)


def _person(a: Attendee) -> str:
    """"Ada Lovell (Chair)", "Fay Quill for Bryn Moss", "Dee Ogle (Clerk)"."""
    words = bounded(a.name, 200)
    if a.substitute_for:
        words += f" for {bounded(a.substitute_for, 200)}"
    if a.role:
        words += f" ({bounded(a.role, 100)})"
    return words


def _lines(people: Sequence[Attendee] | Sequence[str]) -> str:
    return bounded("\n".join(p if isinstance(p, str) else _person(p) for p in people))


def meeting_row(m: MeetingAttendance) -> Row:
    members = m.named("member", "co-opted")
    substitutes = m.named("substitute")
    others = m.named("officer", "other", "public")
    return Row((m.meeting_date, bounded(m.body, 300), _lines(members), _lines(substitutes),
                _lines(others), _lines(m.apologies), _lines(m.absent),
                len(members) + len(substitutes), len(m.apologies), len(m.absent)),
               group=bounded(m.body, 300))


def member_row(m: MemberAttendance) -> Row:
    return Row((bounded(m.body, 300), bounded(m.name, 200), m.first_on, m.last_on, m.held,
                m.attended, m.apologies, m.absent, m.percent), group=bounded(m.body, 300))


def attendance_report(rows: Sequence[MeetingAttendance], *, today: dt.date,
                      body: str | None = None, since: dt.date | None = None,
                      until: dt.date | None = None) -> Report:
    """Meeting by meeting (from `store.registers.attendance_by_meeting`)."""
    table = Table("Attendance by meeting", MEETING_COLUMNS, (meeting_row(m) for m in rows))
    return Report("Attendance register", today, one_body(m.body for m in rows),
                  scope(body, since, until, f"{len(rows)} meeting(s)"),
                  (table, Note(ABSENT_NOTE)))


def member_report(rows: Sequence[MemberAttendance], *, today: dt.date,
                  body: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None) -> Report:
    """Member by member (from `store.registers.attendance_by_member`)."""
    table = Table("Attendance by member", MEMBER_COLUMNS, (member_row(m) for m in rows))
    return Report("Attendance by member", today, one_body(m.body for m in rows),
                  scope(body, since, until, f"{len(rows)} member(s)"),
                  (table, Note("Meetings held: the body's meetings with an attendance "
                               "list while the person was a member. " + ABSENT_NOTE)))
