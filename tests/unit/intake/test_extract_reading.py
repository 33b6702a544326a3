"""The extractor's reading model, rule by rule, each on a sentence written for the test (never
one of the real reports it is measured on): sentences and their limits, numbers that are no figure."""
from __future__ import annotations

from geo.intake.extract.text import MAX_SENTENCE, Sentence, numbers_in, split_sentences


def test_dot_leaders_do_not_end_a_sentence_nor_slow_it():
    text = "Índice ........ 3\nResumen ........ 5\n\nLos vecinos de Ayaviri marcharon el lunes. Luego volvieron."
    texts = [s.text for s in split_sentences(text)]
    assert texts[-2:] == ["Los vecinos de Ayaviri marcharon el lunes.", "Luego volvieron."]


def test_an_overlong_run_is_read_in_pieces_cut_at_a_clause_mark():
    run = "; ".join(f"tramo {i} de la vía a Urcos" for i in range(200))
    pieces = split_sentences(run)
    assert len(pieces) > 1
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert all(p.text.endswith(";") for p in pieces[:-1])
    assert "".join(p.text for p in pieces).replace(";", "; ").split() == run.split()


def test_a_phone_number_or_a_post_id_is_no_figure():
    s = Sentence("Llame al 984123456789 o vea la publicación 1612345678901234567; hubo 12 heridos.", 0, 0)
    assert [n.value for n in numbers_in(s, "es")] == [12]


# ---------------------------------------------------------------- place carried as a reader carries it

from geo.intake.extract import extract  # noqa: E402
from geo.intake.extract.places import find_roads  # noqa: E402
from geo.intake.extract.text import Sentence as _S  # noqa: E402
from geo.places.gazetteer import default_gazetteer  # noqa: E402


def _events(text: str, published: str = "2023-02-10") -> list[tuple]:
    return [(e["kind"], e["place"], e["region"], e["start"]) for e in extract(text, published)["events"]]


def test_a_place_alone_before_a_full_stop_datelines_the_report():
    """ "Moquegua. ..." opens the report: a kilometre post with no town is in Moquegua."""
    got = _events("Moquegua. El martes unos cien comuneros bloquearon el kilómetro 40 de la carretera Binacional.")
    assert got == [("blockade", "carretera Binacional km 40", "Moquegua", "2023-02-07")]


def test_a_section_heading_carries_its_region_to_a_kilometre_post():
    text = ("Bloqueos en el sur\n\nCusco\n\nEl punto principal de bloqueo estuvo ayer en el kilómetro 12 "
            "de la vía Interoceánica Sur.")
    (e,) = extract(text, "2023-02-10")["events"]
    assert (e["kind"], e["region"], e["start"], e["km"], e["geo_precision"]) == ("blockade", "Cusco", "2023-02-09",
                                                                                   12, 3)
    assert e["notes"][0]["code"] == "km_post_in_carried_region"


def test_a_kilometre_post_with_no_place_anywhere_is_no_event():
    assert _events("Ayer bloquearon el kilómetro 12 de una vía.") == []


def test_a_road_noun_and_a_capitalised_name_name_the_road():
    roads = find_roads(_S("Cerraron la carretera Costanera y la vía Expresa cerca de Puno.", 0, 0), default_gazetteer())
    assert [r.road for r in roads] == ["carretera Costanera", "vía Expresa"]
    town = find_roads(_S("Marcharon por la carretera Juliaca.", 0, 0), default_gazetteer())
    assert [r.road for r in town] == []    # a town's name after the noun is a destination, not the road


# ---------------------------------------------------------------- kinds

def test_burning_tyres_make_a_blockade_not_an_arson():
    assert _events("En Ilave, los comuneros bloquearon la vía con llantas quemadas el lunes.") == [
        ("blockade", "Ilave", "Puno", "2023-02-06")]
    assert _events("In Ilave, protesters set tyres on fire across the road on Monday.") == [
        ("blockade", "Ilave", "Puno", "2023-02-06")]


def test_pickets_are_a_blockade():
    assert _events("Pickets massed on the road outside Ilave on Monday.") == [("blockade", "Ilave", "Puno", "2023-02-06")]


# ---------------------------------------------------------------- places where nothing happened

def test_where_people_came_from_or_were_heading_is_no_event_place():
    assert _events("En Juliaca marcharon el lunes cientos de comuneros llegados desde Azángaro y Lampa.") == [
        ("protest", "Juliaca", "Puno", "2023-02-06")]
    assert _events("On Monday trucks bound for Tacna and Moquegua were stopped by roadblocks in Ilave.") == [
        ("blockade", "Ilave", "Puno", "2023-02-06")]


def test_a_clause_after_a_semicolon_does_not_borrow_the_sentence_s_action():
    got = _events("El lunes bloquearon la vía en Ilave; el alcalde de Juli pidió calma.")
    assert got == [("blockade", "Ilave", "Puno", "2023-02-06")]


def test_a_list_after_a_colon_takes_the_action_before_it():
    got = _events("El lunes bloquearon tres accesos de la región: en Ilave, en Juli y en Pomata.")
    assert sorted(got) == [("blockade", p, "Puno", "2023-02-06") for p in ("Ilave", "Juli", "Pomata")]


# ---------------------------------------------------------------- plans and attempts

def test_a_plan_or_a_threat_is_no_event():
    assert _events("En Ilave, los dirigentes amenazan con bloquear la carretera desde el lunes.") == []
    assert _events("Farmers in Ilave plan to block the road on Monday.") == []


def test_an_attempt_is_a_protest_not_the_act():
    assert _events("El lunes los manifestantes intentaron tomar el aeropuerto de Juliaca.") == [
        ("protest", "Aeropuerto de Juliaca", "Puno", "2023-02-06")]
    assert _events("On Monday protesters tried to block the bridge in Ilave.") == [
        ("protest", "Ilave", "Puno", "2023-02-06")]


# ---------------------------------------------------------------- counts: scope and date

def _counts(text: str, published: str = "2023-02-10") -> list[tuple]:
    return [(c["metric"], c["value"], c["region"], c["date"]) for c in extract(text, published)["counts"]]


def test_a_toll_of_the_protests_as_a_whole_is_national():
    text = "En Cusco marcharon ayer cientos de vecinos contra las protestas, que hasta hoy han dejado 48 muertos."
    assert _counts(text) == [("deaths_total", 48, None, "2023-02-10")]
    assert [(e["kind"], e.get("fatalities")) for e in extract(text, "2023-02-10")["events"]] == [("protest", None)]
    assert _counts("The unrest has left 48 people dead, the ombudsman said on Friday.") == [
        ("deaths_total", 48, None, "2023-02-10")]


def test_the_protests_as_a_frame_do_not_make_a_clash_s_toll_national():
    text = "Un muerto y 20 heridos dejaron ayer los choques en Sicuani, en el marco de las protestas contra el Congreso."
    (e,) = extract(text, "2023-02-10")["events"]
    assert (e["kind"], e["place"], e["fatalities"], e["injured"]) == ("clash", "Sicuani", 1, 20)


def test_the_day_a_run_began_does_not_date_its_figure():
    text = "Las movilizaciones, que comenzaron hace doce días, suman 30 personas fallecidas."
    assert _counts(text) == [("deaths_total", 30, None, "2023-02-10")]


# ---------------------------------------------------------------- lists

def test_a_list_of_the_dead_gives_one_clash_per_date_and_place():
    text = ("Estos son los nombres de quienes murieron en enfrentamientos con la policía:\n"
            "03/02/2023 1. ANA PÉREZ, 30 años, Ilave (El Collao, Puno) 2. J.Q.M., 17 años, Ilave (El Collao, Puno) "
            "04/02/2023 3. LUIS MAMANI, 41 años, Juli (Chucuito, Puno) – herido desde el 01/02/23 "
            "4. ROSA HUANCA, 25 años, Ilave (El Collao, Puno)\n\nFin de la lista.")
    got = sorted((e["kind"], e["place"], e["region"], e["start"], e["fatalities"])
                 for e in extract(text, "2023-02-10")["events"])
    assert got == [("clash", "Ilave", "Puno", "2023-02-03", 2), ("clash", "Ilave", "Puno", "2023-02-04", 1),
                   ("clash", "Juli", "Puno", "2023-02-04", 1)]


def test_a_list_without_a_heading_of_the_dead_is_not_read_as_one():
    text = "Los ganadores del concurso:\n03/02/2023 1. ANA PÉREZ, 30 años, Ilave (El Collao, Puno)\n"
    assert extract(text, "2023-02-10")["events"] == []


def test_an_action_without_a_place_takes_the_previous_sentence_s_town():
    text = ("Por el puente de Ilave llegaron los comuneros el lunes. Luego prendieron fuego a llantas para "
            "cortar el paso.")
    assert _events(text) == [("blockade", "Ilave", "Puno", "2023-02-06")]
    # not across paragraphs, and not from a region named as a whole
    assert _events("Por el puente de Ilave llegaron los comuneros el lunes.\n\nLuego prendieron fuego a llantas.") == []
    assert _events("Puno es la región con más heridos. Luego prendieron fuego a llantas.") == []


def test_stones_on_the_road_are_a_blockade():
    assert _events("El lunes había piedras y troncos sobre la carretera en Ilave.") == [
        ("blockade", "Ilave", "Puno", "2023-02-06")]


def test_a_heading_without_a_place_keeps_the_section_s_region():
    text = ("Cusco\n\nLos vecinos marcharon.\n\nDATOS\n\nEl lunes hubo piedras en la pista a la altura del "
            "kilómetro 30 de una vía.")
    (e,) = extract(text, "2023-02-10")["events"]
    assert (e["kind"], e["region"], e["km"], e["start"]) == ("blockade", "Cusco", 30, "2023-02-06")


# ---------------------------------------------------------------- page boilerplate

def test_a_teaser_of_another_story_is_not_read():
    text = ("En Ilave bloquearon la vía el lunes.\n\nLEE TAMBIÉN: Queman la comisaría de Juli\n\n"
            "LEA TAMBIÉN\nMarcha en Azángaro deja dos heridos\n\nTE RECOMENDAMOS\n\nBloqueos en Lampa\n\n"
            "RECOMMENDED\n\nEl martes marcharon en Juli.")
    assert sorted(_events(text)) == [("blockade", "Ilave", "Puno", "2023-02-06"), ("protest", "Juli", "Puno", "2023-02-07")]


def test_a_caption_repeated_word_for_word_is_read_once():
    caption = "Comuneros bloquean la vía en Ilave este lunes. Foto: Archivo"
    got = extract(f"{caption}\n{caption}\n\nEl texto sigue.", "2023-02-06")["events"]
    assert [(e["kind"], e["place"], len(e["evidence_spans"])) for e in got] == [("blockade", "Ilave", 1)]


def test_a_dateline_after_a_section_label_is_still_the_dateline():
    text = "Conflicts\n\nPeru: clashes in the south\n\nLima, Feb 8 (EFE).- Police and farmers clashed in Ilave on Monday."
    assert _events(text) == [("clash", "Ilave", "Puno", "2023-02-06")]


def test_people_drowned_is_no_clash():
    got = extract("El lunes tres comuneros murieron ahogados en el río cerca de Ilave.", "2023-02-10")["events"]
    assert [(e["kind"], e.get("fatalities")) for e in got] == [("other", 3)]


def test_a_date_after_publication_is_a_plan_and_is_not_carried():
    text = ("El gobierno propuso elecciones en abril de 2024. En Ilave bloquearon la vía. "
            "En Juli marcharán el 20 de febrero.")
    assert _events(text) == [("blockade", "Ilave", "Puno", "2023-02-10")]


def test_a_city_block_is_no_blockade():
    assert _events("On Monday protesters marched a block away from the square in Ilave.") == [
        ("protest", "Ilave", "Puno", "2023-02-06")]
    assert _events("Protesters in Ilave met on Monday, two blocks from the bridge.") == []


def test_one_named_person_s_arrest_is_no_protest_detention():
    assert _events("Protesters in Arequipa marched on Monday against his detention after Castillo was arrested.") == [
        ("protest", "Arequipa", "Arequipa", "2023-02-06")]


def test_a_list_may_repeat_its_site_noun():
    got = _events("El lunes cerraron el aeropuerto de Juliaca y el aeropuerto de Cusco.")
    assert [(k, r, d) for k, _, r, d in got] == [("closure", "Puno", "2023-02-06"), ("closure", "Cusco", "2023-02-06")]


def test_the_first_to_close_is_a_closure_and_a_threat_to_close_is_not():
    assert _events("El primero en cerrar fue el aeropuerto de Juliaca, el lunes.") == [
        ("closure", "Aeropuerto de Juliaca", "Puno", "2023-02-06")]
    assert _events("Los dirigentes amenazan con cerrar el aeropuerto de Juliaca.") == []


def test_an_adjective_after_a_site_noun_is_no_place_name():
    """ "el puente Internacional" names no town: the event is at the town the sentence names."""
    assert _events("En Desaguadero, el lunes se volvió a cerrar el puente Internacional.") == [
        ("closure", "Desaguadero", "Puno", "2023-02-06")]


def test_a_summary_since_the_protests_began_is_no_event():
    assert _events("Desde que comenzaron las protestas en diciembre, los manifestantes han bloqueado Ilave.") == []


def test_a_running_toll_in_a_sentence_without_a_place_is_a_count_not_the_last_event_s():
    text = "En Ilave bloquearon la vía el lunes. Hasta ahora, al menos nueve personas han perdido la vida."
    assert [(e["kind"], e.get("fatalities")) for e in extract(text, "2023-02-10")["events"]] == [("blockade", None)]
    assert _counts(text) == [("deaths_total", 9, None, "2023-02-10")]


def test_that_department_is_the_region_the_report_speaks_of():
    text = "Cusco\n\nHasta el momento, cinco personas han fallecido, según la Diresa de ese departamento."
    assert _counts(text) == [("deaths_total", 5, "Cusco", "2023-02-10")]


def test_clashes_as_the_subject_make_a_toll_deaths_in_clashes():
    assert _counts("Clashes with the security forces have killed at least 49 people, the ombudsman said.") == [
        ("deaths_in_clashes", 49, None, "2023-02-10")]


def test_the_same_again_at_another_place_takes_the_action_just_told():
    text = "El lunes se ha cortado el tráfico en Ilave. Lo mismo ocurre en algunos puntos de Juli."
    assert sorted(_events(text)) == [("blockade", "Ilave", "Puno", "2023-02-06"), ("blockade", "Juli", "Puno", "2023-02-06")]
    assert _events("Lo mismo ocurre en Juli.") == []   # nothing told before: nothing to repeat


def test_strikers_are_a_protest():
    assert _events("El lunes los huelguistas recorrieron las calles de Ilave.") == [("protest", "Ilave", "Puno", "2023-02-06")]


def test_regions_with_their_tallies_are_counts_not_events():
    text = "Junín suma ocho personas fallecidas; Áncash, cuatro víctimas mortales; San Martín, dos muertes confirmadas."
    out = extract(text, "2023-02-10")
    assert out["events"] == []
    assert sorted((c["metric"], c["value"], c["region"]) for c in out["counts"]) == [
        ("deaths_total", 2, "San Martín"), ("deaths_total", 4, "Áncash"), ("deaths_total", 8, "Junín")]


def test_a_site_then_its_town_is_one_place_not_a_list():
    assert _events("El lunes bloquearon el puente Arturo, en Sicuani.") == [
        ("blockade", "Puente Arturo", "Cusco", "2023-02-06")]


def test_an_english_possessive_names_the_place():
    assert _events("On Monday, Juliaca's airport was shut.") == [("closure", "Juliaca", "Puno", "2023-02-06")]


# ---------------------------------------------------------------- past events recalled, not news

def test_an_anniversary_recalls_its_day_it_tells_no_event_nor_toll():
    text = ("El martes hubo choques entre policías y manifestantes en Ayaviri, cuando se cumplen dos meses "
            "de la jornada en la que 12 personas murieron y una comisaría fue incendiada en Ilave.")
    out = extract(text, "2023-02-10")
    assert [(e["kind"], e["place"], e["start"], e.get("fatalities")) for e in out["events"]] == [
        ("clash", "Ayaviri", "2023-02-07", None)]
    assert out["counts"] == []


def test_an_anniversary_put_first_ends_at_its_comma():
    text = "A un mes de los bloqueos en Ilave, los vecinos de Ayaviri marcharon el lunes."
    assert _events(text) == [("protest", "Ayaviri", "Puno", "2023-02-06")]


def test_a_grievance_over_earlier_protests_is_no_event_its_total_stays_a_count():
    text = ("On Monday, protesters marched in Ayaviri and Sicuani and demanded the minister resign over the "
            "army's crackdown on earlier demonstrations, which left 31 dead in total.")
    out = extract(text, "2023-02-10")
    assert sorted((e["kind"], e["place"]) for e in out["events"]) == [("protest", "Ayaviri"), ("protest", "Sicuani")]
    assert [(c["metric"], c["value"], c["region"]) for c in out["counts"]] == [("deaths_total", 31, None)]


def test_one_of_the_injured_who_died_and_a_regional_tally_make_no_new_clash():
    text = ("Uno de los heridos falleció el martes en el hospital de Ayaviri, con lo que la región Puno "
            "ya suma once fallecidos.")
    out = extract(text, "2023-02-10")
    assert out["events"] == []
    assert [(c["metric"], c["value"], c["region"]) for c in out["counts"]] == [("deaths_total", 11, "Puno")]


def test_a_figure_that_rose_from_one_value_to_another_is_the_second():
    for text in ("El martes hubo choques en Ayaviri. Según la Diresa, la cifra de heridos subió de 12 a 19.",
                 "On Tuesday police clashed with protesters in Ayaviri; the number of injured rose from 12 to 19."):
        assert [(e["kind"], e["place"], e["start"], e.get("injured")) for e in extract(text, "2023-02-10")["events"]] \
            == [("clash", "Ayaviri", "2023-02-07", 19)]


def test_killed_in_the_unrest_is_the_movements_toll_not_deaths_in_clashes():
    assert _counts("More than 40 people have been killed in the unrest since then, the ombudsman said.") == [
        ("deaths_total", 40, None, "2023-02-10")]


def test_a_month_set_off_after_a_verb_of_beginning_is_when_the_run_began():
    text = ("Según la Sutran, por primera vez desde que empezaron, en diciembre, las vías tenían el tránsito "
            "interrumpido en 12 puntos a nivel nacional.")
    assert _counts(text) == [("blockade_points", 12, None, "2023-02-10")]


def test_a_toll_named_after_its_figure_is_the_standing_total():
    text = ("El martes se registraron tres fallecidos en Ayaviri, con lo que llega a 9 la cifra de víctimas "
            "mortales a nivel nacional.")
    assert _counts(text) == [("deaths_total", 9, None, "2023-02-07")]


def test_a_toll_that_rises_in_the_present_is_the_update_not_the_new_death():
    assert _counts("Ayaviri: reportan un nuevo fallecido y la cifra sube a 19 a nivel nacional.") == [
        ("deaths_total", 19, None, "2023-02-10")]
