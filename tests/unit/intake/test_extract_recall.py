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
                 "Azángaro, Huancané y Lampa.",
                 "Police said strikers held 11 roadblocks across Azángaro, Huancané and Lampa."):
        out = extract(text, "2023-02-10")
        assert sorted((e["kind"], e["place"], e["start"]) for e in out["events"]) == [
            ("blockade", "Azángaro", "2023-02-10"), ("blockade", "Huancané", "2023-02-10"),
            ("blockade", "Lampa", "2023-02-10")]
        assert [(c["metric"], c["value"]) for c in out["counts"]] == [("blockade_points", 11)]


def test_a_count_of_blockades_with_no_place_after_it_gives_no_event():
    out = extract("La Sutran reporta 23 puntos de bloqueo al sur del país.", "2023-02-10")
    assert out["events"] == []
    assert [(c["metric"], c["value"]) for c in out["counts"]] == [("blockade_points", 23)]


def test_a_list_goes_on_past_where_each_member_lies():
    text = "On Tuesday roadblocks went up in Ayaviri in the north, Juli to the southeast and Azángaro."
    assert sorted(p for _, p, _, _ in _events(text)) == ["Ayaviri", "Azángaro", "Juli"]


def test_a_plural_area_noun_makes_each_member_of_its_list_an_area():
    from geo.intake.extract.places import find_places, find_roads, load_capitals
    from geo.intake.extract.text import Sentence
    from geo.places.gazetteer import default_gazetteer
    s = Sentence("Hubo bloqueos en las provincias de El Collao y Azángaro.", 0, 0)
    gaz = default_gazetteer()
    got = find_places(s, "es", gaz, load_capitals(), find_roads(s, gaz))
    assert [(x.text, x.level) for x in got] == [("El Collao", "province"), ("Azángaro", "province")]


# ---------------------------------------------------------------- a road between two towns


def test_a_road_named_by_the_towns_it_links_is_the_events_place():
    for text in ("El lunes los comuneros bloquearon la vía que une Ayaviri con Azángaro, en la provincia de El Collao.",
                 "On Monday villagers blocked the road linking Ayaviri to Azángaro in El Collao province."):
        (e,) = extract(text, "2023-02-10")["events"]
        assert (e["kind"], e["place"], e["region"], e["start"], e["geo_precision"]) == (
            "blockade", "Ayaviri–Azángaro", "Puno", "2023-02-06", 2)
        # halfway between the two towns
        assert -70.6 < e["lon"] < -70.2 and -15.0 < e["lat"] < -14.8


def test_occupying_a_road_named_by_its_towns_is_a_blockade_on_it():
    (e,) = extract("Este lunes un grupo de vecinos ocupó la carretera Juliaca-Azángaro.", "2023-02-13")["events"]
    assert (e["kind"], e["place"], e["region"], e["start"]) == ("blockade", "Juliaca-Azángaro", "Puno", "2023-02-13")


def test_a_road_between_towns_of_two_regions_keeps_the_sentences_own_place():
    got = _events("El lunes bloquearon la vía que une Juliaca con Sicuani, en la provincia de El Collao.")
    assert [p for _, p, _, _ in got] == ["El Collao"]


# ---------------------------------------------------------------- causes and releases are no news


def test_an_action_given_as_the_cause_is_no_event():
    for text in ("El lunes los vecinos de Ayaviri bloquearon la vía a raíz de la detención de dos dirigentes.",
                 "On Monday residents of Ayaviri blocked the road in protest at the arrest of two leaders."):
        assert [k for k, *_ in _events(text)] == ["blockade"]


def test_time_under_arrest_of_people_released_is_no_new_detention():
    text = ("El lunes los vecinos bloquearon la vía en Ayaviri. Exigen justicia para dos dirigentes, que recuperaron "
            "la libertad tras pasar 12 horas bajo arresto.")
    out = extract(text, "2023-02-10")
    assert [(e["kind"], e["place"]) for e in out["events"]] == [("blockade", "Ayaviri")]


# ---------------------------------------------------------------- counts


def _counts(text: str, published: str = "2023-02-10") -> list[tuple]:
    return [(c["metric"], c["value"], c["region"], c["date"]) for c in extract(text, published)["counts"]]


def test_a_figure_after_a_copula_takes_the_noun_named_after_it_with_its_article():
    text = "Según la Sutran, hasta esta tarde son nueve los puntos bloqueados en la red vial nacional."
    out = extract(text, "2023-02-10")
    assert [(c["metric"], c["value"]) for c in out["counts"]] == [("blockade_points", 9)]
    assert out["events"] == []   # the figure's words tell no blockade of their own


def test_a_region_named_as_such_scopes_a_figure_summed_up_in_total():
    text = "De acuerdo con la Sutran, en total son ocho los puntos bloqueados en las carreteras de la región Cusco."
    assert _counts(text) == [("blockade_points", 8, "Cusco", "2023-02-10")]


def test_a_figure_summed_up_nationwide_stays_national_whatever_region_it_names():
    text = "En total hay 40 puntos bloqueados a nivel nacional, la mayoría en la región Puno, según la Sutran."
    assert _counts(text) == [("blockade_points", 40, None, "2023-02-10")]


def test_a_figure_with_no_place_goes_on_with_the_paragraphs_national_tally():
    text = ("Al cierre de esta nota, las protestas suman 12 fallecidos a nivel nacional. Según las autoridades, "
            "además, 95 personas resultaron heridas.")
    assert sorted(_counts(text)) == [("deaths_total", 12, None, "2023-02-10"),
                                     ("injured_total", 95, None, "2023-02-10")]


def test_a_figure_after_an_event_of_the_paragraph_is_that_events_not_the_tally():
    text = ("Las protestas suman 12 fallecidos a nivel nacional. El lunes hubo choques en Ayaviri. "
            "Según las autoridades, 9 personas resultaron heridas.")
    out = extract(text, "2023-02-10")
    assert [(e["kind"], e["place"], e.get("injured")) for e in out["events"]] == [("clash", "Ayaviri", 9)]
    assert [(c["metric"], c["value"]) for c in out["counts"]] == [("deaths_total", 12)]


# ---------------------------------------------------------------- casualties of one event


def _hurt(text: str) -> list[tuple]:
    return [(e["kind"], e["place"], e.get("fatalities"), e.get("injured")) for e in extract(text, "2023-02-10")["events"]]


def test_a_status_word_after_and_belongs_to_the_next_figure():
    assert _hurt("On Monday clashes with police in Ayaviri killed three people and injured at least eight.") == [
        ("clash", "Ayaviri", 3, 8)]
    assert _hurt("Clashes in Ayaviri on Monday left two people dead and injured at least seven, officials said.") == [
        ("clash", "Ayaviri", 2, 7)]


def test_one_person_told_with_the_indefinite_article_is_one():
    assert _hurt("On Monday a farmer was killed and at least six others were hurt in clashes with police in Ayaviri.") == [
        ("clash", "Ayaviri", 1, 6)]
    assert _hurt("On Monday an officer has been injured in clashes with protesters in Ayaviri.") == [
        ("clash", "Ayaviri", None, 1)]


def test_an_indefinite_article_without_harm_is_no_figure():
    assert _hurt("On Monday a protester was seen near the clashes with police in Ayaviri.") == [
        ("clash", "Ayaviri", None, None)]


# ---------------------------------------------------------------- the scene carried over a paragraph break


def test_figures_of_a_paragraph_naming_no_place_belong_to_the_scene_just_told():
    text = ("On Monday protesters set fire to a police van outside the bus terminal in Ayaviri.\n\n"
            "Local radio stations reported 11 people injured, three of them officers.")
    got = _hurt(text)
    assert ("clash", "Ayaviri", None, 11) in got


def test_a_place_that_says_where_the_reporters_are_is_no_events_place():
    for text in ("Juliaca news outlets reported 11 people injured on Monday.",
                 "Según medios de Juliaca, el lunes hubo 11 heridos."):
        assert extract(text, "2023-02-10")["events"] == []


def test_part_of_a_toll_already_told_is_no_new_figure_across_a_paragraph():
    text = ("On Sunday clashes with police in Azángaro left four people dead.\n\n"
            "Doctors identified three of the dead on Monday.")
    got = [(e["kind"], e["place"], e["start"], e.get("fatalities")) for e in extract(text, "2023-02-10")["events"]]
    assert got == [("clash", "Azángaro", "2023-02-05", 4)]


def test_a_detention_carried_from_the_march_is_on_the_street_its_sentence_names():
    text = ("El martes cientos de personas marcharon por el centro de Ayaviri.\n\n"
            "Durante la marcha, la Policía detuvo a tres personas a la altura de la avenida Grau.")
    out = extract(text, "2023-02-10")["events"]
    assert [(e["kind"], e["place"], e["region"], e["start"], e.get("detained")) for e in out] == [
        ("protest", "Ayaviri", "Puno", "2023-02-07", None), ("detention", "avenida Grau", "Puno", "2023-02-07", 3)]
    assert out[1]["geo_precision"] == 2


def test_a_toll_with_one_person_set_apart_at_a_place_is_a_total_and_one_death_there():
    for text in ("At least nine people have died, including a student who succumbed on Monday to wounds received "
                 "in clashes in Ayaviri, a doctor said.",
                 "Al menos nueve personas han muerto, entre ellos un estudiante que falleció el lunes por las heridas "
                 "sufridas en los choques en Ayaviri."):
        out = extract(text, "2023-02-10")
        assert [(e["kind"], e["place"], e["start"], e.get("fatalities")) for e in out["events"]] == [
            ("clash", "Ayaviri", "2023-02-06", 1)]
        assert [(c["metric"], c["value"], c["region"]) for c in out["counts"]] == [("deaths_total", 9, None)]


def test_a_toll_whose_own_clause_names_the_place_stays_that_events():
    out = extract("On Monday clashes in Ayaviri left nine people dead, including a student.", "2023-02-10")
    assert [(e["kind"], e["place"], e.get("fatalities")) for e in out["events"]] == [("clash", "Ayaviri", 9)]


# ---------------------------------------------------------------- places set by a shared context


def test_both_in_a_province_places_each_place_before_it_and_each_holds_the_event():
    text = ("El jueves grupos de vándalos atacaron dos locales públicos. Los ataques ocurrieron en la comisaría de "
            "Quillcamarca y en el local que la municipalidad tiene en el distrito de Tintaypunco, ambos en la "
            "provincia de Huamanga.")
    got = _events(text)
    assert ("other", "Quillcamarca", "Ayacucho", "2023-02-09") in got
    assert ("other", "Tintaypunco", "Ayacucho", "2023-02-09") in got


def test_a_town_known_only_in_another_region_than_both_in_says_is_a_namesake_placed_there():
    text = ("El jueves hubo ataques en la comisaría de Macusani y en el distrito de Quillcamarca, ambos en "
            "la provincia de Huamanga.")
    by_place = {e["place"]: e for e in extract(text, "2023-02-10")["events"]}
    assert by_place["Macusani"]["region"] == "Ayacucho" and by_place["Macusani"]["geo_precision"] == 3
    assert by_place["Quillcamarca"]["region"] == "Ayacucho"


def test_one_person_named_with_their_age_is_one():
    for text in ("El lunes, en Ayaviri, la Defensoría confirmó que Rosa Quispe Mamani, de 41 años, falleció "
                 "durante los choques con la policía.",
                 "In Ayaviri on Monday, Rosa Quispe, 41, died during clashes with police, the ombudsman said."):
        assert _hurt(text) == [("clash", "Ayaviri", 1, None)]


def test_a_name_with_an_age_and_no_harm_is_no_figure():
    assert _hurt("El lunes, en Ayaviri, Rosa Quispe Mamani, de 41 años, encabezó la marcha.") == [
        ("protest", "Ayaviri", None, None)]


# ---------------------------------------------------------------- a figure's scope


def test_this_region_is_the_one_named_in_a_bodys_name_and_beats_the_movements_words():
    text = ("Según la Dirección Regional de Salud de Cusco, ya son 4 las personas fallecidas solo en esta región "
            "a raíz de las protestas.")
    assert _counts(text) == [("deaths_total", 4, "Cusco", "2023-02-10")]


def test_this_region_gives_way_to_a_nationwide_figure():
    text = ("Según la Dirección Regional de Salud de Cusco, en esta región y a nivel nacional ya son 40 las personas "
            "fallecidas.")
    assert _counts(text) == [("deaths_total", 40, None, "2023-02-10")]


def test_the_speaker_going_on_keeps_the_scope_of_the_figure_just_given():
    text = ("La Dirección Regional de Salud de Cusco informó que en esta región han muerto 4 personas. Además, "
            "reportó 31 heridos, atendidos en el hospital regional.")
    assert sorted(_counts(text)) == [("deaths_total", 4, "Cusco", "2023-02-10"),
                                     ("injured_total", 31, "Cusco", "2023-02-10")]


def test_a_new_speaker_does_not_take_the_previous_figures_scope():
    text = ("La Dirección Regional de Salud de Cusco informó que en esta región han muerto 4 personas. La Defensoría "
            "del Pueblo reportó 31 heridos.")
    assert sorted(_counts(text)) == [("deaths_total", 4, "Cusco", "2023-02-10"),
                                     ("injured_total", 31, None, "2023-02-10")]


def test_a_toll_in_this_region_is_a_regional_count_not_a_clash():
    out = extract("El lunes hubo choques en Ayaviri. En esta región ya han muerto 4 personas.", "2023-02-10")
    assert [(e["kind"], e["place"], e.get("fatalities")) for e in out["events"]] == [("clash", "Ayaviri", None)]
    assert [(c["metric"], c["value"], c["region"]) for c in out["counts"]] == [("deaths_total", 4, "Puno")]


def test_a_site_of_the_place_is_in_the_town_just_spoken_of():
    text = ("El lunes un grupo de manifestantes prendió fuego a la comisaría de Ayaviri. El choque con los soldados "
            "en el Cuartel Norte del lugar dejó al menos 4 heridos.")
    out = extract(text, "2023-02-10")["events"]
    assert [(e["kind"], e["place"], e["region"], e.get("injured"), e["geo_precision"]) for e in out] == [
        ("other", "Ayaviri", "Puno", None, 1), ("clash", "Cuartel Norte, Ayaviri", "Puno", 4, 2)]


def test_burning_tyres_in_the_singular_is_still_a_blockade():
    assert _events("El lunes un vecino prendió fuego a unas llantas en la vía de Ayaviri.") == [
        ("blockade", "Ayaviri", "Puno", "2023-02-06")]


def test_people_closing_the_roads_is_a_blockade():
    for text in ("El lunes los comuneros de Ayaviri cerraron todos los accesos a la ciudad.",
                 "On Monday villagers in Ayaviri closed all the access roads to the town."):
        assert _events(text) == [("blockade", "Ayaviri", "Puno", "2023-02-06")]


def test_closing_an_airport_stays_a_closure():
    assert _events("El lunes cerraron el aeropuerto de Juliaca.") == [
        ("closure", "Aeropuerto de Juliaca", "Puno", "2023-02-06")]


# ---------------------------------------------------------------- the weekend, people named in a list


def test_last_weekend_is_the_saturday_and_sunday_before_the_report():
    from datetime import date

    from geo.intake.extract.text import Sentence, dates_in
    for text, lang in (("El último fin de semana hubo marchas en Ayaviri.", "es"),
                       ("Last weekend there were marches in Ayaviri.", "en")):
        (d,) = dates_in(Sentence(text, 0, 0), lang, date(2023, 2, 15))   # a Wednesday
        assert (d.day, d.role) == (date(2023, 2, 11), "range:2023-02-12")


def test_this_weekend_not_yet_begun_is_no_date_told():
    from datetime import date

    from geo.intake.extract.text import Sentence, dates_in
    assert dates_in(Sentence("Este fin de semana habrá marchas en Ayaviri.", 0, 0), "es", date(2023, 2, 9)) == []


def test_people_named_in_a_list_after_their_arrest_are_counted():
    for text, detained in (("El lunes, en Ayaviri, la Policía detuvo a Ana Quispe Mamani y Luis Condori.", 2),
                           ("On Monday police in Ayaviri detained Ana Quispe, Luis Condori and Rosa Mamani Apaza.", 3)):
        out = extract(text, "2023-02-15")["events"]
        assert [(e["kind"], e["place"], e["start"], e.get("detained")) for e in out] == [
            ("detention", "Ayaviri", "2023-02-13", detained)]


# ---------------------------------------------------------------- sites taken, protests turned to clashes


def test_an_attempt_to_take_a_power_station_repelled_with_injuries_is_a_clash_there():
    text = ("El lunes unas 300 personas trataron de tomar la estación eléctrica de Quellopata, en Cusco. La policía "
            "las dispersó con gases. Según los reportes, hubo cuatro manifestantes heridos.")
    out = extract(text, "2023-02-10")["events"]
    assert [(e["kind"], e["place"], e["region"], e["start"], e.get("injured")) for e in out] == [
        ("clash", "Quellopata", "Cusco", "2023-02-06", 4)]


def test_taking_a_building_is_an_action_and_trying_to_a_protest():
    assert [k for k, *_ in _events("El lunes los comuneros tomaron la sede de la municipalidad en Ayaviri.")] == ["other"]
    assert [k for k, *_ in _events("El lunes los comuneros intentaron tomar la comisaría de Ayaviri.")] == ["protest"]


def test_a_protest_without_casualties_stays_beside_a_clash_elsewhere():
    text = "El lunes hubo una marcha en Ayaviri. Ese mismo día, en Juli, los choques con la policía dejaron tres heridos."
    assert sorted((k, p) for k, p, _, _ in _events(text)) == [("clash", "Juli"), ("protest", "Ayaviri")]
