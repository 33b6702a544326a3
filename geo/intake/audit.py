"""A data audit against the facts the data was built from: what the contract's validation cannot see.

Validation (:mod:`geo.core.model`) checks each layer on its own. The audit reads the data folder beside
its reference folders (the facts tables and the seed reports, ``shared/facts`` and ``shared/seed``)
and the gazetteer, and flags:

- an event id that carries a date (``2023-01-09-...`` or ``2023-01-...``) other than its start;
- a source URL (of an event, hotspot, corridor or reported count) that no reference file holds;
- a count without a reporter: a reported count with no reporter named, or a figure (a reported
  count's ``value``, an event's ``fatalities``, ``injured`` or ``detained``) that the reference
  rows of its sources do not give, either as a number or as the sum of two or three of their
  numbers ("12 civilians and 4 police");
- a SUTRAN citation (the archived feed file at a commit) that no line of the archive in
  ``shared/sutran`` holds; an event cited to SUTRAN whose point is one of that feed version's
  records is placed by its source, and not measured against place names;
- an event more than :data:`MAX_DISTANCE_KM` from every place its ``place`` names (found in the
  gazetteer, in the event's region), from its road kilometre post, and (for ``geo_precision`` 3)
  from its region's capital. A spot the gazetteer places only approximately is explained by a
  row of ``gazetteer/sites.csv`` naming it; such a row is how an approximation is made visible.

Every finding is a :class:`~geo.core.model.Problem` (``file: feature-id: field: message``).
``blockade-map validate --strict`` runs it. Pure Python: no Streamlit here.

Examples
--------
>>> from geo.core.paths import BUNDLED_DATA
>>> problems = audit_folder(BUNDLED_DATA, [DEFAULT_REFERENCES])  # doctest: +SKIP
"""
from __future__ import annotations

import csv
import functools
import gzip
import itertools
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.core.dates import parse_date
from geo.core.frames import corridors_frame
from geo.core.geodesy import distance_m
from geo.core.model import COUNT_FIELDS, Problem
from geo.core.paths import PROJECT_ROOT
from geo.core.text import name_key
from geo.network.kmposts import resolve_km_post
from geo.places.gazetteer import Gazetteer, gazetteer_for
from geo.store.files import read_json_file
from geo.store.folder import read_counts_file
from geo.store.layout import CORRIDORS_FILE, COUNTS_FILE, EVENTS_FILE, HOTSPOTS_FILE, resolve_data_dir

__all__ = [
    "DEFAULT_REFERENCES",
    "MAX_DISTANCE_KM",
    "References",
    "audit_folder",
    "load_references",
]

#: The facts and seed folders beside the project (``../shared`` next to its root).
DEFAULT_REFERENCES = PROJECT_ROOT.parent / "shared"
#: How far an event may lie from the place it names before it needs an explanation.
MAX_DISTANCE_KM = 10.0

_URL = re.compile(r"https?://[^\s\"'<>()\[\]]+")
_ID_DATE = re.compile(r"^(\d{4}-\d{2})(?:-(\d{2}))?(?=-|$)")
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+")
_PLACE_SPLIT = re.compile(r"[,;:()/|→–—]|\s-\s|\s+y\s+|\s+and\s+")
_PLACEHOLDER_REPORTERS = {"", "-", "?", "n/a", "na", "none", "unknown", "desconocido", "national", "nacional"}
_MAX_WORDS = 5
#: Columns of a facts row whose numbers are not figures (dates, links, publishers).
_NOT_FIGURES = {"date", "source_url", "url", "published", "publisher"}


@dataclass
class References:
    """What the audit reads from the facts and seed folders.

    Attributes
    ----------
    urls : set of str
        Every URL the reference files hold.
    rows_by_url : dict
        For each URL in a table's ``source_url`` column, the text of the rows citing it (without
        their date, URL and publisher columns, whose numbers are not figures).
    free_text : str
        The text of the reports (``.txt``) and notes (``.md``): it backs the figures of a source
        whose URL is not a table row's (the seed bulletin).
    capitals : dict
        Region name -> its capitals' names, from a ``*regions*.csv`` with ``region`` and ``capital``.
    """

    urls: set[str] = field(default_factory=set)
    rows_by_url: dict[str, list[str]] = field(default_factory=dict)
    free_text: str = ""
    capitals: dict[str, set[str]] = field(default_factory=dict)
    #: SUTRAN's archived feed (a ``sutran/`` folder beside ``facts/``): the archive files holding it.
    sutran_archives: list[Path] = field(default_factory=list)
    #: For each cited archive URL (file at a commit): the points of its records (absolute lon, lat).
    sutran_points: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


_ARCHIVE_URL = re.compile(r"^https://github\.com/annaabsi/scraper-sutran/blob/([0-9a-f]{7,40})/(interrumpido|restringido)\.json$")
#: Two coordinates this close (degrees, about 1 m) are the same point written to fewer decimals.
_SAME_POINT_DEG = 1e-5
_COMMIT_FIELD = re.compile(r'"commit"\s*:\s*"([0-9a-f]{7,40})"')
_FILE_FIELD = re.compile(r'"file"\s*:\s*"([a-z]+\.json)"')


def load_sutran_points(refs: References, urls: Iterable[str]) -> None:
    """Read the archived feed lines that ``urls`` cite (only those: the archive is large) into
    :attr:`References.sutran_points`; a cited URL no archive line holds stays out (and is flagged)."""
    wanted = frozenset((m.group(1), f"{m.group(2)}.json") for m in (_ARCHIVE_URL.match(u) for u in urls) if m)
    for path in refs.sutran_archives:
        stat = path.stat()
        for url, points in _archive_points(str(path), stat.st_size, stat.st_mtime_ns, wanted).items():
            refs.sutran_points[url] = list(points)
            refs.urls.add(url)


@functools.lru_cache(maxsize=8)
def _archive_points(path: str, size: int, mtime_ns: int,
                    wanted: frozenset[tuple[str, str]]) -> dict[str, tuple[tuple[float, float], ...]]:
    """The points of the archive lines of ``wanted`` ``(commit, file)`` pairs, by their URL: read once
    per version of the file (``size``, ``mtime_ns``) and set of pairs, as audits of copies of one
    folder (the tests, a session of edits) cite the same lines."""
    found: dict[str, tuple[tuple[float, float], ...]] = {}
    commits = {commit for commit, _ in wanted}
    with gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8") as handle:
        for raw in handle:
            commit, file = _COMMIT_FIELD.search(raw), _FILE_FIELD.search(raw)
            if not commit or not file or commit.group(1) not in commits or (commit.group(1), file.group(1)) not in wanted:
                continue
            line = json.loads(raw)
            points = []
            for feature in line.get("features") or []:
                coords = (feature.get("geometry") or {}).get("coordinates") if isinstance(feature, Mapping) else None
                if isinstance(coords, list) and len(coords) >= 2:
                    try:
                        points.append((abs(float(coords[0])), abs(float(coords[1]))))
                    except (TypeError, ValueError):
                        continue
            found[f"https://github.com/annaabsi/scraper-sutran/blob/{commit.group(1)}/{file.group(1)}"] = tuple(points)
    return found


def _reference_dirs(folder: Path) -> list[Path]:
    subs = [folder / name for name in ("facts", "seed") if (folder / name).is_dir()]
    return subs or [folder]


def load_references(folders: Iterable[str | os.PathLike]) -> References:
    """Read the facts tables, notes and seed reports of ``folders``.

    A folder holding ``facts/`` or ``seed/`` (such as ``shared/``) stands for those sub-folders.

    Raises
    ------
    FileNotFoundError
        When a folder does not exist.
    """
    refs = References()
    free: list[str] = []
    for given in folders:
        folder = Path(given)
        if not folder.is_dir():
            raise FileNotFoundError(f"reference folder {folder} not found (give the facts/seed folder "
                                    "with --facts DIR)")
        for path in sorted(p for d in _reference_dirs(folder) for p in d.rglob("*") if p.is_file()):
            text = path.read_text(encoding="utf-8", errors="replace")
            refs.urls.update(u.rstrip(".,;") for u in _URL.findall(text))
            if path.suffix.lower() != ".csv":
                free.append(text)
                continue
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            for row in rows:
                url = (row.get("source_url") or row.get("url") or "").strip()
                if url:
                    refs.urls.add(url)
                    text = " | ".join(str(v) for k, v in row.items() if k not in _NOT_FIGURES)
                    refs.rows_by_url.setdefault(url, []).append(text)
                if row.get("region") and row.get("capital"):
                    refs.capitals.setdefault(row["region"], set()).add(row["capital"])
        sutran_dir = folder / "sutran"
        if sutran_dir.is_dir():
            refs.sutran_archives += sorted(p for p in sutran_dir.iterdir() if p.name.endswith((".jsonl", ".jsonl.gz")))
    refs.free_text = "\n".join(free)
    return refs


# ---------------------------------------------------------------- checks

def _problem(file: str, feature: str, field_: str, message: str) -> Problem:
    return Problem(file, feature, field_, message)


def _check_id(fid: str, props: Mapping) -> list[Problem]:
    m = _ID_DATE.match(fid)
    start = props.get("start")
    if not m or not isinstance(start, str) or parse_date(start) is None:
        return []
    month, day = m.group(1), m.group(2)
    if day is not None and f"{month}-{day}" != start:
        return [_problem(EVENTS_FILE, fid, "id", f"carries the date {month}-{day}, but the event starts {start}")]
    if day is None and not start.startswith(month):
        return [_problem(EVENTS_FILE, fid, "id", f"carries the month {month}, but the event starts {start}")]
    return []


def _check_urls(file: str, fid: str, sources: Any, refs: References) -> list[Problem]:
    out = []
    for i, src in enumerate(sources if isinstance(sources, list) else []):
        url = src.get("url") if isinstance(src, Mapping) else None
        if isinstance(url, str) and url not in refs.urls:
            out.append(_problem(file, fid, f"sources[{i}].url", f"{url} appears in no facts file or seed report"))
    return out


def _numbers(text: str) -> list[int]:
    out = []
    for token in _NUMBER.findall(text):
        out.append(int(re.sub(r"[.,]", "", token)))
    return out


def _backs(value: int, texts: Sequence[str]) -> bool:
    """True when one text gives ``value``, or the sum of two or three of its numbers."""
    if value == 1:  # a single death or arrest is reported by name more often than by number
        return True
    for text in texts:
        nums = [n for n in _numbers(text) if 0 < n <= value]
        if value in nums:
            return True
        if len(nums) > 60:
            nums = nums[:60]
        pool = set(nums)
        if any(value - a in pool and (value - a != a or nums.count(a) > 1) for a in nums):
            return True
        for a, b in itertools.combinations(nums, 2):
            if value - a - b in nums:
                return True
    return False


def _texts_for(urls: Iterable[str], refs: References) -> list[str]:
    texts: list[str] = []
    for url in urls:
        if url in refs.rows_by_url:
            texts.extend(refs.rows_by_url[url])
        elif url in refs.urls:  # a page the notes name (the seed bulletin): the reports' own text
            texts.append(refs.free_text)
    return texts


def _check_event_counts(fid: str, props: Mapping, refs: References) -> list[Problem]:
    urls = [s.get("url") for s in props.get("sources") or [] if isinstance(s, Mapping)]
    texts = _texts_for([u for u in urls if isinstance(u, str)], refs)
    out = []
    for name in COUNT_FIELDS:
        value = props.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0 and texts \
                and not _backs(value, texts):
            out.append(_problem(EVENTS_FILE, fid, name,
                                f"{value} is given by none of its sources' rows in the facts (no reporter)"))
    return out


def _check_count_row(n: int, row: Mapping, refs: References) -> list[Problem]:
    where = f"row {n}"
    reporter = (row.get("reporter") or "").strip()
    out = []
    if reporter.casefold() in _PLACEHOLDER_REPORTERS:
        out.append(_problem(COUNTS_FILE, where, "reporter", f"{reporter!r} names no reporter"))
    url = (row.get("source_url") or "").strip()
    if url and url not in refs.urls:
        out.append(_problem(COUNTS_FILE, where, "source_url", f"{url} appears in no facts file or seed report"))
        return out
    try:
        value = int(float(row.get("value", "")))
    except (TypeError, ValueError):
        return out
    if url in refs.sutran_points:   # a count of SUTRAN's archived feed: the archive is its source
        return out
    texts = _texts_for([url], refs)
    if texts and not _backs(value, texts):
        out.append(_problem(COUNTS_FILE, where, "value",
                            f"{value} ({row.get('metric')}, {row.get('date')}) is not given by the facts "
                            f"rows of {url}"))
    return out


def _named_places(place: str, region: str, gaz: Gazetteer) -> list[tuple[str, float, float]]:
    """The gazetteer places (in ``region``) whose names occur in ``place``: (name, lon, lat)."""
    want = name_key(region) if region else None
    found: dict[tuple[str, float, float], None] = {}
    phrases = [place] + [p for p in _PLACE_SPLIT.split(place) if p.strip()]
    for phrase in phrases:
        words = name_key(phrase).split()
        for p in gaz.matches(" ".join(words)) if len(words) > _MAX_WORDS else ():
            if want is None or name_key(p.region) == want:
                found[(p.name, p.lon, p.lat)] = None
        for size in range(min(_MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                key = " ".join(words[i:i + size])
                if len(key) < 3:
                    continue
                for p in gaz.matches(key):
                    if want is None or name_key(p.region) == want:
                        found[(p.name, p.lon, p.lat)] = None
    return list(found)


def _km_post_point(corridors: Any, road: str, km: float) -> tuple[float, float] | None:
    """Where the corridors place ``road`` km ``km`` (:func:`geo.network.kmposts.resolve_km_post`),
    or None when none can: then only the places the event names are checked."""
    try:
        _, lon, lat = resolve_km_post(corridors, road, km)
    except (ValueError, TypeError):
        return None
    return lon, lat


def _sutran_point(feature: Mapping, refs: References) -> bool:
    """True when the event's point (or the SUTRAN point it was moved from) is a record of the
    SUTRAN feed version its first source cites, or that its ``position_from`` names (a road
    kilometre placed at SUTRAN's point for it): the point is that record's own."""
    props = feature.get("properties") or {}
    sources = props.get("sources") or []
    url = props.get("position_from") or (sources[0].get("url") if sources and isinstance(sources[0], Mapping) else None)
    points = refs.sutran_points.get(url) if isinstance(url, str) else None
    info = props.get("sutran")
    coords = info.get("point") if isinstance(info, Mapping) and info.get("point") else (
        feature.get("geometry") or {}).get("coordinates")
    if not points or not isinstance(coords, list) or len(coords) < 2:
        return False
    lon, lat = abs(float(coords[0])), abs(float(coords[1]))
    return any(abs(lon - x) <= _SAME_POINT_DEG and abs(lat - y) <= _SAME_POINT_DEG for x, y in points)


def _check_distance(fid: str, feature: Mapping, gaz: Gazetteer, refs: References, corridors,
                    max_km: float) -> list[Problem]:
    props = feature.get("properties") or {}
    coords = (feature.get("geometry") or {}).get("coordinates")
    if _sutran_point(feature, refs):
        return []
    place, region = props.get("place"), props.get("region")
    if not isinstance(coords, list) or len(coords) < 2 or not isinstance(place, str):
        return []
    lon, lat = float(coords[0]), float(coords[1])
    targets = _named_places(place, region or "", gaz)
    road, km = props.get("road"), props.get("km")
    if (corridors is not None and len(corridors) and isinstance(road, str) and isinstance(km, (int, float))
            and not isinstance(km, bool)):
        post = _km_post_point(corridors, road, km)
        if post is not None:
            targets.append((f"{road} km {km:g}", *post))
    if props.get("geo_precision") == 3:
        for capital in refs.capitals.get(region or "", ()):
            for p in gaz.matches(capital):
                if name_key(p.region) == name_key(region or ""):
                    targets.append((f"{capital} (capital of {region})", p.lon, p.lat))
    if not targets:
        return [_problem(EVENTS_FILE, fid, "place",
                         f"{place!r} names no place the gazetteer knows in {region}, so its point cannot "
                         "be checked: add the spot to gazetteer/sites.csv with where its coordinate comes from")]
    dists = [(float(distance_m(lon, lat, tlon, tlat)) / 1000.0, name) for name, tlon, tlat in targets]
    best_km, best = min(dists)
    if best_km > max_km:
        return [_problem(EVENTS_FILE, fid, "geometry",
                         f"lies {best_km:.1f} km from {best}, the nearest place its place {place!r} names "
                         f"(more than {max_km:g} km); fix the point, or add the spot to gazetteer/sites.csv "
                         "saying where its coordinate comes from")]
    return []


def _gazetteer_for(folder: Path) -> Gazetteer:
    return gazetteer_for(folder)


def audit_folder(data_dir: str | os.PathLike | Any | None,
                 reference_dirs: Iterable[str | os.PathLike] = (DEFAULT_REFERENCES,),
                 gazetteer: Gazetteer | None = None,
                 max_distance_km: float = MAX_DISTANCE_KM) -> list[Problem]:
    """Audit a data folder against its facts and seed folders.

    Parameters
    ----------
    data_dir : path or Dataset, optional
        The data folder (a loaded :class:`~geo.store.Dataset` stands for its folder); defaults to
        ``$BLOCKADE_MAP_DATA`` or the bundled ``data/``. It should pass validation first.
    reference_dirs : iterable of paths
        Folders of facts tables and seed reports; a folder holding ``facts/`` and ``seed/`` (such
        as ``shared/``) stands for both.
    gazetteer : Gazetteer, optional
        Defaults to the folder's own ``gazetteer/`` when it has one, else the bundled one.
    max_distance_km : float
        How far an event may lie from the place it names.

    Returns
    -------
    list of Problem
        Empty when the data agrees with its references.

    Examples
    --------
    >>> [str(p) for p in audit_folder("data", ["../shared"])][:1]  # doctest: +SKIP
    ['events.geojson: 2023-01-24-iberia-blockade: id: carries the date 2023-01-24, but ...']
    """
    folder = Path(getattr(data_dir, "folder", None) or resolve_data_dir(data_dir))
    refs = load_references(reference_dirs)
    gaz = gazetteer or _gazetteer_for(folder)
    problems: list[Problem] = []
    layers: dict[str, list] = {}
    for file in (EVENTS_FILE, HOTSPOTS_FILE, CORRIDORS_FILE):
        path = folder / file
        doc, read_problems = read_json_file(path) if path.exists() else ({"features": []}, [])
        problems += read_problems
        layers[file] = doc.get("features", []) if isinstance(doc, Mapping) else []
    corridors = corridors_frame(layers[CORRIDORS_FILE]) if layers[CORRIDORS_FILE] else None
    if refs.sutran_archives:
        cited = {s.get("url") for f in layers[EVENTS_FILE] if isinstance(f, Mapping)
                 for s in (f.get("properties") or {}).get("sources") or []
                 if isinstance(s, Mapping) and isinstance(s.get("url"), str)}
        cited |= {(f.get("properties") or {}).get("position_from") for f in layers[EVENTS_FILE]
                  if isinstance(f, Mapping) and isinstance((f.get("properties") or {}).get("position_from"), str)}
        if (folder / COUNTS_FILE).exists():
            cited |= {row.get("source_url") for row in read_counts_file(folder / COUNTS_FILE)[0]}
        load_sutran_points(refs, {u for u in cited if isinstance(u, str)})
    for file, features in layers.items():
        for i, feature in enumerate(features):
            if not isinstance(feature, Mapping):
                continue
            fid = str(feature.get("id") or f"feature #{i + 1}")
            props = feature.get("properties") or {}
            problems += _check_urls(file, fid, props.get("sources"), refs)
            if file != EVENTS_FILE:
                continue
            problems += _check_id(fid, props)
            problems += _check_event_counts(fid, props, refs)
            problems += _check_distance(fid, feature, gaz, refs, corridors, max_distance_km)
    if (folder / COUNTS_FILE).exists():
        rows, _, read_problems = read_counts_file(folder / COUNTS_FILE)
        problems += read_problems
        for n, row in enumerate(rows, start=2):
            problems += _check_count_row(n, row, refs)
    return problems
