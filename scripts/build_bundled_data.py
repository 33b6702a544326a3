"""Build the bundled dataset in ``data/`` from the curated tables in ``scripts/bundled_*.py``.

Writes ``events.geojson``, ``hotspots.geojson``, ``corridors.geojson`` and ``reported_counts.csv``.
Every coordinate comes from :mod:`geo.places.gazetteer` (GeoNames or the project's sites); none is typed
in the tables. Output is deterministic: run it twice and the files are byte-identical.

Usage::

    python scripts/build_bundled_data.py [--out DIR]

After this bootstrap, ``data/`` is the canonical store, edited through the app and the CLI;
re-running this script overwrites those edits.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundled_events import EVENTS as EVENTS_FIRST  # noqa: E402
from bundled_events_more import EVENTS as EVENTS_MORE  # noqa: E402
from bundled_layers import CORRIDORS, COUNTS, HOTSPOTS  # noqa: E402
from bundled_places_es import PLACES_ES  # noqa: E402
from bundled_sources import SEED_NAME, SEED_PUBLISHED, SEED_REPORTS, SEED_URL, SOURCES  # noqa: E402

from geo.core.frames import corridors_frame  # noqa: E402
from geo.core.model import KINDS, METRICS  # noqa: E402
from geo.network.kmposts import corridors_with_chains  # noqa: E402
from geo.places.gazetteer import Gazetteer, Place, default_gazetteer  # noqa: E402
from geo.places.geocode import geocode  # noqa: E402

EVENTS = EVENTS_FIRST + EVENTS_MORE
WINDOW = ("2022-12-07", "2023-01-31")
_PAIR = re.compile(r"\[\s*(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)\s*\]")
COUNT_COLUMNS = ["date", "metric", "value", "reporter", "source_url"]


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def source_obj(ref: str | tuple) -> dict[str, Any]:
    """Turn a source key or a seed citation ``("seed", day)`` into a ``{name, url, published}`` object."""
    if isinstance(ref, tuple):
        _, day = ref
        return {"name": SEED_NAME, "url": SEED_URL, "published": SEED_PUBLISHED,
                "note": f"Kawsachun News report of {day} ('{SEED_REPORTS[day]}'), carried by the "
                        "Struggle-La Lucha bulletin of 10 January 2023"}
    name, url, published, note = SOURCES[ref]
    out: dict[str, Any] = {"name": name, "url": url, "published": published}
    if note:
        out["note"] = note
    return out


def point(place: Place) -> dict[str, Any]:
    """GeoJSON Point for a gazetteer place, 5 decimals."""
    return {"type": "Point", "coordinates": [round(place.lon, 5), round(place.lat, 5)]}


def resolve(gaz: Gazetteer, at: tuple, region: str, what: str, corridors=None) -> Place:
    """Look a place up (or geocode a road kilometre post ``("km", road, km)``) and check its region."""
    if at[0] == "km":
        cand = geocode(f"{at[1]} km {at[2]:g}", gazetteer=gaz, corridors=corridors)[0]
        place = Place(name=cand.name, region=cand.region, province=cand.province, lon=cand.lon,
                      lat=cand.lat, kind="km_post", source=cand.source, approximate=True)
    else:
        place = gaz.lookup(at[0], region=at[1])
    if place.region != region and not (region == "Lima" and place.region == "Lima"):
        raise ValueError(f"{what}: {at} resolved to {place.label()}, not in {region}")
    return place


def build_events(gaz: Gazetteer, corridors=None) -> list[dict[str, Any]]:
    """Features of ``events.geojson``, sorted by start then id.

    ``corridors`` (a corridors GeoDataFrame) places kilometre posts through their ``km_refs``.
    """
    feats = []
    ids: set[str] = set()
    for ev in EVENTS:
        eid = ev["id"]
        if eid in ids:
            raise ValueError(f"duplicate event id {eid}")
        ids.add(eid)
        if ev["kind"] not in KINDS:
            raise ValueError(f"{eid}: bad kind {ev['kind']}")
        place = resolve(gaz, ev["at"], ev["region"], eid, corridors)
        start, end = ev["start"], ev.get("end", ev["start"])
        if _date(end) < _date(start) or not (WINDOW[0] <= start and end <= WINDOW[1]):
            raise ValueError(f"{eid}: bad dates {start}..{end}")
        geo = max(ev.get("geo", 1), 2 if place.approximate else 1)
        props: dict[str, Any] = {"kind": ev["kind"], "start": start}
        if end != start:
            props["end"] = end
        props["place"] = ev["place"]
        if ev["place"] in PLACES_ES:
            props["place_es"] = PLACES_ES[ev["place"]]
        props["region"] = ev["region"]
        for key in ("road", "km"):
            if key in ev:
                props[key] = ev[key]
        for key in ("fatalities", "injured", "detained"):
            if key in ev:
                props[key] = int(ev[key])
        props["geo_precision"] = geo
        props["time_precision"] = ev.get("time", 1)
        props["status"] = ev.get("status", "reported")
        props["sources"] = [source_obj(s) for s in ev["sources"]]
        props["description"] = ev["description"]
        if not ev.get("es"):
            raise ValueError(f"{eid}: no Spanish description (es=...)")
        props["description_es"] = ev["es"]
        feats.append({"type": "Feature", "id": eid, "geometry": point(place), "properties": props})
    feats.sort(key=lambda f: (f["properties"]["start"], f["id"]))
    return feats


def build_hotspots(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Features of ``hotspots.geojson``, sorted by start then id."""
    feats = []
    for hs in HOTSPOTS:
        place = resolve(gaz, hs["at"], hs["region"], hs["id"])
        props: dict[str, Any] = {"name": hs["name"], "region": hs["region"], "start": hs["start"]}
        if hs.get("end") and hs["end"] != hs["start"]:
            props["end"] = hs["end"]
        props["level"] = hs["level"]
        props["sources"] = [source_obj(s) for s in hs["sources"]]
        props["description"] = hs["description"]
        if hs.get("es"):
            props["description_es"] = hs["es"]
        feats.append({"type": "Feature", "id": hs["id"], "geometry": point(place), "properties": props})
    feats.sort(key=lambda f: (f["properties"]["start"], f["id"]))
    return feats


def build_corridors(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Features of ``corridors.geojson``, in id order."""
    feats = []
    for cor in CORRIDORS:
        places = [gaz.lookup(name, region=region) for name, region in cor["via"]]
        for (name, region), place in zip(cor["via"], places, strict=True):
            if place.region != region:
                raise ValueError(f"{cor['id']}: {name} resolved to {place.label()}")
        coords = [[round(p.lon, 5), round(p.lat, 5)] for p in places]
        via = [name for name, _ in cor["via"]]
        for km, town in cor["km_refs"]:
            if town not in via:
                raise ValueError(f"{cor['id']}: km {km} at {town}, not a via town")
        props: dict[str, Any] = {
            "name": cor["name"], "roads": cor["roads"], "from": via[0], "to": via[-1], "via": via,
            "via_regions": [region for _, region in cor["via"]],
            "km_refs": [{"km": km, "place": town, "road": "PE-1S" if cor["id"] == "panamericana-sur" else "PE-3S"}
                        for km, town in cor["km_refs"]],
            "sources": [source_obj(s) for s in cor["sources"]],
        }
        if cor.get("note"):
            props["note"] = cor["note"]
        feats.append({"type": "Feature", "id": cor["id"],
                      "geometry": {"type": "LineString", "coordinates": coords}, "properties": props})
    feats.sort(key=lambda f: f["id"])
    return feats


def build_counts() -> list[dict[str, Any]]:
    """Rows of ``reported_counts.csv``: one per (date, metric, reporter, source).

    One reporter may give two figures for one day through two outlets (SUTRAN's 99 and 102
    points on 16 December 2022): both are kept, never averaged. A key ``"seed"`` is the seed
    bulletin.
    """
    rows, seen = [], set()
    for date, metric, value, reporter, key, _remark in COUNTS:
        if metric not in METRICS:
            raise ValueError(f"bad metric {metric}")
        url = SEED_URL if key == "seed" else SOURCES[key][1]
        if (date, metric, reporter, url) in seen:
            raise ValueError(f"duplicate count {(date, metric, reporter, key)}")
        seen.add((date, metric, reporter, url))
        rows.append({"date": date, "metric": metric, "value": int(value), "reporter": reporter,
                     "source_url": url})
    rows.sort(key=lambda r: (r["date"], r["metric"], r["reporter"], r["source_url"]))
    return rows


def write_geojson(path: Path, features: list[dict[str, Any]]) -> None:
    """Write an RFC 7946 FeatureCollection, UTF-8, one stable layout."""
    doc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    # keep each [lon, lat] pair on one line so diffs stay readable
    text = _PAIR.sub(lambda m: f"[{m.group(1)}, {m.group(2)}]", text)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Build the bundled GeoJSON layers and counts.")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="output folder (default: data/)")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer folder")
    args = parser.parse_args(argv)
    gaz = Gazetteer.load(args.gazetteer) if args.gazetteer else default_gazetteer()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    corridors = build_corridors(gaz)
    events = build_events(gaz, corridors_with_chains(corridors_frame(corridors)))
    hotspots = build_hotspots(gaz)
    counts = build_counts()
    write_geojson(out / "events.geojson", events)
    write_geojson(out / "hotspots.geojson", hotspots)
    write_geojson(out / "corridors.geojson", corridors)
    with (out / "reported_counts.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COUNT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(counts)
    days = set()
    for f in events:
        d0 = _date(f["properties"]["start"])
        d1 = _date(f["properties"].get("end", f["properties"]["start"]))
        while d0 <= d1:
            days.add(d0)
            d0 += dt.timedelta(days=1)
    print(f"events: {len(events)} over {len(days)} active days; hotspots: {len(hotspots)}; "
          f"corridors: {len(corridors)}; reported counts: {len(counts)} -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
