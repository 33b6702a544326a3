"""The data contract in code: the layers' fields and their validation.

Every check returns :class:`Problem` objects that name the file, the feature and the
field, so a person can find and fix the input; nothing here raises for bad data.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

KINDS: tuple[str, ...] = ("blockade", "protest", "clash", "closure", "detention", "other")
STATUSES: tuple[str, ...] = ("confirmed", "reported")
METRICS: tuple[str, ...] = (
    "blockade_points",
    "roads_blocked",
    "regions_affected",
    "deaths_total",
    "detained",
    "deaths_in_clashes",
    "injured_total",
    "provinces_with_protests",
)
COUNT_FIELDS: tuple[str, ...] = ("fatalities", "injured", "detained")
COUNTS_COLUMNS: tuple[str, ...] = ("date", "metric", "value", "reporter", "source_url")

#: Peru's 25 departments plus the names the contract allows for the capital.
REGIONS: tuple[str, ...] = (
    "Amazonas", "Áncash", "Apurímac", "Arequipa", "Ayacucho", "Cajamarca", "Callao",
    "Cusco", "Huancavelica", "Huánuco", "Ica", "Junín", "La Libertad", "Lambayeque",
    "Lima", "Loreto", "Madre de Dios", "Moquegua", "Pasco", "Piura", "Puno",
    "San Martín", "Tacna", "Tumbes", "Ucayali",
)

#: A generous box around Peru (lon_min, lat_min, lon_max, lat_max).
PERU_BOUNDS: tuple[float, float, float, float] = (-81.5, -18.5, -68.5, 0.1)

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    feature: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.feature}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(ValueError):
    """Raised when a layer fails validation; carries every :class:`Problem` found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid data")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, for accent-insensitive comparison."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").strip()


_REGION_BY_FOLDED = {fold(r): r for r in REGIONS} | {
    "lima metropolitana": "Lima",
    "ancash": "Áncash",
    "cuzco": "Cusco",
}


def canonical_region(name: str) -> str | None:
    """Return the contract's spelling of a region name, or None if it is not a region."""
    return _REGION_BY_FOLDED.get(fold(name)) if isinstance(name, str) else None


def parse_date(value: Any) -> date | None:
    """Parse a ``YYYY-MM-DD`` string; return None when it is not one."""
    if not isinstance(value, str) or not _DATE_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def is_http_url(value: Any) -> bool:
    """True when ``value`` is an absolute http(s) URL."""
    return isinstance(value, str) and bool(_URL_RE.match(value.strip()))


def in_peru(lon: float, lat: float) -> bool:
    """True when the point lies inside :data:`PERU_BOUNDS`."""
    x0, y0, x1, y1 = PERU_BOUNDS
    return x0 <= lon <= x1 and y0 <= lat <= y1


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


class _Checker:
    """Collects problems for one feature of one file."""

    def __init__(self, file: str, feature: str):
        self.file, self.feature = file, feature
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.feature, field, message))

    def string(self, props: Mapping, field: str, required: bool) -> None:
        value = props.get(field)
        if value is None:
            if required:
                self.add(field, "is required")
        elif not isinstance(value, str) or not value.strip():
            self.add(field, f"must be a non-empty string, got {value!r}")

    def date(self, props: Mapping, field: str, required: bool) -> date | None:
        value = props.get(field)
        if value is None:
            if required:
                self.add(field, "is required (YYYY-MM-DD)")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.add(field, f"{value!r} is not a date (YYYY-MM-DD)")
        return parsed

    def choice(self, props: Mapping, field: str, choices: tuple, required: bool) -> None:
        value = props.get(field)
        if value is None:
            if required:
                self.add(field, f"is required (one of {', '.join(map(str, choices))})")
        elif value not in choices or isinstance(value, bool):
            self.add(field, f"{value!r} is not one of {', '.join(map(str, choices))}")

    def sources(self, props: Mapping, field: str = "sources") -> None:
        value = props.get(field)
        if value is None:
            self.add(field, "is required: at least one {name, url, published}")
            return
        if not isinstance(value, list) or not value:
            self.add(field, "must be a non-empty list of {name, url, published}")
            return
        for i, src in enumerate(value):
            where = f"{field}[{i}]"
            if not isinstance(src, Mapping):
                self.add(where, "must be an object {name, url, published}")
                continue
            if not isinstance(src.get("name"), str) or not src["name"].strip():
                self.add(f"{where}.name", "is required (the publisher)")
            if not is_http_url(src.get("url")):
                self.add(f"{where}.url", f"{src.get('url')!r} is not an http(s) URL")
            if parse_date(src.get("published")) is None:
                self.add(f"{where}.published", f"{src.get('published')!r} is not a date (YYYY-MM-DD)")

    def point(self, geometry: Any) -> None:
        if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
            got = geometry.get("type") if isinstance(geometry, Mapping) else geometry
            self.add("geometry", f"must be a Point, got {got!r}")
            return
        coords = geometry.get("coordinates")
        if (not isinstance(coords, list) or len(coords) not in (2, 3)
                or not all(_is_number(c) for c in coords)):
            self.add("geometry", f"coordinates must be [lon, lat], got {coords!r}")
            return
        lon, lat = coords[0], coords[1]
        if not in_peru(lon, lat):
            hint = " (lon and lat look swapped)" if in_peru(lat, lon) else ""
            self.add("geometry", f"[{lon}, {lat}] lies outside Peru{hint}")

    def region(self, props: Mapping) -> None:
        value = props.get("region")
        if value is None:
            self.add("region", "is required (a department, or Lima / Callao)")
        elif canonical_region(value) is None:
            self.add("region", f"{value!r} is not a Peruvian department")


def _feature_id(feature: Any, index: int) -> str:
    fid = feature.get("id") if isinstance(feature, Mapping) else None
    return str(fid) if isinstance(fid, (str, int)) and str(fid).strip() else f"feature #{index + 1}"


def _features(collection: Any, file: str) -> tuple[list, list[Problem]]:
    if not isinstance(collection, Mapping) or collection.get("type") != "FeatureCollection":
        return [], [Problem(file, "(file)", "type", "must be a GeoJSON FeatureCollection")]
    features = collection.get("features")
    if not isinstance(features, list):
        return [], [Problem(file, "(file)", "features", "must be a list")]
    return features, []


def _check_ids(features: list, file: str, required: bool) -> list[Problem]:
    problems, seen = [], set()
    for i, feature in enumerate(features):
        fid = feature.get("id") if isinstance(feature, Mapping) else None
        if fid is None:
            if required:
                problems.append(Problem(file, f"feature #{i + 1}", "id", "is required (a unique, stable string)"))
            continue
        if not isinstance(fid, str) or not fid.strip():
            problems.append(Problem(file, f"feature #{i + 1}", "id", f"must be a non-empty string, got {fid!r}"))
        elif fid in seen:
            problems.append(Problem(file, fid, "id", "is used by more than one feature"))
        seen.add(fid)
    return problems


def validate_event(feature: Any, file: str = "events.geojson", index: int = 0) -> list[Problem]:
    """Check one event Feature against the contract; return its problems (empty when valid)."""
    c = _Checker(file, _feature_id(feature, index))
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        c.add("type", "must be a GeoJSON Feature")
        return c.problems
    props = feature.get("properties")
    if not isinstance(props, Mapping):
        c.add("properties", "must be an object")
        return c.problems
    c.point(feature.get("geometry"))
    c.choice(props, "kind", KINDS, required=True)
    start = c.date(props, "start", required=True)
    end = c.date(props, "end", required=False)
    if start and end and end < start:
        c.add("end", f"{props['end']} is before start {props['start']}")
    c.string(props, "place", required=True)
    c.region(props)
    c.string(props, "road", required=False)
    if "km" in props and props["km"] is not None and not (_is_number(props["km"]) and props["km"] >= 0):
        c.add("km", f"must be a number >= 0, got {props['km']!r}")
    for field in COUNT_FIELDS:
        value = props.get(field)
        if value is not None and not (_is_int(value) and value >= 0):
            c.add(field, f"must be a whole number >= 0, got {value!r}")
    c.choice(props, "geo_precision", (1, 2, 3), required=True)
    c.choice(props, "time_precision", (1, 2, 3), required=False)
    c.choice(props, "status", STATUSES, required=False)
    c.sources(props)
    if props.get("description") is not None and not isinstance(props["description"], str):
        c.add("description", "must be a string")
    return c.problems


def validate_hotspot(feature: Any, file: str = "hotspots.geojson", index: int = 0) -> list[Problem]:
    """Check one hotspot Feature against the contract."""
    c = _Checker(file, _feature_id(feature, index))
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        c.add("type", "must be a GeoJSON Feature")
        return c.problems
    props = feature.get("properties")
    if not isinstance(props, Mapping):
        c.add("properties", "must be an object")
        return c.problems
    c.point(feature.get("geometry"))
    c.string(props, "name", required=True)
    c.region(props)
    start = c.date(props, "start", required=True)
    end = c.date(props, "end", required=False)
    if start and end and end < start:
        c.add("end", f"{props['end']} is before start {props['start']}")
    c.choice(props, "level", (1, 2, 3), required=True)
    c.sources(props)
    return c.problems


def _line_coords_ok(coords: Any) -> bool:
    return (isinstance(coords, list) and len(coords) >= 2 and all(
        isinstance(p, list) and len(p) in (2, 3) and all(_is_number(v) for v in p) for p in coords))


def validate_corridor(feature: Any, file: str = "corridors.geojson", index: int = 0) -> list[Problem]:
    """Check one corridor Feature against the contract."""
    c = _Checker(file, _feature_id(feature, index))
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        c.add("type", "must be a GeoJSON Feature")
        return c.problems
    props = feature.get("properties")
    if not isinstance(props, Mapping):
        c.add("properties", "must be an object")
        return c.problems
    geom = feature.get("geometry")
    gtype = geom.get("type") if isinstance(geom, Mapping) else None
    coords = geom.get("coordinates") if isinstance(geom, Mapping) else None
    if gtype == "LineString":
        ok = _line_coords_ok(coords)
    elif gtype == "MultiLineString":
        ok = isinstance(coords, list) and bool(coords) and all(_line_coords_ok(part) for part in coords)
    else:
        ok = False
        c.add("geometry", f"must be a LineString or MultiLineString, got {gtype!r}")
    if gtype in ("LineString", "MultiLineString") and not ok:
        c.add("geometry", "coordinates must be lists of at least two [lon, lat] positions")
    c.string(props, "name", required=True)
    roads = props.get("roads")
    if not isinstance(roads, list) or not roads or not all(isinstance(r, str) and r for r in roads):
        c.add("roads", f"must be a non-empty list of route numbers, got {roads!r}")
    c.string(props, "from", required=True)
    c.string(props, "to", required=True)
    via = props.get("via")
    if via is not None and (not isinstance(via, list) or not all(isinstance(v, str) for v in via)):
        c.add("via", "must be a list of town names")
    c.sources(props)
    return c.problems


def validate_collection(collection: Any, layer: str, file: str | None = None) -> list[Problem]:
    """Validate a whole FeatureCollection of ``layer`` ('events', 'hotspots' or 'corridors')."""
    checks = {"events": validate_event, "hotspots": validate_hotspot, "corridors": validate_corridor}
    if layer not in checks:
        raise ValueError(f"unknown layer {layer!r}; expected one of {', '.join(checks)}")
    file = file or f"{layer}.geojson"
    features, problems = _features(collection, file)
    if problems:
        return problems
    problems += _check_ids(features, file, required=layer in ("events", "corridors"))
    for i, feature in enumerate(features):
        problems += checks[layer](feature, file, i)
    return problems


def validate_counts_rows(rows: list[Mapping[str, Any]], file: str = "reported_counts.csv",
                         header: Iterable[str] | None = None) -> list[Problem]:
    """Validate the rows of reported_counts.csv (dicts keyed by column)."""
    problems: list[Problem] = []
    if header is not None:
        missing = [col for col in COUNTS_COLUMNS if col not in list(header)]
        if missing:
            return [Problem(file, "header", "columns", f"missing {', '.join(missing)}")]
    for i, row in enumerate(rows):
        c = _Checker(file, f"row {i + 2}")
        c.date(row, "date", required=True)
        if row.get("metric") not in METRICS:
            c.add("metric", f"{row.get('metric')!r} is not one of {', '.join(METRICS)}")
        value = row.get("value")
        try:
            number = float(value)
            if not math.isfinite(number) or number < 0 or number != int(number):
                raise ValueError
        except (TypeError, ValueError):
            c.add("value", f"{value!r} is not a whole number >= 0")
        if not isinstance(row.get("reporter"), str) or not row["reporter"].strip():
            c.add("reporter", "is required")
        if not is_http_url(row.get("source_url")):
            c.add("source_url", f"{row.get('source_url')!r} is not an http(s) URL")
        problems += c.problems
    return problems
