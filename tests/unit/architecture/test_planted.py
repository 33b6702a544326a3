"""Each house rule, broken on purpose in a copy of geo/, makes its check fail: proof that the
checks of test_layers.py see what they claim to see (relative and dynamic imports, package
``__init__`` edges, imports of the app, the benchmarks or Streamlit, cycles)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.unit.architecture import rules

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the Python files of geo/, checked clean once."""
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "geo", root / "geo", ignore=shutil.ignore_patterns("__pycache__", "locale", "*.js",
                                                                             "*.css", "*.html"))
    return root


@pytest.fixture
def tree(pristine, tmp_path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(pristine, root)
    return root


def _plant(root: Path, module: str, code: str) -> None:
    """Append ``code`` to the end of ``geo/<module>.py`` (inside a function where it says so)."""
    path = root / "geo" / f"{module}.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


def test_the_copy_is_clean(pristine):
    assert rules.layer_violations(pristine) == []
    assert rules.forbidden_imports(pristine) == []
    assert rules.cycles(pristine) == []


@pytest.mark.parametrize("code, seen", [
    ("import ui.state", "imports ui.state"),
    ("from ui import problems", "imports ui"),
    ("def _later():\n    import streamlit as st\n    return st", "imports streamlit"),
    ("import importlib\n\ndef _later():\n    return importlib.import_module('streamlit')", "imports streamlit"),
    ("def _later():\n    return __import__('pages.map')", "imports pages.map"),
    ("from bench import synth", "imports bench"),
])
def test_geo_importing_the_app_the_benchmarks_or_streamlit_is_caught(tree, code, seen):
    _plant(tree, "core/text", code)
    found = rules.forbidden_imports(tree)
    assert len(found) == 1 and found[0].startswith("geo/core/text.py:") and found[0].endswith(seen)


@pytest.mark.parametrize("module, code, target", [
    ("core/text", "from ..render import style", "geo.render.style"),
    ("core/text", "from ..store.layout import DATA_ENV", "geo.store.layout"),
    ("query/active", "from ..export import files", "geo.export.files"),
    ("core/text", "import importlib\n\ndef _later():\n    return importlib.import_module('..cli.main', 'geo.core')",
     "geo.cli.main"),
    ("core/text", "import importlib\n\ndef _later():\n    return importlib.import_module('geo.intake.readers')",
     "geo.intake.readers"),
    ("store/layout", "def _later():\n    return __import__('geo.network.routing')", "geo.network.routing"),
])
def test_an_import_up_the_layers_is_caught_in_every_spelling(tree, module, code, target):
    _plant(tree, module, code)
    found = rules.layer_violations(tree)
    assert len(found) == 1 and f"imports {target} " in found[0]
    assert "a lower layer must not import a higher one" in found[0]


def test_a_cycle_through_a_package_init_is_caught(tree):
    # geo/store/__init__.py imports geo.store.layout; layout importing the package closes a cycle
    _plant(tree, "store/layout", "def _later():\n    from geo.store import open_store\n    return open_store")
    found = rules.cycles(tree)
    assert len(found) == 1 and found[0].startswith("geo.store -> ")
    assert found[0].endswith(" -> geo.store.layout -> geo.store")


def test_a_relative_cycle_between_modules_is_caught(tree):
    _plant(tree, "core/text", "def _later():\n    from . import dates\n    return dates")
    _plant(tree, "core/dates", "def _later():\n    from .text import fold\n    return fold")
    assert rules.cycles(tree) == ["geo.core.dates -> geo.core.text -> geo.core.dates"]


def test_an_import_only_type_checkers_see_is_not_an_edge(tree):
    """``if TYPE_CHECKING:`` imports never run: a protocol may name a higher layer's type."""
    _plant(tree, "core/text", "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from geo.store.protocol "
                              "import Store\n    import streamlit")
    assert rules.layer_violations(tree) == [] and rules.forbidden_imports(tree) == [] and rules.cycles(tree) == []
