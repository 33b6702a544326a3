"""Property-based tests (issue 10): any input either loads or is refused with a located
message, never a traceback; a refused write leaves every file byte-identical.

`make test` runs a few examples of each (the ``default`` profile); `make fuzz` runs many more
(``HYPOTHESIS_PROFILE=fuzz``). See tests/conftest.py for the profiles.
"""
from __future__ import annotations

import csv
import io
import json
import math
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli.main import main
from geo.core.model import KINDS, DataError
from geo.core.view import View, parse_view_params
from geo.intake.plan import plan_import
from geo.places.geocode import geocode
from geo.store import FolderStore
from tests.conftest import make_corridor, make_event, make_hotspot, write_folder

pytestmark = pytest.mark.fuzz
SLOW = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# ---------------------------------------------------------------- strategies

#: Text as an attacker or a careless editor writes it: control characters, markdown, huge.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(["", " ", "\x00", "Juli\x00aca", "[**x**](https://evil.example)", "=HYPERLINK(1)",
                     "-1", "9" * 400, "1e400", "NaN", "Infinity", "'=1+1", "\r\n", "Puno", "2023-01-09",
                     "2023-02-31", "https://example.org/a", "javascript:alert(1)", "x" * 5000]),
)
numbers = st.one_of(
    st.integers(), st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, 1, 2, 3, 100_000, 100_001, 6000, 6000.5, -0.0]),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, hostile_text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(hostile_text, children, max_size=4)),
    max_leaves=12,
)
EVENT_FIELDS = ("kind", "start", "end", "place", "region", "road", "km", "fatalities", "injured", "detained",
                "geo_precision", "time_precision", "status", "sources", "description")


@st.composite
def mutated_events(draw) -> dict:
    """A valid event with some fields replaced by anything (the deepest paths of validation)."""
    event = make_event(draw(st.one_of(st.none(), hostile_text, st.just("e-1"))), place="Juliaca")
    wheres = draw(st.lists(st.sampled_from(EVENT_FIELDS + ("geometry", "coordinates", "type", "properties", "source")),
                           max_size=3))
    # Field by field first, then the whole structure (so every path exists when it is changed).
    for where in sorted(wheres, key=lambda w: w in ("geometry", "type", "properties")):
        value = draw(json_values)
        if where in ("geometry", "type", "properties"):
            event[where] = value
        elif where == "coordinates":
            event["geometry"]["coordinates"] = value
        elif where == "source":
            sources = event["properties"]["sources"]
            if isinstance(sources, list) and sources and isinstance(sources[0], dict):
                sources[0][draw(st.sampled_from(["name", "url", "published"]))] = value
        else:
            event["properties"][where] = value
    return event


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


layer_texts = st.one_of(
    st.builds(lambda fs: _json_text({"type": "FeatureCollection", "features": fs}), st.lists(mutated_events(), max_size=3)),
    st.builds(_json_text, json_values),
    st.text(max_size=200),
    st.sampled_from(["[" * 100_000, "[" * 5000 + "]" * 5000, '{"type": "FeatureCollection", "features": [' + "1" * 5000 + "]}",
                     "\ufeff{}", ""]),
)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue()


EXPORT_HEADERS = [
    ["id", "kind", "start", "end", "place", "region", "lon", "lat", "geo_precision", "fatalities", "km",
     "source_1_name", "source_1_url", "source_1_published"],
    ["kind", "date", "place", "department", "lng", "latitude", "geo_precision", "publisher", "url", "published"],
    ["kind", "start", "place"],
]
ACLED_HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "location", "admin1", "latitude",
                "longitude", "fatalities", "source", "notes"]
GOOD_CELLS = {"kind": "blockade", "start": "2023-01-09", "date": "2023-01-09", "place": "Juli", "region": "Puno",
              "department": "Puno", "lon": "-69.45", "lng": "-69.45", "lat": "-16.2", "latitude": "-16.2",
              "geo_precision": "1", "source_1_name": "RPP", "publisher": "RPP", "source_1_url": "https://rpp.pe/a",
              "url": "https://rpp.pe/a", "source_1_published": "2023-01-09", "published": "2023-01-09",
              "event_date": "2023-01-09", "event_type": "Protests", "sub_event_type": "Peaceful protest",
              "location": "Juli", "admin1": "Puno", "longitude": "-69.45", "source": "https://rpp.pe/a"}


@st.composite
def csv_uploads(draw, acled: bool = False) -> str:
    header = ACLED_HEADER if acled else draw(st.sampled_from(EXPORT_HEADERS))
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        row = [GOOD_CELLS.get(col, "") for col in header]
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(header) - 1))] = draw(hostile_text)
        rows.append(row[:draw(st.integers(0, len(row)))] if draw(st.booleans()) else row)
    return csv_text(header, rows)


# ---------------------------------------------------------------- helpers

def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_located(problems) -> None:
    assert problems
    for p in problems:
        assert p.file and p.feature and p.message, p
        assert "Traceback" not in p.message and len(str(p)) < 2000


@pytest.fixture(scope="module")
def base_folder(tmp_path_factory) -> Path:
    events = [make_event("e-1", place="Juliaca"), make_event("e-2", "clash", place="Puno", lon=-70.02, lat=-15.84)]
    hotspots = [make_hotspot("h-1", "Puno", -70.02, -15.84, "2023-01-08")]
    corridors = [make_corridor("c-1", "Juliaca–Puno", [[-70.13, -15.5], [-70.02, -15.84]], ["Juliaca", "Puno"])]
    counts = [{"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": "SUTRAN",
               "source_url": "https://www.gob.pe/sutran"}]
    return write_folder(tmp_path_factory.mktemp("fuzz") / "data", events, hotspots, corridors, counts)


def _copy(base: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(base, target)
    return target


# ---------------------------------------------------------------- loaders

@SLOW
@given(layer=st.sampled_from(["events.geojson", "hotspots.geojson", "corridors.geojson", "dataset.json"]),
       text=layer_texts)
def test_any_geojson_layer_loads_or_is_refused_with_located_problems(base_folder, tmp_path, layer, text):
    folder = _copy(base_folder, tmp_path, "layer")
    (folder / layer).write_text(text, encoding="utf-8")
    try:
        dataset = FolderStore(folder).load()
    except DataError as exc:
        assert_located(exc.problems)
        assert all(p.file in (layer, "events.geojson") for p in exc.problems)
    else:
        assert len(dataset.events) <= 3


@SLOW
@given(rows=st.lists(st.lists(hostile_text, min_size=0, max_size=6), max_size=4),
       header=st.sampled_from([["date", "metric", "value", "reporter", "source_url"], ["date", "value"], []]))
def test_any_reported_counts_csv_loads_or_is_refused_with_located_problems(base_folder, tmp_path, rows, header):
    folder = _copy(base_folder, tmp_path, "counts")
    (folder / "reported_counts.csv").write_text(csv_text(header, rows), encoding="utf-8")
    try:
        dataset = FolderStore(folder).load()
    except DataError as exc:
        assert_located(exc.problems)
        assert {p.file for p in exc.problems} == {"reported_counts.csv"}
    else:
        assert (dataset.counts["value"] <= 100_000).all() and (dataset.counts["value"] >= 0).all()


# ---------------------------------------------------------------- import files

@settings(suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(csv_uploads(), csv_uploads(acled=True), layer_texts, st.binary(max_size=200).map(bytes)),
       name=st.sampled_from(["up.csv", "up.geojson", "up.json", "up.txt"]))
def test_any_upload_is_planned_without_raising(text, name):
    plan = plan_import(text, name, {"type": "FeatureCollection", "features": [make_event("e-1")]})
    if plan.problems:
        assert_located(plan.problems)
        assert all(p.file == name for p in plan.problems)
        summary = plan.failure_summary()
        if "of" in summary:
            bad, total = (int(x) for x in summary.split(" ")[0:3:2])
            assert bad <= total
    for feature in plan.features():
        props = feature["properties"]
        for count in ("fatalities", "injured", "detained"):
            assert 0 <= props.get(count, 0) <= 100_000 if plan.ok else True


@SLOW
@given(text=st.one_of(csv_uploads(), csv_uploads(acled=True), layer_texts),
       flags=st.sampled_from([[], ["--keep-duplicates"], ["--skip-duplicates"], ["--dry-run"]]))
def test_an_import_adds_valid_events_or_leaves_every_file_byte_identical(base_folder, tmp_path, text, flags):
    folder = _copy(base_folder, tmp_path, "import")
    upload = tmp_path / "upload.csv"
    upload.write_text(text, encoding="utf-8")
    before = _files(folder)
    status = main(["import", str(upload), "--data", str(folder), "--who", "fuzz", *flags])
    assert status in (0, 1)
    if status == 1 or "--dry-run" in flags:
        after = _files(folder)
        after.pop(".events.lock", None)
        assert after == before
    else:
        assert FolderStore(folder).validate() == []
        assert main(["verify-log", "--data", str(folder)]) == 0


# ---------------------------------------------------------------- the URL and geocoding

params = st.dictionaries(
    st.sampled_from(["date", "mode", "kinds", "regions", "other"]),
    st.one_of(hostile_text, st.lists(hostile_text, max_size=3), st.sampled_from(["2023-01-09", "cumulative",
                                                                             "blockade,clash", "Puno,cusco"])),
    max_size=5)


@settings()
@given(query=params)
def test_any_link_gives_a_valid_view_and_text_warnings(query):
    view, warnings = parse_view_params(query, date(2022, 12, 7), date(2023, 1, 31), date(2023, 1, 9),
                                       ("Puno", "Cusco", "Apurímac"))
    assert isinstance(view, View) and "2022-12-07" <= view.day <= "2023-01-31"
    assert set(view.kinds) <= set(KINDS) and set(view.regions) <= {"Puno", "Cusco", "Apurímac"}
    assert all(isinstance(w, str) and len(w) < 1500 for w in warnings)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(name=st.one_of(hostile_text, st.from_regex(r"PE-?\d{1,3}[A-Z]? km \d{1,500}", fullmatch=True)),
       region=st.one_of(st.none(), hostile_text))
def test_geocode_answers_or_refuses_with_one_line(name, region):
    try:
        candidates = geocode(name, region=region, limit=3)
    except ValueError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 400
    else:
        assert len(candidates) <= 3
        assert all(math.isfinite(c.lon) and math.isfinite(c.lat) for c in candidates)
