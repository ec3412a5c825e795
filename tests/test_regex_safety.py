"""No pattern of ours backtracks super-linearly on hostile text (issue 8, section 3).

The static test walks every pattern extract/ and ingest/ compile (module-level, built from
extract/patterns/*.json, or compiled lazily while a document is read) and rejects the shapes
that made them quadratic (tests/_regex_shapes.py). The hang guard runs the whole extract() on
30 KB of each hostile text in a subprocess: linear code needs well under a second per text;
the timeout is many times that, so it only fires on a hang, not on a slow machine.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _regex_shapes import problems

ROOT = Path(__file__).resolve().parents[1]

COLLECT = r"""
import json, sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from probe_regex import collect
print(json.dumps([[p, f, where] for (p, f), where in collect().items()]))
"""

HANG_GUARD = r"""
import sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from adversarial import KINDS, make
from probe_regex import _one_block
from extract import extract
for kind in KINDS:
    extract(_one_block(make(kind, 30_000)))
"""


@pytest.fixture(scope="module")
def our_patterns() -> list[tuple[str, int, str]]:
    out = subprocess.run([sys.executable, "-c", COLLECT, str(ROOT)], capture_output=True,
                         text=True, check=True)
    return [tuple(x) for x in json.loads(out.stdout.strip().splitlines()[-1])]


def test_patterns_are_collected_from_both_layers(our_patterns):
    places = {where.split("/")[0] for _p, _f, where in our_patterns}
    assert places == {"extract", "ingest"} and len(our_patterns) > 200


@pytest.mark.parametrize("pattern, shape", [
    (r"\s*,\s*", "leading"),  # a split tried from every space of a long run
    (r"(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]+", "leading"),  # a name tried inside one long word
    (r"\(([^)]*)\)", "leading"),  # "((((…" with no ")"
    (r"( (and|or))+$", "leading"),
    (r"\s*,?\s*replacing", "overlap"),
    (r"^(?P<role>[^()]+?)\s*\(", "overlap"),
    (r"(\w+\s?)*$", "nested"),
])
def test_the_shape_check_sees_each_dangerous_shape(pattern, shape):
    assert shape in problems(pattern)


@pytest.mark.parametrize("pattern", [
    r"(?:(?<!\s)\s*+)?,\s*", r"(?<![\w.-])(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]+",
    r"\(([^)]{0,300})\)", r"Lee\s*+,?\s*replacing", r"^\s*\d{1,3}(\.\d+)*\.?\s*$", r"\d+",
])
def test_the_shape_check_passes_the_safe_forms(pattern):
    assert problems(pattern) == []


def test_no_pattern_of_ours_has_a_backtracking_shape(our_patterns):
    bad = [f"{where}: {problems(p, f)} {p[:120]!r}" for p, f, where in our_patterns
           if problems(p, f)]
    assert not bad, "\n".join(bad)


def test_extract_on_30_kb_of_each_hostile_text_finishes():
    """Hang guard, not a timing test: all the texts take ~2-3 s together when linear (60 s
    is over 20 times that); before the fixes the capitalised run alone took ~3 minutes."""
    subprocess.run([sys.executable, "-c", HANG_GUARD, str(ROOT)], check=True, timeout=60)


LIST_GUARD = r"""
import sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/scripts")
from adversarial import make
from probe_regex import _one_block
from extract import extract
extract(_one_block(make("many-lines", 1_000_000)))
"""


def test_extract_on_a_megabyte_of_name_lines_finishes():
    """Hang guard for work that grows with the number of lines rather than a pattern's: a
    megabyte of "Cllr Ann Lee" lines (under ingest's text cap) takes ~1 s when linear; when
    joining the lines of a list searched the whole text so far at each line, ~100 s."""
    subprocess.run([sys.executable, "-c", LIST_GUARD, str(ROOT)], check=True, timeout=60)
