"""How much a command says on stderr besides its results, warnings and errors.

`boardpapers -q` silences the chatter (progress bars, counts, "N action(s) → file", hints);
`-v` adds detail (the store it opened, password masked; how long the command took).
Results on stdout, warnings and errors are printed whatever the level. The level is set
by the `boardpapers` callback for one invocation and reset when it ends, so a test that
runs several commands in one process does not carry `-q` from one to the next.

Kept free of heavy imports: the CLI imports it for every command, `--help` included.
"""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .show import shown

QUIET, NORMAL, VERBOSE = -1, 0, 1
_level = NORMAL


def set_level(level: int) -> None:
    global _level
    _level = level


def quiet() -> bool:
    """`-q`: no progress bar, no summary or count; warnings and errors only."""
    return _level <= QUIET


def verbose() -> bool:
    """`-v`: say more (what store, how long, per-file detail)."""
    return _level >= VERBOSE


def _print(message: str | Text) -> None:
    # A str is shown as written (never read as markup), controls escaped.
    text = message if isinstance(message, Text) else Text(shown(message))
    Console(stderr=True, highlight=False).print(text, soft_wrap=True)


def note(message: str | Text) -> None:
    """Chatter on stderr (a count, a summary, a hint), unless `-q`."""
    if not quiet():
        _print(message)


def detail(message: str | Text) -> None:
    """Detail on stderr, only with `-v`."""
    if verbose():
        _print(message)
