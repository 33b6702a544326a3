"""What a data source holds besides its layers and change log: its documents.

A document is a file of a data folder named in :data:`geo.store.layout.DOCUMENTS`: the data's
README (with its notes on what is not mapped), the basemap, the lexicon, the gazetteer's tables.
A folder keeps them as files, a PostGIS store as rows of its ``documents`` table; both read and
write them as bytes (:meth:`Documents.document`, :meth:`Documents.write_document`), and
:class:`Documents` turns those bytes into what the rest of the library uses, the same way for
every store.
"""
from __future__ import annotations

import functools
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from geo.core.i18n import N_
from geo.core.model import DataError, Problem
from geo.store.files import parse_json_text, present, read_csv_records, read_data_file
from geo.store.layout import (
    BASEMAP_FILE,
    DOCUMENTS,
    GAZETTEER_FILES,
    LEFT_OUT_HEADING,
    LEXICON_FILE,
    PLACES_FILE,
    README_FILE,
    REGIONS_FILE,
    SITES_FILE,
)

T = TypeVar("T")
#: Most notes kept from a README's "What is not mapped" section.
MAX_NOTES = 100


def section_items(markdown: str, heading: str) -> list[str]:
    r"""The bullet items of the first section whose heading starts with ``heading`` (case
    ignored), as plain text: continuation lines joined, ``**`` and backticks dropped.

    >>> section_items("## What is not mapped\n- **A**: one\n  two\n- `B`\n## Next\n- C", "what is not")
    ['A: one two', 'B']
    """
    items: list[str] = []
    inside = False
    for line in markdown.splitlines():
        title = re.match(r"#{1,6}\s+(.*)", line)
        if title:
            if inside:
                break
            inside = title.group(1).strip().lower().startswith(heading.lower())
            continue
        if not inside:
            continue
        if re.match(r"\s*[-*]\s+", line):
            items.append(re.sub(r"\s*[-*]\s+", "", line, count=1).strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return [re.sub(r"\*\*|`", "", item) for item in items][:MAX_NOTES]


@dataclass(frozen=True)
class GazetteerTables:
    """A data source's gazetteer as its CSV files hold it: each row a dict of strings.

    ``places`` (``gazetteer/places.csv``) and ``sites`` (``sites.csv``, empty when absent) are the
    named points, ``regions`` (``regions.csv``, empty when absent) each region's capital; ``stamp``
    changes whenever one of the files does (see :meth:`Documents.document_stamp`).
    """

    places: tuple[dict[str, str], ...]
    sites: tuple[dict[str, str], ...]
    regions: tuple[dict[str, str], ...]
    stamp: Hashable


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, "(file)", "", N_("is not UTF-8 text ({reason} at byte {position})"),
                                 {"reason": exc.reason, "position": exc.start})]) from None


def csv_table(data: bytes, name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV document as dicts keyed by its header; DataError naming the row when
    it cannot be read."""
    records, broken = read_csv_records(_text(data, name), name)
    if broken:
        raise DataError([broken])
    if not records:
        return ()
    header = [h.strip() for h in records[0][1]]
    return tuple(dict(zip(header, record, strict=False)) for _, record in records[1:] if any(c.strip() for c in record))


def read_gazetteer_dir(folder: str | os.PathLike) -> GazetteerTables | None:
    """The gazetteer tables of a gazetteer folder (``places.csv``, ``sites.csv``, ``regions.csv``,
    each read by :func:`~geo.store.files.read_data_file`), or None without ``places.csv``."""
    folder = Path(folder)
    blobs, stamp = {}, []
    for name in (PLACES_FILE, SITES_FILE, REGIONS_FILE):
        path = folder / Path(name).name
        if present(path):
            blobs[name] = read_data_file(path, "gazetteer", name)
            stamp.append((name, os.lstat(path).st_mtime_ns, len(blobs[name])))
    return gazetteer_tables(blobs, (str(folder), tuple(stamp)))


def gazetteer_tables(blobs: Mapping[str, bytes], stamp: Hashable) -> GazetteerTables | None:
    """The gazetteer tables of the documents ``blobs`` (name -> bytes), or None without ``places.csv``."""
    if PLACES_FILE not in blobs:
        return None
    return GazetteerTables(places=csv_table(blobs[PLACES_FILE], PLACES_FILE),
                           sites=csv_table(blobs[SITES_FILE], SITES_FILE) if SITES_FILE in blobs else (),
                           regions=csv_table(blobs[REGIONS_FILE], REGIONS_FILE) if REGIONS_FILE in blobs else (),
                           stamp=stamp)


class Stamped(Protocol):
    """What :class:`StampCache` needs of a store: where it is and its documents' stamp (every
    :class:`~geo.store.protocol.Store` has both)."""

    @property
    def location(self) -> str:
        """Where the data is, for messages."""

    def document_stamp(self, *names: str) -> Hashable | None:
        """A cheap value that changes whenever one of the documents ``names`` does."""


class StampCache(Generic[T]):
    """What was built from a store's documents (a gazetteer, a parsed basemap), kept for the last
    ``size`` stores and versions: the key is the store's location and the documents' stamp, so a
    changed document is read again and an unchanged one costs one stamp query."""

    def __init__(self, size: int = 4):
        self.size = size
        self._values: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Stamped, names: Sequence[str], build: Callable[[], T | None]) -> T | None:
        """The value built from documents ``names`` of ``store`` (``build()`` on a miss); None
        when none of them exists or ``build`` gives None (neither is kept)."""
        stamp = store.document_stamp(*names)
        if stamp is None:
            return None
        key = (store.location, stamp)
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = build()
        if value is not None:
            with self._lock:
                self._values[key] = value
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
        return value


class Documents:
    """The documents of a store, read and parsed the same way for every store.

    A store provides :meth:`document`, :meth:`write_document` and :meth:`document_stamp`;
    the rest is built on them.
    """

    location: str

    def document(self, name: str) -> bytes | None:
        """The bytes of document ``name`` (a path of :data:`~geo.store.layout.DOCUMENTS`), or None."""
        raise NotImplementedError

    def write_document(self, name: str, data: bytes | str) -> str:
        """Store document ``name`` (replacing it); returns where it went, for messages."""
        raise NotImplementedError

    def document_stamp(self, *names: str) -> Hashable | None:
        """A cheap value that changes whenever one of the documents ``names`` does; None when
        none of them exists."""
        raise NotImplementedError

    def documents(self) -> dict[str, bytes]:
        """Every document this store holds, by name."""
        found = {name: self.document(name) for name in DOCUMENTS}
        return {name: data for name, data in found.items() if data is not None}

    def check_documents(self) -> list[Problem]:
        """What makes a document unreadable (a link, a special file, an oversized file, bad UTF-8
        or CSV, a lexicon that is not a JSON object), one located problem each; empty when all
        can be read."""
        problems: list[Problem] = []
        checks: list[Callable[[], object]] = [functools.partial(self.document, name) for name in DOCUMENTS]
        for check in (*checks, self.gazetteer, self.lexicon, self.basemap_text):
            try:
                check()
            except DataError as exc:
                problems += [p for p in exc.problems if p not in problems]
        return problems

    def readme(self) -> str | None:
        """The data's README (Markdown), or None."""
        data = self.document(README_FILE)
        return None if data is None else data.decode("utf-8", errors="replace")

    def left_out(self) -> list[str]:
        """What the data's README says was left out of the map, and why (its section headed
        "What is not mapped..."), as plain-text notes; none without a README or that section."""
        text = self.readme()
        return section_items(text, LEFT_OUT_HEADING) if text else []

    def basemap_text(self) -> str | None:
        """The basemap's GeoJSON text (see :mod:`geo.render.basemap`), or None."""
        data = self.document(BASEMAP_FILE)
        return None if data is None else _text(data, BASEMAP_FILE)

    def write_basemap(self, text: str) -> str:
        """Store a basemap built for this data; returns where it went."""
        return self.write_document(BASEMAP_FILE, text)

    def gazetteer(self) -> GazetteerTables | None:
        """The data's own gazetteer tables, or None when it brings none (no ``places.csv``)."""
        stamp = self.document_stamp(*GAZETTEER_FILES)
        if stamp is None:
            return None
        blobs = {name: self.document(name) for name in GAZETTEER_FILES}
        return gazetteer_tables({n: b for n, b in blobs.items() if b is not None}, (self.location, stamp))

    def lexicon(self) -> dict[str, Any] | None:
        """The parsed ``lexicon.json`` (the extractor's words for this dataset), or None when the
        source has none; DataError naming the file when it is not a JSON object."""
        data = self.document(LEXICON_FILE)
        if data is None:
            return None
        parsed, problems = parse_json_text(_text(data, LEXICON_FILE), LEXICON_FILE)
        if not problems and not isinstance(parsed, dict):
            problems = [Problem(LEXICON_FILE, "(file)", "", N_("must hold a JSON object"))]
        if problems:
            raise DataError(problems)
        return parsed

