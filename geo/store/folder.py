"""The folder store: a dataset as files in one folder (the embedded default).

Layers are read with the standard ``json`` and ``csv`` modules (dates stay ``YYYY-MM-DD``
strings), validated against the contract and ``dataset.json``, and turned into frames by
:mod:`geo.core.frames`. Writes go through :mod:`geo.store.files` (atomic) and, for events,
through the :class:`~geo.store.editor.Editor` (lock and change log).
"""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Hashable
from pathlib import Path

from geo.core.dataset import INFO_FILE, Dataset, DatasetInfo, default_info, info_problems, parse_info
from geo.core.frames import corridors_frame, counts_frame, events_frame, hotspots_frame
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, DataError, Problem, Scope, validate_collection, validate_counts_rows
from geo.store.documents import Documents
from geo.store.editor import Editor
from geo.store.files import atomic_write, present, read_csv_records, read_data_file, read_data_text, read_json_file
from geo.store.layout import CORRIDORS_FILE, COUNTS_FILE, DOCUMENTS, EVENTS_FILE, HOTSPOTS_FILE

#: (file, layer, required) of the GeoJSON layers; ``events.geojson`` is required only of a folder
#: without ``dataset.json`` (a folder holding only ``dataset.json`` is a new, empty dataset).
LAYERS: tuple[tuple[str, str, bool], ...] = (
    (EVENTS_FILE, "events", True), (HOTSPOTS_FILE, "hotspots", False), (CORRIDORS_FILE, "corridors", False))


def dump_collection(collection: dict) -> str:
    """A FeatureCollection as the data files hold it (UTF-8 JSON, one space of indent)."""
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def read_counts_file(path: Path) -> tuple[list[dict], list[str] | None, list[Problem]]:
    """Read reported_counts.csv into row dicts with its header; bad text, a link, a special
    file or an oversized one becomes a Problem."""
    try:
        text = read_data_text(path, "counts", encoding="utf-8-sig")
    except DataError as exc:
        return [], None, exc.problems
    records, broken = read_csv_records(text, path.name)
    if broken:
        return [], None, [broken]
    if not records:
        return [], [], []
    header = [h.strip() for h in records[0][1]]
    rows = [dict(zip(header, record, strict=False), _row=row) for row, record in records[1:] if any(c.strip() for c in record)]
    return rows, header, []


def check_new_folder(target: str | os.PathLike) -> Path:
    """``target`` as a Path when it is a new or empty folder; FileExistsError otherwise (a copy
    or a new dataset never writes over anything)."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} already exists and is not an empty folder: choose a new one")
    return target


class FolderStore(Documents):
    """A dataset kept as files in one folder (a :class:`~geo.store.protocol.Store`).

    Parameters
    ----------
    folder : path
        The folder (``events.geojson`` is required; the other layers and ``dataset.json`` are not).
    """

    kind = "folder"

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        #: The folder, as given (for messages).
        self.location = str(self.folder)

    def __repr__(self) -> str:
        return f"FolderStore({self.location!r})"

    def _check_folder(self) -> list[Problem]:
        if not self.folder.is_dir():
            return [Problem(str(self.folder), "(folder)", "", N_("is not a folder"))]
        return []

    def read_info(self) -> tuple[DatasetInfo, list[Problem]]:
        """``dataset.json`` as a DatasetInfo (the defaults when the file is absent or invalid)."""
        path = self.folder / INFO_FILE
        if not present(path):
            return default_info(self.folder.resolve().name), []
        data, problems = read_json_file(path)
        info, more = parse_info(data) if not problems else (None, problems)
        return info or default_info(self.folder.resolve().name), more

    @property
    def described(self) -> bool:
        """True when the folder holds ``dataset.json``: then no layer file is required (a new
        dataset starts as ``dataset.json`` alone; its layers appear with the first change)."""
        return present(self.folder / INFO_FILE)

    def _layer(self, name: str, layer: str, required: bool, scope: Scope) -> tuple[list, list[Problem]]:
        path = self.folder / name
        if not present(path):
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
        if not present(path):
            return [], []
        rows, header, problems = read_counts_file(path)
        problems = problems or validate_counts_rows(rows, COUNTS_FILE, header)
        return ([] if problems else rows), problems

    def validate(self) -> list[Problem]:
        """Every problem of every layer, of ``dataset.json`` and of the documents (README, gazetteer,
        lexicon, basemap: see :meth:`~geo.store.documents.Documents.check_documents`); empty when
        the data is valid."""
        problems = self._check_folder()
        if problems:
            return problems
        info, problems = self.read_info()
        scope = info.scope() if not problems else ANYWHERE
        checked = not problems and (self.folder / INFO_FILE).exists()
        features = []
        for name, layer, required in LAYERS:
            valid, more = self._layer(name, layer, required, scope)
            problems += more
            features += [valid] if layer in ("events", "hotspots") else []
        if checked:
            problems += info_problems(info, features)
        return problems + self._counts()[1] + self.check_documents()

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
            data = read_json_file(path)[0] if present(path) else None
            out[layer] = data if isinstance(data, dict) else {"type": "FeatureCollection", "features": []}
        counts = self.folder / COUNTS_FILE
        out["counts"] = read_counts_file(counts)[0] if present(counts) else []
        info = self.folder / INFO_FILE
        out["dataset"] = read_json_file(info)[0] if present(info) else None
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
        target = check_new_folder(target)
        problems = self._check_folder()
        if problems:
            raise DataError(problems)
        # Links and special files are listed too, so that read_data_file refuses them by name.
        sources = sorted(p for p in self.folder.rglob("*") if (p.is_symlink() or not p.is_dir())
                         and not any(part.startswith(".") for part in p.relative_to(self.folder).parts))
        written = []
        for source in sources:
            out = target / source.relative_to(self.folder)
            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(out, read_data_file(source, name=str(source.relative_to(self.folder))))
            written.append(out)
        target.mkdir(parents=True, exist_ok=True)
        return written

    @classmethod
    def create_empty(cls, target: str | os.PathLike, document: dict) -> FolderStore:
        """A new, empty dataset: ``target`` (a new or empty folder) holding only ``dataset.json``
        (``document``, see :func:`geo.core.dataset.new_dataset_document`). The layers' files are
        written by the first change.

        Raises
        ------
        FileExistsError
            When ``target`` exists and is not an empty folder (nothing is overwritten).
        """
        target = check_new_folder(target)
        target.mkdir(parents=True, exist_ok=True)
        atomic_write(target / INFO_FILE, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return cls(target)

    # ------------------------------------------------------------ documents
    def _document_path(self, name: str) -> Path:
        if name not in DOCUMENTS:
            raise ValueError(f"{name!r} is not a document of a data folder (one of {', '.join(DOCUMENTS)})")
        return self.folder / name

    def document(self, name: str) -> bytes | None:
        """The bytes of document ``name`` (read by :func:`~geo.store.files.read_data_file`), or None."""
        path = self._document_path(name)
        if not present(path):
            return None
        try:
            return read_data_file(path, name=name)
        except FileNotFoundError:  # removed meanwhile
            return None

    def write_document(self, name: str, data: bytes | str) -> str:
        """Write document ``name`` atomically (its folder made when missing); returns its path."""
        path = self._document_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        return str(path)

    def document_stamp(self, *names: str) -> Hashable | None:
        """Modification time and size of each of the documents ``names`` that exists."""
        stamps = []
        for name in names:
            try:
                st = os.lstat(self._document_path(name))
            except (FileNotFoundError, NotADirectoryError):
                continue
            stamps.append((name, st.st_mtime_ns, st.st_size, stat.S_IFMT(st.st_mode)))
        return tuple(stamps) or None

    def editor(self, timeout: float = 60.0) -> Editor:
        """The :class:`~geo.store.editor.Editor` of this folder's events."""
        return Editor(self.folder, timeout=timeout)
