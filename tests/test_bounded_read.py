"""The per-file budget: a file whose reading runs over time or memory is failed with a reason
naming the budget, and the batch goes on with the next file."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from boardpapers import batch
from boardpapers.bounded import Budget, read_bounded


def _slow(path: Path):
    time.sleep(30)
    return batch.extract_here(path)


def _greedy(path: Path):
    hog = bytearray(2**30)  # 1 GiB, over the 300 MB budget below
    return hog and batch.extract_here(path)


def _minutes(tmp_path: Path) -> Path:
    f = tmp_path / "minutes.txt"
    f.write_text("Minutes of the Finance Committee held on 3 March 2024\n")
    return f


def test_a_file_over_the_time_budget_is_failed_naming_it(tmp_path):
    record = read_bounded(_minutes(tmp_path), Budget(seconds=0.5), _slow)
    assert record.source.status == "failed" and record.source.sha256
    assert "per-file time budget of 0.5 s" in record.source.problems[0]
    assert "BOARDPAPERS_FILE_SECONDS" in record.source.problems[0]


def test_a_file_over_the_memory_budget_is_failed_naming_it(tmp_path):
    record = read_bounded(_minutes(tmp_path), Budget(memory_mb=300), _greedy)
    assert record.source.status == "failed"
    assert "per-file memory budget of 300 MB" in record.source.problems[0]


def test_within_budget_the_reading_comes_back_whole(tmp_path):
    f = _minutes(tmp_path)
    record = read_bounded(f, Budget(), batch.extract_here)
    assert record == batch.extract_here(f)


def test_extract_file_runs_within_the_budget_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BOARDPAPERS_FILE_SECONDS", "0.5")
    monkeypatch.setattr(batch, "extract_here", _slow)
    record = batch.extract_file(_minutes(tmp_path))
    assert "per-file time budget of 0.5 s" in record.source.problems[0]


def test_a_file_failed_over_budget_is_read_again_once_the_budget_is_raised(tmp_path,
                                                                          monkeypatch):
    from store import open_session

    f = _minutes(tmp_path)
    monkeypatch.setenv("BOARDPAPERS_FILE_SECONDS", "0.5")
    with open_session(f"sqlite:///{tmp_path / 'bp.sqlite'}") as session:
        with monkeypatch.context() as slow:
            slow.setattr(batch, "extract_here", _slow)
            (first,) = batch.run(session, [f])
        assert first.status == "failed" and "time budget" in first.problems[0]
        (same,) = batch.run(session, [f])  # the same budget: not tried again
        assert same.action == "unchanged" and same.status == "failed"
        monkeypatch.setenv("BOARDPAPERS_FILE_SECONDS", "60")  # what the message told us to do
        (again,) = batch.run(session, [f])
    assert again.action == "re-read" and again.status == "ok", again


@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_budget_that_is_not_a_number_is_one_sentence_and_exit_code_2(tmp_path, command):
    from typer.testing import CliRunner

    from boardpapers.cli import app

    where = (["--db", f"sqlite:///{tmp_path / 'bp.sqlite'}"] if command == "run"
             else ["--out", str(tmp_path / "out")])
    result = CliRunner().invoke(app, [command, str(_minutes(tmp_path)), *where],
                                env={"BOARDPAPERS_FILE_SECONDS": "five minutes"})
    assert result.exit_code == 2, result.output
    assert "$BOARDPAPERS_FILE_SECONDS is 'five minutes'" in result.output
    assert "Traceback" not in result.output
