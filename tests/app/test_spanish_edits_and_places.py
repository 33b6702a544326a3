"""Issue 22 in Spanish: a correction made in Spanish on the edit page is what Spanish readers see in
the day list, English readers keep theirs; the Spanish day list of 9 January names no place in English."""
from __future__ import annotations

import re

from geo.core.i18n import translator
from geo.store.auth import hash_password
from geo.store.editor import Editor
from tests.conftest import BUNDLED, page_test, plain

PASSWORD = "editor password"
EVENT = "2023-01-09-chucuito-blockade"
#: Words that give a place label away as English (none is Spanish).
ENGLISH = re.compile(r"\b(city|roads?|province|airport|bridge|access(es)?|police|station|toll|strike|march|"
                     r"near|railway|streets|region|of|the|and|at|to|from)\b", re.I)


def _day_table(locale: str, data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    at = page_test("map.py", default_timeout=180, locale=locale)
    at.query_params["date"] = "2023-01-09"
    at.run()
    assert not at.exception
    t = translator(locale[:2])
    return at.dataframe[0].value, t.gettext("Place"), t.gettext("What happened")


def test_a_spanish_correction_reaches_spanish_readers_and_leaves_english_ones_theirs(bundled_copy, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(bundled_copy))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    before = Editor(bundled_copy).read().event(EVENT)["properties"]
    at = page_test("edit_events.py", default_timeout=120, locale="es-PE").run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:login-")).click().run()
    at.selectbox(key="edit-event").select(EVENT).run()
    box = at.text_area(key=f"edit-{EVENT}-description")
    assert box.value == before["description_es"] and box.label.startswith("Qué pasó, en español")
    text = "Bloqueo de la vía PE-3S en Chucuito desde la madrugada; corregido por la redacción."
    box.input(text)
    at.text_input(key=f"edit-{EVENT}-reason").input("corrección de la redacción")
    next(b for b in at.button if str(b.key).startswith(f"FormSubmitter:edit-{EVENT}-form-")).click().run()
    assert not at.exception
    assert [plain(t.value) for t in at.toast] == [f"Se guardó 1 cambio en {EVENT}."]
    after = Editor(bundled_copy).read().event(EVENT)["properties"]
    assert after == before | {"description_es": text}  # the English description, place and sources untouched
    [entry] = Editor(bundled_copy).history(EVENT)
    assert entry["who"] == "Ana" and entry["reason"] == "corrección de la redacción"
    assert entry["after"]["properties"]["description_es"] == text
    assert entry["before"]["properties"]["description_es"] == before["description_es"]

    table, place, what = _day_table("es-PE", bundled_copy, monkeypatch)
    row = table[table[place] == "Chucuito"]
    assert list(row[what]) == [text]
    table, place, what = _day_table("en-US", bundled_copy, monkeypatch)
    row = table[table[place] == "Chucuito"]
    assert list(row[what]) == [before["description"]]


def test_the_spanish_day_list_of_9_january_names_no_place_in_english(monkeypatch):
    table, place, _what = _day_table("es-PE", BUNDLED, monkeypatch)
    assert len(table) >= 17
    assert [p for p in table[place] if ENGLISH.search(p)] == []
    assert "Vías de acceso a la ciudad de Puno" in set(table[place])
    english, place_en, _ = _day_table("en-US", BUNDLED, monkeypatch)
    assert "Puno city access roads" in set(english[place_en])  # English readers keep the reported label
