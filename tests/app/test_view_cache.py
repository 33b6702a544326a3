"""What the map page shows for a view is made once for every reader (ui.viewcache), and the day
after the one a reader looks at is made in the background: a second reader, and "Next", find the
layers, the day-over-day lists and the table rows made, identical to what a first reader got."""
from __future__ import annotations

import json
import re
import time

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import local_script_runner as lsr

from geo.core.view import View
from geo.render.served_views import MARK, STATIC_DIR
from tests.conftest import ROOT
from ui import panels, viewcache
from ui.state import MAP_FRAME


@pytest.fixture
def recorded(monkeypatch):
    """The map component's arguments of every run, and how many times each view's layers were made."""
    _wait_prefetch()  # a prefetch left by an earlier test would make its views here
    viewcache.clear()
    sent: list = []
    made: list = []
    original = lsr.LocalScriptRunner.forward_msgs
    original_layers = panels._layers_text

    def forward_msgs(runner):
        messages = original(runner)
        sent.append(messages)
        return messages

    def layers_text(ds, view, t, bounds=None):
        made.append((view.day, t.lang, bounds))
        return original_layers(ds, view, t, bounds)

    monkeypatch.setattr(lsr.LocalScriptRunner, "forward_msgs", forward_msgs)
    monkeypatch.setattr(panels, "_layers_text", layers_text)
    yield sent, made
    viewcache.clear()


def _layers(messages) -> str:
    [args] = [json.loads(m.delta.new_element.component_instance.json_args) for m in messages
              if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "component_instance"]
    return args["feature_group"]


def _reader(day: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "map.py"), default_timeout=120)
    at.query_params["date"] = day
    at.query_params["lang"] = lang
    return at.run()


def _wait_prefetch() -> None:
    deadline = time.time() + 30
    while panels._PREFETCH.locked() and time.time() < deadline:
        time.sleep(0.05)
    assert not panels._PREFETCH.locked()


def test_two_readers_of_a_day_share_its_layers_and_next_finds_the_next_day_made(recorded):
    sent, made = recorded
    first = _reader("2023-01-09")
    assert not first.exception
    _wait_prefetch()
    # the day, then the next and the day before (prefetch)
    assert made == [("2023-01-09", "en", None), ("2023-01-10", "en", None), ("2023-01-08", "en", None)]
    first_layers = _layers(sent[-1])
    second = _reader("2023-01-09")
    assert _layers(sent[-1]) == first_layers and len(made) == 3  # nothing made again
    second.button(key="next_day").click().run()
    assert not second.exception and "2023-01-10" in second.title[0].value
    assert len(made) == 3 or made[3][0] == "2023-01-11"  # the 10th was made ahead; at most the 11th is new
    # what was made ahead is what a reader would have got: the same text as a fresh make
    viewcache.clear()
    fresh = panels.view_layers_text(second_ds(), View("2023-01-10"), translator_en())
    assert _layers(sent[-1]).endswith(fresh[0])


def test_each_language_has_its_own_rows_and_lists(recorded):
    sent, made = recorded
    english = _reader("2023-01-09", "en")
    spanish = _reader("2023-01-09", "es")
    assert not english.exception and not spanish.exception
    assert ("2023-01-09", "es", None) in made and ("2023-01-09", "en", None) in made
    table = spanish.dataframe[0].value
    assert "Lugar" in table.columns and "Place" not in table.columns
    assert any("Juliaca" in str(v) for v in table.iloc[:, 0])


def test_a_view_is_kept_per_dataset_and_the_oldest_go_first(tiny_data):
    from geo.store import load_dataset
    viewcache.clear()
    one, two = load_dataset(tiny_data), load_dataset(tiny_data)
    calls: list = []

    def make(tag):
        return lambda: calls.append(tag) or tag

    assert viewcache.kept("layers", one, View("2023-01-09"), "en", make("a")) == "a"
    assert viewcache.kept("layers", one, View("2023-01-09"), "en", make("b")) == "a"  # kept
    assert viewcache.kept("layers", two, View("2023-01-09"), "en", make("c")) == "c"  # another load
    assert viewcache.kept("layers", one, View("2023-01-09"), "es", make("d")) == "d"  # another language
    for i in range(viewcache.KEEP):
        viewcache.kept("layers", one, View(f"2023-02-{1 + i % 28:02d}", kinds=("clash",) if i >= 28 else ()),
                       "en", make(i))
    assert viewcache.kept("layers", one, View("2023-01-09"), "en", make("e")) == "e"  # pushed out
    assert calls[:4] == ["a", "c", "d", 0]
    viewcache.clear()


def second_ds():
    from ui.data import get_dataset
    return get_dataset()


def translator_en():
    from geo.core.i18n import translator
    return translator("en")


def test_the_first_run_of_a_server_freezes_what_it_left_for_the_garbage_collector(monkeypatch, tiny_data):
    import gc

    from ui import data
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tiny_data))
    monkeypatch.setattr(data, "_first_run_done", type(data._first_run_done)())
    gc.unfreeze()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["date"] = "2023-01-09"
    at.run()
    assert not at.exception and data._first_run_done.is_set()
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the modules and tables the run needed
    at.run()  # later runs freeze nothing more
    assert gc.get_freeze_count() <= frozen  # (a few frozen objects are freed since)


def test_the_day_step_sends_markers_and_serves_their_popups_as_a_file(recorded):
    import re

    from geo.core.i18n import translator
    from geo.core.paths import BUNDLED_DATA
    from geo.render.popups import popup_parts
    from geo.render.served_popups import STATIC_DIR
    from geo.store import load_dataset
    sent, _ = recorded
    at = _reader("2023-01-09", "es")
    assert not at.exception
    layers = _layers(sent[-1])
    [url] = re.findall(r'"(/app/static/vendor/popups/[0-9a-f]{20}\.json)"', layers)
    served = json.loads((STATIC_DIR / url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    index = load_dataset(BUNDLED_DATA).index
    day = index.select(View("2023-01-09"))
    assert len(served) == len(day) == 20
    # the popups' texts travel in the file only, in the rows' order, as popup_parts writes them
    juliaca = next(p for p in served if p[0] == "Juliaca" and p[2] == "enfrentamiento")
    assert "17 muertos" in juliaca[7] and len(juliaca[8]) > 40  # counts and description
    assert juliaca[8][:30] not in layers and "Fuentes:" not in layers
    records = {r["id"]: r for r in index.records(day)}
    assert sorted(json.dumps(p) for p in served) == sorted(
        json.dumps(json.loads(json.dumps(popup_parts(r, translator("es"))))) for r in records.values())


def test_a_static_folder_it_may_not_write_to_sends_the_popups_in_the_page(tiny_data, monkeypatch, tmp_path):
    from geo.core.i18n import translator
    from geo.render import served_popups
    from geo.render.maps import day_layers
    from geo.store import load_dataset
    from tests.conftest import layer_calls, render_groups
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setattr(served_popups, "STATIC_DIR", blocked / "popups")
    layers = day_layers(load_dataset(tiny_data), View("2023-01-09"), t=translator("en"), keep="events")
    [[rows, _spread, keep, url]] = layer_calls(render_groups(layers.groups), "pointLayer")
    assert keep == "events" and url is None
    assert rows and all(isinstance(r[5], list) and r[5][0] for r in rows)  # the popups' pieces, in the page


def test_the_next_days_file_holds_the_text_the_next_run_sends(recorded):
    """The map draws "Next" from the file the view's text names (blockade-map.js stepAhead): that
    file holds exactly the layers text the next run sends, after the frame's part."""
    sent, _ = recorded
    at = _reader("2023-01-20")
    _wait_prefetch()
    text = _layers(sent[-1])
    frame_part, mark, layers = text.partition(MARK)
    assert mark and "BlockadeMap.frameTo(" in frame_part and "BlockadeMap.pointLayer(" in layers
    found = re.search(r"\nBlockadeMap\.stepAhead\((\{.*\})\);$", text)
    assert found, text[-300:]
    urls = json.loads(found.group(1))
    assert set(urls) == {"next", "prev"} and all(u.startswith("/app/static/vendor/views/") for u in urls.values())
    files = {step: STATIC_DIR / url.rsplit("/", 1)[1] for step, url in urls.items()}
    assert all(path.exists() for path in files.values())  # the 21st and the 19th, made by the prefetch
    frame = at.session_state[MAP_FRAME]
    at.button(key="next_day").click().run()
    assert not at.exception and "2023-01-21" in at.title[0].value
    assert at.session_state[MAP_FRAME] == frame  # the frame stays: the text is the frame's part and the file
    assert _layers(sent[-1]) == frame_part + files["next"].read_text(encoding="utf-8")
