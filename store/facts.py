"""Save one meeting's facts: attendance and apologies (resolving people) with the offices
held, agenda items, resolutions, narrative notes, actions with their owners and natural
keys, and RAG rows; and a document's parts.

When a meeting already has facts from an earlier document, the same fact (same person, same
item number, same action text) is not stored twice: `Seen` holds what is there (an action
text as often as one paper prints it: a review table and the summary after it).

A meeting's rows go in as a few statements, not an ORM object and a flush each: its names
resolve against the body's roll held in memory (`store.roll`), the people it makes get
their ids in one flush, and each table's rows are one INSERT in the order they were read
(`insert_rows`; attendance and actions with their ids returned, for the rows that name
them), so the rows and their ids are those a row-at-a-time save gave.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from extract import model as rec

from . import schema as db
from .aliases import (
    fitting_initials,
    holder_at,
    learn_initials,
    office_key,
    similar_people,
    unmatched_owner_message,
)
from .mapping import (
    Problem,
    Where,
    action_key,
    action_to_row,
    apology_to_row,
    attendee_to_attendance,
    item_to_row,
    keeps_note,
    note_to_row,
    part_to_row,
    rag_item_to_row,
    resolution_to_row,
    role_key,
    text_key,
    where,
)
from .names import collapse, is_role, name_key
from .people import Match
from .results import SaveResult, add_flag
from .roll import BodyRoll

# Every row that carries a fact read from one document about one meeting. Action owners
# hang off actions and person roles off attendance; each goes with its parent.
FACT_MODELS: tuple[type[db.Base], ...] = (
    db.Attendance, db.Apology, db.AgendaItem, db.Resolution, db.Note, db.Action,
    db.RagItem,
)


class Seen:
    """Keys of facts a meeting already has, so a second source does not double them.

    Actions are counted, not only seen: one paper may print an action twice, in the table
    that reviews the carried actions and in the summary that ends the minutes, and the
    carry-forward reads what the summary left out as dropped. Both rows are kept; a second
    source of the meeting adds only the rows beyond those it already has."""

    def __init__(self) -> None:
        self.keys: dict[str, set[Hashable]] = {}
        self.stored: Counter[Hashable] = Counter()  # action keys the meeting already has
        self.mine: Counter[Hashable] = Counter()  # ... and those this source offered

    def load(self, session: Session, meeting_id: int, people: dict[int, db.Person]) -> None:
        """`people`: the body's people by id. Attendance and apologies are keyed by the
        person object, since a person this save made may not have its id yet."""
        def rows(*cols: Any) -> Sequence[Any]:
            table = cols[0].class_
            return session.execute(select(*cols).where(table.meeting_id == meeting_id)).all()

        self.keys["attendance"] = {people.get(r[0], r[0]) for r in rows(db.Attendance.person_id)}
        self.keys["apology"] = {people.get(r[0], r[0]) for r in rows(db.Apology.person_id)}
        self.keys["item"] = {r[0] for r in rows(db.AgendaItem.number)}
        self.keys["resolution"] = {(r[0], text_key(r[1])) for r in
                                   rows(db.Resolution.item, db.Resolution.text)}
        self.keys["note"] = {(r[0], text_key(r[1])) for r in rows(db.Note.item, db.Note.text)}
        self.stored = Counter(text_key(r[0]) for r in rows(db.Action.text))
        self.keys["rag"] = {(r[0], text_key(r[1])) for r in
                            rows(db.RagItem.ref, db.RagItem.text)}

    def first(self, kind: str, key: Hashable) -> bool:
        """True the first time `key` is offered for `kind` (for an action: each time this
        source offers it more often than the meeting has it)."""
        if kind == "action":
            self.mine[key] += 1
            return self.mine[key] > self.stored[key]
        seen = self.keys.setdefault(kind, set())
        if key in seen:
            return False
        seen.add(key)
        return True


@dataclass
class MeetingContext:
    session: Session
    document_id: int
    meeting: db.Meeting
    body: db.Body
    people: BodyRoll
    seen: Seen
    result: SaveResult
    # initials this meeting's own list printed, by key: they win over the body's aliases
    initials: dict[str, db.Person] = field(default_factory=dict)
    # attendance rows (and their people) waiting for the people's ids: `write_attendance`
    attending: list[tuple[db.Attendance, db.Person]] = field(default_factory=list)
    # flags on actions not inserted yet, added (in order) once they have ids
    on_actions: list[tuple[Problem, Where, db.Action, str]] = field(default_factory=list)

    @property
    def meeting_id(self) -> int:
        return self.meeting.id

    def flag(self, p: Problem, at: Where, action_id: int | None = None,
             owner: str | None = None) -> None:
        add_flag(self.session, self.result, p, self.meeting_id, at, action_id, owner)

    def keep(self, kind: str, key: Hashable) -> bool:
        if self.seen.first(kind, key):
            return True
        self.result.duplicates_skipped += 1
        return False


def _person(ctx: MeetingContext, name: str, at: Where) -> db.Person | None:
    if not name_key(name):
        ctx.flag(Problem("name-missing", f"an attendance entry has no usable name: {name!r}"),
                 at)
        return None
    match = ctx.people.for_attendance(name)
    if match.how == "created" and match.person is not None:
        ctx.result.people_created += 1
        _flag_similar(ctx, match.person, name, at)
    if match.candidates:
        ctx.flag(Problem("person-ambiguous",
                         f"{name!r} could be {', '.join(match.candidates)}; kept as its own "
                         "person until the clerk decides"), at)
    return match.person


def save_attendance(ctx: MeetingContext, m: rec.Meeting) -> None:
    # Full names first, so "Prynn" later in the list can resolve to "Sue Prynn" earlier or
    # later in it rather than becoming a person of its own.
    roles: list[tuple[db.Attendance, db.Person, str, Where]] = []
    for a in sorted(m.attendees, key=lambda a: len(name_key(a.name).split()) < 2):
        at = where(ctx.document_id, a.evidence)
        person = _person(ctx, a.name, at)
        if person is None or not ctx.keep("attendance", person):
            continue
        row, problems = attendee_to_attendance(a, ctx.meeting_id, person.id, at)
        ctx.attending.append((row, person))  # written once the people have ids
        ctx.result.attendees += 1
        printed = fitting_initials(person.name, a.initials)
        if printed:
            ctx.initials.setdefault(name_key(printed), person)
            shared = learn_initials(ctx.session, person, printed, ctx.people)
            problems = [*problems, shared] if shared else problems
        for p in problems:
            ctx.flag(p, at)
        if a.role and role_key(a.role):
            roles.append((row, person, a.role, at))
    apologies: list[tuple[db.Apology, db.Person]] = []
    for ap in sorted(m.apologies, key=lambda a: len(name_key(a.name).split()) < 2):
        at = where(ctx.document_id, ap.evidence)
        person = _person(ctx, ap.name, at)
        if person is None or not ctx.keep("apology", person):
            continue
        apologies.append((apology_to_row(ap, ctx.meeting_id, person.id, at), person))
        ctx.result.apologies += 1
    # The people just made get their ids (the owners of the meeting's actions use them)
    # in one flush, and the list's rows go in as a statement per table; the offices held
    # name the attendance rows by id.
    write_attendance(ctx)
    for row, person in apologies:
        row.person_id = person.id
    insert_rows(ctx.session, [row for row, _ in apologies])
    for row, person, role, at in roles:
        _save_role(ctx, row, person, role, at)


def _flag_similar(ctx: MeetingContext, person: db.Person, written: str, at: Where) -> None:
    """A new person whose name is a near spelling of one the body has: suggest, never merge."""
    alike = similar_people(ctx.session, person, ctx.people)
    if alike:  # where one was seen: this meeting's list so far counts
        write_attendance(ctx)
    for other in alike:
        seen = ctx.session.execute(
            select(db.Meeting.date, db.Document.file_name, db.Attendance.page)
            .join(db.Attendance, db.Attendance.meeting_id == db.Meeting.id)
            .join(db.Document, db.Attendance.document_id == db.Document.id)
            .where(db.Attendance.person_id == other.id)
            .order_by(db.Meeting.date.desc(), db.Attendance.id.desc()).limit(1)).first()
        where_seen = (f" (last seen {seen[0] or 'undated'}, {seen[1]}"
                      f"{f' p.{seen[2]}' if seen[2] is not None else ''})" if seen else "")
        ctx.flag(Problem("person-similar",
                         f"{written!r} may be {other.name!r}{where_seen}: kept as two people; "
                         f"if one, run: people merge {other.name!r} {person.name!r}"), at)


def write_attendance(ctx: MeetingContext) -> None:
    """Flush the people made so far and insert the attendance rows waiting for their ids,
    in order, each row given the id it got (the offices held refer to it)."""
    ctx.session.flush()
    if not ctx.attending:
        return
    for row, person in ctx.attending:
        row.person_id = person.id
    ids = ctx.session.scalars(
        insert(db.Attendance).returning(db.Attendance.id, sort_by_parameter_order=True),
        [_values(row) for row, _ in ctx.attending]).all()
    for (row, _), row_id in zip(ctx.attending, ids, strict=True):
        row.id = row_id
    ctx.attending.clear()


def _save_role(ctx: MeetingContext, attendance: db.Attendance, person: db.Person, role: str,
               at: Where) -> None:
    """Who held which office at this meeting: the dated roles of the body's people."""
    ctx.session.add(db.PersonRole(
        person_id=person.id, body_id=ctx.body.id, meeting_id=ctx.meeting_id,
        attendance_id=attendance.id, date=ctx.meeting.date, role=collapse(role),
        role_key=role_key(role), **at.columns()))


def save_business(ctx: MeetingContext, m: rec.Meeting) -> None:
    items = [item_to_row(i, ctx.meeting_id, where(ctx.document_id, i.evidence))
             for i in m.items if ctx.keep("item", i.number)]
    ctx.result.items += len(items)
    resolutions = [resolution_to_row(r, ctx.meeting_id, where(ctx.document_id, r.evidence))
                   for r in m.resolutions if ctx.keep("resolution", (r.item, text_key(r.text)))]
    ctx.result.resolutions += len(resolutions)
    # Narrative under matters arising, and done-reports elsewhere (`keeps_note`): what
    # carry-forward reads as mentions that may close an action.
    notes = [note_to_row(n, ctx.meeting_id, where(ctx.document_id, n.evidence))
             for n in m.notes if keeps_note(n) and ctx.keep("note", (n.item, text_key(n.text)))]
    for rows in (items, resolutions, notes):
        insert_rows(ctx.session, rows)
    actions: list[tuple[db.Action, list[db.ActionOwner]]] = []
    for a in m.actions:
        if ctx.keep("action", text_key(a.text)):
            actions.append(_save_action(ctx, a))
    # The actions in one statement, their ids returned for their owners and flags.
    ids = ctx.session.scalars(
        insert(db.Action).returning(db.Action.id, sort_by_parameter_order=True),
        [_values(row) for row, _ in actions]).all() if actions else []
    for (row, owners), action_id in zip(actions, ids, strict=True):
        row.id = action_id
        for owner_row in owners:
            owner_row.action_id = action_id
    insert_rows(ctx.session, [o for _, owners in actions for o in owners])
    for p, at, action, owner in ctx.on_actions:
        ctx.flag(p, at, action.id, owner)
    ctx.on_actions.clear()
    rag = []
    for g in m.rag_items:
        if ctx.keep("rag", (g.ref, text_key(g.text))):
            at = where(ctx.document_id, g.evidence)
            row, problems = rag_item_to_row(g, ctx.meeting_id, at)
            rag.append(row)
            ctx.result.rag_items += 1
            for p in problems:
                ctx.flag(p, at)
    insert_rows(ctx.session, rag)


def insert_rows(session: Session, rows: Sequence[db.Base]) -> None:
    """Insert rows of one model that nothing in the save reads back as objects, in order,
    as one statement (an ORM bulk INSERT) rather than an object each in the unit of work:
    the rows and their ids are the same, for a fraction of the cost."""
    if rows:
        session.execute(insert(type(rows[0])), [_values(r) for r in rows])


def _values(row: db.Base) -> dict[str, Any]:
    """The columns set on a row object that was never added to the session."""
    return {k: v for k, v in vars(row).items() if not k.startswith("_sa_")}


def _save_action(ctx: MeetingContext, a: rec.Action) -> tuple[db.Action, list[db.ActionOwner]]:
    """The action's row and its owners' rows, for the caller to insert."""
    at = where(ctx.document_id, a.evidence)
    org = ctx.body.organisation
    key = action_key(org.name_key if org is not None else None, ctx.body.name_key,
                     ctx.meeting.date, a.text)
    row = action_to_row(a, ctx.meeting_id, at, key)
    ctx.result.actions += 1
    kept: list[db.ActionOwner] = []
    taken: set[object] = set()  # "Prynn" and "Sue Prynn" in one list are one owner
    position = 0
    for owner in (collapse(o) for o in a.owners):
        if not owner:
            continue
        for owner_row in _owner(ctx, row, owner, at):
            key = owner_row.person_id if owner_row.person_id is not None else owner_row.text_key
            if key in taken:
                continue
            taken.add(key)
            owner_row.position = position
            kept.append(owner_row)
            position += 1
    return row, kept


def _owner(ctx: MeetingContext, action: db.Action, owner: str, at: Where
           ) -> list[db.ActionOwner]:
    """The owner rows one written owner makes: an office resolves to its holder at this
    meeting; initials this meeting's list printed win over the body's aliases; several
    initials run together ("JH NO", their separator lost) are each a person's."""
    def row(kind: str, person_id: int | None, text_key: str) -> db.ActionOwner:
        return db.ActionOwner(action_id=action.id, position=0, kind=kind,
                              person_id=person_id, text=owner, text_key=text_key)

    office = office_key(owner)
    if office is not None or is_role(owner):
        holder = holder_at(ctx.session, ctx.meeting_id, office) if office else None
        return [row("person" if holder else "role", holder.id if holder else None,
                    owner.lower())]
    key = name_key(owner)
    printed = ctx.initials.get(key)
    person_id = printed.id if printed is not None else None
    match: Match = ctx.people.find(owner) if person_id is None else Match(None, "alias")
    person_id = person_id or (match.person.id if match.person is not None else None)
    if person_id is not None:
        return [row("person", person_id, key)]
    several = _initials_run(ctx, key)
    if several:
        return [row("person", p, key) for p in several]
    why = (f"could be {', '.join(match.candidates)}" if match.candidates
           else "matches no attendee or known person of this body")
    ctx.on_actions.append((Problem("owner-unmatched",
                                   unmatched_owner_message(owner, why, action.text)),
                           at, action, owner))
    return [row("unmatched", None, key)]


def _initials_run(ctx: MeetingContext, key: str) -> list[int]:
    """People of "jh no": every word a person's initials (this meeting's or the body's
    aliases); [] unless all are."""
    tokens = key.split()
    if not 2 <= len(tokens) <= 4 or any(not 2 <= len(t) <= 4 for t in tokens):
        return []
    found = []
    for token in tokens:
        printed = ctx.initials.get(token)
        person_id = printed.id if printed is not None else None
        if person_id is None:
            match = ctx.people.find(token)
            if match.how != "alias" or match.person is None:
                return []
            person_id = match.person.id
        found.append(person_id)
    return found


def save_parts(session: Session, document_id: int, parts: Sequence[rec.FilePart]) -> None:
    """Store the papers ingest found in the file, replacing any an earlier reading gave."""
    session.execute(delete(db.DocumentPart).where(db.DocumentPart.document_id == document_id))
    session.add_all(part_to_row(p, document_id, n) for n, p in enumerate(parts))
