"""Issue 10: text from a link or from the data is shown as text wherever Streamlit renders
markdown (warnings, captions, lists, route answers, metrics, labels): never as a link or image."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, page_test, plain
from tests.hostile import BARE, HOSTILE_LINKS, HTML, PHISH, write_hostile_folder

UNESCAPED = re.compile(r"\]\(|://|(?<!\\)[<!\[]")


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    folder = write_hostile_folder(tmp_path / "hostile")
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(folder))
    return folder


def rendered(at) -> list[tuple[str, str]]:
    """Every text of the page that Streamlit renders as markdown, with its element kind."""
    out = []
    for kind in ("markdown", "caption", "warning", "error", "success", "info", "title", "subheader", "header"):
        out += [(kind, e.value) for e in getattr(at, kind)]
    out += [("metric", m.label) for m in at.metric]
    out += [("checkbox", c.label) for c in at.checkbox] + [("toggle", t.label) for t in at.toggle]
    out += [("radio", str(o)) for r in at.radio for o in r.options]
    out += [("sidebar", e.value) for e in at.sidebar.markdown]
    return out


def assert_shown_as_text(at) -> list[str]:
    """No hostile text is live markdown; returns the texts that quote the attacker."""
    quoting = []
    for kind, text in rendered(at):
        if "evil" not in text:
            continue
        quoting.append(text)
        assert not UNESCAPED.search(text), f"{kind} renders hostile markdown: {text!r}"
    return quoting


@pytest.mark.parametrize("link", HOSTILE_LINKS)
def test_hostile_links_show_their_words_in_warnings_as_text(hostile, link):
    at = page_test("map.py")
    for key, value in parse_qsl(link.split("?", 1)[1]):
        at.query_params[key] = value
    at.run()
    assert not at.exception
    warnings = [plain(w.value) for w in at.warning]
    assert any("evil.example" in w for w in warnings), warnings        # the link's words are quoted...
    quoting = assert_shown_as_text(at)                               # ...as text
    assert any("evil" in q for q in quoting)


def test_hostile_data_on_the_map_page_is_text(hostile):
    at = page_test("map.py")
    at.query_params["date"] = "2023-01-09"
    at.run()
    assert not at.exception
    quoting = assert_shown_as_text(at)
    panel = next(plain(m) for m in quoting if "**New** (2)" in plain(m))
    assert PHISH in panel and BARE in panel and f"{BARE} lifted" in panel    # names shown as written
    assert any(plain(q).startswith(f"{PHISH} ![x](https://evil.example/t.png) ·") for q in quoting)  # the title


def test_route_answer_with_hostile_town_and_place_names_is_text(hostile):
    at = page_test("corridors.py")
    at.query_params["date"] = "2023-01-09"
    at.run()
    at.selectbox(key="route_from").set_value("Calapuja")
    at.selectbox(key="route_to").set_value(BARE)
    next(b for b in at.button if b.label == "Check the route").click().run()
    assert not at.exception
    answers = [e.value for e in at.error] + [s.value for s in at.success]
    assert len(answers) == 1
    assert plain(answers[0]) == (
        f"Calapuja → {BARE} on 2023-01-09: NOT passable. 3 cuts: (1) 0.0 km after Calapuja (where the trip "
        f"starts), at {PHISH}, on {PHISH} corridor; (2) 45.3 km after Calapuja, at {HTML}, on {PHISH} corridor; "
        f"(3) 61.5 km after Calapuja, at {BARE}, on {PHISH} corridor. 3 of 45 reported blockade points are "
        f"mapped on this day ({PHISH} {BARE}); only mapped blockades count.")  # a hostile reporter, as text
    assert_shown_as_text(at)
    assert any("evil" in text for _, text in rendered(at))


@pytest.mark.parametrize("script", ["timeline.py", "about.py"])
def test_hostile_data_on_the_other_pages_is_text(hostile, script):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["date"] = "2023-01-09"
    at.switch_page(f"pages/{script}")
    at.run()
    assert not at.exception
    assert_shown_as_text(at)
