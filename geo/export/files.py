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
import shlex
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from geo.core.dataset import Dataset
from geo.core.dates import check_range
from geo.core.escape import neutralise_formula
from geo.core.frames import event_feature, event_record
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.view import View
from geo.intake.acled import CURRENT_COLUMNS, acled_rows
from geo.query.active import events_in_range
from geo.store.files import atomic_write_many

FORMATS: tuple[str, ...] = ("geojson", "csv", "acled")
MIME_TYPES: dict[str, str] = {"geojson": "application/geo+json", "csv": "text/csv", "acled": "text/csv"}

PROJECT = "Blockade Map"
#: What every export says about places and the reports behind the facts.
SOURCES_LINES: tuple[str, ...] = (
    N_("Place coordinates: GeoNames (https://www.geonames.org), CC BY 4.0, and the sites listed in"),
    N_("the dataset's gazetteer, each with the source of its coordinate."),
    N_("Facts and figures come from the reports each event cites (publisher, link, date published);"),
    N_("the reports remain their publishers'. Cite Blockade Map and the sources of the events you use."),
)


def licence_lines(dataset: Dataset, t: Translator = ENGLISH) -> list[str]:
    """The licence part of a citation: the dataset's licence (dataset.json), then the sources."""
    licence = dataset.info.licence or t.gettext("not stated in dataset.json")
    return [t.gettext("{title}: data licence {licence}.").format(title=dataset.info.title_in(t), licence=licence),
            *(t.gettext(line) for line in SOURCES_LINES)]

#: Contract fields in the order the CSV writes them (after id and before the sources).
CSV_FIELDS: tuple[str, ...] = (
    "id", "kind", "start", "end", "place", "region", "road", "km", "lon", "lat",
    "fatalities", "injured", "detained", "geo_precision", "time_precision", "status", "description",
    "description_es", "description_en", "place_es", "place_en",
)
SOURCE_PARTS: tuple[str, ...] = ("name", "url", "published")


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_events` wrote."""

    path: Path
    sidecar: Path
    count: int


def view_range(dataset: Dataset, view: View) -> tuple[str, str]:
    """The date range whose events a map view shows: its day, or everything up to it (cumulative)."""
    if not isinstance(view, View):
        raise TypeError(f"view must be a View, got {type(view).__name__}")
    if view.mode == "cumulative":
        first = dataset.first_day or view.day
        return (min(first, view.day), view.day)
    return (view.day, view.day)


def export_records(events: pd.DataFrame) -> list[dict]:
    """Plain-dict records (contract fields, ``end`` filled, ``lon``/``lat``) of an events frame."""
    return [event_record(row) for row in events.itertuples(index=False)]


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
    """One source as readable text: ``name (published) url``; a dataset cited by its own
    reference as ``ACLED PER1026 (2020-05-12) via La Republica (Peru)``."""
    if not source.get("url") and source.get("event_id_cnty"):
        via = ", ".join(str(p) for p in source.get("publishers") or [])
        return (f"{source.get('name', '')} {source['event_id_cnty']} ({source.get('published', '')})"
                + (f" via {via}" if via else ""))
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
    row: dict[str, object] = {c: "" for c in columns}
    for field in CSV_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        row[field] = (int(value) if float(value).is_integer() else value) if field == "km" else value
    row["sources"] = "; ".join(source_label(s) for s in record["sources"])
    for i, src in enumerate(record["sources"], start=1):
        for part, value in src.items():
            key = f"source_{i}_{part}"
            if key in row:
                row[key] = "" if value is None else "; ".join(map(str, value)) if isinstance(value, list) else value
    return row


def to_csv(records: Sequence[dict]) -> str:
    """One row per event with lon, lat, every contract field and its sources (RFC 4180 text).

    Text cells that a spreadsheet would run as formulas are neutralised
    (:func:`geo.core.escape.neutralise_formula`); import takes the mark off again.
    """
    columns = csv_columns(records)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow({key: neutralise_formula(value) for key, value in csv_row(record, columns).items()})
    return buffer.getvalue()


def to_acled(records: Sequence[dict], country: str | None = None) -> str:
    """The events as a CSV in ACLED's current layout: its 31 columns, names and order
    (:data:`geo.intake.acled.CURRENT_COLUMNS`), dates ``YYYY-MM-DD``, whole numbers for years,
    precisions, counts and timestamps; our fields without an ACLED column are in ``tags``, so
    the file imports back to the same events. Formula-like text cells are neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CURRENT_COLUMNS))
    writer.writeheader()
    for row in acled_rows(records, country):
        writer.writerow({key: neutralise_formula(value) for key, value in row.items()})
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
    parts = ["blockade-map", "export", "--from", first, "--to", last, "--format", fmt,
             "--out", str(out)]
    if kinds:
        parts += ["--kinds", ",".join(kinds)]
    if regions:
        parts += ["--regions", ",".join(regions)]
    return shlex.join(parts)


#: What the sidecar says about the columns of a CSV, and about a GeoJSON file.
CSV_FIELD_LINES: tuple[str, ...] = (
    N_("One row per event. lon, lat: WGS 84 degrees. start, end: first and last day (inclusive)."),
    N_("fatalities, injured, detained: counts attributed to the event (0 when none reported)."),
    N_("geo_precision 1/2/3: site or town / near it or part of a region / only the region."),
    N_("time_precision 1/2/3: the day / only the week / only the month is known."),
    N_("sources: every source as 'name (published) url', separated by '; '."),
    N_("source_N_name, source_N_url, source_N_published: the N-th source, one column each"),
    N_("(source_N_note: how the source was cited, when the data says so)."),
)
ACLED_FIELD_LINES: tuple[str, ...] = (
    N_("One row per event in ACLED's current columns, names and order (event_id_cnty ... timestamp)."),
    N_("event_date: the first day; admin1: the dataset's region; source: the publishers, separated by '; '."),
    N_("tags: ACLED's tags, then what ACLED has no column for, as key=value separated by '; ':"),
    N_("end, road, km, injured, detained, status, kind, id, sources (JSON), actors (JSON)."),
    N_("`blockade-map import` reads the file back to the same events."),
)
GEOJSON_FIELD_LINES: tuple[str, ...] = (
    N_("A GeoJSON FeatureCollection (RFC 7946, WGS 84) in the form of Blockade Map's"),
    N_("events.geojson: one Point Feature per event with every property, sources included."),
)


def _underlined(title: str) -> list[str]:
    return [title, "-" * len(title)]


def sidecar_text(dataset: Dataset, records: Sequence[dict], first: str, last: str, file_name: str, fmt: str,
                 command: str, kinds: Sequence[str] = (), regions: Sequence[str] = (),
                 t: Translator = ENGLISH) -> str:
    """The citation file that goes next to an export: sources, licence, range, command.

    The words are in ``t``'s language (default English); dates stay ``YYYY-MM-DD`` and field names,
    kinds and the command as they are in the file.
    """
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    span = t.gettext("{first} to {last}").format(first=first, last=last)
    zone = dataset.info.timezone or t.gettext("days as reported (no time zone set)")
    lines = [
        (t.gettext("{project}: events active on {day}").format(project=PROJECT, day=first) if first == last else
         t.gettext("{project}: events active from {span}").format(project=PROJECT, span=span)),
        "=" * 60,
        t.plural("File: {file} ({format}, UTF-8, {n} event(s))", "File: {file} ({format}, UTF-8, {n} event(s))",
                 len(records), file=file_name, format=fmt.upper()),
        t.gettext("Date range: {span} (inclusive; {zone})").format(span=span, zone=zone),
        t.gettext("Filters: kinds = {kinds}; regions = {regions}").format(
            kinds=", ".join(kinds) or t.pgettext("kinds", "all"), regions=", ".join(regions) or t.pgettext("regions", "all")),
        t.gettext("Made with: {command}").format(command=command),
        t.gettext("Made on: {when}").format(when=made),
    ]
    lines.append(t.gettext("Dataset: {title}").format(title=dataset.info.title_in(t)))
    lines += ["", *_underlined(t.gettext("Licence")), *licence_lines(dataset, t), "",
              *_underlined(t.gettext("Data sources (publisher: events in this file)"))]
    sources = publishers(records)
    lines += [f"- {name}: {count}" for name, count in sources] or \
        ["- " + t.gettext("none: no event is active in this range")]
    lines += ["", *_underlined(t.gettext("Fields"))]
    fields = {"csv": CSV_FIELD_LINES, "acled": ACLED_FIELD_LINES}.get(fmt, GEOJSON_FIELD_LINES)
    lines += [t.gettext(line) for line in fields]
    return "\n".join(lines) + "\n"


def sidecar_path(out: str | os.PathLike) -> Path:
    """Where the citation file of ``out`` goes: ``<out>.txt`` (e.g. ``jan9.csv.txt``)."""
    out = Path(out)
    return out.with_name(out.name + ".txt")


def render_export(dataset: Dataset, first: str, last: str, fmt: str, kinds: Sequence[str] = (),
                  regions: Sequence[str] = (), command: str | None = None,
                  file_name: str = "events", t: Translator = ENGLISH) -> tuple[str, str, int]:
    """The export's text, its sidecar text and the number of events, without writing anything.

    ``t`` gives the language of the sidecar and of the GeoJSON's ``metadata`` title and licence;
    the data itself (field names, kinds, statuses) is the same in every language.
    """
    first, last = check_range(first, last)
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    kinds, regions = tuple(kinds), tuple(regions)
    records = export_records(events_in_range(dataset, first, last, kinds, regions))
    command = command or default_command(first, last, fmt, file_name, kinds, regions)
    if fmt == "geojson":
        metadata = {"title": t.gettext("{project}: events active from {span}").format(
                        project=PROJECT, span=t.gettext("{first} to {last}").format(first=first, last=last)),
                    "from": first, "to": last,
                    "licence": " ".join(licence_lines(dataset, t)),
                    "sources": [name for name, _ in publishers(records)], "command": command}
        text = to_geojson(records, metadata)
    elif fmt == "acled":
        text = to_acled(records, dataset.info.country)
    else:
        text = to_csv(records)
    sidecar = sidecar_text(dataset, records, first, last, file_name, fmt, command, kinds, regions, t)
    return text, sidecar, len(records)


def export_events(dataset: Dataset, first: str, last: str, fmt: str, out: str | os.PathLike,
                  kinds: Sequence[str] = (), regions: Sequence[str] = (),
                  command: str | None = None, t: Translator = ENGLISH) -> ExportResult:
    """Write the events active in ``[first, last]`` to ``out`` and its citation sidecar.

    Parameters
    ----------
    dataset : Dataset
    first, last : str
        The range, ``YYYY-MM-DD``, inclusive.
    fmt : {'geojson', 'csv', 'acled'}
    out : path
        The file to write (its folder must exist); the sidecar is ``<out>.txt``.
    kinds, regions : sequence of str, optional
        Filters (empty keeps everything).
    command : str, optional
        The command line recorded in the sidecar (default: the equivalent ``blockade-map export``).
    t : Translator, optional
        The language of the sidecar (default English).

    Returns
    -------
    ExportResult
    """
    out = Path(out)
    text, sidecar, count = render_export(dataset, first, last, fmt, kinds, regions,
                                         command or default_command(first, last, fmt, out, kinds, regions),
                                         out.name, t)
    side = sidecar_path(out)
    atomic_write_many([(out, text), (side, sidecar)])  # both files, or neither
    return ExportResult(out, side, count)
