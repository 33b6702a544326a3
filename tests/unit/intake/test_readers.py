"""Import files: every bad row named before anything is written; ACLED mapping; duplicates."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from geo.intake.duplicates import find_duplicates
from geo.intake.forms import feature_from_form, form_values
from geo.intake.plan import plan_import
from geo.intake.readers import Item, acled_kind
from tests.conftest import bundled_scope, make_event

PERU = bundled_scope()

EXPORT_HEADER = ("id,kind,start,end,place,region,road,km,fatalities,injured,detained,geo_precision,time_precision,"
                 "status,description,lon,lat,source_1_name,source_1_url,source_1_published,source_2_name,"
                 "source_2_url,source_2_published")
ACLED_HEADER = "event_id_cnty,event_date,event_type,sub_event_type,location,admin1,latitude,longitude,fatalities,source,notes"


def _fc(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def test_geojson_in_the_contract_form_is_accepted():
    upload = _fc(make_event("new-1", region="cusco", lon=-71.97, lat=-13.53, place="Cusco"), make_event("new-2"))
    plan = plan_import(json.dumps(upload), "new.geojson", _fc(), scope=PERU)
    assert plan.ok and plan.flavor == "geojson" and [i.label for i in plan.items] == ["new-1", "new-2"]
    assert plan.features()[0]["properties"]["region"] == "Cusco"  # spelled as the contract spells it


def test_every_bad_feature_is_named_with_field_and_problem():
    bad = _fc(
        make_event("outside", lon=2.35, lat=48.85),
        make_event("swapped", lon=-15.5, lat=-70.13),
        make_event("backwards", start="2023-01-10", end="2023-01-08"),
        make_event("unknown-kind", kind="riot"),
        make_event("negative", fatalities=-3),
        make_event("no-source", sources=[]),
        make_event("ftp-source", sources=[{"name": "X", "url": "ftp://x.pe/a", "published": "2023-01-09"}]),
        make_event("fine"),
        make_event("fine"),
        make_event("taken", place="Juliaca airport"),   # the id of another event in the data
        make_event("retired"),
    )
    plan = plan_import(json.dumps(bad), "bad.geojson", _fc(make_event("taken")), retired_ids={"retired"}, scope=PERU)
    assert not plan.ok
    found = {(p.feature, p.field) for p in plan.problems}
    assert found == {
        ("outside", "geometry"), ("swapped", "geometry"), ("backwards", "end"), ("unknown-kind", "kind"),
        ("negative", "fatalities"), ("no-source", "sources"), ("ftp-source", "sources[0].url"),
        ("fine", "id"), ("taken", "id"), ("retired", "id")}
    messages = {p.feature: p.message for p in plan.problems}
    assert "lon and lat look swapped" in messages["swapped"]
    assert "ids are never reused" in messages["retired"] and "already used" in messages["taken"]
    assert "before start" in messages["backwards"]


def test_export_csv_with_numbered_and_plain_sources():
    rows = [
        EXPORT_HEADER,
        "c-1,blockade,2023-01-09,2023-01-10,Ilave,Puno,PE-3S,1409,0,2,,1,1,confirmed,Cut,-69.66667,-16.08333,"
        "RPP,https://rpp.pe/a,2023-01-09,Andina,https://andina.pe/b,2023-01-10",
        ",protest,2023-01-09,,Puno,Puno,,,,,,2,,,,-70.02198,-15.84003,Los Andes,https://losandes.com.pe/c,2023-01-09,,,",
    ]
    plan = plan_import("\n".join(rows), "export.csv", _fc(), scope=PERU)
    assert plan.ok and plan.flavor == "csv", plan.problems
    first, second = plan.features()
    assert first["id"] == "c-1" and first["geometry"]["coordinates"] == [-69.66667, -16.08333]
    p = first["properties"]
    assert (p["km"], p["injured"], p["end"], p["status"], len(p["sources"])) == (1409, 2, "2023-01-10", "confirmed", 2)
    assert "fatalities" in p and p["fatalities"] == 0
    assert "id" not in second and second["properties"]["sources"][0]["name"] == "Los Andes"
    plain = "kind,start,place,region,geo_precision,lon,lat,source_name,source_url,source_published\n" \
            "blockade,2023-01-09,Juli,Puno,1,-69.45,-16.21667,RPP,https://rpp.pe/d,2023-01-09\n"
    plan = plan_import(plain, "plain.csv", _fc(), scope=PERU)
    assert plan.ok and plan.features()[0]["properties"]["sources"] == [
        {"name": "RPP", "url": "https://rpp.pe/d", "published": "2023-01-09"}]


def test_bad_csv_rows_are_named_by_row_number_and_column():
    rows = [
        EXPORT_HEADER,
        "ok,blockade,2023-01-09,,Ilave,Puno,,,,,,1,,,,-69.66667,-16.08333,RPP,https://rpp.pe/a,2023-01-09,,,",
        ",blockade,2023-02-30,,Ilave,Puno,,abc,two,,,1,,,,-16.08,-69.66,RPP,javascript:alert(1),2023-01-09,,,",
        ",blockade,2023-01-09,,Ilave,Atlantis,,,,,,7,,,,-69.66,,RPP,,,,,",
    ]
    plan = plan_import("\n".join(rows), "bad.csv", _fc(), scope=PERU)
    got = {(p.feature, p.field) for p in plan.problems}
    assert got == {("row 3", "start"), ("row 3", "km"), ("row 3", "fatalities"), ("row 3", "lon/lat"),
                   ("row 3", "source_1_url"), ("row 4", "region"), ("row 4", "geo_precision"),
                   ("row 4", "lon/lat"), ("row 4", "source_1_url"), ("row 4", "source_1_published")}
    assert plan.bad_labels == ["row 3", "row 4"]
    assert next(p for p in plan.problems if p.field == "lon/lat" and p.feature == "row 3").message.endswith(
        "(lon and lat look swapped)")


@pytest.mark.parametrize("event_type, sub, deaths, notes, kind", [
    ("Protests", "Peaceful protest", 0, "Demonstrators marched in Puno.", "protest"),
    ("Protests", "Peaceful protest", 0, "Protesters blocked the highway near Ilave.", "blockade"),
    ("Protests", "Protest with intervention", 0, "Bloqueo de la carretera en Chala.", "blockade"),
    ("Protests", "Excessive force against protesters", 6, "Police fired on protesters.", "clash"),
    ("Riots", "Violent demonstration", 0, "Rioters blocked the road and burned tyres.", "clash"),
    ("Riots", "Mob violence", 2, "A mob attacked.", "clash"),
    ("Riots", "Mob violence", 0, "A mob gathered.", "protest"),
    ("Battles", "Armed clash", 1, "", "clash"),
    ("Violence against civilians", "Attack", 1, "", "clash"),
    ("Strategic developments", "Arrests", 0, "Police arrested 40.", "detention"),
    ("Strategic developments", "Looting/property destruction", 0, "", "other"),
    ("Natural disasters", "Flood", 0, "", None),
])
def test_acled_kinds(event_type, sub, deaths, notes, kind):
    assert acled_kind(event_type, sub, deaths, notes) == kind


def test_acled_rows_cite_acled_and_keep_their_links():
    rows = [
        ACLED_HEADER,
        'PER100,12 December 2022,Protests,Peaceful protest,Andahuaylas,Apurimac,-13.6556,-73.3872,0,'
        'La Republica,"Protesters blocked the road to the airport. https://larepublica.pe/x"',
        "PER101,2022-12-15,Riots,Violent demonstration,Ayacucho,Ayacucho,-13.16,-74.22,10,RPP; Andina,Ten killed.",
        ",2022-12-15,Riots,Violent demonstration,Ayacucho,Ayacucho,-13.16,-74.22,10,RPP,No id, no link.",
    ]
    plan = plan_import("\n".join(rows).encode("utf-8"), "acled.csv", _fc(), scope=PERU)
    assert plan.flavor == "acled"
    assert [(p.feature, p.field) for p in plan.problems] == [("row 4", "source")]
    assert plan.problems[0].message.startswith("no source: an ACLED row is cited by its event_id_cnty")
    first, second = (item.feature for item in plan.items[:2])
    assert first["id"] == "acled-PER100"
    assert first["properties"]["kind"] == "blockade" and first["properties"]["region"] == "Apurímac"
    assert first["properties"]["start"] == "2022-12-12"
    assert first["properties"]["sources"] == [
        {"name": "ACLED", "published": "2022-12-12", "event_id_cnty": "PER100", "publishers": ["La Republica"],
         "event_type": "Protests", "sub_event_type": "Peaceful protest"},
        {"name": "larepublica.pe", "url": "https://larepublica.pe/x", "published": "2022-12-12"}]
    assert second["properties"]["sources"] == [
        {"name": "ACLED", "published": "2022-12-15", "event_id_cnty": "PER101", "publishers": ["RPP", "Andina"],
         "event_type": "Riots", "sub_event_type": "Violent demonstration"}]


def test_unreadable_files_are_reported_not_raised():
    assert [str(p) for p in plan_import(b"\xff\xfe\x00bad", "x.csv", _fc(), scope=PERU).problems][0].startswith(
        "x.csv: (file): is not UTF-8")
    assert "invalid JSON" in str(plan_import("{nope", "x.geojson", _fc(), scope=PERU).problems[0])
    assert "missing" in str(plan_import("a,b\n1,2\n", "x.csv", _fc(), scope=PERU).problems[0])
    assert "is empty" in str(plan_import("", "x.csv", _fc(), scope=PERU).problems[0])


def test_probable_duplicates_same_kind_within_1km_overlapping_dates():
    existing = [make_event("old", "blockade", "2023-01-08", "2023-01-10", lon=-70.0, lat=-15.0)]
    # 0.009 degrees of latitude is about 1.0 km; 0.0135 about 1.5 km
    near = Item("near", make_event("n1", "blockade", "2023-01-10", lon=-70.0, lat=-15.0085))
    far = Item("far", make_event("n2", "blockade", "2023-01-10", lon=-70.0, lat=-15.0135))
    other_kind = Item("kind", make_event("n3", "protest", "2023-01-09", lon=-70.0, lat=-15.0))
    later = Item("later", make_event("n4", "blockade", "2023-01-11", lon=-70.0, lat=-15.0))
    dups = find_duplicates([near, far, other_kind, later], existing)
    assert [(d.label, d.existing_id) for d in dups] == [("near", "old")]
    assert 900 < dups[0].distance_m < 1000


def test_plan_lists_duplicates_and_skips_them_on_request():
    existing = _fc(make_event("old", lon=-70.13333, lat=-15.5))
    upload = _fc(make_event("dup", lon=-70.134, lat=-15.501), make_event("new", place="Puno", lon=-70.02, lat=-15.84))
    plan = plan_import(json.dumps(upload), "u.geojson", existing, scope=PERU)
    assert plan.ok and [(d.label, d.existing_id) for d in plan.duplicates] == [("dup", "old")]
    assert [f["id"] for f in plan.features(skip={"dup"})] == ["new"]


def test_form_round_trip_and_required_source():
    event = make_event("e1", road="PE-3S", km=1380, fatalities=2, description="cut")
    values = form_values(event)
    assert values["start"] == date(2023, 1, 9) and values["sources"][0]["published"] == date(2023, 1, 10)
    sources = values.pop("sources")
    feature, problems = feature_from_form(values, sources, "e1", scope=PERU)
    assert problems == [] and feature["properties"] == event["properties"] | {"status": "reported",
                                                                                "time_precision": 1}
    feature, problems = feature_from_form(values, [{"name": "", "url": "", "published": None}], scope=PERU)
    assert [(p.field, p.message.split(":")[0]) for p in problems] == [("sources", "a source is required")]
    values["lon"] = None
    _, problems = feature_from_form(values, sources, scope=PERU)
    assert [p.field for p in problems] == ["lon/lat"]


def test_saving_the_form_keeps_what_it_does_not_show():
    from geo.store.editor import changes_between
    event = make_event("e1", injured=0, description="Road cut at the bridge.",
                       description_es="Vía cortada en el puente.")
    event["properties"]["sources"][0]["note"] = "figures from the ombudsman's report of 10 January"
    values = form_values(event)
    sources = values.pop("sources")
    values["injured"] = 2  # the one change the editor made
    feature, problems = feature_from_form(values, sources, "e1", scope=PERU, original=event)
    assert problems == []
    assert changes_between(event, feature) == {"injured": 2}  # the Spanish text and the note stay
    assert feature["properties"]["description_es"] == "Vía cortada en el puente."
    assert feature["properties"]["sources"][0]["note"] == "figures from the ombudsman's report of 10 January"
    # a source the editor replaced loses the old one's note; the form's own fields always win
    sources[0]["url"] = "https://rpp.pe/peru/puno/bloqueo"
    values["description"] = "Road cut at the bridge, reopened at night."
    feature, _ = feature_from_form(values, sources, "e1", scope=PERU, original=event)
    assert "note" not in feature["properties"]["sources"][0]
    assert feature["properties"]["description"] == "Road cut at the bridge, reopened at night."


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_an_export_of_the_bundled_data_imports_back_unchanged(tmp_path, fmt):
    from geo.core.frames import event_sources
    from geo.export.files import render_export
    from geo.store import load_dataset
    from geo.store.editor import Editor
    from tests.conftest import write_folder
    bundled = load_dataset()
    text, _, count = render_export(bundled, bundled.first_day, bundled.last_day, fmt)
    target = write_folder(tmp_path / "empty", [])
    plan = plan_import(text, f"export.{fmt}", _fc(), scope=PERU)
    assert plan.ok, plan.problems[:5]
    assert len(plan.items) == count == len(bundled.events)
    Editor(target).add_many(plan.features(), who="round trip")
    back = load_dataset(target).events.set_index("id").sort_index()
    original = bundled.events.set_index("id").sort_index()
    columns = [c for c in original.columns if c != "geometry"]
    pd.testing.assert_frame_equal(back[columns], original[columns])
    notes = sum("note" in src for row in back["sources"] for src in event_sources(row))
    assert notes == sum("note" in src for row in original["sources"] for src in event_sources(row)) > 0
