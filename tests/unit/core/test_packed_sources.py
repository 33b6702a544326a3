"""The events frame keeps each event's sources as one compact JSON text (memory, issue 24); every
reader gets the contract's list of dicts back, members and text exactly as written."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from geo.core.frames import event_sources, events_frame, pack_sources
from geo.core.index import EventIndex
from geo.query.stats import source_summary
from geo.store import load_dataset
from tests.conftest import make_event, write_folder

ACLED = {"name": "ACLED", "url": "https://acleddata.com/", "published": "2023-01-10",
         "event_id_cnty": "PER1234", "publishers": ["La República", "RPP"]}
FEED = {"name": "SUTRAN", "url": "https://www.sutran.gob.pe/", "published": "2023-01-09"}
ODD = {"name": 'Radio "Onda Azul" \\ Puno', "url": "https://example.org/a?b=1&c=<2>", "published": "2023-01-09"}


def _events() -> list[dict]:
    return [make_event("a", sources=[ODD, ACLED]), make_event("b", sources=[FEED]),
            make_event("c", sources=[ACLED, FEED])]


def test_the_frame_holds_text_and_readers_get_the_lists_back():
    frame = events_frame(_events())
    assert all(isinstance(value, str) for value in frame["sources"])
    assert [event_sources(v) for v in frame["sources"]] == [[ODD, ACLED], [FEED], [ACLED, FEED]]
    assert event_sources(frame["sources"].iloc[0])[1]["publishers"] == ["La República", "RPP"]
    # a frame built by hand may hold the lists themselves
    assert event_sources([FEED]) == [FEED] and event_sources(({"name": "x"},)) == [{"name": "x"}]
    with pytest.raises(TypeError, match="sources must be a list"):
        event_sources(None)


def test_records_index_and_summary_read_packed_sources(tmp_path):
    dataset = load_dataset(write_folder(tmp_path / "data", _events()))
    index = dataset.index
    records = {r["id"]: r for r in index.records(np.arange(len(index)))}
    assert records["a"]["sources"] == [ODD, ACLED]
    assert records["c"]["sources"] == [ACLED, FEED]
    # the feed's events: those whose first source is SUTRAN (only "b"; "c" cites it second)
    assert dict(zip(index.ids.tolist(), index.feed.tolist(), strict=True)) == {"a": False, "b": True, "c": False}
    assert source_summary(dataset) == {"publishers": 3, "reports": 3}


def test_packed_sources_take_less_memory_than_the_dicts():
    sources = [{"name": "Andina", "url": f"https://andina.pe/agencia/noticia/{i}", "published": "2023-01-09"}
               for i in range(2)]
    as_dicts = sys.getsizeof(sources) + sum(sys.getsizeof(s) + sys.getsizeof(s["url"]) for s in sources)
    assert len(pack_sources(sources).encode()) < as_dicts / 2


def test_an_index_over_a_hand_built_frame_still_reads_lists():
    frame = events_frame(_events())
    frame["sources"] = [[ODD], [FEED], [ACLED]]
    assert EventIndex(frame).feed.tolist() == [False, True, False]
