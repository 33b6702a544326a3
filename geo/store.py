"""Reading and writing the data layers: the one module that touches data files.

Layers are read with the standard ``json`` and ``csv`` modules (dates stay
``YYYY-MM-DD`` strings: no datetime conversion leaks into the map), validated against
the contract, and turned into GeoDataFrames in EPSG:4326. Writes are atomic: a
temporary file in the same folder, fsync, then rename over the old file.
"""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.model import (
    COUNTS_COLUMNS,
    DataError,
    Problem,
    canonical_region,
    validate_collection,
    validate_counts_rows,
)

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA = PACKAGE_ROOT / "data"
DATA_ENV = "BLOCKADE_MAP_DATA"

EVENTS_FILE = "events.geojson"
HOTSPOTS_FILE = "hotspots.geojson"
CORRIDORS_FILE = "corridors.geojson"
COUNTS_FILE = "reported_counts.csv"
CRS = "EPSG:4326"

EVENT_COLUMNS = [
    "id", "kind", "start", "end", "place", "region", "road", "km", "fatalities", "injured",
    "detained", "geo_precision", "time_precision", "status", "sources", "description",
    "lon", "lat",
]
HOTSPOT_COLUMNS = ["id", "name", "region", "start", "end", "level", "sources", "description", "lon", "lat"]
CORRIDOR_COLUMNS = ["id", "name", "roads", "from", "to", "via", "sources", "km_refs"]


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """Return the data folder: ``data_dir`` if given, else ``$BLOCKADE_MAP_DATA``, else ``data/``."""
    if data_dir:
        return Path(data_dir)
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else BUNDLED_DATA


@dataclass
class Dataset:
    """All layers of one data folder, validated and ready for analysis."""

    folder: Path
    events: gpd.GeoDataFrame
    hotspots: gpd.GeoDataFrame
    corridors: gpd.GeoDataFrame
    counts: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def first_day(self) -> str | None:
        """Earliest start among events and hotspots, or None for an empty dataset."""
        starts = list(self.events["start"]) + list(self.hotspots["start"])
        return min(starts) if starts else None

    @property
    def last_day(self) -> str | None:
        """Latest end among events and hotspots, or None for an empty dataset."""
        ends = list(self.events["end"]) + list(self.hotspots["end"])
        return max(ends) if ends else None


# ---------------------------------------------------------------- reading

def read_json_file(path: Path) -> tuple[Any, list[Problem]]:
    """Parse a JSON file; a syntax error becomes a located :class:`Problem`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path.name, "(file)", "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(path.name, "(file)", "", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]


def read_counts_file(path: Path) -> tuple[list[dict], list[str] | None, list[Problem]]:
    """Read reported_counts.csv into row dicts, with its header."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], None, [Problem(path.name, "(file)", "", f"is not UTF-8 text ({exc.reason})")]
    reader = csv.DictReader(io.StringIO(text))
    rows = [dict(row) for row in reader]
    return rows, list(reader.fieldnames or []), []


def _layer(folder: Path, name: str, layer: str, required: bool) -> tuple[dict, list[Problem]]:
    path = folder / name
    if not path.exists():
        if required:
            return _empty_collection(), [Problem(name, "(file)", "", f"not found in {folder}")]
        return _empty_collection(), []
    data, problems = read_json_file(path)
    if problems:
        return _empty_collection(), problems
    problems = validate_collection(data, layer, name)
    return data, problems


def _empty_collection() -> dict:
    return {"type": "FeatureCollection", "features": []}


def validate_folder(data_dir: str | os.PathLike | None = None) -> list[Problem]:
    """Validate every layer in a data folder and return all problems found."""
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        return [Problem(str(folder), "(folder)", "", "is not a folder")]
    problems: list[Problem] = []
    for name, layer, required in ((EVENTS_FILE, "events", True), (HOTSPOTS_FILE, "hotspots", False),
                                  (CORRIDORS_FILE, "corridors", False)):
        problems += _layer(folder, name, layer, required)[1]
    counts_path = folder / COUNTS_FILE
    if counts_path.exists():
        rows, header, read_problems = read_counts_file(counts_path)
        problems += read_problems or validate_counts_rows(rows, COUNTS_FILE, header)
    return problems


def load_dataset(data_dir: str | os.PathLike | None = None, strict: bool = True) -> Dataset:
    """Load and validate every layer of a data folder.

    Parameters
    ----------
    data_dir : path, optional
        The folder; defaults to ``$BLOCKADE_MAP_DATA`` or the bundled ``data/``.
    strict : bool
        Raise :class:`~geo.model.DataError` listing every problem when any layer is invalid.
        With ``strict=False`` invalid layers load empty and the problems are kept on the result.

    Returns
    -------
    Dataset
    """
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        raise DataError([Problem(str(folder), "(folder)", "", "is not a folder")])
    events_fc, problems = _layer(folder, EVENTS_FILE, "events", True)
    hotspots_fc, hp = _layer(folder, HOTSPOTS_FILE, "hotspots", False)
    corridors_fc, cp = _layer(folder, CORRIDORS_FILE, "corridors", False)
    counts_rows: list[dict] = []
    counts_problems: list[Problem] = []
    if (folder / COUNTS_FILE).exists():
        counts_rows, header, counts_problems = read_counts_file(folder / COUNTS_FILE)
        counts_problems = counts_problems or validate_counts_rows(counts_rows, COUNTS_FILE, header)
    all_problems = problems + hp + cp + counts_problems
    if strict and all_problems:
        raise DataError(all_problems)
    return Dataset(
        folder=folder,
        events=events_frame(events_fc["features"] if not problems else []),
        hotspots=hotspots_frame(hotspots_fc["features"] if not hp else []),
        corridors=corridors_frame(corridors_fc["features"] if not cp else []),
        counts=counts_frame(counts_rows if not counts_problems else []),
        problems=all_problems,
    )


def _points(features: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    coords = np.array([f["geometry"]["coordinates"][:2] for f in features], dtype=float).reshape(-1, 2)
    return coords[:, 0], coords[:, 1]


def events_frame(features: list[dict]) -> gpd.GeoDataFrame:
    """Turn valid event Features into a GeoDataFrame with one column per contract field.

    ``end`` is filled with ``start`` where absent; counts default to 0; ``region`` is
    spelled as the contract spells it.
    """
    rows = []
    for f in features:
        p = f["properties"]
        rows.append({
            "id": f["id"], "kind": p["kind"], "start": p["start"], "end": p.get("end") or p["start"],
            "place": p["place"], "region": canonical_region(p["region"]) or p["region"],
            "road": p.get("road"), "km": p.get("km"),
            "fatalities": p.get("fatalities") or 0, "injured": p.get("injured") or 0,
            "detained": p.get("detained") or 0, "geo_precision": p["geo_precision"],
            "time_precision": p.get("time_precision") or 1, "status": p.get("status") or "reported",
            "sources": p["sources"], "description": p.get("description") or "",
        })
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS[:-2])
    lon, lat = _points(features)
    frame["lon"], frame["lat"] = lon, lat
    frame["km"] = pd.to_numeric(frame["km"], errors="coerce").astype(float)
    for col in ("fatalities", "injured", "detained", "geo_precision", "time_precision"):
        frame[col] = frame[col].astype("int64")
    return gpd.GeoDataFrame(frame, geometry=shapely.points(lon, lat), crs=CRS)


def hotspots_frame(features: list[dict]) -> gpd.GeoDataFrame:
    """Turn valid hotspot Features into a GeoDataFrame (``end`` filled with ``start`` when absent)."""
    rows = []
    for i, f in enumerate(features):
        p = f["properties"]
        rows.append({
            "id": f.get("id") or f"hotspot-{i + 1}", "name": p["name"],
            "region": canonical_region(p["region"]) or p["region"], "start": p["start"],
            "end": p.get("end") or p["start"], "level": int(p["level"]), "sources": p["sources"],
            "description": p.get("description") or "",
        })
    frame = pd.DataFrame(rows, columns=HOTSPOT_COLUMNS[:-2])
    lon, lat = _points(features)
    frame["lon"], frame["lat"] = lon, lat
    return gpd.GeoDataFrame(frame, geometry=shapely.points(lon, lat), crs=CRS)


def corridors_frame(features: list[dict]) -> gpd.GeoDataFrame:
    """Turn valid corridor Features into a GeoDataFrame of (Multi)LineStrings."""
    rows, geoms = [], []
    for f in features:
        p = f["properties"]
        rows.append({
            "id": f["id"], "name": p["name"], "roads": list(p["roads"]), "from": p["from"],
            "to": p["to"], "via": list(p.get("via") or []), "sources": p["sources"],
            "km_refs": list(p.get("km_refs") or []),
        })
        geoms.append(shapely.geometry.shape(f["geometry"]))
    frame = pd.DataFrame(rows, columns=CORRIDOR_COLUMNS)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=CRS), crs=CRS)


def counts_frame(rows: list[dict]) -> pd.DataFrame:
    """Turn reported_counts.csv rows into a DataFrame with integer values."""
    frame = pd.DataFrame(rows, columns=list(COUNTS_COLUMNS))
    frame["value"] = pd.to_numeric(frame["value"]).astype("int64") if len(frame) else pd.Series(dtype="int64")
    return frame


# ---------------------------------------------------------------- writing

def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    A crash at any point leaves either the old file or the new one, never a mix.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes 0600 files; keep the old file's mode, or the usual 0644 under the umask.
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _file_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def dump_collection(collection: dict) -> str:
    """Serialise a FeatureCollection the way the bundled files are written (UTF-8, stable)."""
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def write_collection(path: str | os.PathLike, collection: dict, layer: str) -> None:
    """Validate ``collection`` as ``layer`` and write it atomically; raise DataError if invalid."""
    problems = validate_collection(collection, layer, Path(path).name)
    if problems:
        raise DataError(problems)
    atomic_write_text(path, dump_collection(collection))


def read_collection(path: str | os.PathLike) -> dict:
    """Read a GeoJSON FeatureCollection as plain dicts; raise DataError if it is not JSON."""
    data, problems = read_json_file(Path(path))
    if problems:
        raise DataError(problems)
    return data
