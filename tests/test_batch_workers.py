"""`run --workers N`: files read in worker processes, saved by one writer as they arrive.

The store comes out as with one worker whatever order the readings arrive in; a worker that
raises or dies, or a file over its budget, is that file's failed outcome and the rest are
stored; a second copy of a file being read is read once; the run ends with its slowest
files. Readers that misbehave on cue are in tests/_readers.py (a worker imports them)."""
from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import _readers
from _parish import minutes_text
from typer.testing import CliRunner

from boardpapers import batch, cli
from store import action_log, open_session, summary_counts


def _minutes(folder: Path, n: int, name: str | None = None) -> Path:
    path = folder / (name or f"{n}-minutes.txt")
    path.write_text(minutes_text(n), encoding="utf-8")
    return path


def _papers(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "papers"
    folder.mkdir()
    for n in range(1, 5):
        _minutes(folder, n)
    shutil.copy(folder / "2-minutes.txt", folder / "3-copy-of-2.txt")  # same bytes
    (folder / "4-damaged.pdf").write_bytes(b"%PDF-1.7\nnot a real PDF at all")
    return batch.find_files([folder])


def _store(url: str):
    """The store as a clerk sees it, without the row ids that depend on saving order."""
    with open_session(url) as session:
        log = []
        for row in action_log(session):
            row = dataclasses.asdict(row)
            del row["id"], row["thread_id"]
            row["mentions"] = [{k: v for k, v in m.items() if not k.endswith("id")}
                               for m in row["mentions"]]
            log.append(row)
        return log, summary_counts(session)


def _run(url: str, files: list[Path], **how) -> list[batch.Outcome]:
    with open_session(url) as session:
        return list(batch.run(session, files, **how))


def _seen(outcomes: list[batch.Outcome]) -> dict[str, tuple]:
    return {o.file.name: (o.action, o.status, o.note, o.problems[:1], o.actions)
            for o in outcomes}


def test_two_workers_store_what_one_stores_whatever_order_the_files_arrive_in(tmp_path):
    files = _papers(tmp_path)
    one, two = (f"sqlite:///{tmp_path / name}" for name in ("one.sqlite", "two.sqlite"))
    serial = _run(one, files)
    parallel = _run(two, files, workers=2, read=_readers.first_files_last)
    read = [o.file.name for o in parallel if o.seconds is not None]
    assert read != sorted(read)  # they did arrive out of order
    assert _seen(parallel) == _seen(serial)
    assert _seen(parallel)["3-copy-of-2.txt"][:3] == (
        "unchanged", "ok", "same content as 2-minutes.txt")
    assert _seen(parallel)["4-damaged.pdf"][1] == "failed"
    log, counts = _store(two)
    assert (log, counts) == _store(one)
    assert counts.meetings == 4 and counts.actions >= 5
    # carried forward: closed at the third meeting by a note on the second file read
    assert {row["text"]: row["status"] for row in log}[
        "Cllr Gray to report the blocked stile to the county council."] == "closed"


def test_a_worker_that_dies_or_raises_fails_its_file_and_the_rest_are_stored(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    files = [_minutes(folder, 1, "1-minutes.txt"), _minutes(folder, 2, "2-crash.txt"),
             _minutes(folder, 3, "3-raise.txt"), _minutes(folder, 4, "4-minutes.txt")]
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    for _ in range(2):  # the file that killed its worker is not stored: tried again
        seen = {o.file.name: o for o in _run(url, files, workers=2, read=_readers.hostile)}
        died, raised = seen["2-crash.txt"], seen["3-raise.txt"]
        assert (died.action, died.status) == ("not-stored", "failed")
        assert "worker process reading 2-crash.txt died" in died.problems[0]
        assert (raised.action, raised.status) == ("not-stored", "error")
        assert "RuntimeError: reader bug on 3-raise.txt" in raised.problems[0]
        assert {seen[f].status for f in ("1-minutes.txt", "4-minutes.txt")} == {"ok"}
    assert _store(url)[1].meetings == 2


def test_a_file_over_its_budget_in_a_worker_is_failed_and_the_others_stored(
        tmp_path, monkeypatch):
    monkeypatch.setenv("BOARDPAPERS_FILE_SECONDS", "2")  # set after the workers' server
    folder = tmp_path / "papers"
    folder.mkdir()
    files = [_minutes(folder, 1), _minutes(folder, 2, "2-slow.txt"), _minutes(folder, 3)]
    outcomes = _run(f"sqlite:///{tmp_path / 'bp.sqlite'}", files, workers=2,
                    read=_readers.slow_when_named)
    reads = [line.split() for line in (tmp_path / "reads.log").read_text().splitlines()]
    assert len(reads) == 3 and str(os.getpid()) not in {pid for _, pid in reads}
    seen = {o.file.name: o for o in outcomes}
    assert seen["2-slow.txt"].status == "failed"
    assert "per-file time budget of 2 s" in seen["2-slow.txt"].problems[0]
    assert seen["1-minutes.txt"].status == seen["3-minutes.txt"].status == "ok"


def test_with_workers_a_copy_is_read_once_and_a_stored_file_not_again(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    files = [_minutes(folder, 1), _minutes(folder, 1, "2-same.txt"), _minutes(folder, 3)]
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    first = _seen(_run(url, files, workers=2, read=_readers.logged))
    reads = [line.split() for line in (tmp_path / "reads.log").read_text().splitlines()]
    assert sorted(name for name, _ in reads) == ["1-minutes.txt", "3-minutes.txt"]
    assert str(os.getpid()) not in {pid for _, pid in reads}  # read by the workers
    assert first["2-same.txt"][:3] == ("unchanged", "ok", "same content as 1-minutes.txt")
    again = _seen(_run(url, files, workers=2, read=_readers.logged))
    assert {action for action, *_ in again.values()} == {"unchanged"}
    assert len((tmp_path / "reads.log").read_text().splitlines()) == 2


def test_run_with_workers_lists_the_slowest_files_with_seconds_and_pages(tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr(cli.console, "width", 200)
    folder = tmp_path / "papers"
    folder.mkdir()
    _minutes(folder, 1)
    long = _minutes(folder, 2, "2-long-minutes.txt")
    with long.open("a", encoding="utf-8") as f:  # many times the words of the others
        for k in range(400):
            f.write(f"{k + 3}. Item {k + 3}\nThe council noted report {k + 3} from the Clerk "
                    f"on the village green, the footpaths and the hall. Resolved: noted.\n")
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    result = CliRunner().invoke(cli.app, ["run", str(folder), "--workers", "2", "--db", url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = next(k for k, line in enumerate(lines) if line.startswith("read 2 file(s)"))
    assert "with 2 worker(s); slowest:" in lines[head]
    assert lines[head + 1].split()[1:] == ["s", "2-long-minutes.txt"]
    assert lines[head + 2].split()[1:] == ["s", "1-minutes.txt"]
    assert float(lines[head + 1].split()[0]) >= float(lines[head + 2].split()[0])


def test_the_timing_summary_lists_every_file_with_v_and_nothing_with_q(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    names = []
    for k in range(2):
        for n in range(1, 5):
            paper = _minutes(folder, n, f"{n}-minutes-{k}.txt")
            with paper.open("a") as f:
                f.write(f"Copy {k}.\n")  # not the same bytes as the other copy
            names.append(paper.name)
    verbose = CliRunner().invoke(cli.app, ["-v", "run", str(folder), "--workers", "1",
                                           "--db", f"sqlite:///{tmp_path / 'v.sqlite'}"])
    assert verbose.exit_code == 0, verbose.output
    listed = verbose.output.split("slowest:")[1].splitlines()[1:len(names) + 1]
    assert sorted(line.split()[-1] for line in listed) == sorted(names)  # all 8, not 5
    quiet = CliRunner().invoke(cli.app, ["-q", "run", str(folder), "--workers", "1",
                                         "--db", f"sqlite:///{tmp_path / 'q.sqlite'}"])
    assert quiet.exit_code == 0 and "slowest" not in quiet.output


def _marked(mark: str) -> list[int]:
    """Processes whose environment holds `mark`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and mark.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:  # gone, or not ours to read
            continue
    return found


def test_killing_run_mid_batch_leaves_a_usable_store_and_no_worker_behind(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    import uuid

    if not Path("/proc/self/environ").exists():
        import pytest

        pytest.skip("needs /proc to find the workers")
    folder = tmp_path / "papers"
    folder.mkdir()
    for k in range(40):
        paper = _minutes(folder, k % 4 + 1, f"{k + 10}-minutes.txt")
        with paper.open("a") as f:
            f.write(f"Paper {k}.\n")
    url = f"sqlite:///{tmp_path / 'bp.sqlite'}"
    mark = f"BOARDPAPERS_TEST_MARK={uuid.uuid4()}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-c", "from boardpapers.cli import main; main()",
                             "run", str(folder), "--workers", "2", "--db", url], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not (tmp_path / "bp.sqlite").exists() or _store(url)[1].documents < 3:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    assert len(_marked(mark)) >= 3  # the run, its fork server and its workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _marked(mark) == []
    stored = _store(url)[1].documents
    again = CliRunner().invoke(cli.app, ["run", str(folder), "--workers", "2", "--db", url])
    assert again.exit_code == 0, again.output
    assert f"files 40 (new {40 - stored}, re-read 0, unchanged {stored}, failed 0)" \
        in again.output


def test_warm_up_leaves_what_it_built_out_of_the_collectors_reach():
    # each forked reader would otherwise walk (and so copy) every page of it on its first
    # collection; the frozen objects are the warm-up's spaCy pipeline, patterns and libraries
    import gc

    batch.warm.cache_clear()
    gc.unfreeze()
    try:
        batch.warm()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_each_worker_ocrs_with_its_share_of_the_cores_not_all_of_them(tmp_path, monkeypatch):
    from boardpapers import pool

    monkeypatch.setattr(pool, "cores", lambda: 6, raising=False)
    monkeypatch.delenv("BOARDPAPERS_OCR_WORKERS", raising=False)
    folder = tmp_path / "papers"
    folder.mkdir()
    files = [_minutes(folder, 1), _minutes(folder, 2)]
    with open_session(f"sqlite:///{tmp_path / 'bp.sqlite'}") as session:
        outcomes = list(batch.run(session, files, workers=2, read=_readers.ocr_share))
    assert [o.problems[-1] for o in outcomes] == ["OCR workers 3"] * 2  # 6 cores, 2 workers
