"""mypy's rules hold for the whole product: every Python file outside tests/ is in mypy's ``files``, no
module of the product is exempted in pyproject.toml (``ignore_errors``, or imports followed silently or
skipped), and every ``# type: ignore`` names its error code and says why on its line. Each check is
also run on planted text, to see it fail."""
from __future__ import annotations

import io
import re
import tokenize
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: ``# type: ignore[code, ...]`` followed by ``# a reason`` of a few words.
_EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z-]+(?:,\s*[a-z-]+)*\]\s*#\s*\S.{8,}")
#: Top-level folders that hold no product code: the tests, the wheel's build, the package metadata.
NOT_PRODUCT = {"tests", "build"}
#: The modules mypy may leave out: the tests (bench/ and scripts/ import a few of their helpers).
MAY_STAY_OUT = {"tests", "tests.*"}


def unexplained_ignores(source: str, name: str = "<text>") -> list[str]:
    """``name:line`` of every ``type: ignore`` comment without an error code or a reason."""
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and re.search(r"type:\s*ignore", token.string) \
                and not _EXPLAINED.search(token.string):
            out.append(f"{name}:{token.start[0]}")
    return out


def _mypy(pyproject: str) -> dict:
    return tomllib.loads(pyproject).get("tool", {}).get("mypy", {})


def exempted_modules(pyproject: str) -> list[str]:
    """The modules a pyproject.toml lets mypy skip: ``ignore_errors``, or ``follow_imports`` set to
    ``silent`` or ``skip``, in an override."""
    out: list[str] = []
    for block in _mypy(pyproject).get("overrides", []):
        if block.get("ignore_errors") or block.get("follow_imports") in ("silent", "skip"):
            modules = block.get("module", [])
            out += [modules] if isinstance(modules, str) else list(modules)
    return out


def product_files(root: Path) -> list[Path]:
    """Every Python file of the product under ``root``: all but the tests, the build and hidden folders
    (the virtual environment, caches)."""
    def is_product(parts: tuple[str, ...]) -> bool:
        return not (parts[0] in NOT_PRODUCT or parts[0].endswith(".egg-info") or any(p.startswith(".") for p in parts))
    return sorted(p for p in root.rglob("*.py") if is_product(p.relative_to(root).parts))


def unchecked_files(pyproject: str, root: Path) -> list[str]:
    """The product's Python files under ``root`` that are not in mypy's ``files`` (a file, or a folder holding it)."""
    checked = [Path(f) for f in _mypy(pyproject).get("files", [])]
    return [str(p.relative_to(root)) for p in product_files(root)
            if not any(p.relative_to(root) == c or c in p.relative_to(root).parents for c in checked)]


def _pyproject() -> str:
    return (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_mypy_checks_every_python_file_of_the_product():
    files = _mypy(_pyproject())["files"]
    assert {"app.py", "geo", "ui", "pages", "bench", "scripts"} <= set(files)
    assert len(product_files(ROOT)) > 130  # the walk finds the product (geo/ alone is 95 files)
    assert unchecked_files(_pyproject(), ROOT) == []


def test_no_module_of_the_product_is_exempted_from_mypy():
    assert set(exempted_modules(_pyproject())) <= MAY_STAY_OUT


def test_every_type_ignore_in_the_product_names_its_code_and_reason():
    found = [hit for path in product_files(ROOT)
             for hit in unexplained_ignores(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == []


@pytest.mark.parametrize("line, flagged", [
    ("x = f()  # type: ignore", True),
    ("x = f()  # type: ignore[attr-defined]", True),
    ("x = f()  # type: ignore  # stubs", True),
    ("x = f()  # type: ignore[attr-defined]  # geopandas has no stubs", False),
    ("x = f()  # type: ignore[method-assign, assignment]  # a deliberate patch", False),
    ("s = '# type: ignore'", False),   # in a string, not a comment
])
def test_planted_ignores(line, flagged):
    assert bool(unexplained_ignores(line + "\n")) is flagged


def test_planted_exemption():
    planted = '[tool.mypy]\nfiles = ["geo"]\n\n[[tool.mypy.overrides]]\nmodule = ["geo.a", "geo.b"]\nignore_errors = true\n'
    assert exempted_modules(planted) == ["geo.a", "geo.b"]
    assert exempted_modules('[[tool.mypy.overrides]]\nmodule = "geo.c"\nignore_missing_imports = true\n') == []
    for how in ("silent", "skip"):
        assert exempted_modules(f'[[tool.mypy.overrides]]\nmodule = "ui.d"\nfollow_imports = "{how}"\n') == ["ui.d"]
    assert exempted_modules('[[tool.mypy.overrides]]\nmodule = "ui.d"\nfollow_imports = "normal"\n') == []


def test_planted_unchecked_files(tmp_path):
    for name in ("app.py", "geo/core/a.py", "ui/b.py", "pages/c.py", "bench/d.py", "tests/e.py", "build/lib/f.py",
                 ".venv/lib/g.py", "blockade_map.egg-info/h.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    assert [str(p.relative_to(tmp_path)) for p in product_files(tmp_path)] == [
        "app.py", "bench/d.py", "geo/core/a.py", "pages/c.py", "ui/b.py"]
    assert unchecked_files('[tool.mypy]\nfiles = ["geo"]\n', tmp_path) == ["app.py", "bench/d.py", "pages/c.py", "ui/b.py"]
    assert unchecked_files('[tool.mypy]\nfiles = ["app.py", "geo", "ui", "pages", "bench"]\n', tmp_path) == []
    assert unchecked_files('[tool.mypy]\nfiles = ["geo/core"]\n', tmp_path) == [
        "app.py", "bench/d.py", "pages/c.py", "ui/b.py"]
