"""The house rules of geo/, checked on the source: layers import one way, no cycles, no
Streamlit, no private names across modules, no dataset facts in code."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.unit.architecture import rules

ROOT = Path(__file__).resolve().parents[3]


def _nodes(path: Path):
    return rules.nodes(path)


def test_imports_point_down_the_layers():
    assert rules.layer_violations(ROOT) == []


def test_geo_never_imports_the_app_the_benchmarks_or_streamlit():
    assert rules.forbidden_imports(ROOT) == []


def test_no_import_cycle_between_modules():
    assert rules.cycles(ROOT) == []


def test_the_import_graph_sees_packages_relative_and_dynamic_imports():
    graph = rules.graph(ROOT)
    assert "geo.store" in graph and "geo.store.folder" in graph["geo.store"]
    assert len(graph) == len(rules.modules(ROOT))


def test_no_private_name_crosses_a_module():
    assert rules.private_crossings(ROOT) == []


def test_text_is_escaped_only_through_the_helpers():
    """geo.core.escape holds the one escaping helper per target; nothing else calls html.escape
    or markupsafe directly (a second escaper drifts: the JS template literals need more)."""
    code = [ROOT / "app.py", *rules.modules(ROOT), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    found = []
    for path in code:
        if path == ROOT / "geo" / "core" / "escape.py":
            continue
        for node in _nodes(path):
            if isinstance(node, ast.Attribute) and node.attr == "escape" and isinstance(node.value, ast.Name) and \
                    node.value.id in ("html", "markupsafe", "_html"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            elif isinstance(node, ast.ImportFrom) and node.module in ("html", "markupsafe") and \
                    any(a.name == "escape" for a in node.names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("fact", ["America/Lima", "PERU_BOUNDS", "Peruvian department", "-75.0", "Peru's"])
def test_no_dataset_fact_in_code(fact):
    code = [ROOT / "app.py", *rules.modules(ROOT), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    found = []
    for path in code:
        for node in _nodes(path):
            # docstrings and examples may name the first dataset; code and messages may not
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and fact in node.value:
                parent_doc = node.value.lstrip().startswith(('"""', "``")) or "\n" in node.value
                if not parent_doc:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
