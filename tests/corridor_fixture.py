"""A small corridor network around Juliaca, built in code, for the corridor, route and timeline tests.

Three corridors meet at Juliaca (a junction):

- ``arequipa-juliaca``: Arequipa, Santa Lucía, Juliaca
- ``ayaviri-juliaca``: Ayaviri, Calapuja, Juliaca
- ``juliaca-chucuito``: Juliaca, Puno, Chucuito

Blockades (days inclusive): Calapuja 8-9 Jan, Santa Lucía 9-10 Jan, Chucuito 10 Jan (1 dead);
a blockade 9 km off the nearest road on 9 Jan (mapped, cuts nothing); a region-level blockade
(geo_precision 3) on 9 Jan (never cuts). Also a clash in Juliaca on 9 Jan (17 dead) and a
protest in Lima on 7 Jan. The data covers 2023-01-07 to 2023-01-10.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_corridor, make_event, write_folder

TOWNS = {
    "Arequipa": (-71.537, -16.409),
    "Santa Lucía": (-70.607, -15.698),
    "Juliaca": (-70.133, -15.5),
    "Ayaviri": (-70.589, -14.882),
    "Calapuja": (-70.222, -15.308),
    "Puno": (-70.022, -15.840),
    "Chucuito": (-69.890, -15.894),
    "Lima": (-77.028, -12.043),
}
CORRIDORS = {
    "arequipa-juliaca": ("Arequipa–Juliaca", ["Arequipa", "Santa Lucía", "Juliaca"], ["PE-34A"]),
    "ayaviri-juliaca": ("Ayaviri–Juliaca", ["Ayaviri", "Calapuja", "Juliaca"], ["PE-3S"]),
    "juliaca-chucuito": ("Juliaca–Puno–Chucuito", ["Juliaca", "Puno", "Chucuito"], ["PE-3S"]),
}
FIRST_DAY, LAST_DAY = "2023-01-07", "2023-01-10"
DAYS = ["2023-01-07", "2023-01-08", "2023-01-09", "2023-01-10"]

COUNTS = [
    {"date": "2023-01-08", "metric": "blockade_points", "value": "30", "reporter": "SUTRAN",
     "source_url": "https://www.gob.pe/sutran"},
    {"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": "SUTRAN",
     "source_url": "https://www.gob.pe/sutran"},
    {"date": "2023-01-09", "metric": "blockade_points", "value": "50", "reporter": "Defensoría del Pueblo",
     "source_url": "https://www.defensoria.gob.pe/"},
    {"date": "2023-01-09", "metric": "deaths_total", "value": "40", "reporter": "Defensoría del Pueblo",
     "source_url": "https://www.defensoria.gob.pe/"},
    {"date": "2023-01-10", "metric": "deaths_total", "value": "42", "reporter": "Defensoría del Pueblo",
     "source_url": "https://www.defensoria.gob.pe/"},
    {"date": "2023-01-12", "metric": "blockade_points", "value": "20", "reporter": "SUTRAN",
     "source_url": "https://www.gob.pe/sutran"},
]


def _at(town: str) -> dict:
    lon, lat = TOWNS[town]
    return {"lon": lon, "lat": lat}


def events() -> list[dict]:
    """The fixture's event Features."""
    return [
        make_event("b-calapuja", "blockade", "2023-01-08", "2023-01-09", place="Calapuja",
                   road="PE-3S", **_at("Calapuja")),
        make_event("b-santa-lucia", "blockade", "2023-01-09", "2023-01-10", place="Santa Lucía",
                   **_at("Santa Lucía")),
        make_event("b-chucuito", "blockade", "2023-01-10", place="Chucuito", fatalities=1,
                   **_at("Chucuito")),
        make_event("b-off-road", "blockade", "2023-01-09", place="Cabanillas outskirts",
                   lon=-70.40, lat=-15.70),
        make_event("b-region", "blockade", "2023-01-09", place="Puno region", geo_precision=3,
                   **_at("Puno")),
        make_event("c-juliaca", "clash", "2023-01-09", place="Juliaca", fatalities=17, **_at("Juliaca")),
        make_event("p-lima", "protest", "2023-01-07", place="Lima", region="Lima", **_at("Lima")),
    ]


def corridors() -> list[dict]:
    """The fixture's corridor Features."""
    return [make_corridor(cid, name, [list(TOWNS[t]) for t in via], via, roads=roads)
            for cid, (name, via, roads) in CORRIDORS.items()]


def write_network(folder: Path) -> Path:
    """Write the fixture data folder and return it."""
    return write_folder(folder, events(), [], corridors(), COUNTS)


@pytest.fixture
def net_data(tmp_path: Path) -> Path:
    """The corridor network data folder (see the module docstring)."""
    return write_network(tmp_path / "net")
