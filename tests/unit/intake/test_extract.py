"""The news-report extractor: dates, numbers, places, kinds and the traps editors know, in both
languages; the command line; the shared samples meet the bar; counts are appended safely."""
from __future__ import annotations

import importlib.util
import json
import socket
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.model import DataError
from geo.intake.extract import extract
from geo.intake.extract.text import Sentence, dates_in, numbers_in, split_sentences
from geo.store.counts import append_counts
from tests.conftest import BUNDLED

ROOT = Path(__file__).resolve().parents[3]
OURS = ROOT / "tests" / "extract_samples"
SHARED = next((p for p in (ROOT.parent / "shared" / "extract-samples", Path("/work/shared/extract-samples"))
               if p.is_dir()), None)


def _eval_module():
    spec = importlib.util.spec_from_file_location("extract_eval", ROOT / "scripts" / "extract_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def only(events: list[dict], **match) -> dict:
    found = [e for e in events if all(e.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, events)
    return found[0]


# ---------------------------------------------------------------- relative dates

@pytest.mark.parametrize("phrase, lang, published, expected", [
    ("Marcharon ayer.", "es", "2023-01-12", "2023-01-11"),
    ("Marcharon anteayer.", "es", "2023-01-12", "2023-01-10"),
    ("Bloquearon la vía anoche.", "es", "2023-01-12", "2023-01-11"),
    ("Bloquearon la vía el lunes.", "es", "2023-01-12", "2023-01-09"),
    ("Hubo disturbios la noche del viernes.", "es", "2023-01-21", "2023-01-20"),
    ("La Sutran reportó este sábado.", "es", "2023-01-21", "2023-01-21"),        # this Saturday = the day itself
    ("Ocurrió el sábado pasado.", "es", "2023-01-21", "2023-01-14"),
    ("Ocurrió el 4 de enero.", "es", "2023-01-21", "2023-01-04"),
    ("Ocurrió el 15 de diciembre.", "es", "2023-01-21", "2022-12-15"),          # the year before
    ("Ocurrió hace dos días.", "es", "2023-01-21", "2023-01-19"),
    ("Troops clashed with protesters this Thursday.", "en", "2022-12-16", "2022-12-15"),
    ("It happened on Thursday.", "en", "2022-12-16", "2022-12-15"),
    ("SUTRAN counted them on Friday.", "en", "2022-12-16", "2022-12-16"),
    ("It happened yesterday.", "en", "2022-12-16", "2022-12-15"),
    ("It happened last Monday.", "en", "2022-12-16", "2022-12-12"),
    ("It happened on January 9.", "en", "2023-01-20", "2023-01-09"),
    ("It happened two days ago.", "en", "2023-01-20", "2023-01-18"),
])
def test_relative_dates_count_from_the_publication_day(phrase, lang, published, expected):
    mentions = dates_in(Sentence(phrase, 0, 0), lang, date.fromisoformat(published))
    assert [m.day.isoformat() for m in mentions] == [expected]


@pytest.mark.parametrize("phrase, lang, role, precision", [
    ("bloqueado desde el 4 de enero", "es", "since", 1),
    ("cerrado hasta el 25 de enero", "es", "until", 1),
    ("han muerto desde diciembre", "es", "since", 3),
    ("closed since January 6", "en", "since", 1),
    ("dead since early December", "en", "since", 3),
])
def test_since_and_until_are_read_as_such(phrase, lang, role, precision):
    (m,) = dates_in(Sentence(phrase, 0, 0), lang, date(2023, 1, 21))
    assert (m.role, m.precision) == (role, precision)


def test_a_street_named_after_a_date_is_not_a_date():
    s = Sentence("Marcharon por la avenida 28 de Julio ayer.", 0, 0)
    assert [m.day.isoformat() for m in dates_in(s, "es", date(2023, 1, 12))] == ["2023-01-11"]


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, lang, values", [
    ("diecisiete muertos", "es", [17]),
    ("treinta y nueve civiles y un policía", "es", [39, 1]),
    ("más de 5 mil personas", "es", [5000]),
    ("unas cinco mil personas", "es", [5000]),          # "unas" is "about", not one
    ("1.500 manifestantes", "es", [1500]),
    ("veintiún heridos", "es", [21]),
    ("five thousand people", "en", [5000]),
    ("fifty-one injured and 1,500 marchers", "en", [51, 1500]),
    ("the first reports", "en", []),                    # an ordinal is not a number of people
])
def test_numbers_in_words_and_digits(text, lang, values):
    assert [n.value for n in numbers_in(Sentence(text, 0, 0), lang)] == values


# ---------------------------------------------------------------- figures and their traps

@pytest.mark.parametrize("text, published, event, counts", [
    # 37 + 6 injured in one clause: one figure, 43.
    ("Ayer en Cusco, 37 civiles y 6 policías resultaron heridos durante los enfrentamientos.", "2023-01-12",
     {"kind": "clash", "place": "Cusco", "injured": 43, "start": "2023-01-11"}, []),
    # An interim figure superseded later in the same report.
    ("Soldiers and demonstrators clashed in Ayacucho on Thursday. The first reports gave 7 dead; a later "
     "count put the toll at 8 dead.", "2022-12-16",
     {"kind": "clash", "place": "Ayacucho", "fatalities": 8, "start": "2022-12-15"}, []),
    ("Dos comuneros murieron ayer en Macusani durante un enfrentamiento. Un primer reporte hablaba de tres "
     "fallecidos.", "2023-01-19", {"kind": "clash", "place": "Macusani", "fatalities": 2}, []),
    # An age is not a count.
    ("Un manifestante de 62 años murió el viernes en Ilave.", "2023-01-21",
     {"kind": "clash", "place": "Ilave", "fatalities": 1, "start": "2023-01-20"}, []),
])
def test_event_figures(text, published, event, counts):
    out = extract(text, published)
    only(out["events"], **event)
    assert [(c["metric"], c["value"]) for c in out["counts"]] == counts


@pytest.mark.parametrize("text, lang, published, expected", [
    # A subtotal is not a total; the parts add up to the total.
    ("La Defensoría del Pueblo indicó el miércoles que desde diciembre han muerto 39 civiles en "
     "enfrentamientos con la policía, otros siete en accidentes de tránsito y un policía.", "es", "2023-01-12",
     [("deaths_in_clashes", 39, "2023-01-11", "Defensoría del Pueblo", None),
      ("deaths_total", 47, "2023-01-11", "Defensoría del Pueblo", None)]),
    ("Según Prensa Latina, ya suman 44 muertos en disturbios en el país.", "es", "2023-01-21",
     [("deaths_in_clashes", 44, "2023-01-21", "Prensa Latina", None)]),
    ("Según Prensa Latina, en la región Puno ya suman 23 de los 44 muertos en enfrentamientos registrados en "
     "el país.", "es", "2023-01-21",
     [("deaths_in_clashes", 23, "2023-01-21", "Prensa Latina", "Puno"),
      ("deaths_in_clashes", 44, "2023-01-21", "Prensa Latina", None)]),
    ("The road authority (SUTRAN) counted 99 points blocked across the country on Friday.", "en", "2022-12-16",
     [("blockade_points", 99, "2022-12-16", "SUTRAN", None)]),
    ("La Sutran reportó este martes 45 puntos de bloqueo en seis regiones del país.", "es", "2023-01-10",
     [("blockade_points", 45, "2023-01-10", "SUTRAN", None), ("regions_affected", 6, "2023-01-10", "SUTRAN", None)]),
    # Provinces are not regions.
    ("La Defensoría del Pueblo contabilizó el sábado 100 puntos de bloqueo en 33 provincias.", "es", "2023-01-18",
     [("blockade_points", 100, "2023-01-14", "Defensoría del Pueblo", None)]),
    ("It said 46 civilians had died in clashes with security forces since early December, nine more in road "
     "accidents, and one police officer.", "en", "2023-01-26",
     [("deaths_in_clashes", 46, "2023-01-26", None, None), ("deaths_total", 56, "2023-01-26", None, None)]),
])
def test_national_and_regional_counts(text, lang, published, expected):
    out = extract(text, published, language=lang)
    got = sorted((c["metric"], c["value"], c["date"], c["reporter"], c["region"]) for c in out["counts"])
    if expected and expected[0][3] is None:   # no body named: reporter left empty for the editor
        got = [(m, v, d, None, r) for m, v, d, _, r in got]
    assert got == sorted(expected)
    assert out["events"] == []


@pytest.mark.parametrize("text, published, lang, absent", [
    # A reference to an earlier event is not a new death count, and its date dates nothing.
    ("Mientras tanto, en Juliaca, los deudos de los 18 fallecidos del 9 de enero marcharon este jueves para "
     "exigir justicia.", "2023-01-19", "es", {"fatalities": 18}),
    ("Relatives of the 17 dead in Juliaca marched in Puno on Monday.", "2023-01-17", "en", {"fatalities": 17}),
])
def test_references_to_earlier_events_are_not_new_counts(text, published, lang, absent):
    out = extract(text, published, language=lang)
    assert out["events"] and out["counts"] == []
    for e in out["events"]:
        assert not any(e.get(k) == v for k, v in absent.items())
        assert e["kind"] == "protest"
    if lang == "es":
        only(out["events"], place="Juliaca", start="2023-01-19")
    else:
        only(out["events"], place="Puno", start="2023-01-16")


def test_a_dateline_is_not_an_event_date_nor_an_event_place():
    out = extract("Lima, 21 de enero de 2023. En Puno, la provincia de El Collao amaneció con la comisaría de "
                  "Ilave incendiada, tras los disturbios de la noche del viernes.", "2023-01-21")
    assert [(e["kind"], e["place"], e["region"], e["start"]) for e in out["events"]] == [
        ("other", "Ilave", "Puno", "2023-01-20")]


# ---------------------------------------------------------------- places

@pytest.mark.parametrize("text, published, expected", [
    # km posts with their road; "la misma vía" is the road named before; region context in parentheses.
    # Awajún is not in the gazetteer: only its region is known (precision 3), not a point near Rioja.
    ("Entre los tramos bloqueados figuran el kilómetro 98 de la carretera Manseriche–El Milagro–Imaza, en Bagua "
     "(Amazonas); el kilómetro 432 de la Longitudinal de la Selva Norte, a la altura de Awajún (Rioja, San "
     "Martín), y el kilómetro 483 de la misma vía, en Calzada (Moyobamba).", "2023-01-21",
     [("Bagua", "Amazonas", "Manseriche–El Milagro–Imaza", 98, 2),
      ("Awajún", "San Martín", "Longitudinal de la Selva Norte", 432, 3),
      ("Calzada", "San Martín", "Longitudinal de la Selva Norte", 483, 2)]),
    ("Around four hundred miners have blocked the Interoceanic Highway at kilometre 45, in La Pampa (Madre de "
     "Dios), since Tuesday.", "2023-01-18", [("La Pampa", "Madre de Dios", "Interoceanic Highway", 45, 2)]),
])
def test_kilometre_posts_roads_and_region_context(text, published, expected):
    out = extract(text, published)
    got = [(e["place"], e["region"], e.get("road"), e.get("km"), e["geo_precision"]) for e in out["events"]]
    assert got == expected
    assert all(e["kind"] == "blockade" for e in out["events"])


def test_a_km_post_on_a_known_corridor_is_placed_on_it():
    from geo.store import load_dataset
    corridors = load_dataset(BUNDLED).corridors
    out = extract("Los pobladores bloquearon el km 1410 de la PE-3S el lunes.", "2022-12-22", corridors=corridors)
    e = only(out["events"], kind="blockade", road="PE-3S", km=1410)
    assert e["region"] == "Puno" and e["geo_precision"] == 2
    assert -70.1 < e["lon"] < -69.4 and -16.3 < e["lat"] < -15.8   # between Puno and Ilave


@pytest.mark.parametrize("text, published, expected", [
    ("The airports of Andahuaylas, Arequipa, Cusco, Juliaca and Ayacucho remained closed on Thursday.",
     "2022-12-16", {"Aeropuerto de Andahuaylas", "Aeropuerto Alfredo Rodríguez Ballón", "Aeropuerto Alejandro Velasco Astete",
                    "Aeropuerto Inca Manco Cápac", "Aeropuerto Coronel FAP Alfredo Mendívil Duarte"}),
    ("El aeropuerto Inca Manco Cápac de Juliaca sigue cerrado desde el 6 de enero.", "2023-01-18",
     {"Aeropuerto Inca Manco Cápac"}),
    ("Un grupo incendió y saqueó los almacenes del CEBAF de Desaguadero.", "2023-01-21",
     {"Puente internacional Desaguadero"}),
])
def test_airports_and_border_posts_are_sites(text, published, expected):
    out = extract(text, published)
    assert {e["site"] for e in out["events"]} == expected
    assert all(e["geo_precision"] in (1, 2) for e in out["events"])


def test_accents_case_and_namesakes():
    out = extract("En Lima, la policía detuvo a nueve personas en MIRAFLORES ayer.", "2023-01-20")
    e = only(out["events"], kind="detention")
    assert (e["place"], e["region"], e["detained"]) == ("MIRAFLORES", "Lima", 9)
    out = extract("Bloquearon la vía en ANDAHUAYLILLAS ayer.", "2023-01-18")
    assert only(out["events"], kind="blockade")["region"] == "Cusco"


def test_a_persons_or_institutions_name_is_not_a_place():
    out = extract("El fallecido fue identificado como Remo Candia Guevara. La Caja Cusco cerró sus agencias en "
                  "Juliaca tras ser atacada ayer.", "2023-01-12")
    assert {e["place"] for e in out["events"]} == {"Juliaca"}


def test_a_region_alone_sits_at_its_capital_with_precision_3():
    out = extract("Los mineros bloquearon ayer varias vías en la región Madre de Dios.", "2023-01-18")
    e = only(out["events"], kind="blockade")
    assert (e["place"], e["region"], e["geo_precision"]) == ("Madre de Dios", "Madre de Dios", 3)
    assert (e["lon"], e["lat"]) == (-69.19948, -12.58946)   # Puerto Maldonado (data/gazetteer/regions.csv)


# ---------------------------------------------------------------- kinds, both languages

@pytest.mark.parametrize("text, lang, kind", [
    ("Los comuneros bloquearon ayer la carretera en Juliaca.", "es", "blockade"),
    ("Ayer hubo una toma de carretera en Juliaca.", "es", "blockade"),
    ("Miles marcharon ayer en Juliaca.", "es", "protest"),
    ("Ayer se registraron enfrentamientos en Juliaca.", "es", "clash"),
    ("Ayer se suspendieron los vuelos en el aeropuerto de Juliaca.", "es", "closure"),
    ("Once personas fueron detenidas ayer en Juliaca.", "es", "detention"),
    ("Ayer incendiaron la comisaría de Juliaca.", "es", "other"),
    ("Protesters blocked the highway in Juliaca yesterday.", "en", "blockade"),
    ("Thousands marched in Juliaca yesterday.", "en", "protest"),
    ("Police and protesters clashed in Juliaca yesterday.", "en", "clash"),
    ("The Juliaca airport was closed yesterday.", "en", "closure"),
    ("Police arrested eleven people in Juliaca yesterday.", "en", "detention"),
    ("Protesters set fire to the police station in Juliaca yesterday.", "en", "other"),
])
def test_kinds_from_verbs_and_nouns(text, lang, kind):
    out = extract(text, "2023-01-20", language=lang)
    assert [e["kind"] for e in out["events"]] == [kind]
    assert out["events"][0]["start"] == "2023-01-19"


def test_a_death_at_a_blockade_is_not_a_clash():
    out = extract("En el distrito de Chucuito, un bebé falleció ayer cuando la ambulancia que lo trasladaba quedó "
                  "atrapada en un bloqueo de la carretera.", "2023-01-10")
    assert [(e["kind"], e["place"], e.get("fatalities")) for e in out["events"]] == [("blockade", "Chucuito", 1)]


def test_evidence_is_the_sentence_and_its_place_in_the_text():
    text = "Cusco, 12 de enero de 2023. En Tacna, unas cinco mil personas marcharon ayer."
    (e,) = extract(text, "2023-01-12")["events"]
    assert e["evidence"] == "En Tacna, unas cinco mil personas marcharon ayer."
    (a, b), = e["evidence_spans"]
    assert text[a:b] == e["evidence"]


def test_sentences_keep_their_offsets():
    text = "Bloqueo en el km. 98 de la vía. Marcha en Av. Grau.\n\nSegundo párrafo."
    got = [(s.text, s.paragraph, text[s.start:s.end] == s.text) for s in split_sentences(text)]
    assert got == [("Bloqueo en el km. 98 de la vía.", 0, True), ("Marcha en Av. Grau.", 0, True),
                   ("Segundo párrafo.", 1, True)]


def test_no_network_is_used(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the extractor tried to open a network connection")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    out = extract("Ayer, 17 personas murieron en Juliaca durante los enfrentamientos.", "2023-01-10")
    assert only(out["events"], kind="clash")["fatalities"] == 17


@pytest.mark.parametrize("bad, error", [("2023-13-01", ValueError), (20230101, TypeError)])
def test_bad_publication_dates_are_refused(bad, error):
    with pytest.raises(error):
        extract("Marcharon ayer en Puno.", bad)


# ---------------------------------------------------------------- the command line and the bar

def test_cli_json_and_text(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("LIMA, Dec 16, 2022. Soldiers and demonstrators clashed in Ayacucho on Thursday.",
                      encoding="utf-8")
    assert main(["extract", str(report), "--published", "2022-12-16", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"events", "counts"}
    (e,) = out["events"]
    assert (e["kind"], e["place"], e["region"], e["start"], e["geo_precision"]) == (
        "clash", "Ayacucho", "Ayacucho", "2022-12-15", 2)
    assert main(["extract", str(report), "--published", "2022-12-16"]) == 0
    text = capsys.readouterr().out
    assert "1. clash at Ayacucho (Ayacucho), 2022-12-15" in text and "evidence: Soldiers" in text


@pytest.mark.parametrize("setup, args, message", [
    (None, ["extract", "{dir}/missing.txt", "--published", "2023-01-01"], "missing.txt: no such file"),
    ("ok", ["extract", "{dir}/r.txt", "--published", "2023-02-30"], "is not a date"),
    ("latin1", ["extract", "{dir}/r.txt", "--published", "2023-01-01"], "not UTF-8 text"),
    ("ok", ["extract", "{dir}/r.txt"], "--published"),
    ("long", ["extract", "{dir}/r.txt", "--published", "2023-01-01"], "the report has 50,001 characters; the most "
     "read at once is 50,000: split it into its articles"),
    ("digits", ["extract", "{dir}/r.txt", "--published", "2023-01-01"], "r.txt: character 19: a number of 5,000 "
     "digits; no figure in a report is longer than 100 digits"),
    ("huge", ["extract", "{dir}/r.txt", "--published", "2023-01-01"], "800,001 bytes; the most read at once is "
     "50,000 characters"),
])
def test_cli_bad_input_exits_1_with_one_line(tmp_path, capsys, setup, args, message):
    if setup == "ok":
        (tmp_path / "r.txt").write_text("Marcharon ayer en Puno.", encoding="utf-8")
    elif setup == "long":
        (tmp_path / "r.txt").write_text("km 1 " * 10_000 + "x", encoding="utf-8")
    elif setup == "digits":
        (tmp_path / "r.txt").write_text("Marcharon ayer en " + "7" * 5000, encoding="utf-8")
    elif setup == "huge":
        (tmp_path / "r.txt").write_bytes(b"a" * 800_001)
    elif setup == "latin1":
        (tmp_path / "r.txt").write_bytes("Marcharon ayer en Puno, Perú.".encode("latin-1"))
    assert main([a.format(dir=tmp_path) for a in args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


@pytest.mark.skipif(SHARED is None, reason="shared/extract-samples not found beside the project")
@pytest.mark.parametrize("name", ["s1", "s2", "s3"])
def test_each_shared_sample_meets_the_bar(name):
    ev = _eval_module()
    sample = json.loads((SHARED / f"{name}.json").read_text(encoding="utf-8"))
    result = ev.run_extract(SHARED / f"{name}.txt", sample["published"])   # through blockade-map extract
    traps = json.loads((OURS / "shared_traps.json").read_text(encoding="utf-8"))[name]
    score = ev.score(sample, result, name, traps)
    assert score.fact_recall >= 0.85, score.missed
    assert score.traps[0] == 0, score.taken


def test_our_samples_take_no_trap_and_find_most_facts():
    """e01-e10 were written first and the extractor was developed on them; h01-h04 were written
    later and scored before any change (10 of 13 facts on that first run; the three missed were
    places the gazetteer lacks, found since issue 14): they hold the bar together, not each."""
    ev = _eval_module()
    rows = ev.evaluate([OURS])
    assert len(rows) >= 8
    assert {s.lang for _, s in rows} == {"es", "en"}
    total = ev.Score("all")
    for _, s in rows:
        total.add(s)
        assert s.traps[0] == 0, (s.name, s.taken)
        if s.name.startswith("e"):
            assert s.fact_recall >= 0.85, (s.name, s.missed)
    assert total.fact_recall >= 0.85
    assert total.precision[0] / total.precision[1] >= 0.85


# ---------------------------------------------------------------- counts into reported_counts.csv

def _counts_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "reported_counts.csv").write_text(
        "date,metric,value,reporter,source_url\n2023-01-09,blockade_points,45,SUTRAN,https://example.org/a\n",
        encoding="utf-8")
    return folder


def test_counts_are_appended_whole_and_validated(tmp_path):
    folder = _counts_folder(tmp_path)
    rows = append_counts(folder, [{"date": "2023-01-10", "metric": "blockade_points", "value": 45.0,
                                   "reporter": "SUTRAN", "source_url": "https://example.org/b"}])
    assert rows[0]["value"] == "45"
    lines = (folder / "reported_counts.csv").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "2023-01-10,blockade_points,45,SUTRAN,https://example.org/b" and len(lines) == 3
    before = (folder / "reported_counts.csv").read_bytes()
    with pytest.raises(DataError) as err:
        append_counts(folder, [{"date": "2023-01-11", "metric": "deaths_total", "value": 49, "reporter": "Minsa",
                                "source_url": "https://example.org/c"},
                               {"date": "2023-01-11", "metric": "deaths_everywhere", "value": 40, "reporter": "Minsa",
                                "source_url": "https://example.org/c"},
                               {"date": "2023-01-09", "metric": "blockade_points", "value": 44, "reporter": "sutran",
                                "source_url": "ftp://x"}])
    messages = [str(p) for p in err.value.problems]
    assert any("new row 2: metric" in m for m in messages) and any("new row 3: source_url" in m for m in messages)
    assert (folder / "reported_counts.csv").read_bytes() == before   # all or nothing
    with pytest.raises(DataError, match="already in the file"):
        append_counts(folder, [{"date": "2023-01-09", "metric": "blockade_points", "value": 44, "reporter": "sutran",
                                "source_url": "https://example.org/d"}])


def test_concurrent_count_appends_lose_nothing(tmp_path):
    folder = _counts_folder(tmp_path)
    errors: list[BaseException] = []

    def add(day: int) -> None:
        try:
            append_counts(folder, [{"date": f"2023-01-{day:02d}", "metric": "deaths_total", "value": day,
                                    "reporter": "Defensoría del Pueblo", "source_url": "https://example.org/x"}])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(d,)) for d in range(10, 30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    lines = (folder / "reported_counts.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + 20
    assert sorted(line.split(",")[0] for line in lines[2:]) == [f"2023-01-{d:02d}" for d in range(10, 30)]


# ---------------------------------------------------------------- the real set's scorer

def test_the_real_set_scorer_counts_strict_recall_precision_traps_and_failure_classes():
    """score_real on a truth written here: a right event, an event with a wrong toll (class
    event:count, and a wrong number), a count with the wrong scope, and a trap taken."""
    ev = _eval_module()
    text = "En Ilave bloquearon la vía el lunes. En Juli murieron dos personas. Puno registra 40 puntos."
    truth = {"events": [
        {"id": "e1", "core": True, "kinds": ["blockade"], "place": "Ilave", "place_match": ["ilave"], "dates": ["2023-02-06"],
         "dates_lenient": [], "fatalities": None, "injured": None, "detained": None},
        {"id": "e2", "core": True, "kinds": ["clash"], "place": "Juli", "place_match": ["juli"], "dates": ["2023-02-06"],
         "dates_lenient": [], "fatalities": 2, "injured": None, "detained": None}],
        "counts": [{"id": "c1", "core": True, "metric": "blockade_points", "alt_metrics": [], "values": [40],
                    "dates": ["2023-02-10"], "scope": "Puno region"}],
        "traps": [{"id": "t1", "text": "En Juli murieron dos personas", "wrong_reading": "a wrong toll"}]}
    result = {"events": [
        {"kind": "blockade", "place": "Ilave", "region": "Puno", "start": "2023-02-06", "evidence_spans": [[0, 36]]},
        {"kind": "clash", "place": "Juli", "region": "Puno", "start": "2023-02-06", "fatalities": 3,
         "evidence_spans": [[37, 66]]}],
        "counts": [{"metric": "blockade_points", "value": 40, "date": "2023-02-10", "region": None,
                    "evidence_spans": [[67, 91]]}]}
    s = ev.score_real(truth, result, text, "x")
    assert s.core == [1, 3] and s.precision == [1, 3] and s.traps == [1, 1] and s.bad_counts == 2
    assert s.missed == {"event:count": 1, "count:scope": 1}
    assert s.wrong == {"event:count": 1, "count:scope": 1}
    table = ev.real_table([s])
    assert "33.3% (1/3)" in table and "event:count 1" in table


@pytest.mark.skipif(not (ROOT.parent / "shared" / "extract-real").is_dir() and not Path("/work/shared/extract-real").is_dir(),
                    reason="shared/extract-real not found beside the project")
@pytest.mark.slow  # all 40 real reports through the extractor (make extract-eval's first table): 7 s of CPU
def test_the_real_set_is_scored_whole():
    ev = _eval_module()
    rows = ev.evaluate_real(ev.REAL)
    assert len(rows) == 40 and {r.lang for r in rows} == {"es", "en"}
    total = ev.RealScore("all")
    for r in rows:
        total.add(r)
    assert total.core[1] == 109 and total.traps[1] == 141
    assert total.core[0] / total.core[1] >= 0.55    # 57.8% when measured (README); 36.7% before issue 20's work
