"""The public JSON face of extraction: schema `boardpapers/extraction@1`.

`to_dict` writes the contract (fields may be added, never renamed); `from_dict` reads one
back, so gold records and saved extractions can be loaded as typed records.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from .model import (
    Action, AgendaItem, Apology, Attendee, Evidence, Extraction, FilePart, Flag, Meeting,
    RagItem, Resolution, SourceInfo,
)

SCHEMA = "boardpapers/extraction@1"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: Any) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _page(ev: Evidence | None) -> int | None:
    return ev.page if ev else None


def _meeting_to_dict(m: Meeting) -> dict[str, Any]:
    return {
        "body": m.body,
        "organisation": m.organisation,
        "date": _iso(m.date),
        "record": m.record,
        "pages": list(m.pages) if m.pages else None,
        "venue": m.venue,
        "start_time": m.start_time,
        "attendees": [
            {"name": a.name, "title": a.title, "category": a.category, "role": a.role,
             "organisation": a.organisation, "substitute_for": a.substitute_for,
             "page": _page(a.evidence)}
            for a in m.attendees
        ],
        "apologies": [{"name": a.name, "title": a.title, "page": _page(a.evidence)}
                      for a in m.apologies],
        "items": [{"number": i.number, "title": i.title, "page": _page(i.evidence)}
                  for i in m.items],
        "resolutions": [{"item": r.item, "text": r.text, "page": _page(r.evidence)}
                        for r in m.resolutions],
        "actions": [
            {"item": a.item, "text": a.text, "owners": list(a.owners), "due": _iso(a.due),
             "due_text": a.due_text, "ref": a.ref, "status": a.status, "update": a.update,
             "page": _page(a.evidence)}
            for a in m.actions
        ],
        "rag_items": [
            {"ref": r.ref, "text": r.text, "status": r.status,
             "previous_status": r.previous_status, "due_text": r.due_text,
             "page": _page(r.evidence)}
            for r in m.rag_items
        ],
    }


def to_dict(x: Extraction) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "source": {"file": x.source.file, "sha256": x.source.sha256, "format": x.source.format,
                   "pages": x.source.pages, "status": x.source.status,
                   "problems": list(x.source.problems)},
        "meetings": [_meeting_to_dict(m) for m in x.meetings],
        "flags": [{"kind": f.kind, "message": f.message, "page": f.page} for f in x.flags],
        # Added after v1 (fields may be added): the papers inside the file, with page spans.
        "parts": [{"kind": p.kind, "title": p.title, "item": p.item,
                   "first_page": p.first_page, "last_page": p.last_page} for p in x.parts],
    }


def _ev(d: dict[str, Any], extractor: str = "contract") -> Evidence:
    return Evidence(page=d.get("page"), extractor=extractor)


def from_dict(d: dict[str, Any]) -> Extraction:
    """Read a contract record (ours or a hand-written gold one) back into typed records."""
    src = d.get("source") or {}
    x = Extraction(SourceInfo(file=src.get("file", ""), sha256=src.get("sha256", ""),
                              format=src.get("format", ""), pages=src.get("pages"),
                              status=src.get("status", "ok"),
                              problems=list(src.get("problems") or [])))
    for m in d.get("meetings") or []:
        pages = m.get("pages")
        x.meetings.append(Meeting(
            body=m.get("body"), organisation=m.get("organisation"), date=_date(m.get("date")),
            record=m.get("record") or "minutes",
            pages=(int(pages[0]), int(pages[1])) if pages else None,
            venue=m.get("venue"), start_time=m.get("start_time"),
            attendees=[Attendee(name=a["name"], title=a.get("title"),
                                category=a.get("category") or "member", role=a.get("role"),
                                organisation=a.get("organisation"),
                                substitute_for=a.get("substitute_for"), evidence=_ev(a))
                       for a in m.get("attendees") or []],
            apologies=[Apology(name=a["name"], title=a.get("title"), evidence=_ev(a))
                       for a in m.get("apologies") or []],
            items=[AgendaItem(number=str(i.get("number")), title=i.get("title") or "",
                              evidence=_ev(i)) for i in m.get("items") or []],
            resolutions=[Resolution(item=r.get("item"), text=r.get("text") or "",
                                    evidence=_ev(r)) for r in m.get("resolutions") or []],
            actions=[Action(item=a.get("item"), text=a.get("text") or "",
                            owners=list(a.get("owners") or []), due=_date(a.get("due")),
                            due_text=a.get("due_text"), ref=a.get("ref"),
                            status=a.get("status"), update=a.get("update"), evidence=_ev(a))
                     for a in m.get("actions") or []],
            rag_items=[RagItem(ref=r.get("ref"), text=r.get("text") or "",
                               status=r.get("status"),
                               previous_status=r.get("previous_status"),
                               due_text=r.get("due_text"), evidence=_ev(r))
                       for r in m.get("rag_items") or []],
        ))
    x.flags = [Flag(kind=f.get("kind", ""), message=f.get("message", ""), page=f.get("page"))
               for f in d.get("flags") or []]
    x.parts = [FilePart(kind=p.get("kind") or "other", title=p.get("title") or "",
                        item=p.get("item"), first_page=p.get("first_page"),
                        last_page=p.get("last_page"))
               for p in d.get("parts") or []]
    return x
