"""A view's layers served as a file (geo.render.served_views): one name per load, language and
view; the file holds exactly the text the map is sent; the newest files kept; a folder it may not
write to gives the text without naming any file."""
from __future__ import annotations

import json
import logging
import os

import pytest

from geo.core.view import View
from geo.render import served_views
from geo.render.served_views import MARK, served_view, view_name, view_url

LAYERS = 'var g = L.featureGroup({});\nBlockadeMap.pointLayer(g, [[-15.5,-70.1,"bm-event","#d94801",6,"</script>",""]]);'


def test_a_name_stands_for_one_load_language_and_view():
    base = view_name("tok", "en", View("2023-01-09"))
    assert base.endswith(".js") and base == view_name("tok", "en", View("2023-01-09"))
    others = {view_name("tok2", "en", View("2023-01-09")), view_name("tok", "es", View("2023-01-09")),
              view_name("tok", "en", View("2023-01-10")), view_name("tok", "en", View("2023-01-09", "cumulative")),
              view_name("tok", "en", View("2023-01-09", kinds=("clash",))),
              view_name("tok", "en", View("2023-01-09", regions=("Puno",)))}
    assert len(others) == 6 and base not in others
    assert view_url(base) == f"/app/static/vendor/views/{base}"


def test_the_file_holds_the_text_the_map_is_sent(tmp_path):
    name = view_name("tok", "en", View("2023-01-09"))
    ahead = {"next": view_name("tok", "en", View("2023-01-10")), "prev": None}
    text = served_view(LAYERS, name, ahead, tmp_path)
    assert text.startswith(MARK + "\n" + LAYERS + "\n")
    call = text.rsplit("\n", 1)[1]
    assert call.startswith("BlockadeMap.stepAhead(") and call.endswith(");")
    assert json.loads(call[len("BlockadeMap.stepAhead("):-2]) == {"next": view_url(ahead["next"])}  # no prev
    assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert "</script>" in text  # the layers as given: they are escaped where they are made


def test_the_newest_files_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(served_views, "KEEP_FILES", 3)
    names = [view_name("tok", "en", View(f"2023-01-{day:02d}")) for day in range(1, 6)]
    for i, name in enumerate(names):
        served_view(LAYERS, name, {}, tmp_path)
        os.utime(tmp_path / name, (1_000_000 + i, 1_000_000 + i))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[-3:])


def test_a_folder_it_may_not_write_to_names_no_file(tmp_path, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="geo.render.served_views"):
        text = served_view(LAYERS, view_name("tok", "en", View("2023-01-09")), {"next": "x.js"}, blocked)
    assert text == f"{MARK}\n{LAYERS}\nBlockadeMap.stepAhead({{}});"
    assert "no step ahead" in caplog.text


@pytest.mark.parametrize("day", ["2023-01-09", "2022-12-31"])
def test_a_name_is_a_plain_file_name(day):
    name = view_name("ab12", "es", View(day, kinds=("blockade", "clash"), regions=("Puno", "Cusco")))
    assert name.replace(".js", "").isalnum() and "/" not in name
