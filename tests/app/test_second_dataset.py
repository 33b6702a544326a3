"""A second dataset, of another country, built here: the app and the command line take
everything about it (title, area, time zone, regions, places, featured day) from its own
files, and nothing about Peru appears."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from geo.cli.main import main
from tests.conftest import make_corridor, make_event, page_test, plain, write_folder

SOURCE = {"name": "Kenya National Commission on Human Rights", "url": "https://www.knchr.org/statement",
          "published": "2024-06-26"}
INFO = {"title": "Finance bill protests, Kenya, June 2024", "country": "KE", "timezone": "Africa/Nairobi",
        "bbox": [33.9, -4.7, 41.9, 5.0], "languages": ["en"], "featured_day": "2024-06-25",
        "licence": "CC0 1.0", "regions": ["Nairobi", "Mombasa", "Taita-Taveta", "Makueni", "Nakuru"]}
TOWNS = {"Nairobi": ("Nairobi", 36.81667, -1.28333), "Mombasa": ("Mombasa", 39.66359, -4.05466),
         "Voi": ("Taita-Taveta", 38.55609, -3.39605), "Mtito Andei": ("Makueni", 38.16470, -2.69030),
         "Nakuru": ("Nakuru", 36.06667, -0.28333)}


def _event(fid, kind, start, town, **props):
    region, lon, lat = TOWNS[town]
    return make_event(fid, kind, start, lon=lon, lat=lat, place=town, region=region,
                      sources=[dict(SOURCE)], **props)


@pytest.fixture
def kenya(tmp_path: Path, monkeypatch) -> Path:
    events = [_event("k-voi", "blockade", "2024-06-25", "Voi", end="2024-06-26", road="A109"),
              _event("k-nairobi", "clash", "2024-06-25", "Nairobi", fatalities=3, injured=20),
              _event("k-nakuru", "protest", "2024-06-24", "Nakuru"),
              _event("k-mombasa", "protest", "2024-06-27", "Mombasa")]
    corridor = make_corridor("mombasa-nairobi", "Mombasa–Nairobi",
                             [list(TOWNS[t][1:]) for t in ("Mombasa", "Voi", "Mtito Andei", "Nairobi")],
                             ["Mombasa", "Voi", "Mtito Andei", "Nairobi"], roads=("A109",))
    corridor["properties"]["sources"] = [dict(SOURCE)]
    counts = [{"date": "2024-06-25", "metric": "deaths_total", "value": "3", "reporter": "KNCHR",
               "source_url": SOURCE["url"]}]
    folder = write_folder(tmp_path / "kenya", events, [], [corridor], counts, info=INFO)
    (folder / "gazetteer").mkdir()
    with open(folder / "gazetteer" / "places.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["geonameid", "name", "asciiname", "alternatenames", "region", "admin1", "province",
                         "lat", "lon", "population"])
        for i, (name, (region, lon, lat)) in enumerate(TOWNS.items()):
            writer.writerow([100 + i, name, name.lower(), "", region, "", "", lat, lon, 1000 * (5 - i)])
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(folder))
    return folder


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_answers_from_the_datasets_own_files(kenya, capsys, tmp_path):
    code, out, _ = _run(capsys, "validate")
    assert code == 0 and "4 events" in out
    code, out, _ = _run(capsys, "day", "2024-06-25", "--json")
    doc = json.loads(out)
    assert code == 0 and sorted(e["id"] for e in doc["events"]) == ["k-nairobi", "k-voi"]
    assert doc["totals"]["fatalities"] == 3 and doc["reported"][0]["reporter"] == "KNCHR"
    code, out, _ = _run(capsys, "corridors", "--date", "2024-06-25", "--json")
    [corridor] = json.loads(out)
    assert corridor["status"] == "cut" and [b["event"] for b in corridor["blocked_by"]] == ["k-voi"]
    code, out, _ = _run(capsys, "route", "Mombasa", "Nairobi", "--date", "2024-06-25", "--json")
    assert json.loads(out)["passable"] is False
    code, out, _ = _run(capsys, "route", "Mombasa", "Nairobi", "--date", "2024-06-27", "--json")
    assert json.loads(out)["passable"] is True
    code, out, _ = _run(capsys, "geocode", "Nakru", "--json")  # the dataset's own gazetteer, misspelt
    assert code == 0 and json.loads(out)[0]["name"] == "Nakuru" and json.loads(out)[0]["region"] == "Nakuru"
    html = tmp_path / "day.html"
    assert _run(capsys, "snapshot", "--date", "2024-06-25", "--out", html)[0] == 0
    text = html.read_text(encoding="utf-8")
    assert "Blockade Map — Finance bill protests, Kenya, June 2024" in text and "Data: CC0 1.0" in text
    csv_out = tmp_path / "week.csv"
    assert _run(capsys, "export", "--from", "2024-06-24", "--to", "2024-06-27", "--out", csv_out)[0] == 0
    sidecar = (tmp_path / "week.csv.txt").read_text(encoding="utf-8")
    assert "Africa/Nairobi" in sidecar and "CC0 1.0" in sidecar
    for output in (text, sidecar, csv_out.read_text(encoding="utf-8")):
        assert "Peru" not in output and "Lima" not in output


def test_a_point_outside_the_datasets_area_or_regions_is_refused(kenya, capsys):
    bad = make_event("k-lima", lon=-77.03, lat=-12.04, place="Lima", region="Lima", sources=[dict(SOURCE)])
    features = json.loads((kenya / "events.geojson").read_text())
    features["features"].append(bad)
    (kenya / "events.geojson").write_text(json.dumps(features))
    code, _, err = _run(capsys, "validate")
    assert code == 1
    assert "events.geojson: k-lima: geometry: [-77.03, -12.04] lies outside the dataset's area" in err
    assert "events.geojson: k-lima: region: 'Lima' is not one of the dataset's regions" in err


def test_the_app_opens_on_the_datasets_featured_day_and_names_it(kenya):
    at = page_test("map.py").run()
    assert not at.exception
    assert at.title[0].value == "Blockades and protests on 2024-06-25"
    captions = " ".join(plain(c.value) for c in at.caption)
    assert "Finance bill protests, Kenya, June 2024" in captions
    assert next(m.value for m in at.metric if m.label == "Events mapped") == "2"
    page_text = " ".join(plain(e.value) for e in (*at.markdown, *at.caption, *at.title) if isinstance(e.value, str))
    assert "Peru" not in page_text and "Lima" not in page_text
    corridors = page_test("corridors.py").run()
    assert not corridors.exception and "1 of 1 corridors cut" in plain(corridors.markdown[0].value)
    about = page_test("about.py").run()
    assert not about.exception
    assert "Finance bill protests, Kenya, June 2024" in " ".join(plain(m.value) for m in about.markdown)
