"""SUTRAN's road-alert feed as a source: feed updates -> blockade events, one per site and run of days.

SUTRAN (Peru's land-transport regulator) serves its live road alerts as two feed files,
``interrumpido.json`` (traffic interrupted) and ``restringido.json`` (traffic restricted), each
``{"data": [Feature, ...]}``. An archive keeps their versions as JSON lines, one version a line:
``{"file", "commit", "archived", "features"}`` (``.jsonl`` or ``.jsonl.gz``). This module reads
either form (or folders of them), turns each record into a :class:`Record`, and plans the events:

* a **site** is a place on the road: road code + kilometre (or kilometre range) + district
  (``ubigeo``), plus the cause (``motivo``); the feed's ``item`` is not stable and is ignored;
* a site's **run** is the days it is listed, continued across days with no archived update at all
  (recorded on the event as ``unobserved`` days) and ended by any day that has updates without it
  (the gap rule: one observed day off the feed is enough to end a blockade; a site that comes
  back is a new event). So on every day with updates, the site's events active that day are
  exactly the sites SUTRAN listed that day;
* each event keeps SUTRAN's record over time under the property ``sutran``: its site key, the
  first and last update listing it (with the archive file at its commit), the state at each
  change (interrupted / restricted), the most vehicles held up, SUTRAN's description and
  reporters (``fuente``), and ``stated_start``: SUTRAN's ``fecha_evento`` when it is earlier than
  the first listing (the day SUTRAN registered the event, not a day the map shows as blocked).

The plan merges with the events a data source already holds (those with a ``sutran`` site), so
importing the same updates again, or an overlapping batch, changes nothing.
"""
from __future__ import annotations

import bisect
import gzip
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypedDict

from rapidfuzz import fuzz

from geo.core.dates import day_range
from geo.core.geodesy import distance_m
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, Problem, Scope
from geo.core.text import fold
from geo.core.words import FEED_PUBLISHER

#: SUTRAN's alert map, cited for a feed file read as SUTRAN serves it (no archive commit).
FEED_URL = "https://gis.sutran.gob.pe/alerta_sutran/"
#: The archive's file at a commit, cited for an archived update.
ARCHIVE_URL = "https://github.com/annaabsi/scraper-sutran/blob/{commit}/{file}"
PUBLISHER = FEED_PUBLISHER
#: SUTRAN's causes (``motivo``); protests, strikes and blockades are ``HUMANO``.
CAUSES: tuple[str, ...] = ("HUMANO", "CLIMATOLOGICO", "INFRAESTRUCTURA", "ACCIDENTES")
DEFAULT_CAUSES: tuple[str, ...] = ("HUMANO",)
STATES = {"interrumpido": "interrupted", "restringido": "restricted"}
FEED_FILES = ("interrumpido.json", "restringido.json")
#: Spreadsheet serial day numbers (days since 1899-12-30) that a few records carry as a date.
_SERIAL_EPOCH = date(1899, 12, 30)

_DAY_RE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_UPDATE_RE = re.compile(
    r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*(?:[-,]\s*)?(\d{1,2})\s*[:.]\s*(\d{2})(?:\s*:\s*\d{2})?\s*(?:HORAS?|HRS?\.?|H)?\s*$",
    re.IGNORECASE)
_SERIAL_RE = re.compile(r"^\s*(\d{5})\s*$")
_KM_RE = re.compile(r"(\d+)(?:\s*\+\s*(\d{1,3}))?")
#: How close (rapidfuzz ratio, 0-100) a misspelt region must be to one of the dataset's.
_REGION_SCORE = 85
_QUOTES = "'\"` \t"
_SMALL_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e"}


@dataclass(frozen=True)
class Update:
    """One version of one feed file, as read: its records and where it came from."""

    file: str          # interrumpido.json or restringido.json (or the file's own name)
    where: str         # for problems: "feed.jsonl.gz line 12" or the file's path
    commit: str        # the archive's commit ("" for a feed file as SUTRAN serves it)
    archived: str      # ISO time of the archive's commit ("" when unknown)
    url: str           # the citation: the archived file at its commit, or the feed's URL
    features: list


@dataclass(frozen=True)
class Record:
    """One SUTRAN alert record, read and checked."""

    site: str
    cause: str
    update: str        # the feed update it belongs to, Lima time, ``YYYY-MM-DDTHH:MM``
    state: str         # interrupted or restricted
    road: str
    km: float | None
    km_to: float | None
    region: str        # the dataset's spelling
    province: str
    district: str
    lon: float
    lat: float
    description: str
    reporter: str
    passengers: int | None
    freight: int | None
    stated_start: str | None
    url: str
    archived: str

    @property
    def day(self) -> str:
        """The calendar day of the update (Lima time)."""
        return self.update[:10]


@dataclass
class Batch:
    """What a set of paths holds: the records of the chosen causes, the days with any update, problems."""

    records: list[Record] = field(default_factory=list)
    days: set[str] = field(default_factory=set)
    updates: int = 0
    keys: set[tuple[str, str]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    skipped_records: int = 0


# ---------------------------------------------------------------- reading files

def feed_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The feed files among ``paths``: files as given, folders searched (sorted) for ``.json``,
    ``.jsonl`` and ``.jsonl.gz`` files. FileNotFoundError names a path that does not exist."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and _is_feed_name(p.name))
        elif path.is_file():
            out.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return out


def _is_feed_name(name: str) -> bool:
    return name.endswith((".json", ".jsonl", ".jsonl.gz")) and not name.startswith(".")


def read_updates(path: str | Path, problems: list[Problem], feed_url: str = FEED_URL) -> Iterator[Update]:
    """The feed updates in one file, in file order; bad lines go to ``problems`` (never fatal).

    A ``.jsonl``/``.jsonl.gz`` file is an archive (one ``{"file", "commit", "archived", "features"}``
    a line); any other file is one feed file as SUTRAN serves it (``{"data": [...]}``, or a
    FeatureCollection), cited with ``feed_url``.
    """
    path = Path(path)
    name = path.name
    if name.endswith((".jsonl", ".jsonl.gz")):
        opener = gzip.open if name.endswith(".gz") else open
        try:
            with opener(path, "rt", encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    update = _archive_line(line, name, number, problems)
                    if update is not None:
                        yield update
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, "(file)", "", N_("cannot be read to its end: {error}"), {"error": str(exc)}))
        return
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(Problem(name, "(file)", "", N_("is not a JSON feed file: {error}"), {"error": str(exc)}))
        return
    update = feed_document(data, name, str(path), feed_url, problems)
    if update is not None:
        yield update


def feed_document(data: Any, name: str, where: str, url: str, problems: list[Problem]) -> Update | None:
    """One feed file's parsed JSON as SUTRAN serves it (``{"data": [...]}`` or a FeatureCollection)."""
    features = None
    if isinstance(data, Mapping):
        features = data.get("data") if isinstance(data.get("data"), list) else data.get("features")
    if not isinstance(features, list):
        problems.append(Problem(name, "(file)", "", N_('is not a SUTRAN feed: expected {"data": [Feature, ...]}')))
        return None
    return Update(name, where, "", "", url, features)


def _archive_line(line: str, name: str, number: int, problems: list[Problem]) -> Update | None:
    where = f"line {number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, where, "", N_("is not JSON: {error} (column {column})"),
                                {"error": exc.msg, "column": exc.colno}))
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("features"), list):
        problems.append(Problem(name, where, "", N_('is not an archived update {"file", "commit", "archived", '
                                                   '"features"}')))
        return None
    feed = str(data.get("file") or "")
    commit = str(data.get("commit") or "")
    if feed not in FEED_FILES or not re.fullmatch(r"[0-9a-f]{7,40}", commit):
        problems.append(Problem(name, where, "file" if feed not in FEED_FILES else "commit",
                                N_("{value} is not one of SUTRAN's feed files at an archive commit"),
                                {"value": repr(feed if feed not in FEED_FILES else commit)}))
        return None
    return Update(feed, f"{name} {where}", commit, str(data.get("archived") or ""),
                  ARCHIVE_URL.format(commit=commit, file=feed), data["features"])


# ---------------------------------------------------------------- reading records

def _fold_upper(value: Any) -> str:
    return fold(value).upper() if isinstance(value, str) else ""


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_feed_day(text: Any, reference: date | None = None) -> date | None:
    """A date as SUTRAN writes it: ``14/01/2023`` (day first, SUTRAN's form), ``3/14/2023`` (month
    first, as a spreadsheet writes it) or a spreadsheet serial (``44935``).

    Day first is read unless it is no date or lies after ``reference`` (the update it belongs
    to); then month first. None when neither reading gives a date.

    >>> read_feed_day("14/01/2023"), read_feed_day("3/14/2023")
    (datetime.date(2023, 1, 14), datetime.date(2023, 3, 14))
    >>> read_feed_day("3/09/2023", reference=date(2023, 3, 10))
    datetime.date(2023, 3, 9)
    """
    if not isinstance(text, str):
        return None
    serial = _SERIAL_RE.match(text)
    if serial:
        n = int(serial.group(1))
        return _SERIAL_EPOCH + timedelta(days=n) if 36000 <= n <= 60000 else None
    m = _DAY_RE.match(text.strip(_QUOTES))
    if not m:
        return None
    return _day_or_month_first(int(m.group(1)), int(m.group(2)), int(m.group(3)), reference)


def _day_or_month_first(a: int, b: int, year: int, reference: date | None) -> date | None:
    day_first, month_first = _valid(year, b, a), _valid(year, a, b)
    if day_first is not None and (reference is None or day_first <= reference or month_first is None
                                  or month_first > reference):
        return day_first
    return month_first


def read_update_time(text: Any, reference: date | None = None) -> str | None:
    """``fecha_actualizacion`` as ``YYYY-MM-DDTHH:MM`` (Lima time), or None.

    Accepts SUTRAN's spellings: ``19/01/2023 18:00 HORAS``, double spaces, ``8:00 HORAS``,
    ``08:00HORAS``, ``08.00 HORAS``, ``HORA``. ``reference`` is the day the update was archived
    (day first is read unless that puts it after the archive).

    >>> read_update_time("19/01/2023  08.00 HORA")
    '2023-01-19T08:00'
    """
    if not isinstance(text, str):
        return None
    m = _UPDATE_RE.match(text)
    if not m:
        return None
    day = _day_or_month_first(int(m.group(1)), int(m.group(2)), int(m.group(3)), reference)
    hour, minute = int(m.group(4)), int(m.group(5))
    if day is None or hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    if hour == 24:  # "24:00 HORAS": the end of the day, kept on that day
        hour, minute = 23, 59
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def read_km(text: Any) -> list[float]:
    """The kilometre posts in ``afectacion``, in order: ``KM 548+950`` -> [548.95];
    ``KM 738 AL KM 744`` -> [738, 744]; ``KM  998`` -> [998]."""
    if not isinstance(text, str):
        return []
    return [int(a) + (int(b) / 1000 if b else 0) for a, b in _KM_RE.findall(text)]


def _km_text(value: float) -> str:
    whole = int(value)
    metres = round((value - whole) * 1000)
    return f"{whole}+{metres:03d}" if metres else str(whole)


def _count(value: Any) -> tuple[int | None, bool]:
    """A vehicle count: (number, ok). Blank is (None, True)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    try:
        number = float(str(value).strip())
    except ValueError:
        return None, False
    if number < 0 or number != int(number) or number > 100_000:
        return None, False
    return int(number), True


def _number(value: Any) -> float | None:
    try:
        number = float(str(value).strip()) if isinstance(value, (str, int, float)) else None
    except ValueError:
        return None
    return number if number is not None and number == number else None


def _reference(archived: str) -> date | None:
    """The archive's day, plus one (an update is never after its archive; time zones aside)."""
    try:
        return datetime.fromisoformat(archived).date() + timedelta(days=1) if archived else None
    except ValueError:
        return None


def read_record(feature: Any, update: Update, index: int, scope: Scope = ANYWHERE
                ) -> tuple[Record | None, str | None, list[Problem]]:
    """One feed record -> (record, update time, problems). The record is None when it cannot be
    used; the update time is known whenever ``fecha_actualizacion`` can be read (so even a bad
    record shows that the feed was updated that day)."""
    item = feature.get("properties", {}).get("item") if isinstance(feature, Mapping) and isinstance(
        feature.get("properties"), Mapping) else None
    label = f"{update.where}: record #{index + 1}" + (f" (item {item})" if item not in (None, "") else "")
    problems: list[Problem] = []

    def bad(name: str, msgid: str, **params: Any) -> None:
        problems.append(Problem(update.file, label, name, msgid, params))

    if not isinstance(feature, Mapping) or not isinstance(feature.get("properties"), Mapping):
        bad("", N_("is not a GeoJSON Feature with properties"))
        return None, None, problems
    props = feature["properties"]
    when = read_update_time(props.get("fecha_actualizacion"), _reference(update.archived))
    if when is None:
        bad("fecha_actualizacion", N_("{value} is not a date and time (DD/MM/YYYY HH:MM HORAS)"),
            value=repr(props.get("fecha_actualizacion")))
        return None, None, problems
    cause = _fold_upper(props.get("motivo"))
    state = next((v for k, v in STATES.items() if k in fold(str(props.get("estado") or ""))), None)
    if state is None:
        bad("estado", N_("{value} is neither TRANSITO INTERRUMPIDO nor TRANSITO RESTRINGIDO"),
            value=repr(props.get("estado")))
    parts = [p.strip() for p in _fold_upper(props.get("ubigeo")).split("/") if p.strip()]
    region = None
    if not 2 <= len(parts) <= 3:  # REGION/PROVINCE/DISTRICT; a doubled or missing slash is read through
        bad("ubigeo", N_("{value} is not REGION/PROVINCE/DISTRICT"), value=repr(props.get("ubigeo")))
    else:
        region = region_of(parts[0], scope)
        if region is None:
            bad("ubigeo", N_("region {value} is not one of the dataset's regions"), value=repr(parts[0]))
    lon, lat = _point(feature, props)
    if lon is None or lat is None:
        bad("geometry", N_("has no point (coordinates or latitud/longitud)"))
    elif not scope.contains(lon, lat):
        flipped = [(x, y) for x, y in ((-lon, lat), (lon, -lat)) if scope.contains(x, y)]
        if scope.area is not None and len(flipped) == 1:
            bad("geometry", N_("[{lon}, {lat}] lies outside the dataset's area; read as {read} (a lost minus sign; "
                               "the record is kept)"), lon=lon, lat=lat, read=list(flipped[0]))
            lon, lat = flipped[0]
        else:
            bad("geometry", N_("[{lon}, {lat}] lies outside the dataset's area"), lon=lon, lat=lat)
            lon = lat = None
    passengers, ok_p = _count(props.get("cant_vehiculos_detenidos_pasajeros"))
    freight, ok_f = _count(props.get("cant_vehiculos_detenidos_mercancias"))
    for name, ok in (("cant_vehiculos_detenidos_pasajeros", ok_p), ("cant_vehiculos_detenidos_mercancias", ok_f)):
        if not ok:
            bad(name, N_("{value} is not a number of vehicles (left out; the record is kept)"),
                value=repr(props.get(name)))
    if state is None or region is None or lon is None or lat is None:
        return None, when, problems
    road = " ".join(_fold_upper(props.get("codigo_via")).split())
    kms = read_km(props.get("afectacion"))
    start_text = props.get("fecha_evento")
    stated = read_feed_day(start_text, date.fromisoformat(when[:10]))
    if stated is None and start_text not in (None, ""):
        bad("fecha_evento", N_("{value} is not a date (kept without SUTRAN's start date)"), value=repr(start_text))
    if kms:
        where = "km " + "/".join(_km_text(k) for k in sorted(set(kms)))
    else:  # no kilometre given: the point itself (to about 100 m) identifies the site
        where = f"@{lon:.3f},{lat:.3f}"
    site = "|".join((cause, road, where, "/".join(parts)))
    record = Record(
        site=site, cause=cause, update=when, state=state, road=road,
        km=min(kms) if kms else None, km_to=max(kms) if len(set(kms)) > 1 else None,
        region=region, province=_title(parts[1]) if len(parts) == 3 else "", district=_title(parts[-1]), lon=lon, lat=lat,
        description=" ".join(str(props.get("evento") or "").split()),
        reporter=" ".join(str(props.get("fuente") or "").split()),
        passengers=passengers, freight=freight, stated_start=stated.isoformat() if stated else None,
        url=update.url, archived=update.archived)
    return record, when, problems


def region_of(name: str, scope: Scope = ANYWHERE) -> str | None:
    """The dataset's spelling of an ubigeo region (``APURIMAC`` -> ``Apurímac``); a misspelling one
    or two letters off (``AYAUCHO``, ``SA MARTIN``) is matched to the closest region, when only one is close."""
    if not scope.regions:
        return _title(name)
    exact = scope.region(name.title())
    if exact is not None:
        return exact
    scores = [(fuzz.ratio(fold(name), fold(r)), r) for r in scope.regions]
    close = [r for score, r in scores if score >= _REGION_SCORE]
    return close[0] if len(close) == 1 else None


def _point(feature: Mapping, props: Mapping) -> tuple[float | None, float | None]:
    geometry = feature.get("geometry")
    coords = geometry.get("coordinates") if isinstance(geometry, Mapping) else None
    if isinstance(coords, list) and len(coords) >= 2:
        lon, lat = _number(coords[0]), _number(coords[1])
        if lon is not None and lat is not None:
            return round(lon, 5), round(lat, 5)
    lon, lat = _number(props.get("longitud")), _number(props.get("latitud"))
    return (round(lon, 5), round(lat, 5)) if lon is not None and lat is not None else (None, None)


def _title(text: str) -> str:
    words = text.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w.capitalize() for i, w in enumerate(words))


def collect(paths: Iterable[str | Path], causes: Sequence[str] = DEFAULT_CAUSES, scope: Scope = ANYWHERE,
            first: str | None = None, last: str | None = None, feed_url: str = FEED_URL) -> Batch:
    """Read every update under ``paths`` and keep the records of ``causes`` whose update falls in
    ``first``..``last`` (days, inclusive; None: no limit). Bad lines and records are reported in
    :attr:`Batch.problems` with their file, line and record, and left out; the rest is read."""
    batch = Batch()
    for path in feed_paths(paths):
        for update in read_updates(path, batch.problems, feed_url):
            add_update(batch, update, causes, scope, first, last)
    return batch


def add_update(batch: Batch, update: Update, causes: Sequence[str] = DEFAULT_CAUSES, scope: Scope = ANYWHERE,
               first: str | None = None, last: str | None = None) -> None:
    """Add one update's records to ``batch`` (see :func:`collect`)."""
    wanted = {c.upper() for c in causes}
    batch.updates += 1
    for index, feature in enumerate(update.features):
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        cause = _fold_upper(props.get("motivo")) if isinstance(props, Mapping) else ""
        if isinstance(props, Mapping) and not cause:
            item = props.get("item")
            batch.problems.append(Problem(update.file, f"{update.where}: record #{index + 1}"
                                          + (f" (item {item})" if item not in (None, "") else ""), "motivo",
                                          N_("is empty: the cause decides whether the record is imported")))
        if isinstance(props, Mapping) and cause not in wanted:
            when = read_update_time(props.get("fecha_actualizacion"), _reference(update.archived))
            if when and (first is None or when[:10] >= first) and (last is None or when[:10] <= last):
                batch.days.add(when[:10])
            continue
        record, when, problems = read_record(feature, update, index, scope)
        batch.problems += problems
        if when is None or (first is not None and when[:10] < first) or (last is not None and when[:10] > last):
            continue
        batch.days.add(when[:10])
        batch.keys.add((update.file, when))
        if record is None:
            batch.skipped_records += 1
        else:
            batch.records.append(record)


# ---------------------------------------------------------------- records -> events

#: The event property that holds SUTRAN's record of a site over its run.
KEY = "sutran"


@dataclass
class Plan:
    """The changes an import makes: ``(existing id or None, new feature or None, reason)`` each.

    An id with a feature is an edit (the run grew, or a state or count changed); None with a
    feature is a new event; an id with None retracts an event merged into another.
    """

    changes: list[tuple[str | None, dict | None, str]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def added(self) -> int:
        """How many new events."""
        return sum(1 for eid, f, _ in self.changes if eid is None)

    @property
    def edited(self) -> int:
        """How many events changed."""
        return sum(1 for eid, f, _ in self.changes if eid is not None and f is not None)

    @property
    def retracted(self) -> int:
        """How many events merged into another."""
        return sum(1 for eid, f, _ in self.changes if f is None)


def _sutran(feature: Mapping) -> Mapping | None:
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    info = props.get(KEY) if isinstance(props, Mapping) else None
    return info if isinstance(info, Mapping) and isinstance(info.get("site"), str) else None


def _held_info(feature: Mapping) -> Mapping:
    """The SUTRAN block of an event held as one of SUTRAN's (one :func:`_sutran` recognised)."""
    info = _sutran(feature)
    if info is None:
        raise ValueError(f"event {feature.get('id')!r} holds no SUTRAN listing")
    return info


class _Where(TypedDict):
    """Where a SUTRAN site is: from its first record, or from the event already held."""

    road: str
    km: float | None
    km_to: float | None
    region: str
    province: str
    district: str


def _listed_days(feature: Mapping) -> set[str]:
    """The days an existing SUTRAN event says its site was listed (its days but the unobserved)."""
    props, info = feature["properties"], _held_info(feature)
    try:
        days = set(day_range(props["start"], props.get("end") or props["start"]))
    except (KeyError, ValueError):
        return set()
    return days - set(info.get("unobserved") or ())


def _runs(listed: Sequence[str], observed: Sequence[str]) -> list[tuple[str, str]]:
    """Split sorted listed days into runs: a run ends when a day with updates passes without the site."""
    runs: list[tuple[str, str]] = []
    for day in listed:
        if runs:
            prev = runs[-1][1]
            between = bisect.bisect_left(observed, day) - bisect.bisect_right(observed, prev)
            if between <= 0:
                runs[-1] = (runs[-1][0], day)
                continue
        runs.append((day, day))
    return runs


#: A kilometre post placed on a corridor is used only when SUTRAN's own point lies this close to it
#: (farther, the corridor's kilometres and SUTRAN's are not the same count).
MAX_KM_SHIFT_M = 15_000.0


def plan_events(batch: Batch, existing: Iterable[Mapping], reason: str = "",
                place_km: Callable[[str, float], tuple[float, float] | None] | None = None) -> Plan:
    """The events ``batch`` makes, merged with the SUTRAN events the data already holds.

    Parameters
    ----------
    batch : Batch
        Records read by :func:`collect` (or :func:`add_update`).
    existing : iterable of Feature
        The data's events; those with a ``sutran`` site are merged with, the rest left alone.
    reason : str
        The change log's reason for the changes.
    place_km : callable, optional
        ``place_km(road, km) -> (lon, lat) or None``: a kilometre post on a corridor (e.g.
        :func:`geo.network.kmposts.resolve_km_post` with the data's corridors). A site on a road the
        corridors reference is drawn at its kilometre there (so it cuts the corridor), when that
        lies within :data:`MAX_KM_SHIFT_M` of SUTRAN's point; SUTRAN's point stays in ``sutran.point``.

    Returns
    -------
    Plan
        Nothing when every run is already in the data as it would be written.
    """
    held: dict[str, list[Mapping]] = {}
    observed = set(batch.days)
    for feature in existing:
        info = _sutran(feature)
        if info is not None:
            held.setdefault(info["site"], []).append(feature)
            observed |= _listed_days(feature)
    days = sorted(observed)
    by_site: dict[str, list[Record]] = {}
    for record in batch.records:
        by_site.setdefault(record.site, []).append(record)
    # Sites whose held events have unobserved days that this batch observes may split too.
    touched = set(by_site) | {site for site, feats in held.items()
                              if any(set(_held_info(f).get("unobserved") or ()) & batch.days for f in feats)}
    plan = Plan()
    for site in sorted(touched):
        records, olds = by_site.get(site, []), held.get(site, [])
        listed = {r.day for r in records}
        for old in olds:
            listed |= _listed_days(old)
        used: set[str] = set()
        for start, end in _runs(sorted(listed), days):
            in_run = [r for r in records if start <= r.day <= end]
            overlapping = sorted((o for o in olds if o["properties"]["start"] <= end
                                  and (o["properties"].get("end") or o["properties"]["start"]) >= start),
                                 key=lambda o: (o["properties"]["start"], str(o.get("id"))))
            feature = _event(site, start, end, in_run, overlapping, days, place_km)
            keep = next((o for o in overlapping if o.get("id") not in used), None)
            if keep is None:
                plan.changes.append((None, feature, reason))
                continue
            used.add(keep["id"])
            current = {k: v for k, v in keep.items() if k != "id"}
            if _same(current, feature):
                plan.unchanged += 1
            else:
                plan.changes.append((keep["id"], feature, reason))
            for other in overlapping:
                if other.get("id") not in used and other is not keep:
                    used.add(other["id"])
                    plan.changes.append((other["id"], None, f"{reason}: one SUTRAN listing with {keep['id']} "
                                         "(merged into it)".lstrip(": ")))
    return plan


def _same(current: Mapping, feature: Mapping) -> bool:
    return json.dumps(current, sort_keys=True, ensure_ascii=False) == json.dumps(
        {k: v for k, v in feature.items() if k != "id"}, sort_keys=True, ensure_ascii=False)


def _listing(update: str, archived: str, url: str) -> dict:
    return {"update": update, "archived": archived, "url": url}


def _event(site: str, start: str, end: str, records: Sequence[Record], olds: Sequence[Mapping],
           observed: Sequence[str], place_km: Callable[[str, float], tuple[float, float] | None] | None = None) -> dict:
    """One run of one site as an event Feature (see the module docstring)."""
    infos = [_held_info(o) for o in olds]
    # Where: from the first listing (records and held events agree on the site's road, km and district).
    firsts = [(r.update, r.archived, r.url, [r.lon, r.lat]) for r in records]
    firsts += [(i["first"]["update"], i["first"].get("archived", ""), i["first"]["url"],
                i.get("point") or o["geometry"]["coordinates"]) for o, i in zip(olds, infos, strict=False)]
    first = min(firsts, key=lambda c: (c[0], c[1]))
    lasts = [(r.update, r.archived, r.url) for r in records]
    lasts += [(i["last"]["update"], i["last"].get("archived", ""), i["last"]["url"]) for i in infos]
    top = max(c[0] for c in lasts)
    last = min((c for c in lasts if c[0] == top), key=lambda c: c[1])
    points = {(r.update, r.state) for r in records}
    for info in infos:
        points |= {(s["since"], s["state"]) for s in info.get("states") or ()}
    states: list[dict] = []
    for since, state in sorted(points):
        if not states or states[-1]["state"] != state:
            states.append({"since": since, "state": state})
    said = [(r.update, r.description) for r in records] + [(i["last"]["update"], i.get("evento", "")) for i in infos]
    evento = max(said)[1]
    reporters = sorted({r.reporter for r in records if r.reporter}
                       | {x for i in infos for x in i.get("reporters") or ()})
    vehicles = {}
    for name in ("passengers", "freight"):
        counts = [getattr(r, name) for r in records if getattr(r, name) is not None]
        counts += [i["vehicles"][name] for i in infos if isinstance((i.get("vehicles") or {}).get(name), int)]
        if counts:
            vehicles[name] = max(counts)
    stated = min([r.stated_start for r in records if r.stated_start]
                 + [i["stated_start"] for i in infos if i.get("stated_start")], default=None)
    lo, hi = bisect.bisect_left(observed, start), bisect.bisect_right(observed, end)
    seen = set(observed[lo:hi])
    unobserved = [d for d in day_range(start, end) if d not in seen]
    if records:
        r = records[0]
        where = _Where(road=r.road, km=r.km, km_to=r.km_to, region=r.region, province=r.province, district=r.district)
    else:
        held, held_info = olds[0]["properties"], infos[0]
        where = _Where(road=held.get("road", ""), km=held.get("km"), km_to=held_info.get("km_to"), region=held["region"],
                       province=held_info.get("province", ""), district=held_info.get("district", ""))
    km_label = ""
    if where["km"] is not None:
        km_label = f"km {_km_text(where['km'])}" + (f"–{_km_text(where['km_to'])}" if where["km_to"] is not None else "")
    road_label = " ".join(x for x in (where["road"], km_label) if x)
    place = f"{where['district']} ({road_label})" if road_label else where["district"]
    kinds = {s["state"] for s in states}
    info = {"site": site, "cause": site.split("|", 1)[0],
            "first": _listing(first[0], first[1], first[2]), "last": _listing(last[0], last[1], last[2]),
            "states": states, "vehicles": vehicles, "evento": evento, "reporters": reporters,
            "province": where["province"], "district": where["district"]}
    if where["km_to"] is not None:
        info["km_to"] = where["km_to"]
    earlier = stated if stated and stated < start else None  # SUTRAN's date, where before the first listing
    if earlier:
        info["stated_start"] = earlier
    if unobserved:
        info["unobserved"] = unobserved
    point, precision = list(first[3]), 1
    placed = place_km(where["road"], where["km"]) if place_km and where["road"] and where["km"] is not None else None
    if placed is not None and distance_m(point[0], point[1], placed[0], placed[1]) <= MAX_KM_SHIFT_M:
        info["point"] = point
        point, precision = [round(placed[0], 5), round(placed[1], 5)], 2
    props: dict[str, Any] = {"kind": "blockade", "start": start, "place": place, "region": where["region"]}
    if end != start:   # the data's rule: end only when it differs from start
        props["end"] = end
    if where["road"]:
        props["road"] = where["road"]
    if where["km"] is not None:
        props["km"] = where["km"]
    sources = [{"name": PUBLISHER, "url": first[2], "published": first[0][:10]}]
    if last[2] != first[2]:
        sources.append({"name": PUBLISHER, "url": last[2], "published": last[0][:10]})
    props.update({"geo_precision": precision, "time_precision": 1, "status": "confirmed", "sources": sources,
                  "description": _describe("en", start, end, kinds, earlier, len(unobserved)),
                  "description_es": _describe("es", start, end, kinds, earlier, len(unobserved)),
                  KEY: info})
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": point}, "properties": props}


#: The sentences of an event's description, each in the languages the event carries one in, side by side
#: (data written into the event, not the app's catalogue: importing the same updates again changes nothing).
_WORDING: dict[str, dict[str, str]] = {
    "interrupted": {"en": "interrupted", "es": "interrumpido"},
    "restricted": {"en": "restricted", "es": "restringido"},
    "or": {"en": " or ", "es": " o "},
    "day": {"en": "on {start}", "es": "el {start}"},
    "days": {"en": "from {start} to {end}", "es": "del {start} al {end}"},
    "listed": {"en": "SUTRAN's road alerts listed traffic {what} here {span}.",
               "es": "Las alertas viales de SUTRAN registraron aquí tránsito {what} {span}."},
    "unobserved": {"en": " {n} day(s) in between have no archived update; the blockade is taken to have lasted "
                         "through them.",
                   "es": " {n} día(s) intermedios no tienen actualización archivada; se asume que el bloqueo "
                         "continuó."},
    "stated": {"en": " SUTRAN dates the event from {stated}; no update of those earlier days was archived, so the "
                     "map shows it from {start}.",
               "es": " SUTRAN fecha el evento desde el {stated}; no se archivó ninguna actualización de esos días, "
                     "por lo que el mapa lo muestra desde el {start}."},
}


def _describe(lang: str, start: str, end: str, kinds: set[str], stated: str | None, unobserved: int) -> str:
    """The description of a site's run of days in ``lang`` (``en`` or ``es``: see ``_WORDING``)."""
    def say(key: str, **values: object) -> str:
        return _WORDING[key][lang].format(**values)
    what = say("or").join(say(kind) for kind in sorted(kinds))
    text = say("listed", what=what, span=say("day" if start == end else "days", start=start, end=end))
    if unobserved:
        text += say("unobserved", n=unobserved)
    if stated:
        text += say("stated", stated=stated, start=start)
    return text
