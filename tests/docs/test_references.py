"""Every reference in the library's docstrings and comments names something that exists: a module
renamed or split leaves no stale pointer behind (``geo.model.fold``, ``geo.editing.Editor`` and
``snapshot_map`` in the browser module after the snapshot was split once did).

Checked in every module of ``geo/`` and ``bench/``:

* dotted names ``geo.x.y`` (and ``ui.``, ``bench.``) anywhere in a docstring or a comment, in a
  cross-reference or not: the module imports and each further name is an attribute of it;
* Sphinx cross-references (``:func:``, ``:class:``, ``:meth:``, ``:attr:``, ``:data:``, ``:mod:``,
  ``:exc:``, ``:obj:``) with a short name: the name is one the module (or, in a class, the class)
  can see, a relative module (``:mod:`.labels```), a built-in, or an installed module's.
"""
from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import inspect
import io
import re
import sys
import tokenize
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
#: A dotted name of the project's code, where it is not part of a longer word, path or file name.
DOTTED = re.compile(r"(?<![\w./-])((?:geo|ui|bench)(?:\.[A-Za-z_]\w*)+)")
ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|exc|obj):`~?(\.?[A-Za-z_][\w.]*)`")


def _has(obj: object, name: str) -> tuple[bool, object]:
    """Whether ``obj`` has ``name`` (for a class also a dataclass field, an annotation or an attribute
    its methods set on ``self``), and the value where there is one."""
    if hasattr(obj, name):
        return True, getattr(obj, name)
    if isinstance(obj, type):
        for klass in obj.__mro__:
            if name in getattr(klass, "__dataclass_fields__", {}) or name in getattr(klass, "__annotations__", {}):
                return True, None
            try:
                source = inspect.getsource(klass)
            except (OSError, TypeError):
                continue
            if re.search(rf"\bself\.{name}\b\s*(?::[^=\n]*)?=", source):
                return True, None
    return False, None


def _chain(obj: object, names: list[str]) -> bool:
    for i, name in enumerate(names):
        found, value = _has(obj, name)
        if not found:
            return False
        if value is None and i < len(names) - 1:
            return True  # an instance attribute: what it holds is not known from the class
        obj = value
    return True


def resolves(name: str) -> bool:
    """Whether the absolute dotted ``name`` is a module or a module's attribute (chain)."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        return _chain(module, parts[i:])
    return False


def role_resolves(target: str, module: ModuleType, klass: type | None) -> bool:
    """Whether a cross-reference's ``target`` names something ``module`` (or ``klass`` in it) can see."""
    if target.startswith("."):
        package = module.__name__ if hasattr(module, "__path__") else module.__name__.rpartition(".")[0]
        return bool(package) and resolves(package + target)
    parts = target.split(".")
    if klass is not None and _chain(klass, parts):
        return True
    if _chain(module, parts) or _chain(builtins, parts):
        return True
    return len(parts) > 1 and resolves(target)


def _texts(source: str) -> list[tuple[int, str, bool, str | None]]:
    """``(line, text, is_docstring, enclosing class)`` of each docstring and comment of ``source``."""
    out: list[tuple[int, str, bool, str | None]] = []

    def visit(node: ast.AST, klass: str | None) -> None:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                out.append((node.body[0].lineno, doc, True, klass))
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                continue  # expressions hold no docstring
            inner = child.name if isinstance(child, ast.ClassDef) and klass is None else klass
            visit(child, inner)

    visit(ast.parse(source), None)
    out += [(tok.start[0], tok.string, False, None)
            for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type == tokenize.COMMENT]
    return out


def stale_references(source: str, module: ModuleType, texts: list | None = None) -> list[str]:
    """``line: reference`` for each reference in the docstrings and comments of ``source`` (the text of
    ``module``; ``texts``: its :func:`_texts` where already read) that names nothing."""
    stale = []
    for line, text, is_doc, class_name in texts if texts is not None else _texts(source):
        klass = getattr(module, class_name, None) if class_name else None
        for m in DOTTED.finditer(text):
            if not resolves(m.group(1)):
                stale.append(f"{line}: {m.group(1)}")
        if is_doc:
            for m in ROLE.finditer(text):
                if not m.group(1).startswith(("geo.", "ui.", "bench.")) and not role_resolves(m.group(1), module,
                                                                                             klass):
                    stale.append(f"{line}: {m.group(0)}")
    return stale


def _modules() -> list[tuple[Path, str]]:
    files = [*(ROOT / "geo").rglob("*.py"), *(ROOT / "bench").glob("*.py")]
    out = []
    for path in sorted(files):
        if path.name == "__main__.py":  # importing it would run the command
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        out.append((path, ".".join(parts[:-1] if parts[-1] == "__init__" else parts)))
    return out


def test_every_docstring_and_comment_reference_resolves():
    stale, checked = [], 0
    for path, name in _modules():
        source = path.read_text(encoding="utf-8")
        texts = _texts(source)
        checked += sum(len(DOTTED.findall(text)) + len(ROLE.findall(text)) for _, text, _, _ in texts)
        stale += [f"{path.relative_to(ROOT)}:{where}"
                  for where in stale_references(source, importlib.import_module(name), texts)]
    assert checked > 500  # the check reads the references (650 when written), not nothing
    assert stale == [], "\n".join(stale)


def test_a_stale_reference_is_found_and_a_sound_one_is_not(tmp_path, monkeypatch):
    """The check itself, on a module planted in ``geo.core``: each stale kind is reported, by its line."""
    planted = tmp_path / "planted_refs.py"
    planted.write_text('''"""Fold with :func:`fold` (:func:`geo.core.text.fold`, :class:`str`, :mod:`.text`,
:func:`datetime.date.fromisoformat`); gone: :func:`fold_twice`, :mod:`.nowhere`, geo.model.fold."""
from geo.core.text import fold

# geo.editing.Editor was split; geo.store.editor.Editor is where it went


class Folder:
    """Its :meth:`fold_all` and :attr:`done` are here, :meth:`unfold` is not (nor ui.nothing)."""

    def __init__(self):
        self.done = fold("x")

    def fold_all(self):
        """See :meth:`fold_all` and :attr:`done`; :attr:`undone` is gone."""
''', encoding="utf-8")
    spec = importlib.util.spec_from_file_location("geo.core.planted_refs", planted)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "geo.core.planted_refs", module)
    spec.loader.exec_module(module)
    found = stale_references(planted.read_text(encoding="utf-8"), module)
    assert sorted(found) == sorted(["1: :func:`fold_twice`", "1: :mod:`.nowhere`", "1: geo.model.fold",
                                    "5: geo.editing.Editor", "9: :meth:`unfold`", "9: ui.nothing",
                                    "15: :attr:`undone`"])
