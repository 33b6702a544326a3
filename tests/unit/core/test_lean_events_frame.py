"""The events frame is lean (memory, issue 24): points as lon/lat, labels as categoricals, small
integers; every reader gets the same records, points and text as from a frame of plain columns."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.core.frames import (
    CODED_COLUMNS,
    event_lonlat,
    event_points,
    event_record,
    events_frame,
    labels_as_text,
)
from geo.core.index import EventIndex
from tests.conftest import make_event


def _events() -> list[dict]:
    return [
        make_event("a", start="2023-01-08", end="2023-01-10", lon=-70.13333, lat=-15.5, road="PE-3S", km=1302,
                   fatalities=2, injured=40, detained=3, place_es="Juliaca (ciudad)"),
        make_event("b", kind="clash", start="2023-01-09", lon=-71.96, lat=-13.52, place="Cusco", region="Cusco",
                   description="Police and protesters clashed.", description_es="Enfrentamiento.", geo_precision=2),
        make_event("c", kind="protest", start="2023-01-09", end="2023-01-09", lon=-77.03, lat=-12.05,
                   place="Lima", region="Lima", time_precision=2, status="confirmed"),
    ]


def test_the_frame_has_no_geometry_and_compact_columns():
    frame = events_frame(_events())
    assert "geometry" not in frame.columns and type(frame) is pd.DataFrame
    assert frame["lon"].tolist() == [-70.13333, -71.96, -77.03] and frame["lat"].tolist() == [-15.5, -13.52, -12.05]
    assert all(isinstance(frame[c].dtype, pd.CategoricalDtype) for c in CODED_COLUMNS)
    assert {c: str(frame[c].dtype) for c in ("fatalities", "injured", "detained", "geo_precision",
                                             "time_precision")} == {
        "fatalities": "int32", "injured": "int32", "detained": "int32", "geo_precision": "int8",
        "time_precision": "int8"}
    # labels read like text
    assert frame["kind"].tolist() == ["blockade", "clash", "protest"] and (frame["region"] == "Cusco").sum() == 1
    assert frame.loc[frame["kind"].isin(["clash", "protest"]), "place"].tolist() == ["Cusco", "Lima"]
    assert frame["road"].tolist()[0] == "PE-3S" and pd.isna(frame["road"].tolist()[1])
    assert frame.groupby("region", observed=True)["fatalities"].sum().to_dict() == {"Cusco": 0, "Lima": 0, "Puno": 2}


def test_records_are_those_of_a_frame_of_plain_columns():
    frame = events_frame(_events())
    plain = labels_as_text(frame).astype({c: "int64" for c in ("fatalities", "injured", "detained",
                                                                 "geo_precision", "time_precision")})
    assert not any(isinstance(plain[c].dtype, pd.CategoricalDtype) for c in plain.columns)
    lean = [event_record(r) for r in frame.itertuples(index=False)]
    assert lean == [event_record(r) for r in plain.itertuples(index=False)]
    assert lean[0]["place_es"] == "Juliaca (ciudad)" and "place_es" not in lean[1]
    assert (lean[0]["fatalities"], lean[0]["km"], lean[0]["lon"]) == (2, 1302.0, -70.13333)
    assert type(lean[0]["fatalities"]) is int and type(lean[1]["geo_precision"]) is int
    assert lean[1]["description_es"] == "Enfrentamiento." and lean[2]["time_precision"] == 2


def test_labels_as_text_takes_new_values():
    frame = events_frame(_events())
    with pytest.raises(TypeError, match="new category"):
        frame.loc[frame["id"] == "a", "place"] = "Juliaca, puente"
    text = labels_as_text(frame)
    text.loc[text["id"] == "a", "place"] = "Juliaca, puente"
    assert text["place"].tolist() == ["Juliaca, puente", "Cusco", "Lima"] and frame["place"].iloc[0] == "Juliaca"


def test_points_are_made_on_demand():
    frame = events_frame(_events())
    points = event_points(frame)
    assert points.crs.to_epsg() == 4326 and points.index.equals(frame.index)
    assert [(p.x, p.y) for p in points] == [(-70.13333, -15.5), (-71.96, -13.52), (-77.03, -12.05)]
    # a GeoDataFrame's own geometry wins (reprojected to lon/lat); a non-point is NaN
    geo = points.to_frame("geometry").set_geometry("geometry").to_crs(32719)
    lon, lat = event_lonlat(geo)
    assert np.allclose(lon, frame["lon"]) and np.allclose(lat, frame["lat"])
    with pytest.raises(ValueError, match="'lon' and 'lat'"):
        event_lonlat(frame.drop(columns="lat"))


def test_the_index_reads_the_frame_without_copies():
    frame = events_frame(_events())
    index = EventIndex(frame)
    assert np.shares_memory(index.fatalities, frame["fatalities"].to_numpy())
    assert np.shares_memory(index.lat, frame["lat"].to_numpy())
    assert index.start.dtype == np.int32 and index.place.dtype == np.int32
    pos = np.array([2, 0, 1, 2])
    assert index.start_text[pos].tolist() == frame["start"].to_numpy()[pos].tolist()
    assert index.end_text[pos].tolist() == ["2023-01-09", "2023-01-10", "2023-01-09", "2023-01-09"]
    # one string object per day, shared by its events
    assert index.start_text[np.array([1])][0] is index.start_text[np.array([2])][0]
    assert index.totals(np.arange(3))["fatalities"] == 2 and index.mapped(np.arange(3))["roads_blocked"] == 1
