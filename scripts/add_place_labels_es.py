"""Give the bundled events whose place is written in English their Spanish label (``place_es``).

Reads ``data/events.geojson`` (or ``--data DIR``), adds ``place_es`` from
:data:`bundled_places_es.PLACES_ES` right after ``place`` where the event has none, and writes
the file back in the layout the editor writes (only the touched events' lines change). Running
it twice changes nothing. ``build_bundled_data.py`` writes the same labels when it rebuilds.

Usage::

    python scripts/add_place_labels_es.py [--data DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundled_places_es import PLACES_ES  # noqa: E402

from geo.store.editor import _Dumper  # noqa: E402
from geo.store.files import atomic_write  # noqa: E402


def with_place_es(props: dict, label: str) -> dict:
    """``props`` with ``place_es`` set to ``label``, placed right after ``place``."""
    out = {}
    for key, value in props.items():
        if key != "place_es":
            out[key] = value
        if key == "place":
            out["place_es"] = label
    return out


def main(argv: list[str] | None = None) -> int:
    """Add the Spanish place labels; print how many events were labelled."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    path = Path(args.data) / "events.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    labelled = []
    for feature in collection["features"]:
        props = feature["properties"]
        label = PLACES_ES.get(props.get("place"))
        if label and not props.get("place_es"):
            feature["properties"] = with_place_es(props, label)
            labelled.append(feature["id"])
    if labelled:
        atomic_write(path, _Dumper().dump(collection))
    print(f"{path}: {len(labelled)} event(s) given a Spanish place label")
    for event_id in labelled:
        print(f"  {event_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
