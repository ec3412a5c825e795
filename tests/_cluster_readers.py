"""Readers for `cluster.run(read=...)` that misbehave on cue (tests/test_cluster.py).

A dask worker imports a reader by its module and name, so they live in a module of their
own; each logs what it read to reads.log beside the papers' folder, with the worker's pid."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from boardpapers.batch import extract_file
from extract.model import Extraction


def logged(path: Path) -> Extraction:
    with open(path.parent.parent / "reads.log", "a", encoding="utf-8") as log:
        log.write(f"{path.name} {os.getpid()}\n")
    return extract_file(path)


def kills_once(path: Path) -> Extraction:
    """A file named "…kill…" kills the worker reading it (SIGKILL, as the OOM killer
    would) the first time it is read; killed-once beside the folder marks that it was."""
    marker = path.parent.parent / "killed-once"
    if "kill" in path.name and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return logged(path)


def poison(path: Path) -> Extraction:
    """A file named "…poison…" kills every worker that reads it; one named "…raise…"
    makes the reader raise."""
    if "poison" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "raise" in path.name:
        raise RuntimeError(f"reader bug on {path.name}")
    return logged(path)


def slow(path: Path) -> Extraction:
    """Half a second a file, so a test can kill the job between saves."""
    time.sleep(0.5)
    return logged(path)


def set_environ(values: dict[str, str]) -> None:
    """For `client.run`: this worker's environment (a bound os.environ.update would be
    pickled with a copy of the mapping, and update that)."""
    os.environ.update(values)


def unset_environ(names: list[str]) -> None:
    for name in names:
        os.environ.pop(name, None)


def slow_when_named(path: Path) -> Extraction:
    """A file named "…slow…" takes 20 s to read, in the bounded child, within the budget
    the worker was given."""
    from boardpapers.batch import extract_here, warm
    from boardpapers.bounded import Budget, read_bounded

    warm()  # as for `extract_file`: the reading child starts with spaCy built
    return read_bounded(path, Budget.from_env(), _sleepy if "slow" in path.name
                        else extract_here)


def _sleepy(path: Path) -> Extraction:
    time.sleep(20)
    from boardpapers.batch import extract_here

    return extract_here(path)
