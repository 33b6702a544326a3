"""The data audit (geo.intake.audit, `blockade-map validate --strict`): each kind of problem planted in a copy
of the bundled data is found, located; the bundled data passes."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.paths import BUNDLED_DATA
from geo.intake.audit import audit_folder, load_references
from geo.network.kmposts import resolve_km_post
from geo.store import load_dataset

ROOT = Path(__file__).resolve().parents[3]
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if (p / "facts").is_dir()), None)
pytestmark = pytest.mark.skipif(SHARED is None, reason="shared/facts not present beside the repository")


@pytest.fixture(scope="module")
def bundled_problems() -> list:
    return audit_folder(BUNDLED_DATA, [SHARED])


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, target)
    return target


def _edit_events(folder: Path, fid: str, change) -> None:
    path = folder / "events.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    feature = next(f for f in doc["features"] if f["id"] == fid)
    change(feature)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _lines(folder: Path) -> list[str]:
    return [str(p) for p in audit_folder(folder, [SHARED])]


def test_bundled_data_passes_the_audit(bundled_problems: list) -> None:
    assert [str(p) for p in bundled_problems] == []


def test_validate_strict_on_bundled_data(capsys) -> None:
    assert main(["validate", "--strict", "--facts", str(SHARED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "909 events" in out and "(audited against the facts)" in out


def test_id_whose_date_disagrees_with_its_start(copy: Path) -> None:
    _edit_events(copy, "2023-01-17-la-pampa-blockade", lambda f: f["properties"].update(start="2023-01-18"))
    assert _lines(copy) == ["events.geojson: 2023-01-17-la-pampa-blockade: id: carries the date 2023-01-17, "
                            "but the event starts 2023-01-18"]


def test_source_url_not_in_the_facts(copy: Path) -> None:
    fake = "https://example.org/made-up-report"
    _edit_events(copy, "2023-01-09-juliaca-clash",
                 lambda f: f["properties"]["sources"][1].update(url=fake))
    assert f"events.geojson: 2023-01-09-juliaca-clash: sources[1].url: {fake} appears in no facts file " \
           "or seed report" in _lines(copy)


def test_count_without_a_reporter(copy: Path) -> None:
    path = copy / "reported_counts.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    n = next(i for i, r in enumerate(rows) if r["date"] == "2023-01-09" and r["reporter"] == "SUTRAN"
             and r["metric"] == "blockade_points")
    rows[n]["reporter"] = "unknown"
    m = next(i for i, r in enumerate(rows) if r["date"] == "2023-01-19" and r["value"] == "127")
    rows[m]["value"] = "128"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    lines = _lines(copy)
    assert f"reported_counts.csv: row {n + 2}: reporter: 'unknown' names no reporter" in lines
    assert any(line.startswith(f"reported_counts.csv: row {m + 2}: value: 128 (blockade_points, 2023-01-19) "
                               "is not given by the facts rows of") for line in lines)
    assert len(lines) == 2


def test_event_figure_no_source_gives(copy: Path) -> None:
    _edit_events(copy, "2023-01-18-macusani-clash", lambda f: f["properties"].update(fatalities=3))
    assert _lines(copy) == ["events.geojson: 2023-01-18-macusani-clash: fatalities: 3 is given by none of its "
                            "sources' rows in the facts (no reporter)"]


def test_a_sum_of_reported_parts_is_backed(copy: Path) -> None:
    # "12 civilians + 1 police injured" backs 13; "39 civilians + 7 + 1 police" backs 47 (see the bundled data)
    props = {f["id"]: f["properties"] for f in json.loads((copy / "events.geojson").read_text())["features"]}
    assert props["2023-01-19-cusco-airport-clash"]["injured"] == 13
    assert props["2023-01-11-cusco-airport-clash"]["injured"] == 43  # 37 civilians + 6 police
    assert _lines(copy) == []


def test_event_far_from_the_place_it_names(copy: Path) -> None:
    # Macusani moved to Juliaca's coordinate (about 160 km south)
    _edit_events(copy, "2023-01-18-macusani-clash",
                 lambda f: f["geometry"].update(coordinates=[-70.13333, -15.5]))
    lines = _lines(copy)
    assert len(lines) == 1
    assert lines[0].startswith("events.geojson: 2023-01-18-macusani-clash: geometry: lies 160.0 km")
    assert "km from Macusani, the nearest place its place 'Macusani (Carabaya)' names" in lines[0]


def test_a_sites_row_explains_an_approximate_point(copy: Path) -> None:
    # The same move, explained: a site named in the place, whose coordinate is Juliaca's and says why.
    _edit_events(copy, "2023-01-18-macusani-clash", lambda f: (
        f["geometry"].update(coordinates=[-70.13333, -15.5]),
        f["properties"].update(place="Macusani plaza (test site)")))
    sites = copy / "gazetteer" / "sites.csv"
    with sites.open("a", encoding="utf-8") as fh:
        fh.write('test-site,Macusani plaza (test site),,site,Puno,Carabaya,-15.50000,-70.13333,'
                 '"APPROXIMATE (test): placed at Juliaca on purpose",\n')
    assert _lines(copy) == []


def test_region_level_event_sits_at_the_capital(copy: Path) -> None:
    # geo_precision 3 in Tacna, moved to Moquegua: the capital (Tacna) is 110 km away
    _edit_events(copy, "2023-01-10-tomasire-toll-arson",
                 lambda f: f["geometry"].update(coordinates=[-70.93587, -17.19747]))
    lines = _lines(copy)
    assert len(lines) == 1 and "2023-01-10-tomasire-toll-arson: geometry: lies 1" in lines[0]
    assert "Tacna (capital of Tacna)" in lines[0]


def test_place_naming_nothing_is_flagged(copy: Path) -> None:
    _edit_events(copy, "2023-01-20-zepita-arson", lambda f: f["properties"].update(place="Somewhere unnamed"))
    assert _lines(copy) == ["events.geojson: 2023-01-20-zepita-arson: place: 'Somewhere unnamed' names no "
                            "place the gazetteer knows in Puno, so its point cannot be checked: add the spot "
                            "to gazetteer/sites.csv with where its coordinate comes from"]


def test_validate_strict_exits_1_with_located_lines(copy: Path, capsys) -> None:
    _edit_events(copy, "2023-01-17-la-pampa-blockade", lambda f: f["properties"].update(start="2023-01-18"))
    assert main(["validate", "--strict", "--data", str(copy), "--facts", str(SHARED)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("events.geojson: 2023-01-17-la-pampa-blockade: id: carries the date 2023-01-17, but the "
                      "event starts 2023-01-18")
    assert err[-1].startswith("1 problem(s) found by the audit of")
    # without --strict the contract alone passes
    assert main(["validate", "--data", str(copy)]) == 0


def test_validate_strict_without_facts_folder_is_a_clear_error(copy: Path, tmp_path: Path, capsys) -> None:
    assert main(["validate", "--strict", "--data", str(copy), "--facts", str(tmp_path / "none")]) == 1
    assert "reference folder" in capsys.readouterr().err


def test_references_read_both_tables_and_the_seed() -> None:
    refs = load_references([SHARED])
    assert "https://www.struggle-la-lucha.org/2023/01/10/peru-juliaca-massacre-death-toll-rises-to-17/" in refs.urls
    assert "Aymara" in refs.free_text and refs.capitals["Tacna"] == {"Tacna"}
    assert refs.capitals["Lima"] == {"Huacho", "Lima"}
    assert len(refs.rows_by_url) > 150


def test_km_posts_between_two_corridors_are_placed() -> None:
    corridors = load_dataset(BUNDLED_DATA).corridors
    cid, lon, lat = resolve_km_post(corridors, "PE-3S", 1319)  # Calapuja (km 1294) .. Chucuito (km 1380)
    assert cid == "cusco-juliaca+juliaca-desaguadero"
    assert -70.25 < lon < -69.8 and -15.9 < lat < -15.3
    with pytest.raises(ValueError, match="more than 20 km outside the referenced range"):
        resolve_km_post(corridors, "PE-3S", 900)
