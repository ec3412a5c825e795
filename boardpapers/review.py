"""The clerk's loop on the command line: `review` lists open flags with the words they are
about; `correct`, `dismiss` and `people merge|alias` record corrections (kept across every
re-run, see `store.corrections`); `people list` and `corrections` show the result.

Everything from a paper or typed by the clerk reaches the screen inside rich.text.Text
(never parsed as markup), on one line, with unprintable characters replaced and its length
bounded (`show.short`). Errors the clerk can fix (an unknown id, an ambiguous name) are a
plain message and exit code 2.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy.orm import Session

from store.corrections import (
    ActionCorrected,
    CorrectionError,
    CorrectionView,
    FlagDismissed,
    PeopleCorrected,
)
from store.names import collapse
from store.people import PersonView
from store.review import FlagAction, FlagEvidence, document_paths

from .errors import fail
from .listing import print_table
from .show import short
from .verbosity import note

__all__ = ["clerk_errors", "fail", "file_words", "parse_due", "render_corrected",
           "render_corrections", "render_dismissed", "render_people",
           "render_people_corrected", "render_review", "render_unapplied"]

MESSAGE_CHARS = 300
WORDS_CHARS = 200
NAME_CHARS = 120
NEIGHBOURS = 1  # blocks either side of a flagged block shown with --context

err = Console(stderr=True, highlight=False)


def out() -> Console:
    # Made per call, not at import: tests swap sys.stdout for each command they run.
    return Console(highlight=False)


@contextmanager
def clerk_errors() -> Iterator[None]:
    """Turn a correction the store refused into a plain message and exit code 2."""
    try:
        yield
    except CorrectionError as e:  # may quote names read from a paper: bounded, as text
        err.print(Text(short(str(e), MESSAGE_CHARS * 2)), soft_wrap=True)
        raise typer.Exit(2) from None


def parse_due(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"--due is a date as YYYY-MM-DD, not {short(value, 40)!r}") from None


# -- review ---------------------------------------------------------------------------------------

def file_words(session: Session, flags: list[FlagEvidence]) -> dict[int, tuple[str, ...]]:
    """The flagged block and its neighbours as the file itself reads, per flag id, for the
    files still at a path they were seen at with the same content. Reading a file again is
    slow (a scanned pack is OCR'd), so this is only done when asked (`--context`)."""
    from ingest import Status, load

    out: dict[int, tuple[str, ...]] = {}
    by_doc: dict[int, list[FlagEvidence]] = {}
    for f in flags:
        if f.block is not None:
            by_doc.setdefault(f.document_id, []).append(f)
    for doc_id, doc_flags in by_doc.items():
        path = _current_path(session, doc_id, doc_flags[0].sha256)
        if path is None:
            continue
        document = load(path)
        if document.status is Status.FAILED:
            continue
        items = {it.index: it for it in document.items()}
        for f in doc_flags:
            assert f.block is not None
            lines = []
            for index in range(f.block - NEIGHBOURS, f.block + NEIGHBOURS + 1):
                item = items.get(index)
                if item is None or getattr(item, "kind", "") == "furniture":
                    continue
                mark = "›" if index == f.block else " "
                # a paper's line breaks are only where it wrapped: read as one line
                lines.append(f"{mark} {short(collapse(_item_text(item)), WORDS_CHARS)}")
            out[f.id] = tuple(lines)
    return out


def _current_path(session: Session, document_id: int, sha256: str) -> Path | None:
    """A path the document was seen at that still holds the same bytes."""
    from ingest import sha256_of
    from store.save import original_name

    for stored in document_paths(session, document_id):
        # a non-UTF-8 name is stored escaped: try the name it stands for, then as stored
        for p in dict.fromkeys((Path(original_name(stored)), Path(stored))):
            try:
                if p.is_file() and sha256_of(p) == sha256:
                    return p
            except OSError:
                continue
    return None


def _item_text(item: object) -> str:
    rows = getattr(item, "rows", None)
    if rows is not None:  # a table: its cells, row by row
        return " / ".join(" | ".join(c.text for c in row) for row in rows)
    return str(getattr(item, "text", ""))


def render_review(flags: list[FlagEvidence], total: int,
                  context: dict[int, tuple[str, ...]] | None = None) -> None:
    screen = out()
    for f in flags:
        where = " · ".join(x for x in (
            short(f.body, NAME_CHARS) if f.body else "",
            f"{f.record} {f.meeting_date.isoformat() if f.meeting_date else 'undated'}"
            if f.record else "",
            short(f.file, NAME_CHARS) + (f" p.{f.page}" if f.page is not None else ""),
        ) if x)
        screen.print(Text.assemble((f"flag {f.id}", "bold"), "  ",
                                   (short(f.kind, 60), "yellow"), "  ", where),
                     soft_wrap=True)
        screen.print(Text("    " + short(f.message, MESSAGE_CHARS)), soft_wrap=True)
        if f.action is not None:  # the row itself, and the id `correct` takes
            screen.print(Text.assemble(("    action ", "cyan"), (str(f.action.id), "bold cyan"),
                                       ("  " + action_row(f.action), "dim")), soft_wrap=True)
        lines = (context or {}).get(f.id) or (() if f.action is not None else tuple(
            f"“{short(collapse(w), WORDS_CHARS)}”" for w in f.words))
        for line in lines:
            screen.print(Text("    " + line, style="dim"), soft_wrap=True)
    shown = f"{len(flags)} of {total}" if len(flags) < total else str(total)
    note(f"{shown} open flag(s); `boardpapers correct ACTION_ID` fixes an action "
         "(its flags close themselves), `boardpapers dismiss ID` drops a flag")


def action_row(a: FlagAction) -> str:
    """One line: the action's words, its owner as printed, its due date."""
    due = a.due.isoformat() if a.due else "none"
    if a.due_text and (a.due is None or a.due_text.strip() != due):
        due += f" (printed {short(a.due_text, NAME_CHARS)!r})" if a.due else \
            f" (printed {short(a.due_text, NAME_CHARS)!r}, not a date)"
    owner = short(a.owner_text, NAME_CHARS) if a.owner_text else "none printed"
    return f"“{short(collapse(a.text), WORDS_CHARS)}” · owner: {owner} · due: {due}"


def render_unapplied(corrections: list[CorrectionView]) -> None:
    waiting = [c for c in corrections if c.applies_to is None and c.undone_at is None]
    if waiting:
        err.print(Text(f"{len(waiting)} correction(s) match nothing in the store now "
                       "(the words they were made on have changed); `boardpapers "
                       "corrections` lists them"), soft_wrap=True)


# -- what a command recorded ----------------------------------------------------------------------

def render_corrected(done: ActionCorrected) -> None:
    screen = out()
    date = done.meeting_date.isoformat() if done.meeting_date else "undated"
    screen.print(Text(f"action {done.action_id} · {short(done.body, NAME_CHARS)} {date} · "
                      f"{short(done.text, WORDS_CHARS)}"), soft_wrap=True)
    for correction_id, kind, value in done.recorded:
        if kind == "owner":
            shown = ", ".join(_owner(o.name, o.kind, o.person) for o in done.owners)
        elif kind == "dismiss_action":
            shown = "dismissed: kept, but left out of the listing and the log"
        else:
            shown = short(value or "", WORDS_CHARS)
        label = "" if kind == "dismiss_action" else f"{kind} → "
        screen.print(Text(f"  recorded correction {correction_id}: {label}{shown}"),
                     soft_wrap=True)
    for flag_id in done.open_flags:
        screen.print(Text(f"  flag {flag_id} on the same words is still open; "
                          f"`boardpapers dismiss {flag_id}` once this settles it"),
                     soft_wrap=True)


def _owner(name: str, kind: str, person: str | None) -> str:
    name = short(name, NAME_CHARS)
    if kind == "person":
        return name if person == name else f"{name} (= {short(person or '', NAME_CHARS)})"
    if kind == "role":
        return f"{name} (role)"
    return f"{name} (not a known person of this body; kept as written)"


def render_dismissed(done: FlagDismissed) -> None:
    what = f"flag {done.flag_id} ({short(done.kind, 60)}): {short(done.message, MESSAGE_CHARS)}"
    if done.already:
        line = f"already dismissed by correction {done.correction_id}: {what}"
    else:
        line = f"recorded correction {done.correction_id}: dismissed {what}"
    if done.dismissed > 1:
        line += f" (and {done.dismissed - 1} copy of it from another file)"
    out().print(Text(line), soft_wrap=True)


def render_people_corrected(done: PeopleCorrected, kind: str) -> None:
    person, other = short(done.person, NAME_CHARS), short(done.other, NAME_CHARS)
    body = short(done.body, NAME_CHARS)
    if done.already:
        out().print(Text(f"{other} is already a name of {person} ({body}); nothing recorded"),
                    soft_wrap=True)
        return
    if kind == "merge_people" and done.merged is not None:
        line = (f"recorded correction {done.correction_id}: merged {other} into {person} "
                f"({body}); moved {_rows(done.merged.moved) or 'nothing'}")
        if _rows(done.merged.dropped):
            line += f"; dropped as duplicates {_rows(done.merged.dropped)}"
        line += f"; {other} is now an alias of {person}"
    else:
        line = (f"recorded correction {done.correction_id}: {other} is another name of "
                f"{person} ({body})")
    out().print(Text(line), soft_wrap=True)


# How a merge's moved rows are named for the clerk; other tables by their own name. The
# corrections that named the merged person move too, but that is the store's business.
_ROWS = {"attendance": "attendance", "apologies": "apologies",
         "action_owners": "action ownerships", "person_aliases": "aliases",
         "person_roles": "roles", "corrections": ""}


def _rows(counts: dict[str, int]) -> str:
    named = ((n, _ROWS.get(table, table.replace("_", " "))) for table, n in counts.items())
    return ", ".join(f"{n} {what}" for n, what in sorted(named, key=lambda x: x[1]) if what)


def render_people(people: list[PersonView]) -> None:
    print_table(("id", "name", "also known as", "body", "meetings", "actions"), [
        (Text(str(p.id)), Text(short(p.name, NAME_CHARS)),
         Text(short(", ".join(p.aliases), 2 * NAME_CHARS)), Text(short(p.body, NAME_CHARS)),
         Text(str(p.meetings)), Text(str(p.actions))) for p in people])
    note(f"{len(people)} person(s)")


def _applies(c: CorrectionView) -> Text:
    if c.undone_at is not None:  # kept on record; applies to nothing
        why = f": {c.undone_note}" if c.undone_note else ""
        return Text(short(f"undone {c.undone_at:%Y-%m-%d %H:%M}{why}", WORDS_CHARS),
                    style="dim")
    return Text(short(c.applies_to or "nothing now", WORDS_CHARS),
                style="" if c.applies_to else "yellow")


def render_corrections(corrections: list[CorrectionView]) -> None:
    rows = []
    for c in corrections:
        about = short(c.target, WORDS_CHARS)
        if c.body:
            date = f" {c.meeting_date.isoformat()}" if c.meeting_date else ""
            about = f"{short(c.body, NAME_CHARS)}{date}: {about}"
        rows.append((Text(str(c.id)), Text(c.created_at.strftime("%Y-%m-%d %H:%M")),
                     Text(c.kind), Text(about), Text(short(c.value or "", WORDS_CHARS)),
                     Text(short(c.note or "", WORDS_CHARS)), _applies(c)))
    print_table(("id", "when", "kind", "about", "value", "note", "applies to"), rows)
    note(f"{len(corrections)} correction(s)")
