"""A data folder with more events than the map draws one by one (shared by the AppTest and the
browser test of the map at scale)."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import make_event, write_folder

TOWNS = [("Juliaca", "Puno", -70.13333, -15.5), ("Cusco", "Cusco", -71.9675, -13.5319),
         ("Arequipa", "Arequipa", -71.5375, -16.3989)]
NOTE = "2,400 events shown as 3 cells; zoom or filter to see individual points"


def write_big_folder(folder: Path) -> Path:
    """2,400 events, 800 in each of three towns, all active on 9 January 2023."""
    kinds = ["blockade", "protest", "clash", "closure", "detention", "other"]
    events = []
    for i in range(2400):
        place, region, lon, lat = TOWNS[i % 3]
        events.append(make_event(f"e{i:05d}", kinds[i % 6], f"2023-01-{1 + i % 9:02d}", f"2023-01-{9 + i % 3:02d}",
                                 lon=lon + (i % 5) * 0.001, lat=lat, place=place, region=region))
    return write_folder(folder, events)
