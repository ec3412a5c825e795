"""Start-up (issue 8 §6): a command imports only what it uses. Checked by what a fresh
interpreter has in sys.modules, not by timing (`scripts/bench.py --startup` has the times)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

# What `--help` must leave out: spaCy and the extractors, ingest's readers, the store
# (SQLAlchemy's ORM, Alembic) and the report writers.
HEAVY = ("spacy", "thinc", "extract", "ingest", "store", "alembic", "sqlalchemy.orm",
         "reports", "jinja2", "pdfplumber", "pypdfium2")

PROBE = r"""
import json, sys
{setup}
heavy = sorted({{m.split(".")[0] if not m.startswith("sqlalchemy.orm") else "sqlalchemy.orm"
                for m in sys.modules if m == "sqlalchemy.orm" or m.startswith("sqlalchemy.orm.")
                or m.split(".")[0] in {heavy}}})
print(json.dumps(heavy))
"""


def _loaded(setup: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    code = PROBE.format(setup=setup, heavy=set(heavy))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


HELP = """
from boardpapers.cli import app
try:
    app({args!r})
except SystemExit:
    pass
"""


@pytest.mark.parametrize("args", [[], ["--help"], ["log", "--help"], ["people", "--help"]])
def test_help_imports_no_pipeline_store_or_report_module(args):
    assert _loaded(HELP.format(args=args)) == []


PRINTS = """
import contextlib, io
from boardpapers.cli import app
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        app({args!r}, prog_name="boardpapers")
    except SystemExit as e:
        assert not e.code, e.code
assert {expected!r} in out.getvalue(), out.getvalue()
"""


@pytest.mark.parametrize("args, expected", [
    (["--version"], "boardpapers "), (["-q", "--version"], "boardpapers "),
    (["--show-completion", "bash"], "complete -o default -F _boardpapers_completion")])
def test_version_and_completion_script_import_no_pipeline_store_or_report_module(
        args, expected):
    assert _loaded(PRINTS.format(args=args, expected=expected)) == []


def test_importing_extract_leaves_spacy_until_extraction_runs():
    assert _loaded("import boardpapers.batch, extract") == ["extract", "ingest"]
    assert "spacy" in _loaded("from extract.document.nlp import sentences; sentences('One. Two.')")


EXTRACT = """
import pathlib, tempfile
from boardpapers.cli import app
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "m.txt").write_text("Parish Council\\n\\nMinutes of 3 June 2024\\n\\nPresent: A Smith")
try:
    app(["extract", str(folder / "m.txt"), "--out", str(folder / "out")])
except SystemExit as e:
    assert not e.code, e.code
assert (folder / "out" / "m.txt.json").exists()
"""


def test_extract_command_loads_spacy_but_never_the_store():
    loaded = set(_loaded(EXTRACT))
    assert {"spacy", "extract", "ingest"} <= loaded  # the probe did extract
    assert not {"store", "alembic", "sqlalchemy.orm", "reports"} & loaded
