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

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlparse


from geo.core.dates import parse_written_date
from geo.core.i18n import N_
from geo.core.model import (ANYWHERE, COUNT_FIELDS, PROPERTY_ORDER, Problem, Scope, id_problem, short_repr,
                            validate_event)
from geo.core.text import fold
from geo.core.escape import unneutralise_formula
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


def _acled_row(row: Mapping[str, str], file: str, label: str,
               scope: Scope = ANYWHERE) -> tuple[dict, list[Problem], set[str]]:
    cell = _Cell(file, label)
    fatalities = cell.integer(row.get("fatalities"), "fatalities")
    notes = (row.get("notes") or "").strip()
    kind = acled_kind(row.get("event_type", ""), row.get("sub_event_type", ""), fatalities or 0, notes)
    day_text = (row.get("event_date") or "").strip()
    start = parse_written_date(day_text) if day_text else None
    if day_text and start is None:
        cell.add("event_date", N_("{value} is not a date (YYYY-MM-DD or '12 December 2022')"), value=short_repr(day_text))
    if kind is None:
        cell.add("event_type", N_("{event_type} / {sub_event_type} has no matching kind"),
                 event_type=short_repr(row.get("event_type")), sub_event_type=short_repr(row.get("sub_event_type")))
    urls = []
    for text in (row.get("source") or "", notes):
        for url in _URL_IN_TEXT.findall(text):
            url = url.rstrip(".")
            if url not in urls:
                urls.append(url)
    publishers = [p.strip() for p in _URL_IN_TEXT.sub("", row.get("source") or "").split(";") if p.strip()]
    if not urls:
        cell.add("source", N_("no source URL: ACLED names publishers only ({publishers}); "
                              "put a link to the report (http/https) in 'source' or 'notes'"),
                 publishers=row.get("source") or "none")
    sources = [{"name": publishers[i] if i < len(publishers) else (urlparse(u).netloc or "source"),
                "url": u, "published": start} for i, u in enumerate(urls)]
    values = {
        "id": f"acled-{row['event_id_cnty'].strip()}" if (row.get("event_id_cnty") or "").strip() else None,
        "kind": kind, "start": start, "place": row.get("location"), "region": row.get("admin1"),
        "fatalities": fatalities, "description": notes or None,
        "geo_precision": row.get("geo_precision") or 2, "time_precision": row.get("time_precision") or 1,
        "lon": row.get("longitude"), "lat": row.get("latitude"),
    }
    feature, problems, bad = build_feature(values, sources, file, label, scope)
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


def read_items(data: bytes | str, file: str, scope: Scope = ANYWHERE) -> tuple[str, list[Item], list[Problem]]:
    """Parse an upload into labelled items and their conversion and contract problems.

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
    if flavor == "geojson":
        return flavor, *_geojson_items(text, file, scope)
    return flavor, *_csv_items(text, file, flavor, scope)


def _geojson_items(text: str, file: str, scope: Scope) -> tuple[list[Item], list[Problem]]:
    data, problems = parse_json_text(text, file)
    if problems:
        return [], problems
    if isinstance(data, Mapping) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        return [], [Problem(file, "(file)", "type", N_("must be a GeoJSON FeatureCollection of events"))]
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
        problems += check_feature(feature, file, label, scope=scope)
        items.append(Item(label, dict(feature)))
    if not data["features"]:
        problems.append(Problem(file, "(file)", "features", N_("holds no events")))
    return items, problems


def _columns(header: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The header in the export's names (aliases resolved, case and accents ignored), and for
    each of those names the column as the user wrote it."""
    folded = [fold(h.strip()).replace(" ", "_") for h in header]
    present = set(folded)
    names, written = [], {}
    has_url = any(COLUMN_ALIASES.get(h, h) == "source_url" for h in folded)
    for raw, name in zip(header, folded):
        if name == "source" and not present & {"source_name"}:
            name = "source_name" if has_url else "source_url"
        elif name in COLUMN_ALIASES and COLUMN_ALIASES[name] not in present:
            name = COLUMN_ALIASES[name]
        names.append(name)
        written.setdefault(name, raw.strip())
    return names, written


def _csv_items(text: str, file: str, flavor: str, scope: Scope) -> tuple[list[Item], list[Problem]]:
    records, broken = read_csv_records(text, file)
    if not records:
        return [], [broken] if broken else [Problem(file, "(file)", "", N_("holds no rows"))]
    header, written = _columns(records[0][1])
    if flavor == "acled":
        header = [fold(h.strip()) for h in records[0][1]]
        written = {h: raw.strip() for h, raw in zip(header, records[0][1])}
    required = ACLED_REQUIRED if flavor == "acled" else EXPORT_REQUIRED
    missing = [c for c in required if c not in header]
    if missing:
        msgid = N_("missing {columns} (ACLED columns expected)") if flavor == "acled" else N_(
            "missing {columns} (the export's columns expected)")
        return [], [Problem(file, "header", "columns", msgid, {"columns": ", ".join(missing)})]
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
    for row_no, record in records[1:]:
        if not any(cell.strip() for cell in record):
            continue
        row = {name: unneutralise_formula(record[i]) if i < len(record) else "" for i, name in enumerate(header)}
        label = f"row {row_no}"
        if flavor == "acled":
            feature, convert, bad = _acled_row(row, file, label, scope)
            checked = check_feature(feature, file, label, bad, csv_names=True, scope=scope)
            kept: list[int] = []
        else:
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
