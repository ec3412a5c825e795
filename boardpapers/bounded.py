"""Read one file within a time and memory budget: `read_bounded(path, budget) -> Extraction`.

Caps per format bound the work we foresaw; the budget bounds the rest (a parser that loops, an
extractor that backtracks). The reading runs in a forked child (cheap: the parent's imports
are shared) whose address space is capped with setrlimit; a child over time is killed. A file
over budget, or whose reader died, comes back as a failed Extraction naming the budget, so the
batch goes on and the store save stays in the parent. Nothing here needs a database, so a
cluster executor can call it as it is.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extract.model import Extraction, SourceInfo

SECONDS_ENV = "BOARDPAPERS_FILE_SECONDS"
MEMORY_ENV = "BOARDPAPERS_FILE_MEMORY_MB"


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


def read_bounded(path: Path, budget: Budget, read: Callable[[Path], Extraction]) -> Extraction:
    """`read(path)` run in a child within `budget`; a failed Extraction when it overruns."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, path, budget, read), daemon=True)
    child.start()
    send.close()
    try:
        if receive.poll(budget.seconds):
            kind, value = receive.recv()
            return value if kind == "ok" else _over(path, value)
        return _over(path, f"not read within the per-file time budget of {budget.seconds:g} s "
                     f"(set {SECONDS_ENV} to allow more)")
    except EOFError:  # the child died without a word: killed by the kernel, or crashed
        child.join()
        return _over(path, f"its reader died (exit {child.exitcode}) within the per-file "
                     f"memory budget of {budget.memory_mb} MB (set {MEMORY_ENV} to allow more)")
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()


def _child(send, path: Path, budget: Budget, read: Callable[[Path], Extraction]) -> None:
    limit = budget.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        send.send(("ok", read(path)))
    except MemoryError:
        send.send(("over", f"it needs more than the per-file memory budget of "
                           f"{budget.memory_mb} MB (MemoryError; set {MEMORY_ENV} to allow more)"))
    finally:
        send.close()


def _over(path: Path, why: str) -> Extraction:
    from ingest import sha256_of

    try:
        digest = sha256_of(path)
    except Exception:  # gone or unreadable now: the batch then reports it as not stored
        digest = ""
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Extraction(SourceInfo(file=path.name, sha256=digest, format=fmt, pages=None,
                                 status="failed", problems=[f"{path.name} was not read: {why}."]))
