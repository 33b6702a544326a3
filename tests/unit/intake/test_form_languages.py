"""The add / edit form in the reader's language: a Spanish correction is saved as ``description_es``
and reaches Spanish readers; English readers keep theirs (issue 22), in the folder and PostGIS stores."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from geo.core.i18n import translator
from geo.core.view import View
from geo.intake.forms import description_key, description_reference, feature_from_form, form_values
from geo.render.popups import popup_html
from geo.store import load_dataset
from geo.store.changelog import changes_between, describe_entry
from geo.store.editor import Editor
from tests.conftest import BUNDLED, make_event, write_folder

SOURCES = [{"name": "RPP", "url": "https://rpp.pe/a", "published": date(2023, 1, 10)}]
BOTH = {"description": "Road blocked at the bridge by the strikers.", "description_es": "Vía bloqueada en el puente."}


def _event(**props) -> dict:
    event = make_event("e1", place="Ilave")
    event["properties"].update(props)
    return event


def test_the_form_shows_the_readers_description():
    event = _event(**BOTH)
    assert form_values(event, "es")["description"] == "Vía bloqueada en el puente."
    assert form_values(event, "en")["description"] == "Road blocked at the bridge by the strikers."
    assert form_values(event)["description"] == "Road blocked at the bridge by the strikers."
    assert description_reference(event, "es") is None


def test_a_spanish_correction_is_saved_as_description_es_only():
    event = _event(**BOTH)
    values = dict(form_values(event, "es"), description="Vía bloqueada en el puente Ilave desde las 6 a. m.")
    new, problems = feature_from_form(values, SOURCES, "e1", original=event, lang="es")
    assert problems == []
    assert changes_between(event, new) == {"description_es": "Vía bloqueada en el puente Ilave desde las 6 a. m.",
                                           "sources": new["properties"]["sources"]}
    assert new["properties"]["description"] == BOTH["description"]


def test_an_english_correction_leaves_the_spanish_text():
    event = _event(**BOTH)
    values = dict(form_values(event, "en"), description="Road blocked at the Ilave bridge.")
    new, _ = feature_from_form(values, SOURCES, "e1", original=event, lang="en")
    assert new["properties"]["description"] == "Road blocked at the Ilave bridge."
    assert new["properties"]["description_es"] == BOTH["description_es"]


def test_an_english_only_description_is_shown_for_reference_and_translated_into_description_es():
    event = _event(description="The road was blocked by the strikers at the bridge of the town.")
    values = form_values(event, "es")
    assert values["description"] == ""
    assert description_reference(event, "es") == (event["properties"]["description"], "en")
    # saved untouched: nothing changes (the English text is not copied into description_es)
    new, _ = feature_from_form(values, event["properties"]["sources"], "e1", original=event, lang="es")
    assert changes_between(event, new) == {}
    new, _ = feature_from_form(dict(values, description="Los huelguistas bloquearon la vía en el puente."),
                               event["properties"]["sources"], "e1", original=event, lang="es")
    assert changes_between(event, new) == {"description_es": "Los huelguistas bloquearon la vía en el puente."}
    # clearing the Spanish text again removes description_es and keeps the English one
    cleared, _ = feature_from_form(dict(values, description=""), event["properties"]["sources"], "e1",
                                   original=new, lang="es")
    assert changes_between(new, cleared) == {"description_es": None}
    assert cleared["properties"]["description"] == event["properties"]["description"]


def test_a_new_event_is_described_in_the_datasets_language_or_marked_with_the_readers():
    assert description_key({}, "es", home="es") == "description"
    assert description_key({}, "en", home="es") == "description_en"
    values = dict(form_values(None, "en", "es"), kind="blockade", start=date(2023, 1, 9), place="Ilave",
                  region="Puno", lon=-69.66, lat=-16.08, description="Road blocked.")
    new, problems = feature_from_form(values, SOURCES, lang="en", home="es")
    assert problems == [] and new["properties"]["description_en"] == "Road blocked."
    assert "description" not in new["properties"]


def test_a_too_long_spanish_description_is_refused_on_its_field():
    event = _event(**BOTH)
    values = dict(form_values(event, "es"), description="x" * 20_001)
    _, problems = feature_from_form(values, SOURCES, "e1", original=event, lang="es")
    assert [p.field for p in problems] == ["description_es"]


def _edit_in_spanish(editor, event_id: str, text: str):
    feature = editor.read().event(event_id)
    values = dict(form_values(feature, "es", "es"), description=text)
    new, problems = feature_from_form(values, feature["properties"]["sources"], event_id, original=feature,
                                      lang="es", home="es")
    assert problems == []
    changes = changes_between(feature, new)
    assert list(changes) == ["description_es"]
    editor.edit(event_id, changes, "Ana", "corrección")
    return feature


def _popups(source, event_id: str, day: str) -> dict[str, str]:
    ds = load_dataset(source)
    [record] = [r for r in ds.index.records(ds.index.select(View(day))) if r["id"] == event_id]
    return {lang: popup_html(record, translator(lang)) for lang in ("es", "en")}


def test_a_spanish_edit_reaches_spanish_readers_through_the_folder_store(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    event_id = "2023-01-09-chucuito-blockade"
    text = "Bloqueo en Chucuito corregido: la vía PE-3S cerrada desde la madrugada."
    before = _edit_in_spanish(Editor(folder), event_id, text)
    popups = _popups(folder, event_id, "2023-01-09")
    assert text in popups["es"] and before["properties"]["description_es"] not in popups["es"]
    assert before["properties"]["description"] in popups["en"] and text not in popups["en"]
    [entry] = Editor(folder).history(event_id)
    assert entry["reason"] == "corrección"
    assert "description_es:" in describe_entry(entry) and text in describe_entry(entry)


@pytest.mark.postgis
def test_a_spanish_edit_reaches_spanish_readers_through_postgis(pg_db, tmp_path):
    from geo.store.postgis import PostgisStore
    folder = tmp_path / "data"
    write_folder(folder, [make_event("e-ilave", place="Ilave", description="Road blocked by the strikers at "
                                                                            "the bridge of the town.")])
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(folder)
    _edit_in_spanish(store.editor(), "e-ilave", "Vía bloqueada en el puente de Ilave.")
    popups = _popups(pg_db, "e-ilave", "2023-01-09")
    assert "Vía bloqueada en el puente de Ilave." in popups["es"] and "(en inglés)" not in popups["es"]
    assert "Road blocked by the strikers" in popups["en"] and "Vía" not in popups["en"]
    assert store.editor().read().event("e-ilave")["properties"]["description_es"] == \
        "Vía bloqueada en el puente de Ilave."


def test_place_labels_are_kept_unless_the_place_itself_changes():
    event = _event(place="Puno city access roads", place_es="Vías de acceso a la ciudad de Puno", **BOTH)
    values = form_values(event, "es")
    assert values["place"] == "Puno city access roads"  # the form edits the place as reported
    same, _ = feature_from_form(dict(values, injured=3), event["properties"]["sources"], "e1", original=event,
                                lang="es")
    assert changes_between(event, same) == {"injured": 3}
    moved, _ = feature_from_form(dict(values, place="Juliaca"), event["properties"]["sources"], "e1",
                                 original=event, lang="es")
    assert changes_between(event, moved) == {"place": "Juliaca", "place_es": None}
