"""SUTRAN's feed as a source (geo/intake/sutran.py and ``import --format sutran``), on records
written for the tests in the feed's shape: every messy spelling of real feeds, the gap rule,
the merge with what the data holds, citations, idempotency."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.intake import sutran
from geo.intake.sutran import collect, plan_events, read_feed_day, read_km, read_update_time
from geo.store.editor import Editor, read_log
from tests.conftest import BUNDLED, bundled_scope, write_folder

COMMIT = "a" * 40


def rec(update: str = "17/01/2023 12:00 HORAS", **over) -> dict:
    """A SUTRAN record as the feed serves it (every property a string); keywords override properties."""
    props = {
        "item": "197", "visualizacion_": "SI", "tipo_alerta_": "VIGENTE", "estado": "TRANSITO INTERRUMPIDO",
        "fecha_evento": "14/01/2023", "fecha_actualizacion": update, "ubigeo": "APURIMAC/ABANCAY/CURAHUASI",
        "afectacion": "KM 255", "evento": "PARO INDEFINIDO SOLICITANDO NUEVAS ELECCIONES",
        "latitud": "-13.5449", "longitud": "-72.6936", "_sort_": "x", "_fecha_actualizacion_": "x",
        "cant_vehiculos_detenidos_pasajeros": "2", "cant_vehiculos_detenidos_mercancias": "4",
        "fuente": "CEOPOL", "motivo": "HUMANO", "codigo_via": "PE-3S",
        "nombre_carretera": "LONGITUDINAL DE LA SIERRA SUR", "alerta_activa_24_horas": "SI",
    }
    props.update(over)
    lon, lat = float(props["longitud"]), float(props["latitud"])
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def line(features: list[dict], archived: str, file: str = "interrumpido.json", commit: str = COMMIT) -> dict:
    return {"file": file, "commit": commit, "archived": archived, "features": features}


def archive(path: Path, lines: list[dict], gz: bool = True) -> Path:
    text = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def plan_of(tmp_path: Path, lines: list[dict], existing=(), **kw):
    path = archive(tmp_path / "feed.jsonl.gz", lines)
    batch = collect([path], scope=bundled_scope(), **kw)
    return batch, plan_events(batch, list(existing), "test")


def features(plan) -> list[dict]:
    return [f for _, f, _ in plan.changes if f is not None]


# ---------------------------------------------------------------- spellings

@pytest.mark.parametrize("text, reference, want", [
    ("14/01/2023", None, "2023-01-14"),                 # day first, SUTRAN's form
    ("3/14/2023", None, "2023-03-14"),                  # month first in the same file
    ("3/09/2023", "2023-03-10", "2023-03-09"),          # day first would be after the update: month first
    ("3/09/2023", "2023-09-20", "2023-09-03"),          # day first fits: day first
    ("05/02/2023", "2023-05-10", "2023-02-05"),         # both before: SUTRAN's day first wins
    ("44935", None, "2023-01-09"),                      # a spreadsheet's serial day
    ("17/08/2023'", None, "2023-08-17"),                # a stray quote
    ("31/11/2024", None, None), ("12/472023", None, None), ("", None, None),
])
def test_fecha_evento_spellings(text, reference, want):
    from datetime import date
    got = read_feed_day(text, date.fromisoformat(reference) if reference else None)
    assert (got.isoformat() if got else None) == want


@pytest.mark.parametrize("text, want", [
    ("19/01/2023 18:00 HORAS", "2023-01-19T18:00"),
    ("19/01/2023  18:00  HORAS", "2023-01-19T18:00"),   # double spaces
    ("19/01/2023 8:00 HORAS", "2023-01-19T08:00"),
    ("19/01/2023 08:00HORAS", "2023-01-19T08:00"),
    ("19/01/2023 08.00 HORAS", "2023-01-19T08:00"),
    ("19/01/2023 08:00 HORA", "2023-01-19T08:00"),
    ("02/03/2024 18:30:00 HORAS", "2024-03-02T18:30"),  # with seconds
    ("19/01/2023 24:00 HORAS", "2023-01-19T23:59"),
    ("19/01/2023", None), ("mañana", None), ("19/01/2023 25:00 HORAS", None),
])
def test_fecha_actualizacion_spellings(text, want):
    assert read_update_time(text) == want


def test_update_read_month_first_when_day_first_is_after_its_archive():
    from datetime import date
    assert read_update_time("3/09/2023 10:00 HORAS", date(2023, 3, 10)) == "2023-03-09T10:00"


@pytest.mark.parametrize("text, want", [
    ("KM 255", [255]), ("KM  998", [998]), ("KM 548+950", [548.95]), ("KM 738 AL KM 744", [738, 744]),
    ("KM 233 AL 235", [233, 235]), ("KM 12+300 - KM 14+000", [12.3, 14]), ("", []), (None, []),
])
def test_afectacion_kilometres(text, want):
    assert read_km(text) == pytest.approx(want)


# ---------------------------------------------------------------- records -> events

def test_one_event_per_site_with_states_vehicles_reporters_and_citation(tmp_path):
    lines = [
        line([rec("17/01/2023 12:00 HORAS", item="197")], "2023-01-17T12:30:00-05:00", commit="1" * 40),
        line([rec("17/01/2023  18:00 HORAS", item="12", cant_vehiculos_detenidos_pasajeros="9")],
             "2023-01-17T18:30:00-05:00", commit="2" * 40),
        line([rec("18/01/2023 08.00 HORA", item="3", estado="TRÁNSITO RESTRINGIDO", fuente="COE-MTC")],
             "2023-01-18T08:30:00-05:00", file="restringido.json", commit="3" * 40),
    ]
    batch, plan = plan_of(tmp_path, lines)
    assert (plan.added, plan.edited, plan.retracted) == (1, 0, 0)   # item changed every update: one site
    (event,) = features(plan)
    props, info = event["properties"], event["properties"]["sutran"]
    assert (props["start"], props["end"], props["kind"], props["region"]) == ("2023-01-17", "2023-01-18", "blockade",
                                                                               "Apurímac")
    assert (props["road"], props["km"], props["place"], props["status"]) == ("PE-3S", 255, "Curahuasi (PE-3S km 255)",
                                                                              "confirmed")
    assert event["geometry"]["coordinates"] == [-72.6936, -13.5449]
    assert info["states"] == [{"since": "2023-01-17T12:00", "state": "interrupted"},
                              {"since": "2023-01-18T08:00", "state": "restricted"}]
    assert info["vehicles"] == {"passengers": 9, "freight": 4}
    assert info["reporters"] == ["CEOPOL", "COE-MTC"]
    assert info["stated_start"] == "2023-01-14" and "SUTRAN dates the event from 2023-01-14" in props["description"]
    assert props["sources"] == [
        {"name": "SUTRAN", "url": f"https://github.com/annaabsi/scraper-sutran/blob/{'1' * 40}/interrumpido.json",
         "published": "2023-01-17"},
        {"name": "SUTRAN", "url": f"https://github.com/annaabsi/scraper-sutran/blob/{'3' * 40}/restringido.json",
         "published": "2023-01-18"}]
    assert info["first"]["update"] == "2023-01-17T12:00" and info["last"]["update"] == "2023-01-18T08:00"


def test_km_forms_and_districts_make_distinct_sites(tmp_path):
    records = [rec(afectacion="KM 738 AL KM 744"), rec(afectacion="KM  738 AL KM 744"),   # same site, respaced
               rec(afectacion="KM 548+950"), rec(afectacion="KM 255", ubigeo="CUSCO/ANTA/LIMATAMBO")]
    batch, plan = plan_of(tmp_path, [line(records, "2023-01-17T12:30:00-05:00")])
    got = sorted((f["properties"]["km"], f["properties"]["sutran"].get("km_to"), f["properties"]["region"])
                 for f in features(plan))
    assert got == [(255, None, "Cusco"), (548.95, None, "Apurímac"), (738, 744, "Apurímac")]
    assert {f["properties"]["place"] for f in features(plan)} >= {"Curahuasi (PE-3S km 738–744)",
                                                                  "Curahuasi (PE-3S km 548+950)"}


def test_gap_rule_a_day_with_updates_without_the_site_ends_its_event(tmp_path):
    other = dict(afectacion="KM 10")
    lines = [line([rec("17/01/2023 12:00 HORAS"), rec("17/01/2023 12:00 HORAS", **other)], "2023-01-17T13:00:00-05:00"),
             line([rec("18/01/2023 12:00 HORAS", **other)], "2023-01-18T13:00:00-05:00"),   # km 255 missing
             line([rec("19/01/2023 12:00 HORAS"), rec("19/01/2023 12:00 HORAS", **other)], "2023-01-19T13:00:00-05:00"),
             # no update at all on 20 and 21 January: the runs go on through them
             line([rec("22/01/2023 12:00 HORAS"), rec("22/01/2023 12:00 HORAS", **other)], "2023-01-22T13:00:00-05:00")]
    batch, plan = plan_of(tmp_path, lines)
    runs = sorted((f["properties"]["km"], f["properties"]["start"], f["properties"].get("end", f["properties"]["start"]),
                   tuple(f["properties"]["sutran"].get("unobserved", ()))) for f in features(plan))
    assert runs == [(10, "2023-01-17", "2023-01-22", ("2023-01-20", "2023-01-21")),
                    (255, "2023-01-17", "2023-01-17", ()),
                    (255, "2023-01-19", "2023-01-22", ("2023-01-20", "2023-01-21"))]
    assert "2 day(s) in between have no archived update" in next(
        f for f in features(plan) if f["properties"]["km"] == 10)["properties"]["description"]



def test_description_in_both_languages_says_the_same_facts(tmp_path):
    """English and Spanish come from one function and one table: the same run, days and dates in each."""
    lines = [line([rec("17/01/2023 12:00 HORAS")], "2023-01-17T13:00:00-05:00"),
             line([rec("19/01/2023 12:00 HORAS", estado="TRÁNSITO RESTRINGIDO")], "2023-01-19T13:00:00-05:00",
                  file="restringido.json")]
    batch, plan = plan_of(tmp_path, lines)
    (event,) = features(plan)
    props = event["properties"]
    assert props["description"] == (
        "SUTRAN's road alerts listed traffic interrupted or restricted here from 2023-01-17 to 2023-01-19. "
        "1 day(s) in between have no archived update; the blockade is taken to have lasted through them. "
        "SUTRAN dates the event from 2023-01-14; no update of those earlier days was archived, so the map "
        "shows it from 2023-01-17.")
    assert props["description_es"] == (
        "Las alertas viales de SUTRAN registraron aquí tránsito interrumpido o restringido del 2023-01-17 al "
        "2023-01-19. 1 día(s) intermedios no tienen actualización archivada; se asume que el bloqueo continuó. "
        "SUTRAN fecha el evento desde el 2023-01-14; no se archivó ninguna actualización de esos días, por lo "
        "que el mapa lo muestra desde el 2023-01-17.")
    assert sutran._describe("es", "2023-01-17", "2023-01-17", {"restricted"}, None, 0) == (
        "Las alertas viales de SUTRAN registraron aquí tránsito restringido el 2023-01-17.")

def test_motivo_chooses_what_is_imported(tmp_path):
    records = [rec(), rec(motivo="CLIMATOLOGICO", afectacion="KM 99", evento="HUAYCO")]
    batch, plan = plan_of(tmp_path, [line(records, "2023-01-17T12:30:00-05:00")])
    assert [f["properties"]["km"] for f in features(plan)] == [255]
    batch, plan = plan_of(tmp_path, [line(records, "2023-01-17T12:30:00-05:00")], causes=("CLIMATOLOGICO",))
    assert [(f["properties"]["km"], f["properties"]["sutran"]["cause"]) for f in features(plan)] == [(99, "CLIMATOLOGICO")]


def test_bad_records_are_reported_with_update_and_record_and_the_rest_kept(tmp_path):
    records = [rec(), {"type": "Feature"}, rec(fecha_actualizacion="ayer"), rec(estado="CERRADO", item="77"),
               rec(ubigeo=""), rec(afectacion="KM 3", cant_vehiculos_detenidos_pasajeros="muchos"),
               rec(afectacion="KM 4", longitud="72.6936"), rec(afectacion="KM 5", motivo=""), "junk"]
    path = archive(tmp_path / "feed.jsonl", [line(records, "2023-01-17T12:30:00-05:00")], gz=False)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    batch = collect([path], scope=bundled_scope())
    said = [str(p) for p in batch.problems]
    assert said == [
        "interrumpido.json: feed.jsonl line 1: record #2: is not a GeoJSON Feature with properties",
        "interrumpido.json: feed.jsonl line 1: record #3 (item 197): fecha_actualizacion: 'ayer' is not a date and "
        "time (DD/MM/YYYY HH:MM HORAS)",
        "interrumpido.json: feed.jsonl line 1: record #4 (item 77): estado: 'CERRADO' is neither TRANSITO "
        "INTERRUMPIDO nor TRANSITO RESTRINGIDO",
        "interrumpido.json: feed.jsonl line 1: record #5 (item 197): ubigeo: '' is not REGION/PROVINCE/DISTRICT",
        "interrumpido.json: feed.jsonl line 1: record #6 (item 197): cant_vehiculos_detenidos_pasajeros: 'muchos' is "
        "not a number of vehicles (left out; the record is kept)",
        "interrumpido.json: feed.jsonl line 1: record #7 (item 197): geometry: [72.6936, -13.5449] lies outside the "
        "dataset's area; read as [-72.6936, -13.5449] (a lost minus sign; the record is kept)",
        "interrumpido.json: feed.jsonl line 1: record #8 (item 197): motivo: is empty: the cause decides whether the "
        "record is imported",
        "interrumpido.json: feed.jsonl line 1: record #9: is not a GeoJSON Feature with properties",
        "feed.jsonl: line 2: is not JSON: Expecting property name enclosed in double quotes (column 2)",
    ]
    plan = plan_events(batch, [], "test")
    assert sorted(f["properties"]["km"] for f in features(plan)) == [3, 4, 255]


def test_a_feed_file_as_sutran_serves_it_and_a_folder(tmp_path):
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "interrumpido.json").write_text(json.dumps({"data": [rec()]}), encoding="utf-8")
    (folder / "restringido.json").write_text(json.dumps(
        {"data": [rec(estado="TRANSITO RESTRINGIDO", afectacion="KM 300")]}), encoding="utf-8")
    batch = collect([folder], scope=bundled_scope())
    plan = plan_events(batch, [], "test")
    assert sorted((f["properties"]["km"], f["properties"]["sources"][0]["url"]) for f in features(plan)) == [
        (255, sutran.FEED_URL), (300, sutran.FEED_URL)]


def test_an_earlier_batch_imported_later_merges_two_events_into_one(tmp_path):
    day = lambda d: line([rec(f"{d}/01/2023 12:00 HORAS")], f"2023-01-{d}T13:00:00-05:00")  # noqa: E731
    _, late = plan_of(tmp_path, [day(17), day(19)])     # 18 January missing: runs go on across it
    held = [dict(f, id=f"e{i}") for i, f in enumerate(features(late))]
    assert [(f["properties"]["start"], f["properties"].get("end", f["properties"]["start"])) for f in held] == [("2023-01-17", "2023-01-19")]
    assert held[0]["properties"]["sutran"]["unobserved"] == ["2023-01-18"]
    # 18 January's updates arrive later, without the site: the event splits in two.
    _, plan = plan_of(tmp_path, [line([rec("18/01/2023 12:00 HORAS", afectacion="KM 1")], "2023-01-18T13:00:00-05:00")],
                      existing=held)
    changes = [(eid, f and (f["properties"]["start"], f["properties"].get("end", f["properties"]["start"]))) for eid, f, _ in plan.changes
               if f is None or f["properties"]["km"] == 255]
    assert changes == [("e0", ("2023-01-17", "2023-01-17")), (None, ("2023-01-19", "2023-01-19"))]


# ---------------------------------------------------------------- the command and the store

def _data(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "data", [])


def test_import_twice_changes_no_byte_and_logs_one_transaction(tmp_path, capsys):
    data = _data(tmp_path)
    lines = [line([rec(f"{d}/01/2023 12:00 HORAS"), rec(f"{d}/01/2023 12:00 HORAS", afectacion="KM 9")],
                  f"2023-01-{d}T13:00:00-05:00") for d in (17, 18, 19)]
    path = archive(tmp_path / "feed.jsonl.gz", lines)
    assert main(["import", "--format", "sutran", str(path), "--who", "ana", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "2 new events, 0 changed" in out and "2 change-log entries" in out
    log = read_log(data / "changelog.jsonl")
    assert {(e["tx"], e["action"], e["who"]) for e in log} == {(1, "import", "ana")}
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert main(["import", "--format", "sutran", str(path), str(path), "--data", str(data)]) == 0
    assert "0 new events, 0 changed, 0 merged into others, 2 already up to date; 0 change-log entries" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    # A later overlapping batch extends the site still listed on 20 January: one more transaction, one edit
    # (km 9 is not listed that day: its event stays as it was).
    more = archive(tmp_path / "more.jsonl", lines[1:] + [line([rec("20/01/2023 12:00 HORAS")], "2023-01-20T13:00:00-05:00")],
                   gz=False)
    assert main(["import", "--format", "sutran", str(more), "--data", str(data)]) == 0
    log = read_log(data / "changelog.jsonl")
    assert [(e["tx"], e["action"], e["after"]["properties"]["km"]) for e in log[2:]] == [(3, "edit", 255)]
    ends = sorted((f["properties"]["km"], f["properties"].get("end", f["properties"]["start"])) for f in Editor(data).read().collection["features"])
    assert ends == [(9, "2023-01-19"), (255, "2023-01-20")]


def test_import_dry_run_and_bad_paths(tmp_path, capsys):
    data = _data(tmp_path)
    path = archive(tmp_path / "feed.jsonl", [line([rec()], "2023-01-17T13:00:00-05:00")], gz=False)
    assert main(["import", "--format", "sutran", str(path), "--dry-run", "--data", str(data)]) == 0
    assert "would make 1 new events" in capsys.readouterr().out
    assert not (data / "changelog.jsonl").exists()
    assert main(["import", "--format", "sutran", str(tmp_path / "nope.jsonl"), "--data", str(data)]) == 1
    assert "nope.jsonl: no such file or folder" in capsys.readouterr().err
    assert main(["import", "--format", "sutran", str(path), "--motivo", "LLUVIA", "--data", str(data)]) == 1
    assert "unknown cause 'LLUVIA'" in capsys.readouterr().err
    assert main(["import", str(path), str(path), "--data", str(data)]) == 1
    assert "one file at a time" in capsys.readouterr().err
    empty = archive(tmp_path / "empty.jsonl", [], gz=False)
    assert main(["import", "--format", "sutran", str(empty), "--data", str(data)]) == 1
    assert "no SUTRAN feed update could be read; nothing imported" in capsys.readouterr().err


def test_bundled_scope_is_the_bundled_dataset():
    assert "Apurímac" in bundled_scope().regions and (BUNDLED / "dataset.json").is_file()


def test_a_site_on_a_corridor_road_is_drawn_at_its_kilometre_there(tmp_path):
    path = archive(tmp_path / "feed.jsonl.gz", [line([rec(), rec(codigo_via="PE-1S", afectacion="KM 9")],
                                                     "2023-01-17T13:00:00-05:00")])
    batch = collect([path], scope=bundled_scope())
    posts = {"PE-3S": (-72.70001, -13.55001), "PE-1S": (-70.0, -15.0)}   # the second is 300 km off: not SUTRAN's km
    plan = plan_events(batch, [], "test", place_km=lambda road, km: posts.get(road))
    got = {f["properties"]["road"]: f for f in features(plan)}
    on = got["PE-3S"]
    assert on["geometry"]["coordinates"] == [-72.70001, -13.55001] and on["properties"]["geo_precision"] == 2
    assert on["properties"]["sutran"]["point"] == [-72.6936, -13.5449]
    off = got["PE-1S"]
    assert off["geometry"]["coordinates"] == [-72.6936, -13.5449] and "point" not in off["properties"]["sutran"]
    # Imported again, the placed point is not mistaken for SUTRAN's.
    held = [dict(f, id=f"e{i}") for i, f in enumerate(features(plan))]
    again = plan_events(batch, held, "test", place_km=lambda road, km: posts.get(road))
    assert again.changes == [] and again.unchanged == 2
