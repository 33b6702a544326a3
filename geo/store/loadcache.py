"""A data folder loaded once per version: validated in a worker process, kept as one file.

Loading a folder parses and validates every feature (about 10 s at 100,000 events). A
server that starts again on data it has already loaded need not do that again, and a
server should not keep what the parse leaves behind: the heap fragments that Python never
returns to the system were most of the resident memory at 100,000 events. So
:func:`load_folder` validates in a separate process (``python -m geo.store.loadcache``),
which writes the validated frames to a cache file named after the folder, its
:meth:`~geo.store.folder.FolderStore.version` (names, sizes and modification times of its
files) and the code that builds them; the caller then reads that file, which makes only
the objects it keeps. The next start on the same data reads the file directly.

The cache lives in ``$BLOCKADE_MAP_CACHE`` (default ``~/.cache/blockade-map``), a folder
only its owner may enter: the file is a pickle, and it is read only from there, never from
the data folder, which editors who may not run code can write to. Any failure of the worker
or of the cache (invalid data, a full disk, no home) falls back to loading in this process,
so errors are reported exactly as :meth:`FolderStore.load` reports them.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

import geo
from geo.core.dataset import Dataset
from geo.store.folder import LAYERS, FolderStore

CACHE_ENV = "BLOCKADE_MAP_CACHE"
#: Folders whose layers weigh less than this (about 7,000 events) load in the process as before:
#: validating them takes less than starting a worker.
CACHE_FROM_BYTES = 5_000_000
#: Bumped when what the file holds changes shape.
FORMAT = 3  # 2: the events' sources packed as text (geo.core.frames.pack_sources); 3: events without geometry,
# their labels categorical (geo.core.frames.CODED_COLUMNS), counts int32
#: The code whose output the cache holds: a change to any of these files starts a new cache.
_CODE = ("core/model.py", "core/frames.py", "core/dataset.py", "core/dates.py", "store/folder.py",
         "store/files.py", "store/loadcache.py")


def cache_dir() -> Path:
    """``$BLOCKADE_MAP_CACHE``, else ``~/.cache/blockade-map``."""
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path.home() / ".cache" / "blockade-map"


def _code_stamp() -> str:
    root = Path(geo.__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pd.__version__}".encode())
    for name in _CODE:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:24]


def cache_file(store: FolderStore) -> Path:
    """Where the validated load of ``store`` at its current version is kept:
    ``load-<folder>-<version and code>.pickle``."""
    folder = _digest(str(Path(store.folder).resolve()))
    return cache_dir() / f"load-{folder}-{_digest((store.version(), _code_stamp()))}.pickle"


def _private_dir() -> Path:
    folder = cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077:
        raise PermissionError(f"{folder} must belong to this user and be closed to others")
    return folder


def write_cache(store: FolderStore) -> Path:
    """Load ``store`` (strictly) and write its validated frames to :func:`cache_file`; return it.

    Older files of the same folder are removed.
    """
    target = cache_file(store)
    folder = _private_dir()
    dataset = store.load()
    if cache_file(store) != target:
        raise RuntimeError(f"{store.folder} changed while it was read: not cached")
    frames = (dataset.info, dataset.events, dataset.hotspots, dataset.corridors, dataset.counts)
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=".load-", suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        pickle.dump((FORMAT, frames), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    for old in folder.glob(target.name.rsplit("-", 1)[0] + "-*.pickle"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def _read(path: Path, store: FolderStore) -> Dataset:
    with open(path, "rb") as handle:
        fmt, (info, events, hotspots, corridors, counts) = pickle.load(handle)
    if fmt != FORMAT:
        raise ValueError(f"{path}: cache format {fmt}, expected {FORMAT}")
    return Dataset(source=store.location, info=info, events=events, hotspots=hotspots, corridors=corridors,
                   counts=counts, problems=[], store=store)


def layer_bytes(store: FolderStore) -> int:
    """How many bytes the folder's layers (events, hotspots, corridors) hold."""
    paths = (Path(store.folder) / name for name, _, _ in LAYERS)
    return sum(p.stat().st_size for p in paths if p.is_file())


def load_folder(store: FolderStore, min_bytes: int = CACHE_FROM_BYTES) -> Dataset:
    """The dataset of ``store``, validated: for layers of ``min_bytes`` or more, read from the cache
    (made by a worker process when missing); else, or on any failure of the cache,
    :meth:`FolderStore.load` in this process."""
    try:
        if layer_bytes(store) < min_bytes:
            return store.load()
        path = cache_file(store)
        if path.parent.is_dir():
            _private_dir()  # never read a pickle from a folder others may write to
        if not path.exists():
            subprocess.run([sys.executable, "-m", "geo.store.loadcache", str(store.folder)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           cwd=Path(geo.__file__).resolve().parent.parent)
        return _read(path, store)
    except (OSError, subprocess.CalledProcessError, pickle.UnpicklingError, ValueError, EOFError):
        return store.load()


def main(argv: list[str] | None = None) -> int:
    """``python -m geo.store.loadcache DIR``: validate the folder and write its cache file."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m geo.store.loadcache DATA_DIR", file=sys.stderr)
        return 2
    write_cache(FolderStore(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
