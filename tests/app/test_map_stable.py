"""A day step changes only the map's layers: the base map's script, and so the component's key,
stay the same, so the browser keeps its map (no reload of Leaflet, basemap and legend). When the
day's events leave the frame, the new frame travels with the layers (``BlockadeMap.frameTo``)."""
from __future__ import annotations

import ast
import json

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import local_script_runner as lsr

from tests.conftest import ROOT
from ui.state import MAP_FRAME


def _map_args(messages) -> dict:
    found = [json.loads(m.delta.new_element.component_instance.json_args) for m in messages
             if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "component_instance"]
    assert len(found) == 1, f"expected one map component, found {len(found)}"
    return found[0]


def test_day_steps_keep_the_base_map_and_swap_the_layers(monkeypatch):
    sent: list = []
    original = lsr.LocalScriptRunner.forward_msgs

    def forward_msgs(runner):
        messages = original(runner)
        sent.append(messages)
        return messages

    monkeypatch.setattr(lsr.LocalScriptRunner, "forward_msgs", forward_msgs)
    at = AppTest.from_file(str(ROOT / "pages" / "map.py"), default_timeout=120)
    at.query_params["date"] = "2023-01-08"
    at.query_params["lang"] = "en"
    at.run()
    runs = [_map_args(sent[-1])]
    frames = [repr(at.session_state[MAP_FRAME])]
    for _ in range(4):
        at.button(key="next_day").click().run()
        assert not at.exception
        runs.append(_map_args(sent[-1]))
        frames.append(repr(at.session_state[MAP_FRAME]))
    assert len(set(frames)) > 1, f"no step moved the frame, so this test does not check a move: {frames}"
    for i in range(1, len(runs)):  # every step, those that move the frame included
        assert runs[i]["key"] == runs[i - 1]["key"]
        assert runs[i]["script"] == runs[i - 1]["script"]
    for run, frame in zip(runs, frames, strict=True):  # the frame is in the layers, with its token
        bounds = json.dumps(ast.literal_eval(frame), separators=(",", ":"))
        assert f"BlockadeMap.frameTo(feature_group_feature_group_0, {bounds}, " in run["feature_group"]
    # a map drawn again never carries the previous run's elements (st_folium renames what it draws)
    adds = {r["script"].count(".addTo(map_div)") for r in runs}
    assert len(adds) == 1, adds
    # the layers are what changes: five different days, five different sets of events
    assert len({r["feature_group"] for r in runs}) == 5
    assert "2023-01-12" in at.title[0].value
