"""Files the dashboard writes into its static folder for the page to fetch (a view's popups, a
view's layers): written whole (never half a file), the newest few kept."""
from __future__ import annotations

from pathlib import Path

from geo.store.files import atomic_write


def keep_file(folder: Path, name: str, text: str, keep: int, replace: bool = False) -> bool:
    """Write ``text`` as ``folder/name`` unless that file is there (``replace``: write it anyway);
    then keep only the newest ``keep`` files of its suffix in ``folder``. True when it wrote.
    OSError when it may not write."""
    target = folder / name
    if target.exists() and not replace:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(target, text)
    files = sorted(folder.glob(f"*{target.suffix}"), key=lambda p: p.stat().st_mtime)
    for old in files[:-keep]:
        old.unlink(missing_ok=True)
    return True
