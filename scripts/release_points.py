"""The located blockade points of the news (``shared/facts/points-2022-12-to-2023-01.csv``) as events.

Read by ``build_release_3.py``. Each row is a road blocked (or restricted) at a place on a day, as
one outlet reported it. Rows are placed, in this order:

1. a national road code and kilometre (``Panamericana Sur (PE-1S)``, km ``291``): at the point SUTRAN's
   own archived feed gives for that road and kilometre (a record within 2 km of it), the feed
   version cited in ``position_from``; ``geo_precision`` 2;
2. a town or site the gazetteer knows in the row's region, named in ``location``;
3. a PE-3S kilometre the corridors' kilometre references place;

and otherwise left out (listed by the build, and in data/README.md). Rows of one place (the same
point) on consecutive days make one event, citing every row's outlet; a row whose place and days
meet an event already mapped there (the same kind, within :data:`SAME_PLACE_M`) adds its source to
that event instead. Rows saying the road was reopened (``restored``) or damaged are not blockades
and are left out; the three rows of the Ollantaytambo–Machu Picchu railway are a ``closure``.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from geo.core.dates import shift_day
from geo.core.geodesy import distance_m
from geo.core.model import Problem
from geo.core.text import fold
from geo.intake import sutran
from geo.network.kmposts import resolve_km_post
from geo.places.gazetteer import gazetteer_for
from geo.places.geocode import geocode
from geo.store import load_dataset

#: A km post of SUTRAN's feed is used for a row's kilometre when within this distance (km).
KM_TOLERANCE = 2.0
#: Two reports this close (metres) on overlapping or adjacent days are the same blockade.
SAME_PLACE_M = 3000.0
MIN_SCORE = 85.0
_ROAD = re.compile(r"\b(PE-\d{1,3}[A-Z]{0,2})\b")
_KM = re.compile(r"(\d+)(?:\s*[+.]\s*(\d{1,3}))?")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})")
_PIECES = re.compile(r"[,;()/]|\s[-–]\s|\by\b|\bentre\b")


def km_index(archives: list[Path]) -> dict[str, list[tuple[float, float, float, str]]]:
    """Road code -> sorted ``(km, lon, lat, archive url)`` of every site SUTRAN's archived feed lists
    with a single kilometre (all causes: a landslide's km post is as good a point as a blockade's)."""
    index: dict[str, dict[float, tuple[float, float, str]]] = defaultdict(dict)
    for archive in archives:
        problems: list[Problem] = []
        for update in sutran.read_updates(archive, problems):
            for feature in update.features:
                props = feature.get("properties") if isinstance(feature, dict) else None
                if not isinstance(props, dict):
                    continue
                kms = sutran.read_km(props.get("afectacion"))
                road = " ".join(str(props.get("codigo_via") or "").upper().split())
                coords = (feature.get("geometry") or {}).get("coordinates")
                if len(set(kms)) != 1 or not road or not isinstance(coords, list) or len(coords) < 2:
                    continue
                try:
                    lon, lat = float(coords[0]), float(coords[1])
                except (TypeError, ValueError):
                    continue
                if not (-82 < lon < -68 and -19 < lat < 0):
                    continue
                index[road].setdefault(kms[0], (lon, lat, update.url))   # the first archived version
    return {road: sorted((km, *v) for km, v in posts.items()) for road, posts in index.items()}


def _km(text: str) -> float | None:
    m = _KM.search(text or "")
    if not m:
        return None
    return int(m.group(1)) + (int(m.group(2)) / 1000 if m.group(2) else 0)


def _published(row: dict) -> str:
    m = _ISO.search(row["published"])
    return m.group(1) if m else row["date"]


def _approximate(row: dict) -> bool:
    text = row["published"].strip()
    return text.startswith(("DATE APPROX", "c.")) or " (c. " in text


def place_row(row: dict, gaz, corridors, posts) -> dict | None:
    """Where a row goes: ``{lon, lat, label, geo_precision, position_from?}``, or None."""
    region = row["region"].split(" (")[0].split("/")[0].strip()
    road = _ROAD.search(row["road"])
    km = _km(row["km"])
    if road and km is not None and road.group(1) in posts:
        best = min(posts[road.group(1)], key=lambda p: abs(p[0] - km))
        if abs(best[0] - km) <= KM_TOLERANCE:
            label = f"{road.group(1)} km {row['km'].split(' (')[0]}"
            return {"lon": round(best[1], 5), "lat": round(best[2], 5), "label": label, "geo_precision": 2,
                    "position_from": best[3]}
    for piece in [p.strip() for p in _PIECES.split(row["location"]) if p and len(p.strip()) > 2]:
        found = [c for c in geocode(piece, region=region, limit=1, gazetteer=gaz)
                 if c.score >= MIN_SCORE and c.region == region]
        if found:
            return {"lon": round(found[0].lon, 5), "lat": round(found[0].lat, 5), "label": found[0].name,
                    "geo_precision": 1}
    if road and km is not None and corridors is not None and len(corridors):
        try:
            _, lon, lat = resolve_km_post(corridors, road.group(1), km)
        except ValueError:  # no corridor places this kilometre post
            return None
        return {"lon": round(lon, 5), "lat": round(lat, 5), "label": f"{road.group(1)} km {km:g}",
                "geo_precision": 2}
    return None


def _runs(days: list[str]) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for day in sorted(set(days)):
        if runs and shift_day(runs[-1][1], 1) >= day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def events_from_rows(rows: list[dict], gaz, corridors, posts) -> tuple[list[dict], list[tuple[dict, str]]]:
    """The rows as event Features (no ids), and the rows left out with why."""
    left, groups = [], defaultdict(list)
    for row in rows:
        status = row["status"].lower()
        if status.startswith(("restored", "damaged")):
            left.append((row, "the report says the road was reopened or damaged, not blocked"))
            continue
        where = place_row(row, gaz, corridors, posts)
        if where is None:
            left.append((row, "no road kilometre or place the gazetteer knows locates it"))
            continue
        kind = "closure" if "RAIL" in row["road"] else "blockade"
        region = row["region"].split(" (")[0].split("/")[0].strip()
        groups[(kind, region, where["label"], where["lon"], where["lat"])].append((row, where))
    features = []
    for (kind, region, label, lon, lat), items in sorted(groups.items()):
        for start, end in _runs([r["date"] for r, _ in items]):
            run = [(r, w) for r, w in items if start <= r["date"] <= end]
            features.append(_feature(kind, region, label, lon, lat, start, end, run))
    return features, left


def _feature(kind, region, label, lon, lat, start, end, run) -> dict:
    sources: list[dict] = []
    outlets: list[str] = []
    for row, _ in run:
        src = {"name": row["outlet"], "url": row["url"], "published": _published(row)}
        if src["url"] not in {s["url"] for s in sources}:
            sources.append(src)
        if row["outlet"] not in outlets:
            outlets.append(row["outlet"])
    where = run[0][1]
    road = _ROAD.search(run[0][0]["road"])
    locations = sorted({r["location"] for r, _ in run if r["location"]})
    location = locations[0] if locations else ""
    if not location or fold(location) in fold(label):
        place = label
    elif fold(label) in fold(location):
        place = location
    else:
        place = f"{location} ({label})"
    printed = any("as printed" in r["km"] for r, _ in run)
    span = start if start == end else f"{start} to {end}"
    what = "the railway shut" if kind == "closure" else "the road blocked"
    en = f"{', '.join(outlets)} reported {what} here ({run[0][0]['road']}) on {span}."
    es_what = "la vía férrea cerrada" if kind == "closure" else "la vía bloqueada"
    es = f"{', '.join(outlets)} informó {es_what} aquí ({run[0][0]['road']}) " + (
        f"el {start}." if start == end else f"del {start} al {end}.")
    if where.get("position_from"):
        en += " The point is where SUTRAN's alert feed places that kilometre of the road."
        es += " El punto es donde el feed de alertas de SUTRAN ubica ese kilómetro de la vía."
    if printed:
        en += " The kilometre is as printed and may be a misprint."
        es += " El kilómetro es el impreso y puede ser una errata."
    props = {"kind": kind, "start": start, "place": place, "region": region}
    if end != start:
        props["end"] = end
    if road:
        props["road"] = road.group(1)
        km = _km(run[0][0]["km"])
        if km is not None:
            props["km"] = km
    props.update({"geo_precision": where["geo_precision"],
                  "time_precision": 2 if all(_approximate(r) for r, _ in run) else 1,
                  "status": "confirmed" if len(outlets) >= 2 else "reported", "sources": sources,
                  "description": en, "description_es": es})
    if where.get("position_from"):
        props["position_from"] = where["position_from"]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def _touches(a: dict, b: dict) -> bool:
    pa, pb = a["properties"], b["properties"]
    if pa["kind"] != pb["kind"]:
        return False
    a_end, b_end = pa.get("end") or pa["start"], pb.get("end") or pb["start"]
    if shift_day(a_end, 1) < pb["start"] or shift_day(b_end, 1) < pa["start"]:
        return False
    (x1, y1), (x2, y2) = a["geometry"]["coordinates"][:2], b["geometry"]["coordinates"][:2]
    return distance_m(x1, y1, x2, y2) <= SAME_PLACE_M


def apply(points: Path, editor, who: str) -> tuple[int, int, list[tuple[dict, str]]]:
    """Add the news points to the data ``editor`` writes: (events added, events given a source, rows left out)."""
    rows = list(csv.DictReader(points.open(encoding="utf-8", newline="")))
    folder = Path(editor.folder)
    dataset = load_dataset(folder)
    posts = km_index(sorted((points.parent.parent / "sutran").glob("*.jsonl.gz")))
    features, left = events_from_rows(rows, gazetteer_for(folder), dataset.corridors, posts)
    counts = {"added": 0, "merged": 0}

    def compute(collection: dict) -> list:
        held = [f for f in collection["features"]]
        changes: list[tuple[str | None, dict | None, str]] = []
        edited: dict[str, dict] = {}
        for feature in features:
            same = next((h for h in held if _touches(feature, edited.get(h["id"], h))), None)
            if same is None:
                changes.append((None, feature, "third release: located news points"))
                continue
            current = edited.get(same["id"], same)
            props = dict(current["properties"])
            urls = {s.get("url") for s in props["sources"]}
            extra = [s for s in feature["properties"]["sources"] if s["url"] not in urls]
            fp = feature["properties"]
            new_end = max(props.get("end") or props["start"], fp.get("end") or fp["start"])
            if not extra and new_end == (props.get("end") or props["start"]):
                continue
            props["sources"] = props["sources"] + extra
            if new_end != props["start"]:
                props["end"] = new_end
            edited[same["id"]] = dict(current, properties=props)
            if feature["properties"]["start"] < props["start"]:   # the news saw it earlier: those days apart
                early_end = shift_day(props["start"], -1)
                early = dict(feature, properties={k: v for k, v in fp.items() if k != "end"})
                if early_end != fp["start"]:
                    early["properties"]["end"] = early_end
                changes.append((None, early, "third release: located news points"))
        changes += [(fid, {k: v for k, v in f.items() if k != "id"}, "third release: located news points, "
                     "the same blockade as an event already mapped (both sources kept)") for fid, f in edited.items()]
        counts["added"] = sum(1 for c in changes if c[0] is None)
        counts["merged"] = len(edited)
        return changes

    editor.sync(compute, who=who)
    return counts["added"], counts["merged"], left

