"""A day step changes only the map's layers: the base map's script, and so the component's key, stay
the same, so the browser keeps its map (no reload of Leaflet, basemap and legend)."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import local_script_runner as lsr

from tests.conftest import ROOT


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
    for _ in range(2):
        at.button(key="next_day").click().run()
        assert not at.exception
        runs.append(_map_args(sent[-1]))
    assert [r["key"] for r in runs] == [runs[0]["key"]] * 3
    assert [r["script"] for r in runs] == [runs[0]["script"]] * 3
    assert runs[0]["script"].count(".addTo(map_div)") == runs[2]["script"].count(".addTo(map_div)")
    # the layers are what changes: three different days, three different sets of events
    assert len({r["feature_group"] for r in runs}) == 3
    assert "2023-01-10" in at.title[0].value
