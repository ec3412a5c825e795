"""Mistakes a user can fix, caught before they become tracebacks: one sentence on stderr
that says what to do, and exit code 2 (a file that fails to read is exit code 1).

The store's and the drivers' exceptions are translated here, in the CLI, so the library
keeps raising them for callers that want them. Imports stay inside the functions: the CLI
imports this module for every command, `--help` included.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.text import Text

from .show import shown
from .verbosity import detail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reports.formats import Format

URL_EXAMPLES = "sqlite:///boardpapers.sqlite or postgresql+psycopg://user@host/dbname"


def fail(message: str) -> typer.Exit:
    """Print `message` (escaped, as Text) and return the exit to raise: `raise fail(...)`."""
    Console(stderr=True, highlight=False).print(Text(shown(message)), soft_wrap=True)
    return typer.Exit(2)


def open_store(db: str | None) -> Session:
    """A session on the store named by `--db` (else $BOARDPAPERS_DB, else the default),
    or exit 2 with the reason when that is not a URL, names a folder that does not exist,
    or a server that does not answer."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from store import default_url, open_session
    from store.db import ENV_VAR, UnusableStore

    url = db or default_url()
    where = "--db" if db else f"${ENV_VAR}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise fail(f"{where} {url!r} is not a database URL; give one like {URL_EXAMPLES}"
                   ) from None
    name = parsed.render_as_string(hide_password=True)  # never print a password
    detail(f"store: {name}")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(str(parsed.database)).parent
        if not folder.is_dir():
            raise fail(f"the folder {folder} for the store {name} does not exist; make it "
                       f"first or give {where} another path")
    try:
        return open_session(url)
    except UnusableStore as e:  # a half-made or too-new store: the remedy, no traceback
        raise fail(str(e)) from None
    except NoSuchModuleError:
        raise fail(f"{where} {name}: no database of kind {parsed.drivername!r}; give a URL "
                   f"like {URL_EXAMPLES}") from None
    except ModuleNotFoundError as e:
        raise fail(f"{where} {name} needs the database driver {e.name!r}, which is not "
                   "installed (for PostgreSQL: pip install -e \".[postgres]\")") from None
    except DBAPIError as e:
        reason = " ".join(str(e.orig).split()) or type(e.orig).__name__
        raise fail(f"cannot open the store at {name}: {reason}") from None
    except OSError as e:
        raise fail(f"cannot open the store at {name}: {e.strerror or e}") from None


def log_format(given: str | None, out: Path) -> Format:
    """The format to write `out` in: `--format` when given, else the one its extension
    names (no extension: md). A format the extension contradicts is refused, so a .xlsx
    file never holds Markdown."""
    from reports.formats import FORMATS, format_for

    if out.is_dir():
        raise fail(f"--out {out} is a folder; name the file to write, e.g. "
                   f"{out / 'action-log.md'}")
    try:
        named: Format | None = format_for(out)
    except ValueError:
        named = None
    formats = ", ".join(FORMATS)
    if given is None:
        if named is not None or not out.suffix:
            return named or "md"
        raise fail(f"cannot tell the format from the extension {out.suffix!r}; name the "
                   f"file .{formats.replace(', ', ', .')}, or pass --format ({formats})")
    for fmt in FORMATS:
        if given == fmt:
            if named is not None and named != fmt:
                raise fail(f"--format {fmt} does not match --out {out.name}, which names "
                           f"a .{out.suffix.lstrip('.').lower()} file; change one of them")
            return fmt
    raise fail(f"--format is one of {formats}, not {given!r}")
