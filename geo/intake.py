"""Turning uploaded files and form input into event Features, with a full validation report.

Three inputs are understood:

* GeoJSON in the contract's form (a FeatureCollection of event Features);
* CSV with the export's columns (``id, kind, start, end, place, region, road, km, fatalities,
  injured, detained, geo_precision, time_precision, status, description, lon, lat``, then
  ``source_1_name, source_1_url, source_1_published, source_2_...``, other ``source_N_*``
  columns such as ``source_N_note`` kept on the source; a plain
  ``source_name, source_url, source_published`` triple is accepted too);
* CSV with ACLED's columns (``event_date, event_type, sub_event_type, location, admin1,
  latitude, longitude, fatalities, source, notes``; optionally ``event_id_cnty``,
  ``geo_precision``, ``time_precision``), see :func:`acled_kind`.

:func:`plan_import` reads a file and checks every row or feature before anything is written:
the report names each bad one (row number or feature id), the field and the problem, and
lists probable duplicates of events already in the data. Nothing here writes files.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlparse

import numpy as np

from geo.model import COUNT_FIELDS, Problem, canonical_region, fold, validate_event

#: Property order of the events the intake writes (the contract's table order).
PROPERTY_ORDER: tuple[str, ...] = (
    "kind", "start", "end", "place", "region", "road", "km", "fatalities", "injured", "detained",
    "geo_precision", "time_precision", "status", "sources", "description",
)
EXPORT_REQUIRED = ("kind", "start", "place", "region", "lon", "lat")
ACLED_REQUIRED = ("event_date", "event_type", "location", "admin1", "latitude", "longitude")
DUPLICATE_RADIUS_M = 1000.0
_URL_IN_TEXT = re.compile(r"https?://[^\s;,<>\"')\]]+", re.IGNORECASE)
_BLOCKADE_TEXT = re.compile(
    r"bloque|blockad|roadblock|road block|piquete|"
    r"block(?:ed|ing|s)?\s+(?:\w+\s+){0,3}(?:road|roads|highway|highways|route|routes|bridge|bridges|access)",
    re.IGNORECASE)
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}


# ---------------------------------------------------------------- values

class _Cell:
    """Collects conversion problems for one row while turning cells into typed values."""

    def __init__(self, file: str, label: str):
        self.file, self.label = file, label
        self.problems: list[Problem] = []
        self.bad_fields: set[str] = set()

    def add(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.label, field_name, message))
        self.bad_fields.add(field_name)

    def text(self, value: Any) -> str | None:
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    def integer(self, value: Any, field_name: str) -> int | None:
        if isinstance(value, bool):
            self.add(field_name, f"must be a whole number, got {value!r}")
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if math.isfinite(value) and value == int(value):
                return int(value)
            self.add(field_name, f"must be a whole number, got {value!r}")
            return None
        text = self.text(value)
        if text is None:
            return None
        try:
            number = float(text)
        except ValueError:
            self.add(field_name, f"must be a whole number, got {text!r}")
            return None
        if not math.isfinite(number) or number != int(number):
            self.add(field_name, f"must be a whole number, got {text!r}")
            return None
        return int(number)

    def number(self, value: Any, field_name: str) -> float | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            text = self.text(value)
            if text is None:
                return None
            try:
                number = float(text)
            except ValueError:
                self.add(field_name, f"must be a number, got {text!r}")
                return None
        if not math.isfinite(number):
            self.add(field_name, f"must be a finite number, got {value!r}")
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
        parsed = parse_any_date(text)
        if parsed is None:
            self.add(field_name, f"{text!r} is not a date (YYYY-MM-DD, or '12 December 2022')")
        return parsed


def parse_any_date(text: str) -> str | None:
    """``YYYY-MM-DD``, ``12 December 2022`` or ``12-Dec-2022`` as ``YYYY-MM-DD``; None otherwise."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{1,2})[\s\-/]+([A-Za-z]+)[\s\-/,]+(\d{4})", text.strip())
    if not m:
        return None
    name = m.group(2).lower()
    month = next((n for full, n in _MONTHS.items() if full == name or (len(name) >= 3 and full.startswith(name))), None)
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- building a Feature

def build_feature(values: Mapping[str, Any], sources: Sequence[Mapping[str, Any]], file: str,
                  label: str) -> tuple[dict, list[Problem], set[str]]:
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
    for name in ("kind", "place", "road", "status", "description"):
        text = cell.text(values.get(name))
        if text is not None:
            props[name] = text.lower() if name in ("kind", "status") else text
    region = cell.text(values.get("region"))
    if region is not None:
        props["region"] = canonical_region(region) or region
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
    clean_sources = []
    for src in sources:
        name, url = cell.text(src.get("name")), cell.text(src.get("url"))
        published = cell.day(src.get("published"), f"sources[{len(clean_sources)}].published")
        if name is None and url is None and published is None:
            continue
        entry = {"name": name, "url": url, "published": published}
        entry.update({k: cell.text(v) for k, v in src.items() if k not in entry})  # e.g. a note
        clean_sources.append({k: v for k, v in entry.items() if v is not None})
    if clean_sources:
        props["sources"] = clean_sources
    lon, lat = cell.number(values.get("lon"), "lon"), cell.number(values.get("lat"), "lat")
    if lon is None or lat is None:
        if "lon" not in cell.bad_fields and "lat" not in cell.bad_fields:
            cell.add("lon/lat", "the location is required (lon and lat)")
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
                  csv_names: bool = False) -> list[Problem]:
    """Contract problems of one new event, labelled with ``label`` and skipping ``bad_fields``."""
    bad = set(bad_fields)
    out = []
    for p in validate_event(feature, file):
        name = p.field
        if name in bad or name.split(".")[0] in bad:
            continue
        if csv_names:
            name = _csv_field(name)
        out.append(Problem(file, label, name, p.message))
    fid = feature.get("id")
    if fid is not None and (not isinstance(fid, str) or not fid.strip()):
        out.append(Problem(file, label, "id", f"must be a non-empty string, got {fid!r}"))
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

def acled_kind(event_type: str, sub_event_type: str, fatalities: int, notes: str) -> str | None:
    """The contract kind of an ACLED event, or None when the type has no counterpart.

    Protests -> protest (``Excessive force against protesters`` -> clash; a peaceful protest or
    protest with intervention whose notes describe a road blockade -> blockade);
    Riots -> clash when anyone died, else protest (``Violent demonstration`` -> clash always);
    Battles, Violence against civilians, Explosions/Remote violence -> clash;
    Strategic developments -> detention for ``Arrests``, else other.
    """
    et, sub = fold(event_type or ""), fold(sub_event_type or "")
    blockade = bool(_BLOCKADE_TEXT.search(notes or ""))
    if et == "protests":
        if sub == "excessive force against protesters":
            return "clash"
        if blockade and sub in ("peaceful protest", "protest with intervention", ""):
            return "blockade"
        return "protest"
    if et == "riots":
        if sub == "violent demonstration":
            return "clash"
        return "clash" if fatalities > 0 else "protest"
    if et in ("battles", "violence against civilians", "explosions/remote violence"):
        return "clash"
    if et == "strategic developments":
        return "detention" if sub == "arrests" else "other"
    return None


def _acled_row(row: Mapping[str, str], file: str, label: str) -> tuple[dict, list[Problem], set[str]]:
    cell = _Cell(file, label)
    fatalities = cell.integer(row.get("fatalities"), "fatalities")
    notes = (row.get("notes") or "").strip()
    kind = acled_kind(row.get("event_type", ""), row.get("sub_event_type", ""), fatalities or 0, notes)
    day_text = (row.get("event_date") or "").strip()
    start = parse_any_date(day_text) if day_text else None
    if day_text and start is None:
        cell.add("event_date", f"{day_text!r} is not a date (YYYY-MM-DD or '12 December 2022')")
    if kind is None:
        cell.add("event_type", f"{row.get('event_type')!r} / {row.get('sub_event_type')!r} has no matching kind")
    urls = []
    for text in (row.get("source") or "", notes):
        for url in _URL_IN_TEXT.findall(text):
            url = url.rstrip(".")
            if url not in urls:
                urls.append(url)
    publishers = [p.strip() for p in _URL_IN_TEXT.sub("", row.get("source") or "").split(";") if p.strip()]
    if not urls:
        cell.add("source", f"no source URL: ACLED names publishers only ({row.get('source') or 'none'!s}); "
                 "put a link to the report (http/https) in 'source' or 'notes'")
    sources = [{"name": publishers[i] if i < len(publishers) else (urlparse(u).netloc or "source"),
                "url": u, "published": start} for i, u in enumerate(urls)]
    values = {
        "id": f"acled-{row['event_id_cnty'].strip()}" if (row.get("event_id_cnty") or "").strip() else None,
        "kind": kind, "start": start, "place": row.get("location"), "region": row.get("admin1"),
        "fatalities": fatalities, "description": notes or None,
        "geo_precision": row.get("geo_precision") or 2, "time_precision": row.get("time_precision") or 1,
        "lon": row.get("longitude"), "lat": row.get("latitude"),
    }
    feature, problems, bad = build_feature(values, sources, file, label)
    bad |= cell.bad_fields
    if "event_date" in cell.bad_fields:
        bad.add("start")
    if "event_type" in cell.bad_fields:
        bad.add("kind")
    if "source" in cell.bad_fields:
        bad.add("sources")
    problems = cell.problems + [p for p in problems if p.field not in cell.bad_fields]
    return feature, problems, bad


_ACLED_FIELDS = {"start": "event_date", "kind": "event_type", "place": "location", "region": "admin1",
                 "lon/lat": "latitude/longitude", "lon": "longitude", "lat": "latitude", "description": "notes",
                 "sources": "source", "source_1_url": "source"}


# ---------------------------------------------------------------- reading files

@dataclass
class Item:
    """One row or feature of an import, ready to write when it has no problems."""

    label: str
    feature: dict


@dataclass
class Duplicate:
    """A new event that looks like one already in the data: same kind, within 1 km, overlapping dates."""

    label: str
    existing_id: str
    distance_m: float
    new_summary: str
    existing_summary: str


@dataclass
class ImportPlan:
    """Everything known about a file before it is imported."""

    file: str
    flavor: str
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row or feature has a problem (duplicates are a decision, not a problem)."""
        return not self.problems and bool(self.items)

    @property
    def bad_labels(self) -> list[str]:
        """The rows or features with problems, in file order, each once."""
        seen: list[str] = []
        for p in self.problems:
            if p.feature not in seen:
                seen.append(p.feature)
        return seen

    def features(self, skip: Iterable[str] = ()) -> list[dict]:
        """The features to write, leaving out the items labelled in ``skip``."""
        skipped = set(skip)
        return [item.feature for item in self.items if item.label not in skipped]


def _decode(data: bytes | str, file: str) -> tuple[str | None, list[Problem]]:
    if isinstance(data, str):
        return data, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(file, "(file)", "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})")]


def detect_flavor(text: str, file: str) -> str:
    """``geojson``, ``acled`` or ``csv`` from the file name and its first line."""
    suffix = Path(file).suffix.lower()
    if suffix in (".geojson", ".json") or text.lstrip().startswith("{"):
        return "geojson"
    header = {h.strip().lower() for h in next(csv.reader(io.StringIO(text)), [])}
    return "acled" if {"event_date", "event_type"} <= header else "csv"


def read_items(data: bytes | str, file: str) -> tuple[str, list[Item], list[Problem]]:
    """Parse an upload into labelled items and their conversion and contract problems.

    Returns
    -------
    flavor : str
    items : list of Item
    problems : list of Problem
    """
    text, problems = _decode(data, file)
    if text is None:
        return "unknown", [], problems
    if not text.strip():
        return "unknown", [], [Problem(file, "(file)", "", "is empty")]
    flavor = detect_flavor(text, file)
    if flavor == "geojson":
        return flavor, *_geojson_items(text, file)
    return flavor, *_csv_items(text, file, flavor)


def _geojson_items(text: str, file: str) -> tuple[list[Item], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(file, "(file)", "", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]
    if isinstance(data, Mapping) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        return [], [Problem(file, "(file)", "type", "must be a GeoJSON FeatureCollection of events")]
    items, problems = [], []
    for i, feature in enumerate(data["features"]):
        fid = feature.get("id") if isinstance(feature, Mapping) else None
        label = str(fid) if isinstance(fid, str) and fid.strip() else f"feature #{i + 1}"
        if isinstance(feature, Mapping) and isinstance(feature.get("properties"), Mapping):
            props = feature["properties"]
            if isinstance(props.get("region"), str) and canonical_region(props["region"]):
                feature = dict(feature, properties=dict(props, region=canonical_region(props["region"])))
        problems += check_feature(feature, file, label) if isinstance(feature, Mapping) else [
            Problem(file, label, "type", "must be a GeoJSON Feature")]
        if isinstance(feature, Mapping):
            items.append(Item(label, dict(feature)))
    if not data["features"]:
        problems.append(Problem(file, "(file)", "features", "holds no events"))
    return items, problems


def _csv_items(text: str, file: str, flavor: str) -> tuple[list[Item], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    required = ACLED_REQUIRED if flavor == "acled" else EXPORT_REQUIRED
    missing = [c for c in required if c not in header]
    if missing:
        what = "ACLED columns" if flavor == "acled" else "the export's columns"
        return [], [Problem(file, "header", "columns", f"missing {', '.join(missing)} ({what} expected)")]
    numbered = [(int(m.group(1)), m.group(2)) for h in header if (m := re.fullmatch(r"source_(\d+)_(\w+)", h))]
    source_numbers = sorted({n for n, _ in numbered})
    source_parts = list(dict.fromkeys(["name", "url", "published"] + [part for _, part in numbered]))
    items, problems = [], []
    for i, row in enumerate(reader):
        row = {k: (v if isinstance(v, str) else "") for k, v in row.items() if k is not None}
        if not any(v.strip() for v in row.values()):
            continue
        label = f"row {i + 2}"
        if flavor == "acled":
            feature, convert, bad = _acled_row(row, file, label)
            convert = [Problem(p.file, p.feature, _ACLED_FIELDS.get(p.field, p.field), p.message) for p in convert]
            checked = [Problem(p.file, p.feature, _ACLED_FIELDS.get(p.field, p.field), p.message)
                       for p in check_feature(feature, file, label, bad, csv_names=True)]
        else:
            sources = [{k: row.get(f"source_{n}_{k}") for k in source_parts} for n in source_numbers]
            sources.append({k: row.get(f"source_{k}") for k in ("name", "url", "published")})
            feature, convert, bad = build_feature(row, sources, file, label)
            checked = check_feature(feature, file, label, bad, csv_names=True)
            convert = [Problem(p.file, p.feature, _csv_field(p.field), p.message) for p in convert]
        fid = feature.get("id")
        if fid:
            label = f"{label} ({fid})"
            convert = [Problem(p.file, label, p.field, p.message) for p in convert]
            checked = [Problem(p.file, label, p.field, p.message) for p in checked]
        problems += convert + checked
        items.append(Item(label, feature))
    if not items:
        problems.append(Problem(file, "(file)", "", "holds no rows"))
    return items, problems


# ---------------------------------------------------------------- ids and duplicates

def id_problems(items: Sequence[Item], file: str, current_ids: Iterable[str],
                retired_ids: Iterable[str]) -> list[Problem]:
    """Ids given twice in the file, or already used by an event in the data or a retracted one."""
    current, retired = set(current_ids), set(retired_ids)
    seen: dict[str, str] = {}
    out = []
    for item in items:
        fid = item.feature.get("id")
        if not isinstance(fid, str) or not fid.strip():
            continue
        if fid in seen:
            out.append(Problem(file, item.label, "id", f"{fid!r} is also used by {seen[fid]}"))
        elif fid in current:
            out.append(Problem(file, item.label, "id", f"{fid!r} is already used by an event in the data"))
        elif fid in retired:
            out.append(Problem(file, item.label, "id",
                               f"{fid!r} was used by a retracted event (ids are never reused)"))
        seen.setdefault(fid, item.label)
    return out


def _summary(feature: Mapping) -> str:
    p = feature.get("properties") or {}
    dates = p.get("start", "?") if not p.get("end") or p.get("end") == p.get("start") else f"{p['start']}..{p['end']}"
    return f"{p.get('kind')} at {p.get('place')} ({p.get('region')}), {dates}"


def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres (arrays broadcast)."""
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def find_duplicates(items: Sequence[Item], existing: Sequence[Mapping],
                    radius_m: float = DUPLICATE_RADIUS_M) -> list[Duplicate]:
    """Probable duplicates: same kind, within ``radius_m``, and overlapping dates.

    Parameters
    ----------
    items : sequence of Item
        The new events (items without a usable point or dates are skipped).
    existing : sequence of dict
        Event Features already in the data.
    """
    def usable(f: Mapping) -> bool:
        geom, p = f.get("geometry"), f.get("properties") or {}
        coords = geom.get("coordinates") if isinstance(geom, Mapping) else None
        return (isinstance(coords, list) and len(coords) >= 2
                and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2])
                and isinstance(p.get("start"), str) and isinstance(p.get("kind"), str))

    old = [f for f in existing if usable(f)]
    out: list[Duplicate] = []
    if not old:
        return out
    o_lon = np.array([f["geometry"]["coordinates"][0] for f in old], dtype=float)
    o_lat = np.array([f["geometry"]["coordinates"][1] for f in old], dtype=float)
    o_kind = np.array([f["properties"]["kind"] for f in old])
    o_start = np.array([f["properties"]["start"] for f in old])
    o_end = np.array([f["properties"].get("end") or f["properties"]["start"] for f in old])
    for item in items:
        f = item.feature
        if not usable(f):
            continue
        p = f["properties"]
        start, end = p["start"], p.get("end") or p["start"]
        lon, lat = f["geometry"]["coordinates"][:2]
        mask = (o_kind == p["kind"]) & (o_start <= end) & (o_end >= start)
        if not mask.any():
            continue
        idx = np.flatnonzero(mask)
        dist = haversine_m(lon, lat, o_lon[idx], o_lat[idx])
        for j in np.argsort(dist):
            if dist[j] > radius_m:
                break
            match = old[idx[j]]
            out.append(Duplicate(item.label, str(match.get("id")), round(float(dist[j]), 1), _summary(f),
                                 _summary(match)))
    return out


def plan_import(data: bytes | str, file: str, existing: Mapping | None = None,
                retired_ids: Iterable[str] = ()) -> ImportPlan:
    """Read and check an import file against the data; write nothing.

    Parameters
    ----------
    data : bytes or str
        The file's content.
    file : str
        Its name (the extension helps tell GeoJSON from CSV; problems are reported under it).
    existing : dict, optional
        The current events FeatureCollection (for id clashes and duplicates).
    retired_ids : iterable of str
        Ids of retracted events (from the change log): never reused.

    Returns
    -------
    ImportPlan
        ``problems`` names every bad row or feature; ``duplicates`` lists probable duplicates.
    """
    if not isinstance(file, str) or not file:
        raise TypeError("file must be the upload's name")
    flavor, items, problems = read_items(data, file)
    features = list((existing or {}).get("features", []))
    problems += id_problems(items, file, (f.get("id") for f in features), retired_ids)
    plan = ImportPlan(file, flavor, items, _sorted(problems, items))
    bad = set(plan.bad_labels)
    plan.duplicates = find_duplicates([i for i in items if i.label not in bad], features)
    return plan


def _sorted(problems: list[Problem], items: Sequence[Item]) -> list[Problem]:
    order = {item.label: n for n, item in enumerate(items)}
    return sorted(problems, key=lambda p: order.get(p.feature, -1))


# ---------------------------------------------------------------- the add / edit form

FORM_LABEL = "the form"


def form_values(feature: Mapping | None) -> dict:
    """The form's starting values for an event Feature (defaults for a new event when None).

    Dates come back as :class:`datetime.date`, counts as ints, ``sources`` as a list of
    ``{name, url, published}`` with ``published`` a date (or None).
    """
    props = dict((feature or {}).get("properties") or {})
    coords = ((feature or {}).get("geometry") or {}).get("coordinates") or [None, None]

    def day(value: Any) -> date | None:
        parsed = parse_any_date(value) if isinstance(value, str) else None
        return date.fromisoformat(parsed) if parsed else None

    return {
        "kind": props.get("kind", "blockade"), "start": day(props.get("start")), "end": day(props.get("end")),
        "place": props.get("place", ""), "region": props.get("region"), "road": props.get("road", ""),
        "km": props.get("km"), "fatalities": props.get("fatalities", 0), "injured": props.get("injured", 0),
        "detained": props.get("detained", 0), "geo_precision": props.get("geo_precision", 1),
        "time_precision": props.get("time_precision", 1), "status": props.get("status", "reported"),
        "description": props.get("description", ""), "lon": coords[0], "lat": coords[1],
        "sources": [{"name": s.get("name", ""), "url": s.get("url", ""), "published": day(s.get("published"))}
                    for s in props.get("sources") or [] if isinstance(s, Mapping)],
    }


def feature_from_form(values: Mapping[str, Any], sources: Sequence[Mapping[str, Any]],
                      event_id: str | None = None) -> tuple[dict, list[Problem]]:
    """Build and check the event a form describes.

    Counts of zero are left out (the contract's default), as are empty fields. At least one
    source with an http(s) URL is required.

    Returns
    -------
    feature : dict
    problems : list of Problem
        Empty when the event can be saved.
    """
    cleaned = dict(values)
    for name in COUNT_FIELDS:
        if cleaned.get(name) in (0, "0"):
            cleaned[name] = None
    cleaned["id"] = event_id
    feature, problems, bad = build_feature(cleaned, sources, FORM_LABEL, event_id or "new event")
    if not feature["properties"].get("sources"):
        problems.append(Problem(FORM_LABEL, event_id or "new event", "sources",
                                "a source is required: the publisher, the link (http/https) and the date"))
        bad.add("sources")
    return feature, problems + check_feature(feature, FORM_LABEL, event_id or "new event", bad)
