"""The words of one dataset's country, read from its data folder's ``lexicon.json``.

The extractor's own tables (:mod:`geo.intake.extract.lexicon`) hold the words of each language;
the words of a country (the bodies whose figures editors cite and which of them is the police,
its outlets, road names and route codes, names never an event's place, words for its people)
belong to the dataset, so a Bolivian or Ecuadorian data folder brings its own.

The file holds plain phrases, never patterns: each is matched whole-word on folded text (no
accents, lower case), so a hostile file cannot make the reader slow. :func:`lexicon_for` reads a
data source's lexicon through its Store (:meth:`geo.store.protocol.Store.lexicon`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.core.i18n import N_
from geo.core.model import DataError, Problem
from geo.core.paths import BUNDLED_DATA
from geo.core.text import fold
from geo.store.layout import LEXICON_FILE

__all__ = ["Lexicon", "LEXICON_FILE", "parse_lexicon", "lexicon_for", "default_lexicon", "EMPTY"]

#: Bounds on its lists (the store bounds the file), so a hostile data folder cannot make the reader slow.
MAX_PHRASES = 5_000
MAX_PHRASE_CHARS = 120
_LISTS = ("bodies", "outlets", "named_roads", "not_places", "people")


@dataclass(frozen=True)
class Lexicon:
    """A country's words, folded, with the patterns the reader runs built from them."""

    reporters: tuple[tuple[re.Pattern, str], ...] = ()
    official: frozenset[str] = frozenset()
    police: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    road_code_prefix: str | None = None
    named_road: re.Pattern | None = None
    road_code: re.Pattern | None = None
    people: re.Pattern | None = None
    source: str = field(default="", compare=False)

    def road_code_name(self, number: str) -> str:
        """The route code as the dataset writes it: "3s" -> "PE-3S"."""
        return f"{self.road_code_prefix}-{number.upper()}"

    def is_road_code(self, road: str | None) -> bool:
        """Whether a road name is one of the country's route codes ("PE-3S")."""
        return bool(road and self.road_code_prefix
                    and re.fullmatch(re.escape(self.road_code_prefix) + r"-\w+", road))


EMPTY = Lexicon()


def _bad(file: str, field: str, msgid: str, **params: Any) -> DataError:
    """A located error: ``FILE: lexicon: FIELD: MESSAGE`` (a message id marked N_() and its values)."""
    return DataError([Problem(str(file), "lexicon", field, msgid, params)])


def _words(phrases) -> re.Pattern | None:
    """One whole-word pattern of folded phrases, longest first; None for no phrase."""
    alts = sorted({re.escape(fold(p)) for p in phrases if p.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w])") if alts else None


def _phrases(value, file: str, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise _bad(file, field, N_("must be a list of strings"))
    if len(value) > MAX_PHRASES:
        raise _bad(file, field, N_("{count} phrases; at most {limit}"), count=len(value), limit=MAX_PHRASES)
    for i, p in enumerate(value):
        if not p.strip() or len(p) > MAX_PHRASE_CHARS:
            raise _bad(file, f"{field}[{i}]", N_("a phrase of 1 to {limit} characters, got {value}"),
                       limit=MAX_PHRASE_CHARS, value=repr(p[:40]))
    return value


def parse_lexicon(doc, where: str = LEXICON_FILE) -> Lexicon:
    """A :class:`Lexicon` from the decoded JSON of ``lexicon.json``; DataError naming the field."""
    if not isinstance(doc, dict):
        raise _bad(where, "", N_("must be a JSON object"))
    known = {"about", "reporters", "road_code_prefix", *_LISTS}
    unknown = sorted(set(doc) - known)
    if unknown:
        raise _bad(where, unknown[0], N_("unknown field {name} (known: {known})"), name=repr(unknown[0]),
                   known=", ".join(sorted(known)))
    reporters, official, police = [], set(), set()
    raw = doc.get("reporters", [])
    if not isinstance(raw, list):
        raise _bad(where, "reporters", N_("must be a list"))
    for i, r in enumerate(raw):
        at = f"reporters[{i}]"
        if not isinstance(r, dict) or not isinstance(r.get("name"), str) or not r["name"].strip():
            raise _bad(where, at, N_("must be an object with a name"))
        for flag in ("official", "police"):
            if not isinstance(r.get(flag, False), bool):
                raise _bad(where, f"{at}.{flag}", N_("must be true or false"))
        pattern = _words(_phrases(r.get("phrases"), where, f"{at}.phrases"))
        if pattern is None:
            raise _bad(where, f"{at}.phrases", N_("must not be empty"))
        reporters.append((pattern, r["name"]))
        if r.get("official"):
            official.add(r["name"])
        if r.get("police"):
            police.add(r["name"])
    lists = {k: _phrases(doc.get(k, []), where, k) for k in _LISTS}
    prefix = doc.get("road_code_prefix")
    if prefix is not None and not (isinstance(prefix, str) and re.fullmatch(r"[A-Za-z]{1,4}", prefix)):
        raise _bad(where, "road_code_prefix", N_('one to four letters (e.g. "PE"), got {value}'), value=repr(prefix))
    roads = _words(lists["named_roads"])
    return Lexicon(
        reporters=tuple(reporters), official=frozenset(official), police=frozenset(police),
        bodies=frozenset(fold(p) for p in lists["bodies"]), outlets=frozenset(fold(p) for p in lists["outlets"]),
        not_places=frozenset(fold(p) for p in lists["not_places"]), road_code_prefix=prefix.upper() if prefix else None,
        named_road=re.compile(r"(?<![\w])(?:(?:la |the )?" + roads.pattern[len(r"(?<![\w-])"):] + ")")
        if roads else None,
        road_code=re.compile(r"(?<![\w])" + re.escape(prefix.lower()) + r"[\s-]?(\d{1,3}[a-z]?)(?![\w])")
        if prefix else None,
        people=_words(lists["people"]), source=where)


@lru_cache(maxsize=4)
def _bundled(stamp: tuple[int, int]) -> Lexicon:
    lexicon = _through_store(BUNDLED_DATA)  # None when the file went away since it was stat'ed
    return lexicon if lexicon is not None else EMPTY


def default_lexicon() -> Lexicon:
    """The bundled data folder's lexicon (the empty one when it has none), read again when the file changes."""
    try:
        st = os.stat(Path(BUNDLED_DATA) / LEXICON_FILE)
    except FileNotFoundError:
        return EMPTY
    return _bundled((st.st_mtime_ns, st.st_size))


def _through_store(source) -> Lexicon | None:
    from geo.store import store_for  # the store layer sits below; imported here to keep this module light
    store = store_for(source)
    doc = store.lexicon()
    if doc is None:
        return None
    return parse_lexicon(doc, f"{getattr(store, 'location', source)}/{LEXICON_FILE}")


def lexicon_for(source) -> Lexicon:
    """The lexicon of a data source (a store, a loaded dataset, a folder or a database URL): its
    own ``lexicon.json`` through :meth:`geo.store.protocol.Store.lexicon` (which bounds and checks
    the file) when it has one, else the bundled folder's (as :func:`geo.places.gazetteer.gazetteer_for`
    does for places)."""
    if source is None or source == "":
        return default_lexicon()
    own = _through_store(source)
    return own if own is not None else default_lexicon()
