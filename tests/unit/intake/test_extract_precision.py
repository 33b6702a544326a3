"""The extractor's precision rules, each on a sentence written for the test (never one of the real
reports it is measured on): what a careful reader would not propose, and which figures the Add
form must not take as they are (``counts_to_check``)."""
from __future__ import annotations

from geo.intake.extract import extract


def _one(text: str, published: str = "2023-02-15", kind: str = "clash") -> dict:
    found = [e for e in extract(text, published)["events"] if e["kind"] == kind]
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- figures bound to their verb

def test_a_verb_of_killing_before_a_figure_says_what_it_counts():
    e = _one("On Monday, clashes with police in the town of Ayaviri killed three people and injured at least eight.")
    assert (e["place"], e["start"], e.get("fatalities"), e.get("injured")) == ("Ayaviri", "2023-02-13", 3, 8)


# ---------------------------------------------------------------- which figures the form takes as they are

def test_a_figure_its_clause_dates_and_places_is_taken_as_it_is():
    e = _one("Ayer, en Juliaca, tres manifestantes murieron en enfrentamientos con la policía.")
    assert (e["place"], e["start"], e["fatalities"]) == ("Juliaca", "2023-02-14", 3)
    assert "counts_to_check" not in e
    assert not any(n["code"] == "counts_to_check" for n in e.get("notes", []))


def test_a_toll_whose_place_is_only_in_its_including_part_is_to_check():
    """ "Nine have died, including a farmer shot in Sicuani": nine is not Sicuani's toll."""
    e = _one("At least nine people have died, including a farmer who was shot in clashes in Sicuani on Monday.")
    assert e["place"] == "Sicuani"
    assert "scope" in e["counts_to_check"]
    note = next(n for n in e["notes"] if n["code"] == "counts_to_check")
    assert "9 dead" in note["text"] and "scope" in note["what"]


def test_a_toll_at_a_whole_region_is_to_check():
    e = _one("El lunes murieron cuatro personas en enfrentamientos con la policía en la región Apurímac.")
    assert (e["region"], e["fatalities"]) == ("Apurímac", 4)
    assert "scope" in e["counts_to_check"]


def test_the_day_a_toll_was_said_does_not_date_the_event():
    """ "..., officials said on Monday": Monday is when it was said; the event's day is not known."""
    e = _one("Four protesters died in clashes with soldiers in Juliaca, officials said on Monday.", "2023-02-15")
    assert e["start"] != "2023-02-13" and e["time_precision"] > 1
    assert "date" in e["counts_to_check"]


def test_a_figure_carried_from_a_sentence_naming_no_place_is_to_check():
    e = _one("Ayer hubo enfrentamientos en Juliaca. Hay 12 heridos, informó la Diresa.")
    assert e["place"] == "Juliaca" and e["injured"] == 12
    assert "scope" in e["counts_to_check"]


def test_a_toll_at_a_name_both_a_region_and_its_capital_is_to_check():
    """ "En Puno" may be the city or the whole region: the toll's scope is for the editor to check."""
    e = _one("Ayer murieron dos comuneros en enfrentamientos con la policía en Puno.")
    assert (e["region"], e["fatalities"]) == ("Puno", 2)
    assert e["counts_to_check"] == ["scope"]
    city = _one("Ayer murieron dos comuneros en enfrentamientos con la policía en la ciudad de Puno.")
    assert "counts_to_check" not in city
