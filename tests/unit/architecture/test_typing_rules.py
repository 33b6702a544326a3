"""mypy's rules for geo/ hold: no module is exempted in pyproject.toml, and every ``# type: ignore``
names its error code and says why on its line. Each check is also run on planted text, to see it fail."""
from __future__ import annotations

import io
import re
import tokenize
import tomllib

import pytest

from tests.conftest import ROOT

#: ``# type: ignore[code, ...]`` followed by ``# a reason`` of a few words.
_EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z-]+(?:,\s*[a-z-]+)*\]\s*#\s*\S.{8,}")


def unexplained_ignores(source: str, name: str = "<text>") -> list[str]:
    """``name:line`` of every ``type: ignore`` comment without an error code or a reason."""
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and re.search(r"type:\s*ignore", token.string) \
                and not _EXPLAINED.search(token.string):
            out.append(f"{name}:{token.start[0]}")
    return out


def exempted_modules(pyproject: str) -> list[str]:
    """The modules a pyproject.toml lets mypy skip (``ignore_errors`` in an override)."""
    overrides = tomllib.loads(pyproject).get("tool", {}).get("mypy", {}).get("overrides", [])
    out: list[str] = []
    for block in overrides:
        if block.get("ignore_errors"):
            modules = block.get("module", [])
            out += [modules] if isinstance(modules, str) else list(modules)
    return out


def test_no_module_of_geo_is_exempted_from_mypy():
    assert exempted_modules((ROOT / "pyproject.toml").read_text(encoding="utf-8")) == []


def test_every_type_ignore_in_geo_names_its_code_and_reason():
    found = [hit for path in sorted((ROOT / "geo").rglob("*.py"))
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
