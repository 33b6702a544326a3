"""AppTest wiring of the corridors and timeline pages, and the day-over-day list on the map page."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.cli.main import main
from geo.network.measure import vertex_km
from geo.store import load_dataset
from tests.conftest import ROOT, page_test, plain
from tests.corridor_fixture import DAYS


@pytest.fixture
def data_env(net_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(net_data))
    return net_data


def page(name: str, date: str | None = None) -> AppTest:
    at = page_test(name, default_timeout=60)
    if date:
        at.query_params["date"] = date
    return at.run()


def answer(at: AppTest) -> tuple[bool, str]:
    """(passable, sentence) shown by the route form (as the reader sees it: escapes removed)."""
    shown = [(True, plain(s.value)) for s in at.success] + [(False, plain(e.value)) for e in at.error]
    assert len(shown) == 1, shown
    return shown[0]


def table(at: AppTest, first_column: str):
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


def cli(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


# ---------------------------------------------------------------- corridors page

def test_corridors_page_shows_status_table_and_route(data_env):
    at = page("corridors.py", "2023-01-09")
    assert not at.exception
    assert at.title[0].value == "Road corridors on 2023-01-09"
    assert any(m.value == "**2 of 3 corridors cut** on 2023-01-09." for m in at.markdown)
    status = table(at, "Corridor")
    assert status["Corridor"].tolist() == ["Arequipa–Juliaca", "Ayaviri–Juliaca", "Juliaca–Puno–Chucuito"]
    assert status["Status"].tolist() == ["Cut", "Cut", "Open"]  # words, no emoji
    cuts = status["Cut at (km from the corridor's start, place)"].tolist()
    km = vertex_km(load_dataset(data_env).corridors.geometry[0])[1][1]
    assert cuts[0] == f"km {km:.1f} Santa Lucía" and cuts[1].endswith(" Calapuja") and cuts[2] == ""
    assert status["Days cut 2023-01-07 – 2023-01-09"].tolist() == [1, 2, 0]
    passable, sentence = answer(at)
    assert passable is False
    trip = round(vertex_km(load_dataset(data_env).corridors.geometry[0])[1][2] - km, 1)  # Juliaca back to Santa Lucía
    assert sentence == (f"Juliaca → Arequipa on 2023-01-09: NOT passable. Cut {trip:.1f} km after Juliaca, "
                        "at Santa Lucía, on Arequipa–Juliaca. 4 of 50 reported blockade points are mapped on this "
                        "day (Defensoría del Pueblo); only mapped blockades count.")
    route_cuts = table(at, "#")
    assert list(route_cuts.columns) == ["#", "km from Juliaca", "Place", "Last town passed", "km past that town",
                                        "Corridor", "km along the corridor"]
    assert route_cuts[["#", "Place", "Last town passed", "Corridor"]].values.tolist() == [
        [1, "Santa Lucía", "Santa Lucía", "Arequipa–Juliaca"]]
    assert route_cuts["km from Juliaca"].tolist() == [f"{trip:.1f}"]  # written as the sentence writes it
    assert route_cuts["km along the corridor"].tolist() == [f"{km:.1f}"]
    assert "b-santa-lucia" not in sentence and "b-santa-lucia" not in route_cuts.to_string()  # no ids


def test_route_form_asks_another_pair(data_env):
    at = page("corridors.py", "2023-01-10")
    assert sorted(at.selectbox(key="route_from").options) == [
        "Arequipa", "Ayaviri", "Calapuja", "Chucuito", "Juliaca", "Puno", "Santa Lucía"]
    at.selectbox(key="route_from").select("Ayaviri")
    at.selectbox(key="route_to").select("Puno")
    at.button[0].click().run()  # the form's submit button
    passable, sentence = answer(at)
    assert passable is True
    assert sentence.startswith("Ayaviri → Puno on 2023-01-10: passable via Ayaviri–Juliaca, then Juliaca–Puno–Chucuito (")
    # the day changes, the pair stays
    at.slider(key="view_day").set_value(dt.date(2023, 1, 9)).run()
    passable, sentence = answer(at)
    assert passable is False and sentence.startswith("Ayaviri → Puno on 2023-01-09: NOT passable. Cut ")
    assert "km after Ayaviri, at Calapuja, on Ayaviri–Juliaca." in sentence
    assert at.query_params["date"] in ("2023-01-09", ["2023-01-09"])


def test_corridors_and_timeline_pages_say_which_days_the_data_covers(data_env):
    for opened, title in ((lambda d: page("corridors.py", d), "Road corridors on 2023-01-10"),
                          (timeline, "Timeline, 2023-01-07 to 2023-01-10")):
        at = opened("2024-05-01")
        assert not at.exception
        assert [w.value for w in at.warning] == [
            "The data covers 2023\\-01\\-07 to 2023\\-01\\-10; 2024\\-05\\-01 is outside it, "
            "showing the nearest day\\."]
        assert at.title[0].value == title
        assert at.slider(key="view_day").value == dt.date(2023, 1, 10)
    at = timeline("2022-01-01")
    assert "2022\\-01\\-01 is outside it" in at.warning[0].value
    assert at.slider(key="view_day").value == dt.date(2023, 1, 7)


def test_corridors_page_all_open_and_without_corridors(data_env):
    at = page("corridors.py", "2023-01-07")
    assert any(m.value.startswith("**All 3 corridors open** on 2023-01-07") for m in at.markdown)
    assert answer(at)[0] is True
    (data_env / "corridors.geojson").unlink()
    at = page("corridors.py", "2023-01-07")
    assert not at.exception
    assert [i.value for i in at.info] == ["This data has no road corridors (corridors.geojson is missing or empty)."]


def _agreement(capsys, days: list[str], origin: str = "Juliaca", destination: str = "Arequipa") -> int:
    """Step the corridors page through ``days``; compare each answer with the command line."""
    at = page("corridors.py", days[0])
    if (origin, destination) != ("Juliaca", "Arequipa"):
        at.selectbox(key="route_from").select(origin)
        at.selectbox(key="route_to").select(destination)
        at.button[0].click().run()
    checked = 0
    for day in days:
        if at.slider(key="view_day").value.isoformat() != day:
            at.slider(key="view_day").set_value(dt.date.fromisoformat(day)).run()
        passable, sentence = answer(at)
        assert sentence == cli(capsys, "route", origin, destination, "--date", day).rstrip("\n")
        doc = json.loads(cli(capsys, "route", origin, destination, "--date", day, "--json"))
        assert doc["passable"] is passable
        shown = table(at, "#")[["Place", "km along the corridor"]].values.tolist() if doc["cuts"] else []
        assert shown == [[c["place"], f"{c['km']:.1f}"] for c in doc["cuts"]]  # the km as the sentence writes it
        if doc["cuts"]:
            assert table(at, "#")[f"km from {origin}"].tolist() == [f"{c['trip_km']:.1f}" for c in doc["cuts"]]
        checked += 1
    return checked


def test_page_and_cli_agree_every_day_on_fixture(data_env, capsys):
    assert _agreement(capsys, DAYS) == len(DAYS)
    assert _agreement(capsys, DAYS, "Ayaviri", "Arequipa") == len(DAYS)


def test_page_and_cli_agree_every_day_on_bundled_data(capsys, monkeypatch):
    bundled = ROOT / "data"
    if not (bundled / "corridors.geojson").exists():
        pytest.skip("the bundled data has not landed yet (data/corridors.geojson missing)")
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(bundled))
    ds = load_dataset(bundled)
    first = dt.date.fromisoformat(ds.first_day)
    last = dt.date.fromisoformat(ds.last_day)
    days = [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    assert _agreement(capsys, days) == len(days) >= 50


# ---------------------------------------------------------------- timeline page

def timeline(date: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.context["locale"] = "en-US"
    at.query_params["date"] = date
    at.switch_page("pages/timeline.py")
    return at.run()


def test_timeline_page(data_env):
    at = timeline("2023-01-09")
    assert not at.exception
    assert at.title[0].value == "Timeline, 2023-01-07 to 2023-01-10"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Blockades mapped": "4", "Dead (mapped) on this day": "17", "Dead (mapped) up to this day": "17"}
    # Short labels (issue 22: a label with the range was cut); the days counted are in their help.
    assert [m.help for m in at.metric][1:] == ["Deaths in the mapped events that started on 2023-01-09.",
                                               "Deaths in the mapped events that started from 2023-01-07 to 2023-01-09."]
    text = " ".join(m.value for m in at.markdown)
    assert r"45 \(SUTRAN\); 50 \(Defensoría del Pueblo\)" in text or \
        r"50 \(Defensoría del Pueblo\); 45 \(SUTRAN\)" in text
    assert r"Deaths reported in all: 40 \(Defensoría del Pueblo\)" in text
    regions = table(at, "region")
    assert regions["region"].tolist() == ["Puno", "Lima"] and regions["events"].tolist() == [6, 1]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    spec = json.loads(charts[0].proto.spec)
    assert spec["layer"][-1]["mark"]["type"] == "rule"  # the chosen day is marked
    # events by kind: every day on the axis, those with no event too
    kinds = json.loads(charts[2].proto.spec)
    assert kinds["layer"][0]["encoding"]["x"]["scale"]["domain"] == DAYS


def test_timeline_links_open_the_map_on_the_chosen_day(data_env):
    at = timeline("2023-01-08")
    # The map is the default page: its link is the app's root, the contract's address.
    links = {p.proto.page or "map": p.proto for p in at.get("page_link")}
    assert links["map"].label == "Open the map on 2023-01-08"
    assert links["map"].query_string == "date=2023-01-08&mode=day"
    assert links["corridors"].query_string == "date=2023-01-08&mode=day"
    at.slider(key="view_day").set_value(dt.date(2023, 1, 10)).run()
    links = {p.proto.page or "map": p.proto for p in at.get("page_link")}
    assert links["map"].query_string == "date=2023-01-10&mode=day"
    assert {m.label: m.value for m in at.metric}["Blockades mapped"] == "2"


def test_timeline_links_keep_the_kinds_and_regions_of_the_view(data_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.context["locale"] = "en-US"
    at.query_params.update({"date": "2023-01-09", "kinds": "blockade,clash", "regions": "puno"})
    at.switch_page("pages/timeline.py").run()
    links = {p.proto.page or "map": p.proto for p in at.get("page_link")}
    # the same parameters as the address bar's (View.to_params), the region in the data's spelling
    assert links["map"].query_string == "date=2023-01-09&mode=day&kinds=blockade%2Cclash&regions=Puno"
    assert links["corridors"].query_string == links["map"].query_string


def test_timeline_empty_day_says_so(data_env):
    at = timeline("2023-01-07")
    text = " ".join(m.value for m in at.markdown)
    assert "Blockade points reported nationwide: no national figure reported that day" in text


# ---------------------------------------------------------------- map page: day over day

def test_map_page_lists_new_continuing_lifted(data_env):
    at = page("map.py", "2023-01-10")
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "**Blockades since 2023-01-09**" in text
    assert "- **New** (1): Chucuito" in text
    assert r"- **Continuing** (1): Santa Lucía" in text
    assert "- **Lifted** (3): Cabanillas outskirts; Calapuja; Puno region" in text
    at = page("map.py", "2023-01-07")
    assert any(c.value == "No blockade mapped on either day." for c in at.caption)


def test_moving_between_pages_keeps_the_day(data_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.context["locale"] = "en-US"
    at.query_params["date"] = "2023-01-09"
    at.switch_page("pages/corridors.py").run()
    assert at.title[0].value == "Road corridors on 2023-01-09"
    at.slider(key="view_day").set_value(dt.date(2023, 1, 10)).run()
    at.switch_page("pages/map.py").run()
    assert at.title[0].value == "Blockades and protests on 2023-01-10"
    at.switch_page("pages/timeline.py").run()
    assert {m.label: m.value for m in at.metric}["Blockades mapped"] == "2"
