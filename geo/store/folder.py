"""The folder store: a dataset as files in one folder (the embedded default).

Layers are read with the standard ``json`` and ``csv`` modules (dates stay ``YYYY-MM-DD``
strings), validated against the contract and ``dataset.json``, and turned into frames by
:mod:`geo.core.frames`. Writes go through :mod:`geo.store.files` (atomic) and, for events,
through the :class:`~geo.store.editor.Editor` (lock and change log).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from geo.core.dataset import INFO_FILE, Dataset, DatasetInfo, default_info, parse_info
from geo.core.frames import corridors_frame, counts_frame, events_frame, hotspots_frame
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, DataError, Problem, Scope, validate_collection, validate_counts_rows
from geo.store.editor import Editor
from geo.store.files import atomic_write, read_csv_records, read_json_file
from geo.store.layout import COUNTS_FILE, CORRIDORS_FILE, EVENTS_FILE, HOTSPOTS_FILE, LEFT_OUT_HEADING, README_FILE
#: (file, layer, required) of the GeoJSON layers; ``events.geojson`` is required only of a folder
#: without ``dataset.json`` (a folder holding only ``dataset.json`` is a new, empty dataset).
LAYERS: tuple[tuple[str, str, bool], ...] = (
    (EVENTS_FILE, "events", True), (HOTSPOTS_FILE, "hotspots", False), (CORRIDORS_FILE, "corridors", False))


def dump_collection(collection: dict) -> str:
    """A FeatureCollection as the data files hold it (UTF-8 JSON, one space of indent)."""
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def read_counts_file(path: Path) -> tuple[list[dict], list[str] | None, list[Problem]]:
    """Read reported_counts.csv into row dicts with its header; bad text becomes a Problem."""
    if path.is_dir():
        return [], None, [Problem(path.name, "(file)", "", N_("is a folder, not a file"))]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], None, [Problem(path.name, "(file)", "", N_("is not UTF-8 text ({reason})"), {"reason": exc.reason})]
    records, broken = read_csv_records(text, path.name)
    if broken:
        return [], None, [broken]
    if not records:
        return [], [], []
    header = [h.strip() for h in records[0][1]]
    rows = [dict(zip(header, record), _row=row) for row, record in records[1:] if any(c.strip() for c in record)]
    return rows, header, []


#: Most bytes of a data README read for its notes, and most notes kept.
MAX_README_BYTES, MAX_NOTES = 256_000, 100


def section_items(markdown: str, heading: str) -> list[str]:
    r"""The bullet items of the first section whose heading starts with ``heading`` (case
    ignored), as plain text: continuation lines joined, ``**`` and backticks dropped.

    >>> section_items("## What is not mapped\n- **A**: one\n  two\n- `B`\n## Next\n- C", "what is not")
    ['A: one two', 'B']
    """
    items: list[str] = []
    inside = False
    for line in markdown.splitlines():
        title = re.match(r"#{1,6}\s+(.*)", line)
        if title:
            if inside:
                break
            inside = title.group(1).strip().lower().startswith(heading.lower())
            continue
        if not inside:
            continue
        if re.match(r"\s*[-*]\s+", line):
            items.append(re.sub(r"\s*[-*]\s+", "", line, count=1).strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return [re.sub(r"\*\*|`", "", item) for item in items][:MAX_NOTES]


class FolderStore:
    """A dataset kept as files in one folder.

    Parameters
    ----------
    folder : path
        The folder (``events.geojson`` is required; the other layers and ``dataset.json`` are not).
    """

    kind = "folder"

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    @property
    def location(self) -> str:
        """The folder, as given."""
        return str(self.folder)

    def __repr__(self) -> str:
        return f"FolderStore({self.location!r})"

    def _check_folder(self) -> list[Problem]:
        if not self.folder.is_dir():
            return [Problem(str(self.folder), "(folder)", "", N_("is not a folder"))]
        return []

    def read_info(self) -> tuple[DatasetInfo, list[Problem]]:
        """``dataset.json`` as a DatasetInfo (the defaults when the file is absent or invalid)."""
        path = self.folder / INFO_FILE
        if not path.exists():
            return default_info(self.folder.resolve().name), []
        data, problems = read_json_file(path)
        info, more = parse_info(data) if not problems else (None, problems)
        return info or default_info(self.folder.resolve().name), more

    @property
    def described(self) -> bool:
        """True when the folder holds ``dataset.json``: then no layer file is required (a new
        dataset starts as ``dataset.json`` alone; its layers appear with the first change)."""
        return (self.folder / INFO_FILE).is_file()

    def _layer(self, name: str, layer: str, required: bool, scope: Scope) -> tuple[list, list[Problem]]:
        path = self.folder / name
        if not path.exists():
            if required and not self.described:
                return [], [Problem(name, "(file)", "", N_("not found in {folder} (a new dataset needs at least {info}: "
                                                           "`blockade-map init-data DIR --empty`)"),
                                    {"folder": str(self.folder), "info": INFO_FILE})]
            return [], []
        data, problems = read_json_file(path)
        if problems:
            return [], problems
        problems = validate_collection(data, layer, name, scope)
        return ([] if problems else data["features"]), problems

    def _counts(self) -> tuple[list[dict], list[Problem]]:
        path = self.folder / COUNTS_FILE
        if not path.exists():
            return [], []
        rows, header, problems = read_counts_file(path)
        problems = problems or validate_counts_rows(rows, COUNTS_FILE, header)
        return ([] if problems else rows), problems

    def validate(self) -> list[Problem]:
        """Every problem of every layer and of ``dataset.json`` (empty when the data is valid)."""
        problems = self._check_folder()
        if problems:
            return problems
        info, problems = self.read_info()
        scope = info.scope() if not problems else ANYWHERE
        for name, layer, required in LAYERS:
            problems += self._layer(name, layer, required, scope)[1]
        return problems + self._counts()[1]

    def load(self, strict: bool = True) -> Dataset:
        """Load and validate every layer.

        Parameters
        ----------
        strict : bool
            Raise :class:`~geo.core.model.DataError` listing every problem when anything is
            invalid; with ``strict=False`` invalid layers load empty and the problems are kept
            on the result.
        """
        problems = self._check_folder()
        if problems:
            raise DataError(problems)
        info, problems = self.read_info()
        scope = info.scope() if not problems else ANYWHERE
        features = {}
        for name, layer, required in LAYERS:
            features[layer], more = self._layer(name, layer, required, scope)
            problems += more
        rows, more = self._counts()
        problems += more
        if strict and problems:
            raise DataError(problems)
        return Dataset(source=self.location, info=info, events=events_frame(features["events"], scope),
                       hotspots=hotspots_frame(features["hotspots"], scope),
                       corridors=corridors_frame(features["corridors"]), counts=counts_frame(rows),
                       problems=problems, store=self)

    def raw_layers(self) -> dict:
        """The files as stored (call :meth:`validate` first): ``events``, ``hotspots``, ``corridors``
        (FeatureCollections, empty when absent), ``counts`` (row dicts) and ``dataset`` (dataset.json
        as parsed, or None)."""
        out: dict = {}
        for name, layer, _ in LAYERS:
            path = self.folder / name
            data = read_json_file(path)[0] if path.exists() else None
            out[layer] = data if isinstance(data, dict) else {"type": "FeatureCollection", "features": []}
        counts = self.folder / COUNTS_FILE
        out["counts"] = read_counts_file(counts)[0] if counts.exists() else []
        info = self.folder / INFO_FILE
        out["dataset"] = read_json_file(info)[0] if info.exists() else None
        return out

    def dataset_for_day(self, day: str, mode: str = "day", kinds=(), regions=()) -> Dataset:
        """What a view of ``day`` needs: a folder has to read everything (:meth:`load`)."""
        return self.load()

    def version(self) -> tuple:
        """Names and modification times of the data files: changes whenever a file is rewritten.

        Hidden files (the edit lock, temporary files of an atomic write) are skipped: they come
        and go while an editor saves.
        """
        stamps = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return ()
        for p in entries:
            if p.name.startswith("."):
                continue
            try:
                if p.is_file():
                    stamps.append((p.name, p.stat().st_mtime_ns, p.stat().st_size))
            except FileNotFoundError:  # removed between listing and stat
                continue
        return tuple(sorted(stamps))

    def copy_to(self, target: str | os.PathLike) -> list[Path]:
        """Copy this dataset's folder into ``target``, a new or empty folder: an editor's working
        copy. Every file comes along (``dataset.json``, the layers, the counts, README.md, the
        basemap, the gazetteer), hidden files (the edit lock, temporary files) excepted. Returns
        the files written.

        Raises
        ------
        FileExistsError
            When ``target`` exists and is not an empty folder (nothing is overwritten).
        """
        target = Path(target)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise FileExistsError(f"{target} already exists and is not an empty folder: choose a new one")
        problems = self._check_folder()
        if problems:
            raise DataError(problems)
        sources = sorted(p for p in self.folder.rglob("*") if p.is_file()
                         and not any(part.startswith(".") for part in p.relative_to(self.folder).parts))
        written = []
        for source in sources:
            out = target / source.relative_to(self.folder)
            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(out, source.read_bytes())
            written.append(out)
        target.mkdir(parents=True, exist_ok=True)
        return written

    @classmethod
    def create_empty(cls, target: str | os.PathLike, document: dict) -> "FolderStore":
        """A new, empty dataset: ``target`` (a new or empty folder) holding only ``dataset.json``
        (``document``, see :func:`geo.core.dataset.new_dataset_document`). The layers' files are
        written by the first change.

        Raises
        ------
        FileExistsError
            When ``target`` exists and is not an empty folder (nothing is overwritten).
        """
        target = Path(target)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise FileExistsError(f"{target} already exists and is not an empty folder: choose a new one")
        target.mkdir(parents=True, exist_ok=True)
        atomic_write(target / INFO_FILE, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return cls(target)

    def left_out(self) -> list[str]:
        """What the data's README says was left out of the map, and why (its section headed
        "What is not mapped..."), as plain-text notes; none without a README or that section."""
        path = self.folder / README_FILE
        try:
            with path.open("rb") as fh:
                text = fh.read(MAX_README_BYTES).decode("utf-8", errors="replace")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return []
        return section_items(text, LEFT_OUT_HEADING)

    def editor(self, timeout: float = 60.0) -> Editor:
        """The :class:`~geo.store.editor.Editor` of this folder's events."""
        return Editor(self.folder, timeout=timeout)
