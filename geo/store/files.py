"""Writing files so that a crash never leaves half of one: the one atomic write of the project.

Each file is written to a temporary file in its own folder, flushed and fsync'd, given the
mode of the file it replaces (or the usual mode under the umask), then renamed over the
target; the folder is fsync'd after the rename. :func:`atomic_write_many` writes several
files so that either all of them are replaced or none is. A whole folder is written into a
:func:`staging_folder` beside it, then put in place by :func:`replace_folder`.
"""
from __future__ import annotations

import ctypes
import errno
import csv
import io
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping

from geo.core.i18n import N_
from geo.core.model import Problem

#: Largest CSV cell accepted (characters); a bigger one is a located problem.
MAX_CSV_FIELD = 128 * 1024

_UMASK = os.umask(0)
os.umask(_UMASK)


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


def read_json_file(path: Path) -> tuple[Any, list[Problem]]:
    """Parse a JSON file; a syntax error, bad encoding or absurd nesting becomes a located Problem."""
    path = Path(path)
    if path.is_dir():
        return None, [Problem(path.name, "(file)", "", N_("is a folder, not a file"))]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path.name, "(file)", "", N_("is not UTF-8 text ({reason} at byte {position})"),
                              {"reason": exc.reason, "position": exc.start})]
    except OSError as exc:
        return None, [Problem(path.name, "(file)", "", N_("cannot be read ({reason})"),
                              {"reason": exc.strerror or str(exc)})]
    return parse_json_text(text, path.name)


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
