"""Issue 22: days in the reader's format on the Spanish pages. Every date field of the add, edit and
news pages shows ``DD/MM/YYYY`` in Spanish (``YYYY-MM-DD`` in English); the day's event table, the
news page's candidates and the import preview write days as ``9 ene 2023`` in Spanish, while the data
(and so every download) keeps ISO."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from geo.core.i18n import translator
from geo.core.view import View
from geo.store import load_dataset
from geo.store.auth import hash_password
from tests.app.test_news_report_page import REPORT
from tests.conftest import BUNDLED, make_event, page_test
from ui import exports
from ui.i18n import date_input_format

PASSWORD = "editor password"
FORMATS = {"es": "DD/MM/YYYY", "en": "YYYY-MM-DD"}


@pytest.mark.parametrize(("lang", "expected"), [("es", "DD/MM/YYYY"), ("en", "YYYY-MM-DD"), ("de", "DD.MM.YYYY"),
                                                ("fr", "DD/MM/YYYY")])
def test_the_date_field_format_follows_the_language(lang, expected):
    assert date_input_format(translator(lang)) == expected


def _submit(at, form: str) -> None:
    """Press the submit button of ``form`` (its key carries the label, in the page's language)."""
    next(b for b in at.button if str(b.key).startswith(f"FormSubmitter:{form}-")).click().run()
    assert not at.exception


def _logged_in(page: str, lang: str):
    at = page_test(page, default_timeout=120, locale=None)
    at.query_params["lang"] = lang
    at.run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    _submit(at, "login")
    assert at.sidebar.text[0].value == "Ana"
    return at


def _formats(at) -> dict[str, str]:
    return {d.key: d.proto.format for d in at.date_input}


@pytest.fixture
def editing_copy(tiny_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tiny_data))
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    return tiny_data


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_date_field_shows_the_readers_format(editing_copy, lang):
    add = _formats(_logged_in("add_event.py", lang))
    assert {"add-start", "add-end", "add-src0-published"} <= set(add)
    assert set(add.values()) == {FORMATS[lang]}

    edit = _logged_in("edit_events.py", lang)
    edit.selectbox(key="edit-event").select("e-ilave").run()
    fields = _formats(edit)
    assert {"edit-e-ilave-start", "edit-e-ilave-end"} <= set(fields) and set(fields.values()) == {FORMATS[lang]}
    assert edit.date_input(key="edit-e-ilave-end").value == date(2023, 1, 10)  # the value is a day, not text

    news = _logged_in("news_report.py", lang)
    assert _formats(news) == {"nr-published": FORMATS[lang]}
    news.text_area(key="nr-text").input(REPORT)
    news.date_input(key="nr-published").set_value(date(2023, 1, 21))
    news.text_input(key="nr-outlet").input("La República")
    news.text_input(key="nr-url").input("https://larepublica.pe/ejemplo")
    _submit(news, "nr-form")
    fields = _formats(news)
    assert {"nr-published", "nr-c1-start", "nr-c1-end", "nr-c1-src0-published", "nr-count1-date"} <= set(fields)
    assert set(fields.values()) == {FORMATS[lang]}
    # The candidates table writes the day in the reader's words too.
    table = news.dataframe[0].value
    dates = translator(lang).gettext("Dates")
    assert table[dates].tolist() == [{"es": "20 ene 2023", "en": "2023-01-20"}[lang]]


def _map_table(lang: str, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED))
    at = page_test("map.py", default_timeout=180, locale=None)
    at.query_params["date"] = "2023-01-09"
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    t = translator(lang)
    table = at.dataframe[0].value
    return table.set_index(t.gettext("Place")), t.gettext("Dates"), t.gettext("Reported by")


def test_the_days_event_table_writes_days_as_its_reader_does(monkeypatch):
    table, dates, reported = _map_table("es", monkeypatch)
    assert table.loc["Juliaca", dates] == "9 ene 2023"
    assert table.loc["Juliaca", reported].startswith("La República (9 ene 2023); ")
    # No ISO day is left in the Spanish table's days (ranges too: "7 ene 2023 – 12 ene 2023").
    cells = table[dates].tolist() + table[reported].tolist()
    assert not [c for c in cells if re.search(r"\d{4}-\d\d-\d\d", c)]
    assert any(" – " in c and c.count("2023") + c.count("2022") == 2 for c in table[dates])
    english, dates_en, _ = _map_table("en", monkeypatch)
    assert english.loc["Juliaca", dates_en] == "2023-01-09"
    # The Spanish CSV download keeps ISO days.
    rows = list(csv.DictReader(io.StringIO(exports.data_file(load_dataset(BUNDLED), View("2023-01-09"), "csv",
                                                             translator("es")))))
    assert {r["start"] for r in rows if r["place"] == "Juliaca"} == {"2023-01-09"}


def test_the_spanish_import_preview_and_corridor_table_write_days_as_their_reader(editing_copy, monkeypatch):
    at = _logged_in("import_data.py", "es")
    body = json.dumps({"type": "FeatureCollection",
                       "features": [make_event("fine", start="2023-01-09", place="Pomata", lon=-69.29, lat=-16.27)]})
    at.file_uploader(key="import-file").upload("eventos.geojson", body.encode("utf-8"), "application/geo+json")
    at.run()
    assert not at.exception
    es = translator("es")
    preview = at.dataframe[-1].value
    assert preview[[es.gettext("Place"), es.gettext("Start")]].values.tolist() == [["Pomata", "9 ene 2023"]]

    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED))
    at = page_test("corridors.py", default_timeout=180, locale=None)
    at.query_params["date"] = "2023-01-09"
    at.query_params["lang"] = "es"
    at.run()
    assert not at.exception
    headers = [c for frame in at.dataframe for c in frame.value.columns if str(c).startswith("Días cortado")]
    assert len(headers) == 1 and re.fullmatch(r"Días cortado \d{1,2} \w+ 20\d\d – 9 ene 2023", headers[0]), headers
