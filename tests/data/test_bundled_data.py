"""Facts about the bundled dataset in data/ (read with json/csv only, no other project module
except the gazetteer the data was built from)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from geo.places.gazetteer import default_gazetteer

DATA = Path(__file__).resolve().parents[2] / "data"
KINDS = {"blockade", "protest", "clash", "closure", "detention", "other"}
REGIONS = {
    "Amazonas", "Áncash", "Apurímac", "Arequipa", "Ayacucho", "Cajamarca", "Callao", "Cusco", "Huancavelica",
    "Huánuco", "Ica", "Junín", "La Libertad", "Lambayeque", "Lima", "Loreto", "Madre de Dios", "Moquegua",
    "Pasco", "Piura", "Puno", "San Martín", "Tacna", "Tumbes", "Ucayali",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return load("events.geojson")["features"]


@pytest.fixture(scope="module")
def hotspots() -> list[dict]:
    return load("hotspots.geojson")["features"]


@pytest.fixture(scope="module")
def corridors() -> list[dict]:
    return load("corridors.geojson")["features"]


@pytest.fixture(scope="module")
def counts() -> list[dict]:
    with (DATA / "reported_counts.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def km_between(a: list[float], b: list[float]) -> float:
    (lon1, lat1), (lon2, lat2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def active_days(props: dict) -> list[dt.date]:
    d0 = dt.date.fromisoformat(props["start"])
    d1 = dt.date.fromisoformat(props.get("end", props["start"]))
    return [d0 + dt.timedelta(days=i) for i in range((d1 - d0).days + 1)]


def find(events: list[dict], **want) -> list[dict]:
    return [f for f in events if all(f["properties"].get(k) == v for k, v in want.items())]


# -- shape ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["events.geojson", "hotspots.geojson", "corridors.geojson"])
def test_feature_collections_with_unique_slug_ids(name: str) -> None:
    doc = load(name)
    assert doc["type"] == "FeatureCollection"
    ids = [f["id"] for f in doc["features"]]
    assert len(ids) == len(set(ids))
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]


@pytest.mark.parametrize("name", ["events.geojson", "hotspots.geojson", "corridors.geojson"])
def test_every_feature_cites_a_dated_web_source(name: str) -> None:
    for f in load(name)["features"]:
        sources = f["properties"]["sources"]
        assert sources, f["id"]
        for s in sources:
            assert s["name"] and re.match(r"^https?://", s["url"]), (f["id"], s)
            assert DATE.match(s["published"]), (f["id"], s)


def test_every_url_comes_from_the_facts() -> None:
    candidates = [DATA.parent.parent / "shared" / "facts", Path("/work/shared/facts")]
    facts = next((c for c in candidates if c.is_dir()), None)
    if facts is None:
        pytest.skip("shared/facts not present beside the repository")
    known = "".join(p.read_text(encoding="utf-8") for p in facts.iterdir() if p.is_file())
    urls = {s["url"] for n in ("events.geojson", "hotspots.geojson", "corridors.geojson")
            for f in load(n)["features"] for s in f["properties"]["sources"]}
    urls |= {f["properties"]["position_from"] for f in load("events.geojson")["features"]
             if "position_from" in f["properties"]}
    with (DATA / "reported_counts.csv").open(encoding="utf-8") as fh:
        urls |= {r["source_url"] for r in csv.DictReader(fh)}
    # SUTRAN's feed is cited as the archived file at its commit: each must be a version the archive holds.
    archive = re.compile(r"^https://github\.com/annaabsi/scraper-sutran/blob/([0-9a-f]{40})/(interrumpido|restringido)\.json$")
    cited = {(m.group(1), m.group(2) + ".json") for m in map(archive.match, urls) if m}
    assert len(cited) == 185
    held = set()
    for path in sorted((facts.parent / "sutran").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            held |= {(m.group(2), m.group(1)) for m in map(re.compile(
                r'^\{"file": "([a-z]+\.json)", "commit": "([0-9a-f]{40})"').match, fh) if m}
    assert cited - held == set()
    assert {u for u in urls if u not in known and not archive.match(u)} == set()


def test_event_properties_follow_the_contract(events: list[dict]) -> None:
    for f in events:
        p, fid = f["properties"], f["id"]
        assert f["geometry"]["type"] == "Point", fid
        assert p["kind"] in KINDS, fid
        assert DATE.match(p["start"]), fid
        assert p.get("end", p["start"]) >= p["start"], fid
        assert "end" not in p or p["end"] != p["start"], fid
        assert "2022-12-07" <= p["start"] and p.get("end", p["start"]) <= "2023-03-31", fid
        assert p["region"] in REGIONS, fid
        assert p["place"], fid
        assert p["geo_precision"] in (1, 2, 3) and p["time_precision"] in (1, 2, 3), fid
        assert p["status"] in ("confirmed", "reported"), fid
        for key in ("fatalities", "injured", "detained"):
            assert key not in p or (isinstance(p[key], int) and p[key] >= 0), fid
        assert isinstance(p["description"], str) and len(p["description"]) > 20, fid


def test_coordinates_have_at_most_5_decimals(events: list[dict], hotspots: list[dict], corridors: list[dict]) -> None:
    coords = [f["geometry"]["coordinates"] for f in events + hotspots]
    coords += [c for f in corridors for c in f["geometry"]["coordinates"]]
    for lon, lat in coords:
        assert round(lon, 5) == lon and round(lat, 5) == lat


def test_events_sorted_by_start_then_id(events: list[dict]) -> None:
    keys = [(f["properties"]["start"], f["id"]) for f in events]
    assert keys == sorted(keys)


# -- coverage -------------------------------------------------------------------------------
def test_at_least_180_events_25_protests_over_45_active_days(events: list[dict]) -> None:
    kinds = Counter(f["properties"]["kind"] for f in events)
    assert len(events) == 909 and len(events) >= 180
    assert kinds == {"blockade": 741, "protest": 78, "clash": 31, "other": 33, "closure": 18, "detention": 8}
    assert kinds["protest"] >= 25
    assert sum(1 for f in events if "sutran" in f["properties"]) == 588   # SUTRAN's feed, 17 Jan - 31 Mar
    days = {d for f in events for d in active_days(f["properties"])}
    assert len(days) == 109 and max(days) == dt.date(2023, 3, 31)


def test_all_points_inside_peru(events: list[dict], hotspots: list[dict]) -> None:
    for f in events + hotspots:
        lon, lat = f["geometry"]["coordinates"]
        assert -81.5 <= lon <= -68.5 and -18.5 <= lat <= 0.1, f["id"]


# -- the seed's facts -----------------------------------------------------------------------
def test_juliaca_massacre(events: list[dict]) -> None:
    hits = find(events, place="Juliaca", start="2023-01-09", kind="clash")
    assert [h["properties"]["fatalities"] for h in hits] == [17]
    props = hits[0]["properties"]
    assert props["status"] == "confirmed"
    assert any("Kawsachun" in s["name"] for s in props["sources"])


def test_chucuito_blockade_death(events: list[dict]) -> None:
    hits = find(events, place="Chucuito", start="2023-01-09", kind="blockade")
    assert [h["properties"]["fatalities"] for h in hits] == [1]


def test_lima_224_detained(events: list[dict]) -> None:
    hits = find(events, place="Lima", start="2023-01-06", kind="detention")
    assert [h["properties"]["detained"] for h in hits] == [224]


@pytest.mark.parametrize("road", ["PE-34A", "PE-3S", "PE-34B"])
def test_roads_out_of_puno_blocked_on_9_january(events: list[dict], road: str) -> None:
    hits = [f for f in find(events, start="2023-01-09", kind="blockade", road=road, region="Puno")
            if any("Kawsachun" in s["name"] for s in f["properties"]["sources"])]
    assert hits, road
    assert all(h["properties"]["geo_precision"] >= 2 for h in hits)


def test_seed_counts(counts: list[dict]) -> None:
    rows = {(r["date"], r["metric"], r["reporter"]): int(r["value"]) for r in counts}
    assert rows[("2023-01-09", "blockade_points", "SUTRAN")] == 45
    assert rows[("2023-01-08", "blockade_points", "SUTRAN")] == 46
    assert rows[("2023-01-10", "blockade_points", "Kawsachun News")] == 45
    assert rows[("2023-01-10", "deaths_total", "Kawsachun News")] == 46
    assert rows[("2023-01-09", "deaths_total", "El Universal")] == 43


def test_hotspots(hotspots: list[dict]) -> None:
    by_id = {f["id"]: f["properties"] for f in hotspots}
    assert by_id["puno"]["level"] == 3
    assert (by_id["puno"]["start"], by_id["puno"]["end"]) == ("2022-12-07", "2023-01-31")
    for hid in ("juliaca", "arequipa", "cusco", "tacna", "pucallpa", "andahuaylas", "ayacucho", "puerto-maldonado"):
        assert by_id[hid]["level"] == 2, hid
    assert all(p["level"] in (1, 2, 3) for p in by_id.values())
    puno = next(f for f in hotspots if f["id"] == "puno")
    assert km_between(puno["geometry"]["coordinates"], [-70.022, -15.840]) < 2


# -- counts are not points ------------------------------------------------------------------
def test_reported_counts_schema(counts: list[dict]) -> None:
    with (DATA / "reported_counts.csv").open(encoding="utf-8") as fh:
        assert fh.readline().strip() == "date,metric,value,reporter,source_url"
    metrics = {"blockade_points", "roads_blocked", "regions_affected", "deaths_total", "detained",
               "deaths_in_clashes", "injured_total", "provinces_with_protests"}
    for r in counts:
        assert DATE.match(r["date"]) and r["metric"] in metrics and int(r["value"]) >= 0
        assert r["reporter"] and r["source_url"].startswith("http")
    keys = Counter((r["date"], r["metric"], r["reporter"], r["source_url"]) for r in counts)
    assert max(keys.values()) == 1
    assert len(counts) == 149   # 82 from the news, 67 days of SUTRAN's archived feed
    assert sum(1 for r in counts if r["reporter"] == "SUTRAN (alert feed)") == 67
    assert {r["metric"] for r in counts} == metrics


def test_no_national_count_became_a_point(events: list[dict]) -> None:
    for f in events:
        p = f["properties"]
        assert not re.search(r"^national|\bnationwide|^nacional", p["place"], re.I), f["id"]
        assert p["region"] in REGIONS
        # a point never carries a national total
        assert p.get("fatalities", 0) < 40 and p.get("detained", 0) < 300, f["id"]
    # curfews and states of emergency are left out of the map
    assert not [f for f in events if re.search(r"curfew|state of emergency", f["properties"]["place"], re.I)]


# -- corridors ------------------------------------------------------------------------------
REQUIRED_CORRIDORS = {"arequipa-juliaca", "cusco-juliaca", "juliaca-desaguadero", "juliaca-puerto-maldonado",
                      "moquegua-desaguadero", "arequipa-santa-lucia", "urcos-puerto-maldonado", "panamericana-sur"}


def test_corridor_set(corridors: list[dict]) -> None:
    assert {f["id"] for f in corridors} >= REQUIRED_CORRIDORS
    for f in corridors:
        p = f["properties"]
        assert f["geometry"]["type"] == "LineString"
        assert p["from"] == p["via"][0] and p["to"] == p["via"][-1]
        assert len(p["via"]) == len(f["geometry"]["coordinates"]) >= 2
        assert p["roads"] and all(r.startswith("PE-") for r in p["roads"])


def test_corridor_vertices_are_the_via_towns_in_order(corridors: list[dict]) -> None:
    gaz = default_gazetteer()
    for f in corridors:
        p = f["properties"]
        for name, region, vertex in zip(p["via"], p["via_regions"], f["geometry"]["coordinates"], strict=False):
            place = gaz.lookup(name, region=region)
            assert km_between(vertex, [place.lon, place.lat]) < 1.0, (f["id"], name)


@pytest.mark.parametrize("town", ["Juliaca", "Calapuja", "Urcos", "Santa Lucía", "Desaguadero", "Arequipa",
                                  "Mazuko", "Puerto Maldonado"])
def test_junction_coordinates_identical(corridors: list[dict], town: str) -> None:
    seen = {tuple(c) for f in corridors for name, c in zip(f["properties"]["via"], f["geometry"]["coordinates"], strict=False)
            if name == town}
    shared = [f["id"] for f in corridors if town in f["properties"]["via"]]
    assert len(shared) >= 2, town
    assert len(seen) == 1, (town, seen)


def test_km_refs_on_their_corridors(corridors: list[dict]) -> None:
    by_id = {f["id"]: f["properties"] for f in corridors}
    pe3s = {r["km"] for cid in ("cusco-juliaca", "juliaca-desaguadero") for r in by_id[cid]["km_refs"]}
    assert pe3s == {1076, 1102, 1183, 1294, 1380, 1387, 1391, 1409, 1414, 1450, 1463}
    assert {r["km"] for r in by_id["panamericana-sur"]["km_refs"]} == {619, 913, 1253, 1272}
    for p in by_id.values():
        for ref in p["km_refs"]:
            assert ref["place"] in p["via"] and ref["road"] in p["roads"]


# -- the second release's corrections and rules (issue 11) ----------------------------------
SEED_URL = "https://www.struggle-la-lucha.org/2023/01/10/peru-juliaca-massacre-death-toll-rises-to-17/"


def by_id(events: list[dict]) -> dict[str, dict]:
    return {f["id"]: f["properties"] for f in events}


def rows_of(counts: list[dict], date: str) -> set[tuple[str, int, str]]:
    return {(r["metric"], int(r["value"]), r["reporter"]) for r in counts if r["date"] == date}


def test_3_january_36_are_provinces_not_blockade_points(counts: list[dict]) -> None:
    rows = rows_of(counts, "2023-01-03")
    assert rows == {("provinces_with_protests", 36, "Defensoría del Pueblo")}


def test_20_january_44_are_deaths_in_clashes(counts: list[dict]) -> None:
    assert rows_of(counts, "2023-01-20") == {("deaths_in_clashes", 44, "Prensa Latina"),
                                             ("blockade_points", 150, "SUTRAN (alert feed)")}
    assert not [r for r in counts if r["metric"] == "deaths_total" and r["value"] == "44"]


def test_subtotals_are_their_own_metric(counts: list[dict]) -> None:
    rows = rows_of(counts, "2023-01-25")
    assert ("deaths_total", 56, "Defensoría del Pueblo") in rows
    assert ("deaths_in_clashes", 46, "Defensoría del Pueblo") in rows
    assert ("injured_total", 1110, "Defensoría del Pueblo") in rows_of(counts, "2023-01-16")
    assert ("provinces_with_protests", 39, "Defensoría del Pueblo") in rows_of(counts, "2023-01-24")


def test_disagreeing_sources_are_all_kept(counts: list[dict], events: list[dict]) -> None:
    peak = {(int(r["value"]), r["reporter"]) for r in counts
            if r["date"] == "2023-01-19" and r["metric"] == "blockade_points"}
    assert peak == {(127, "SUTRAN"), (145, "Defensoría del Pueblo / SUTRAN"), (137, "SUTRAN (alert feed)")}
    sutran_16 = sorted(int(r["value"]) for r in counts
                       if r["date"] == "2022-12-16" and r["metric"] == "blockade_points")
    assert sutran_16 == [99, 102]
    props = by_id(events)
    juliaca = props["2023-01-09-juliaca-clash"]
    assert juliaca["fatalities"] == 17 and len(juliaca["sources"]) == 4
    for figure in ("17", "18", "20", " 9"):
        assert figure in juliaca["description"], figure
    chala = props["2022-12-11-chala-blockade"]["description"]
    assert all(n in chala for n in ("4,000", "5,000", "2,000"))
    assert "300" in props["2023-01-20-anashuayco-clash"]["description"]
    assert "500" in props["2023-01-20-anashuayco-clash"]["description"]


def test_la_pampa_blocked_17_to_18_january(events: list[dict]) -> None:
    props = by_id(events)
    assert "2023-01-18-la-pampa-blockade" not in props
    la_pampa = props["2023-01-17-la-pampa-blockade"]
    assert (la_pampa["start"], la_pampa["end"]) == ("2023-01-17", "2023-01-18")


def test_iberia_and_inambari_start_is_not_inferred(events: list[dict]) -> None:
    props = by_id(events)
    for fid in ("2023-01-24-iberia-blockade", "2023-01-24-inambari-blockade"):
        assert props[fid]["start"] == "2023-01-24" and "end" not in props[fid], fid
        assert "twenty" in props[fid]["description"] or "start is not reported" in props[fid]["description"]


def test_siguas_is_reported_not_confirmed(events: list[dict]) -> None:
    siguas = by_id(events)["2022-12-09-siguas-blockade"]
    assert siguas["status"] == "reported" and len(siguas["sources"]) == 1


def test_cebaf_says_only_what_sources_give(events: list[dict]) -> None:
    cebaf = by_id(events)["2023-01-20-desaguadero-cebaf-arson"]
    assert "withdrew" not in cebaf["description"] and "joint" not in cebaf["description"]
    assert len(cebaf["sources"]) == 2 and cebaf["status"] == "confirmed"


def test_seed_facts_cite_the_seed_bulletin(events: list[dict], hotspots: list[dict], counts: list[dict]) -> None:
    seed = [s for f in events + hotspots for s in f["properties"]["sources"] if "Kawsachun" in s["name"]]
    assert len(seed) >= 8
    assert {s["url"] for s in seed} == {SEED_URL}
    assert {r["source_url"] for r in counts if r["reporter"] == "Kawsachun News"} == {SEED_URL}


def test_strike_days_and_aymara_from_the_seed(events: list[dict], hotspots: list[dict]) -> None:
    props = by_id(events)
    assert "sixth day" in props["2023-01-09-pe-34a-puno-arequipa-blockade"]["description"]
    assert "seventh day" in props["2023-01-09-juliaca-clash"]["description"]
    puno = next(f["properties"] for f in hotspots if f["id"] == "puno")
    assert "Aymara" in puno["description"] and "Quechua" not in puno["description"]
    assert "sixth day on 9 January" in puno["description"] and "seventh on 10 January" in puno["description"]


def test_juliaca_airport_clash_moved_to_6_january(events: list[dict]) -> None:
    props = by_id(events)
    assert "2023-01-07-juliaca-airport-clash" not in props
    clash = props["2023-01-06-juliaca-airport-clash"]
    assert clash["start"] == "2023-01-06" and clash["injured"] == 16 and clash["status"] == "confirmed"


def test_every_event_has_a_spanish_description(events: list[dict], hotspots: list[dict]) -> None:
    for f in events + hotspots:
        p = f["properties"]
        assert isinstance(p.get("description_es"), str) and len(p["description_es"]) > 20, f["id"]
        assert p["description_es"] != p["description"], f["id"]


def test_inferred_dates_carry_their_uncertainty(events: list[dict]) -> None:
    props = by_id(events)
    assert props["2022-12-14-huancayo-march"]["time_precision"] == 2
    assert props["2022-12-12-friaspata-clash"]["time_precision"] == 3
    assert "yesterday" in props["2022-12-12-abancay-march"]["description"]
    assert props["2023-01-19-ica-km-290-blockade"]["time_precision"] == 2


def test_event_ids_carry_their_start(events: list[dict]) -> None:
    for f in events:
        m = re.match(r"^(\d{4}-\d{2})(-\d{2})?-", f["id"])
        assert m, f["id"]
        assert f["properties"]["start"].startswith(m.group(1) + (m.group(2) or "")), f["id"]


def test_km_posts_placed_through_the_corridors(events: list[dict], corridors: list[dict]) -> None:
    props = {f["id"]: f for f in events}
    km1319 = props["2023-01-06-pe-3s-km-1319-blockade"]["geometry"]["coordinates"]
    calapuja = [-70.22174, -15.31011]
    juliaca = [-70.13333, -15.5]
    assert km_between(km1319, calapuja) < 30 and km_between(km1319, juliaca) < 15
    km1410 = props["2022-12-22-pe-3s-km-1410-blockade"]["geometry"]["coordinates"]
    assert km_between(km1410, [-69.66667, -16.08333]) < 2  # 1 km past Ilave (km 1409)
