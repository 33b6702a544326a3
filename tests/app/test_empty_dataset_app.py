"""The dashboard serves a new, empty dataset (a folder holding only dataset.json): every page
opens, says that nothing is mapped yet, and takes the title and area from dataset.json."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, page_test, plain

INFO = {"title": "Nuevo paro, 2026", "country": "PE", "timezone": "America/Lima", "bbox": [-82, -19, -68, 0],
        "languages": ["en", "es"]}


def test_every_page_opens_on_an_empty_dataset(tmp_path, monkeypatch):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps(INFO), encoding="utf-8")
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(folder))
    at = page_test("map.py", default_timeout=60).run()
    assert not at.exception
    assert next(m.value for m in at.metric if m.label == "Events mapped") == "0"
    sidebar = [plain(m.value) for m in at.sidebar.markdown]
    assert any(text.endswith("(the data holds no event yet)") for text in sidebar), sidebar
    assert len(at.slider) == 0
    assert any("the data holds no dated event" in plain(w.value) for w in at.warning)
    for page in ("pages/timeline.py", "pages/corridors.py", "pages/import_data.py"):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.context["locale"] = "en-US"
        app.switch_page(page).run()
        assert not app.exception, (page, [e.value for e in app.exception])
        if page == "pages/timeline.py":
            assert [m.value for m in app.metric][:1] == ["0"]  # blockades mapped
        if page == "pages/corridors.py":
            assert any("This data has no road corridors" in i.value for i in app.info)
    assert sorted(p.name for p in folder.iterdir()) == ["dataset.json"]  # serving writes nothing
