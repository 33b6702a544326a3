"""Geocoding through geo.places.geocode and `blockade-map geocode`: accents dropped, small misspellings,
region hints, named sites and kilometre posts, each within 5 km of where the place is."""
from __future__ import annotations

import json

import pytest

from geo.cli.main import main
from geo.core.geodesy import distance_m
from geo.places.geocode import geocode, parse_km_post
from geo.store import load_dataset

# (query as an editor might type it, region hint, expected lat, expected lon). The expected
# coordinates are the towns' centres as published in atlases, independent of the gazetteer.
PLACES = [
    ("juliaca", None, -15.500, -70.133),
    ("Julica", None, -15.500, -70.133),
    ("puno", "Puno", -15.840, -70.022),
    ("Cuzco", None, -13.532, -71.967),
    ("Arequipa", None, -16.399, -71.537),
    ("Ayacuch", None, -13.160, -74.224),
    ("Andahuailas", None, -13.656, -73.387),
    ("Abancai", None, -13.634, -72.881),
    ("Sicuany", None, -14.269, -71.226),
    ("ilave", None, -16.083, -69.638),
    ("Desaguadero", "Puno", -16.565, -69.042),
    ("Azangaro", None, -14.908, -70.196),
    ("Ayavirí", None, -14.881, -70.590),
    ("Huancavelika", None, -12.787, -74.973),
    ("Huancayo", None, -12.065, -75.205),
    ("Huanuco", None, -9.930, -76.242),
    ("Cerro de Pasco", None, -10.683, -76.256),
    ("Tacna", None, -18.006, -70.246),
    ("Moquegua", None, -17.196, -70.935),
    ("chala", None, -15.866, -74.247),
    ("Nasca", None, -14.829, -74.943),
    ("Pisco", None, -13.710, -76.203),
    ("Trujilo", None, -8.112, -79.029),
    ("Chiclayo", None, -6.771, -79.841),
    ("Piura", None, -5.194, -80.632),
    ("Tumbes", None, -3.567, -80.451),
    ("Cajamarka", None, -7.164, -78.512),
    ("Chachapoyas", None, -6.231, -77.869),
    ("Moyobanba", None, -6.034, -76.972),
    ("Tarapoto", None, -6.488, -76.360),
    ("Iquitos", None, -3.749, -73.254),
    ("Pucalpa", None, -8.379, -74.554),
    ("Puerto Maldonado", None, -12.594, -69.189),
    ("huaraz", None, -9.527, -77.528),
    ("Chimbote", None, -9.075, -78.594),
    ("Quillabanba", None, -12.863, -72.692),
    ("Urubamba", "Cusco", -13.305, -72.116),
    ("Macusani", None, -14.069, -70.431),
    ("Huanta", None, -12.939, -74.248),
    ("Jauja", None, -11.775, -75.497),
    ("Ollantaytanbo", None, -13.258, -72.263),
    ("Camana", None, -16.624, -72.711),
    ("Mollendo", None, -17.023, -72.015),
    ("Santa Rosa", "Puno", -14.611, -70.788),
    ("Chucuito", None, -15.894, -69.890),
    ("Pomata", None, -16.273, -69.293),
    ("Puente Anashuayco", None, -16.326, -71.609),
    ("aeropuerto juliaca", None, -15.467, -70.158),
]


@pytest.fixture(scope="module")
def corridors():
    return load_dataset().corridors


@pytest.mark.parametrize("query, region, lat, lon", PLACES, ids=[p[0] for p in PLACES])
def test_best_candidate_within_5_km(query, region, lat, lon):
    best = geocode(query, region=region)[0]
    assert distance_m(best.lon, best.lat, lon, lat) < 5000, (best.name, best.region, best.lon, best.lat)


def test_at_least_40_names_are_checked():
    assert len(PLACES) >= 40


def test_region_hint_chooses_among_namesakes():
    puno = geocode("santa rosa", region="Puno")[0]
    junin = geocode("Santa Rosa", region="junin")[0]
    assert (puno.region, junin.region) == ("Puno", "Junín")
    assert distance_m(puno.lon, puno.lat, junin.lon, junin.lat) > 300_000
    with pytest.raises(ValueError, match="not a region of the gazetteer"):
        geocode("Santa Rosa", region="Narnia")


@pytest.mark.parametrize("query, lat, lon", [
    ("PE-3S km 1380", -15.894, -69.890),     # km 1380 is referenced at Chucuito
    ("pe3s km. 1409", -16.083, -69.638),     # and 1409 at Ilave
    ("PE-1S, km 913", -16.420, -71.860),     # La Joya on the Panamericana Sur
])
def test_kilometre_posts_resolve_on_their_corridor(corridors, query, lat, lon):
    [post] = geocode(query, corridors=corridors)
    assert post.kind == "km_post" and post.score == 100
    assert distance_m(post.lon, post.lat, lon, lat) < 5000


def test_km_post_between_references_is_interpolated(corridors):
    [a] = geocode("PE-3S km 1380", corridors=corridors)
    [b] = geocode("PE-3S km 1395", corridors=corridors)
    [c] = geocode("PE-3S km 1409", corridors=corridors)
    ab, bc = distance_m(a.lon, a.lat, b.lon, b.lat), distance_m(b.lon, b.lat, c.lon, c.lat)
    assert 5_000 < ab < 25_000 and 5_000 < bc < 25_000
    assert parse_km_post("Juliaca") is None and parse_km_post("PE-34A km 7") == ("PE-34A", 7.0)


@pytest.mark.parametrize("km", [1300, 1319, 1340, 1360])
def test_the_place_search_and_the_audit_place_a_km_post_alike(corridors, km):
    """Between Calapuja (PE-3S km 1294, Cusco–Juliaca) and Chucuito (km 1380, Juliaca–Desaguadero)
    the search once extrapolated from one corridor (km 1360 some 6 km off, km 1319 refused) while
    the audit chained the two: both now ask the one resolver."""
    from geo.network.kmposts import resolve_km_post
    [post] = geocode(f"PE-3S km {km}", corridors=corridors)
    cid, lon, lat = resolve_km_post(corridors, "PE-3S", km)
    assert (post.lon, post.lat) == (round(lon, 5), round(lat, 5))
    assert post.source.startswith(f"corridor:{cid} ")
    if 1294 < km < 1380:
        assert cid == "cusco-juliaca+juliaca-desaguadero"
    assert -70.25 < post.lon < -69.8 and -16.0 < post.lat < -15.2  # between Calapuja and Chucuito


def test_cli_geocode_json(capsys):
    assert main(["geocode", "Azangaroo", "--region", "Puno", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out[0])[:6] == ["name", "region", "province", "lon", "lat", "score"]
    assert out[0]["name"] == "Azángaro" and out[0]["region"] == "Puno"
    assert [c["score"] for c in out] == sorted((c["score"] for c in out), reverse=True)


def test_cli_geocode_text_and_km_post(capsys):
    assert main(["geocode", "PE-3S", "km", "1380"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. PE-3S km 1380 (Puno) lon -69.8") and "[km_post]" in out
    assert main(["geocode", "PE-3S km 99999"]) == 1
    assert "outside the referenced range" in capsys.readouterr().err
    assert main(["geocode", "Juliaca", "--region", "Atlantis"]) == 1
    assert "'Atlantis' is not a region of the gazetteer" in capsys.readouterr().err
    assert main(["geocode", "Juliaca", "--region", "Punno"]) == 1
    assert "did you mean Puno" in capsys.readouterr().err
