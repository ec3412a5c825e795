"""What `log` and `digest` do between the options and the files: read the dates the clerk
typed, pick the actions (`store.action_stream`), build the reports (`reports`) and write them.
Mistakes the clerk can fix are one sentence and exit code 2 (`errors.fail`)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING


from .errors import fail
from .verbosity import note

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reports.document import Report
    from reports.formats import Format
    from store.queries import StreamedAction
    from store.queries import ActionView

DIGEST_FORMATS = ("txt", "html", "xlsx")


def typed_date(option: str, value: str | None, *, start: bool) -> dt.date | None:
    """A date as the clerk types it (`store.corrections.read_due`): "1/4/24", "1 April
    2024", "2024-04-01"; a month alone ("March 2025") is its first day for --from and its
    last for --to."""
    if value is None:
        return None
    from store.corrections import CorrectionError, read_due

    try:
        read = read_due(value)
    except CorrectionError as e:
        raise fail(f"{option} is a date as YYYY-MM-DD, 31 March 2025 or 31/3/25 (day first):"
                   f" {str(e).split(';')[0]}") from None
    return read.date.replace(day=1) if read.month_end and start else read.date


@dataclass
class Counted:
    """Actions passed on to a writer, counted as they go (the stream is read once)."""

    actions: Iterable[ActionView | StreamedAction]
    n: int = 0

    def __iter__(self) -> Iterator[ActionView | StreamedAction]:
        for a in self.actions:
            self.n += 1
            yield a


@dataclass(frozen=True)
class LogChoice:
    body: str | None
    owner: str | None
    open_only: bool
    raised_from: dt.date | None
    raised_to: dt.date | None
    since_last_meeting: bool


def log_report(session: Session, choice: LogChoice, today: dt.date
               ) -> tuple[Report, Counted]:
    """The action log the options ask for, its rows still to be read."""
    from reports import action_log_report
    from store.action_stream import NotOneBody, body_names, latest_meeting, stream_actions
    from store.names import name_key

    if choice.owner is not None and not name_key(choice.owner):
        raise fail(f"--owner {choice.owner!r} has no letters, so it names nobody; give a "
                   "name, surname, initials or an office such as Clerk")
    if choice.raised_from and choice.raised_to and choice.raised_from > choice.raised_to:
        raise fail(f"--from {choice.raised_from} is after --to {choice.raised_to}; swap them")
    scope = ["open actions" if choice.open_only else "all actions, open and closed"]
    meetings = None
    if choice.since_last_meeting:
        try:
            last = latest_meeting(session, choice.body)
        except NotOneBody as e:
            raise fail(str(e)) from None
        meetings = last.meeting_ids if last else ()
        scope.append(f"raised or mentioned at the meeting of {last.date.isoformat()}"
                     if last else "raised or mentioned at the latest meeting (none dated)")
    if choice.owner:
        from store.owner_lookup import owner_note

        note(owner_note(session, choice.owner, choice.body))
        scope.append(f"owner {choice.owner}")
    if choice.raised_from or choice.raised_to:
        scope.append("raised " + " to ".join(
            [choice.raised_from.isoformat() if choice.raised_from else "any date",
             choice.raised_to.isoformat() if choice.raised_to else "today"]))
    names = body_names(session, choice.body)
    body = names[0] if len(names) == 1 else (choice.body or None)
    rows = Counted(stream_actions(
        session, today=today, status="open" if choice.open_only else "all",
        body=choice.body, owner=choice.owner, raised_from=choice.raised_from,
        raised_to=choice.raised_to, meetings=meetings))
    return action_log_report(rows, as_at=today, body=body, scope="; ".join(scope)), rows


def write(report: Report, fmt: Format, out: Path, template: Path | None = None, *,
          what: str = "the log") -> Path:
    """Write `report`, turning what the clerk can fix into one sentence."""
    from reports import TemplateError, write_report

    try:
        return write_report(report, fmt, out, template=template)
    except TemplateError as e:
        raise fail(str(e)) from None
    except FileExistsError as e:  # a folder on the way to `out` is a file
        raise fail(f"cannot write {what} to {out}: {e.filename} is a file, not a "
                   "folder") from None
    except NotADirectoryError as e:
        raise fail(f"cannot write {what} to {out}: {e.filename} is a file, not a "
                   "folder") from None
    except OSError as e:
        raise fail(f"cannot write {what} to {out}: {e.strerror or e}") from None


# --- the per-person digest ----------------------------------------------------------------

def digest_format(given: str | None, out: Path) -> tuple[Format, bool]:
    """(the format, whether `out` is one file) for `digest --out`: a name with a .txt,
    .html or .xlsx extension is one file; anything else is a folder."""
    from reports.formats import format_for

    if out.suffix and not out.is_dir():
        try:
            named = format_for(out)
        except ValueError:
            named = None
        if named not in DIGEST_FORMATS:
            raise fail(f"a digest is written as .{', .'.join(DIGEST_FORMATS)}; name the file "
                       "so, or give a folder")
        if given is not None and given != named:
            raise fail(f"--format {given} does not match --out {out.name}; change one of them")
        return named, True  # type: ignore[return-value]
    fmt = given or "txt"
    if fmt not in DIGEST_FORMATS:
        raise fail(f"--format for a digest is one of {', '.join(DIGEST_FORMATS)}, not {fmt!r}")
    return fmt, False  # type: ignore[return-value]


def digests(session: Session, body: str, owner: str | None, today: dt.date
            ) -> list[tuple[str, Report]]:
    """(person, their digest) for `owner`, or for every owner of the body's open actions
    (owners kept as text because they matched no person are left out: there is nobody
    to send it to), by name."""
    from reports import digest_report
    from store.action_stream import body_names, iter_actions
    from store.names import name_key
    from store.owner_lookup import body_ids, lookup_owner

    names = body_names(session, body)
    if not names:
        raise fail(f"--body {body!r} names no body in the store; `boardpapers actions` "
                   "lists the bodies with actions")
    label = names[0] if len(names) == 1 else body
    if owner is not None:
        if not name_key(owner):
            raise fail(f"--owner {owner!r} has no letters, so it names nobody")
        found = lookup_owner(session, owner, body_ids(session, body))
        person = found.people[0][1] if len(found.people) == 1 else owner
        rows = iter_actions(session, today=today, status="open", body=body, owner=owner)
        return [(person, digest_report(person, rows, as_at=today, body=label))]
    by_person: dict[str, list[ActionView]] = {}
    for a in iter_actions(session, today=today, status="open", body=body):
        unmatched = set(a.unmatched_owners)
        for name in dict.fromkeys(a.owners):
            if name not in unmatched:
                by_person.setdefault(name, []).append(a)
    return [(p, digest_report(p, by_person[p], as_at=today, body=label))
            for p in sorted(by_person, key=str.casefold)]


def write_digests(found: list[tuple[str, Report]], fmt: Format, out: Path, one_file: bool
                  ) -> list[Path]:
    from reports.filenames import safe_file_name

    if one_file:
        if len(found) != 1:
            raise fail(f"--out {out.name} is one file but {len(found)} people have open "
                       "actions; give --owner, or a folder")
        return [write(found[0][1], fmt, out, what="the digest")]
    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file; give a folder for one digest per person")
    taken: set[str] = set()  # unique in this run; a re-run overwrites its own files
    return [write(report, fmt, out / safe_file_name(person, fmt, taken), what="the digest")
            for person, report in found]
