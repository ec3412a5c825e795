"""Read one file within a time and memory budget: `read_bounded(path, budget) -> Extraction`.

Caps per format bound the work we foresaw; the budget bounds the rest (a parser that loops, an
extractor that backtracks). The reading runs in a forked child (cheap: the parent's imports
are shared) whose address space is capped with setrlimit; a child over time is killed. A file
over budget, or whose reader died, comes back as a failed Extraction naming the budget, so the
batch goes on and the store save stays in the parent. Nothing here needs a database, so a
cluster executor can call it as it is.

Within `kept_reader()` (a batch) one child reads file after file: a child forked per file cost
about 65 ms of CPU each (its first writes copy the parent's pages), more than reading a small
file. The kept child is replaced after a file it failed on (killed over time, short of memory,
dead), once its address space passes half the budget (so one big file cannot leave the next
with less than half), and when the budget or the reader changes.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extract.model import Extraction, SourceInfo

SECONDS_ENV = "BOARDPAPERS_FILE_SECONDS"
MEMORY_ENV = "BOARDPAPERS_FILE_MEMORY_MB"

Read = Callable[[Path], Extraction]


@dataclass(frozen=True)
class Budget:
    seconds: float = 300.0  # the largest real pack reads in ~60 s
    memory_mb: int = 4096  # address space, not resident memory: Python maps more than it uses

    @classmethod
    def from_env(cls) -> Budget:
        """The budget the environment sets, else the defaults. A value that is not a positive
        number raises ValueError with a sentence naming the variable."""
        return cls(_positive(SECONDS_ENV, cls.seconds), int(_positive(MEMORY_ENV, cls.memory_mb)))

    def __str__(self) -> str:
        return f"{self.seconds:g} s, {self.memory_mb} MB"


def _positive(name: str, default: float) -> float:
    given = os.environ.get(name, "").strip()
    try:
        value = float(given) if given else default
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise ValueError(f"${name} is {given!r}; set it to a positive number or unset it")
    return value


_keeping = False  # inside kept_reader(): read_bounded keeps its child for the next file
_kept: _Reader | None = None


@contextmanager
def kept_reader() -> Iterator[None]:
    """Within this block, files are read by one kept child (see the module's docstring);
    it ends with the block."""
    global _keeping
    outer, _keeping = _keeping, True
    try:
        yield
    finally:
        _keeping = outer
        if not outer:
            _retire()


def keep_reader() -> None:
    """Keep the reading child for the rest of this process's life (a pool worker's)."""
    global _keeping
    _keeping = True


def read_bounded(path: Path, budget: Budget, read: Read) -> Extraction:
    """`read(path)` run in a child within `budget`; a failed Extraction when it overruns."""
    global _kept
    if not _keeping:
        reader = _Reader(budget, read)
        try:
            return reader.read(path)
        finally:
            reader.close()
    if _kept is None or _kept.spent or (_kept.budget, _kept.reader) != (budget, read):
        _retire()
        _kept = _Reader(budget, read)
    return _kept.read(path)


def _retire() -> None:
    global _kept
    if _kept is not None:
        _kept.close()
        _kept = None


def end_kept_reader() -> None:
    """Kill the kept child, and what it started, now: this process is ending."""
    if _kept is not None:
        _kept.spent = True
        _retire()


class _Reader:
    """A forked child that reads the files sent to it, one at a time, within `budget`."""

    def __init__(self, budget: Budget, reader: Read) -> None:
        self.budget, self.reader = budget, reader
        self.spent = False  # the child is gone, or must not read again
        ctx = multiprocessing.get_context("fork")
        self._conn, theirs = ctx.Pipe()
        self._child = ctx.Process(target=_serve, args=(theirs, self._conn, budget, reader),
                                  daemon=True)
        self._child.start()
        theirs.close()
        try:  # the child does the same: whichever runs first, the group exists from now
            os.setpgid(self._child.pid, self._child.pid)
        except OSError:  # the child has already made it, or is gone
            pass

    def read(self, path: Path) -> Extraction:
        budget = self.budget
        self.spent = True  # until the child answers: an interrupted read ends it
        try:
            # the environment as it is now, not at the fork: the batch sets the OCR workers
            self._conn.send((path, dict(os.environ)))
            if self._conn.poll(budget.seconds):
                kind, value, retire = self._conn.recv()
                self.spent = retire
                return value if kind == "ok" else _over(path, value)
            self._end()
            return _over(path, f"not read within the per-file time budget of "
                         f"{budget.seconds:g} s (set {SECONDS_ENV} to allow more)")
        except (EOFError, OSError):  # the child died without a word: killed, or crashed
            self._end()
            return _over(path, f"its reader died (exit {self._child.exitcode}) within the "
                         f"per-file memory budget of {budget.memory_mb} MB (set {MEMORY_ENV} "
                         "to allow more)")

    def close(self) -> None:
        self._conn.close()  # an idle child reads the end of the pipe and returns
        if self.spent:
            self._end()
        self._child.join()

    def _end(self) -> None:
        """Kill the child and whatever it started (Tesseract), all in its process group."""
        if self._child.is_alive():
            try:
                os.killpg(self._child.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # gone, or not its group yet
                self._child.kill()
        self._child.join()


def _serve(conn, parents_end, budget: Budget, reader: Read) -> None:
    parents_end.close()  # so the pipe ends, and this child returns, when the parent closes it
    os.setpgid(0, 0)  # a group of its own, so killing it over budget kills what it started
    limit = budget.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        while True:
            try:
                path, environ = conn.recv()
            except EOFError:
                return
            if environ != os.environ:
                os.environ.clear()
                os.environ.update(environ)
            try:
                record = reader(path)
            except MemoryError:
                conn.send(("over", f"it needs more than the per-file memory budget of "
                                   f"{budget.memory_mb} MB (MemoryError; set {MEMORY_ENV} to "
                                   "allow more)", True))
                return
            conn.send(("ok", record, _address_space() > limit // 2))
    finally:
        conn.close()


def _address_space() -> int:
    """This process's mapped bytes (Linux); 0 where /proc cannot tell."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _over(path: Path, why: str) -> Extraction:
    from ingest import sha256_of

    try:
        digest = sha256_of(path)
    except Exception:  # gone or unreadable now: the batch then reports it as not stored
        digest = ""
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Extraction(SourceInfo(file=path.name, sha256=digest, format=fmt, pages=None,
                                 status="failed", problems=[f"{path.name} was not read: {why}."]))
