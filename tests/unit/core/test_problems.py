"""Problems and errors carry a message id and its values: English for the command line, the
reader's language in the pages, with no layer parsing another layer's sentences."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from geo.core.dataset import parse_info
from geo.core.i18n import N_, translator
from geo.core.model import DataError, Message, Problem, Scope, message, validate_collection, validate_counts_rows
from geo.intake.forms import feature_from_form, form_values
from geo.intake.readers import read_items

ROOT = Path(__file__).resolve().parents[3]
EN, ES = translator("en"), translator("es")
PLACEHOLDER = re.compile(r"\{\w+\}")


def _bad_inputs() -> list[Problem]:
    """Problems from every kind of check: events, a layer's ids, counts, dataset.json, a form, an import."""
    event = {"type": "Feature", "id": "x", "geometry": {"type": "Point", "coordinates": [-12.0, -70.0]},
             "properties": {"kind": "riot", "start": "9/1", "end": "2023-01-01", "place": "", "region": "Atlantis",
                            "km": -3, "fatalities": 10**7, "geo_precision": 4, "sources": [{"url": "ftp://x"}]}}
    problems = validate_collection({"type": "FeatureCollection", "features": [event, event]}, "events")
    problems += validate_counts_rows([{"date": "x", "metric": "deaths", "value": "-1", "reporter": "",
                                       "source_url": "mailto:x"}])
    problems += parse_info({"title": "", "country": "Peru", "timezone": "Mars/Base", "bbox": [1, 2]})[1]
    values = dict(form_values(None), kind="blockade", place="", region="Atlantis", lon=10.0, lat=10.0, fatalities=-1)
    problems += feature_from_form(values, [{"name": "", "url": "ftp://x", "published": None}])[1]
    problems += read_items(b"lon,lat,kind\n1,2,3\n", "bad.csv")[2]
    problems += read_items(b"", "empty.csv")[2]
    return problems


def test_a_problem_is_a_message_id_with_values():
    p = Problem("events.geojson", "x", "start", N_("{value} is not a date (YYYY-MM-DD)"), {"value": "'9/1'"})
    assert p.message == "'9/1' is not a date (YYYY-MM-DD)"
    assert str(p) == "events.geojson: x: start: '9/1' is not a date (YYYY-MM-DD)"
    assert p.text(ES) == "'9/1' no es una fecha (AAAA-MM-DD)"
    assert p.text(EN) == p.message
    assert hash(p) == hash(Problem("events.geojson", "x", "start", p.msgid, {"value": "other"}))
    moved = p.at(file="bad.csv", field="start_date")
    assert (moved.file, moved.field, moved.msgid, moved.params) == ("bad.csv", "start_date", p.msgid, p.params)


def test_a_message_without_values_keeps_its_braces_and_a_bad_translation_falls_back_to_english():
    braces = Problem("f", "(file)", "", "must be an object {name, url, published}")
    assert braces.message.endswith("{name, url, published}")
    unknown = Message("a message no catalogue holds: {n}", {"n": 3})
    assert unknown.text(ES) == str(unknown) == "a message no catalogue holds: 3"
    nested = message(N_("{problem} (a figure such as deaths in clashes only has no column in this file)"),
                     problem=message(N_("is required (YYYY-MM-DD)")))
    assert str(nested).startswith("is required (YYYY-MM-DD) (a figure")
    assert nested.text(ES).startswith("es obligatorio (AAAA-MM-DD) (una cifra")


def test_every_problem_of_bad_input_reads_in_english_and_in_spanish():
    problems = _bad_inputs()
    assert len(problems) >= 30
    with (ROOT / "geo/locale/es/LC_MESSAGES/messages.po").open("rb") as fh:
        catalogue = {m.id: m.string for m in read_po(fh) if m.id and not m.fuzzy}
    for p in problems:
        english, spanish = p.text(EN), p.text(ES)
        assert english == p.message and not PLACEHOLDER.search(english.replace("{name, url, published}", "")), p
        assert catalogue.get(p.msgid), f"{p.msgid!r} has no Spanish translation"
        assert spanish != english, f"{p.msgid!r} reads the same in Spanish"
        for value in p.params.values():
            assert str(value) in english and str(value) in spanish, (p, value)
    texts = {p.text(ES) for p in problems}
    assert "es obligatorio" in texts
    assert {"'9/1' no es una fecha (AAAA-MM-DD)", "'ftp://x' no es una URL http(s)",
            "'Mars/Base' no es un nombre de zona horaria IANA como 'UTC' o 'Europe/Madrid'"} <= texts


def _reader_problems() -> list[Problem]:
    """Problems of the source readers: an ACLED file, SUTRAN's feed, a GeoJSON from elsewhere,
    a column map naming a missing column, a dataset's lexicon."""
    from geo.intake.extract.dataset_lexicon import parse_lexicon
    from geo.intake.readers import ColumnMap
    from geo.intake.sutran import Update, _archive_line, feed_document, read_record
    scope = Scope(("Puno", "Cusco"), area=(-82.0, -19.0, -68.0, 0.0))
    acled = ("event_id_cnty,event_date,event_type,sub_event_type,location,admin1,admin2,latitude,longitude,source,"
             "notes,fatalities\n"
             "PER1,30 Feb 2024,Protests,Peaceful protest,Juliaca,Puno,,-15.5,-70.1,Infobae,,0\n"
             "PER2,2024-05-28,Omens,Comet,Juliaca,Puno,,-15.5,-70.1,Infobae,,0\n"
             "PER3,2024-05-28,Protests,Peaceful protest,Nowhere,Narnia,El Collao,-15.5,-70.1,Infobae,,0\n"
             ",2024-05-28,Protests,Peaceful protest,Juliaca,Puno,,-15.5,-70.1,Infobae,,0\n"
             ",2024-05-28,Protests,Peaceful protest,Juliaca,Puno,,-15.5,-70.1,,,0\n"
             "PER2,2024-05-29,Omens,Comet,Juliaca,Puno,,-15.5,-70.1,Infobae,,0\n")
    problems = read_items(acled.encode(), "acled.csv", scope)[2]
    shapes = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Puno"}, "geometry": {"type": "Polygon", "coordinates": []}},
        {"type": "Feature", "properties": {"name": "Juli"}, "geometry": None},
        {"type": "Feature", "properties": {"name": "Ilave"}, "geometry": {"type": "Point", "coordinates": [-69.6, -16.1]}}]}
    problems += read_items(json.dumps(shapes), "shapes.geojson", scope)[2]
    problems += read_items(json.dumps(shapes), "shapes.geojson", scope, ColumnMap({"place": "NOMBRE"}))[2]
    problems += read_items(b"lugar,fecha\nJuli,2023-01-09\n", "towns.csv", scope, ColumnMap({"region": "DEPTO"}))[2]
    update = Update("interrumpido.json", "feed.jsonl line 1", "abc1234", "", "https://example.org/feed", [])
    good = {"fecha_actualizacion": "17/01/2023 10:00 HORAS", "estado": "TRANSITO INTERRUMPIDO", "motivo": "X",
            "ubigeo": "PUNO/PUNO/JULIACA", "latitud": "-15.5", "longitud": "-70.1", "fecha_evento": "15/01/2023"}
    for bad in ({"fecha_actualizacion": "ayer"}, {"estado": "CERRADO"}, {"ubigeo": "PUNO"}, {"ubigeo": "NARNIA/X/Y"},
                {"latitud": None, "longitud": None}, {"longitud": "70.1"}, {"latitud": "15.5", "longitud": "70.1"},
                {"cant_vehiculos_detenidos_pasajeros": "muchos"}, {"fecha_evento": "pronto"}):
        problems += read_record({"type": "Feature", "properties": {**good, **bad}}, update, 0, scope)[2]
    problems += read_record("junk", update, 1, scope)[2]
    feed_document({"rows": []}, "feed.json", "feed.json", "", problems)
    _archive_line("{not json", "feed.jsonl", 2, problems)
    _archive_line("[]", "feed.jsonl", 3, problems)
    _archive_line(json.dumps({"file": "other.json", "commit": "abc1234", "features": []}), "feed.jsonl", 4, problems)
    for doc in ([], {"colours": []}, {"reporters": {}}, {"reporters": [{}]}, {"reporters": [{"name": "X", "police": 1}]},
                {"reporters": [{"name": "X", "phrases": []}]}, {"bodies": "x"}, {"bodies": ["x" * 200]},
                {"road_code_prefix": "ROADS"}):
        with pytest.raises(DataError) as caught:
            parse_lexicon(doc)
        problems += caught.value.problems
    return problems


def _words(value: object, t) -> str:
    return value.text(t) if isinstance(value, Message) else str(value)


def test_every_problem_of_the_source_readers_reads_in_english_and_in_spanish():
    problems = _reader_problems()
    with (ROOT / "geo/locale/es/LC_MESSAGES/messages.po").open("rb") as fh:
        catalogue = {m.id: m.string for m in read_po(fh) if m.id and not m.fuzzy}
    assert len({p.msgid for p in problems}) >= 33
    for p in problems:
        english, spanish = p.text(EN), p.text(ES)
        assert english == p.message and not PLACEHOLDER.search(english), p
        assert catalogue.get(p.msgid), f"{p.msgid!r} has no Spanish translation"
        assert spanish != english, f"{p.msgid!r} reads the same in Spanish"
        for value in p.params.values():
            assert _words(value, EN) in english and _words(value, ES) in spanish, (p, value)
    said = {(p.feature, p.field): p.text(ES) for p in problems}
    assert said[("row 2 (acled-PER1)", "event_date")] == (
        "'30 Feb 2024' no es una fecha (2020-05-09, 9 May 2020, 9-May-20, un número de día de Excel o 09/05/2020)")
    assert said[("row 7 (acled-PER2)", "event_id_cnty")] == (
        "repite el evento PER2 con otro valor de event_date ('2024-05-29', no '2024-05-28')")
    assert said[("row 6", "source")].startswith("sin fuente: una fila de ACLED se cita por su event_id_cnty y esta no "
                                                "lo tiene (medios: ninguno)")
    assert said[("feature #1", "geometry")].startswith("es un Polygon: solo se pueden importar puntos")
    assert [p.text(ES) for p in problems if p.field == "--map"] == [
        "place=NOMBRE: el archivo no tiene la propiedad 'NOMBRE' (tiene: name, lon, lat)",
        "region=DEPTO: el archivo no tiene la columna 'DEPTO' (tiene: lugar, fecha)"]
    sutran = [p.text(ES) for p in problems if p.file == "interrumpido.json" and p.field == "geometry"]
    assert sutran == ["no tiene punto (coordinates o latitud/longitud)",
                      "[70.1, -15.5] queda fuera del área del conjunto de datos; se lee como [-70.1, -15.5] (faltaba "
                      "un signo menos; el registro se conserva)",
                      "[70.1, 15.5] queda fuera del área del conjunto de datos"]
    assert [p.text(EN) for p in problems if p.file == "lexicon.json"][-1] == "one to four letters (e.g. \"PE\"), got 'ROADS'"


def test_errors_raised_with_a_message_read_in_spanish():
    from geo.places.geocode import geocode
    from ui.problems import error_text
    with pytest.raises(ValueError) as caught:
        geocode("   ")
    assert str(caught.value) == "give a place name, e.g. 'Juliaca' or 'PE-3S km 1380'"
    assert error_text(caught.value, ES) == "escriba el nombre de un lugar, p. ej. 'Juliaca' o 'PE-3S km 1380'"
    with pytest.raises(ValueError) as caught:
        geocode("Juliaca", region="Atlantis")
    assert error_text(caught.value, ES).startswith("'Atlantis' no es una región del nomenclátor")
    bad = DataError([Problem("bad.csv", "row 2", "start", N_("is required (YYYY-MM-DD)"))])
    assert error_text(bad, ES) == "bad.csv: row 2: start: es obligatorio (AAAA-MM-DD)"
    assert error_text(RuntimeError("disk full"), ES) == "disk full"  # not geo's words: shown as it is


def _message_argument(call: ast.Call) -> ast.AST | None:
    """The message argument of ``Problem(file, feature, field, msgid, ...)`` or ``<checker>.add(field, msgid, ...)``."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name == "Problem" and len(call.args) >= 4:
        return call.args[3]
    if name in ("add", "bad") and isinstance(call.func, (ast.Attribute, ast.Name)) and len(call.args) >= 2:
        first = call.args[0]
        return call.args[1] if isinstance(first, (ast.Constant, ast.JoinedStr, ast.Name)) else None
    if name in ("message", "Message", "_problem") and call.args:
        return call.args[0]
    if name == "_refuse" and len(call.args) >= 2:
        return call.args[1]
    if name == "_bad" and len(call.args) >= 3:
        return call.args[2]
    return None


def test_no_problem_is_built_from_a_sentence_made_in_code():
    """A message is a template marked N_() with its values apart (or a variable holding one):
    never an f-string, a .format() or a concatenation, which no catalogue can hold, nor another
    problem's English sentence (``p.message``), which loses its id: move a problem with ``p.at()``."""
    made = []
    for path in sorted((ROOT / "geo").rglob("*.py")):
        if path.name == "audit.py":  # the bundled data's audit against its facts files: a developer's report
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                arg = _message_argument(node)
                if isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                        isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute)
                        and arg.func.attr == "format"):
                    made.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    made.append(f"{path.relative_to(ROOT)}:{node.lineno} (not marked N_)")
                elif isinstance(arg, ast.Attribute) and arg.attr == "message":
                    made.append(f"{path.relative_to(ROOT)}:{node.lineno} (an English sentence, not an id)")
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_problem"):
                # a helper naming one problem (``same_event_problem``) returns a Message, not a sentence
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and (isinstance(ret.value, (ast.JoinedStr, ast.BinOp)) or (
                            isinstance(ret.value, ast.Constant) and isinstance(ret.value.value, str))):
                        made.append(f"{path.relative_to(ROOT)}:{ret.lineno} (returns a sentence)")
    assert made == []


def test_the_editors_conflicts_read_in_spanish():
    from geo.store.editor import ConflictError, merge_event
    from ui.problems import error_text
    event = {"type": "Feature", "id": "x", "geometry": None, "properties": {"place": "Juli"}}
    with pytest.raises(ConflictError) as caught:
        merge_event("x", event, None, event)
    assert str(caught.value) == "event 'x' is already in the data"
    assert error_text(caught.value, ES) == "el evento 'x' ya está en los datos"
    changed = {**event, "properties": {"place": "Ilave"}}
    with pytest.raises(ConflictError) as caught:
        merge_event("x", {**event, "properties": {"place": "Puno"}}, event, changed)
    assert error_text(caught.value, ES).startswith("otra persona cambió el evento 'x' mientras tanto: ")
