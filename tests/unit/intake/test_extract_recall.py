"""The extractor's reading model, rules that find facts a careful reader finds (recall), each on a
sentence written for the test (never one of the real reports the extractor is measured on)."""
from __future__ import annotations

from geo.intake.extract import extract


def _events(text: str, published: str = "2023-02-10") -> list[tuple]:
    return [(e["kind"], e["place"], e["region"], e["start"]) for e in extract(text, published)["events"]]


# ---------------------------------------------------------------- lists of places


def test_a_list_goes_on_past_the_parenthesis_that_places_its_first_name():
    text = "El martes cerraron el Aeropuerto Coronel FAP Carlos Ciriani (Tacna) y el Aeropuerto Mayor General Gamarra (Sicuani)."
    got = _events(text)
    assert [(k, r, d) for k, _, r, d in got] == [("closure", "Tacna", "2023-02-07"), ("closure", "Cusco", "2023-02-07")]
    assert got[0][1].startswith("Aeropuerto Coronel") and got[1][1].startswith("Aeropuerto Mayor")


def test_a_parenthesis_after_a_name_does_not_join_two_clauses_into_a_list():
    text = "Hubo una marcha en Ayaviri (Melgar). En Juli los comercios abrieron."
    assert _events(text) == [("protest", "Ayaviri", "Puno", "2023-02-10")]


def test_a_list_may_repeat_its_preposition_with_an_area_noun():
    for text in ("El lunes bloquearon la vía en varios tramos de Azángaro y de la provincia de Huancané.",
                 "El lunes hubo bloqueos en Azángaro y en la provincia de Huancané."):
        assert sorted(_events(text)) == [("blockade", "Azángaro", "Puno", "2023-02-06"),
                                         ("blockade", "Huancané", "Puno", "2023-02-06")]


def test_an_article_alone_between_two_names_makes_no_list():
    # "y la" before a town is not a list's repeated head: the second name is not licensed by it.
    assert _events("El lunes bloquearon la vía en Azángaro y la Policía llegó después.") == [
        ("blockade", "Azángaro", "Puno", "2023-02-06")]


# ---------------------------------------------------------------- the action carried


def test_joined_them_takes_the_action_just_told_at_a_new_place_and_day():
    text = ("El lunes 6 cerró el aeropuerto de Tacna. El miércoles 8 se le unió el aeropuerto de Juliaca.")
    assert _events(text) == [("closure", "Aeropuerto de Tacna", "Tacna", "2023-02-06"),
                             ("closure", "Aeropuerto de Juliaca", "Puno", "2023-02-08")]


def test_joining_a_march_is_not_the_action_just_told():
    text = "El lunes 6 cerró el aeropuerto de Tacna. El miércoles 8 los vecinos de Juli se unieron a la marcha."
    assert ("closure", "Juli", "Puno", "2023-02-08") not in _events(text)


# ---------------------------------------------------------------- counts that place blockades


def test_a_count_of_blockades_spread_over_named_places_gives_a_blockade_at_each():
    for text in ("Según la Policía, los huelguistas mantienen 11 bloqueos distribuidos en las provincias de "
                 "Azángaro, Huancané y Melgar.",
                 "Police said strikers held 11 roadblocks across Azángaro, Huancané and Melgar."):
        out = extract(text, "2023-02-10")
        assert sorted((e["kind"], e["place"], e["start"]) for e in out["events"]) == [
            ("blockade", "Azángaro", "2023-02-10"), ("blockade", "Huancané", "2023-02-10"),
            ("blockade", "Melgar", "2023-02-10")]
        assert [(c["metric"], c["value"]) for c in out["counts"]] == [("blockade_points", 11)]


def test_a_count_of_blockades_with_no_place_after_it_gives_no_event():
    out = extract("La Sutran reporta 23 puntos de bloqueo al sur del país.", "2023-02-10")
    assert out["events"] == []
    assert [(c["metric"], c["value"]) for c in out["counts"]] == [("blockade_points", 23)]
