"""The house rules of geo/ as functions of a source tree, so that the tests can check the real
tree and prove, on a planted copy, that each check fails when its rule is broken.

An import is seen wherever it stands (inside functions too) and in every spelling: ``import a.b``,
``from a import b``, relative ``from . import b`` / ``from ..core import x``, and the dynamic
``importlib.import_module("a.b")`` (also with a relative name and ``package=``) and
``__import__("a.b")`` with a constant name. Edges go to a package's ``__init__`` when the import
names the package (``from geo.store import open_store``), and to the submodule when it names one.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The layers from the bottom up; a module may import its own layer and those below it.
LAYERS = ["core", "store", "query", "network", "places", "intake", "render", "export", "cli"]
#: Top-level packages geo/ must never import: the app above it, the benchmarks, Streamlit.
FORBIDDEN = ("ui", "pages", "bench", "streamlit", "app")


@dataclass(frozen=True)
class Import:
    """One import of a module: the absolute module named, the names taken from it, the line."""

    module: str
    names: tuple[str, ...]
    line: int


def modules(root: Path) -> list[Path]:
    """Every Python file of ``root/geo``."""
    return sorted((root / "geo").rglob("*.py"))


def module_name(root: Path, path: Path) -> str:
    """``geo/store/__init__.py`` -> ``geo.store``; ``geo/store/folder.py`` -> ``geo.store.folder``."""
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


@cache
def _nodes(text: str) -> tuple[ast.AST, ...]:
    # keyed on the text: a planted copy parses only the files it changed
    return tuple(ast.walk(ast.parse(text)))


def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of a file's syntax tree."""
    return _nodes(path.read_text(encoding="utf-8"))


def _absolute(name: str, level: int, package: str) -> str:
    """``from ..core import x`` in package ``geo.store`` -> ``geo.core``."""
    if not level:
        return name
    base = package.split(".")
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _constant(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dynamic(call: ast.Call, package: str) -> str | None:
    """The module an ``importlib.import_module(...)`` / ``import_module(...)`` / ``__import__(...)``
    call imports, when its name is a constant."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name not in ("import_module", "__import__") or not call.args:
        return None
    target = _constant(call.args[0])
    if target is None:
        return None
    if name == "import_module" and target.startswith("."):
        anchor = next((_constant(k.value) for k in call.keywords if k.arg == "package"), None)
        if anchor is None and len(call.args) > 1:
            anchor = _constant(call.args[1])
        level = len(target) - len(target.lstrip("."))
        return _absolute(target.lstrip("."), level, anchor or package)
    if name == "__import__":
        level = next((k.value.value for k in call.keywords
                      if k.arg == "level" and isinstance(k.value, ast.Constant)), 0)
        return _absolute(target, int(level or 0), package)
    return target


def _typing_only(path: Path) -> set[int]:
    """Ids of the nodes inside ``if TYPE_CHECKING:`` blocks: annotations only, never run."""
    out: set[int] = set()
    for node in nodes(path):
        test = node.test if isinstance(node, ast.If) else None
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
            out.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return out


def imports(root: Path, path: Path) -> list[Import]:
    """Every import of a file that runs, resolved to absolute module names (those inside
    ``if TYPE_CHECKING:``, which only type checkers see, are left out)."""
    name = module_name(root, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    typing_only = _typing_only(path)
    out = []
    for node in nodes(path):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            module = _absolute(node.module or "", node.level, package)
            out.append(Import(module, tuple(a.name for a in node.names), node.lineno))
        elif isinstance(node, ast.Import):
            out += [Import(a.name, (), node.lineno) for a in node.names]
        elif isinstance(node, ast.Call):
            target = _dynamic(node, package)
            if target:
                out.append(Import(target, (), node.lineno))
    return out


def _exists(root: Path, module: str) -> bool:
    base = root / Path(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def targets(root: Path, imp: Import) -> list[str]:
    """The modules an import runs: a named submodule, else the module or package named."""
    if not imp.names:
        return [imp.module]
    subs = [f"{imp.module}.{n}" for n in imp.names if _exists(root, f"{imp.module}.{n}")]
    rest = [n for n in imp.names if not _exists(root, f"{imp.module}.{n}")]
    return subs + ([imp.module] if rest or not subs else [])


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "geo" and parts[1] in LAYERS else None


def layer_violations(root: Path) -> list[str]:
    """Imports from a lower layer of geo/ up to a higher one, or from geo/ to outside the layers."""
    out = []
    for path in modules(root):
        own = _layer(module_name(root, path))
        if own is None:
            if path.parent != root / "geo":
                out.append(f"{path.relative_to(root)} is outside the layers")
            continue
        for imp in imports(root, path):
            for target in targets(root, imp):
                if target.split(".")[0] != "geo":
                    continue
                layer = _layer(target)
                where = f"{path.relative_to(root)}:{imp.line} ({own}) imports {target}"
                if layer is None:
                    if target != "geo":
                        out.append(f"{where}, outside the layers")
                elif LAYERS.index(layer) > LAYERS.index(own):
                    out.append(f"{where} ({layer}): a lower layer must not import a higher one")
    return out


def forbidden_imports(root: Path) -> list[str]:
    """Imports from geo/ of the app (ui, pages, app), the benchmarks or Streamlit."""
    return [f"{path.relative_to(root)}:{imp.line} imports {imp.module}"
            for path in modules(root) for imp in imports(root, path)
            if imp.module.split(".")[0] in FORBIDDEN]


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> the geo modules it imports (package ``__init__`` files included)."""
    out: dict[str, set[str]] = {}
    for path in modules(root):
        name = module_name(root, path)
        deps = {t for imp in imports(root, path) for t in targets(root, imp)
                if t.split(".")[0] == "geo" and _exists(root, t)}
        out[name] = deps - {name}
    return out


def cycles(root: Path) -> list[str]:
    """The import cycles between geo's modules, each as ``a -> b -> a`` (empty when there are none)."""
    edges = graph(root)
    found: list[str] = []
    seen: set[str] = set()
    stack: list[str] = []

    def visit(node: str) -> None:
        if node in stack:
            found.append(" -> ".join(stack[stack.index(node):] + [node]))
            return
        if node in seen:
            return
        stack.append(node)
        for dep in sorted(edges.get(node, ())):
            visit(dep)
        stack.pop()
        seen.add(node)

    for node in sorted(edges):
        visit(node)
    return found


def private_crossings(root: Path) -> list[str]:
    """Private names (``_x``) imported from another module."""
    return [f"{p.relative_to(root)}:{imp.line} {imp.module}.{n}" for p in modules(root)
            for imp in imports(root, p) for n in imp.names if n.startswith("_") and n != "__future__"]
