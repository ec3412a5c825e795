"""What a cluster's workers run for `run --executor dask` (cluster.py sends it): a file's
digest, its reading within the per-file budget, and with `--writer workers` its save.

Everything here is a module-level function of picklable arguments, so any worker that has
boardpapers installed can run it; none of it needs dask. A worker reads each file the way
`run` does on one machine: a copy of a remote object in a temporary folder (a local path is
read where it is), then `read_bounded` in a kept reading child, so a file over its time or
memory budget comes back as a failed Extraction and the worker lives on.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.errors import reason

from .batch import Outcome, Read, current_reader, extract_file, read_timed, warm
from .batch import save as save_here
from .bounded import MEMORY_ENV, SECONDS_ENV, Budget, keep_reader
from .sources import Source, SourceError, is_url, local_copy, sha256_of_source

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from extract.model import Extraction

Reading = tuple["Extraction", "float | None"]  # the record, and its reading seconds when read


@dataclasses.dataclass(frozen=True)
class ShownURL:
    """An object's URL as its Outcome names it (a Path would fold "s3://b/k" into "s3:/b/k"):
    the `name` and `str` the run's lines use."""

    url: str

    @property
    def name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return self.url


def outcome_path(source: Source) -> Path | ShownURL:
    """What a file's Outcome names: the local file, else its URL as shown (no secrets)."""
    return ShownURL(source.shown()) if is_url(source.url) else Path(source.url)


def reader_here(budget: Budget) -> str:
    """This worker's reader string (`batch.current_reader`) under the client's budget."""
    _set_budget(budget)
    return current_reader()


def digest(source: Source) -> str | tuple[str, ...]:
    """The sha256 of the source's bytes, or (as a tuple) why they cannot be read."""
    from ingest import IngestError, load, sha256_of

    if is_url(source.url):
        try:
            return sha256_of_source(source)
        except (SourceError, OSError) as err:
            return (reason(err),)
    path = Path(source.url)
    try:  # as `batch.decide` does, so a local file's reasons read the same on either path
        return sha256_of(path)
    except (OSError, IngestError):  # unopenable, or not a regular file
        return tuple(p.message for p in load(path).problems)


def read(source: Source, sha256: str, reader_fn: Read, budget: Budget) -> Reading:
    """The source read on this worker within `budget` (the client's, so the reader it
    records with each document is true), and its reading time."""
    _prepare(reader_fn, budget)
    try:
        with local_copy(source, Path(tempfile.gettempdir()), MAX_COPY_BYTES) as path:
            return read_timed(reader_fn, path, ocr_workers=1)
    except SourceError as err:  # too large to copy, or gone from the bucket since listed
        return failed_reading(source, sha256, str(err)), None


def read_and_save(source: Source, sha256: str, reader_fn: Read, budget: Budget,
                  store: StoreURL, reader: str) -> Outcome:
    """`--writer workers`: read here and save here, under the store's write lock (taken by
    `save_extraction`), so each save is still one transaction whoever makes it."""
    record, seconds = read(source, sha256, reader_fn, budget)
    with store.session() as session:
        return save(session, source, record, seconds, reader)


def save(session: Session, source: Source, record: Extraction, seconds: float | None,
         reader: str) -> Outcome:
    """`batch.save`, recording the file under its shown URL."""
    return save_here(session, outcome_path(source), record, seconds, reader,
                     seen_as=source.shown())


def failed_reading(source: Source, sha256: str, why: str) -> Extraction:
    """A failed record for a file that was not read (its workers died, it could not be
    copied), so the store keeps it, with the reason, as `bounded` does a file over budget."""
    from extract.model import Extraction, SourceInfo

    fmt = Path(source.name).suffix.lower().lstrip(".") or "txt"
    return Extraction(SourceInfo(file=source.name, sha256=sha256, format=fmt, pages=None,
                                 status="failed",
                                 problems=[f"{source.name} was not read: {why}."]))


def is_daemonic() -> bool:
    """Whether this worker is a daemonic process, which may not fork the bounded reader."""
    return multiprocessing.current_process().daemon


MAX_COPY_BYTES = 500 * 2**20  # ingest reads no larger file (ingest.load.MAX_FILE_BYTES)


def _prepare(reader_fn: Read, budget: Budget) -> None:
    """Once per worker: keep one reading child for every file it reads, built after the
    readers' caches (`warm`) so each child inherits them; and the client's budget."""
    _set_budget(budget)
    keep_reader()
    if reader_fn is extract_file:
        warm()  # cached: the first file on each worker pays for it


def _set_budget(budget: Budget) -> None:
    os.environ[SECONDS_ENV] = f"{budget.seconds:g}"
    os.environ[MEMORY_ENV] = str(budget.memory_mb)


@dataclasses.dataclass(frozen=True)
class StoreURL:
    """The store's URL on its way to the workers: whatever prints it (a log, a traceback's
    arguments, dask's task reprs) sees it with the password masked."""

    _url: str = dataclasses.field(repr=False)

    def __str__(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self._url).render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"StoreURL({str(self)!r})"

    def session(self) -> Session:
        """A session on the store, its engine kept for the worker's life (`get_engine`)."""
        from store import open_session

        return open_session(self._url)
