"""Within a batch one kept child reads file after file (bounded.kept_reader), and it is
replaced after any file it failed on, once it has grown past half the memory budget, and
when the reader changes; the environment of each read is the parent's at that moment."""
from __future__ import annotations

import os
import time
from pathlib import Path

from boardpapers import batch
from boardpapers.bounded import Budget, kept_reader, read_bounded
from extract.model import Extraction, SourceInfo

_HOARD: list[bytearray] = []


def _pid(path: Path) -> Extraction:
    """A record naming the process that read the file, and the variable the test sets."""
    return Extraction(SourceInfo(file=path.name, sha256="x", format="txt", pages=1,
                                 problems=[str(os.getpid()),
                                           os.environ.get("BP_TEST_MARK", "")]))


def _by_name(path: Path) -> Extraction:
    if "slow" in path.name:
        time.sleep(30)
    if "crash" in path.name:
        os._exit(3)
    if "hoard" in path.name:
        _HOARD.append(bytearray(300 * 2**20))  # kept: the child stays 300 MB bigger
    return _pid(path)


def _files(tmp_path: Path, *names: str) -> list[Path]:
    for name in names:
        (tmp_path / name).write_text("Minutes\n")
    return [tmp_path / name for name in names]


def _reader_pid(record: Extraction) -> str:
    assert record.source.status != "failed", record.source.problems
    return record.source.problems[0]


def test_one_child_reads_every_file_of_the_block_and_ends_with_it(tmp_path):
    files = _files(tmp_path, "a.txt", "b.txt", "c.txt")
    with kept_reader():
        pids = {_reader_pid(read_bounded(f, Budget(), _pid)) for f in files}
    assert len(pids) == 1 and str(os.getpid()) not in pids
    (pid,) = pids
    assert not _alive(int(pid))


def test_outside_a_block_each_file_has_a_child_of_its_own(tmp_path):
    files = _files(tmp_path, "a.txt", "b.txt")
    assert len({_reader_pid(read_bounded(f, Budget(), _pid)) for f in files}) == 2


def test_a_child_that_failed_a_file_is_replaced_and_the_next_file_is_read(tmp_path):
    first, slow, after_slow, crash, after_crash = _files(
        tmp_path, "first.txt", "slow.txt", "next.txt", "crash.txt", "last.txt")
    with kept_reader():
        one = _reader_pid(read_bounded(first, Budget(seconds=5), _by_name))
        over = read_bounded(slow, Budget(seconds=0.5), _by_name)
        two = _reader_pid(read_bounded(after_slow, Budget(seconds=0.5), _by_name))
        died = read_bounded(crash, Budget(seconds=0.5), _by_name)
        three = _reader_pid(read_bounded(after_crash, Budget(seconds=0.5), _by_name))
    assert "per-file time budget of 0.5 s" in over.source.problems[0]
    assert "its reader died (exit 3)" in died.source.problems[0]
    assert len({one, two, three}) == 3


def test_a_child_grown_past_half_the_memory_budget_is_replaced(tmp_path):
    hoard, small, other = _files(tmp_path, "hoard.txt", "small.txt", "other.txt")
    from boardpapers.bounded import _address_space

    # twice this process's size and 400 MB more: the hoard takes the child past half of it
    budget = Budget(memory_mb=2 * (_address_space() >> 20) + 400)
    with kept_reader():
        grown = _reader_pid(read_bounded(hoard, budget, _by_name))
        fresh = _reader_pid(read_bounded(small, budget, _by_name))
        same = _reader_pid(read_bounded(other, budget, _by_name))
    assert grown != fresh == same


def test_a_different_reader_or_budget_gets_a_child_of_its_own(tmp_path):
    a, b, c = _files(tmp_path, "a.txt", "b.txt", "c.txt")
    with kept_reader():
        first = _reader_pid(read_bounded(a, Budget(), _pid))
        other_reader = _reader_pid(read_bounded(b, Budget(), _by_name))
        other_budget = _reader_pid(read_bounded(c, Budget(seconds=60), _by_name))
    assert len({first, other_reader, other_budget}) == 3


def test_each_read_sees_the_environment_as_it_is_then(tmp_path, monkeypatch):
    a, b = _files(tmp_path, "a.txt", "b.txt")
    with kept_reader():
        monkeypatch.setenv("BP_TEST_MARK", "one")
        first = read_bounded(a, Budget(), _pid)
        monkeypatch.setenv("BP_TEST_MARK", "two")
        second = read_bounded(b, Budget(), _pid)
    assert first.source.problems == [_reader_pid(second), "one"]
    assert second.source.problems[1] == "two"


def test_a_batch_reads_its_files_in_one_child_and_stores_them_all(tmp_path):
    from store import open_session

    folder = tmp_path / "papers"
    folder.mkdir()
    for n in range(3):
        (folder / f"m{n}.txt").write_text(
            f"Minutes of the Finance Committee held on {n + 3} March 2024\n"
            "Present: Cllr Ann Birch (Chair), Cllr Tom Gray\n")
    before = _children()
    with open_session(f"sqlite:///{tmp_path / 'bp.sqlite'}") as session:
        outcomes = list(batch.run(session, batch.find_files([folder]), read=_logged))
    assert [o.action for o in outcomes] == ["new"] * 3
    readers = (tmp_path / "readers.log").read_text().split()
    assert len(readers) == 3 and len(set(readers)) == 1
    assert _children() == before  # the batch's child ended with it


def test_a_child_whose_parent_closes_the_pipe_returns(tmp_path):
    from boardpapers.bounded import _Reader

    (f,) = _files(tmp_path, "a.txt")
    reader = _Reader(Budget(), _pid)
    reader.read(f)
    reader._conn.close()  # as when the parent dies: the child must not wait for ever
    reader._child.join(timeout=30)
    assert reader._child.exitcode == 0


def _logged(path: Path) -> Extraction:
    return read_bounded(path, Budget(), _log_and_extract)


def _log_and_extract(path: Path) -> Extraction:
    with open(path.parent.parent / "readers.log", "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return batch.extract_here(path)


def _alive(pid: int) -> bool:
    """Running: not gone, and not a zombie waiting for whoever adopted it to reap it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _children() -> set[int]:
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children()}


def _starts_a_program_then_hangs(path: Path) -> Extraction:
    """As OCR does: a program started from the reader (a stand-in for Tesseract), then a
    reading that runs over the budget."""
    import subprocess

    program = subprocess.Popen(["sleep", "120"])
    (path.parent / "program.pid").write_text(str(program.pid))
    time.sleep(120)
    return _pid(path)


def test_over_the_time_budget_what_the_reader_started_is_killed_too(tmp_path):
    (f,) = _files(tmp_path, "scan.txt")
    with kept_reader():
        record = read_bounded(f, Budget(seconds=2), _starts_a_program_then_hangs)
    assert "per-file time budget of 2 s" in record.source.problems[0]
    program = int((tmp_path / "program.pid").read_text())
    deadline = time.monotonic() + 10  # SIGKILL is delivered at once, but not synchronously
    while _alive(program) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(program)
