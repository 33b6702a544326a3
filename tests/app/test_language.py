"""Choosing the dashboard's language: ?lang in the URL, else the browser's if the dataset offers it,
else the dataset's first; the sidebar switch; the URL keeps a chosen language across pages."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import BUNDLED, ROOT, page_test, plain


@pytest.fixture(autouse=True)
def bundled(monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED))


def _map(locale: str | None, **query) -> AppTest:
    at = page_test("map.py", default_timeout=120, locale=locale)
    for key, value in {"date": "2023-01-09", **query}.items():
        at.query_params[key] = value
    return at.run()


def test_a_spanish_browser_gets_the_map_in_spanish():
    at = _map("es-PE")
    assert not at.exception
    assert at.title[0].value == "Bloqueos y protestas del lunes, 9 de enero de 2023"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Eventos (mapa)": "20", "Muertos (mapa)": "19", "Bloqueos": "11",
                       "Enfrentamientos": "2"}
    panel = "\n".join(plain(m.value) for m in at.markdown)
    assert "45 puntos de bloqueo reportados a nivel nacional (SUTRAN); 11 en el mapa" in panel
    assert "**Bloqueos desde el domingo, 8 de enero de 2023**" in panel
    table = at.dataframe[0].value
    assert list(table.columns)[:4] == ["Lugar", "Región", "Tipo", "Fechas"]
    juliaca = table[table["Lugar"] == "Juliaca"].iloc[0]
    assert juliaca["Tipo"] == "enfrentamiento" and juliaca["Estado"] == "confirmado"
    assert juliaca["Qué pasó"].startswith("La masacre de Juliaca")
    assert at.multiselect(key="view_kinds").options[0] == "bloqueo de vía"
    assert "lang" not in at.query_params  # a language from the browser is not forced on shared links


def test_lang_in_the_url_wins_over_the_browser_and_is_kept():
    at = _map("es-PE", lang="en")
    assert at.title[0].value == "Blockades and protests on 2023-01-09"
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"
    at.button(key="next_day").click().run()
    assert at.title[0].value == "Blockades and protests on 2023-01-10"
    assert "en" in at.query_params["lang"]


def test_without_a_browser_preference_the_datasets_first_language():
    at = _map(None)
    assert at.title[0].value.startswith("Bloqueos y protestas")  # dataset.json: languages ["es", "en"]
    at = _map("fr-FR")  # French is not offered: the dataset's first language
    assert at.title[0].value.startswith("Bloqueos y protestas")
    at = _map("en-GB")
    assert at.title[0].value == "Blockades and protests on 2023-01-09"


def test_an_unknown_lang_in_the_url_warns_and_falls_back():
    at = _map("en-US", lang="tlh")
    assert at.title[0].value == "Blockades and protests on 2023-01-09"
    assert any("'tlh'" in plain(w.value) and "not available" in w.value for w in at.warning)


def test_the_sidebar_switch_changes_the_language_and_the_url_keeps_it():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.context["locale"] = "en-US"
    at.query_params["date"] = "2023-01-09"
    at.run()
    switch = at.button_group[0]
    assert switch.options == ["Español", "English"] or [o for o in switch.options] == ["Español", "English"]
    switch.set_value("es").run()
    assert at.title[0].value == "Bloqueos y protestas del lunes, 9 de enero de 2023"
    assert "es" in at.query_params["lang"]
    at.switch_page("pages/corridors.py").run()
    assert at.title[0].value == "Corredores viales del lunes, 9 de enero de 2023"
    assert "es" in at.query_params["lang"]


def test_corridors_and_timeline_pages_follow_the_language():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.context["locale"] = "es-PE"
    at.query_params["date"] = "2023-01-16"
    at.switch_page("pages/corridors.py").run()
    assert not at.exception
    assert at.title[0].value == "Corredores viales del lunes, 16 de enero de 2023"
    answer = plain((at.success or at.error)[0].value)
    assert answer == ("Juliaca → Arequipa el lunes, 16 de enero de 2023: NO se puede pasar. Corte 0,0 km después de "
                      "Juliaca (donde empieza el viaje), en Accesos a Juliaca, en el corredor Arequipa–Juliaca. "
                      "11 puntos de bloqueo están en el mapa este día y no se reportó ninguna cifra nacional; solo "
                      "cuentan los bloqueos del mapa.")
    assert at.subheader[1].value == "Cortes en el camino de Juliaca a Arequipa"
    assert list(at.dataframe[0].value.columns) == [  # the route's cuts
        "#", "km desde Juliaca", "Lugar", "Último pueblo por el que pasa", "km después de ese pueblo", "Corredor",
        "km a lo largo del corredor"]
    status = at.dataframe[-1].value
    assert list(status.columns)[:2] == ["Corredor", "Estado"] and set(status["Estado"]) <= {"Cortado", "Abierto"}
    at.switch_page("pages/timeline.py").run()
    assert not at.exception
    assert at.title[0].value == "Línea de tiempo, del 7 de diciembre de 2022 al 31 de marzo de 2023"
    assert [m.label for m in at.metric] == ["Bloqueos en el mapa", "Muertos (mapa) este día", "Muertos (mapa) hasta este día"]
    assert [s.value for s in at.subheader][:2] == ["El lunes, 16 de enero de 2023",
                                                  "Bloqueos: en el mapa frente a los reportados a nivel nacional"]
