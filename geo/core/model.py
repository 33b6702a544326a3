"""The data contract in code: the layers' fields and their validation.

Every check returns :class:`Problem` objects that name the file, the feature and the
field, so a person can find and fix the input; nothing here raises for bad data.

What one dataset adds to the contract (its regions, its area) comes from its
``dataset.json`` as a :class:`Scope`; without one, any region name and any point on Earth
are accepted.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from geo.core.dates import MAX_SPAN_DAYS, day_bounds_problem, parse_date
from geo.core.i18n import N_, NO_PARAMS, Message, Translator, fill, message
from geo.core.text import fold

KINDS: tuple[str, ...] = ("blockade", "protest", "clash", "closure", "detention", "other")
STATUSES: tuple[str, ...] = ("confirmed", "reported")
#: Metrics of reported_counts.csv. The last three are subtotals or other units that must
#: never be read as the first ones (deaths in clashes are not all deaths).
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
#: Property order of the events the project writes (the contract's table order).
PROPERTY_ORDER: tuple[str, ...] = (
    "kind", "start", "end", "place", "place_es", "place_en", "region", "road", "km", "fatalities", "injured", "detained",
    "geo_precision", "time_precision", "status", "sources", "description", "description_es",
    "description_en",
)
#: Largest count accepted for one event or one reported figure.
MAX_COUNT = 100_000
#: Largest kilometre post accepted (Peru's longest national route is under 3,000 km).
MAX_KM = 6_000
#: Longest text accepted in a name-like field (place, region, road, a source's name).
MAX_NAME = 300
#: Longest description accepted.
MAX_TEXT = 20_000

_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WHOLE = re.compile(r"^\d{1,9}(\.0*)?$")  # a whole number as a CSV cell holds it: 45 or 45.0


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    The words are a message id and its values, like a gettext msgid with placeholders:
    ``Problem(file, feature, field, N_("{value} is not a date (YYYY-MM-DD)"), {"value": v})``.
    A message without placeholders needs no params (``Problem(file, "(file)", "", N_("is empty"))``);
    a helper returning a :class:`Message` spreads into the last two (``Problem(f, x, "id", *msg)``).
    :attr:`message` is the English sentence; :meth:`text` the sentence in a reader's language.
    """

    file: str
    feature: str
    field: str
    msgid: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=lambda: NO_PARAMS, hash=False)

    @property
    def message(self) -> str:
        """The problem in English (the command line's words)."""
        return fill(self.msgid, self.params)

    def text(self, t: Translator) -> str:
        """The problem in ``t``'s language."""
        return Message(self.msgid, self.params).text(t)

    def at(self, **where: Any) -> Problem:
        """The same problem located elsewhere (another ``file``, ``feature`` or ``field``)."""
        return replace(self, **where)

    def __str__(self) -> str:
        where = f"{self.file}: {self.feature}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(ValueError):
    """Raised when a layer fails validation; carries every :class:`Problem` found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid data")


class StoreUnavailable(DataError):
    """Raised when a store cannot be reached (its database is down, refuses, or its URL is
    unusable): not a problem of the data, and a reader is told so in plain words."""


@dataclass(frozen=True)
class Scope:
    """What a dataset's ``dataset.json`` adds to the checks: its regions and its area.

    Parameters
    ----------
    regions : tuple of str
        The region names the data may use (empty: any non-empty name).
    aliases : mapping
        Other spellings of region names -> the name to store ("Cuzco" -> "Cusco").
    area : (west, south, east, north) or None
        Points must lie inside it (None: anywhere on Earth).
    """

    regions: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    area: tuple[float, float, float, float] | None = None
    #: Folded region names and aliases -> the stored spelling (made from the two above).
    _lookup: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup = {fold(r): r for r in self.regions}
        lookup.update({fold(k): v for k, v in self.aliases.items() if v in self.regions})
        object.__setattr__(self, "_lookup", lookup)

    def match(self, name: Any) -> str | None:
        """The stored spelling of region ``name`` among the listed regions and their aliases
        (case and accents ignored), or None: the one place a region name is matched.

        >>> Scope(("Cusco", "Puno"), {"Cuzco": "Cusco"}).match("CUZCO")
        'Cusco'
        """
        if not isinstance(name, str) or not name.strip():
            return None
        return self._lookup.get(fold(name))

    def region(self, name: Any) -> str | None:
        """The stored spelling of region ``name``, or None when it is not one of the dataset's
        (with no regions listed, any non-empty name is accepted as written)."""
        if not self.regions and isinstance(name, str) and name.strip():
            return name.strip()
        return self.match(name)

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies in the dataset's area."""
        if self.area is None:
            return -180 <= lon <= 180 and -90 <= lat <= 90
        west, south, east, north = self.area
        return west <= lon <= east and south <= lat <= north


ANYWHERE = Scope()


#: Datasets that name publishers without links, cited by their own reference instead (CONTRACT.md).
CITED_DATASETS: tuple[str, ...] = ("ACLED",)


def is_dataset_citation(source: Any) -> bool:
    """True for a ``sources`` entry citing a dataset by its own reference, which needs no link:
    ``name`` ``ACLED`` and the row's ``event_id_cnty``."""
    return (isinstance(source, Mapping) and isinstance(source.get("name"), str)
            and source["name"].strip() in CITED_DATASETS and isinstance(source.get("event_id_cnty"), str)
            and bool(source["event_id_cnty"].strip()))


def is_http_url(value: Any) -> bool:
    """True when ``value`` is an absolute http(s) URL."""
    return isinstance(value, str) and bool(_URL_RE.match(value.strip()))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


class _Checker:
    """Collects problems for one feature of one file."""

    def __init__(self, file: str, feature: str, scope: Scope):
        self.file, self.feature, self.scope = file, feature, scope
        self.problems: list[Problem] = []

    def add(self, field: str, msgid: str, params: Mapping[str, Any] = NO_PARAMS, /, **values: Any) -> None:
        """A problem of ``field``: ``add("km", N_("must be a number >= 0, got {value}"), value=...)``,
        or ``add(field, *message)`` with a :class:`Message`."""
        self.problems.append(Problem(self.file, self.feature, field, msgid, {**params, **values}))

    def string(self, props: Mapping, field: str, required: bool, limit: int = MAX_NAME,
               where: str | None = None) -> None:
        value = props.get(field)
        if value is None:
            if required:
                self.add(where or field, N_("is required"))
            return
        problem = text_problem(value, limit)
        if problem:
            self.add(where or field, *problem)

    def date(self, props: Mapping, field: str, required: bool) -> date | None:
        value = props.get(field)
        if value is None or value == "":
            if required:
                self.add(field, N_("is required (YYYY-MM-DD)"))
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.add(field, N_("{value} is not a date (YYYY-MM-DD)"), value=_short(value))
        elif (outside := day_bounds_problem(value)) is not None:
            self.add(field, *outside)
            return None
        return parsed

    def choice(self, props: Mapping, field: str, choices: tuple, required: bool) -> None:
        value = props.get(field)
        if value is None:
            if required:
                self.add(field, N_("is required (one of {choices})"), choices=", ".join(map(str, choices)))
        elif isinstance(value, bool) or value not in choices:
            self.add(field, N_("{value} is not one of {choices}"), value=_short(value),
                     choices=", ".join(map(str, choices)))

    def count(self, props: Mapping, field: str) -> None:
        value = props.get(field)
        if value is None:
            return
        if not _is_int(value) or value < 0:
            self.add(field, N_("must be a whole number >= 0, got {value}"), value=_short(value))
        elif value > MAX_COUNT:
            self.add(field, N_("{value} is more than the {limit} accepted for one event"), value=_amount(value),
                     limit=f"{MAX_COUNT:,}")

    def sources(self, props: Mapping, field: str = "sources") -> None:
        value = props.get(field)
        if value is None:
            self.add(field, N_("is required: at least one {name, url, published}"))
            return
        if not isinstance(value, list) or not value:
            self.add(field, N_("must be a non-empty list of {name, url, published}"))
            return
        for i, src in enumerate(value):
            where = f"{field}[{i}]"
            if not isinstance(src, Mapping):
                self.add(where, N_("must be an object {name, url, published}"))
                continue
            name = src.get("name")
            if name is None or (isinstance(name, str) and not name.strip()):
                self.add(f"{where}.name", N_("is required (the publisher)"))
            else:
                self.string(src, "name", True, where=f"{where}.name")
            url = src.get("url")
            if url is None and is_dataset_citation(src):
                self._citation(src, where)
            elif url is None:
                self.add(f"{where}.url", N_("is required (an http(s) link to the report)"))
            elif not is_http_url(url) or len(str(url)) > 2000:
                self.add(f"{where}.url", N_("{value} is not an http(s) URL"), value=_short(url))
            published = src.get("published")
            if published is None:
                self.add(f"{where}.published", N_("is required (YYYY-MM-DD)"))
            elif parse_date(published) is None:
                self.add(f"{where}.published", N_("{value} is not a date (YYYY-MM-DD)"), value=_short(published))
            elif (outside := day_bounds_problem(published)) is not None:
                self.add(f"{where}.published", *outside)

    def _citation(self, src: Mapping, where: str) -> None:
        """A dataset cited by its own reference (ACLED): its publishers are names, its timestamp a number."""
        self.string(src, "event_id_cnty", True, where=f"{where}.event_id_cnty")
        for key, wrong in (("publishers", N_("must be a list of publisher names")),
                           ("actors", N_("must be a list of actor names"))):
            names = src.get(key)
            if names is not None and not (isinstance(names, list) and len(names) <= 1000
                                          and all(text_problem(p) is None for p in names)):
                self.add(f"{where}.{key}", wrong)
        for key in ("event_type", "sub_event_type"):
            if src.get(key) is not None:
                self.string(src, key, False, where=f"{where}.{key}")
        if src.get("tags") is not None:
            self.string(src, "tags", False, limit=MAX_TEXT, where=f"{where}.tags")
        stamp = src.get("timestamp")
        if stamp is not None and not (_is_int(stamp) and stamp >= 0):
            self.add(f"{where}.timestamp", N_("must be a whole number of seconds since 1970, got {value}"),
                     value=_short(stamp))

    def point(self, geometry: Any) -> None:
        if not isinstance(geometry, Mapping) or geometry.get("type") != "Point":
            got = geometry.get("type") if isinstance(geometry, Mapping) else geometry
            self.add("geometry", N_("must be a Point, got {value}"), value=_short(got))
            return
        coords = geometry.get("coordinates")
        if (not isinstance(coords, list) or len(coords) not in (2, 3)
                or not all(_is_number(c) for c in coords)):
            self.add("geometry", N_("coordinates must be [lon, lat], got {value}"), value=_short(coords))
            return
        lon, lat = coords[0], coords[1]
        if not self.scope.contains(lon, lat):
            if self.scope.contains(lat, lon):
                self.add("geometry", N_("[{lon}, {lat}] lies outside the dataset's area (lon and lat look swapped)"),
                         lon=lon, lat=lat)
            else:
                self.add("geometry", N_("[{lon}, {lat}] lies outside the dataset's area"), lon=lon, lat=lat)

    def region(self, props: Mapping) -> None:
        value = props.get("region")
        if value is None:
            self.add("region", N_("is required (a region of the dataset)"))
            return
        problem = text_problem(value)
        if problem:
            self.add("region", *problem)
        elif self.scope.region(value) is None:
            self.add("region", N_("{value} is not one of the dataset's regions"), value=_short(value))


def event_content(feature: Mapping) -> str:
    """What an event says, without its id: equal for two copies of the same report (a file
    imported twice), whatever the order of their properties.

    >>> a = {"id": "x", "geometry": None, "properties": {"kind": "clash", "place": "Juli"}}
    >>> event_content(a) == event_content({"properties": {"place": "Juli", "kind": "clash"}, "geometry": None})
    True
    """
    return json.dumps([feature.get("geometry"), feature.get("properties")], sort_keys=True,
                      ensure_ascii=False, default=str)


def _amount(value: int | float) -> str:
    """A number for a message: ``9,223,372,036,854,775,808`` or ``a 400-digit number``."""
    short = short_repr(value)
    return short if short.startswith("a ") else f"{value:,}"


def text_problem(value: Any, limit: int = MAX_NAME) -> Message | None:
    """What is wrong with ``value`` as a text field (None when it is a usable string)."""
    if not isinstance(value, str) or not value.strip():
        return message(N_("must be a non-empty string, got {value}"), value=_short(value))
    if len(value) > limit:
        return message(N_("is {length} characters long; at most {limit} are accepted"), length=f"{len(value):,}",
                       limit=f"{limit:,}")
    if _CONTROL.search(value):
        return message(N_("holds a control character (such as NUL); remove it"))
    return None


def short_repr(value: Any, limit: int = 80) -> str:
    """``repr`` of a value, cut to ``limit`` characters (a 400-digit number stays readable).

    >>> short_repr(10 ** 399), short_repr("x" * 100, 10)
    ('a 400-digit number', "'xxxxxx...")
    """
    if isinstance(value, int) and not isinstance(value, bool):
        digits = len(str(abs(value))) if abs(value).bit_length() < 13_000 else None
        if digits is None or digits > 20:
            return f"a {digits:,}-digit number" if digits else "a number of thousands of digits"
        return str(value)
    if isinstance(value, float) and math.isfinite(value) and abs(value) >= 1e15:
        return f"{value:.3g}"
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


_short = short_repr


def _feature_id(feature: Any, index: int) -> str:
    fid = feature.get("id") if isinstance(feature, Mapping) else None
    if isinstance(fid, str) and fid.strip() and len(fid) <= MAX_NAME and not _CONTROL.search(fid):
        return fid
    if _is_int(fid):
        return str(fid)
    return f"feature #{index + 1}"


def _features(collection: Any, file: str) -> tuple[list, list[Problem]]:
    if not isinstance(collection, Mapping) or collection.get("type") != "FeatureCollection":
        return [], [Problem(file, "(file)", "type", N_("must be a GeoJSON FeatureCollection"))]
    features = collection.get("features")
    if not isinstance(features, list):
        return [], [Problem(file, "(file)", "features", N_("must be a list"))]
    return features, []


def id_problem(fid: Any) -> Message | None:
    """What is wrong with ``fid`` as a feature id (None when it is usable)."""
    if not isinstance(fid, str) or not fid.strip():
        return message(N_("must be a non-empty string, got {value}"), value=_short(fid))
    if len(fid) > MAX_NAME or _CONTROL.search(fid):
        return message(N_("must be at most {limit} characters with no control characters"), limit=MAX_NAME)
    return None


def _check_ids(features: list, file: str, required: bool) -> list[Problem]:
    problems, seen = [], set()
    for i, feature in enumerate(features):
        fid = feature.get("id") if isinstance(feature, Mapping) else None
        if fid is None:
            if required:
                problems.append(Problem(file, f"feature #{i + 1}", "id", N_("is required (a unique, stable string)")))
            continue
        bad = id_problem(fid)
        if bad:
            problems.append(Problem(file, f"feature #{i + 1}", "id", *bad))
        elif fid in seen:
            problems.append(Problem(file, fid, "id", N_("is used by more than one feature")))
        seen.add(fid)
    return problems


def _open(feature: Any, file: str, index: int, scope: Scope) -> tuple[_Checker, Mapping | None]:
    """A checker for one Feature, and its properties (None, with the problem, when unusable)."""
    c = _Checker(file, _feature_id(feature, index), scope)
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        c.add("type", N_("must be a GeoJSON Feature"))
        return c, None
    props = feature.get("properties")
    if not isinstance(props, Mapping):
        c.add("properties", N_("must be an object"))
        return c, None
    return c, props


def _dates(props: Mapping, c: _Checker) -> None:
    start = c.date(props, "start", required=True)
    end = c.date(props, "end", required=False)
    if start and end and end < start:
        c.add("end", N_("{end} is before start {start}"), end=props["end"], start=props["start"])
    elif start and end and (end - start).days >= MAX_SPAN_DAYS:
        c.add("end", N_("{end} is {days} days after start {start}; at most {limit} are accepted"), end=props["end"],
              days=f"{(end - start).days + 1:,}", start=props["start"], limit=f"{MAX_SPAN_DAYS:,}")


def validate_event(feature: Any, file: str = "events.geojson", index: int = 0,
                   scope: Scope = ANYWHERE) -> list[Problem]:
    """Check one event Feature against the contract; return its problems (empty when valid)."""
    c, props = _open(feature, file, index, scope)
    if props is None:
        return c.problems
    c.point(feature.get("geometry"))
    c.choice(props, "kind", KINDS, required=True)
    _dates(props, c)
    c.string(props, "place", required=True)
    for name in ("place_es", "place_en"):
        c.string(props, name, required=False)
    c.region(props)
    c.string(props, "road", required=False)
    km = props.get("km")
    if km is not None:
        if not ((_is_number(km) or _is_int(km)) and km >= 0):
            c.add("km", N_("must be a number >= 0, got {value}"), value=_short(km))
        elif km > MAX_KM:
            c.add("km", N_("{value} is more than the {limit} km accepted for a kilometre post"), value=_amount(km),
                      limit=f"{MAX_KM:,}")
    for name in COUNT_FIELDS:
        c.count(props, name)
    c.choice(props, "geo_precision", (1, 2, 3), required=True)
    c.choice(props, "time_precision", (1, 2, 3), required=False)
    c.choice(props, "status", STATUSES, required=False)
    c.sources(props)
    for name in ("description", "description_es", "description_en"):
        value = props.get(name)
        if value is not None and not isinstance(value, str):
            c.add(name, N_("must be a string"))
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            c.add(name, N_("is {length} characters long; at most {limit} are accepted"), length=f"{len(value):,}",
                  limit=f"{MAX_TEXT:,}")
    return c.problems


def validate_hotspot(feature: Any, file: str = "hotspots.geojson", index: int = 0,
                     scope: Scope = ANYWHERE) -> list[Problem]:
    """Check one hotspot Feature against the contract."""
    c, props = _open(feature, file, index, scope)
    if props is None:
        return c.problems
    c.point(feature.get("geometry"))
    c.string(props, "name", required=True)
    c.region(props)
    _dates(props, c)
    c.choice(props, "level", (1, 2, 3), required=True)
    c.sources(props)
    return c.problems


def _line_coords_ok(coords: Any) -> bool:
    return (isinstance(coords, list) and len(coords) >= 2 and all(
        isinstance(p, list) and len(p) in (2, 3) and all(_is_number(v) for v in p) for p in coords))


def validate_corridor(feature: Any, file: str = "corridors.geojson", index: int = 0,
                      scope: Scope = ANYWHERE) -> list[Problem]:
    """Check one corridor Feature against the contract."""
    c, props = _open(feature, file, index, scope)
    if props is None:
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
        c.add("geometry", N_("must be a LineString or MultiLineString, got {value}"), value=_short(gtype))
    if gtype in ("LineString", "MultiLineString") and not ok:
        c.add("geometry", N_("coordinates must be lists of at least two [lon, lat] positions"))
    c.string(props, "name", required=True)
    roads = props.get("roads")
    if not isinstance(roads, list) or not roads or not all(isinstance(r, str) and r for r in roads):
        c.add("roads", N_("must be a non-empty list of route numbers, got {value}"), value=_short(roads))
    c.string(props, "from", required=True)
    c.string(props, "to", required=True)
    via = props.get("via")
    if via is not None and (not isinstance(via, list) or not all(isinstance(v, str) for v in via)):
        c.add("via", N_("must be a list of town names"))
    c.sources(props)
    return c.problems


VALIDATORS = {"events": validate_event, "hotspots": validate_hotspot, "corridors": validate_corridor}


def validate_collection(collection: Any, layer: str, file: str | None = None,
                        scope: Scope = ANYWHERE) -> list[Problem]:
    """Validate a whole FeatureCollection of ``layer`` ('events', 'hotspots' or 'corridors')."""
    if layer not in VALIDATORS:
        raise ValueError(f"unknown layer {layer!r}; expected one of {', '.join(VALIDATORS)}")
    file = file or f"{layer}.geojson"
    features, problems = _features(collection, file)
    if problems:
        return problems
    problems += _check_ids(features, file, required=layer in ("events", "corridors"))
    for i, feature in enumerate(features):
        problems += VALIDATORS[layer](feature, file, i, scope)
    return problems


def validate_counts_rows(rows: Sequence[Mapping[str, Any]], file: str = "reported_counts.csv",
                         header: Iterable[str] | None = None) -> list[Problem]:
    """Validate the rows of reported_counts.csv (dicts keyed by column; row 1 is the header)."""
    problems: list[Problem] = []
    if header is not None:
        missing = [col for col in COUNTS_COLUMNS if col not in list(header)]
        if missing:
            return [Problem(file, "header", "columns", N_("missing {columns}"), {"columns": ", ".join(missing)})]
    for i, row in enumerate(rows):
        c = _Checker(file, f"row {row.get('_row', i + 2)}", ANYWHERE)
        c.date(row, "date", required=True)
        metric = row.get("metric")
        if metric in (None, ""):
            c.add("metric", N_("is required (one of {choices})"), choices=", ".join(METRICS))
        elif metric not in METRICS:
            c.add("metric", N_("{value} is not one of {choices}"), value=_short(metric), choices=", ".join(METRICS))
        value = row.get("value")
        text = str(value).strip() if value is not None else ""
        if re.fullmatch(r"\d+\.0*", text):  # 45.0, as a spreadsheet may write a whole number
            text = text.split(".")[0]
        if not text:
            c.add("value", N_("is required (a whole number >= 0)"))
        elif not (text.isascii() and text.isdigit()):
            c.add("value", N_("{value} is not a whole number >= 0"), value=_short(value))
        elif len(text) > 7 or int(text) > MAX_COUNT:
            if len(text) > 20:
                c.add("value", N_("a {digits}-digit number is more than the {limit} accepted"),
                      digits=f"{len(text):,}", limit=f"{MAX_COUNT:,}")
            else:
                c.add("value", N_("{value} is more than the {limit} accepted"), value=f"{int(text):,}",
                      limit=f"{MAX_COUNT:,}")
        c.string(row, "reporter", required=True)
        url = row.get("source_url")
        if url in (None, ""):
            c.add("source_url", N_("is required (an http(s) link to the report)"))
        elif not is_http_url(url):
            c.add("source_url", N_("{value} is not an http(s) URL"), value=_short(url))
        problems += c.problems
    return problems
