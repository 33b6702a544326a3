"""The house rules of geo/, checked on the source: layers import one way, no cycles, no
Streamlit, no private names across modules, no dataset facts in code."""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GEO = ROOT / "geo"
#: The layers from the bottom up; a module may import its own layer and those below it.
LAYERS = ["core", "store", "query", "network", "places", "intake", "render", "export", "cli"]


def _modules() -> list[Path]:
    return sorted(p for p in GEO.rglob("*.py"))


@lru_cache(maxsize=None)
def _nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of a file's syntax tree (parsed once for all the checks)."""
    return tuple(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def _typing_only(path: Path) -> set[int]:
    """Ids of the import nodes inside ``if TYPE_CHECKING:`` blocks: annotations only, never run."""
    out: set[int] = set()
    for node in _nodes(path):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            out.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return out


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, names, line) of every ``import geo...`` / ``from geo... import ...`` in a file,
    wherever it stands (inside functions too), except those only type checkers see."""
    out = []
    typing_only = _typing_only(path)
    for node in _nodes(path):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and (node.module == "geo" or node.module.startswith("geo.")):
            out.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("geo.")]
    return out


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_the_layers(path):
    own = _layer(".".join(path.relative_to(ROOT).with_suffix("").parts))
    assert own is not None or path.parent == GEO, f"{path} is outside the layers"
    for module, names, line in _imports(path):
        if module == "geo":  # from geo import core / store ...
            targets = [f"geo.{n}" for n in names]
        else:
            targets = [module]
        for target in targets:
            layer = _layer(target)
            assert layer is not None, f"{path}:{line} imports {target}, outside the layers"
            assert LAYERS.index(layer) <= LAYERS.index(own), (
                f"{path.relative_to(ROOT)}:{line} ({own}) imports {target} ({layer}): a lower layer "
                "must not import a higher one")


def test_no_import_cycle_between_modules():
    graph: dict[str, set[str]] = {}
    for path in _modules():
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        deps = set()
        for module, names, _ in _imports(path):
            for target in [module] + [f"{module}.{n}" for n in names]:
                if (ROOT / Path(*target.split("."))).with_suffix(".py").exists():
                    deps.add(target)
        graph[name] = deps - {name}
    seen, stack = set(), []

    def visit(node: str) -> None:
        if node in stack:
            raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(node):] + [node]))
        if node in seen:
            return
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            visit(dep)
        stack.pop()
        seen.add(node)
    for node in sorted(graph):
        visit(node)


def test_geo_never_imports_streamlit():
    offenders = [str(p.relative_to(ROOT)) for p in _modules()
                 if re.search(r"^\s*(import|from)\s+streamlit", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_private_name_crosses_a_module():
    crossing = [f"{p.relative_to(ROOT)}:{line} {module}.{name}" for p in _modules()
                for module, names, line in _imports(p) for name in names if name.startswith("_")]
    assert crossing == []


@pytest.mark.parametrize("fact", ["America/Lima", "PERU_BOUNDS", "Peruvian department", "-75.0", "Peru's"])
def test_no_dataset_fact_in_code(fact):
    code = [ROOT / "app.py", *_modules(), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]
    found = []
    for path in code:
        for node in _nodes(path):
            # docstrings and examples may name the first dataset; code and messages may not
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and fact in node.value:
                parent_doc = node.value.lstrip().startswith(('"""', "``")) or "\n" in node.value
                if not parent_doc:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
