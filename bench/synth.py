"""Realistic synthetic data folders for the benchmarks.

Events are spread along the bundled road corridors (``data/corridors.geojson``) and in
the gazetteer's towns (``data/gazetteer``), each named after its nearest town, over 60
days from 7 December 2022, lasting 1 to 5 days. Every field of the contract is filled
and every folder passes :func:`geo.store.load_dataset`.
The generator is seeded, so a given ``n`` always gives the same folder.
"""
from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import shapely

from geo.core.dataset import parse_info
from geo.core.model import DataError
from geo.core.paths import BUNDLED_DATA
from geo.places.gazetteer import default_gazetteer

FIRST_DAY = date(2022, 12, 7)
DAYS = 60

KIND_WEIGHTS = {"blockade": 0.45, "protest": 0.25, "clash": 0.07, "closure": 0.06, "detention": 0.09, "other": 0.08}
OUTLETS = [
    ("Defensoría del Pueblo", "https://www.defensoria.gob.pe/reportes/"),
    ("SUTRAN", "https://www.gob.pe/sutran/alertas/"),
    ("La República", "https://larepublica.pe/sociedad/"),
    ("RPP Noticias", "https://rpp.pe/peru/actualidad/"),
    ("Andina", "https://andina.pe/agencia/noticia/"),
    ("Los Andes", "https://losandes.com.pe/regional/"),
    ("El Búho", "https://elbuho.pe/"),
    ("Infobae Perú", "https://www.infobae.com/peru/"),
]
WHAT = {
    "blockade": ["Protesters blocked the road with stones and burning tyres",
                 "Residents closed the bridge to all traffic",
                 "Strikers held the road; lorries queued for kilometres on both sides"],
    "protest": ["A march demanded the president's resignation and new elections",
                "Thousands rallied in the main square during the regional strike",
                "Students and farmers marched to the prefecture"],
    "clash": ["Police fired tear gas to clear the road; several people were hurt",
              "Protesters and police clashed near the airport",
              "Confrontation as police tried to lift the blockade"],
    "closure": ["The airport suspended all flights after protesters entered the runway",
                "The border post was closed to traffic", "Rail service was suspended"],
    "detention": ["Police detained protesters after clearing the road",
                  "Arrests followed the occupation of a public building"],
    "other": ["A police post was set on fire", "Shops stayed shut during the strike",
              "A curfew was declared in the province"],
}
AFTER = ["", " Traffic resumed the next morning.", " Local radio reported the numbers.",
         " The road authority listed the site among the day's interruptions.",
         " Organisers said the measure would continue until their demands were met."]


def _corridor_lines() -> list[tuple[str, str, list[str], list[str], shapely.LineString]]:
    """(id, name, roads, via, line) of each bundled corridor, as one LineString."""
    features = json.loads((BUNDLED_DATA / "corridors.geojson").read_text(encoding="utf-8"))["features"]
    result = []
    for f in features:
        geom = shapely.geometry.shape(f["geometry"])
        if geom.geom_type == "MultiLineString":
            merged = shapely.line_merge(geom)
            geom = merged if merged.geom_type == "LineString" else max(merged.geoms, key=lambda g: g.length)
        p = f["properties"]
        result.append((f["id"], p["name"], list(p["roads"]), list(p.get("via") or [p["from"], p["to"]]), geom))
    if not result:
        raise RuntimeError(f"no corridors in {BUNDLED_DATA / 'corridors.geojson'}")
    return result


def _info() -> dict:
    """The bundled dataset's dataset.json (synthetic data keeps its regions, area and title)."""
    return json.loads((BUNDLED_DATA / "dataset.json").read_text(encoding="utf-8"))


def canonical_region(name: str) -> str | None:
    """The bundled dataset's spelling of a region, or None."""
    info, problems = parse_info(_info())
    if info is None:
        raise DataError(problems)
    return info.scope().region(name)


def _towns() -> list:
    """The gazetteer's GeoNames towns (name, region, lon, lat, population)."""
    return [p for p in default_gazetteer().places if p.kind == "town" and canonical_region(p.region)]


def make_events(n: int, seed: int = 6) -> list[dict]:
    """``n`` valid event Features along the corridors and in the towns."""
    rng = np.random.default_rng(seed + n)
    lines = _corridor_lines()
    lengths = np.array([ln.length for *_, ln in lines])
    on_road = rng.random(n) < 0.8
    corridor = rng.choice(len(lines), size=n, p=lengths / lengths.sum())
    frac = rng.random(n)
    lon = np.empty(n)
    lat = np.empty(n)
    for i, (*_, line) in enumerate(lines):
        sel = corridor == i
        pts = shapely.line_interpolate_point(line, frac[sel], normalized=True)
        lon[sel], lat[sel] = shapely.get_x(pts), shapely.get_y(pts)
    towns = _towns()
    tx = np.array([t.lon for t in towns])
    ty = np.array([t.lat for t in towns])
    weight = np.sqrt(np.array([max(t.population, 500) for t in towns], dtype=float))
    town_pick = rng.choice(len(towns), size=n, p=weight / weight.sum())
    in_town = ~on_road
    lon[in_town], lat[in_town] = tx[town_pick[in_town]], ty[town_pick[in_town]]
    lon += rng.normal(0, 0.01, n)
    lat += rng.normal(0, 0.01, n)
    tree = shapely.STRtree(shapely.points(tx, ty))
    nearest = tree.nearest(shapely.points(lon, lat))
    kinds = list(KIND_WEIGHTS)
    kind = rng.choice(len(kinds), size=n, p=list(KIND_WEIGHTS.values()))
    start = rng.integers(0, DAYS, size=n)
    duration = rng.integers(1, 6, size=n)  # 1 to 5 days
    end = np.minimum(start + duration - 1, DAYS - 1)
    deadly = rng.random(n)
    days = [(FIRST_DAY + timedelta(days=i)).isoformat() for i in range(DAYS + 7)]
    features = []
    for i in range(n):
        k = kinds[kind[i]]
        town = towns[nearest[i]]
        c_id, c_name, roads, via, line = lines[corridor[i]]
        fatalities = int(rng.integers(1, 6)) if k == "clash" and deadly[i] < 0.3 else 0
        injured = int(rng.integers(1, 40)) if k in ("clash", "blockade") and deadly[i] < 0.5 else 0
        detained = int(rng.integers(1, 60)) if k == "detention" else 0
        outlets = rng.choice(len(OUTLETS), size=1 + int(deadly[i] < 0.35), replace=False)
        sources = [{"name": OUTLETS[o][0], "url": f"{OUTLETS[o][1]}synthetic-{n}-{i}",
                    "published": days[min(int(start[i]) + int(j), DAYS + 6)]} for j, o in enumerate(outlets)]
        props = {
            "kind": k, "start": days[start[i]], "end": days[end[i]],
            "place": f"{town.name} (km {int(frac[i] * 100)})" if on_road[i] else town.name,
            "region": canonical_region(town.region), "road": roads[0],
            "km": round(float(frac[i] * line.length * 105.0), 1),
            "fatalities": fatalities, "injured": injured, "detained": detained,
            "geo_precision": 1 if on_road[i] else int(rng.choice([1, 2, 3], p=[0.6, 0.3, 0.1])),
            "time_precision": int(rng.choice([1, 2, 3], p=[0.9, 0.07, 0.03])),
            "status": "confirmed" if deadly[i] < 0.4 else "reported",
            "sources": sources,
            "description": (f"{WHAT[k][i % len(WHAT[k])]} near {town.name} on the {c_name} road."
                            f"{AFTER[i % len(AFTER)]}"),
        }
        features.append({"type": "Feature", "id": f"syn-{n}-{i:06d}",
                         "geometry": {"type": "Point", "coordinates": [round(float(lon[i]), 5), round(float(lat[i]), 5)]},
                         "properties": props})
    return features


def make_hotspots() -> list[dict]:
    """A hotspot at each of the 14 largest towns near the corridors, over most of the period."""
    lines = shapely.union_all([ln for *_, ln in _corridor_lines()])
    towns = sorted((t for t in _towns() if shapely.distance(shapely.Point(t.lon, t.lat), lines) < 0.1),
                   key=lambda t: -t.population)[:14]
    out = []
    for i, town in enumerate(towns):
        out.append({"type": "Feature", "id": f"hot-{i}",
                    "geometry": {"type": "Point", "coordinates": [town.lon, town.lat]},
                    "properties": {"name": town.name, "region": canonical_region(town.region),
                                   "start": (FIRST_DAY + timedelta(days=i)).isoformat(),
                                   "end": (FIRST_DAY + timedelta(days=DAYS - 1 - i)).isoformat(),
                                   "level": 1 + i % 3, "description": f"Sustained protest in {town.name}.",
                                   "sources": [{"name": OUTLETS[0][0], "url": OUTLETS[0][1] + f"hotspot-{i}",
                                                "published": (FIRST_DAY + timedelta(days=i)).isoformat()}]}})
    return out


def make_corridors() -> list[dict]:
    """The corridor layer the events were spread along."""
    out = []
    for cid, name, roads, via, line in _corridor_lines():
        out.append({"type": "Feature", "id": cid,
                    "geometry": {"type": "LineString", "coordinates": [[round(x, 5), round(y, 5)] for x, y in line.coords]},
                    "properties": {"name": name, "roads": roads, "from": via[0], "to": via[-1], "via": via,
                                   "sources": [{"name": "MTC", "url": "https://www.gob.pe/mtc", "published": "2022-12-01"}]}})
    return out


def write_dataset(folder: str | Path, n: int, seed: int = 6) -> Path:
    """Write a complete synthetic data folder with ``n`` events; return its path.

    Skips the work when the folder already holds the same ``n`` and seed.
    """
    folder = Path(folder)
    stamp = folder / ".synthetic"
    if stamp.exists() and stamp.read_text() == f"{n} {seed}\n":
        return folder
    folder.mkdir(parents=True, exist_ok=True)

    def dump(name: str, features: list[dict]) -> None:
        (folder / name).write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                              ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    info = dict(_info(), title=f"Synthetic data: {n:,} events", featured_day=None)
    info.pop("featured_day")
    (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    dump("events.geojson", make_events(n, seed))
    dump("hotspots.geojson", make_hotspots())
    dump("corridors.geojson", make_corridors())
    metrics = ("blockade_points", "roads_blocked", "regions_affected", "deaths_total", "detained")
    with open(folder / "reported_counts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "metric", "value", "reporter", "source_url"])
        for d in range(DAYS):
            day = (FIRST_DAY + timedelta(days=d)).isoformat()
            for j, metric in enumerate(metrics):
                writer.writerow([day, metric, 10 + (d * 7 + j * 13) % 90, "Defensoría del Pueblo",
                                 "https://www.defensoria.gob.pe/reportes/"])
    stamp.write_text(f"{n} {seed}\n")
    return folder


def write_empty_dataset(folder: str | Path) -> Path:
    """Write the benchmarks' floor: no events, the synthetic folders' ``dataset.json`` (title, area,
    languages) and one hotspot over the same 60 days, so that the app offers the same days to step
    through (a folder without any dated feature offers only today); return its path.

    The folder holds no events layer at all: a new dataset starts that way (CONTRACT.md).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    info = dict(_info(), title="Synthetic data: no events")
    info.pop("featured_day", None)
    (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    hotspot = make_hotspots()[0]
    hotspot["properties"].update(start=FIRST_DAY.isoformat(), end=(FIRST_DAY + timedelta(days=DAYS - 1)).isoformat())
    (folder / "hotspots.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [hotspot]},
                                                        ensure_ascii=False), encoding="utf-8")
    for name in ("events.geojson", "corridors.geojson", "reported_counts.csv", ".synthetic"):
        (folder / name).unlink(missing_ok=True)
    return folder
