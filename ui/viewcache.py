"""What the map page shows for one view, made once and kept for every reader: the map's layers as
script text, the table's rows, the day-over-day lists.

They depend only on the dataset, the view and the language, so a day one reader has looked at costs
the next reader a lookup, and the prefetch thread (:func:`ui.panels.prefetch_next_day`) makes the
next day's while the reader looks at this one: "Next" then finds them made. A dozen views are
kept (least recently used first out); a new load of the data starts afresh (the entries hold the
dataset weakly and are keyed by its identity).
"""
from __future__ import annotations

import secrets
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from geo.core.dataset import Dataset
from geo.core.view import View

#: Views kept: each about 1 MB for a day of 500 events (the layers' script, the table's rows), so a
#: dozen is a week stepped back and forth in two languages without growing the server by much.
KEEP = 12

T = TypeVar("T")

_kept: OrderedDict[tuple, tuple[weakref.ref, Any]] = OrderedDict()
_lock = threading.Lock()


def kept(part: str, ds: Dataset, view: View, lang: str, make: Callable[[], T], *extra: Hashable) -> T:
    """``make()`` for ``part`` of ``view`` of ``ds`` in ``lang`` (and ``extra``), made once and kept.

    ``make`` must depend on nothing else; it runs outside the lock, so two threads asking at once
    may both make it (the same value), never wait for each other.
    """
    key = (part, id(ds), view, lang, *extra)
    with _lock:
        found = _kept.get(key)
        if found is not None and found[0]() is ds:
            _kept.move_to_end(key)
            return found[1]
    value = make()
    with _lock:
        _kept[key] = (weakref.ref(ds), value)
        _kept.move_to_end(key)
        while len(_kept) > KEEP:
            _kept.popitem(last=False)
    return value


def clear() -> None:
    """Forget every kept view (tests)."""
    with _lock:
        _kept.clear()


_tokens: dict[int, tuple[weakref.ref, str]] = {}


def load_token(ds: Dataset) -> str:
    """A random token for this load of the data (the same for as long as ``ds`` lives): names
    the files made from it (:mod:`geo.render.served_views`)."""
    with _lock:
        for gone in [k for k, (ref, _) in _tokens.items() if ref() is None]:
            del _tokens[gone]
        found = _tokens.get(id(ds))
        if found is None or found[0]() is not ds:
            found = (weakref.ref(ds), secrets.token_hex(8))
            _tokens[id(ds)] = found
        return found[1]
