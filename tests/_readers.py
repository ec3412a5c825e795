"""Readers for `batch.run(read=...)` in worker processes (tests/test_batch_workers.py).

A worker imports a reader by its module and name, so these live in a module of their own,
not in the test file; a test's monkeypatch never reaches a worker."""
from __future__ import annotations

import os
import time
from pathlib import Path

from boardpapers.batch import extract_file, extract_here
from boardpapers.bounded import Budget, read_bounded
from extract.model import Extraction


def first_files_last(path: Path) -> Extraction:
    """Files named "N-…" (N from 1 to 5): the lower N, the longer the wait, so files arrive
    in about the reverse of their order."""
    time.sleep(0.4 * (5 - int(path.name.split("-")[0])))
    return extract_file(path)


def hostile(path: Path) -> Extraction:
    """A file named "…crash…" kills its worker outright; one named "…raise…" makes the
    reader raise."""
    if "crash" in path.name:
        os._exit(7)
    if "raise" in path.name:
        raise RuntimeError(f"reader bug on {path.name}")
    return extract_file(path)


def logged(path: Path) -> Extraction:
    """Each file read is named in reads.log beside its folder, with the reading process."""
    with open(path.parent.parent / "reads.log", "a", encoding="utf-8") as log:
        log.write(f"{path.name} {os.getpid()}\n")
    return extract_file(path)


def slow_when_named(path: Path) -> Extraction:
    """A file named "…slow…" takes 30 s to read, within the budget the environment sets;
    logged as `logged` does."""
    with open(path.parent.parent / "reads.log", "a", encoding="utf-8") as log:
        log.write(f"{path.name} {os.getpid()}\n")
    return read_bounded(path, Budget.from_env(), _sleepy if "slow" in path.name
                        else extract_here)


def _sleepy(path: Path) -> Extraction:
    time.sleep(30)
    return extract_here(path)


def ocr_share(path: Path) -> Extraction:
    """The file's own reading, with the pages its reader may OCR at once as a problem."""
    from ingest.ocr import WORKERS_ENV

    record = extract_file(path)
    record.source.problems.append(f"OCR workers {os.environ.get(WORKERS_ENV)}")
    return record
