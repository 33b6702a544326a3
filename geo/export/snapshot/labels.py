"""The places a snapshot names: those that matter on the day, and the water bodies in the frame.

A still map has no tooltips, so the reader learns where things happened from its labels. For a
view they are, most important first: the place with the most dead that day, the place with the
most events, the hotspots active (the epicentre first), the region capitals of the regions with
events, then the other capitals. The browser places them above their markers, dropping those that
would collide with a label already placed or hide a marker (``labels.js`` beside this module).

Names come from the data folder's basemap (:mod:`geo.render.basemap`: capitals, corridor towns,
and lakes and seas with a name in each language); an event's place is named by the basemap town
within :data:`NEAR_M` of it, else by its own ``place`` as reported.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from geo.core.geodesy import distance_m
from geo.core.i18n import ENGLISH, Translator
from geo.core.text import fold
from geo.render.descriptions import place_for

#: An event this close to a basemap place is named after it (metres).
NEAR_M = 12_000.0
ROLES = ("deadliest", "busiest", "epicentre", "hotspot", "capital", "water")


@dataclass(frozen=True)
class PlaceLabel:
    """A name to write on the snapshot: ``role`` (one of :data:`ROLES`), lower ``rank`` placed first."""

    name: str
    lon: float
    lat: float
    role: str
    rank: int

    def as_dict(self) -> dict:
        """The label as the page's script reads it."""
        return asdict(self)


def _basemap_places(basemap: dict | None) -> list[dict]:
    if not basemap:
        return []
    out = []
    for feature in basemap.get("features", []):
        props = feature.get("properties") or {}
        if props.get("layer") == "place" and feature.get("geometry", {}).get("type") == "Point":
            lon, lat = feature["geometry"]["coordinates"][:2]
            out.append({"name": str(props.get("name", "")), "kind": props.get("kind"),
                        "region": props.get("region"), "lon": float(lon), "lat": float(lat)})
    return out


def water_labels(basemap: dict | None, t: Translator = ENGLISH) -> list[PlaceLabel]:
    """The basemap's named lakes and seas (``layer: water``), in ``t``'s language where the file has it."""
    labels = []
    for feature in (basemap or {}).get("features", []):
        props = feature.get("properties") or {}
        if props.get("layer") != "water":
            continue
        lon, lat = feature["geometry"]["coordinates"][:2]
        name = props.get(f"name_{t.lang}") or props.get("name")
        if name:
            labels.append(PlaceLabel(str(name), float(lon), float(lat), "water", 4))
    return labels


def _named(record: dict, places: Sequence[dict], t: Translator) -> tuple[str, float, float]:
    """An event's place as a label: the nearest basemap place within :data:`NEAR_M`, else its own
    (in the reader's language, :func:`geo.render.descriptions.place_for`)."""
    if places:
        d = distance_m(record["lon"], record["lat"], np.array([p["lon"] for p in places]),
                       np.array([p["lat"] for p in places]))
        i = int(np.argmin(d))
        if d[i] <= NEAR_M:
            return places[i]["name"], places[i]["lon"], places[i]["lat"]
    return place_for(record, t), float(record["lon"]), float(record["lat"])


def day_labels(records: Sequence[dict], hotspots: pd.DataFrame, basemap: dict | None,
               t: Translator = ENGLISH) -> list[PlaceLabel]:
    """The labels of one view, most important first, each name once.

    Parameters
    ----------
    records : sequence of dict
        The events the view shows (:func:`geo.query.active.select_records`).
    hotspots : DataFrame
        The hotspots it shows (:func:`geo.query.active.select_hotspots`), highest level first.
    basemap : dict, optional
        The data folder's basemap collection (its capitals, towns and water bodies).
    t : Translator, optional
        The language of water names and events' place labels.

    Returns
    -------
    list of PlaceLabel
        Sorted by ``rank``: deadliest 0, busiest 1, epicentre 2, other hotspots 3, lakes and
        seas 4, capitals of regions with events 5, other capitals 6.
    """
    places = _basemap_places(basemap)
    labels: dict[str, PlaceLabel] = {}

    def add(name: str, lon: float, lat: float, role: str, rank: int) -> None:
        key = fold(name)
        if key and (key not in labels or labels[key].rank > rank):
            labels[key] = PlaceLabel(name, lon, lat, role, rank)

    deadly = [r for r in records if r["fatalities"] > 0]
    if deadly:
        worst = max(deadly, key=lambda r: (r["fatalities"], r["id"]))
        add(*_named(worst, places, t), "deadliest", 0)
    named = [_named(r, places, t) for r in records]
    if named:
        counts = Counter(name for name, _, _ in named)
        top, n = counts.most_common(1)[0]
        if n >= 2:
            lon, lat = next((lo, la) for name, lo, la in named if name == top)
            add(top, lon, lat, "busiest", 1)
    for row in hotspots.itertuples():
        level = int(row.level)
        add(str(row.name), float(row.geometry.x), float(row.geometry.y),
            "epicentre" if level >= 3 else "hotspot", 2 if level >= 3 else 3)
    regions = {r["region"] for r in records} | {str(getattr(row, "region", "")) for row in hotspots.itertuples()}
    for place in places:
        if place["kind"] == "capital":
            add(place["name"], place["lon"], place["lat"], "capital", 5 if place["region"] in regions else 6)
    for label in water_labels(basemap, t):
        add(label.name, label.lon, label.lat, "water", 4)
    return sorted(labels.values(), key=lambda lb: (lb.rank, lb.name))
