"""Browsing the record: meetings, the cross-meeting action log, people and RAG items."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, request

from . import reads
from .guard import session
from .inputs import date_arg, text_arg
from .twins import page, twin

bp = Blueprint("browse", __name__)
STATUSES = ("open", "closed", "all")


@twin(bp, "/meetings")
def meetings() -> Any:
    return page("meetings.html", reads.meetings(session()))


@twin(bp, "/meetings/<int:meeting_id>")
def meeting(meeting_id: int) -> Any:
    data = reads.meeting(session(), meeting_id)
    if data is None:
        abort(404, f"There is no meeting {meeting_id}.")
    return page("meeting.html", data)


@twin(bp, "/actions")
def actions() -> Any:
    status = request.args.get("status", "open")
    sort = request.args.get("sort", "raised")
    if status not in STATUSES:
        abort(400, "status is one of open, closed, all.")
    if sort not in reads.SORTS:
        abort(400, f"sort is one of {', '.join(reads.SORTS)}.")
    data = reads.action_log(session(), today=dt.date.today(), person=text_arg("person"),
                            body=text_arg("body"), status=status,
                            overdue=request.args.get("overdue") in ("1", "on", "true"),
                            since=date_arg("from"), until=date_arg("to"), sort=sort)
    return page("actions.html", data, statuses=STATUSES, sorts=list(reads.SORTS))


@twin(bp, "/people")
def people() -> Any:
    return page("people.html", reads.people(session()))


@twin(bp, "/people/<int:person_id>")
def person(person_id: int) -> Any:
    data = reads.person(session(), person_id, today=dt.date.today())
    if data is None:
        abort(404, f"There is no person {person_id}.")
    return page("person.html", data)


@twin(bp, "/rag")
def rag() -> Any:
    return page("rag.html", reads.rag(session(), body=text_arg("body")))
