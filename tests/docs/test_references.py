"""Every cross-reference in a docstring (``:func:`geo.x.y```, ``:class:``, ``:mod:``, ``:data:``,
``:meth:``, ``:attr:``) names something that exists: a module renamed or split leaves no stale
pointer behind (``geo.model.fold``, ``geo.editing.Editor`` once did)."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROLE = re.compile(r":(?:func|class|mod|data|meth|attr|exc):`~?((?:geo|ui|bench)(?:\.\w+)+)`")


def _resolves(name: str) -> bool:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_every_docstring_reference_resolves():
    files = [*(ROOT / "geo").rglob("*.py"), *(ROOT / "bench").glob("*.py")]
    refs = {(m.group(1), f"{p.relative_to(ROOT)}") for p in files
            for m in ROLE.finditer(p.read_text(encoding="utf-8"))}
    assert len(refs) > 50
    stale = sorted(f"{where}: {name}" for name, where in refs if not _resolves(name))
    assert stale == []
