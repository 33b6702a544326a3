"""Files the dashboard writes into its static folder for the page to fetch (a view's popups, a
view's layers): each written whole (a temporary file renamed over it: a reader never gets half a
file), the newest few kept.

They are a cache of what the server can make again, so unlike the data's files
(:func:`geo.store.files.atomic_write`) they are not synced to disk: a crash may lose one, and the
page then gets that view from the server's run as it would without the file. Syncing a 60 kB file
and its folder took 1.4 ms (up to 6 ms) on the benchmark machine, not synced 0.2 ms.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: Who may read a served file: the server's own process, through Streamlit's static route.
MODE = 0o644


def keep_file(folder: Path, name: str, text: str, keep: int, replace: bool = False) -> bool:
    """Write ``text`` as ``folder/name`` unless that file is there (``replace``: write it anyway);
    then keep only the newest ``keep`` files of its suffix in ``folder``. True when it wrote.
    OSError when it may not write."""
    target = folder / name
    if target.exists() and not replace:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, MODE)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _prune(folder, target.suffix, keep)
    return True


def _prune(folder: Path, suffix: str, keep: int) -> None:
    """Remove all but the newest ``keep`` files ending in ``suffix`` (temporary ones left alone)."""
    with os.scandir(folder) as found:
        entries = [e for e in found if e.name.endswith(suffix) and not e.name.startswith(".")]
    if len(entries) <= keep:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for old in entries[:-keep]:
        Path(old.path).unlink(missing_ok=True)
