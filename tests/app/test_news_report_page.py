"""AppTest wiring of the "From a news report" page: read-only without a hash; logged in, a pasted
report gives its candidates, a count is accepted into reported_counts.csv, a bad one is refused."""
from __future__ import annotations

import csv
from datetime import date

from tests.app.test_editing_pages import PASSWORD, _logged_in, _page, data_env, editing_on, shown  # noqa: F401 - fixtures

REPORT = ("Lima, 21 de enero de 2023. La Sutran reportó este sábado 111 puntos de bloqueo en 11 regiones. "
          "En Puno, la provincia de El Collao amaneció con la comisaría de Ilave incendiada, tras los disturbios "
          "de la noche del viernes.")


def _read(at, text: str = REPORT, published: date = date(2023, 1, 21), url: str = "https://larepublica.pe/ejemplo",
          button: str = "Read the report") -> None:
    """Fill the page's form with a report of La República and press its button (labelled in the page's language)."""
    at.text_area(key="nr-text").input(text)
    at.date_input(key="nr-published").set_value(published)
    at.text_input(key="nr-outlet").input("La República")
    at.text_input(key="nr-url").input(url)
    at.button(key=f"FormSubmitter:nr-form-{button}").click().run()
    assert not at.exception


def test_read_only_without_a_password_hash(data_env):  # noqa: F811 - pytest fixture
    at = _page("news_report.py").run()
    assert not at.exception
    assert "Editing is switched off" in at.info[0].value
    assert len(at.text_area) == 0 and len(at.button) == 0


def test_a_report_gives_candidates_and_a_count_is_accepted(editing_on):  # noqa: F811 - pytest fixture
    at = _logged_in("news_report.py")
    _read(at)
    assert [h.value for h in at.subheader][0] == "1 candidate event, 2 counts"
    table = at.dataframe[0].value
    assert table[["Kind", "Place", "Region", "Dates"]].values.tolist() == [["other", "Ilave", "Puno", "2023-01-20"]]
    # The form starts from the candidate, with the report as its source.
    assert at.text_input(key="nr-c1-place").value == "Ilave"
    assert at.text_input(key="nr-c1-src0-name").value == "La República"
    assert at.date_input(key="nr-c1-start").value == date(2023, 1, 20)
    # A count is not accepted until the editor confirms its scope and date.
    at.button(key="FormSubmitter:nr-count1-form-Accept this count").click().run()
    assert any("tick the box" in w.value for w in at.warning)
    with (editing_on / "reported_counts.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 1
    # Confirmed, the first count (111 blockade points) is appended to reported_counts.csv.
    at.checkbox(key="nr-count1-confirmed").check()
    at.button(key="FormSubmitter:nr-count1-form-Accept this count").click().run()
    assert not at.exception
    with (editing_on / "reported_counts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[-1] == {"date": "2023-01-21", "metric": "blockade_points", "value": "111", "reporter": "SUTRAN",
                        "source_url": "https://larepublica.pe/ejemplo"}


def test_a_report_without_a_link_is_not_read(editing_on):  # noqa: F811 - pytest fixture
    at = _logged_in("news_report.py")
    _read(at, url="javascript:alert(1)")
    assert not at.exception
    assert any("link" in e.value for e in at.error)
    assert not at.subheader


CERRO_COLORADO = ("Arequipa, 13 de diciembre de 2022. Otro grupo bloqueó ayer el kilómetro 913 de la Panamericana "
                  "Sur, entre La Joya y Arequipa. Por la tarde, frente a la comisaría Ciudad Municipal de Cerro "
                  "Colorado, un hombre murió y otras seis personas quedaron heridas.")


def test_a_place_the_gazetteer_lacks_is_flagged_for_the_editor(editing_on):  # noqa: F811 - pytest fixture
    """Cerro Colorado is not in the gazetteer: the candidate says so, and the form starts at the
    region's capital with precision 3 for the editor to move."""
    at = _logged_in("news_report.py")
    _read(at, CERRO_COLORADO, date(2022, 12, 13))
    assert not at.exception
    table = at.dataframe[0].value
    rows = table[["Kind", "Place", "Region", "Location precision"]].values.tolist()
    assert rows == [["blockade", "La Joya", "Arequipa", 2], ["clash", "Cerro Colorado", "Arequipa", 3]]
    assert table["Note"].tolist()[0] == ""
    assert table["Note"].tolist()[1].startswith("Cerro Colorado is not in the gazetteer")
    warnings = [w.value for w in at.warning]
    assert any("Cerro Colorado is not in the gazetteer" in w and "capital of Arequipa" in w for w in warnings)
    assert at.text_input(key="nr-c2-place").value == "Cerro Colorado"
    assert at.radio(key="nr-c2-geo_precision").value == 3
    assert (at.number_input(key="nr-c2-lon").value, at.number_input(key="nr-c2-lat").value) == (-71.53747, -16.39899)


def test_the_note_is_in_the_readers_language(editing_on):  # noqa: F811 - pytest fixture
    at = _page("news_report.py")
    at.query_params["lang"] = "es"
    at.run()
    at.text_input(key="login-name").input("Ana")
    at.text_input(key="login-password").input(PASSWORD)
    at.button(key="FormSubmitter:login-Iniciar sesión").click().run()
    _read(at, CERRO_COLORADO, date(2022, 12, 13), button="Leer la noticia")
    assert not at.exception
    # The warning is escaped markdown: drop the backslashes to read it as the reader does.
    assert any(w.value.replace("\\", "").startswith("Cerro Colorado no está en el nomenclátor: solo se conoce su región, así que el "
                                  "punto está en la capital de Arequipa") for w in at.warning)
    assert at.dataframe[0].value["Nota"].tolist()[1].startswith("Cerro Colorado no está en el nomenclátor")


def test_a_report_with_an_absurd_number_is_refused_in_one_line(editing_on):  # noqa: F811 - pytest fixture
    """Issue 25: a 5,000-digit number is refused with a located message, not Python's digit limit."""
    at = _logged_in("news_report.py")
    _read(at, "En Puno marcharon ayer " + "7" * 5000 + " personas.")
    errors = [e.value for e in at.error]
    assert errors == ["This report is not read\\: character 24\\: a number of 5,000 digits; no figure in a report "
                      "is longer than 100 digits"]   # markdown-escaped colons
    assert not at.subheader


TOLL_RISES = ("Juliaca, 10 de enero de 2023. La cifra de muertos en Juliaca subió a 18 luego de que un policía "
              "fuera hallado calcinado.")


def test_a_rising_toll_is_proposed_as_an_update_not_a_new_event(editing_on):  # noqa: F811 - pytest fixture
    """The data holds a clash at Juliaca on 9 January with 17 dead: the report's 18 is offered as
    "17 → 18 dead" on that event, accepting it as new needs the box, and applying it edits the event."""
    import json
    at = _logged_in("news_report.py")
    _read(at, TOLL_RISES, date(2023, 1, 10))
    warnings = [shown(w) for w in at.warning]
    assert any("Update of an event already in the data" in w and "17 → 18 dead" in w and "e-juliaca-clash" in w
               for w in warnings), warnings
    at.button(key="FormSubmitter:nr-c1-form-Accept this event").click().run()
    assert any("matches e-juliaca-clash" in shown(w) for w in at.warning)
    before = json.loads((editing_on / "events.geojson").read_text(encoding="utf-8"))
    assert len(before["features"]) == 4
    at.button(key="nr-c1-update").click().run()   # not yet: the figures' place and day are unchecked
    assert any("tick the box, before applying them" in shown(w) for w in at.warning)
    assert json.loads((editing_on / "events.geojson").read_text(encoding="utf-8")) == before
    at.checkbox(key="nr-c1-update-confirmed").check().run()
    at.button(key="nr-c1-update").click().run()
    assert not at.exception
    after = json.loads((editing_on / "events.geojson").read_text(encoding="utf-8"))
    assert len(after["features"]) == 4
    clash = next(f for f in after["features"] if f["id"] == "e-juliaca-clash")
    assert clash["properties"]["fatalities"] == 18
    assert clash["properties"]["start"] == "2023-01-09"
    assert clash["properties"]["sources"][-1]["url"] == "https://larepublica.pe/ejemplo"
    assert "applied to e-juliaca-clash" in at.dataframe[0].value["Status"].tolist()[0]
