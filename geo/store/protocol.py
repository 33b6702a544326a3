"""The one door to a data source: the :class:`Store` protocol and its :class:`StoreEditor`.

Everything a data source holds passes through a store: its layers (:meth:`Store.load`,
:meth:`Store.dataset_for_day`), its change log (:meth:`Store.editor`), and its documents: the
data README's notes (:meth:`Store.left_out`), the gazetteer (:meth:`Store.gazetteer`), the basemap
(:meth:`Store.basemap_text`, :meth:`Store.write_basemap`) and the lexicon (:meth:`Store.lexicon`).
:class:`geo.store.folder.FolderStore` and :class:`geo.store.postgis.PostgisStore` implement it;
nothing outside ``geo/store`` opens a data folder or a database.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from geo.core.dataset import Dataset
from geo.core.model import Problem, Scope
from geo.store.changelog import Change, Snapshot
from geo.store.documents import GazetteerTables

__all__ = ["Store", "StoreEditor"]


@runtime_checkable
class StoreEditor(Protocol):
    """Changes to a store's events, each logged (see :mod:`geo.store.changelog`): the folder's
    :class:`~geo.store.editor.Editor` and the PostGIS editor answer alike."""

    @property
    def location(self) -> str:
        """Where the events are, for messages."""

    @property
    def events_path(self) -> str | os.PathLike:
        """Where the events are, for messages: the events file of a folder, the events table of a database."""

    @property
    def scope(self) -> Scope:
        """The dataset's scope (country, dates) that checks the events."""

    def read(self) -> Snapshot:
        """The events now, with a digest that changes whenever they do."""

    def history(self, event_id: str | None = None) -> list[dict]:
        """Log entries, oldest first; only those of ``event_id`` when given."""

    def entry(self, seq: int) -> dict:
        """The log entry with number ``seq``; LookupError when there is none."""

    def retracted(self) -> list[dict]:
        """The last record of every event logged but no longer in the data."""

    def logged_ids(self) -> set[str]:
        """Every id the change log mentions."""

    def taken_ids(self) -> set[str]:
        """Every id in use or ever used."""

    def pending(self) -> list[dict]:
        """Changes logged but not yet applied."""

    def verify(self) -> list[str]:
        """The differences between the events and base + log (empty when they agree)."""

    def add(self, feature: Mapping, who: str, reason: str = "") -> Change:
        """Add one event."""

    def add_many(self, features: Sequence[Mapping], who: str, reason: str = "", action: str = "import",
                 check: Callable[[list[dict], dict], list[Problem]] | None = None) -> Change:
        """Add several events: all or none."""

    def sync(self, compute: Callable[[dict], Sequence[tuple[str | None, Mapping | None, str]]], who: str) -> Change:
        """Add, edit and retract events in one change, as ``compute(current events)`` decides."""

    def edit(self, event_id: str, changes: Mapping[str, Any], who: str, reason: str = "",
             seen: Snapshot | None = None) -> Change:
        """Change fields of one event, merging with what changed since ``seen``."""

    def retract(self, event_id: str, who: str, reason: str) -> Change:
        """Take an event off the map; its record stays in the log."""

    def undo(self, seq: int, who: str, reason: str = "") -> Change:
        """Undo the logged change number ``seq``."""


@runtime_checkable
class Store(Protocol):
    """A data source: a folder of files or a PostGIS database."""

    @property
    def kind(self) -> str:
        """``folder`` or ``postgis``."""

    @property
    def location(self) -> str:
        """Where the data is, for messages (a database URL without its password)."""

    def load(self, strict: bool = True) -> Dataset:
        """Every layer, validated, as a Dataset (DataError listing the problems when ``strict``)."""

    def validate(self) -> list[Problem]:
        """Every problem of every layer (empty when the data is valid)."""

    def version(self) -> Hashable:
        """A value that changes whenever the data does."""

    def dataset_for_day(self, day: str, mode: str = "day", kinds: Sequence[str] = (),
                        regions: Sequence[str] = ()) -> Dataset:
        """What a view of ``day`` needs."""

    def editor(self) -> StoreEditor:
        """The editor of this store's events and change log."""

    def document(self, name: str) -> bytes | None:
        """The bytes of a document (:data:`geo.store.layout.DOCUMENTS`), or None."""

    def write_document(self, name: str, data: bytes | str) -> str:
        """Store a document; returns where it went."""

    def document_stamp(self, *names: str) -> Hashable | None:
        """A cheap value that changes whenever one of the documents ``names`` does."""

    def documents(self) -> dict[str, bytes]:
        """Every document held, by name."""

    def readme(self) -> str | None:
        """The data's README, or None."""

    def left_out(self) -> list[str]:
        """The README's notes on what is not mapped."""

    def gazetteer(self) -> GazetteerTables | None:
        """The data's own gazetteer tables, or None."""

    def basemap_text(self) -> str | None:
        """The basemap's GeoJSON text, or None."""

    def write_basemap(self, text: str) -> str:
        """Store a basemap; returns where it went."""

    def lexicon(self) -> dict[str, Any] | None:
        """The parsed ``lexicon.json``, or None when the source has none."""
