"""Tests for geo.places.gazetteer: names from the facts and highways resolve to the right spot."""

from __future__ import annotations

import math

import pytest

from geo.core.text import name_key
from geo.places.gazetteer import Gazetteer, Place, default_gazetteer


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


# (query as a person might type it, region hint, expected lat, expected lon)  # expected place
CASES = [
    ('juliaca', None, -15.500, -70.133),  # Juliaca, Puno
    ('Julica', None, -15.500, -70.133),  # Juliaca, Puno
    ('Azangaro', 'Puno', -14.914, -70.198),  # Azángaro, Puno
    ('Azangaroo', None, -14.914, -70.198),  # Azángaro, Puno
    ('Desaguadero', None, -16.566, -69.042),  # Desaguadero, Puno
    ('Sicuani', None, -14.269, -71.226),  # Sicuani, Cusco
    ('Sicuany', None, -14.269, -71.226),  # Sicuani, Cusco
    ('Andahuaylillas', None, -13.672, -71.679),  # Andahuaylillas, Cusco
    ('Andahuaylilas', None, -13.672, -71.679),  # Andahuaylillas, Cusco
    ('Ilave', None, -16.083, -69.667),  # Ilave, Puno
    ('Macusani', None, -14.083, -70.433),  # Macusani, Puno
    ('Puerto Maldonado', None, -12.589, -69.199),  # Puerto Maldonado, Madre de Dios
    ('puerto maldonao', None, -12.589, -69.199),  # Puerto Maldonado, Madre de Dios
    ('Pucallpa', None, -8.379, -74.554),  # Pucallpa, Ucayali
    ('Tacna', None, -18.015, -70.254),  # Tacna, Tacna
    ('AREQUIPA', None, -16.399, -71.537),  # Arequipa, Arequipa
    ('Arequipa', None, -16.399, -71.537),  # Arequipa, Arequipa
    ('Cusco', None, -13.532, -71.967),  # Cusco, Cusco
    ('Cuzco', None, -13.532, -71.967),  # Cusco, Cusco
    ('Puno', None, -15.840, -70.022),  # Puno, Puno
    ('Ayaviri', None, -14.886, -70.589),  # Ayaviri, Puno
    ('Pucara', 'Puno', -15.039, -70.368),  # Pucará, Puno
    ('Calapuja', None, -15.310, -70.222),  # Calapuja, Puno
    ('Caracoto', None, -15.568, -70.102),  # Caracoto, Puno
    ('Chucuito', None, -15.894, -69.890),  # Chucuito, Puno
    ('Plateria', None, -15.949, -69.833),  # Platería, Puno
    ('Acora', None, -15.974, -69.797),  # Acora, Puno
    ('Juli', None, -16.217, -69.450),  # Juli, Puno
    ('Pomata', None, -16.273, -69.292),  # Pomata, Puno
    ('Zepita', None, -16.497, -69.103),  # Zepita, Puno
    ('Yunguyo', None, -16.250, -69.083),  # Yunguyo, Puno
    ('Urcos', None, -13.686, -71.623),  # Urcos, Cusco
    ('Quiquijana', None, -13.823, -71.542),  # Quiquijana, Cusco
    ('Cusipata', None, -13.907, -71.503),  # Cusipata, Cusco
    ('Checacupe', None, -14.027, -71.453),  # Checacupe, Cusco
    ('Combapata', None, -14.101, -71.429),  # Combapata, Cusco
    ('Tinta', None, -14.145, -71.407),  # Tinta, Cusco
    ('San Pablo', 'Cusco', -14.203, -71.316),  # San Pablo, Cusco
    ('Marangani', None, -14.357, -71.169),  # Maranganí, Cusco
    ('Santa Lucia', 'Puno', -15.698, -70.607),  # Santa Lucía, Puno
    ('Cabanillas', None, -15.620, -70.346),  # Cabanilla, Puno
    ('Yura', None, -16.252, -71.680),  # Yura, Arequipa
    ('Imata', None, -15.840, -71.090),  # Imata, Arequipa
    ('Asillo', None, -14.787, -70.354),  # Asillo, Puno
    ('Antauta', None, -14.300, -70.292),  # Antauta, Puno
    ('Ajoyani', None, -14.230, -70.224),  # Ajoyani, Puno
    ('Ollachea', None, -13.794, -70.472),  # Ollachea, Puno
    ('San Gaban', None, -13.439, -70.402),  # San Gabán, Puno
    ('Mazuko', None, -13.100, -70.367),  # Mazuko, Madre de Dios
    ('Laberinto', None, -12.717, -69.587),  # Laberinto, Madre de Dios
    ('Iberia', 'Madre de Dios', -11.406, -69.493),  # Iberia, Madre de Dios
    ('Moquegua', None, -17.197, -70.936),  # Moquegua, Moquegua
    ('Torata', None, -17.077, -70.843),  # Torata, Moquegua
    ('Mazocruz', None, -16.742, -69.716),  # Mazocruz, Puno
    ('Chiguata', None, -16.402, -71.392),  # Chiguata, Arequipa
    ('Chala', None, -15.866, -74.247),  # Chala, Arequipa
    ('La Joya', 'Arequipa', -16.424, -71.818),  # La Joya, Arequipa
    ('Andahuaylas', None, -13.656, -73.387),  # Andahuaylas, Apurímac
    ('Chincheros', 'Apurímac', -13.518, -73.722),  # Chincheros, Apurímac
    ('Huamanga', None, -13.164, -74.223),  # Huamanga, Ayacucho
    ('Ayacucho', None, -13.164, -74.223),  # Ayacucho, Ayacucho
    ('Abancay', None, -13.634, -72.884),  # Abancay, Apurímac
    ('Chao', None, -8.543, -78.679),  # Chao, La Libertad
    ('Viru', None, -8.416, -78.752),  # Virú, La Libertad
    ('Pichanaqui', None, -10.928, -74.874),  # Pichanaqui, Junín
    ('Aguas Calientes', None, -13.155, -72.524),  # Aguas Calientes, Cusco
    ('Machu Picchu', None, -13.155, -72.524),  # Machupicchu, Cusco
    ('Urubamba', None, -13.305, -72.116),  # Urubamba, Cusco
    ('San Alejandro', None, -8.829, -75.213),  # San Alejandro, Ucayali
    ('Huipoca', None, -8.978, -75.447),  # Huipoca, Ucayali
    ('Lima', None, -12.043, -77.028),  # Lima, Lima
    ('Callao', None, -12.052, -77.135),  # Callao, Callao
    ('Puente Añashuayco', None, -16.326, -71.609),  # Puente Añashuayco, Arequipa
    ('Puente Anashuayco', None, -16.326, -71.609),  # Puente Añashuayco, Arequipa
    ('Puente Arturo', None, -14.269, -71.226),  # Puente Arturo, Cusco
    ('Juliaca airport', None, -15.467, -70.158),  # Aeropuerto Inca Manco Cápac, Puno
    ('Ojherani', None, -15.840, -70.022),  # Ojherani, Puno
    ('Sama', None, -17.791, -70.500),  # Sama, Tacna
    ('Huancayo', None, -12.069, -75.210),  # Huancayo, Junín
    ('Huacho', None, -11.117, -77.606),  # Huacho, Lima
]


@pytest.mark.parametrize("query, region, lat, lon", CASES)
def test_search_resolves_within_5_km(gaz: Gazetteer, query: str, region: str | None, lat: float, lon: float) -> None:
    place, score = gaz.search(query, region=region, limit=1)[0]
    assert haversine_km(place.lat, place.lon, lat, lon) < 5.0, (query, place)
    assert 80 <= score <= 100


@pytest.mark.parametrize("query, region, lat, lon", [c for c in CASES if c[0] not in
                         {"Julica", "Azangaroo", "Sicuany", "Andahuaylilas", "puerto maldonao"}])
def test_lookup_exact_names_ignoring_case_and_accents(gaz: Gazetteer, query: str, region: str | None,
                                                      lat: float, lon: float) -> None:
    place = gaz.lookup(query, region=region)
    assert haversine_km(place.lat, place.lon, lat, lon) < 5.0, (query, place)


def test_at_least_40_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("text, expected", [
    ("Azángaro", "azangaro"),
    ("  PUENTE   Añashuayco ", "puente anashuayco"),
    ("Juliaca, Puno", "juliaca puno"),
    ("Pucará", "pucara"),
    ("Platería", "plateria"),
])
def test_name_key(text: str, expected: str) -> None:
    assert name_key(text) == expected


def test_normalize_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        name_key(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name, region, expected_region, lat, lon", [
    ("Santa Rosa", "Puno", "Puno", -14.607, -70.787),        # Santa Rosa (Melgar) on PE-3S
    ("Santa Rosa", "Apurímac", "Apurímac", -14.140, -72.657),
    ("Santa Rosa", "apurimac", "Apurímac", -14.140, -72.657),  # hint is accent-insensitive too
    ("Puno", None, "Puno", -15.840, -70.022),                # the big namesake wins without a hint
    ("Puno", "Puno", "Puno", -15.840, -70.022),
    ("Puno", "Ica", "Ica", -14.145, -75.708),
    ("Pucará", "Puno", "Puno", -15.039, -70.368),
    ("La Joya", "Madre de Dios", "Madre de Dios", -12.616, -69.226),
])
def test_region_hint_picks_namesake(gaz: Gazetteer, name: str, region: str | None, expected_region: str,
                                    lat: float, lon: float) -> None:
    place = gaz.lookup(name, region=region)
    assert place.region == expected_region
    assert haversine_km(place.lat, place.lon, lat, lon) < 5.0
    assert gaz.search(name, region=region, limit=1)[0][0] == place


def test_unknown_name_raises_with_suggestion(gaz: Gazetteer) -> None:
    with pytest.raises(LookupError, match=r"no place 'Azangaroo'; did you mean Azángaro \(Puno\)\?"):
        gaz.lookup("Azangaroo")


def test_nonsense_name_raises_lookup_error(gaz: Gazetteer) -> None:
    with pytest.raises(LookupError, match="no place 'Qxzqxzqxz'"):
        gaz.lookup("Qxzqxzqxz")


def test_suggest(gaz: Gazetteer) -> None:
    assert gaz.suggest("Sicuany")[0] == "Sicuani (Cusco)"
    assert gaz.suggest("Macusany", limit=1) == ["Macusani (Puno)"]
    assert len(gaz.suggest("Santa Rosa", limit=3)) == 3


def test_sites_come_before_geonames_and_carry_kind(gaz: Gazetteer) -> None:
    airport = gaz.lookup("Juliaca airport")
    assert airport.kind == "airport" and airport.source == "site:juliaca-airport"
    assert haversine_km(airport.lat, airport.lon, -15.4671, -70.1582) < 0.5
    bridge = gaz.lookup("Desaguadero international bridge")
    assert bridge.kind == "border" and bridge.approximate
    # the town keeps resolving to the GeoNames town, not to the bridge
    assert gaz.lookup("Desaguadero").source.startswith("geonames:")
    assert gaz.lookup("Huamanga").source == "site:huamanga"


def test_geonames_rows_and_regions(gaz: Gazetteer) -> None:
    lima = gaz.lookup("Lima")
    assert (lima.region, lima.province) == ("Lima", "Lima")
    assert gaz.lookup("Callao").region == "Callao"
    assert sum(1 for p in gaz.places if p.source.startswith("geonames:")) > 2000
    assert all(p.region for p in gaz.places)
    assert all(-18.5 <= p.lat <= 0.1 and -81.5 <= p.lon <= -68.5 for p in gaz.places)


def test_search_limits_and_empty(gaz: Gazetteer) -> None:
    assert len(gaz.search("Santa Rosa", limit=4)) == 4
    assert gaz.search("   ") == []
    assert gaz.search("Juliaca", limit=0) == []
    scores = [s for _, s in gaz.search("Julica", limit=5)]
    assert scores == sorted(scores, reverse=True)


def test_place_is_frozen(gaz: Gazetteer) -> None:
    place = gaz.lookup("Ilave")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]


def test_load_from_explicit_dir(tmp_path) -> None:
    (tmp_path / "places.csv").write_text(
        "geonameid,name,asciiname,alternatenames,region,admin1,lat,lon,population\n"
        "1,Pueblo Uno,pueblo uno,Uno Viejo,Puno,21,-15.00000,-70.00000,10\n", encoding="utf-8")
    gaz = Gazetteer.load(tmp_path)
    assert len(gaz) == 1
    assert gaz.lookup("uno viejo").name == "Pueblo Uno"
