"""A data folder written by an attacker, for the tests of issue 10: every text field that the app
shows holds markdown links and images, bare URLs and HTML pointing at ``evil.example``.

The sources' own links point at ``reports.example`` (a source link is data the app must show);
nothing may ever link to, or load from, ``evil.example``.
"""
from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import BUNDLED, make_corridor, make_event, make_hotspot, write_folder

EVIL = "evil.example"
PHISH = "[**URGENT**](https://evil.example/phish)"
IMAGE = "![x](https://evil.example/t.png)"
BARE = "https://evil.example/bare"
HTML = '<img src="https://evil.example/h.png"><script src="https://evil.example/s.js"></script>'
#: Links that the hostile folder's map page is opened with.
HOSTILE_LINKS = (
    "/?kinds=[**Session expired - log in again**](https://evil.example/login)",
    "/?mode=![x](https://evil.example/t.png)",
    "/?date=![x](https://evil.example/d.png)",
    "/?regions=[r](https://evil.example/r),https://evil.example/bare&date=2023-01-09",
)
SOURCE = {"name": f"{PHISH} {IMAGE}", "url": "https://reports.example/report-1", "published": "2023-01-09"}
TOWNS = {PHISH: (-70.133, -15.5), "Calapuja": (-70.222, -15.308), BARE: (-70.589, -14.882)}


def write_hostile_folder(folder: Path) -> Path:
    """A valid data folder (it passes `blockade-map validate`) whose texts are hostile."""
    def event(fid, place, start, end=None, **props):
        lon, lat = props.pop("at", TOWNS[PHISH])
        return make_event(fid, "blockade", start, end, lon=lon, lat=lat, place=place, region="Puno",
                          description=f"{PHISH} {IMAGE} {BARE} {HTML}", road=PHISH, sources=[dict(SOURCE)], **props)
    events = [
        event("e-new", PHISH, "2023-01-09", at=TOWNS["Calapuja"]),       # new on 9 January, on the corridor
        event("e-bare", BARE, "2023-01-09", at=TOWNS[BARE]),             # new on 9 January
        event("e-lifted", f"{BARE} lifted, see www.evil.example or mail phish@evil.example", "2023-01-08",
              at=(-70.3, -15.2)),                                               # lifted on 9 January
        event("e-cont", HTML, "2023-01-08", "2023-01-10", at=(-70.5, -15.0)),
    ]
    hotspots = [make_hotspot("h-1", PHISH, -70.02, -15.84, "2023-01-08", "2023-01-10")]
    hotspots[0]["properties"]["sources"] = [dict(SOURCE)]
    hotspots[0]["properties"]["description"] = f"{IMAGE} {HTML}"
    corridors = [make_corridor("c-1", f"{PHISH} corridor", [list(TOWNS[t]) for t in TOWNS], list(TOWNS),
                               roads=("PE-3S",))]
    corridors[0]["properties"]["sources"] = [dict(SOURCE)]
    counts = [{"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": f"{PHISH} {BARE}",
               "source_url": "https://reports.example/counts"}]
    info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
    info.update(title=f"{PHISH} {IMAGE}", licence=f"{PHISH} {BARE}", featured_day="2023-01-09")
    out = write_folder(folder, events, hotspots, corridors, counts, info=info)
    (out / "README.md").write_text(f"# Notes\n\n## What is not mapped, and why\n- {PHISH} {IMAGE}\n- {BARE} {HTML}\n",
                                   encoding="utf-8")
    return out
