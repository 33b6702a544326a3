"""AppTest wiring of the add, import and edit pages, read-only and logged in."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from geo.store.auth import hash_password
from geo.store.editor import LOG_FILE, Editor, read_log
from tests.conftest import make_event, page_test

PASSWORD = "editor password"
ADD_SUBMIT = "FormSubmitter:add-form-Add the event"


@pytest.fixture
def data_env(tiny_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tiny_data))
    monkeypatch.delenv("BLOCKADE_MAP_EDITOR_HASH", raising=False)
    return tiny_data


@pytest.fixture
def editing_on(data_env, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    return data_env


def shown(element) -> str:
    """An alert's text as the reader sees it (markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", element.value)


def shown_text(markdown: str) -> str:
    """Markdown as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _page(name: str) -> AppTest:
    return page_test(name, default_timeout=60)


def _logged_in(name: str, who: str = "Ana") -> AppTest:
    at = _page(name).run()
    at.text_input(key="login-name").input(who)
    at.text_input(key="login-password").input(PASSWORD)
    at.button(key="FormSubmitter:login-Log in").click().run()
    assert not at.exception and at.sidebar.text[0].value == who
    return at


@pytest.mark.parametrize("page", ["add_event.py", "import_data.py", "edit_events.py"])
def test_read_only_without_a_password_hash(data_env, page):
    at = _page(page).run()
    assert not at.exception
    assert "Editing is switched off" in at.info[0].value and "blockade-map hash-password" in at.info[0].value
    assert "BLOCKADE_MAP_EDITOR_HASH" in at.info[0].value
    assert len(at.text_input) == 0 and len(at.file_uploader) == 0 and len(at.button) == 0


def test_a_broken_hash_keeps_editing_off(data_env, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", "not-a-hash")
    at = _page("add_event.py").run()
    assert "Editing is switched off because the configured password hash is unusable" in shown(at.error[0])
    assert len(at.text_input) == 0


def test_wrong_password_is_refused(editing_on):
    at = _page("add_event.py").run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input("guess guess")
    at.button(key="FormSubmitter:login-Log in").click().run()
    assert shown(at.error[0]) == "Wrong password."
    assert [t.key for t in at.text_input] == ["login-name", "login-password"]


def test_add_an_event_from_a_geocoded_place(editing_on):
    at = _logged_in("add_event.py")
    at.text_input(key="add-query").input("Puente Anashuayco").run()
    assert shown_text(at.radio[0].options[0]).startswith("Puente Añashuayco (Arequipa, Arequipa) · bridge")
    at.button(key="add-use").click().run()
    assert (at.text_input(key="add-place").value, at.selectbox(key="add-region").value) == ("Puente Añashuayco", "Arequipa")
    at.date_input(key="add-start").set_value(date(2022, 12, 12))
    at.text_area(key="add-description").input("Road to Yura blocked at the bridge.")
    at.text_input(key="add-src0-name").input("La República")
    at.text_input(key="add-src0-url").input("https://larepublica.pe/sociedad/2022/12/12/bloqueo")
    at.date_input(key="add-src0-published").set_value(date(2022, 12, 12))
    at.button(key=ADD_SUBMIT).click().run()
    assert not at.exception and not at.error
    assert shown(at.success[0]) == ("Added 2022-12-12-puente-anashuayco-blockade: it is on the map for 2022-12-12.")
    events = json.loads((editing_on / "events.geojson").read_text(encoding="utf-8"))["features"]
    new = events[-1]
    assert new["id"] == "2022-12-12-puente-anashuayco-blockade"
    assert new["geometry"]["coordinates"] == [-71.60858, -16.32561]
    assert new["properties"]["kind"] == "blockade" and new["properties"]["region"] == "Arequipa"
    assert read_log(editing_on / LOG_FILE)[0]["who"] == "Ana"
    assert at.text_input(key="add-place").value == ""  # the form is cleared for the next report
    # The map page shows it at once (its loader keys on the files' modification times).
    m = page_test("map.py", default_timeout=60)
    m.query_params["date"] = "2022-12-12"
    m.run()
    assert not m.exception
    assert "Puente Añashuayco" in list(m.dataframe[0].value["Place"])


def test_add_without_a_source_is_refused(editing_on):
    at = _logged_in("add_event.py")
    at.text_input(key="add-place").input("Juliaca")
    at.selectbox(key="add-region").select("Puno")
    at.number_input(key="add-lon").set_value(-70.13)
    at.number_input(key="add-lat").set_value(-15.5)
    at.button(key=ADD_SUBMIT).click().run()
    assert shown(at.error[0]) == "Not saved yet: please fix these fields."
    problems = at.dataframe[0].value
    assert list(problems["Field"]) == ["sources", "start"] and "a source is required" in problems["Problem"][0]
    assert problems["Problem"][1] == "is required (YYYY-MM-DD)"
    assert not (editing_on / LOG_FILE).exists()


def _upload(at: AppTest, name: str, features: list[dict]) -> AppTest:
    body = json.dumps({"type": "FeatureCollection", "features": features}).encode("utf-8")
    at.file_uploader(key="import-file").upload(name, body, "application/geo+json")
    return at.run()


def test_import_page_lists_the_bad_features_and_imports_the_good_ones(editing_on):
    before = (editing_on / "events.geojson").read_bytes()
    at = _upload(_logged_in("import_data.py"), "bad.geojson",
                 [make_event("fine", place="Pomata", lon=-69.29, lat=-16.27), make_event("bad", kind="riot"),
                  make_event("worse", lon=2.3, lat=48.8)])
    assert not at.exception
    assert shown(at.error[0]).startswith("2 of 3 features are bad: they are left out. The other rows can be imported")
    table = at.dataframe[0].value
    assert list(zip(table["Row or feature"], table["Field"], strict=False)) == [("bad", "kind"), ("worse", "geometry")]
    assert list(at.dataframe[1].value["Row or feature"]) == ["fine"]  # the preview: the good one only
    assert (editing_on / "events.geojson").read_bytes() == before  # nothing yet
    assert at.button(key="import-go").label == "Import 1 event"
    at.button(key="import-go").click().run()
    assert shown(at.success[0]).startswith("Imported 1 event from bad.geojson")
    assert [e["id"] for e in read_log(editing_on / LOG_FILE)] == ["fine"]


def test_import_page_refuses_a_file_with_only_bad_features(editing_on):
    before = (editing_on / "events.geojson").read_bytes()
    at = _upload(_logged_in("import_data.py"), "bad.geojson",
                 [make_event("bad", kind="riot"), make_event("worse", lon=2.3, lat=48.8)])
    assert shown(at.error[0]).startswith("2 of 2 features are bad: nothing will be imported")
    assert not [b for b in at.button if b.key == "import-go"]
    assert (editing_on / "events.geojson").read_bytes() == before


def test_import_page_duplicate_checkbox_and_import(editing_on):
    at = _upload(_logged_in("import_data.py", who="Bo"), "new.geojson",
                 [make_event("dup-ilave", lon=-69.667, lat=-16.0835, start="2023-01-09"),
                  make_event("pomata", place="Pomata", lon=-69.29, lat=-16.27)])
    assert "1 probable duplicate(s)" in shown(at.warning[0])
    assert re.sub(r"\\(.)", r"\1", at.checkbox[0].label) == "Import dup-ilave anyway" and at.checkbox[0].value is False
    assert at.button(key="import-go").label == "Import 1 event"
    at.checkbox[0].check().run()
    assert at.button(key="import-go").label == "Import 2 events"
    at.button(key="import-go").click().run()
    assert not at.exception and shown(at.success[0]).startswith("Imported 2 events from new.geojson")
    log = read_log(editing_on / LOG_FILE)
    assert [(e["id"], e["action"], e["who"]) for e in log] == [("dup-ilave", "import", "Bo"), ("pomata", "import", "Bo")]


def test_edit_page_changes_retracts_and_undoes(editing_on):
    at = _logged_in("edit_events.py")
    at.selectbox(key="edit-event").select("e-ilave").run()
    assert at.text_input(key="edit-e-ilave-place").value == "Ilave"
    at.number_input(key="edit-e-ilave-injured").set_value(4)
    at.text_input(key="edit-e-ilave-reason").input("RPP, 10 January")
    at.button(key="FormSubmitter:edit-e-ilave-form-Save changes").click().run()
    # the message is a toast: shown where the editor is, however far down the page they saved
    assert not at.exception and [shown(t) for t in at.toast] == ["Saved 1 change(s) to e-ilave."]
    assert not at.success
    [entry] = Editor(editing_on).history("e-ilave")
    assert entry["after"]["properties"]["injured"] == 4 and entry["reason"] == "RPP, 10 January"
    # the form showed 0 injured for the absent count: the log says so too
    assert any("injured: 0 -> 4" in t.value and "why: RPP, 10 January" in t.value for t in at.text)
    assert not any("None" in t.value for t in at.text)
    at.button(key=f"log-e-ilave-undo-{entry['seq']}").click().run()
    assert [shown(t) for t in at.toast] == [f"Change #{entry['seq']} undone."]
    assert "injured" not in Editor(editing_on).read().event("e-ilave")["properties"]
    assert any("injured: 4 -> 0" in t.value for t in at.text)
    # retracting without a reason says so and keeps the event
    at.button(key="FormSubmitter:edit-retract-form-e-ilave-Retract this event").click().run()
    assert shown(at.error[0]) == "Give a reason: it goes into the change log with the retracted record."
    assert Editor(editing_on).read().event("e-ilave") is not None
    # one click: the reason typed and the button clicked once, sent together
    at.text_input(key="edit-retract-why-e-ilave").input("duplicate of e-chucuito")
    at.button(key="FormSubmitter:edit-retract-form-e-ilave-Retract this event").click().run()
    assert [shown(t) for t in at.toast] == ["Retracted e-ilave."]
    assert Editor(editing_on).read().event("e-ilave") is None
    assert Editor(editing_on).history("e-ilave")[-1]["reason"] == "duplicate of e-chucuito"
    assert at.selectbox(key="edit-event").value is None


def test_edit_page_reports_a_conflict_and_keeps_the_other_change(editing_on):
    at = _logged_in("edit_events.py")
    at.selectbox(key="edit-event").select("e-ilave").run()
    Editor(editing_on).edit("e-ilave", {"injured": 9}, who="someone else")     # saved meanwhile
    at.number_input(key="edit-e-ilave-injured").set_value(4)
    at.button(key="FormSubmitter:edit-e-ilave-form-Save changes").click().run()
    assert shown(at.error[0]).startswith("Nothing was saved: event 'e-ilave' was changed by someone else")
    assert Editor(editing_on).read().event("e-ilave")["properties"]["injured"] == 9



def test_guessing_the_password_in_the_app_meets_a_delay(editing_on, caplog):
    import logging
    caplog.set_level(logging.WARNING, logger="blockade_map.auth")
    at = _page("add_event.py").run()
    messages = []
    for i in range(6):
        at.text_input(key="login-name").input("mallory")
        at.text_input(key="login-password").input(f"guess {i} guess")
        at.button(key="FormSubmitter:login-Log in").click().run()
        messages.append(shown(at.error[0]))
    assert messages[:3] == ["Wrong password."] * 3
    assert messages[3].startswith("Wrong password. Try again in ")
    assert all(m.startswith("Too many wrong passwords: try again in ") for m in messages[4:])
    lines = [r.getMessage() for r in caplog.records if r.name == "blockade_map.auth"]
    assert len(lines) == 6 and all("mallory" in line for line in lines)
    assert not any("guess" in line.replace("guessing", "") for line in lines)


def test_the_picker_map_draws_the_corridors_and_marks_the_place_found(tiny_data):
    from geo.store import load_dataset
    from tests.conftest import layer_calls
    from ui.editing import picker_map
    ds = load_dataset(tiny_data)
    html = picker_map(ds, None, None).get_root().render()
    [[rows, style]] = layer_calls(html, "lineLayer")  # the corridors, drawn offline (no tiles needed)
    assert len(rows) == 1 and rows[0][0][0] == [-15.5, -70.13333] and style["className"] == "bm-corridor"
    assert "bm-picked" not in html
    html = picker_map(ds, -69.66667, -16.08333).get_root().render()  # e.g. Ilave, found by name
    assert "bm-picked" in html and "[-16.08333, -69.66667]" in html
    assert "fitBounds(\n                [[-16.13333, -69.71667], [-16.03333, -69.61667]]" in html


def test_saving_one_field_of_a_bundled_event_changes_only_that_field(bundled_copy, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(bundled_copy))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    event_id = "2023-01-09-chucuito-blockade"
    before = Editor(bundled_copy).read().event(event_id)
    assert before["properties"]["description_es"] and any("note" in s for s in before["properties"]["sources"])
    at = _logged_in("edit_events.py")
    at.selectbox(key="edit-event").select(event_id).run()
    at.number_input(key=f"edit-{event_id}-injured").set_value(2)
    at.button(key=f"FormSubmitter:edit-{event_id}-form-Save changes").click().run()
    assert [shown(t) for t in at.toast] == [f"Saved 1 change(s) to {event_id}."]
    after = Editor(bundled_copy).read().event(event_id)
    assert after["properties"] == before["properties"] | {"injured": 2}  # Spanish text and source notes kept


def test_import_page_matches_the_columns_of_a_file_from_elsewhere(editing_on):
    """A GeoJSON from elsewhere (issue 21): refused while its properties are unmatched, imported
    once the mapping step says which property holds which field."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-69.29, -16.27]},
                 "properties": {"CAPITAL": "Pomata", "DEPARTAM": "PUNO", "date": "2023-01-09", "type": "blockade",
                                "FUENTE": "https://larepublica.pe/pomata"}}]
    at = _upload(_logged_in("import_data.py"), "capitales.geojson", features)
    assert not at.exception
    assert shown(at.error[0]).startswith("the file cannot be imported: nothing will be imported")
    assert at.selectbox(key="import-map-place").options == [
        "(by its name in the file)", "CAPITAL", "DEPARTAM", "date", "type", "FUENTE"]
    for name, column in (("place", "CAPITAL"), ("region", "DEPARTAM"), ("start", "date"), ("kind", "type"),
                         ("source_url", "FUENTE")):
        at.selectbox(key=f"import-map-{name}").select(column)
    at.text_input(key="import-set-source_name").input("La República")
    at.text_input(key="import-set-source_published").input("2023-01-10")
    at.text_input(key="import-set-geo_precision").input("1")
    at.run()
    assert not at.exception and not at.error
    assert at.button(key="import-go").label == "Import 1 event"
    at.button(key="import-go").click().run()
    assert shown(at.success[0]).startswith("Imported 1 event from capitales.geojson")
    [entry] = [e for e in read_log(editing_on / LOG_FILE) if e["action"] == "import"]
    props = entry["after"]["properties"]
    assert (props["place"], props["region"], props["kind"], props["sources"][0]["name"]) == (
        "Pomata", "Puno", "blockade", "La República")


def test_eight_guessing_sessions_do_not_lock_the_editor_out(editing_on):
    """Issue 25: eight browser sessions send 32 wrong passwords (the name in every case); a
    ninth, clean session then logs in with the right password."""
    from ui.editing import login_limiter
    login_limiter.clear()  # a fresh server
    sessions = [_page("add_event.py").run() for _ in range(8)]
    messages = []
    for round_ in range(4):
        for i, at in enumerate(sessions):
            at.text_input(key="login-name").input(["Ana", "ANA", "ana", "aNa"][(i + round_) % 4])
            at.text_input(key="login-password").input(f"guess {i} {round_} guess")
            at.button(key="FormSubmitter:login-Log in").click().run()
            messages.append(shown(at.error[0]))
    assert len(messages) == 32 and all(m.startswith(("Wrong password", "Too many wrong passwords")) for m in messages)
    assert sum(m.startswith("Too many wrong passwords") for m in messages) >= 32 - 8 - 5
    at = _logged_in("add_event.py", who="Ana")
    assert not at.error and [t.value for t in at.sidebar.text] == ["Ana"]
    # and a guessing session stays held even with the right password
    held = sessions[0]
    held.text_input(key="login-name").input("ana")
    held.text_input(key="login-password").input(PASSWORD)
    held.button(key="FormSubmitter:login-Log in").click().run()
    assert shown(held.error[0]).startswith("Too many wrong passwords")


def test_import_page_names_the_problems_of_a_file_from_elsewhere_in_spanish(editing_on):
    """The problems of the source readers reach a Spanish editor in Spanish (their ids translated)."""
    before = (editing_on / "events.geojson").read_bytes()
    at = _page("import_data.py")
    at.query_params["lang"] = "es"
    at.run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    shapes = [{"type": "Feature", "properties": {"CAPITAL": "Puno"},
               "geometry": {"type": "Polygon", "coordinates": [[[-70.1, -15.9], [-70.0, -15.9], [-70.0, -15.8],
                                                                [-70.1, -15.9]]]}},
              {"type": "Feature", "properties": {"CAPITAL": "Juli"}, "geometry": None}]
    at = _upload(at, "capitales.geojson", shapes)
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["Fila o elemento", "Campo", "Problema"]
    assert list(zip(table["Fila o elemento"], table["Campo"], strict=False)) == [("feature #1", "geometry"),
                                                                                 ("feature #2", "geometry")]
    assert list(table["Problema"]) == [
        "es un Polygon: solo se pueden importar puntos (Point: un evento ocurre en un lugar); reduzca antes cada "
        "forma a un punto, p. ej. a su centroide en un SIG",
        "falta: solo se pueden importar puntos (Point: un evento ocurre en un lugar); reduzca antes cada forma a un "
        "punto, p. ej. a su centroide en un SIG"]
    assert (editing_on / "events.geojson").read_bytes() == before
