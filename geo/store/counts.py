"""Adding rows to ``reported_counts.csv`` safely (national and regional figures that are not places).

:func:`append_counts` checks every new row against the contract (``date, metric, value,
reporter, source_url``; the metrics of :data:`geo.core.model.METRICS`), refuses a row whose
(date, metric, reporter) the file already has, and appends all rows or none. It works under
the editor's lock (``.events.lock``, the same one :class:`geo.store.editor.Editor` takes), re-reads
the file under it and writes it atomically, so two editors never lose each other's rows and
a crash leaves the old file or the new one.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from typing import Any

import filelock

from geo.core.i18n import N_
from geo.core.model import COUNTS_COLUMNS, DataError, Message, Problem, validate_counts_rows
from geo.core.paths import is_bundled
from geo.store.editor import ReadOnlyDataError
from geo.store.files import atomic_write, present, read_data_text
from geo.store.folder import read_counts_file
from geo.store.layout import LOCK_FILE, resolve_data_dir

COUNTS_FILE = "reported_counts.csv"

__all__ = ["COUNTS_FILE", "append_counts"]


def _clean(row: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for col in COUNTS_COLUMNS:
        value = row.get(col)
        out[col] = "" if value is None else str(value).strip()
    return out


def append_counts(data_dir: str | os.PathLike | None, rows: Sequence[Mapping[str, Any]],
                  timeout: float = 60.0) -> list[dict[str, str]]:
    """Append count rows to the folder's ``reported_counts.csv``: all of them, or none.

    Parameters
    ----------
    data_dir : path, optional
        The data folder (default ``$BLOCKADE_MAP_DATA`` or the bundled ``data/``).
    rows : sequence of mappings
        ``{date, metric, value, reporter, source_url}`` each.
    timeout : float
        Seconds to wait for the editor's lock.

    Returns
    -------
    list of dict
        The rows written, as strings in the file's column order.

    Raises
    ------
    DataError
        One problem per bad row ("new row 1: metric: ..."), or for a row already in the
        file; nothing is written.
    """
    if isinstance(rows, Mapping) or not isinstance(rows, Sequence):
        raise TypeError("rows must be a list of {date, metric, value, reporter, source_url}")
    folder = resolve_data_dir(data_dir)
    if is_bundled(folder):
        raise ReadOnlyDataError(folder)
    path = folder / COUNTS_FILE
    new = [_clean(r) for r in rows]
    problems: list[Problem] = []
    for i, row in enumerate(new):
        for p in validate_counts_rows([row], COUNTS_FILE):
            label = f"new row {i + 1}"
            if p.field == "metric":
                problems.append(Problem(COUNTS_FILE, label, p.field, N_(
                    "{problem} (a figure such as deaths in clashes only has no column in this file)"),
                    {"problem": Message(p.msgid, p.params)}))
            else:
                problems.append(p.at(file=COUNTS_FILE, feature=label))
    if problems:
        raise DataError(problems)
    for row in new:
        row["value"] = str(int(float(row["value"])))   # "45.0" -> "45"
    lock = filelock.FileLock(folder / LOCK_FILE, timeout=timeout, poll_interval=0.005, preserve_lock_file=True)
    with lock:
        if present(path):
            existing, header, read_problems = read_counts_file(path)
            if read_problems or header is None:  # no header only with a problem
                raise DataError(read_problems)
            text = read_data_text(path, "counts", encoding="utf-8-sig")
        else:
            existing, header, text = [], list(COUNTS_COLUMNS), ""
        missing = [c for c in COUNTS_COLUMNS if c not in (header or [])]
        if missing:
            raise DataError([Problem(COUNTS_FILE, "header", "columns", N_("missing {columns}"),
                                     {"columns": ", ".join(missing)})])
        have = {(r.get("date"), r.get("metric"), (r.get("reporter") or "").strip().casefold()): r for r in existing}
        seen: set[tuple] = set()
        for i, row in enumerate(new):
            key = (row["date"], row["metric"], row["reporter"].casefold())
            if key in have:
                problems.append(Problem(COUNTS_FILE, f"new row {i + 1}", "", N_(
                    "{date} {metric} by {reporter} is already in the file (value {value}); edit the file to "
                    "correct it"), {"date": row["date"], "metric": row["metric"], "reporter": row["reporter"],
                                    "value": have[key].get("value")}))
            elif key in seen:
                problems.append(Problem(COUNTS_FILE, f"new row {i + 1}", "", N_("repeats an earlier new row")))
            seen.add(key)
        if problems:
            raise DataError(problems)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        if not text:
            writer.writeheader()
        elif not text.endswith("\n"):
            buffer.write("\n")
        for row in new:
            writer.writerow({col: row.get(col, "") for col in header})
        atomic_write(path, text + buffer.getvalue())
    return new

