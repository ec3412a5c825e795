"""Two batches at once, and a batch killed mid-document: the store stays whole.

Each runs real `boardpapers` processes. SQLite always; PostgreSQL too when
BOARDPAPERS_TEST_PG_URL is set (each test gets its own schema).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from conftest import SAMPLES
from store import schema
from store.db import make_engine

RUN = [sys.executable, "-c", "from boardpapers.cli import app; app()", "run"]


def _papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for f in sorted(SAMPLES.glob("lancs-cpb_*")):
        shutil.copy(f, folder / f.name)
    return folder


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in schema.Base.metadata.sorted_tables
                    if t.name not in ("document_files",)}
    finally:
        engine.dispose()


def test_two_batches_at_once_store_each_meeting_once(db_url: str, tmp_path: Path) -> None:
    folder = _papers(tmp_path)
    env = {**os.environ, "BOARDPAPERS_DB": db_url}
    procs = [subprocess.Popen(RUN + [str(folder)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    together = _counts(db_url)

    # the same folder run once, alone, into a fresh store: the reference
    alone_url = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    done = subprocess.run(RUN + [str(folder)], env={**os.environ, "BOARDPAPERS_DB": alone_url},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    alone = _counts(alone_url)
    assert together == alone
    assert together["documents"] == 3 and together["meetings"] >= 3


def test_a_batch_killed_mid_document_leaves_no_half_written_meeting(
        db_url: str, tmp_path: Path) -> None:
    folder = _papers(tmp_path)
    env = {**os.environ, "BOARDPAPERS_DB": db_url}
    # the first file is stored whole; then the process is killed inside the second save
    first = folder / "lancs-cpb_agenda-pack_2019-11-26.pdf"
    done = subprocess.run(RUN + [str(first)], env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    before = _counts(db_url)

    marker = tmp_path / "inside-save"
    # Stop inside the save transaction, after the meeting and its attendance were added and
    # flushed, and wait there to be killed.
    child = f"""
import sys, time
from pathlib import Path
import store.save as save
real = save.save_meeting
def stalled(*args, **kwargs):
    out = real(*args, **kwargs)
    args[0].flush()
    Path({str(marker)!r}).touch()
    time.sleep(600)
    return out
save.save_meeting = stalled
from boardpapers.cli import app
sys.argv = ["boardpapers", "run", {str(folder / "lancs-cpb_minutes_2016-09-08.pdf")!r}]
app()
"""
    proc = subprocess.Popen([sys.executable, "-c", child], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else b""
        assert time.monotonic() < deadline, "the save never started"
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)

    assert _counts(db_url) == before  # nothing of the killed document, nothing lost
    # and the next run stores it whole, as if the kill had never happened
    again = subprocess.run(RUN + [str(folder)], env=env, capture_output=True, text=True,
                           timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    after = _counts(db_url)
    assert after["documents"] == 3 and after["meetings"] > before["meetings"]


def test_two_files_of_one_meeting_saved_at_once_make_one_meeting(
        db_url: str, tmp_path: Path) -> None:
    """The race that matters: two different files recording the same meeting (the minutes
    as issued, and a copy re-saved with other bytes) saved at the same moment. Each process
    is slowed down between looking the meeting up and storing it, so without the store's
    write lock both would find nothing and both would create the meeting."""
    original = SAMPLES / "lancs-cpb_minutes_2016-09-08.pdf"
    one, two = tmp_path / "issued.pdf", tmp_path / "resaved.pdf"
    shutil.copy(original, one)
    two.write_bytes(original.read_bytes() + b"\n% re-saved by the clerk\n")
    slowed = """
import sys, time
import store.meetings as meetings
real = meetings.find_or_add_body
def slow(session, *args, **kwargs):
    out = real(session, *args, **kwargs)
    time.sleep(3)
    return out
meetings.find_or_add_body = slow
from boardpapers.cli import app
sys.argv = ["boardpapers", "run", sys.argv[1]]
app()
"""
    env = {**os.environ, "BOARDPAPERS_DB": db_url}
    procs = [subprocess.Popen([sys.executable, "-c", slowed, str(f)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for f in (one, two)]
    outs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    counts = _counts(db_url)
    assert counts["documents"] == 2
    assert counts["bodies"] == 1 and counts["meetings"] == 1
    assert counts["meeting_sources"] == 2
