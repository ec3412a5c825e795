"""Read files in worker processes, write the store from this one: `run_parallel`.

This process hashes each file and decides whether it needs reading (`batch.decide`); the
files that do are read `workers` at a time in a process pool, and each reading is saved here
as it arrives, so the store has one writer and every save is its own transaction (a crash
at any moment leaves the store as the last save left it). Workers are started fresh
(forkserver, else spawn), never forked from this process: it holds open database
connections and loaded libraries that a forked child must not share. Each worker still reads
each file within the per-file budget (bounded.py), in a child of its own.

A worker that raises gives that file an error outcome; a worker that dies breaks the pool
(Python cannot tell which file killed it), so the files it held are read again one at a
time in a fresh pool: the one that kills it again is failed and not stored (so the next run
tries it again), and the rest go on. A second copy of a file being read waits for the first
to be saved, then is recorded as the same document.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait as wait_for
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.ocr import cores

from .batch import Outcome, Read, decide, extract_file, read_timed, refused, save, warm
from .bounded import end_kept_reader, keep_reader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from extract.model import Extraction

AHEAD = 2  # files queued per worker: enough to keep each busy, few to re-read if one dies


def run_parallel(session: Session, files: list[Path], reader: str, read: Read,
                 workers: int, progress: Callable[[Path], None] | None = None
                 ) -> Iterator[Outcome]:
    to_read: list[tuple[Path, str]] = []
    for path in files:
        decided = decide(session, path, reader)
        if isinstance(decided, Outcome):
            if progress:
                progress(path)
            yield decided
        else:
            to_read.append((path, decided))
    first: dict[str, Path] = {}  # sha256 → the first file of those bytes; copies wait for it
    for path, digest in to_read:
        first.setdefault(digest, path)
    copies = [(p, d) for p, d in to_read if first[d] != p]
    readings = _readings if len(first) > 1 else _here  # one file: no pool to start
    for path, record, seconds in readings(list(first.values()), read, workers):
        if progress:
            progress(path)
        yield _outcome(session, path, record, seconds, reader)
    for path, _ in copies:  # the first copy is saved (or failed): decide them again
        if progress:
            progress(path)
        decided = decide(session, path, reader)
        yield decided if isinstance(decided, Outcome) else _run_here(session, path, reader,
                                                                     read, workers)


Reading = tuple[Path, "Extraction | BaseException", "float | None"]


def _here(paths: list[Path], read: Read, workers: int) -> Iterator[Reading]:
    for path in paths:
        try:
            record, seconds = read_timed(read, path, ocr_workers=workers)
        except Exception as err:
            yield path, err, None
        else:
            yield path, record, seconds


def _run_here(session: Session, path: Path, reader: str, read: Read, workers: int
              ) -> Outcome:
    ((_, record, seconds),) = _here([path], read, workers)
    return _outcome(session, path, record, seconds, reader)


def _outcome(session: Session, path: Path, record: Extraction | BaseException,
             seconds: float | None, reader: str) -> Outcome:
    if isinstance(record, WorkerDied):
        return Outcome(path, "not-stored", "failed", (str(record),), note="not stored")
    if isinstance(record, BaseException):  # the reader raised: a bug, not the file's fault
        return refused(path, record)
    return save(session, path, record, seconds, reader)


def _readings(paths: list[Path], read: Read, workers: int) -> Iterator[Reading]:
    """(path, Extraction or the exception its reader raised, seconds) for each path, in the
    order they finish; a path whose worker died comes back with a `WorkerDied`."""
    # each worker's share of the cores for OCR: N workers with N Tesseracts each would run
    # N×N programs on N cores
    share = max(1, cores() // workers)

    def new_pool(size: int) -> ProcessPoolExecutor:
        return _pool(size, share, warm_up=read is extract_file)

    queue = deque(paths)
    pool = new_pool(min(workers, len(paths)))
    held: dict[Future, Path] = {}
    finished = False
    try:
        while queue or held:
            while queue and len(held) < AHEAD * workers:
                path = queue.popleft()
                held[pool.submit(read_timed, read, path, share)] = path
            done, _ = wait(held, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                else:
                    yield _reading(held.pop(future), future)
            if broken:  # every file the pool held is a suspect: read each alone
                suspects = list(held.values())
                held.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool(1)
                for path in suspects:
                    future = pool.submit(read_timed, read, path, share)
                    wait([future])
                    yield _reading(path, future)
                    if isinstance(future.exception(), BrokenProcessPool):
                        pool.shutdown(wait=True)
                        pool = new_pool(1)
                if queue:
                    pool.shutdown(wait=True)
                    pool = new_pool(min(workers, len(queue)))
        finished = True
    finally:
        _stop(pool, now=not finished)


class WorkerDied(RuntimeError):
    """The process reading a file died (killed, or crashed in C code)."""


def _reading(path: Path, future: Future) -> Reading:
    err = future.exception()
    if isinstance(err, BrokenProcessPool):
        return path, WorkerDied(
            f"the worker process reading {path.name} died, so it was not read; it is not "
            "stored, and the next run reads it again"), None
    if err is not None:
        return path, err, None
    record, seconds = future.result()
    return path, record, seconds


# Imported once by the fork server, before it forks each worker: workers start with them
# loaded (spaCy alone is most of a second) and share their memory.
PRELOAD = ["spacy", "boardpapers.batch", "extract", "ingest.pdf"]


def _pool(size: int, ocr_workers: int, warm_up: bool) -> ProcessPoolExecutor:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(size, mp_context=context, initializer=_start_worker,
                               initargs=(dict(os.environ), ocr_workers, warm_up))


def _start_worker(environ: dict[str, str], ocr_workers: int, warm_up: bool) -> None:
    # Ctrl-C reaches the whole process group: the worker ends at once and quietly, killing
    # its reader and the reader's Tesseracts (a group of their own); the parent reports it
    signal.signal(signal.SIGINT, _end)
    # this process's environment now, not the fork server's when it started: the per-file
    # budget, Tesseract's PATH and the OCR workers are read from it
    os.environ.clear()
    os.environ.update(environ)
    from ingest.ocr import WORKERS_ENV

    os.environ.setdefault(WORKERS_ENV, str(ocr_workers))
    _watch_parent()
    if warm_up:  # our own reader: build its caches once for the readers this worker forks
        warm()
    keep_reader()  # one reading child per worker, not one per file


def _watch_parent() -> None:
    """End this worker, and the reader it forked, when the process that started the pool
    dies without a word (SIGKILL, the OOM killer): a pool worker would otherwise wait for
    work for ever. The parent's sentinel becomes ready when it is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait_for([parent.sentinel])
        end_kept_reader()
        for child in multiprocessing.active_children():
            child.kill()
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _end(*_: object) -> None:
    end_kept_reader()  # in a group of its own, so Ctrl-C did not reach it or its Tesseracts
    os._exit(130)


def _stop(pool: ProcessPoolExecutor, now: bool) -> None:
    """Shut the pool down; `now` (Ctrl-C, an error here) ends its workers at once rather
    than after the files they hold."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=not now, cancel_futures=True)
    if now:
        for process in processes:
            if process.is_alive():
                process.terminate()
