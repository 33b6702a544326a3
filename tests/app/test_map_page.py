"""AppTest wiring of every foundation page: the URL drives the view, widgets change it."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, page_test, plain


@pytest.fixture
def data_env(tiny_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tiny_data))
    return tiny_data


def _map_page(query: dict | None = None) -> AppTest:
    at = page_test("map.py", default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def _param(at: AppTest, key: str) -> str:
    value = at.query_params[key]
    return value[-1] if isinstance(value, list) else value


def _metric(at: AppTest, label: str):
    return next(m.value for m in at.metric if m.label == label)


def test_map_page_opens_the_day_in_the_url(data_env):
    at = _map_page({"date": "2023-01-09"})
    assert not at.exception
    assert at.title[0].value == "Blockades and protests on 2023-01-09"
    assert _metric(at, "Events mapped") == "3" and _metric(at, "Dead (mapped)") == "18"
    assert any("45 blockade points reported nationwide (SUTRAN); 2 mapped" in plain(m.value) for m in at.markdown)
    table = at.dataframe[0].value
    assert sorted(table["Place"]) == ["Chucuito", "Ilave", "Juliaca"]
    assert table.set_index("Place").loc["Juliaca", "Reported by"] == "Defensoría del Pueblo (2023-01-10)"
    assert _param(at, "date") == "2023-01-09" and _param(at, "mode") == "day"


def test_next_button_moves_the_day_and_the_url(data_env):
    at = _map_page({"date": "2023-01-09"})
    at.button(key="next_day").click().run()
    assert at.title[0].value == "Blockades and protests on 2023-01-10"
    assert _metric(at, "Events mapped") == "1"
    assert _param(at, "date") == "2023-01-10"
    at.button(key="prev_day").click().run()
    at.button(key="prev_day").click().run()
    assert _param(at, "date") == "2023-01-08"


def test_kinds_and_mode_from_url(data_env):
    at = _map_page({"date": "2023-01-09", "mode": "cumulative", "kinds": "blockade,detention"})
    assert at.title[0].value == "Everything up to 2023-01-09"
    assert _metric(at, "Events mapped up to this day") == "3"  # Chucuito, Ilave, Lima detentions
    assert sorted(at.dataframe[0].value["Place"]) == ["Chucuito", "Ilave", "Lima"]
    # the day's national count sits beside that day's mapped events, not beside the running total
    assert any("Reported nationwide on 2023\\-01\\-09" in m.value for m in at.markdown)
    assert _param(at, "kinds") == "blockade,detention"


def test_empty_day_says_so(data_env):
    at = _map_page({"date": "2023-01-20"})
    assert _metric(at, "Events mapped") == "0"
    assert any("Nothing is mapped for 2023-01-20" in plain(i.value) for i in at.info)


def test_bad_link_warns_and_falls_back(data_env):
    at = _map_page({"date": "2023-02-31", "kinds": "riot"})
    warnings = " ".join(plain(w.value) for w in at.warning)
    assert "'2023-02-31' is not a date" in warnings and "Unknown kind(s) 'riot'" in warnings
    assert at.title[0].value == "Blockades and protests on 2023-01-09"  # the dataset's featured day


def test_about_page_explains_precision(data_env):
    at = page_test("about.py", default_timeout=30).run()
    assert not at.exception
    text = " ".join(" ".join(plain(m.value).split()) for m in at.markdown)
    assert "only the region is known" in text and "4 events from 1 publishers (1 reports), 1 protest hotspots" in text
    assert str(data_env) not in text  # no server path shown to visitors


def test_about_page_lists_what_the_data_left_out(monkeypatch):
    from geo.core.paths import BUNDLED_DATA
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED_DATA))
    at = page_test("about.py", default_timeout=30).run()
    assert not at.exception
    assert "What is not mapped, and why" in [s.value for s in at.subheader]
    [notes] = [plain(m.value) for m in at.markdown if plain(m.value).startswith("- National and regional counts")]
    items = notes.split("\n- ")
    assert len(items) == 11  # the bullets of data/README.md's section, as plain text
    assert any(i.startswith("Puente Cunyac and Pampatama (Apurímac accesses, 12–13 December") for i in items)
    assert "**" not in notes and "`" not in notes


def test_app_navigation_runs_the_map_page(data_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.context["locale"] = "en-US"
    at.run()
    assert not at.exception
    assert at.title[0].value.startswith("Blockades and protests on")


def test_one_day_dataset_has_no_slider(tmp_path, monkeypatch):
    from tests.conftest import make_event, write_folder
    folder = write_folder(tmp_path / "one", [make_event("only", start="2023-01-09")])
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(folder))
    at = _map_page()
    assert not at.exception
    assert len(at.slider) == 0
    assert _metric(at, "Events mapped") == "1"
    assert any("the only day in the data" in m.value for m in at.sidebar.markdown)


def _frame_area(frame) -> float:
    (south, west), (north, east) = frame
    return (north - south) * (east - west)


def test_the_first_view_opens_on_the_featured_day_framed_on_its_events(data_env):
    at = _map_page()  # no ?date=
    assert at.title[0].value == "Blockades and protests on 2023-01-09"  # dataset.json's featured_day
    assert _param(at, "date") == "2023-01-09"
    frame = at.session_state["_map_frame"]
    (south, west), (north, east) = frame
    for lon, lat in ((-70.13333, -15.5), (-69.88993, -15.89441), (-69.66667, -16.08333)):  # the day's events
        assert south < lat < north and west < lon < east
    peru = [[-18.4, -81.4], [0.0, -68.6]]  # the dataset's bbox, which the map used to open on
    assert _frame_area(frame) < _frame_area(peru) / 50
    # changing the day keeps the frame (and so the reader's pan and zoom): only the layers change
    at.button(key="next_day").click().run()
    assert at.title[0].value == "Blockades and protests on 2023-01-10"
    assert at.session_state["_map_frame"] == frame


def test_the_first_view_of_the_bundled_data_is_9_january(monkeypatch):
    from geo.core.paths import BUNDLED_DATA
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED_DATA))
    at = _map_page()
    assert at.title[0].value == "Blockades and protests on 2023-01-09"
    assert _metric(at, "Events mapped") == "20"
    (south, west), (north, east) = at.session_state["_map_frame"]
    # the day's events run from the PE-36A blockade (-16.74179) north to Barrio Chino on the Panamericana
    # Sur in Ica (-13.986, a located news point of the third release), and from there (-75.77281) east to
    # Desaguadero (-69.042): that box, 10% wider on every side
    assert (south, west, north, east) == pytest.approx((-17.01737, -76.44589, -13.71042, -68.36892), abs=1e-5)


def test_an_unknown_region_in_a_link_warns(data_env):
    at = _map_page({"date": "2023-01-09", "regions": "Puno,Atlantis"})
    warnings = [plain(w.value) for w in at.warning]
    [warning] = warnings  # the data's regions are those of dataset.json (Peru's 25), sorted ignoring accents
    assert warning.startswith(
        "Unknown region(s) 'Atlantis' ignored; the data's regions are Amazonas, Áncash, Apurímac,")
    assert warning.endswith(", Puno, San Martín, Tacna, Tumbes, Ucayali.") and warning.count(",") == 24
    assert at.multiselect(key="view_regions").value == ["Puno"]
    assert _metric(at, "Events mapped") == "3"


def test_a_date_outside_the_data_says_which_days_it_covers(data_env):
    at = _map_page({"date": "2024-05-01"})
    # the tiny data's days run from its Puno hotspot's first day to its last
    assert [plain(w.value) for w in at.warning] == [
        "The data covers 2022-12-07 to 2023-01-31; 2024-05-01 is outside it, showing the nearest day."]
    assert at.title[0].value == "Blockades and protests on 2023-01-31"
    slider = at.slider(key="view_day")
    ends = [datetime.fromtimestamp(v / 1e6, UTC).date() for v in (slider.min, slider.max)]
    assert ends == [date(2022, 12, 7), date(2023, 1, 31)]  # the slider cannot leave the data's days
    assert slider.value == date(2023, 1, 31)
    assert at.button(key="next_day").disabled  # already on the last day
    at.button(key="prev_day").click().run()
    assert at.title[0].value == "Blockades and protests on 2023-01-30" and not at.warning


def test_a_busy_day_lists_its_changes_by_region_escaped(tmp_path, monkeypatch):
    """Past BY_REGION_OVER blockades the day-over-day list is grouped by region, written as escaped
    HTML (st.html) rather than markdown: counts per group and region, hostile names inert."""
    from tests.conftest import make_event, write_folder
    from ui.changes import BY_REGION_OVER
    hostile = '<img src=x onerror="alert(1)">'
    events = [make_event(f"n{i}", start="2023-01-10", place=f"Nuevo {i}", region="Puno", lat=-15.5 + i / 100)
              for i in range(BY_REGION_OVER)]
    events += [make_event("h", start="2023-01-10", place=hostile, region="Cusco", lat=-13.5, lon=-72.0),
               make_event("c", start="2023-01-09", end="2023-01-10", place="Sigue", region="Cusco", lat=-13.6, lon=-72.0),
               make_event("l", start="2023-01-09", place="Levantado", region="Tacna", lat=-18.0, lon=-70.2)]
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(write_folder(tmp_path / "data", events)))
    at = _map_page({"date": "2023-01-10"})
    assert not at.exception
    [body] = [h.proto.body for h in at.get("html") if "bm-changes" in h.proto.body]
    assert body.startswith('<ul class="bm-changes"><li><b>New</b> (31)<ul><li><i>Puno</i> (30): Nuevo 0; ')
    assert "<li><i>Cusco</i> (1): &lt;img src=x onerror=&quot;alert(1)&quot;&gt;</li>" in body
    assert "<li><b>Continuing</b> (1)<ul><li><i>Cusco</i> (1): Sigue</li></ul></li>" in body
    assert "<li><b>Lifted</b> (1)<ul><li><i>Tacna</i> (1): Levantado</li></ul></li></ul>" in body
    assert "<img" not in body
