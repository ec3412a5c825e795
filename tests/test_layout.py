"""extract/ shows its architecture: one sub-package per fact, arrows between them that only
go down, vocabularies beside the code that reads them and shipped in the wheel, small modules.
Read from the source tree (ast, tomllib): nothing is imported or built."""
from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = ROOT / "extract"
# which sub-packages a sub-package may import: the facts read people against the document
MAY_IMPORT = {
    "document": set(),
    "people": set(),
    "attendance": {"document", "people"},
    "decisions": {"document"},
    "actions": {"document", "people"},
    "rag": {"document"},
}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(EXTRACT.rglob("*.py"))


def _package_of(path: Path) -> str | None:
    """The sub-package a module belongs to (None for the top: model, contract, pipeline …)."""
    rel = path.relative_to(EXTRACT).parts
    return rel[0] if len(rel) > 1 else None


def _imported_subpackages(path: Path) -> set[str]:
    """Sub-packages named by the module's imports, relative or absolute."""
    own = _package_of(path)
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level == 0:
            names = (node.module or "").split(".")
            if names[0] == "extract" and len(names) > 1:
                out.add(names[1])
        elif node.level == 1:
            if own is None and node.module:  # a top-level module importing a sub-package
                out.add(node.module.split(".")[0])
        elif node.module:  # `from ..people.words import …` inside a sub-package
            out.add(node.module.split(".")[0])
    return {p for p in out if p in MAY_IMPORT and p != own}


def test_one_sub_package_per_fact_each_saying_what_it_reads():
    found = {p.parent.name for p in EXTRACT.glob("*/__init__.py")}
    assert found == set(MAY_IMPORT)
    for name in MAY_IMPORT:
        doc = ast.get_docstring(ast.parse((EXTRACT / name / "__init__.py").read_text()))
        assert doc and len(doc) > 200, f"extract/{name}/__init__.py needs its docstring"


def test_sub_packages_import_only_downwards():
    wrong = []
    for path in _modules():
        own = _package_of(path)
        if own is None:
            continue
        for used in _imported_subpackages(path) - MAY_IMPORT[own]:
            wrong.append(f"{path.relative_to(ROOT)} imports extract.{used}")
    assert wrong == []


def _vocab_calls(path: Path) -> list[ast.Call]:
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "load_vocab"]


def test_each_vocabulary_sits_beside_the_code_that_reads_it():
    read: set[Path] = set()
    for path in _modules():
        for call in _vocab_calls(path):
            package, name = call.args
            assert isinstance(package, ast.Name) and package.id == "__package__", (
                f"{path.relative_to(ROOT)} reads another package's vocabulary")
            assert isinstance(name, ast.Constant)
            file = path.parent / name.value
            assert file.is_file(), f"{path.relative_to(ROOT)}: no {file.relative_to(ROOT)}"
            read.add(file)
    assert read == set(EXTRACT.rglob("*.json")), "a vocabulary file nobody reads"


def test_every_vocabulary_file_ships_in_the_wheel():
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages, data = set(tool["packages"]), tool["package-data"]
    for file in sorted(EXTRACT.rglob("*.json")):
        package = ".".join(file.parent.relative_to(ROOT).parts)
        assert package in packages, f"{package} is not in pyproject's packages"
        assert any(fnmatch.fnmatch(file.name, g) for g in data.get(package, [])), (
            f"{file.relative_to(ROOT)} is not in pyproject's package-data")
    listed = {".".join(p.parent.relative_to(ROOT).parts) for p in EXTRACT.rglob("__init__.py")}
    assert listed <= packages


def test_no_module_over_the_size_limit():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []
