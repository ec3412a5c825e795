"""`run --executor dask` as the CLI shows it: the sources found, the cluster joined or
started, the dashboard's link, a progress bar of files done, failed and per second; mistakes
a user can fix (no dask, an unreachable scheduler, daemonic workers, an unreadable bucket)
are one sentence and exit code 2."""
from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.text import Text

from .errors import fail
from .show import shown
from .verbosity import note, quiet

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .batch import Outcome
    from .sources import Source


def find_sources(paths: list[str]) -> list[Source]:
    """What the job reads, or exit 2 with the reason (no dask, a bucket that cannot be
    listed, a protocol whose package is missing)."""
    from .cluster import ClusterError, require_dask

    try:
        require_dask()
        from .sources import SourceError, find_sources as found
    except ClusterError as err:
        raise fail(str(err)) from None
    try:
        return found(paths)
    except SourceError as err:
        raise fail(str(err)) from None


def run_on_cluster(session: Session, sources: list[Source], workers: int,
                   scheduler: str | None, writer: str, console: Console
                   ) -> tuple[list[Outcome], list[Path], int]:
    """Every source's Outcome, the paths they name (in the order found) and how many
    workers read them."""
    from . import cluster, cluster_tasks

    store = None
    if writer == "workers":  # the URL travels wrapped: its repr and str mask the password
        store = cluster_tasks.StoreURL(
            session.get_bind().url.render_as_string(hide_password=False))
    outcomes: list[Outcome] = []
    try:
        with cluster.connect(scheduler, workers) as client:
            count = cluster.worker_count(client)
            link = cluster.dashboard_link(client)
            if link:
                note(Text(f"dask dashboard: {link}"))
            note(Text(f"reading on {count} dask worker(s)"
                      + (f" at {scheduler}" if scheduler else " on this machine")))
            with _Bar(console, len(sources)) as bar:
                for outcome in cluster.run(session, sources, client, writer=writer,
                                           store=store):
                    outcomes.append(outcome)
                    bar.advance(outcome)
    except cluster.ClusterError as err:
        raise fail(str(err)) from None
    return outcomes, [cluster_tasks.outcome_path(s) for s in sources], count


class _Bar:
    """Files done of the job's total, how many failed, and files per second so far."""

    def __init__(self, console: Console, total: int) -> None:
        self.progress = Progress(
            TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
            TextColumn("failed {task.fields[failed]}"),
            TextColumn("{task.fields[rate]} files/s"), console=console, transient=True,
            disable=quiet())
        self.task = self.progress.add_task("reading", total=total, failed=0, rate="0.0")
        self.failed, self.done, self.started = 0, 0, time.perf_counter()

    def __enter__(self) -> _Bar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += outcome.failed
        rate = self.done / max(time.perf_counter() - self.started, 1e-6)
        # markup=False above: the description is a file name, which may hold "[...]"
        self.progress.update(self.task, advance=1, failed=self.failed, rate=f"{rate:.1f}",
                             description=shown(outcome.file.name)[:40])
