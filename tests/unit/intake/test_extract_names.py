"""Places the gazetteer lacks (issue 14): the recogniser in both languages and what it leaves out,
and what the extractor makes of such a place: its region, the region capital's point with
precision 3, a note for the editor, no borrowed place and no guessed point."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.intake.extract import extract
from geo.intake.extract.names import unknown_names
from geo.intake.extract.places import find_places, find_roads, load_capitals
from geo.intake.extract.text import Sentence
from geo.places.gazetteer import default_gazetteer

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "tests" / "extract_samples"
#: Region capitals of data/gazetteer/regions.csv, (lon, lat).
AREQUIPA = (-71.53747, -16.39899)
PUCALLPA = (-74.55387, -8.37915)
MOYOBAMBA = (-76.97423, -6.03441)
CUSCO = (-71.96701, -13.53188)


def names(text: str, lang: str) -> list[tuple[str, str]]:
    """(name, cue) of the names the recogniser finds in ``text`` alone (nothing known around it)."""
    return [(n.text, n.cue) for n in unknown_names(Sentence(text, 0, 0), lang, [], [])]


def places(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    """(text, level, region) of the places ``find_places`` reads in a sentence."""
    g = default_gazetteer()
    s = Sentence(text, 0, 0)
    return [(x.text, x.level, x.region) for x in find_places(s, lang, g, load_capitals(), find_roads(s, g))]


def only(events: list[dict], **match) -> dict:
    found = [e for e in events if all(e.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, events)
    return found[0]


# ---------------------------------------------------------------- the recogniser: what is a place

@pytest.mark.parametrize("text, lang, expected", [
    # after a locative
    ("Los comuneros bloquearon ayer la vía en Pampatama.", "es", [("Pampatama", "locative")]),
    ("Un grupo quemó llantas cerca de Alto Siguas.", "es", [("Alto Siguas", "locative")]),
    ("El tránsito se cortó a la altura de Chen Chen.", "es", [("Chen Chen", "locative")]),
    ("Protesters gathered outside Friaspata on Monday.", "en", [("Friaspata", "locative")]),
    ("In Huaycán, thousands marched.", "en", [("Huaycán", "locative")]),
    # after a site's noun, or the name after "de" in a phrase headed by a place noun
    ("Por la tarde, frente a la comisaría Ciudad Municipal de Cerro Colorado, un hombre murió.", "es",
     [("Cerro Colorado", "site")]),
    ("Atacaron la Municipalidad Distrital de Majes.", "es", [("Majes", "site")]),
    ("Bloquearon el Puente Cunyac y el sector de Chen Chen.", "es", [("Puente Cunyac", "site"), ("Chen Chen", "site")]),
    ("Ronderos blocked the road at the Chamán bridge.", "en", [("Chamán bridge", "site")]),
    ("Police cleared the road at the Inayo sector.", "en", [("Inayo sector", "site")]),
    # after an area's or a settlement's noun
    ("Marcharon en la comunidad de Chacapunco.", "es", [("Chacapunco", "place")]),
    ("Bloquearon la vía en la provincia de Coronel Portillo.", "es", [("Coronel Portillo", "place")]),
    ("Protesters marched in the village of Anchonga.", "en", [("Anchonga", "place")]),
])
def test_names_in_the_positions_of_places(text, lang, expected):
    assert names(text, lang) == expected


def test_a_province_is_read_as_one():
    (n,) = unknown_names(Sentence("Hubo bloqueos en la provincia de Padre Abad.", 0, 0), "es", [], [])
    assert (n.text, n.level) == ("Padre Abad", "province")
    got = places("Blockades at Huipoca and Previsto in Padre Abad province, Ucayali.", "en")
    assert ("Padre Abad", "province", "Ucayali") in got


@pytest.mark.parametrize("text, lang, expected", [
    # a member of a coordinated list with known places, in either language
    ("Protesters blocked the highway at Huipoca, San Alejandro and Previsto.", "en",
     [("Huipoca", "town", "Ucayali"), ("San Alejandro", "town", "Ucayali"), ("Previsto", "unknown", "Ucayali")]),
    ("Hubo bloqueos en Chen Chen y San Antonio, en Moquegua.", "es",
     [("Chen Chen", "unknown", "Moquegua"), ("San Antonio", "town", "Moquegua"), ("Moquegua", "city", "Moquegua")]),
    # "entre A y B": a place when the other end is known
    ("Bloquearon la vía entre Yura y Alto Siguas.", "es",
     [("Yura", "town", "Arequipa"), ("Alto Siguas", "unknown", "Arequipa")]),
])
def test_list_members_beside_known_places(text, lang, expected):
    assert places(text, lang) == expected


def test_small_towns_listed_after_a_name_the_gazetteer_lacks_are_places_too():
    got = places("Protesters blocked the road at the Cunyac bridge, Curahuasi, Pampatama, Chalhuanca and Cotaruse, "
                 "in Apurímac.", "en")
    assert [x[0] for x in got] == ["Cunyac bridge", "Curahuasi", "Pampatama", "Chalhuanca", "Cotaruse", "Apurímac"]
    assert {x[2] for x in got if x[1] == "unknown"} == {"Apurímac"}   # the region the sentence names


# ---------------------------------------------------------------- the recogniser: what is not a place

@pytest.mark.parametrize("text, lang", [
    # a sentence's first words, and a name in no place's position
    ("Protesters kept the road blocked.", "en"),
    ("Cerca de 400 manifestantes marcharon.", "es"),
    ("Los pobladores de Neshuya bloquearon la carretera.", "es"),       # "de" after people: where they come from
    # weekdays, months and feasts
    ("Protesters marched in January and again on Friday.", "en"),
    ("Marcharon en Enero, en Navidad y en Semana Santa.", "es"),
    ("Talks were held in December.", "en"),
    # bodies, offices and roles
    ("Incendiaron la comisaría de la Policía Nacional.", "es"),
    ("Marcharon hacia el Congreso y el Palacio de Gobierno.", "es"),
    ("Hubo reuniones en la Defensoría del Pueblo, en la Fiscalía y en el Ministerio del Interior.", "es"),
    ("The protesters marched toward Congress and gathered outside the Interior Ministry.", "en"),
    ("Atacaron la sede del Frente de Defensa de Huaycán.", "es"),
    ("En la Superintendencia de Transporte Terrestre (Sutran) se reunieron.", "es"),
    ("Entrevistado en Presidente Castillo, habló.", "es"),
    ("Supporters gathered at San Marcos University.", "en"),
    ("Acronyms are bodies: protesters met at CGTP.", "en"),
    # outlets
    ("Según La República, los pobladores marcharon.", "es"),
    ("Los comuneros bloquearon la vía, informó Exitosa.", "es"),
    ("En declaraciones a Infobae, el dirigente habló.", "es"),
    ("The blockade was reported by El Ciudadano.", "en"),
    ("The road was blocked, La República reported.", "en"),
    ("The minister spoke in an interview with Canal N.", "en"),
    ("He published the figures in El Comercio.", "en"),
    # people
    ("Una joven identificada como Rosa Quispe murió.", "es"),
    ("Talks between Dina Boluarte and Pedro Castillo failed.", "en"),     # "between" needs a known place
    ("Protesters rallied in Castillo's support.", "en"),
    ("In Rosa Huanca, 34, the police found a leader.", "en"),
    # streets, roads and firms
    ("Marcharon por la avenida Mariano Lino Urquieta y en la Plaza San Martín.", "es"),
    ("Protesters blocked the Federico Basadre highway.", "en"),
    ("Clashes erupted outside the Gloria plant.", "en"),
    # countries, natural regions, languages, platforms
    ("En Bolivia y en la Amazonía hubo marchas; en Twitter circularon videos.", "es"),
    ("Protests spread in Peru and in the Andes, in Quechua and in Spanish.", "en"),
    ("Peruvian police cleared the road in Andean villages.", "en"),
])
def test_what_is_not_a_place(text, lang):
    assert names(text, lang) == []


def test_roads_and_known_places_are_not_read_again():
    g = default_gazetteer()
    s = Sentence("Bloquearon la carretera Federico Basadre en Neshuya y en Aguaytía.", 0, 0)
    roads = [(r.start, r.end) for r in find_roads(s, g) if r.km is None]
    assert roads, "the road is found by find_roads"
    got = unknown_names(s, "es", [(s.text.index("Aguaytía"), s.text.index("Aguaytía") + 8, True)], roads)
    assert [n.text for n in got] == ["Neshuya"]


# ---------------------------------------------------------------- events at places the gazetteer lacks

def test_h01_the_clash_is_at_cerro_colorado_at_arequipas_capital():
    text = (SAMPLES / "h01.txt").read_text(encoding="utf-8")
    out = extract(text, "2022-12-13")
    e = only(out["events"], kind="clash")
    assert (e["place"], e["region"], e["start"], e["fatalities"], e["injured"]) == (
        "Cerro Colorado", "Arequipa", "2022-12-12", 1, 6)
    assert (e["lon"], e["lat"], e["geo_precision"]) == (*AREQUIPA, 3)
    (note,) = e["notes"]
    assert note["code"] == "place_not_in_gazetteer"
    assert note["text"].startswith("Cerro Colorado is not in the gazetteer: the point is Arequipa, the capital of Arequipa")
    assert "paragraph's previous event" in note["text"]
    assert not any(ev["place"] == "La Joya" and ev["kind"] == "clash" for ev in out["events"])
    # The other candidates carry no note.
    assert all("notes" not in ev for ev in out["events"] if ev is not e)


def test_h04_previsto_is_the_third_blockade_at_ucayalis_capital():
    text = (SAMPLES / "h04.txt").read_text(encoding="utf-8")
    out = extract(text, "2023-01-27")
    got = {e["place"]: (e["region"], e["geo_precision"], e["lon"], e["lat"]) for e in out["events"]
           if e["kind"] == "blockade"}
    assert set(got) == {"Huipoca", "San Alejandro", "Previsto"}
    assert got["Previsto"] == ("Ucayali", 3, *PUCALLPA)
    assert got["Huipoca"][:2] == ("Ucayali", 1) and got["San Alejandro"][:2] == ("Ucayali", 1)


def test_the_region_comes_from_parentheses_and_no_neighbouring_town_lends_its_point():
    out = extract("Bloquearon ayer la vía a la altura de Awajún (Rioja, San Martín).", "2023-01-21")
    e = only(out["events"], kind="blockade")
    assert (e["place"], e["region"], e["lon"], e["lat"], e["geo_precision"]) == ("Awajún", "San Martín", *MOYOBAMBA, 3)
    assert "names beside it" in e["notes"][0]["text"]


def test_a_known_town_given_as_a_reference_point_is_not_the_place():
    out = extract("En Cusco, el jueves, un bloqueo en Angostura, en el límite entre Saylla y San Jerónimo, frenó "
                  "a los viajeros.", "2023-01-21")
    e = only(out["events"], kind="blockade")
    assert (e["place"], e["region"], e["lon"], e["lat"], e["geo_precision"]) == ("Angostura", "Cusco", *CUSCO, 3)
    assert len(out["events"]) == 1


def test_the_dateline_gives_the_region_when_nothing_else_does():
    out = extract("Arequipa, 13 de diciembre de 2022. Según el diario Gestión, cientos de manifestantes irrumpieron "
                  "el lunes en la planta de Gloria en Alto Siguas.", "2022-12-13")
    e = only(out["events"], kind="other")
    assert (e["place"], e["region"], e["lon"], e["lat"], e["geo_precision"]) == ("Alto Siguas", "Arequipa", *AREQUIPA, 3)
    assert "dateline" in e["notes"][0]["text"]


@pytest.mark.parametrize("text", [
    # no region anywhere: no event, and the figures go nowhere
    "Ayer, en Huaycán, la policía detuvo a 12 personas.",
    "Protesters marched in San Juan de Lurigancho yesterday.",
    # the sentence names two regions: none is guessed
    "Police cleared a blockade yesterday at the Cunyac bridge, on the road between Abancay and Cusco.",
])
def test_no_region_no_event(text):
    out = extract(text, "2023-01-20")
    assert out["events"] == [] and out["counts"] == []


def test_an_unplaced_name_stops_the_borrowing_and_its_figures_stay_its_own():
    text = ("Los pobladores bloquearon ayer la vía en Juliaca.\n\nEn Xyzland, dos personas murieron en "
            "enfrentamientos.")
    out = extract(text, "2023-01-20")
    # A new paragraph: Juliaca's region is not lent, and Xyzland has none: the deaths are not Juliaca's.
    assert [(e["kind"], e["place"]) for e in out["events"]] == [("blockade", "Juliaca")]
    assert "fatalities" not in out["events"][0]
    # In the same paragraph the region is lent, never the town nor its point.
    out = extract("Los pobladores bloquearon ayer la vía en Juliaca. En Xyzland, dos personas murieron ayer en "
                  "enfrentamientos.", "2023-01-20")
    e = only(out["events"], kind="clash")
    assert (e["place"], e["region"], e["fatalities"], e["geo_precision"]) == ("Xyzland", "Puno", 2, 3)
    assert (e["lon"], e["lat"]) == (-70.02198, -15.84003)   # Puno, the capital; not Juliaca
    assert "fatalities" not in only(out["events"], kind="blockade")


def test_a_borrowed_place_claims_no_more_precision_than_its_event():
    out = extract("Arequipa, 13 de diciembre de 2022. Otro grupo bloqueó ayer el kilómetro 913 de la Panamericana "
                  "Sur, entre La Joya y Arequipa. Por la tarde, un hombre murió frente a la comisaría.", "2022-12-13")
    block = only(out["events"], kind="blockade")
    clash = only(out["events"], kind="clash")
    assert block["geo_precision"] == 2
    assert (clash["place"], clash["region"], clash["geo_precision"], clash["lon"], clash["lat"]) == (
        block["place"], block["region"], 2, block["lon"], block["lat"])


def test_the_note_is_printed_by_the_command_line(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text((SAMPLES / "h04.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract", str(report), "--published", "2023-01-27", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    noted = [e for e in out["events"] if "notes" in e]
    assert [e["place"] for e in noted] == ["Previsto"]
    assert noted[0]["notes"][0]["code"] == "place_not_in_gazetteer"
    assert main(["extract", str(report), "--published", "2023-01-27"]) == 0
    text = capsys.readouterr().out
    assert "   note: Previsto is not in the gazetteer: the point is Pucallpa, the capital of Ucayali" in text


def test_the_note_names_the_known_towns_beside_it_but_the_point_is_the_capital():
    out = extract("Juliaca, 10 de enero de 2023. En Macusani, pobladores bloquearon ayer la carretera a la altura "
                  "del sector Chacaconiza.", "2023-01-10")
    (e,) = out["events"]
    assert (e["place"], e["region"], e["lon"], e["lat"], e["geo_precision"]) == (
        "Chacaconiza", "Puno", -70.02198, -15.84003, 3)   # Puno, the capital; not Macusani's point
    (note,) = e["notes"]
    assert note["beside"] == "Macusani" and "The sentence also names Macusani." in note["text"]
