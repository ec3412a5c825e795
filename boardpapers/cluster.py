"""`run --executor dask`: the files read on a dask.distributed cluster's workers, the store
written as `run` writes it on one machine.

The flow, for a job of any size:
- this process lists the sources (`sources.find_sources`: local paths every worker can see,
  or fsspec URLs) and has the workers hash them;
- it decides each digest against the store: bytes stored and final are "unchanged" (their
  path recorded) and never read, so a job killed at any point and run again resumes where
  it stopped; a second copy of bytes being read waits for the first and is then recorded as
  the same document;
- workers read the rest, each file within the per-file budget (`cluster_tasks.read`), and
  the readings come back as Extraction records that this process saves, one transaction per
  file, as they arrive (`--writer client`, one writer); or each worker saves its own under
  the store's write lock (`--writer workers`);
- a task that raises is that file's error outcome; a file whose workers keep dying is, once
  the scheduler gives up on it (KilledWorker), stored as failed with the reason, and the
  batch goes on.
Every file gets a `batch.Outcome`, so `run`'s summary, exit code and timings are the same.
"""
from __future__ import annotations

import importlib.util
import logging
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal

from . import cluster_tasks as tasks
from .batch import Outcome, Read, decide_digest, extract_file, refused
from .bounded import Budget
from .cluster_tasks import StoreURL

if TYPE_CHECKING:  # dask is imported where it is used: `require_dask` first says if it is not
    from distributed import Client, Future
    from sqlalchemy.orm import Session

    from .sources import Source

Writer = Literal["client", "workers"]
INSTALL = 'pip install "boardpapers[cluster]"'
DAEMON_ENV = "DASK_DISTRIBUTED__WORKER__DAEMON"
WAIT_FOR_WORKERS = 60  # seconds
AHEAD = 4  # tasks in flight per worker: each kept busy, few lost if the job is killed


class ClusterError(Exception):
    """The cluster cannot run this job; the message is one sentence with the remedy."""


def require_dask() -> None:
    for name in ("distributed", "fsspec"):
        if importlib.util.find_spec(name) is None:
            raise ClusterError(f"--executor dask needs {name}, which is not installed; "
                               f"install it with {INSTALL}")


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client on the scheduler at `scheduler`, else on a LocalCluster of `workers`
    processes with one thread each. Workers are non-daemonic, so they can fork the bounded
    reader; on a given scheduler a daemonic worker is a ClusterError saying how to start
    them."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    # Held for the whole job: the nannies read it again when they restart a dead worker.
    # Saturation 1: a worker holds only the file it reads, so when it dies no other file
    # is suspected of killing it.
    with dask.config.set({"distributed.worker.daemon": False,
                          "distributed.scheduler.worker-saturation": 1.0}):
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except OSError as err:
                raise ClusterError(f"cannot reach the dask scheduler at {scheduler} ({err}); "
                                   "check the address and that it is running") from None
            with client:
                _check_workers(client)
                yield client
            return
        # port 0: never a clash with another job (its web server also serves health and
        # metrics; the dashboard pages need bokeh, `dashboard_link`)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0", scheduler_port=0,
                          silence_logs=logging.ERROR) as local, Client(local) as client:
            yield client


def _check_workers(client: Client) -> None:
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(
            f"no dask worker joined the scheduler at {client.scheduler.address} within "
            f"{WAIT_FOR_WORKERS} s; start some with {DAEMON_ENV}=False dask worker ADDRESS "
            "--nthreads 1") from None
    daemonic = sorted(a for a, d in client.run(tasks.is_daemonic).items() if d)
    if daemonic:
        raise ClusterError(
            f"{len(daemonic)} dask worker(s) (first {daemonic[0]}) run as daemonic processes, "
            "which cannot start the per-file bounded reader; restart them with "
            f"{DAEMON_ENV}=False in their environment (dask worker ADDRESS --nthreads 1)")


def dashboard_link(client: Client) -> str:
    """The dashboard's address, when the scheduler serves one (its pages need bokeh)."""
    return client.dashboard_link if importlib.util.find_spec("bokeh") else ""


def worker_count(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def run(session: Session, sources: list[Source], client: Client, *,
        reader: str | None = None, read: Read | None = None, writer: Writer = "client",
        store: StoreURL | None = None,
        progress: Callable[[Source], None] | None = None) -> Iterator[Outcome]:
    """Each source's Outcome, in the order they finish. `read` reads a local file on a
    worker (default `batch.extract_file`); `store` is the store's URL for `--writer
    workers` (the session is still used here, to decide and to record what is not read)."""
    if writer == "workers" and store is None:
        raise ValueError("writer='workers' needs the store's URL")
    budget = Budget.from_env()
    # what reads the files is the workers' boardpapers, Tesseract and budget, not this
    # process's: their reader string is the one each document is stored and decided with
    reader = reader or client.submit(tasks.reader_here, budget, pure=False).result()
    job = _Job(session, client, reader, read or extract_file, writer, store, budget)
    for source, outcome in job.outcomes(sources):
        if progress:
            progress(source)
        yield outcome


class _Job:
    """One run's state: tasks in flight, digests waiting for their turn, and the first
    source of each digest being read (its copies wait for it)."""

    def __init__(self, session: Session, client: Client, reader: str, read: Read,
                 writer: Writer, store: StoreURL | None, budget: Budget) -> None:
        self.session, self.client, self.reader, self.read = session, client, reader, read
        self.writer, self.store = writer, store
        self.budget = budget  # the client's, sent with each file and recorded in `reader`
        self.todo: deque[Task] = deque()
        self.digests: dict[int, Future] = {}  # arrived, not decided yet
        self.decided = 0  # sources before this index are decided
        self.reading: dict[str, Source] = {}  # sha256 → the source being read
        self.copies: list[tuple[Source, str]] = []

    def outcomes(self, sources: list[Source]) -> Iterator[tuple[Source, Outcome]]:
        from distributed import as_completed

        self.todo.extend(("digest", k, s, "") for k, s in enumerate(sources))
        held: dict[Future, Task] = {}
        window = AHEAD * worker_count(self.client)
        flow = as_completed(raise_errors=False)
        while self.todo or held:
            while self.todo and len(held) < window:
                task = self.todo.popleft()
                future = self._submit(task)
                held[future] = task
                flow.add(future)
            future = next(flow)
            kind, index, source, sha256 = held.pop(future)
            if kind == "digest":
                self.digests[index] = future
                yield from self._decide_in_order(sources)
            else:
                yield source, self._read(source, sha256, future)
                future.release()  # the result is in hand: free the worker's copy
        for source, sha256 in self.copies:  # the first of their bytes is saved, or failed
            decided = self._decide(source, sha256)
            if decided is None:  # the first was not stored (refused): read this one
                decided = self._read(source, sha256, self._submit(("read", 0, source,
                                                                   sha256)))
            yield source, decided

    def _submit(self, task: Task) -> Future:
        kind, _, source, sha256 = task
        submit = self.client.submit
        if kind == "digest":
            return submit(tasks.digest, source, pure=False)
        if self.writer == "workers":
            return submit(tasks.read_and_save, source, sha256, self.read, self.budget,
                          self.store, self.reader, pure=False)
        return submit(tasks.read, source, sha256, self.read, self.budget, pure=False)

    def _decide_in_order(self, sources: list[Source]) -> Iterator[tuple[Source, Outcome]]:
        """Decide the digests that have arrived, in the sources' order, as `run` does on
        one machine: of files with the same bytes, the first listed is the one read (and
        named in the store), whichever digest came back first."""
        from .batch import not_stored

        while self.decided in self.digests:
            future = self.digests.pop(self.decided)
            source = sources[self.decided]
            self.decided += 1
            path = tasks.outcome_path(source)
            if future.status == "error":  # the digest task broke (or its workers died)
                yield source, refused(path, future.exception())
                continue
            sha256 = future.result()
            future.release()
            if isinstance(sha256, tuple):  # unopenable: the reasons
                yield source, not_stored(path, sha256)
                continue
            decided = self._decide(source, sha256)
            if decided is not None:
                yield source, decided
            elif sha256 in self.reading:
                self.copies.append((source, sha256))
            else:
                self.reading[sha256] = source
                # readings before the digests still to send: saves start early
                self.todo.appendleft(("read", 0, source, sha256))

    def _decide(self, source: Source, sha256: str) -> Outcome | None:
        """The Outcome when the bytes are stored and final (their path recorded), else
        None: they are to be read."""
        return decide_digest(self.session, tasks.outcome_path(source), sha256, self.reader,
                             source.shown())

    def _read(self, source: Source, sha256: str, future: Future) -> Outcome:
        from distributed import KilledWorker, wait

        wait([future])
        path = tasks.outcome_path(source)
        if future.status == "error":
            err = future.exception()
            if not isinstance(err, KilledWorker):  # the reader raised: a bug, not the file
                return refused(path, err)
            record = tasks.failed_reading(source, sha256, (
                "every worker that read it died (killed, or out of memory) and the "
                "scheduler gave up on it"))
            return tasks.save(self.session, source, record, None, self.reader)
        if self.writer == "workers":
            return future.result()
        record, seconds = future.result()
        return tasks.save(self.session, source, record, seconds, self.reader)


Task = tuple[str, int, "Source", str]  # ("digest" | "read", index, source, sha256)
