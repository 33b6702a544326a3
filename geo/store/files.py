"""Reading and writing a data folder's files: the one bounded read and the one atomic write.

Every read of a data-folder file goes through :func:`read_data_file`: it refuses symbolic
links and special files (FIFOs, devices, sockets) and reads at most the limit of the file's
kind (:data:`READ_LIMITS`), so a hostile folder can neither hang a reader nor fill its memory.

Each file is written to a temporary file in its own folder, flushed and fsync'd, given the
mode of the file it replaces (or the usual mode under the umask), then renamed over the
target; the folder is fsync'd after the rename. :func:`atomic_write_many` writes several
files so that either all of them are replaced or none is. A whole folder is written into a
:func:`staging_folder` beside it, then put in place by :func:`replace_folder`.
"""
from __future__ import annotations

import csv
import ctypes
import errno
import io
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from geo.core.i18n import N_
from geo.core.model import DataError, Problem

#: Largest CSV cell accepted (characters); a bigger one is a located problem.
MAX_CSV_FIELD = 128 * 1024

_MiB = 1024 * 1024
#: Most bytes read from one data-folder file, per kind of file: far above real data (the bundled
#: events layer is 0.3 MB, a million synthetic events about 600 MB), far below what fills a
#: machine's memory. A bigger file is refused before it is read.
READ_LIMITS: dict[str, int] = {
    "layer": 2048 * _MiB,      # events / hotspots / corridors GeoJSON, the change log's base
    "changelog": 2048 * _MiB,  # changelog.jsonl
    "counts": 64 * _MiB,       # reported_counts.csv
    "info": 1 * _MiB,          # dataset.json
    "readme": 4 * _MiB,        # README.md (its notes on what is not mapped)
    "basemap": 64 * _MiB,      # basemap.geojson
    "gazetteer": 512 * _MiB,   # gazetteer/*.csv
    "lexicon": 16 * _MiB,      # lexicon.json
    "other": 256 * _MiB,       # any other file a folder carries along (copied, never parsed)
}
#: The kind of each file a data folder may hold (see :data:`READ_LIMITS`); others are ``other``.
FILE_KINDS: dict[str, str] = {
    "events.geojson": "layer", "hotspots.geojson": "layer", "corridors.geojson": "layer",
    "changelog.base.geojson": "layer", "changelog.jsonl": "changelog", "reported_counts.csv": "counts",
    "dataset.json": "info", "README.md": "readme", "basemap.geojson": "basemap", "lexicon.json": "lexicon",
    "gazetteer/places.csv": "gazetteer", "gazetteer/sites.csv": "gazetteer", "gazetteer/regions.csv": "gazetteer",
}
_CHUNK = 4 * _MiB

_UMASK = os.umask(0)
os.umask(_UMASK)


def present(path: str | os.PathLike) -> bool:
    """Whether anything is at ``path`` (a link too, even a broken one: it is then refused, not
    taken for a missing file)."""
    return os.path.lexists(path)


def file_kind(name: str) -> str:
    """The kind of a data-folder file named ``name`` (relative to the folder), for :data:`READ_LIMITS`."""
    return FILE_KINDS.get(str(name).replace(os.sep, "/"), "other")


def _refuse(name: str, msgid: str, **params: Any) -> DataError:
    return DataError([Problem(name, "(file)", "", msgid, params)])


def read_data_file(path: str | os.PathLike, kind: str | None = None, name: str | None = None,
                   offset: int = 0) -> bytes:
    """The bytes of one data-folder file (from ``offset`` on), read safely.

    Parameters
    ----------
    path : path
        The file.
    kind : str, optional
        A key of :data:`READ_LIMITS` (default: from the file's name, :func:`file_kind`).
    name : str, optional
        The file as messages name it (default: its name).
    offset : int
        Where to start reading (a change log read from where the last read stopped).

    Raises
    ------
    FileNotFoundError
        When there is no such file.
    DataError
        One located problem, before anything is read, when the file is a symbolic link, a folder
        or a special file (FIFO, socket, device), or is larger than its kind's limit.
    """
    path = Path(path)
    name = name or path.name
    kind = kind or file_kind(name)
    limit = READ_LIMITS[kind]
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _refuse(name, N_("is a symbolic link; a data folder holds regular files only")) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise FileNotFoundError(errno.ENOENT, "no such file", str(path)) from None
        raise _refuse(name, N_("cannot be read ({reason})"), reason=exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _refuse(name, N_("is a folder, not a file"))
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(name, N_("is a special file (a FIFO, socket or device), not a regular file"))
        if st.st_size > limit:
            raise _refuse(name, N_("is larger than the limit for a {kind} file ({limit} bytes): {size} bytes"),
                          kind=kind, limit=f"{limit:,}", size=f"{st.st_size:,}")
        if offset:
            os.lseek(fd, offset, os.SEEK_SET)
        chunks, size = [], 0
        while True:  # bounded even when the file grows while it is read
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _refuse(name, N_("is larger than the limit for a {kind} file ({limit} bytes)"), kind=kind,
                              limit=f"{limit:,}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_data_text(path: str | os.PathLike, kind: str | None = None, name: str | None = None,
                   encoding: str = "utf-8") -> str:
    """The text of one data-folder file (``utf-8``, or ``utf-8-sig`` to drop a byte-order mark),
    read by :func:`read_data_file`; bad UTF-8 is a DataError naming the byte."""
    name = name or Path(path).name
    data = read_data_file(path, kind, name)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _refuse(name, N_("is not UTF-8 text ({reason} at byte {position})"), reason=exc.reason,
                      position=exc.start) from None


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def check_target(path: str | os.PathLike) -> Path:
    """``path`` if a regular file may be written there; ValueError naming what is in the way.

    A folder, a device (``/dev/full``), a socket or a pipe is never replaced, and the folder
    must exist.
    """
    path = Path(path)
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name")
    if path.exists() and not path.is_file():
        raise ValueError(f"{path} is not a regular file (a device, pipe or socket); refusing to replace it")
    if not path.parent.is_dir():
        raise ValueError(f"folder {path.parent} does not exist")
    return path


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_UMASK


def fsync_dir(folder: Path) -> None:
    """fsync a folder, so a rename or a new file in it survives a crash."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def atomic_write_many(files: Mapping[str | os.PathLike, bytes | str] | Iterable[tuple[Any, bytes | str]]) -> None:
    """Write every ``path -> data`` atomically, all or none.

    Every target is checked and every temporary file written before the first rename, so a
    problem with any of them (a folder in the way, a full disk) leaves all targets as they were.
    """
    items = list(files.items() if isinstance(files, Mapping) else files)
    targets = [(check_target(path), _as_bytes(data)) for path, data in items]
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in targets:
            temps.append((_write_temp(path, data), path))
    except BaseException:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        raise
    try:
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:  # left over only when a rename failed
            Path(tmp).unlink(missing_ok=True)
    for folder in {path.parent for _, path in temps}:
        fsync_dir(folder)


def atomic_write(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` (bytes, or text as UTF-8) to ``path`` atomically."""
    atomic_write_many([(path, data)])


def read_json_file(path: Path, kind: str | None = None, name: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse a JSON file read by :func:`read_data_file`; a syntax error, bad encoding, absurd
    nesting, a link, a special file or an oversized one becomes a located Problem."""
    path = Path(path)
    name = name or path.name
    try:
        text = read_data_text(path, kind, name)
    except DataError as exc:
        return None, exc.problems
    except OSError as exc:
        return None, [Problem(name, "(file)", "", N_("cannot be read ({reason})"), {"reason": exc.strerror or str(exc)})]
    return parse_json_text(text, name)


def parse_json_text(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse JSON text; any failure becomes a located Problem (never an exception)."""
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(file, "(file)", "", N_("invalid JSON at line {line} column {column}: {reason}"),
                              {"line": exc.lineno, "column": exc.colno, "reason": exc.msg})]
    except RecursionError:
        return None, [Problem(file, "(file)", "", N_("is nested too deeply to be data"))]
    except ValueError as exc:  # e.g. an integer of 5,000 digits
        return None, [Problem(file, "(file)", "", N_("cannot be read as JSON ({reason})"),
                              {"reason": str(exc).splitlines()[0][:120]})]


def staging_folder(target: str | os.PathLike) -> Path:
    """A new empty folder beside ``target`` (same file system, usual mode under the umask) to
    write a folder's next contents into before :func:`replace_folder` puts it in place."""
    target = Path(target)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    os.chmod(staged, 0o777 & ~_UMASK)
    return staged


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace_folder(staged: str | os.PathLike, target: str | os.PathLike) -> None:
    """Put the folder ``staged`` (from :func:`staging_folder`) in place of ``target``.

    Where the system can, the two are swapped in one step, so a web server serving ``target``
    finds the old folder or the new one, never neither; elsewhere the old folder is renamed
    aside first. The old contents are then removed.
    """
    staged, target = Path(staged), Path(target)
    if staged.parent != target.parent:
        raise ValueError(f"{staged} must be beside {target}")
    if not os.path.lexists(target):
        os.rename(staged, target)
    elif _exchange(staged, target):
        shutil.rmtree(staged)
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rename(target, old / "old")
        try:
            os.rename(staged, target)
        except OSError:
            os.rename(old / "old", target)
            raise
        shutil.rmtree(old)
    fsync_dir(target.parent)
def read_csv_records(text: str, file: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """The records of a CSV text, each with its row number as a spreadsheet shows it (the
    header is row 1, a blank line is a row, a quoted cell with line breaks stays in one row).

    Returns the records read and, when the text cannot be read further (a cell larger than
    :data:`MAX_CSV_FIELD`, a stray quote), a Problem naming the row.
    """
    records: list[tuple[int, list[str]]] = []
    row = 0
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CSV_FIELD)
    try:
        for row, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            records.append((row, record))
    except csv.Error as exc:
        why = str(exc)
        if "field larger than field limit" in why:
            why = f"a cell is larger than {MAX_CSV_FIELD:,} characters"
        return records, Problem(file, f"row {row + 1}", "", N_("cannot be read as CSV ({reason})"), {"reason": why})
    finally:
        csv.field_size_limit(limit)
    return records, None
