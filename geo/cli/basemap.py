"""``blockade-map basemap``: build a data source's embedded basemap.

Reads the Natural Earth source packages from a local folder (``make basemap-source`` puts them
there; see :mod:`geo.render.basemap`), clips them to the data's area, adds its region capitals and
corridor towns as labels, and stores the result through the data's store (a folder's
``basemap.geojson``, a database's documents) or writes it to ``--out``. Nothing is fetched.
"""
from __future__ import annotations

import argparse

from geo.cli.args import Command
from geo.render.basemap import DEFAULT_MARGIN, DEFAULT_TOLERANCE, check_bbox, dumps, source_dir, write_basemap
from geo.store import load_dataset


def _bbox_arg(value: str) -> tuple[float, float, float, float]:
    try:
        return check_bbox([float(v) for v in value.split(",")])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc}") from None


def _degrees_arg(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of degrees") from None


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bbox", type=_bbox_arg, metavar="W,S,E,N",
                   help="the area, in degrees (default: everything the folder maps, with its labels)")
    p.add_argument("--margin", type=_degrees_arg, default=DEFAULT_MARGIN, metavar="DEG",
                   help=f"degrees added on every side of the area (default {DEFAULT_MARGIN:g})")
    p.add_argument("--tolerance", type=_degrees_arg, default=DEFAULT_TOLERANCE, metavar="DEG",
                   help=f"simplification tolerance in degrees (default {DEFAULT_TOLERANCE:g})")
    p.add_argument("--source", metavar="DIR",
                   help="folder holding the npm tarballs (default $BLOCKADE_MAP_BASEMAP_SOURCE or "
                        ".cache/basemap-source, where `make basemap-source` puts them)")
    p.add_argument("--out", metavar="FILE", help="a file to write instead (default: the data source's own basemap)")


def cmd_basemap(args: argparse.Namespace) -> int:
    """Write the basemap and say what is in it."""
    dataset = load_dataset(args.data)
    path, collection = write_basemap(dataset, out=args.out, source=source_dir(args.source), bbox=args.bbox,
                                     margin=args.margin, tolerance=args.tolerance)
    layers: dict[str, int] = {}
    for feature in collection["features"]:
        layer = feature["properties"]["layer"]
        layers[layer] = layers.get(layer, 0) + 1
    west, south, east, north = collection["bbox"]
    size = len(dumps(collection).encode("utf-8"))
    print(f"wrote {path}: {size:,} bytes, area {west:g},{south:g},{east:g},{north:g}; "
          + ", ".join(f"{n} {layer}" for layer, n in layers.items()))
    return 0


COMMANDS = [Command("basemap", "build the data folder's embedded basemap from Natural Earth", _configure, cmd_basemap)]
