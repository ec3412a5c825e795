"""The `boardpapers` command: a thin shell over ingest, extract, store and reports.

Each command imports what it uses inside its body: ingest, extract (spaCy), the store
(SQLAlchemy, Alembic) and the report writers cost a second or more to import, and
`boardpapers --help` or `boardpapers actions` should not pay for the ones they never use.
Everything from a file or a paper is printed through `show.shown`/`show.short`, as Text.
Mistakes a user can fix (a bad --db, an --out that cannot be written) are one sentence on
stderr and exit code 2 (`errors.py`); a file that fails is exit code 1.
Results go to stdout (laid out for a terminal, plain lines when piped: `listing.py`; JSON
with `--json`: `as_json.py`), everything else to stderr, where `-q`/`-v` set how much is
said (`verbosity.py`).
"""
from __future__ import annotations

import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.text import Text

from . import __version__
from .errors import fail, open_store
from .show import shown
from .verbosity import detail, note, quiet, verbose

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .batch import Outcome

app = typer.Typer(no_args_is_help=True,
                  help="Board and committee papers → attendance, decisions and actions.")
console = Console(stderr=True)
DB_HELP = "SQLAlchemy database URL (default: $BOARDPAPERS_DB, else ./boardpapers.sqlite)"
JSON_HELP = "Print a JSON list on stdout instead (dates ISO; messages stay on stderr)"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"boardpapers {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(ctx: typer.Context,
                 version: bool = typer.Option(False, "--version", callback=_version,
                                              is_eager=True, help="Print the version and stop"),
                 verbose: bool = typer.Option(False, "--verbose", "-v",
                                              help="Say more on stderr: the store opened "
                                                   "(password masked), how long it took"),
                 quiet_: bool = typer.Option(False, "--quiet", "-q",
                                             help="No progress bar, counts or hints on "
                                                  "stderr; warnings and errors only")) -> None:
    """Board and committee papers → attendance, decisions and actions."""
    import time

    from . import verbosity

    if verbose and quiet_:
        raise fail("give -v or -q, not both")
    verbosity.set_level(verbosity.QUIET if quiet_ else
                        verbosity.VERBOSE if verbose else verbosity.NORMAL)
    started, cpu = time.perf_counter(), time.process_time()

    def done() -> None:
        detail(f"{ctx.invoked_subcommand}: {time.perf_counter() - started:.2f} s "
               f"({time.process_time() - cpu:.2f} s CPU)")
        verbosity.set_level(verbosity.NORMAL)

    ctx.call_on_close(done)


def _session(db: Optional[str]) -> Session:
    return open_store(db)


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class Writer(str, Enum):
    client = "client"
    workers = "workers"


@app.command()
def run(paths: list[str] = typer.Argument(
            ..., help="Files or folders of papers (with --executor dask, also fsspec URLs "
                      "such as s3://bucket/prefix/)"),
        workers: Optional[int] = typer.Option(
            None, "--workers", min=1, envvar="BOARDPAPERS_WORKERS",
            help="Files read at once, each in a process of its own, and a scan's pages "
                 "OCR'd at once (default: the machine's cores)"),
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        executor: Executor = typer.Option(
            "local", "--executor",
            help="local: this machine's processes; dask: a dask.distributed cluster "
                 "(pip install \"boardpapers[cluster]\")"),
        scheduler: Optional[str] = typer.Option(
            None, "--scheduler", help="With --executor dask: the address of a running "
                                      "scheduler (default: a cluster of --workers processes "
                                      "on this machine)"),
        writer: Writer = typer.Option(
            "client", "--writer",
            help="With --executor dask: who saves each reading, this process (one writer) "
                 "or the worker that read it (under the store's write lock)")) -> None:
    """Ingest every PDF/DOCX/HTML/TXT under PATHS into the store.

    Every failed or partly read file is listed with its problems on every run, including
    files stored by an earlier run, and the exit code is 1 while any file is failed.
    The slowest files read are listed at the end with their reading time and pages.
    """
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ingest.ocr import cores
    from store import summary_counts

    from . import batch

    if executor is not Executor.dask and (scheduler or writer is not Writer.client):
        raise fail("--scheduler and --writer work with --executor dask; add it, or drop them")
    started = time.perf_counter()
    if executor is Executor.dask:
        from .cluster_cli import find_sources, run_on_cluster

        sources = find_sources(paths)
        if not sources:
            _no_papers()
        _check_budget()
        session = _session(db)
        outcomes, files, workers = run_on_cluster(session, sources, workers or cores(),
                                                  scheduler, writer.value, console)
    else:
        files = batch.find_files([Path(p) for p in paths])
        if not files:
            _no_papers()
        _check_budget()
        session = _session(db)
        outcomes = []
        # markup=False: the description is a file name, which may hold "[...]"
        with Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                      MofNCompleteColumn(), console=console, transient=True,
                      disable=quiet()) as bar:
            task = bar.add_task("reading", total=len(files))
            for outcome in batch.run(session, files,
                                     lambda p: bar.update(task,
                                                          description=shown(p.name)[:40]),
                                     workers=workers or cores()):
                outcomes.append(outcome)
                bar.advance(task)
    order = {f: k for k, f in enumerate(files)}  # workers finish in any order: list in one
    outcomes.sort(key=lambda o: order.get(o.file, len(order)))
    # soft_wrap: one line per file however narrow the terminal, so a path is never split
    # and a log of the run can be searched line by line.
    for o in outcomes:
        if o.failed or o.status == "partial" or o.action == "re-read":
            console.print(_outcome_line(o), soft_wrap=True)
    counts = summary_counts(session)
    session.close()  # no transaction left open on a server while the summary prints
    failed = [o for o in outcomes if o.failed]
    done = [o for o in outcomes if not o.failed]
    note(Text(
        f"files {len(outcomes)} (new {sum(o.action == 'new' for o in done)}, re-read "
        f"{sum(o.action == 're-read' for o in done)}, unchanged "
        f"{sum(o.action == 'unchanged' for o in done)}, failed {len(failed)}) · partial "
        f"{sum(o.status == 'partial' for o in outcomes)} · store: "
        f"meetings {counts.meetings}, attendees {counts.attendees}, actions {counts.actions} "
        f"({counts.open_actions} open), RAG rows {counts.rag_items}, flags {counts.open_flags}, "
        f"failed documents {counts.failed_documents}"))
    for line in _timings(outcomes, time.perf_counter() - started, workers or cores(),
                         every=verbose()):
        note(line)
    if failed:
        raise typer.Exit(1)


def _no_papers() -> None:
    console.print("[yellow]No papers found[/] (looked for .pdf .docx .html .txt).")
    raise typer.Exit(1)


SLOWEST = 5


def _timings(outcomes: list[Outcome], seconds: float, workers: int, every: bool = False
             ) -> list[Text]:
    """The run's reading time and its slowest files (seconds, pages), as Text lines; with
    `every` (-v), every file read, slowest first."""
    read = sorted((o for o in outcomes if o.seconds is not None),
                  key=lambda o: -(o.seconds or 0.0))
    if not read:
        return []
    pages = sum(o.pages or 0 for o in read)
    lines = [Text(f"read {len(read)} file(s), {pages} page(s) in {seconds:.1f} s with "
                  f"{workers} worker(s); slowest:")]
    for o in read if every else read[:SLOWEST]:
        sized = f" ({o.pages} page{'s' if o.pages != 1 else ''})" if o.pages else ""
        lines.append(Text(shown(f"  {o.seconds:6.1f} s  {o.file.name}{sized}")))
    return lines


_STYLES = {"failed": "red", "error": "red", "partial": "yellow", "ok": "green"}
SHOWN_PROBLEMS = 3  # a scanned pack without OCR has one problem per page: name a few


def _outcome_line(o: Outcome) -> Text:
    """One file's line, as Text: file names and problems are shown as written, never
    read as Rich markup, with control characters escaped so neither can forge a line."""
    listed = "; ".join(o.problems[:SHOWN_PROBLEMS])
    if len(o.problems) > SHOWN_PROBLEMS:
        listed += f" (and {len(o.problems) - SHOWN_PROBLEMS} more, stored with the document)"
    detail = f"{o.note}: {listed}" if o.note and listed else o.note or listed
    return Text.assemble((o.status, _STYLES[o.status]), shown(f" {o.file}: {detail}"))


def _check_budget() -> None:
    """A per-file budget set in the environment that is not a positive number: one sentence."""
    from .bounded import Budget

    try:
        Budget.from_env()
    except ValueError as e:
        raise fail(str(e)) from None


@app.command("extract")
def extract_cmd(files: list[Path] = typer.Argument(..., help="Papers to extract"),
                out: Path = typer.Option(..., "--out", help="Folder for the JSON records")
                ) -> None:
    """Write one extraction record (schema boardpapers/extraction@1) per file; no database."""
    from extract import to_dict

    from . import batch
    from .bounded import kept_reader

    if out.exists() and not out.is_dir():
        raise fail(f"--out {out} is a file; name a folder for the JSON records "
                   "(it is made if it does not exist)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise fail(f"cannot make the folder {out}: {e.strerror}") from None
    _check_budget()
    failed = 0
    with kept_reader():  # one reading child for every file, not one each
        for path in batch.find_files(files):
            record = batch.extract_file(path)
            target = out / f"{path.name}.json"
            target.write_text(_json_text(to_dict(record)), encoding="utf-8")
            if record.source.status == "failed":
                failed += 1
                console.print(Text.assemble(("failed", "red"), shown(
                    f" {path}: {'; '.join(record.source.problems)}")), soft_wrap=True)
            else:
                note(f"{path.name} → {target}")
    if failed:
        raise typer.Exit(1)


def _json_text(data: object) -> str:
    """JSON for a record. A file name that is not UTF-8 holds lone surrogates, which no
    UTF-8 file can: each is written "\\xNN", the escape the store and the screen use."""
    text = json.dumps(data, indent=1, ensure_ascii=False)
    return re.sub(r"[\ud800-\udfff]", lambda m: json.dumps(shown(m.group()))[1:-1], text)


@app.command("inspect")
def inspect_cmd(file: Path = typer.Argument(..., help="A paper: PDF, DOCX, HTML or TXT"),
                page: Optional[int] = typer.Option(None, "--page", min=1,
                                                   help="Only this page (1-based PDF page)"),
                blocks: bool = typer.Option(True, "--blocks/--no-blocks",
                                            help="List each page's text blocks"),
                tables: bool = typer.Option(True, "--tables/--no-tables",
                                            help="List each page's tables, cells and fills"),
                as_json: bool = typer.Option(False, "--json", help="Print the same as JSON")
                ) -> None:
    """Show what ingest read from FILE: source, parts, and per page its blocks and tables."""
    from ingest import Status, load

    from .inspect import describe, render

    doc = load(file)
    if doc.status is Status.FAILED:
        # Text, not markup: a file name or problem may hold "[...]"
        console.print(Text(shown(f"failed {file}: "
                                 + "; ".join(p.message for p in doc.problems))))
        raise typer.Exit(1)
    info = describe(doc, page=page, blocks=blocks, tables=tables)
    if page is not None and not info["pages"]:
        console.print(Text(shown(f"{file.name} has no page {page}.")))
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(info, indent=1, ensure_ascii=False))
    else:
        render(info, Console(highlight=False))


@app.command()
def actions(owner: Optional[str] = typer.Option(
                None, help="Person (full name, surname, first name, 'Surname, First', "
                "initials, alias) or role (Clerk, Chair)"),
            status: str = typer.Option("open", help="open | closed | all"),
            body: Optional[str] = typer.Option(None, help="Board or committee name"),
            overdue: bool = typer.Option(False, "--overdue", help="Only open actions past due"),
            as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
            db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Outstanding actions, with owner, meeting raised, due date, age and source.

    On a terminal the layout fits its width (one card per action when narrow); piped, one
    tab-separated line per action under a header line."""
    import datetime as dt

    from reports.outstanding import outstanding_listing
    from store import outstanding_actions
    from store.names import name_key
    from store.owner_lookup import owner_note

    if status not in ("open", "closed", "all"):
        raise typer.BadParameter("status is one of open, closed, all")
    if owner is not None and not name_key(owner):
        # the store reads an owner with no letters as no filter at all: that would list
        # everyone's actions as if they were this owner's
        console.print(Text(f"--owner {shown(owner)!r} has no letters, so it names nobody; "
                           "0 action(s)"), soft_wrap=True)
        if as_json:
            typer.echo("[]")
        return
    with _session(db) as session:  # closed once read: no transaction left open on a server
        if owner is not None:  # whom the owner was read as: names from papers, escaped
            note(owner_note(session, owner, body))
        rows = outstanding_actions(session, today=dt.date.today(), owner=owner,
                                   status=status, body=body,  # type: ignore[arg-type]
                                   overdue=overdue)
    if as_json:
        from .as_json import actions_json

        typer.echo(actions_json(rows))
        return
    from .listing import print_actions

    print_actions(*outstanding_listing(rows))
    note(f"{len(rows)} action(s)")


@app.command()
def log(format: Optional[str] = typer.Option(
            None, "--format", help="md | csv | html | xlsx | docx | json | txt (default: "
                                   "from the --out file's extension, else md)"),
        out: Path = typer.Option(..., "--out", help="File to write; its extension names "
                                                    "the format"),
        body: Optional[str] = typer.Option(None, help="Board or committee name"),
        date_from: Optional[str] = typer.Option(
            None, "--from", help="Only actions raised on or after this date (31/3/25, "
                                 "31 March 2025, 2025-03-31, March 2025)"),
        date_to: Optional[str] = typer.Option(
            None, "--to", help="Only actions raised on or before this date"),
        open_only: bool = typer.Option(False, "--open", help="Only open actions"),
        owner: Optional[str] = typer.Option(
            None, help="Only this owner's actions (as `actions --owner` reads it)"),
        since_last_meeting: bool = typer.Option(
            False, "--since-last-meeting",
            help="Only actions raised or mentioned at the body's latest meeting (needs "
                 "--body, unless the store holds one body)"),
        template: Optional[Path] = typer.Option(
            None, "--template", help="Fill this Word .docx template (docxtpl tags; see the "
                                     "README) instead of the plain DOCX layout"),
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Write the cross-meeting action log: DOCX for the agenda pack, XLSX with a sheet
    per body, printable HTML, CSV, Markdown, JSON or text."""
    import datetime as dt

    from .errors import log_format
    from .reporting import LogChoice, log_report, typed_date, write

    fmt = log_format(format, out)
    if template is not None and fmt != "docx":
        raise fail(f"--template fills a Word document; name the --out file .docx, not "
                   f".{fmt}")
    choice = LogChoice(body, owner, open_only, typed_date("--from", date_from, start=True),
                       typed_date("--to", date_to, start=False), since_last_meeting)
    with _session(db) as session:  # closed after writing: the rows are read as written
        report, rows = log_report(session, choice, dt.date.today())
        write(report, fmt, out, template)
    note(f"{rows.n} action(s) → {out}")


@app.command()
def digest(body: str = typer.Option(..., help="Board or committee name"),
           owner: Optional[str] = typer.Option(
               None, help="One person (as `actions --owner` reads it); default: everyone "
                          "who owns an open action of the body, a file each"),
           out: Path = typer.Option(..., "--out", help="A folder (a file per person), or "
                                                       "one .txt/.html/.xlsx file with --owner"),
           format: Optional[str] = typer.Option(
               None, "--format", help="txt | html | xlsx for a folder (default txt)"),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Each person's open and overdue actions, oldest first, with the file and page each
    was raised in: one digest to send to each owner."""
    import datetime as dt

    from .reporting import digest_format, digests, write_digests

    fmt, one_file = digest_format(format, out)
    with _session(db) as session:
        found = digests(session, body, owner, dt.date.today())
        written = write_digests(found, fmt, out, one_file)
    for path in written:
        note(f"→ {path}")
    note(f"{len(written)} digest(s) of open actions")


# --- registers: decisions, attendance, RAG trends, role holders (boardpapers/registers.py) ---

FROM_HELP = "Only meetings on or after this date (2024-01-31, 31 January 2024, January 2024)"
TO_HELP = "Only meetings on or before this date"
REPORT_OUT_HELP = ("Write the report to this file, in the format its extension names "
                   "(.md .csv .html .xlsx .docx .json .txt); default: a table on screen")
REPORT_FORMAT_HELP = "The --out file's format, when its extension does not say"


@app.command()
def decisions(body: Optional[str] = typer.Option(None, help="Board or committee name"),
              since: Optional[str] = typer.Option(None, "--from", help=FROM_HELP),
              until: Optional[str] = typer.Option(None, "--to", help=TO_HELP),
              out: Optional[Path] = typer.Option(None, "--out", help=REPORT_OUT_HELP),
              format: Optional[str] = typer.Option(None, "--format", help=REPORT_FORMAT_HELP),
              db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The decisions register: every resolution by meeting, with its agenda item and source."""
    from reports.decisions import decisions_report
    from store.registers import decisions as read

    from .registers import Request, deliver

    asked = Request.of(since, until, out, format)
    with _session(db) as session:  # closed once read: no transaction left open on a server
        rows = read(session, body=body, since=asked.since, until=asked.until)
    deliver(decisions_report(rows, today=asked.today, body=body, since=asked.since,
                             until=asked.until), asked, f"{len(rows)} decision(s)")


@app.command()
def attendance(by: str = typer.Option("meeting", "--by", help="meeting | member"),
               body: Optional[str] = typer.Option(None, help="Board or committee name"),
               since: Optional[str] = typer.Option(None, "--from", help=FROM_HELP),
               until: Optional[str] = typer.Option(None, "--to", help=TO_HELP),
               out: Optional[Path] = typer.Option(None, "--out", help=REPORT_OUT_HELP),
               format: Optional[str] = typer.Option(None, "--format",
                                                    help=REPORT_FORMAT_HELP),
               db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The attendance register: present, substitutes, apologies and absent members per
    meeting, or (--by member) each member's attendance over the meetings held."""
    from reports.attendance import attendance_report, member_report
    from store.registers import attendance_by_meeting, attendance_by_member

    from .registers import Request, deliver

    if by not in ("meeting", "member"):
        raise fail(f"--by is meeting or member, not {shown(by)!r}")
    asked = Request.of(since, until, out, format)
    read, build, what = ((attendance_by_member, member_report, "member(s)") if by == "member"
                         else (attendance_by_meeting, attendance_report, "meeting(s)"))
    with _session(db) as session:  # closed once read: no transaction left open on a server
        rows = read(session, body=body, since=asked.since, until=asked.until)
    deliver(build(rows, today=asked.today, body=body, since=asked.since,  # type: ignore[arg-type]
                  until=asked.until), asked, f"{len(rows)} {what}")


@app.command()
def rag(body: Optional[str] = typer.Option(None, help="Board or committee name"),
        ref: Optional[str] = typer.Option(None, "--ref", help="Only the RAG row with this "
                                                              "reference"),
        since: Optional[str] = typer.Option(None, "--from", help=FROM_HELP),
        until: Optional[str] = typer.Option(None, "--to", help=TO_HELP),
        out: Optional[Path] = typer.Option(None, "--out", help=REPORT_OUT_HELP),
        format: Optional[str] = typer.Option(None, "--format", help=REPORT_FORMAT_HELP),
        chart: Optional[Path] = typer.Option(None, "--chart",
                                             help="Write the chart alone: FILE.png or "
                                                  "FILE.svg"),
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """RAG trends: each rated row's status meeting by meeting, the Red/Amber/Green/Blue
    count per meeting, and that count as a chart (latest 24 meetings of each body)."""
    from reports.rag import rag_report
    from store.queries import rag_trend

    from .registers import Request, deliver, terminal_meetings

    asked = Request.of(since, until, out, format, chart)
    with _session(db) as session:
        rows = rag_trend(session, body=body, ref=ref)
    on_screen = asked.out is None and asked.chart is None
    deliver(rag_report(rows, today=asked.today, body=body, since=asked.since,
                       until=asked.until, chart=not on_screen,
                       max_meetings=terminal_meetings() if on_screen else 24),
            asked, f"{len(rows)} RAG row(s)")
    if on_screen and rows:
        note("Chart: write it with --chart FILE.png or FILE.svg, or within "
             "--out FILE.html or FILE.docx")


@app.command()
def roles(body: Optional[str] = typer.Option(None, help="Board or committee name"),
          role: Optional[str] = typer.Option(None, "--role", help="Only this office "
                                                                  "(Chair, Vice-Chair, Clerk)"),
          since: Optional[str] = typer.Option(None, "--from", help=FROM_HELP),
          until: Optional[str] = typer.Option(None, "--to", help=TO_HELP),
          out: Optional[Path] = typer.Option(None, "--out", help=REPORT_OUT_HELP),
          format: Optional[str] = typer.Option(None, "--format", help=REPORT_FORMAT_HELP),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Role holders: who held each office of a body, first and last meeting in it (within
    --from/--to when given)."""
    from reports.roles import roles_report
    from store.queries import role_holders

    from .registers import Request, deliver

    asked = Request.of(since, until, out, format)
    with _session(db) as session:
        rows = role_holders(session, body=body, role=role, since=asked.since,
                            until=asked.until)
    deliver(roles_report(rows, today=asked.today, body=body, role=role, since=asked.since,
                         until=asked.until), asked, f"{len(rows)} term(s)")


# --- the clerk's loop: review flags, record corrections (logic in boardpapers/review.py) ---

NOTE_HELP = "Why: kept with the correction and shown in `boardpapers corrections`"
DUE_HELP = ("Due date as you would write it: 2025-03-31, 31 March 2025, 31/3/25, 31st Mar "
            "(day first), March 2025 (the month's last day)")


@app.command()
def review(body: Optional[str] = typer.Option(None, help="Board or committee name"),
           kind: Optional[str] = typer.Option(None, help="Only flags of this kind"),
           limit: int = typer.Option(50, min=1, help="At most this many flags"),
           context: bool = typer.Option(False, "--context",
                                        help="Read each file again for the words around "
                                             "each flag (slow for scanned packs)"),
           as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Open flags with their evidence: meeting, file, page, the action (its id for
    `correct`) and the words they are about."""
    from store.corrections import correction_log
    from store.review import open_flags

    from .as_json import review_json
    from .review import file_words, render_review, render_unapplied

    with _session(db) as session:
        flags, total = open_flags(session, body=body, kind=kind, limit=limit)
        if as_json:
            typer.echo(review_json(flags))
            return
        words = file_words(session, flags) if context else None
        render_review(flags, total, words)
        render_unapplied(correction_log(session))


@app.command()
def correct(action_id: int = typer.Argument(..., help="The action's id"),
            owner: Optional[list[str]] = typer.Option(
                None, "--owner", help="Who must do it (repeat for several)"),
            due: Optional[str] = typer.Option(None, "--due", help=DUE_HELP),
            status: Optional[str] = typer.Option(None, "--status", help="open | closed"),
            text: Optional[str] = typer.Option(None, "--text", help="The action's wording"),
            dismiss: bool = typer.Option(False, "--dismiss",
                                         help="Not an action: keep it, but leave it out of "
                                              "the listing and the log"),
            note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
            db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Correct an action; the correction is kept across every re-run."""
    from store.corrections import correct_action

    from .clerk import due_from
    from .review import clerk_errors, fail, render_corrected

    if status is not None and status not in ("open", "closed"):
        raise fail("--status is open or closed")
    when = due_from(due)
    with _session(db) as session, clerk_errors():
        render_corrected(correct_action(session, action_id, owners=owner, due=when,
                                        status=status, text=text, dismiss=dismiss,
                                        note=note))


@app.command()
def dismiss(flag_id: Optional[int] = typer.Argument(
                None, help="The flag's id, from `boardpapers review`"),
            kind: Optional[str] = typer.Option(
                None, "--kind", help="With --meeting: every open flag of this kind there"),
            meeting: Optional[int] = typer.Option(None, "--meeting", help="A meeting's id"),
            undo: bool = typer.Option(False, "--undo",
                                      help="Open FLAG_ID again: undo what closed it"),
            note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
            db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Dismiss a flag (or a meeting's open flags of one kind); kept across re-runs."""
    _close_flags(flag_id, kind, meeting, accept=False, undo=undo, note=note, db=db)


@app.command()
def accept(flag_id: Optional[int] = typer.Argument(
               None, help="The flag's id, from `boardpapers review`"),
           kind: Optional[str] = typer.Option(
               None, "--kind", help="With --meeting: every open flag of this kind there"),
           meeting: Optional[int] = typer.Option(None, "--meeting", help="A meeting's id"),
           note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Accept a flag: the fact is right as read; closed across re-runs, recorded as such."""
    _close_flags(flag_id, kind, meeting, accept=True, undo=False, note=note, db=db)


def _close_flags(flag_id: Optional[int], kind: Optional[str], meeting: Optional[int], *,
                 accept: bool, undo: bool, note: Optional[str], db: Optional[str]) -> None:
    from store.corrections import accept_flag, bulk_flags, dismiss_flag

    from .clerk import render_bulk, render_closed, render_undone
    from .review import clerk_errors, fail

    many = kind is not None or meeting is not None
    if many and (flag_id is not None or kind is None or meeting is None or undo):
        raise fail("give a FLAG_ID, or --kind and --meeting together (not both)")
    if not many and flag_id is None:
        raise fail("give a FLAG_ID, or --kind KIND --meeting MEETING_ID")
    with _session(db) as session, clerk_errors():
        if many:
            assert kind is not None and meeting is not None
            render_bulk(bulk_flags(session, meeting, kind, accept, note))
        elif undo:
            from store.corrections import closing_correction, undo_correction

            assert flag_id is not None
            render_undone(undo_correction(session, closing_correction(session, flag_id),
                                          note))
        elif accept:
            assert flag_id is not None
            render_closed(accept_flag(session, flag_id, note))
        else:
            assert flag_id is not None
            render_closed(dismiss_flag(session, flag_id, note=note))


@app.command()
def undo(correction_id: int = typer.Argument(
             ..., help="The correction's id, from `boardpapers corrections`"),
         note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
         db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Undo a correction, dismissal, merge, alias or added action; kept on record as undone.

    The store is as if it had never been made."""
    from store.corrections import undo_correction

    from .clerk import render_undone
    from .review import clerk_errors

    with _session(db) as session, clerk_errors():
        render_undone(undo_correction(session, correction_id, note))


@app.command("add-action")
def add_action_cmd(meeting_id: int = typer.Argument(..., help="The meeting's id"),
                   text: str = typer.Argument(..., help="The action, as the minutes mean it"),
                   owner: Optional[list[str]] = typer.Option(
                       None, "--owner", help="Who must do it (repeat for several)"),
                   due: Optional[str] = typer.Option(None, "--due", help=DUE_HELP),
                   page: Optional[int] = typer.Option(None, "--page",
                                                      help="The page it is on"),
                   note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
                   db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Add an action the extraction missed; kept across every re-run, marked as the clerk's.

    It is in the listing, the log and the carry-forward like any other."""
    from store.corrections import add_action

    from .clerk import due_from, render_added
    from .review import clerk_errors

    when = due_from(due)
    with _session(db) as session, clerk_errors():
        render_added(add_action(session, meeting_id, text, owners=owner or (), due=when,
                                page=page, note=note))


@app.command("corrections")
def corrections_cmd(body: Optional[str] = typer.Option(None, help="Board or committee name"),
                    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
                    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Every correction recorded, and what it applies to now."""
    from store.corrections import correction_log

    from .review import render_corrections

    with _session(db) as session:
        corrections = correction_log(session, body=body)
    if as_json:
        from .as_json import corrections_json

        typer.echo(corrections_json(corrections))
    else:
        render_corrections(corrections)


people_app = typer.Typer(no_args_is_help=True,
                         help="The people of each body: list them, merge two, add an alias.")
app.add_typer(people_app, name="people")


@people_app.command("merge")
def people_merge(keep: str = typer.Argument(..., help="The person to keep, by name"),
                 other: str = typer.Argument(..., help="The same person under another name"),
                 body: Optional[str] = typer.Option(None, help="Board or committee name"),
                 note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
                 db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """OTHER is KEEP: attendance and actions move to KEEP, OTHER becomes an alias."""
    from store.corrections import merge

    from .review import clerk_errors, render_people_corrected

    with _session(db) as session, clerk_errors():
        render_people_corrected(merge(session, keep, other, body=body, note=note),
                                "merge_people")


@people_app.command("alias")
def people_alias(name: str = typer.Argument(..., help="The person, by name"),
                 alias: str = typer.Argument(..., help="Another name they go by"),
                 body: Optional[str] = typer.Option(None, help="Board or committee name"),
                 note: Optional[str] = typer.Option(None, "--note", help=NOTE_HELP),
                 db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Record ALIAS as another name of NAME, so papers that use it find the person."""
    from store.corrections import alias as add_alias

    from .review import clerk_errors, render_people_corrected

    with _session(db) as session, clerk_errors():
        render_people_corrected(add_alias(session, name, alias, body=body, note=note),
                                "alias")


@people_app.command("list")
def people_list(body: Optional[str] = typer.Option(None, help="Board or committee name"),
                as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
                db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The people of each body with their aliases, meetings attended and actions owned."""
    from store.people import people_listing

    from .review import render_people

    with _session(db) as session:
        people = people_listing(session, body=body)
    if as_json:
        from .as_json import people_json

        typer.echo(people_json(people))
    else:
        render_people(people)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host",
                                   help="Address to listen on; beyond localhost needs "
                                        "$BOARDPAPERS_SECRET"),
          port: int = typer.Option(8765, "--port", min=1, max=65535),
          read_only: bool = typer.Option(False, "--read-only",
                                         help="Browse only: no forms, every POST refused"),
          db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The clerk's desk in the browser: review queue with page images, fixes, browsing."""
    from web.serve import bind_refusal, run, secret_from_env

    secret = secret_from_env()
    refusal = bind_refusal(host, secret)
    if refusal:
        raise fail(refusal)
    from store import default_url

    _session(db).close()  # the same checks and messages as every command's --db
    url = db or default_url()
    console.print(Text(f"The clerk's desk: http://{host}:{port}/review "
                       f"({'read-only, ' if read_only else ''}Ctrl-C to stop)"))
    run(url, host, port, read_only=read_only, secret=secret)


def main() -> None:  # pragma: no cover - console entry
    sys.exit(app())
