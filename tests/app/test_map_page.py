"""AppTest wiring of every foundation page: the URL drives the view, widgets change it."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import page_test, plain, ROOT


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
    assert _metric(at, "Events mapped") == "3"  # Chucuito, Ilave, Lima detentions
    assert sorted(at.dataframe[0].value["Place"]) == ["Chucuito", "Ilave", "Lima"]
    assert _param(at, "kinds") == "blockade,detention"


def test_empty_day_says_so(data_env):
    at = _map_page({"date": "2023-01-20"})
    assert _metric(at, "Events mapped") == "0"
    assert any("Nothing is mapped for 2023-01-20" in plain(i.value) for i in at.info)


def test_bad_link_warns_and_falls_back(data_env):
    at = _map_page({"date": "2023-02-31", "kinds": "riot"})
    warnings = " ".join(plain(w.value) for w in at.warning)
    assert "'2023-02-31' is not a date" in warnings and "Unknown kind(s) riot" in warnings
    assert at.title[0].value == "Blockades and protests on 2023-01-09"  # the dataset's featured day


def test_about_page_explains_precision(data_env):
    at = page_test("about.py", default_timeout=30).run()
    assert not at.exception
    text = " ".join(" ".join(plain(m.value).split()) for m in at.markdown)
    assert "only the region is known" in text and "4 events from 1 publishers (1 reports), 1 protest hotspots" in text
    assert str(data_env) not in text  # no server path shown to visitors


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
