"""`run --executor dask`: files read on a LocalCluster's worker processes, the store written
as one process writes it; a worker or the whole job killed loses nothing and stores nothing
twice; a file that kills every worker it meets is stored failed. Readers that misbehave on
cue are in tests/_cluster_readers.py (a worker imports them)."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import _cluster_readers  # noqa: E402
from _parish import minutes_text  # noqa: E402
import dask  # noqa: E402
from sqlalchemy import DateTime, create_engine, select  # noqa: E402
from sqlalchemy.orm import close_all_sessions  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from boardpapers import batch, cli, cluster  # noqa: E402
from boardpapers.cluster_tasks import StoreURL  # noqa: E402
from boardpapers.sources import find_sources  # noqa: E402
from store import open_session  # noqa: E402
from store import schema as db  # noqa: E402

TESTS = Path(__file__).resolve().parent


def _minutes(folder: Path, n: int, council: str = "Elmbrook", name: str | None = None
             ) -> Path:
    path = folder / (name or f"{council.lower()}-{n}-minutes.txt")
    path.write_text(minutes_text(n, council), encoding="utf-8")
    return path


def _papers(tmp_path: Path, councils: tuple[str, ...] = ("Elmbrook",)) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for council in councils:
        for n in range(1, 5):
            _minutes(folder, n, council)
    (folder / "later-copy-of-2.txt").write_bytes((folder / f"{councils[0].lower()}-2-minutes.txt")
                                           .read_bytes())  # same bytes: one document
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.7\nnot a real PDF at all")
    return folder


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two worker processes, as `run --executor dask --workers 2` starts;
    the scheduler gives up on a file after two workers died reading it (default: four)."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            cluster.connect(None, 2) as c:
        yield c


# What the clerk's store holds, without row ids (they depend on saving order) or the times
# rows were written.
TABLES = [db.Document, db.DocumentFile, db.Meeting, db.Attendance, db.Action, db.ActionOwner,
          db.ActionThread, db.Flag, db.Person]


def _dump(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    dumped = {}
    with engine.connect() as conn:
        for model in TABLES:
            table = model.__table__
            kept = [c for c in table.columns if not (c.name == "id" or c.name.endswith("_id")
                                                     or isinstance(c.type, DateTime))]
            dumped[table.name] = sorted((tuple(map(repr, row)) for row in
                                         conn.execute(select(*kept))))
    engine.dispose()
    return dumped


def _cluster_run(url: str, folder: Path, client, **how) -> list[batch.Outcome]:
    with open_session(url) as session:
        return list(cluster.run(session, find_sources([str(folder)]), client, **how))


def _seen(outcomes: list[batch.Outcome]) -> dict[str, tuple]:
    return {o.file.name: (o.action, o.status, o.note, o.problems[:1], o.actions)
            for o in outcomes}


def test_a_cluster_stores_what_one_process_stores(tmp_path, db_url, client):
    folder = _papers(tmp_path, ("Elmbrook", "Ashford"))
    one = f"sqlite:///{tmp_path / 'one.sqlite'}"
    with open_session(one) as session:
        serial = list(batch.run(session, batch.find_files([folder])))
    spread = _cluster_run(db_url, folder, client)
    assert _seen(spread) == _seen(serial)
    assert _seen(spread)["later-copy-of-2.txt"][:3] == (
        "unchanged", "ok", "same content as elmbrook-2-minutes.txt")
    assert _seen(spread)["damaged.pdf"][:2] == ("new", "failed")
    stored = _dump(db_url)
    assert stored == _dump(one)
    assert len(stored["meetings"]) == 8 and len(stored["action_threads"]) >= 10
    # a second run reads nothing and adds nothing
    again = _cluster_run(db_url, folder, client)
    assert {o.action for o in again} == {"unchanged"}
    assert _dump(db_url) == stored


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path, client):
    folder = _papers(tmp_path)
    (folder / "elmbrook-3-minutes.txt").rename(folder / "elmbrook-3-kill.txt")
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    seen = _seen(_cluster_run(url, folder, client, read=_cluster_readers.kills_once))
    assert (tmp_path / "killed-once").exists()  # a worker did die
    assert seen["elmbrook-3-kill.txt"][:2] == ("new", "ok")
    assert {name: v[:2] for name, v in seen.items() if name != "damaged.pdf"} == {
        name: ("new", "ok") if "copy" not in name else ("unchanged", "ok") for name in seen
        if name != "damaged.pdf"}
    assert len(_dump(url)["meetings"]) == 4


def test_a_file_that_kills_every_worker_is_stored_failed_and_the_batch_goes_on(
        tmp_path, client):
    folder = _papers(tmp_path)
    (folder / "poison.txt").write_text("Minutes of nothing much.\n", encoding="utf-8")
    (folder / "raise.txt").write_text("Minutes of little more.\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    seen = {o.file.name: o for o in _cluster_run(url, folder, client,
                                                 read=_cluster_readers.poison)}
    poisoned = seen["poison.txt"]
    assert (poisoned.action, poisoned.status) == ("new", "failed")
    assert "every worker that read it died" in poisoned.problems[0]
    raised = seen["raise.txt"]  # a reader's bug: not stored, tried again next run
    assert (raised.action, raised.status) == ("not-stored", "error")
    assert "RuntimeError: reader bug on raise.txt" in raised.problems[0]
    assert {seen[f"elmbrook-{n}-minutes.txt"].status for n in range(1, 5)} == {"ok"}
    # stored failed, with the reason: the next run does not feed it to the workers again
    again = {o.file.name: o for o in _cluster_run(url, folder, client,
                                                  read=_cluster_readers.poison)}
    assert again["poison.txt"].action == "unchanged"
    assert again["raise.txt"].action == "not-stored"
    assert "every worker that read it died" in again["poison.txt"].problems[0]


def test_the_clients_budget_bounds_each_file_on_the_workers(tmp_path, client, monkeypatch):
    from boardpapers.bounded import SECONDS_ENV

    monkeypatch.setenv(SECONDS_ENV, "2")  # here only: the workers started without it
    folder = _papers(tmp_path)
    (folder / "slow.txt").write_text("Minutes of a long meeting.\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    started = time.monotonic()
    seen = {o.file.name: o for o in _cluster_run(url, folder, client,
                                                 read=_cluster_readers.slow_when_named)}
    assert time.monotonic() - started < 15
    slow = seen["slow.txt"]
    assert (slow.action, slow.status) == ("new", "failed")
    assert "per-file time budget of 2 s" in slow.problems[0]
    assert {seen[f"elmbrook-{n}-minutes.txt"].status for n in range(1, 5)} == {"ok"}


KILLED_JOB = """
import sys
sys.path.insert(0, {tests!r})
import _cluster_readers
from boardpapers import cluster
from boardpapers.sources import find_sources
from store import open_session

if __name__ == "__main__":
    with open_session({url!r}) as session, cluster.connect(None, 2) as client:
        for o in cluster.run(session, find_sources([{folder!r}]), client,
                             read=_cluster_readers.slow):
            print(o.file.name, o.action, flush=True)
"""


def _documents(url: str) -> set[str]:
    with open_session(url) as session:
        return set(session.scalars(select(db.Document.file_name)))


def test_a_job_killed_after_some_saves_resumes_and_stores_nothing_twice(tmp_path, client):
    folder = _papers(tmp_path, ("Elmbrook", "Ashford"))
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    script = tmp_path / "job.py"
    script.write_text(textwrap.dedent(KILLED_JOB.format(
        tests=str(TESTS), url=url, folder=str(folder))), encoding="utf-8")
    job = subprocess.Popen([sys.executable, str(script)], start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and job.poll() is None:
            if (tmp_path / "bp.sqlite").exists() and len(_documents(url)) >= 3:
                break
            time.sleep(0.1)
    finally:
        os.killpg(job.pid, signal.SIGKILL)
        job.wait()
    stored = _documents(url)
    assert 3 <= len(stored) < 9, "the job was killed part-way"
    (tmp_path / "reads.log").unlink()
    outcomes = _cluster_run(url, folder, client, read=_cluster_readers.logged)
    read = {line.split()[0] for line in
            (tmp_path / "reads.log").read_text(encoding="utf-8").splitlines()}
    assert read and not read & stored  # only what was not stored is read again
    assert {o.file.name for o in outcomes if o.action == "new"} == read
    dumped = _dump(url)
    assert len(dumped["documents"]) == 9  # eight minutes and the damaged PDF, once each
    assert len(dumped["meetings"]) == 8
    assert len(dumped["document_files"]) == len(set(dumped["document_files"])) == 10


def test_both_writers_give_the_same_store(tmp_path, db_url, client):
    folder = _papers(tmp_path)
    one = f"sqlite:///{tmp_path / 'client.sqlite'}"
    by_client = _cluster_run(one, folder, client)
    by_workers = _cluster_run(db_url, folder, client, writer="workers",
                              store=StoreURL(db_url))
    assert _seen(by_workers) == _seen(by_client)
    assert _dump(db_url) == _dump(one)


def test_the_store_url_is_shown_with_its_password_masked():
    url = StoreURL("postgresql+psycopg://clerk:s3cret-pw@db.example:5432/papers")
    assert "s3cret-pw" not in repr(url) + str(url) + f"{[url]}"
    assert "clerk:***@db.example" in str(url)


def test_run_on_an_existing_scheduler_prints_no_password(tmp_path, client, db_url):
    folder = _papers(tmp_path)
    if db_url.startswith("postgresql"):  # the test server trusts any password: give one
        from sqlalchemy.engine import make_url

        db_url = make_url(db_url).set(password="s3cret-pw").render_as_string(
            hide_password=False)
    address = client.scheduler.address
    result = CliRunner().invoke(cli.app, ["-v", "run", str(folder), "--executor", "dask",
                                          "--scheduler", address, "--writer", "workers",
                                          "--db", db_url])
    close_all_sessions()  # the command's, still open: the test's schema is dropped next
    assert result.exit_code == 1, result.output  # the damaged PDF
    assert "files 6 (new 4, re-read 0, unchanged 1, failed 1)" in result.stderr
    assert "reading on 2 dask worker(s)" in result.stderr
    logs = [text for _, logs in client.get_worker_logs().items() for _, text in logs]
    logs += [text for _, text in client.get_scheduler_logs()]
    if "s3cret-pw" in db_url:
        assert "s3cret-pw" not in result.output + result.stderr + "\n".join(logs)


def test_without_dask_run_says_how_to_install_it(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "distributed" else real(name, *a))
    folder = _papers(tmp_path)
    result = CliRunner().invoke(cli.app, ["run", str(folder), "--executor", "dask",
                                          "--db", f"sqlite:///{tmp_path / 'bp.sqlite'}"])
    assert result.exit_code == 2
    assert 'pip install "boardpapers[cluster]"' in result.stderr
    assert not (tmp_path / "bp.sqlite").exists()


def test_scheduler_and_writer_need_the_dask_executor(tmp_path):
    folder = _papers(tmp_path)
    result = CliRunner().invoke(cli.app, ["run", str(folder), "--writer", "workers"])
    assert result.exit_code == 2 and "--executor dask" in result.stderr


def test_daemonic_workers_are_refused_with_how_to_start_them():
    from distributed import LocalCluster

    # dask's default: workers are daemonic processes, which may not fork a reader
    with dask.config.set({"distributed.worker.daemon": True}), \
            LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR) as daemonic:
        with pytest.raises(cluster.ClusterError, match=cluster.DAEMON_ENV + "=False"):
            with cluster.connect(daemonic.scheduler_address, 1):
                pass


def test_papers_in_a_bucket_are_read_on_the_workers(tmp_path, client, monkeypatch):
    pytest.importorskip("s3fs")
    moto_server = pytest.importorskip("moto.server")
    import boto3

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ACCESS_KEY_ID": "invented-key", "AWS_SECRET_ACCESS_KEY": "invented-secret",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://{host}:{port}"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    client.run(_cluster_readers.set_environ, env)  # a worker reads its own environment
    try:
        folder = _papers(tmp_path)
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="papers")
        for path in sorted(folder.iterdir()):
            s3.put_object(Bucket="papers", Key=f"council/{path.name}", Body=path.read_bytes())
        bucket = f"sqlite:///{tmp_path / 'bucket.sqlite'}"
        with open_session(bucket) as session:
            outcomes = list(cluster.run(session, find_sources(["s3://papers/council/"]),
                                        client))
        assert _seen(outcomes) == _seen(_cluster_run(f"sqlite:///{tmp_path / 'disk.sqlite'}",
                                                     folder, client))
        with open_session(bucket) as session:
            seen_as = set(session.scalars(select(db.DocumentFile.path)))
        assert "s3://papers/council/elmbrook-1-minutes.txt" in seen_as
        # and the run's lines name it so, not as a Path's "s3:/papers/…"
        assert "s3://papers/council/elmbrook-1-minutes.txt" in {str(o.file) for o in outcomes}
        assert "elmbrook-1-minutes.txt" in {o.file.name for o in outcomes}
        assert len(_dump(bucket)["meetings"]) == 4
    finally:
        client.run(_cluster_readers.unset_environ, list(env))
        server.stop()


def test_progress_counts_files_done_failed_and_per_second():
    import io

    from rich.console import Console

    from boardpapers.cluster_cli import _Bar

    out = io.StringIO()
    with _Bar(Console(file=out, force_terminal=True, width=100), 3) as bar:
        bar.advance(batch.Outcome(Path("a[bold].txt"), "new", "ok"))
        bar.advance(batch.Outcome(Path("b.pdf"), "new", "failed", ("damaged",)))
        task = bar.progress.tasks[0]
        assert (task.completed, task.fields["failed"]) == (2, 1)
        assert float(task.fields["rate"]) > 0


def test_documents_are_stored_with_the_workers_reader_not_this_processs(tmp_path, client):
    """The reader string says whether Tesseract was there to OCR: the workers', who read."""
    import shutil

    if not shutil.which("tesseract"):
        pytest.skip("needs Tesseract here, so that workers without it differ")
    folder = _papers(tmp_path)
    paths = client.run(os.environ.get, "PATH")
    client.run(_cluster_readers.set_environ, {"PATH": str(tmp_path)})  # no tesseract there
    try:
        url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
        _cluster_run(url, folder, client)
    finally:
        for worker, path in paths.items():
            client.run(_cluster_readers.set_environ, {"PATH": path}, workers=[worker])
    with open_session(url) as session:
        readers = set(session.scalars(select(db.Document.reader)))
    assert readers and all("ocr none" in r for r in readers), readers
    assert "ocr tesseract" in batch.current_reader()
