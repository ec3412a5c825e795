"""Shared fixtures. Tests that read ../shared (real documents, the scorer) skip cleanly when
that folder is absent: those papers are not ours to redistribute."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "realdocs" / "dev").is_dir():
        pytest.skip("../shared/realdocs is not present here")
    return SHARED


@pytest.fixture(scope="session")
def dev_run(tmp_path_factory) -> tuple[dict, Path]:
    """Extract the whole dev set once per test session and score it with the shared
    scorer: (scores, folder of predicted records). Skips when ../shared is absent."""
    import importlib.util
    import json
    import subprocess
    import sys

    dev, gold, scorer = SHARED / "realdocs" / "dev", SHARED / "realdocs" / "gold", \
        SHARED / "eval" / "score.py"
    if not (dev.is_dir() and gold.is_dir() and scorer.exists()):
        pytest.skip("../shared/realdocs is not present here")
    # Load scripts/score.py by path under a private name: a bare `import score` picks up
    # whatever other `score` module is already imported or earlier on sys.path.
    spec = importlib.util.spec_from_file_location("_boardpapers_score_script",
                                                  ROOT / "scripts" / "score.py")
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)

    out = tmp_path_factory.mktemp("dev-pred")
    runner.run(dev, out)
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["overall"], out
