"""Shared fixtures. Tests that read ../shared (real documents, the scorer) skip cleanly when
that folder is absent: those papers are not ours to redistribute."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

# `run` reads files in worker processes by default, where a test's monkeypatch does not
# reach: tests run it in this process unless they ask for workers (--workers, workers=).
os.environ["BOARDPAPERS_WORKERS"] = "1"


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
    cmd = [sys.executable, str(scorer), str(gold), str(out), "--json"]
    genres = SHARED / "realdocs" / "GENRES.tsv"
    if genres.exists():
        cmd += ["--genres", str(genres)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    scores = json.loads(done.stdout)
    return {**scores["overall"], "genres": scores.get("genres", {})}, out


PG_ENV = "BOARDPAPERS_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL on SQLite, and on PostgreSQL too when BOARDPAPERS_TEST_PG_URL is set (each
    test gets its own schema, dropped afterwards)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from store import db as store_db

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        store_db.dispose_all()
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set")
    schema_name = f"bp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema_name}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema_name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        store_db.dispose_all()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema_name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def session(db_url: str):  # type: ignore[no-untyped-def]
    from store import open_session

    with open_session(db_url) as s:
        yield s
