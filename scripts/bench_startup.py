#!/usr/bin/env python3
"""Start-up cost of the command line, as CPU time of fresh processes and ratios against
yardsticks measured in the same run (`python scripts/bench.py --startup`).

    boardpapers --help            ÷ python -c "import pdfplumber"     target ≤ 2
    boardpapers extract SMALL     ÷ its own extraction work          target ≤ 1.3

"Its own extraction work" is the CPU time, inside one fresh process, of importing ingest
and extract and running `extract(load(SMALL))` (spaCy's import and the blank pipeline
included: extraction needs them). What is left is the price of the command itself: the
interpreter, typer and rich, and any module a command imports but does not use.

Each figure is the median of RUNS fresh processes (CPU = user + system, from the
children's rusage), so it is steady on a shared machine where wall time is not.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "samples" / "lancs-cpb_minutes_2020-09-10.docx"
RUNS = 7

CLI = "import sys; from boardpapers.cli import main; sys.argv[0] = 'boardpapers'; main()"
WORK = r"""
import sys, time
started = time.process_time()
from ingest import load
from extract import extract
extract(load(sys.argv[1]))
print(time.process_time() - started)
"""


def _env() -> dict[str, str]:
    # this checkout's code first (with cwd=ROOT), whatever the venv has installed
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}


def cpu_seconds(argv: list[str]) -> float:
    """CPU time (user + system) of one fresh process running `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(argv: list[str]) -> float:
    return statistics.median(cpu_seconds(argv) for _ in range(RUNS))


def median_work(path: Path) -> float:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", WORK, str(path)], cwd=ROOT, env=_env(),
                             capture_output=True, text=True, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def report(small: Path = SMALL) -> None:
    py = sys.executable
    with tempfile.TemporaryDirectory() as out:
        rows = [
            ("python -c pass", median_cpu([py, "-c", "pass"])),
            ('python -c "import pdfplumber"', median_cpu([py, "-c", "import pdfplumber"])),
            ("boardpapers --help", median_cpu([py, "-c", CLI, "--help"])),
            (f"boardpapers extract {small.name}",
             median_cpu([py, "-c", CLI, "extract", str(small), "--out", out])),
            ("  its extraction work (in-process)", median_work(small)),
        ]
    cpu = dict(rows)
    print(f"\nstart-up — CPU seconds, median of {RUNS} fresh processes")
    for name, seconds in rows:
        print(f"  {name:56s} {seconds:7.3f} s")
    help_ratio = cpu["boardpapers --help"] / cpu['python -c "import pdfplumber"']
    extract_ratio = rows[3][1] / rows[4][1]
    print(f"  --help ÷ import pdfplumber = {help_ratio:.2f} (target ≤ 2); "
          f"--help ÷ python -c pass = {cpu['boardpapers --help'] / cpu['python -c pass']:.1f}")
    print(f"  extract ÷ its extraction work = {extract_ratio:.2f} (target ≤ 1.3)")


if __name__ == "__main__":
    report(Path(sys.argv[1]) if len(sys.argv) > 1 else SMALL)
