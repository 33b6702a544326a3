"""Data export: the events active in a date range, as GeoJSON or CSV, with their citation.

Both formats carry every contract field of each event and its sources. Next to each file
goes a plain-text sidecar (``<file>.txt``) naming the data sources, the licence, the date
range and the command that made it, so a figure built from the file can be cited.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from geo.model import KINDS
from geo.store import Dataset
from geo.timeline import check_day, event_record, overlap_mask

FORMATS: tuple[str, ...] = ("geojson", "csv")
MIME_TYPES: dict[str, str] = {"geojson": "application/geo+json", "csv": "text/csv"}

PROJECT = "Blockade Map"
DATA_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
#: What data/README.md says about sources and licences, in short.
LICENCE_LINES: tuple[str, ...] = (
    f"Blockade Map data (descriptions, hotspot levels, the way facts were combined): {DATA_LICENCE},",
    "Blockade Map contributors.",
    "Place coordinates: GeoNames (https://www.geonames.org), CC BY 4.0; airport reference points",
    "from the airportsdata package (MIT).",
    "Facts and figures come from the reports each event cites (publisher, link, date published);",
    "the reports remain their publishers'. Cite Blockade Map and the sources of the events you use.",
)

#: Contract fields in the order the CSV writes them (after id and before the sources).
CSV_FIELDS: tuple[str, ...] = (
    "id", "kind", "start", "end", "place", "region", "road", "km", "lon", "lat",
    "fatalities", "injured", "detained", "geo_precision", "time_precision", "status", "description",
)
SOURCE_PARTS: tuple[str, ...] = ("name", "url", "published")


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_events` wrote."""

    path: Path
    sidecar: Path
    count: int


def _check_filters(kinds: Sequence[str], regions: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if isinstance(kinds, str) or isinstance(regions, str):
        raise TypeError("kinds and regions must be sequences of strings, not a single string")
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")
    return tuple(kinds), tuple(regions)


def events_in_range(dataset: Dataset, first: str, last: str, kinds: Sequence[str] = (),
                    regions: Sequence[str] = ()) -> pd.DataFrame:
    """The events active on at least one day of ``[first, last]``, ordered by start then id.

    Parameters
    ----------
    dataset : Dataset
    first, last : str
        ``YYYY-MM-DD``, inclusive; ``last`` must not be before ``first``.
    kinds, regions : sequence of str, optional
        Keep only these kinds / regions (empty keeps everything).

    Returns
    -------
    pandas.DataFrame
        Rows of ``dataset.events``.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, got {type(dataset).__name__}")
    kinds, regions = _check_filters(kinds, regions)
    frame = dataset.events
    mask = overlap_mask(frame, first, last)
    if kinds:
        mask &= frame["kind"].isin(kinds)
    if regions:
        mask &= frame["region"].isin(regions)
    return frame[mask].sort_values(["start", "id"])


def view_range(dataset: Dataset, view) -> tuple[str, str]:
    """The date range whose events a map view shows: its day, or everything up to it (cumulative)."""
    from geo.timeline import View
    if not isinstance(view, View):
        raise TypeError(f"view must be a View, got {type(view).__name__}")
    if view.mode == "cumulative":
        first = dataset.first_day or view.day
        return (min(first, view.day), view.day)
    return (view.day, view.day)


def export_records(events: pd.DataFrame) -> list[dict]:
    """Plain-dict records (contract fields, ``end`` filled, ``lon``/``lat``) of an events frame."""
    return [event_record(row) for row in events.itertuples(index=False)]


def event_feature(record: dict) -> dict:
    """The contract's GeoJSON Feature for one record: every property, ``end`` written out."""
    props = {"kind": record["kind"], "start": record["start"], "end": record["end"],
             "place": record["place"], "region": record["region"]}
    if record.get("road"):
        props["road"] = record["road"]
    if record.get("km") is not None:
        props["km"] = _number(record["km"])
    for field in ("fatalities", "injured", "detained", "geo_precision", "time_precision"):
        props[field] = int(record[field])
    props["status"] = record["status"]
    props["sources"] = [dict(src) for src in record["sources"]]  # name, url, published, and any note
    if record.get("description"):
        props["description"] = record["description"]
    return {"type": "Feature", "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": props}


def _number(value: float) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else value


def to_geojson(records: Sequence[dict], metadata: dict | None = None) -> str:
    """A FeatureCollection of ``records`` (a valid ``events.geojson``), UTF-8 JSON text.

    ``metadata`` goes into a ``"metadata"`` foreign member (RFC 7946 section 6.1).
    """
    collection: dict = {"type": "FeatureCollection"}
    if metadata:
        collection["metadata"] = metadata
    collection["features"] = [event_feature(r) for r in records]
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def source_label(source: dict) -> str:
    """One source as readable text: ``name (published) url``."""
    return f"{source.get('name', '')} ({source.get('published', '')}) {source.get('url', '')}".strip()


def source_parts(records: Sequence[dict]) -> list[str]:
    """The keys of the sources: name, url, published, then any other (e.g. note) in name order."""
    extra = {key for r in records for src in r["sources"] for key in src} - set(SOURCE_PARTS)
    return list(SOURCE_PARTS) + sorted(extra)


def csv_columns(records: Sequence[dict]) -> list[str]:
    """The CSV header: contract fields, ``sources`` joined, then ``source_N_name/url/published/...``."""
    widest = max((len(r["sources"]) for r in records), default=1)
    parts = source_parts(records)
    columns = list(CSV_FIELDS) + ["sources"]
    for i in range(1, max(1, widest) + 1):
        columns += [f"source_{i}_{part}" for part in parts]
    return columns


def csv_row(record: dict, columns: Sequence[str]) -> dict:
    """One CSV row: empty cells for absent values, ``km`` without a trailing ``.0``."""
    row = {c: "" for c in columns}
    for field in CSV_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        row[field] = _number(value) if field == "km" else value
    row["sources"] = "; ".join(source_label(s) for s in record["sources"])
    for i, src in enumerate(record["sources"], start=1):
        for part, value in src.items():
            key = f"source_{i}_{part}"
            if key in row:
                row[key] = "" if value is None else value
    return row


def to_csv(records: Sequence[dict]) -> str:
    """One row per event with lon, lat, every contract field and its sources (RFC 4180 text)."""
    columns = csv_columns(records)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record, columns))
    return buffer.getvalue()


def publishers(records: Iterable[dict]) -> list[tuple[str, int]]:
    """Source publishers with the number of events each reports, most frequent first."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({str(s.get("name", "")).strip() for s in record["sources"]} - {""})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def default_command(first: str, last: str, fmt: str, out: str | os.PathLike,
                    kinds: Sequence[str] = (), regions: Sequence[str] = ()) -> str:
    """The ``blockade-map export`` command that makes this export."""
    import shlex
    parts = ["blockade-map", "export", "--from", first, "--to", last, "--format", fmt,
             "--out", str(out)]
    if kinds:
        parts += ["--kinds", ",".join(kinds)]
    if regions:
        parts += ["--regions", ",".join(regions)]
    return shlex.join(parts)


def sidecar_text(records: Sequence[dict], first: str, last: str, file_name: str, fmt: str,
                 command: str, data_folder: str | os.PathLike | None = None,
                 kinds: Sequence[str] = (), regions: Sequence[str] = ()) -> str:
    """The citation file that goes next to an export: sources, licence, range, command."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    span = first if first == last else f"{first} to {last}"
    lines = [
        f"{PROJECT}: events active {'on' if first == last else 'from'} {span}",
        "=" * 60,
        f"File: {file_name} ({fmt.upper()}, UTF-8, {len(records)} event(s))",
        f"Date range: {first} to {last} (inclusive; days in Peru's time, America/Lima)",
        f"Filters: kinds = {', '.join(kinds) or 'all'}; regions = {', '.join(regions) or 'all'}",
        f"Made with: {command}",
        f"Made on: {made}",
    ]
    if data_folder is not None:
        lines.append(f"Data folder: {data_folder}")
    lines += ["", "Licence", "-------", *LICENCE_LINES, "", "Data sources (publisher: events in this file)",
              "----------------------------------------------"]
    sources = publishers(records)
    lines += [f"- {name}: {count}" for name, count in sources] or ["- none: no event is active in this range"]
    lines += ["", "Fields", "------"]
    if fmt == "csv":
        lines += [
            "One row per event. lon, lat: WGS 84 degrees. start, end: first and last day (inclusive).",
            "fatalities, injured, detained: counts attributed to the event (0 when none reported).",
            "geo_precision 1/2/3: site or town / near it or part of a region / only the region.",
            "time_precision 1/2/3: the day / only the week / only the month is known.",
            "sources: every source as 'name (published) url', separated by '; '.",
            "source_N_name, source_N_url, source_N_published: the N-th source, one column each",
            "(source_N_note: how the source was cited, when the data says so).",
        ]
    else:
        lines += [
            "A GeoJSON FeatureCollection (RFC 7946, WGS 84) in the form of Blockade Map's",
            "events.geojson: one Point Feature per event with every property, sources included.",
        ]
    return "\n".join(lines) + "\n"


def atomic_write_bytes(path: str | os.PathLike, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, fsync, rename).

    New files get ``mode`` (readable by others, as exports are meant to be shared).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sidecar_path(out: str | os.PathLike) -> Path:
    """Where the citation file of ``out`` goes: ``<out>.txt`` (e.g. ``jan9.csv.txt``)."""
    out = Path(out)
    return out.with_name(out.name + ".txt")


def render_export(dataset: Dataset, first: str, last: str, fmt: str, kinds: Sequence[str] = (),
                  regions: Sequence[str] = (), command: str | None = None,
                  file_name: str = "events") -> tuple[str, str, int]:
    """The export's text, its sidecar text and the number of events, without writing anything."""
    first, last = check_day(first), check_day(last)
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    kinds, regions = _check_filters(kinds, regions)
    records = export_records(events_in_range(dataset, first, last, kinds, regions))
    command = command or default_command(first, last, fmt, file_name, kinds, regions)
    if fmt == "geojson":
        metadata = {"title": f"{PROJECT}: events active from {first} to {last}", "from": first, "to": last,
                    "licence": " ".join(LICENCE_LINES),
                    "sources": [name for name, _ in publishers(records)], "command": command}
        text = to_geojson(records, metadata)
    else:
        text = to_csv(records)
    sidecar = sidecar_text(records, first, last, file_name, fmt, command, dataset.folder, kinds, regions)
    return text, sidecar, len(records)


def export_events(dataset: Dataset, first: str, last: str, fmt: str, out: str | os.PathLike,
                  kinds: Sequence[str] = (), regions: Sequence[str] = (),
                  command: str | None = None) -> ExportResult:
    """Write the events active in ``[first, last]`` to ``out`` and its citation sidecar.

    Parameters
    ----------
    dataset : Dataset
    first, last : str
        The range, ``YYYY-MM-DD``, inclusive.
    fmt : {'geojson', 'csv'}
    out : path
        The file to write (its folder must exist); the sidecar is ``<out>.txt``.
    kinds, regions : sequence of str, optional
        Filters (empty keeps everything).
    command : str, optional
        The command line recorded in the sidecar (default: the equivalent ``blockade-map export``).

    Returns
    -------
    ExportResult
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist")
    text, sidecar, count = render_export(dataset, first, last, fmt, kinds, regions,
                                         command or default_command(first, last, fmt, out, kinds, regions),
                                         out.name)
    atomic_write_bytes(out, text.encode("utf-8"))
    side = sidecar_path(out)
    atomic_write_bytes(side, sidecar.encode("utf-8"))
    return ExportResult(out, side, count)
