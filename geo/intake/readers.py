"""Turning uploaded files and form input into event Features, with a full validation report.

These inputs are understood:

* GeoJSON in the contract's form (a FeatureCollection of event Features);
* CSV with the export's columns (``id, kind, start, end, place, region, road, km, fatalities,
  injured, detained, geo_precision, time_precision, status, description, lon, lat``, then
  ``source_1_name, source_1_url, source_1_published, source_2_...``, other ``source_N_*``
  columns such as ``source_N_note`` kept on the source; a plain
  ``source_name, source_url, source_published`` triple is accepted too);
* CSV with ACLED's columns, in any layout ACLED has published (:mod:`geo.intake.acled`: dates,
  regions, one row per actor, ACLED cited by ``event_id_cnty``);
* GeoJSON from elsewhere (Points whose properties have other names): read as a CSV is, the
  point as ``lon``/``lat``.

Other column or property names are matched to the fields with a :class:`ColumnMap`
(``--map place=CAPITAL``, ``--set kind=protest``), the same for CSV and GeoJSON.

:func:`~geo.intake.plan.plan_import` reads a file and checks every row or feature before anything is written:
the report names each bad one (row number or feature id), the field and the problem, and
lists probable duplicates of events already in the data. Nothing here writes files.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from geo.core.dates import parse_written_date
from geo.core.escape import unneutralise_formula
from geo.core.i18n import N_, message
from geo.core.model import (
    ANYWHERE,
    COUNT_FIELDS,
    KINDS,
    PROPERTY_ORDER,
    Problem,
    Scope,
    id_problem,
    short_repr,
    validate_event,
)
from geo.core.text import fold
from geo.intake.acled import (
    acled_kind,
    acled_region,
    actors_of,
    citation,
    decode_tags,
    parse_acled_date,
    parse_timestamp,
    same_event_problem,
    slash_order,
    split_list,
)
from geo.store.files import MAX_CSV_FIELD, parse_json_text, read_csv_records

#: Largest import file accepted (bytes); a bigger one is refused before it is parsed.
MAX_IMPORT_BYTES = 20 * 2**20
#: Other names people give the export's columns (folded: lower case, no accents) -> the export's.
COLUMN_ALIASES: dict[str, str] = {
    "type": "kind", "event_kind": "kind",
    "date": "start", "start_date": "start", "date_start": "start", "from": "start", "first_day": "start",
    "end_date": "end", "date_end": "end", "to": "end", "until": "end", "last_day": "end",
    "location": "place", "town": "place", "city": "place", "place_name": "place",
    "department": "region", "departamento": "region", "admin1": "region", "state": "region",
    "lng": "lon", "long": "lon", "longitude": "lon", "x": "lon",
    "latitude": "lat", "y": "lat",
    "deaths": "fatalities", "dead": "fatalities", "killed": "fatalities",
    "wounded": "injured", "arrested": "detained", "arrests": "detained",
    "notes": "description", "summary": "description",
    "url": "source_url", "link": "source_url", "source_link": "source_url", "report_url": "source_url",
    "publisher": "source_name", "outlet": "source_name", "source_publisher": "source_name",
    "published": "source_published", "date_published": "source_published", "source_date": "source_published",
    "publication_date": "source_published",
}

EXPORT_REQUIRED = ("kind", "start", "place", "region", "lon", "lat")
ACLED_REQUIRED = ("event_date", "event_type", "location", "admin1", "latitude", "longitude")
_URL_IN_TEXT = re.compile(r"https?://[^\s;,<>\"')\]]+", re.IGNORECASE)


#: The fields a column map may fill (``--map FIELD=COLUMN``, ``--set FIELD=VALUE``).
MAP_FIELDS: tuple[str, ...] = ("id", "kind", "start", "end", "place", "region", "road", "km", "lon", "lat",
                               "fatalities", "injured", "detained", "geo_precision", "time_precision", "status",
                               "description", "description_es", "description_en", "source_name", "source_url",
                               "source_published")


#: The fields the import page offers to match (the rest keep their names).
MAP_CHOICES: tuple[str, ...] = ("place", "region", "kind", "start", "end", "geo_precision", "fatalities",
                                "description", "source_name", "source_url", "source_published")


@dataclass(frozen=True)
class ColumnMap:
    """How the columns of a CSV (or the properties of a GeoJSON from elsewhere) fill the event's
    fields: ``columns`` maps a field to the file's column (``place`` -> ``CAPITAL``), ``values``
    gives a field one value for every row (``kind`` -> ``protest``)."""

    columns: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.columns or self.values)


def parse_map(text: str | Iterable[str], split: bool = True) -> dict[str, str]:
    """``"place=CAPITAL,region=DEPARTAM"`` (or a list of ``FIELD=NAME``) as ``{field: name}``;
    ValueError naming a pair that is not ``FIELD=NAME`` or a field events do not have. With
    ``split=False`` each item is one pair, whose value may hold commas.

    >>> parse_map("place=CAPITAL, region=DEPARTAM")
    {'place': 'CAPITAL', 'region': 'DEPARTAM'}
    """
    items = [text] if isinstance(text, str) else list(text)
    parts = [p for item in items for p in (item.split(",") if split else [item])]
    out: dict[str, str] = {}
    for part in (p.strip() for p in parts):
        if not part:
            continue
        name, sep, value = part.partition("=")
        name = fold(name).replace(" ", "_")
        if not sep or not value.strip():
            raise ValueError(f"{part!r} is not FIELD=NAME (e.g. place=CAPITAL)")
        if name not in MAP_FIELDS:
            raise ValueError(f"{part!r}: {name!r} is not a field of an event; the fields are {', '.join(MAP_FIELDS)}")
        out[name] = value.strip()
    return out


# ---------------------------------------------------------------- values

class _Cell:
    """Collects conversion problems for one row while turning cells into typed values."""

    def __init__(self, file: str, label: str):
        self.file, self.label = file, label
        self.problems: list[Problem] = []
        self.bad_fields: set[str] = set()

    def add(self, field_name: str, msgid: str, **params: Any) -> None:
        """A problem of one field: ``add("km", N_("must be a number, got {value}"), value=...)``."""
        self.problems.append(Problem(self.file, self.label, field_name, msgid, params))
        self.bad_fields.add(field_name)

    def text(self, value: Any) -> str | None:
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    def integer(self, value: Any, field_name: str) -> int | None:
        if isinstance(value, bool):
            self.add(field_name, N_("must be a whole number, got {value}"), value=repr(value))
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if math.isfinite(value) and value == int(value):
                return int(value)
            self.add(field_name, N_("must be a whole number, got {value}"), value=short_repr(value))
            return None
        text = self.text(value)
        if text is None:
            return None
        if re.fullmatch(r"[+-]?\d+", text):
            digits = len(text.lstrip("+-"))
            if digits > 15:
                self.add(field_name, N_("a {digits}-digit number is far too large"), digits=digits)
                return None
            return int(text)
        try:
            number = float(text)
        except ValueError:
            self.add(field_name, N_("must be a whole number, got {value}"), value=short_repr(text))
            return None
        if not math.isfinite(number) or number != int(number):
            self.add(field_name, N_("must be a whole number, got {value}"), value=short_repr(text))
            return None
        return int(number)

    def number(self, value: Any, field_name: str) -> float | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # an int too large for a float
                number = math.inf
        else:
            text = self.text(value)
            if text is None:
                return None
            try:
                number = float(text)
            except ValueError:
                self.add(field_name, N_("must be a number, got {value}"), value=short_repr(text))
                return None
            except OverflowError:
                number = math.inf
        if not math.isfinite(number):
            self.add(field_name, N_("must be a finite number, got {value}"), value=short_repr(value))
            return None
        return int(number) if number == int(number) and field_name == "km" else number

    def day(self, value: Any, field_name: str) -> str | None:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        text = self.text(value)
        if text is None:
            return None
        parsed = parse_written_date(text)
        if parsed is None:
            self.add(field_name, N_("{value} is not a date (YYYY-MM-DD, or '12 December 2022')"), value=short_repr(text))
        return parsed


# ---------------------------------------------------------------- building a Feature

def build_feature(values: Mapping[str, Any], sources: Sequence[Mapping[str, Any]], file: str,
                  label: str, scope: Scope = ANYWHERE) -> tuple[dict, list[Problem], set[str]]:
    """Build an event Feature from loosely typed values (form input or CSV cells).

    Parameters
    ----------
    values : mapping
        Contract fields by name (``kind``, ``start``, ... ``description``) plus ``lon``, ``lat``
        and optionally ``id``; strings, numbers or dates. Empty values are left out.
    sources : sequence of mapping
        ``{name, url, published}`` dicts; entirely empty ones are dropped.
    file, label : str
        Where problems are reported (``label`` is e.g. ``row 7``).

    Returns
    -------
    feature : dict
    problems : list of Problem
        Conversion problems (a cell that is not a number or date).
    bad_fields : set of str
        The fields those problems concern (so validation does not report them twice).
    """
    cell = _Cell(file, label)
    props: dict[str, Any] = {}
    for name in ("kind", "place", "place_es", "place_en", "road", "status", "description", "description_es",
                 "description_en"):
        text = cell.text(values.get(name))
        if text is not None:
            props[name] = text.lower() if name in ("kind", "status") else text
    region = cell.text(values.get("region"))
    if region is not None:
        props["region"] = scope.region(region) or region
    for name in ("start", "end"):
        day = cell.day(values.get(name), name)
        if day is not None:
            props[name] = day
    km = cell.number(values.get("km"), "km")
    if km is not None:
        props["km"] = km
    for name in (*COUNT_FIELDS, "geo_precision", "time_precision"):
        number = cell.integer(values.get(name), name)
        if number is not None:
            props[name] = number
    clean_sources: list[dict[str, Any]] = []
    for src in sources:
        source_name, url = cell.text(src.get("name")), cell.text(src.get("url"))
        published = cell.day(src.get("published"), f"sources[{len(clean_sources)}].published")
        if source_name is None and url is None and published is None:
            continue
        entry: dict[str, Any] = {"name": source_name, "url": url, "published": published}
        entry.update({k: cell.text(v) for k, v in src.items() if k not in entry})  # e.g. a note
        for key in ("publishers", "actors"):  # an ACLED citation's lists, one cell each in a CSV
            if isinstance(entry.get(key), str):
                entry[key] = split_list(entry[key])
        if isinstance(entry.get("timestamp"), str) and entry["timestamp"].isdigit():
            entry["timestamp"] = int(entry["timestamp"])
        clean_sources.append({k: v for k, v in entry.items() if v is not None})
    if clean_sources:
        props["sources"] = clean_sources
    lon, lat = cell.number(values.get("lon"), "lon"), cell.number(values.get("lat"), "lat")
    if lon is None or lat is None:
        if "lon" not in cell.bad_fields and "lat" not in cell.bad_fields:
            cell.add("lon/lat", N_("the location is required (lon and lat)"))
        cell.bad_fields.add("geometry")
    ordered = {k: props[k] for k in PROPERTY_ORDER if k in props}
    feature: dict[str, Any] = {"type": "Feature"}
    fid = cell.text(values.get("id"))
    if fid is not None:
        feature["id"] = fid
    feature["geometry"] = {"type": "Point", "coordinates": [lon, lat]} if lon is not None and lat is not None else None
    feature["properties"] = ordered
    return feature, cell.problems, cell.bad_fields


def check_feature(feature: Mapping, file: str, label: str, bad_fields: Iterable[str] = (),
                  csv_names: bool = False, scope: Scope = ANYWHERE) -> list[Problem]:
    """Contract problems of one new event, labelled with ``label`` and skipping ``bad_fields``."""
    bad = set(bad_fields)
    out = []
    for p in validate_event(feature, file, 0, scope):
        name = p.field
        if name in bad or name.split(".")[0] in bad:
            continue
        if csv_names:
            name = _csv_field(name)
        out.append(p.at(file=file, feature=label, field=name))
    fid = feature.get("id")
    wrong = id_problem(fid) if fid is not None else None
    if wrong:
        out.append(Problem(file, label, "id", *wrong))
    return out


def _csv_field(name: str) -> str:
    if name == "geometry":
        return "lon/lat"
    m = re.fullmatch(r"sources\[(\d+)\](?:\.(\w+))?", name)
    if m:
        n = int(m.group(1)) + 1
        return f"source_{n}_{m.group(2)}" if m.group(2) else f"source_{n}"
    if name == "sources":
        return "source_1_url"
    return name


# ---------------------------------------------------------------- ACLED

def _acled_row(row: Mapping[str, Any], file: str, label: str, scope: Scope = ANYWHERE,
               order: str = "dmy") -> tuple[dict, list[Problem], set[str]]:
    """One ACLED event (a row, or the rows of one event merged: ``_actors`` lists every actor)
    as a Feature. Our own fields come back from ``tags`` (a file ``export --format acled`` wrote)."""
    cell = _Cell(file, label)
    ours, theirs = decode_tags(row.get("tags") or "")
    fatalities = cell.integer(row.get("fatalities"), "fatalities")
    notes = (row.get("notes") or "").strip()
    event_type, sub_event_type = (row.get("event_type") or "").strip(), (row.get("sub_event_type") or "").strip()
    kind = ours.get("kind") if ours.get("kind") in KINDS else acled_kind(event_type, sub_event_type,
                                                                         fatalities or 0, notes)
    day_text = (row.get("event_date") or "").strip()
    start = parse_acled_date(day_text, order) if day_text else None
    if day_text and start is None:
        cell.add("event_date", N_("{value} is not a date (2020-05-09, 9 May 2020, 9-May-20, an Excel day number "
                                  "or 09/05/2020)"), value=short_repr(day_text))
    if kind is None:
        cell.add("event_type", N_("{event_type} / {sub_event_type} has no matching kind"),
                 event_type=short_repr(event_type), sub_event_type=short_repr(sub_event_type))
    region = acled_region(row.get("admin1"), row.get("admin2"), scope)
    if region is None and (row.get("admin1") or row.get("admin2") or "").strip():
        names = " / ".join(short_repr(row.get(c)) for c in ("admin1", "admin2") if (row.get(c) or "").strip())
        cell.add("admin1", N_("{names} is not one of the dataset's regions (add the name to region_aliases in "
                              "dataset.json)"), names=names)
    event_id = (row.get("event_id_cnty") or "").strip()
    publishers = [p for p in (_URL_IN_TEXT.sub("", x).strip() for x in split_list(row.get("source"))) if p]
    urls = []
    for text in (row.get("source") or "", notes):
        for url in _URL_IN_TEXT.findall(text):
            url = url.rstrip(".")
            if url not in urls:
                urls.append(url)
    timestamp = parse_timestamp(row.get("timestamp"))
    published = datetime.fromtimestamp(timestamp, UTC).date().isoformat() if timestamp else start
    actors = list(row.get("_actors") or [])
    if "actors" in ours:
        actors = _json_list(ours["actors"], cell, "tags")
    if "sources" in ours:
        sources = _json_list(ours["sources"], cell, "tags")
    else:
        sources = [citation(event_id, timestamp, published, publishers, actors, event_type, sub_event_type, theirs)] \
            if event_id else []
        sources += [{"name": urlparse(u).netloc or "source", "url": u, "published": start} for u in urls]
    if not sources and "tags" not in cell.bad_fields:
        cell.add("source", N_("no source: an ACLED row is cited by its event_id_cnty, and this one has none "
                              "(publishers: {publishers}); give the event_id_cnty, or a link (http/https) in "
                              "'source' or 'notes'"), publishers=str(row.get("source") or "") or message(N_("none")))
    values = {
        "id": ours.get("id") or (f"acled-{event_id}" if event_id else None),
        "kind": kind, "start": start, "end": ours.get("end"), "place": row.get("location"),
        "region": region or row.get("admin1"), "road": ours.get("road"), "km": ours.get("km"),
        "fatalities": fatalities, "injured": ours.get("injured"), "detained": ours.get("detained"),
        "status": ours.get("status"), "description": notes or None,
        "description_es": ours.get("description_es"), "description_en": ours.get("description_en"),
        "place_es": ours.get("place_es"), "place_en": ours.get("place_en"),
        "geo_precision": row.get("geo_precision") or 2, "time_precision": row.get("time_precision") or 1,
        "lon": row.get("longitude"), "lat": row.get("latitude"),
    }
    feature, problems, bad = build_feature(values, [], file, label, scope)
    if sources and "tags" not in cell.bad_fields:
        feature["properties"]["sources"] = sources
        feature["properties"] = {k: feature["properties"][k] for k in PROPERTY_ORDER if k in feature["properties"]}
    bad |= cell.bad_fields
    for theirs_field, our_field in (("event_date", "start"), ("event_type", "kind"), ("source", "sources"),
                                    ("admin1", "region"), ("tags", "sources")):
        if theirs_field in cell.bad_fields:
            bad.add(our_field)
    problems = cell.problems + [p for p in problems if p.field not in cell.bad_fields]
    return feature, problems, bad


def _json_list(text: str, cell: _Cell, column: str) -> list:
    try:
        value = parse_json_text(text, "tags")[0]
    except ValueError:
        value = None
    if not isinstance(value, list):
        cell.add(column, N_("{value} is not a JSON list"), value=short_repr(text))
        return []
    return value


def _acled_events(header: Sequence[str], records: Sequence[tuple[int, list[str]]],
                  file: str) -> tuple[list[tuple[str, dict]], list[Problem], str]:
    """ACLED rows grouped into events: rows repeating an ``event_id_cnty`` (one row per actor)
    are merged into the first, with every actor, the publishers of all and the largest
    fatality count. Returns ``(label, row)`` per event, the problems of rows that repeat an id
    with another date or place, and the file's order of slashed dates."""
    rows: list[tuple[int, dict]] = []
    for row_no, record in records:
        if not any(c.strip() for c in record):
            continue
        rows.append((row_no, {name: unneutralise_formula(record[i]) if i < len(record) else ""
                              for i, name in enumerate(header)}))
    order = slash_order(r.get("event_date", "") for _, r in rows)
    events: list[tuple[str, dict]] = []
    first: dict[str, dict] = {}
    problems: list[Problem] = []
    for row_no, row in rows:
        row["_actors"] = actors_of(row)
        event_id = (row.get("event_id_cnty") or "").strip()
        merged = first.get(event_id) if event_id else None
        if merged is None:
            if event_id:
                first[event_id] = row
            events.append((f"row {row_no}", row))
            continue
        why = same_event_problem(merged, row)
        if why:
            problems.append(Problem(file, f"row {row_no} (acled-{event_id})", "event_id_cnty", *why))
            continue
        merged["_rows"] = merged.get("_rows", 1) + 1
        merged["_actors"] += [a for a in row["_actors"] if a not in merged["_actors"]]
        publishers = split_list(merged.get("source"))
        merged["source"] = "; ".join(publishers + [p for p in split_list(row.get("source")) if p not in publishers])
        counts = [c for c in ((merged.get("fatalities") or "").strip(), (row.get("fatalities") or "").strip())
                  if re.fullmatch(r"\d+", c)]
        if counts:
            merged["fatalities"] = str(max(int(c) for c in counts))
    return events, problems, order


_ACLED_FIELDS = {"start": "event_date", "kind": "event_type", "place": "location", "region": "admin1",
                 "lon/lat": "latitude/longitude", "lon": "longitude", "lat": "latitude", "description": "notes",
                 "sources": "source", "source_1_url": "source"}


# ---------------------------------------------------------------- reading files

@dataclass
class Item:
    """One row or feature of an import, ready to write when it has no problems."""

    label: str
    feature: dict
    #: The rows of the file this item was read from (an ACLED event given one row per actor has several).
    rows: int = 1


def _decode(data: bytes | str, file: str) -> tuple[str | None, list[Problem]]:
    if isinstance(data, str):
        return data, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(file, "(file)", "", N_("is not UTF-8 text ({reason} at byte {position})"),
                              {"reason": exc.reason, "position": exc.start})]


def detect_flavor(text: str, file: str) -> str:
    """``geojson``, ``acled`` or ``csv`` from the file name and its first line."""
    suffix = Path(file).suffix.lower()
    if suffix in (".geojson", ".json") or text.lstrip().startswith("{"):
        return "geojson"
    first_line = text.split("\n", 1)[0][:MAX_CSV_FIELD]
    header = {fold(h.strip()) for h in first_line.split(",")}
    return "acled" if {"event_date", "event_type"} <= header else "csv"


def read_upload(path: str | Path) -> bytes:
    """The bytes of an upload, read no further than one byte past :data:`MAX_IMPORT_BYTES`
    (so a huge file is refused without being read whole)."""
    with open(path, "rb") as handle:
        return handle.read(MAX_IMPORT_BYTES + 1)


def read_items(data: bytes | str, file: str, scope: Scope = ANYWHERE,
               columns: ColumnMap | None = None) -> tuple[str, list[Item], list[Problem]]:
    """Parse an upload into labelled items and their conversion and contract problems.

    ``columns`` maps the file's columns (a CSV's, or the properties of a GeoJSON from elsewhere)
    to the event's fields, and gives fields one value for every row (:class:`ColumnMap`).

    Returns
    -------
    flavor : str
    items : list of Item
        One per row or feature of the file (rows that are wholly empty are skipped).
    problems : list of Problem
    """
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_IMPORT_BYTES:
        return "unknown", [], [Problem(file, "(file)", "", N_("is larger than the {limit} MB accepted for one "
                                                              "import; split it"), {"limit": MAX_IMPORT_BYTES // 2**20})]
    text, problems = _decode(data, file)
    if text is None:
        return "unknown", [], problems
    if not text.strip():
        return "unknown", [], [Problem(file, "(file)", "", N_("is empty"))]
    flavor = detect_flavor(text, file)
    columns = columns or ColumnMap()
    if flavor == "geojson":
        return flavor, *_geojson_items(text, file, scope, columns)
    if flavor == "acled" and columns:
        flavor = "csv"  # a mapping asks for the columns to be read as the user says
    records, broken = read_csv_records(text, file)
    return flavor, *_csv_items(records, broken, file, flavor, scope, columns)


def column_names(data: bytes | str, file: str) -> list[str]:
    """The columns of a CSV, or the property names of a GeoJSON's features (in the order first
    met): what a column map can choose from. Empty when the file cannot be read."""
    text, problems = _decode(data, file) if len(data) <= MAX_IMPORT_BYTES else (None, [])
    if not text or problems:
        return []
    if detect_flavor(text, file) != "geojson":
        records, _ = read_csv_records(text.split("\n", 1)[0] + "\n", file)
        return [c.strip() for c in records[0][1]] if records else []
    data, problems = parse_json_text(text, file)
    features = data.get("features") if isinstance(data, Mapping) else None
    names: dict[str, None] = {}
    for feature in features if isinstance(features, list) else []:
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        if isinstance(props, Mapping):
            names.update(dict.fromkeys(str(k) for k in props))
    return list(names)


def _apply_map(records: list[tuple[int, list[str]]], columns: ColumnMap, file: str,
               noun: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """The records with the mapped columns renamed to their fields, and a column per ``--set``
    value; a Problem naming a mapped column the file does not have."""
    header = [c.strip() for c in records[0][1]]
    folded = [fold(c) for c in header]
    for target, column in columns.columns.items():
        if fold(column) not in folded:
            found = ", ".join(header)
            return records, Problem(
                file, "header", "--map",
                N_("{target}={column}: the file has no property {name} (it has: {found})") if noun == "property"
                else N_("{target}={column}: the file has no column {name} (it has: {found})"),
                {"target": target, "column": column, "name": short_repr(column), "found": found or message(N_("none"))})
    renamed = list(header)
    for target in columns.columns:  # a column already named as a mapped field gives way
        for i, name in enumerate(folded):
            if name.replace(" ", "_") == target:
                renamed[i] = f"(unmapped) {header[i]}"
    for target, column in columns.columns.items():
        renamed[folded.index(fold(column))] = target
    constants = [(k, v) for k, v in columns.values.items() if k not in columns.columns]
    for name, _ in constants:
        renamed = [f"(unmapped) {c}" if fold(c).replace(" ", "_") == name else c for c in renamed]
    out = [(records[0][0], renamed + [name for name, _ in constants])]
    out += [(row, list(record) + [value for _, value in constants]) for row, record in records[1:]]
    return out, None


#: A shape that is not a point, in a GeoJSON being imported.
_NOT_A_POINT = N_("is a {kind}: only Points can be imported (an event happens at a place); reduce each shape to a "
                  "point first, e.g. its centroid in a GIS")
_NO_POINT = N_("is missing: only Points can be imported (an event happens at a place); reduce each shape to a "
               "point first, e.g. its centroid in a GIS")


def _geojson_items(text: str, file: str, scope: Scope, columns: ColumnMap) -> tuple[list[Item], list[Problem]]:
    data, problems = parse_json_text(text, file)
    if problems:
        return [], problems
    if isinstance(data, Mapping) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        return [], [Problem(file, "(file)", "type", N_("must be a GeoJSON FeatureCollection of events"))]
    if columns or not any(_contract_form(f) for f in data["features"]):
        return _foreign_items(data["features"], file, scope, columns)
    items, problems = [], []
    for i, feature in enumerate(data["features"]):
        fid = feature.get("id") if isinstance(feature, Mapping) else None
        label = str(fid) if isinstance(fid, str) and fid.strip() and len(fid) <= 300 else f"feature #{i + 1}"
        if not isinstance(feature, Mapping):
            problems.append(Problem(file, label, "type", N_("must be a GeoJSON Feature")))
            items.append(Item(label, {}))
            continue
        if isinstance(feature.get("properties"), Mapping):
            props = feature["properties"]
            if isinstance(props.get("region"), str) and scope.region(props["region"]):
                feature = dict(feature, properties=dict(props, region=scope.region(props["region"])))
        geometry = feature.get("geometry")
        kind = geometry.get("type") if isinstance(geometry, Mapping) else None
        if isinstance(kind, str) and kind != "Point":
            problems.append(Problem(file, label, "geometry", _NOT_A_POINT, {"kind": kind}))
            continue
        problems += check_feature(feature, file, label, scope=scope)
        items.append(Item(label, dict(feature)))
    if not data["features"]:
        problems.append(Problem(file, "(file)", "features", N_("holds no events")))
    return items, problems


def _contract_form(feature: Any) -> bool:
    """True for a Feature in the contract's form (its properties cite ``sources``)."""
    return isinstance(feature, Mapping) and isinstance(feature.get("properties"), Mapping) and \
        isinstance(feature["properties"].get("sources"), list)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_COORDINATE_NAMES = {"lon", "lat", "lng", "long", "longitude", "latitude", "x", "y"}


def _foreign_items(features: list, file: str, scope: Scope, columns: ColumnMap) -> tuple[list[Item], list[Problem]]:
    """Features from elsewhere (other property names, no ``sources`` list): their properties are
    read as a CSV's columns are (the same names, aliases and column map), the point as lon/lat."""
    labels, rows, problems = [], [], []
    names: dict[str, None] = {}
    for i, feature in enumerate(features):
        fid = feature.get("id") if isinstance(feature, Mapping) else None
        label = str(fid) if isinstance(fid, (str, int)) and str(fid).strip() and len(str(fid)) <= 300 \
            else f"feature #{i + 1}"
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
        kind = geometry.get("type") if isinstance(geometry, Mapping) else None
        if not isinstance(feature, Mapping):
            problems.append(Problem(file, label, "type", N_("must be a GeoJSON Feature")))
            continue
        if kind != "Point" or not isinstance(geometry, Mapping):  # a Point's geometry is a Mapping
            problems.append(Problem(file, label, "geometry", _NOT_A_POINT, {"kind": kind})
                            if isinstance(kind, str) else Problem(file, label, "geometry", _NO_POINT))
            continue
        props = {str(k): v for k, v in props.items() if fold(str(k)) not in _COORDINATE_NAMES} \
            if isinstance(props, Mapping) else {}
        coords = geometry.get("coordinates")
        lon, lat = (coords[0], coords[1]) if isinstance(coords, list) and len(coords) >= 2 else (None, None)
        names.update(dict.fromkeys(props))
        labels.append(label)
        rows.append((props, lon, lat))
    if not features:
        return [], [Problem(file, "(file)", "features", N_("holds no events"))]
    if not rows:
        return [], problems
    header = list(names) + ["lon", "lat"]
    records = [(0, header)] + [(n, [_cell_text(props.get(k)) for k in names] + [_cell_text(lon), _cell_text(lat)])
                               for n, (props, lon, lat) in enumerate(rows, start=1)]
    items, more = _csv_items(records, None, file, "csv", scope, columns,
                             labels={n: label for n, label in enumerate(labels, start=1)}, noun="property")
    return items, problems + more


def _columns(header: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The header in the export's names (aliases resolved, case and accents ignored), and for
    each of those names the column as the user wrote it."""
    folded = [fold(h.strip()).replace(" ", "_") for h in header]
    present = set(folded)
    names: list[str] = []
    written: dict[str, str] = {}
    has_url = any(COLUMN_ALIASES.get(h, h) == "source_url" for h in folded)
    for raw, name in zip(header, folded, strict=False):
        if name == "source" and not present & {"source_name"}:
            name = "source_name" if has_url else "source_url"
        elif name in COLUMN_ALIASES and COLUMN_ALIASES[name] not in present:
            name = COLUMN_ALIASES[name]
        names.append(name)
        written.setdefault(name, raw.strip())
    return names, written


def _csv_items(records: list[tuple[int, list[str]]], broken: Problem | None, file: str, flavor: str, scope: Scope,
               columns: ColumnMap | None = None, labels: Mapping[int, str] | None = None,
               noun: str = "column") -> tuple[list[Item], list[Problem]]:
    """Items from CSV records (``(row number, cells)``, the header first); ``labels`` names the
    rows otherwise (a GeoJSON's features)."""
    if not records:
        return [], [broken] if broken else [Problem(file, "(file)", "", N_("holds no rows"))]
    if columns:
        records, problem = _apply_map(records, columns, file, noun)
        if problem:
            return [], [problem]
    header, written = _columns(records[0][1])
    if flavor == "acled":
        header = [fold(h.strip()).replace(" ", "_") for h in records[0][1]]
        written = {h: raw.strip() for h, raw in zip(header, records[0][1], strict=False)}
    required = ACLED_REQUIRED if flavor == "acled" else EXPORT_REQUIRED
    missing = [c for c in required if c not in header]
    if missing:
        if flavor == "acled":
            return [], [Problem(file, "header", "columns", N_("missing {columns} (ACLED columns expected)"),
                                {"columns": ", ".join(missing)})]
        return [], [Problem(file, "header", "columns", N_(
            "missing {columns} (the export's columns expected; name others with --map FIELD={noun} or give one value "
            "with --set FIELD=VALUE)"), {"columns": ", ".join(missing), "noun": noun.upper()})]
    numbered = [(int(m.group(1)), m.group(2)) for h in header if (m := re.fullmatch(r"source_(\d+)_(\w+)", h))]
    source_numbers = sorted({n for n, _ in numbered})
    source_parts = list(dict.fromkeys(["name", "url", "published"] + [part for _, part in numbered]))
    source_columns = [f"source_{n}_" for n in source_numbers] + ["source_"]

    def column(name: str, kept: list[int]) -> str:
        """The user's column for a problem's field (``source_1_url`` -> ``url``, say)."""
        if flavor == "acled":
            name = _ACLED_FIELDS.get(name, name)
        m = re.fullmatch(r"source_(\d+)_(\w+)", name) if flavor != "acled" else None
        if m:
            index = int(m.group(1)) - 1
            original = kept[index] if index < len(kept) else index
            if original < len(source_columns):
                name = f"{source_columns[original]}{m.group(2)}"
        if name == "lon/lat" and {"lon", "lat"} <= set(written):
            return f"{written['lon']}/{written['lat']}"
        return written.get(name, name)

    items, problems = [], []
    if broken:
        problems.append(broken)
    if flavor == "acled":
        events, repeats, order = _acled_events(header, records[1:], file)
        problems += repeats
        for label, row in events:
            feature, convert, bad = _acled_row(row, file, label, scope, order)
            checked = check_feature(feature, file, label, bad, csv_names=True, scope=scope)
            fid = feature.get("id")
            if fid:
                label = f"{label} ({short_repr(fid, 60) if len(str(fid)) > 60 else fid})"
            problems += [p.at(feature=label, field=column(p.field, [])) for p in convert + checked]
            items.append(Item(label, feature, int(row.get("_rows", 1))))
        if not items and not broken and not repeats:
            problems.append(Problem(file, "(file)", "", N_("holds no rows")))
        return items, problems
    for row_no, record in records[1:]:
        if not any(cell.strip() for cell in record):
            continue
        row = {name: unneutralise_formula(record[i]) if i < len(record) else "" for i, name in enumerate(header)}
        label = labels[row_no] if labels else f"row {row_no}"
        sources = [{k: row.get(f"{prefix}{k}") for k in source_parts} for prefix in source_columns]
        kept = [n for n, src in enumerate(sources)
                if any((src.get(k) or "").strip() for k in ("name", "url", "published"))]
        feature, convert, bad = build_feature(row, sources, file, label, scope)
        checked = check_feature(feature, file, label, bad, csv_names=True, scope=scope)
        convert = [p.at(field=_csv_field(p.field)) for p in convert]
        fid = feature.get("id")
        if fid:
            label = f"{label} ({short_repr(fid, 60) if len(str(fid)) > 60 else fid})"
        problems += [p.at(feature=label, field=column(p.field, kept)) for p in convert + checked]
        items.append(Item(label, feature))
    if not items and not broken:
        problems.append(Problem(file, "(file)", "", N_("holds no rows")))
    return items, problems
