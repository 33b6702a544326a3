"""ACLED in and out (issue 21): the real files in ../shared/acled/ (read from there, never copied),
small files written here in the other layouts and date forms, and the round trip
`export --format acled` -> `import`."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.model import Scope
from geo.export.files import export_records
from geo.intake.acled import CURRENT_COLUMNS, acled_layout, acled_region, parse_acled_date, slash_order
from geo.intake.plan import plan_import
from geo.query.active import events_in_range
from geo.store import load_dataset
from geo.store.editor import Editor
from tests.conftest import BUNDLED

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "acled"
PERU_FILE = SHARED / "peru_2020_rpanlilio.csv"
CHILE_FILE = SHARED / "chile_2020_frcastrog_first4.csv"
needs_shared = pytest.mark.skipif(not PERU_FILE.is_file(), reason=f"the real ACLED files are not in {SHARED}")


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _peru(folder: Path, **extra) -> Path:
    """An empty dataset with the bundled dataset.json (Peru's regions and area)."""
    folder.mkdir(parents=True)
    info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
    info.pop("featured_day", None)
    info.update(extra)
    (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return folder


def _events(folder: Path) -> dict[str, dict]:
    return {f["id"]: f for f in Editor(folder).read().collection["features"]}


def _write(path: Path, rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


# ---------------------------------------------------------------- the real files

@needs_shared
def test_the_real_peru_file_imports_whole(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    code, out, err = _run(capsys, "import", PERU_FILE, "--data", data, "--who", "test")
    assert (code, out.strip(), err) == (0, "imported 57 events", "")
    events = _events(data)
    assert len(events) == 57
    props = [f["properties"] for f in events.values()]
    assert Counter(p["kind"] for p in props) == {"protest": 49, "clash": 7, "blockade": 1}
    # ACLED's admin1 'Lima Province' (9 rows) and 'Lima' (2 rows) are the dataset's Lima
    regions = Counter(p["region"] for p in props)
    assert regions["Lima"] == 11 and regions["Puno"] == 10 and regions["Junín"] == 3 and "Lima Province" not in regions
    assert sum(p.get("fatalities", 0) for p in props) == 17
    first = events["acled-PER1026"]
    assert first["geometry"]["coordinates"] == [-70.1333, -15.5]
    assert (first["properties"]["start"], first["properties"]["place"], first["properties"]["kind"]) == (
        "2020-05-07", "Juliaca", "protest")  # '7-May-20' as Excel wrote it
    assert first["properties"]["sources"] == [{
        "name": "ACLED", "published": "2020-05-12", "event_id_cnty": "PER1026", "timestamp": 1589241873,
        "publishers": ["La Republica (Peru)"], "actors": ["Protesters (Peru)", "Labour Group (Peru)"],
        "event_type": "Protests", "sub_event_type": "Peaceful protest"}]
    assert _run(capsys, "validate", "--data", data)[0] == 0
    code, out, _ = _run(capsys, "verify-log", "--data", data)
    assert code == 0 and out.startswith("ok: 57 logged changes replay")
    # the same file again adds nothing
    code, out, _ = _run(capsys, "import", PERU_FILE, "--data", data, "--who", "test")
    assert code == 0 and "imported 0 events: 57 rows are already in the data" in out


@needs_shared
def test_the_real_peru_file_kinds_follow_acled_sub_event_types():
    plan = plan_import(PERU_FILE.read_bytes(), PERU_FILE.name, {"features": []}, scope=_scope())
    assert plan.flavor == "acled" and not plan.problems
    pairs = Counter((f.feature["properties"]["sources"][0]["sub_event_type"], f.feature["properties"]["kind"])
                    for f in plan.items)
    assert pairs == {("Peaceful protest", "protest"): 41, ("Peaceful protest", "blockade"): 1,
                     ("Protest with intervention", "protest"): 4, ("Violent demonstration", "clash"): 7,
                     ("Mob violence", "protest"): 4}  # mob violence without deaths; clash only with them
    [blockade] = [f.feature for f in plan.items if f.feature["properties"]["kind"] == "blockade"]
    assert "block" in blockade["properties"]["description"].lower()


@needs_shared
def test_the_real_chile_file_in_a_new_chilean_dataset(tmp_path, capsys):
    data = tmp_path / "cl"
    code, _, _ = _run(capsys, "init-data", data, "--empty", "--title", "Chile 2020", "--country", "CL",
                      "--timezone", "America/Santiago", "--bbox=-76,-56,-66,-17")
    assert code == 0
    code, out, err = _run(capsys, "import", CHILE_FILE, "--data", data, "--who", "test")
    assert (code, out.strip(), err) == (0, "imported 4 events", "")
    events = _events(data)
    got = {fid: (f["properties"]["start"], f["properties"]["kind"], f["properties"]["region"],
                 f["properties"]["time_precision"]) for fid, f in events.items()}
    assert got == {"acled-CHI3569": ("2020-03-31", "protest", "Valparaiso", 1),   # '31 March 2020'
                   "acled-CHI3570": ("2020-03-31", "clash", "Biobio", 2),         # Violent demonstration
                   "acled-CHI3563": ("2020-03-30", "protest", "Araucania", 1),
                   "acled-CHI3565": ("2020-03-30", "protest", "Metropolitana", 2)}
    assert events["acled-CHI3569"]["properties"]["sources"][0]["actors"] == [
        "Protesters (Chile)", "Labour Group (Chile)", "Health Workers (Chile)"]


@needs_shared
def test_the_real_chile_file_in_peru_names_every_bad_row(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    code, out, err = _run(capsys, "import", CHILE_FILE, "--data", data)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert ("chile_2020_frcastrog_first4.csv: row 2 (acled-CHI3569): admin1: 'Valparaiso' / 'San Antonio' is not "
            "one of the dataset's regions (add the name to region_aliases in dataset.json)") in lines
    assert ("chile_2020_frcastrog_first4.csv: row 3 (acled-CHI3570): latitude/longitude: [-73.1168, -36.7249] "
            "lies outside the dataset's area") in lines
    assert lines[-1] == ("chile_2020_frcastrog_first4.csv: 4 of 4 rows are bad (rows counted as in a spreadsheet: "
                         "the header is row 1): nothing imported")
    assert sorted(p.name for p in data.iterdir()) == ["dataset.json"]


# ---------------------------------------------------------------- other layouts, written here

PRE_2019 = [
    ["GWNO", "EVENT_ID_CNTY", "EVENT_ID_NO_CNTY", "EVENT_DATE", "YEAR", "TIME_PRECISION", "EVENT_TYPE", "ACTOR1",
     "ALLY_ACTOR_1", "INTER1", "ACTOR2", "ALLY_ACTOR_2", "INTER2", "INTERACTION", "COUNTRY", "ADMIN1", "ADMIN2",
     "ADMIN3", "LOCATION", "LATITUDE", "LONGITUDE", "GEO_PRECISION", "SOURCE", "NOTES", "FATALITIES"],
    ["135", "PER1", "1", "15/01/2016", "2016", "1", "Riots/Protests", "Protesters (Peru)", "Farmers (Peru)", "6", "",
     "", "0", "60", "Peru", "Puno", "Puno", "", "Juliaca", "-15.5", "-70.1333", "1", "La Republica",
     "Farmers blocked the highway to Puno.", "0"],
    ["135", "PER2", "2", "13/02/2016", "2016", "1", "Riots/Protests", "Rioters (Peru)", "", "5",
     "Police Forces of Peru (2011-2016)", "", "1", "15", "Peru", "Apurimac", "Cotabambas", "", "Challhuahuacho",
     "-14.1167", "-72.2500", "2", "RPP", "Clashes at the mine; 2 killed.", "2"],
    ["135", "PER3", "3", "02/03/2016", "2016", "2", "Battle-No change of territory", "Military Forces of Peru", "",
     "1", "Shining Path", "", "2", "12", "Peru", "Junin", "Satipo", "", "Mazamari", "-11.3258", "-74.5308", "2",
     "Andina", "", "3"],
    ["135", "PER4", "4", "42430", "2016", "1", "Strategic development", "Police Forces of Peru (2011-2016)", "",
     "1", "", "", "0", "10", "Peru", "Cusco", "Cusco", "", "Cusco", "-13.5319", "-71.9675", "1", "Andina",
     "Police arrested 12 protest leaders.", "0"],
]


def test_the_pre_2019_layout(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    upload = _write(tmp_path / "acled_2016.csv", PRE_2019)
    assert acled_layout(PRE_2019[0]) == "pre-2019"
    code, out, err = _run(capsys, "import", upload, "--data", data, "--who", "test")
    assert (code, out.strip(), err) == (0, "imported 4 events", "")
    got = {fid: (p["properties"]["start"], p["properties"]["kind"], p["properties"]["region"],
                 p["properties"].get("fatalities", 0)) for fid, p in _events(data).items()}
    assert got == {"acled-PER1": ("2016-01-15", "blockade", "Puno", 0),     # Riots/Protests, road blocked
                   "acled-PER2": ("2016-02-13", "clash", "Apurímac", 2),    # Riots/Protests with deaths
                   "acled-PER3": ("2016-03-02", "clash", "Junín", 3),       # Battle-No change of territory
                   "acled-PER4": ("2016-03-01", "detention", "Cusco", 0)}   # Excel serial 42430; arrests
    cited = _events(data)["acled-PER2"]["properties"]["sources"][0]
    assert cited["actors"] == ["Rioters (Peru)", "Police Forces of Peru (2011-2016)"] and "timestamp" not in cited
    assert cited["published"] == "2016-02-13"  # no timestamp column: the event's day


CURRENT = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]


def _current(event_id, day, actor, assoc, admin1, fatalities="0", source="Infobae", sub="Peaceful protest",
             event_type="Protests", location="Ilave", lat="-16.0833", lon="-69.6333", tags="crowd size=no report"):
    return [event_id, day, "2024", "1", "Demonstrations", event_type, sub, actor, assoc, "Protesters", "", "", "",
            "Protesters only", "", "604", "South America", "Peru", admin1, "El Collao", "Ilave", location, lat, lon,
            "1", source, "National", "Protesters blocked the Ilave bridge.", fatalities, tags, "1716912345"]


def test_the_current_layout_one_row_per_actor_is_one_event(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    rows = [CURRENT,
            _current("PER9001", "28 May 2024", "Protesters (Peru)", "Farmers (Peru)", "Puno"),
            _current("PER9001", "28 May 2024", "Police Forces of Peru (2023-)", "", "Puno", fatalities="1",
                     source="La Republica"),
            _current("PER9002", "2024-05-29", "Rioters (Peru)", "", "Lima Province", sub="Violent demonstration",
                     event_type="Riots", location="Lima", lat="-12.0464", lon="-77.0428"),
            _current("PER9001", "29 May 2024", "Students (Peru)", "", "Puno"),        # same id, another day
            _current("PER9003", "30 Feb 2024", "Protesters (Peru)", "", "Puno")]      # no such day
    upload = _write(tmp_path / "acled_2024.csv", rows)
    assert acled_layout(CURRENT) == "current"
    code, out, err = _run(capsys, "import", upload, "--data", data, "--who", "test")
    assert code == 1
    assert err.splitlines() == [
        "acled_2024.csv: row 5 (acled-PER9001): event_id_cnty: repeats event PER9001 with another event_date "
        "('29 May 2024', not '28 May 2024')",
        "acled_2024.csv: row 6 (acled-PER9003): event_date: '30 Feb 2024' is not a date (2020-05-09, 9 May 2020, "
        "9-May-20, an Excel day number or 09/05/2020)"]
    assert out.strip() == ("imported 2 events; 2 of 5 rows are bad (rows counted as in a spreadsheet: the header is "
                           "row 1): left out (listed above; --all-or-nothing imports none of the file when any is bad)")
    events = _events(data)
    assert sorted(events) == ["acled-PER9001", "acled-PER9002"]
    merged = events["acled-PER9001"]["properties"]
    assert (merged["kind"], merged["start"], merged["fatalities"]) == ("blockade", "2024-05-28", 1)
    assert merged["sources"] == [{
        "name": "ACLED", "published": "2024-05-28", "event_id_cnty": "PER9001", "timestamp": 1716912345,
        "publishers": ["Infobae", "La Republica"],
        "actors": ["Protesters (Peru)", "Farmers (Peru)", "Police Forces of Peru (2023-)"],
        "event_type": "Protests", "sub_event_type": "Peaceful protest", "tags": "crowd size=no report"}]
    assert events["acled-PER9002"]["properties"]["region"] == "Lima"


def test_all_or_nothing_keeps_the_old_behaviour(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    rows = [CURRENT, _current("PER9001", "28 May 2024", "Protesters (Peru)", "", "Puno"),
            _current("PER9002", "28 May 2024", "Protesters (Peru)", "", "Narnia")]
    upload = _write(tmp_path / "acled.csv", rows)
    code, out, err = _run(capsys, "import", upload, "--data", data, "--all-or-nothing")
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == ("acled.csv: 1 of 2 rows are bad (rows counted as in a spreadsheet: the header is "
                                    "row 1): nothing imported")
    assert "acled.csv: row 3 (acled-PER9002): admin1: 'Narnia' / 'El Collao' is not one of the dataset's regions" \
        in err
    assert sorted(p.name for p in data.iterdir()) == ["dataset.json"]


@pytest.mark.parametrize("text, order, day", [
    ("2020-05-09", "dmy", "2020-05-09"), ("2020-05-09 00:00:00", "dmy", "2020-05-09"),
    ("9 May 2020", "dmy", "2020-05-09"), ("31 March 2020", "dmy", "2020-03-31"),
    ("9-May-20", "dmy", "2020-05-09"), ("15-Jan-97", "dmy", "1997-01-15"), ("09-Sept-2020", "dmy", "2020-09-09"),
    ("43960", "dmy", "2020-05-09"), ("43960.0", "dmy", "2020-05-09"),
    ("09/05/2020", "dmy", "2020-05-09"), ("05/09/2020", "mdy", "2020-05-09"), ("9.5.2020", "dmy", "2020-05-09"),
    ("31 February 2020", "dmy", None), ("2020-13-01", "dmy", None), ("2020", "dmy", None), ("yesterday", "dmy", None),
    ("9 Mayo 2020", "dmy", None), ("", "dmy", None),
])
def test_acled_date_forms(text, order, day):
    assert parse_acled_date(text, order) == day


def test_slashed_dates_take_the_files_order(tmp_path):
    assert slash_order(["01/02/2020", "13/02/2020"]) == "dmy"
    assert slash_order(["01/02/2020", "02/13/2020"]) == "mdy"
    assert slash_order(["01/02/2020", "2020-02-13"]) == "dmy"  # nothing tells: day first, as ACLED writes
    rows = [CURRENT, _current("PER1", "05/31/2024", "Protesters (Peru)", "", "Puno"),
            _current("PER2", "06/01/2024", "Protesters (Peru)", "", "Puno")]
    plan = plan_import(_write(tmp_path / "us.csv", rows).read_bytes(), "us.csv", {"features": []}, scope=_scope())
    assert [i.feature["properties"]["start"] for i in plan.items] == ["2024-05-31", "2024-06-01"]


def _scope() -> Scope:
    from geo.core.dataset import parse_info
    info, _ = parse_info(json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8")))
    return info.scope()


def test_admin_names_reach_the_datasets_regions():
    peru = Scope(("Lima", "Callao", "Cusco", "San Martín"), {"Provincia Constitucional del Callao": "Callao"})
    assert acled_region("Lima Province", "Lima", peru) == "Lima"
    assert acled_region("Region Lima", "Huaral", peru) == "Lima"
    assert acled_region("Provincia Constitucional del Callao", "Callao", peru) == "Callao"  # an alias of dataset.json
    assert acled_region("SAN MARTIN", "", peru) == "San Martín"
    assert acled_region("Nowhere", "Cusco", peru) == "Cusco"  # admin2 when admin1 is none of the regions
    assert acled_region("Nowhere", "Elsewhere", peru) is None
    assert acled_region("Valparaiso", "", Scope()) == "Valparaiso"  # a dataset without a regions list


# ---------------------------------------------------------------- out, and back in

def _records(folder) -> dict[str, dict]:
    ds = load_dataset(folder)
    return {r["id"]: r for r in export_records(events_in_range(ds, ds.first_day, ds.last_day, (), ()))}


def test_export_acled_writes_acleds_current_columns_and_types(tmp_path, capsys):
    out = tmp_path / "peru.csv"
    code, text, _ = _run(capsys, "export", "--format", "acled", "--out", out)
    assert code == 0 and text.startswith(f"wrote {out} (909 events, acled)")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    with out.open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == CURRENT_COLUMNS and len(CURRENT_COLUMNS) == 31
    assert len(rows) == 909
    assert all(r["event_date"][:4] == r["year"] and parse_acled_date(r["event_date"]) == r["event_date"] for r in rows)
    for column in ("year", "time_precision", "geo_precision", "fatalities", "timestamp", "iso"):
        assert all(r[column].isdigit() for r in rows), column
    assert {r["country"] for r in rows} == {"Peru"} and {r["iso"] for r in rows} == {"604"}
    assert {r["event_type"] for r in rows} <= {"Protests", "Riots", "Strategic developments"}
    blockade = next(r for r in rows if r["event_id_cnty"] == "2022-12-08-ica-el-alamo-blockade")
    assert (blockade["location"], blockade["admin1"], blockade["sub_event_type"]) == (
        "Panamericana Sur km 299, El Álamo", "Ica", "Peaceful protest")
    assert "end=2022-12-09" in blockade["tags"] and "road=PE-1S" in blockade["tags"] and "km=299" in blockade["tags"]
    assert "status=confirmed" in blockade["tags"] and "kind=blockade" in blockade["tags"]
    assert float(blockade["latitude"]) == -14.07538 and float(blockade["longitude"]) == -75.73422
    assert (tmp_path / "peru.csv.txt").read_text(encoding="utf-8").count("ACLED's current columns") == 1


def test_export_acled_imports_back_to_the_same_events(tmp_path, capsys):
    out = tmp_path / "peru.csv"
    assert _run(capsys, "export", "--format", "acled", "--out", out)[0] == 0
    copy = _peru(tmp_path / "copy")
    code, text, err = _run(capsys, "import", out, "--data", copy, "--who", "test")
    assert (code, text.strip(), err) == (0, "imported 909 events", "")
    assert _records(copy) == _records(BUNDLED)
    again = tmp_path / "again.csv"
    assert _run(capsys, "export", "--format", "acled", "--out", again, "--data", copy)[0] == 0
    assert again.read_bytes() == out.read_bytes()


@needs_shared
def test_an_imported_acled_file_exports_as_it_came_in(tmp_path, capsys):
    data = _peru(tmp_path / "pe")
    assert _run(capsys, "import", PERU_FILE, "--data", data, "--who", "test")[0] == 0
    out = tmp_path / "out.csv"
    assert _run(capsys, "export", "--format", "acled", "--out", out, "--data", data)[0] == 0
    original = {r["event_id_cnty"]: r for r in csv.DictReader(PERU_FILE.open(encoding="utf-8"))}
    exported = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(exported) == 57
    for row in exported:
        source = original[row["event_id_cnty"]]
        assert (row["event_type"], row["sub_event_type"], row["location"], row["notes"], row["fatalities"],
                row["timestamp"], row["source"]) == (
            source["event_type"], source["sub_event_type"], source["location"], source["notes"], source["fatalities"],
            source["timestamp"], source["source"])
        assert parse_acled_date(source["event_date"]) == row["event_date"]
        assert "id=" not in row["tags"] and "sources=" not in row["tags"]  # nothing ACLED lacks
    copy = _peru(tmp_path / "copy")
    assert _run(capsys, "import", out, "--data", copy, "--who", "test")[0] == 0
    assert _records(copy) == _records(data)


def test_tags_from_a_file_are_checked_like_any_field(tmp_path):
    bad_actors = 'actors=[{"x": 1}]'
    bad_sources = 'sources=[{"name": "x", "url": "javascript:alert(1)", "published": "2024-05-28"}]'
    rows = [CURRENT, _current("PER1", "28 May 2024", "Protesters (Peru)", "", "Puno", tags=bad_actors),
            _current("PER2", "28 May 2024", "Protesters (Peru)", "", "Puno", tags=bad_sources),
            _current("PER3", "28 May 2024", "Protesters (Peru)", "", "Puno", tags="sources=not json"),
            _current("PER4", "28 May 2024", "Protesters (Peru)", "", "Puno", tags="kind=riot; end=2024-05-27")]
    plan = plan_import(_write(tmp_path / "t.csv", rows).read_bytes(), "t.csv", {"features": []}, scope=_scope())
    got = [(p.feature, p.field, p.message) for p in plan.problems]
    assert ("row 2 (acled-PER1)", "source_1_actors", "must be a list of actor names") in got
    assert ("row 3 (acled-PER2)", "source", "'javascript:alert(1)' is not an http(s) URL") in got
    assert [p for p in got if p[0] == "row 4 (acled-PER3)"] == [("row 4 (acled-PER3)", "tags", "'not json' is not a JSON list")]
    # an unknown kind in tags falls back to ACLED's types; an end before the start is refused
    assert ("row 5 (acled-PER4)", "end", "2024-05-27 is before start 2024-05-28") in got
    assert plan.items[3].feature["properties"]["kind"] == "blockade"


def test_an_acled_citation_is_shown_without_a_link_and_escaped():
    from geo.export.files import source_label
    from geo.render.popups import popup_html
    cited = {"name": "ACLED", "published": "2020-05-12", "event_id_cnty": "PER1026",
             "publishers": ["La Republica (Peru)", "<script>x</script>"]}
    event = {"id": "acled-PER1026", "kind": "protest", "start": "2020-05-07", "end": "2020-05-07", "place": "Juliaca",
             "region": "Puno", "fatalities": 0, "injured": 0, "detained": 0, "geo_precision": 1, "time_precision": 1,
             "status": "reported", "sources": [cited], "description": "", "lon": -70.1333, "lat": -15.5}
    html = popup_html(event)
    assert "ACLED PER1026 (2020-05-12), La Republica (Peru); &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in html and 'href="#"' not in html
    assert source_label(cited) == "ACLED PER1026 (2020-05-12) via La Republica (Peru), <script>x</script>"
