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
