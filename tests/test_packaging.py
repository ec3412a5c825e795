"""The wheel carries every package: `[tool.setuptools] packages` in pyproject.toml is an
explicit list, so a sub-package missing from it works in an editable install (the tests)
and is absent from a real one."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_directory_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in listed if "." not in top
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found, "no package found under the listed top-level packages"
    assert sorted(found - listed) == []
