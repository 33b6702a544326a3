"""Candidates read from a report, compared with the events already in the store.

A report often tells again what the data already holds, or gives a new figure for it (a toll
that "rose to 18"). Each candidate event is therefore compared with the stored events of the
same kind, at the same place, dated the same day or the day next to it: when one matches, the
candidate is proposed as an **update** of it (its counts differ: "17 → 18 dead at Juliaca,
9 January") or flagged as a **possible duplicate** (nothing new), never silently as a new event.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from geo.core.geodesy import distance_m
from geo.core.text import fold

__all__ = ["compare_with_store", "SAME_PLACE_KM", "COUNT_WORDS"]

#: A candidate whose point (a town's or a site's, not a region's capital) is this close to a
#: stored event's is at the same place even when the names differ ("Juliaca" / "aeropuerto de Juliaca").
SAME_PLACE_KM = 10.0
#: How a count is said in an update's text.
COUNT_WORDS = {"fatalities": "dead", "injured": "injured", "detained": "detained"}
_COUNTS = tuple(COUNT_WORDS)


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _name_words(name: str) -> set[str]:
    stop = {"de", "del", "la", "las", "los", "el", "en", "the", "of", "at", "y", "and"}
    return {w for w in re.findall(r"[a-z0-9]+", fold(name or "")) if w not in stop and len(w) > 2}


def _same_place(cand: Mapping, props: Mapping, point: tuple[float, float] | None) -> tuple[bool, float]:
    """Whether a candidate is at a stored event's place, and how far apart (km, inf when unknown).
    Names agree when every word of the shorter is in the longer ("Juliaca" in "aeropuerto de
    Juliaca"); points agree within :data:`SAME_PLACE_KM` when the candidate's point is a place's
    own (location precision 1 or 2), not its region's capital."""
    a, b = _name_words(cand.get("place", "")), _name_words(props.get("place", ""))
    km = float("inf")
    if point is not None and cand.get("lon") is not None and cand.get("lat") is not None:
        km = float(distance_m(cand["lon"], cand["lat"], point[0], point[1])) / 1000.0
    if cand.get("region") and props.get("region") and cand["region"] != props["region"]:
        return False, km
    named = bool(a and b) and (a <= b or b <= a)
    near = km <= SAME_PLACE_KM and (cand.get("geo_precision") or 3) <= 2
    return named or near, km


def _when(day: date) -> str:
    return f"{day.day} {day.strftime('%B')}"


def compare_with_store(events: list[dict], existing: Iterable[Mapping]) -> list[dict]:
    """Each candidate event with an ``existing`` entry saying how it stands against the store.

    ``existing`` holds the stored event Features. The entry is ``{"status": "new"}``, or
    ``{"status": "update" | "duplicate", "id", "summary", "changes", "text"}`` where ``changes``
    maps a count to ``[stored, read]`` (an update) and ``text`` says it for people ("17 → 18
    dead at Juliaca, 9 January"). A stored event matches when it has the candidate's kind, its
    place (see :func:`_same_place`) and dates that reach the candidate's start or the day before
    or after it; the closest match is taken. The candidates are copied, not changed.
    """
    stored = []
    for f in existing:
        p = f.get("properties") or {}
        start = _day(p.get("start"))
        if start is None or not isinstance(p.get("kind"), str):
            continue
        end = _day(p.get("end")) or start
        coords = (f.get("geometry") or {}).get("coordinates")
        point = (float(coords[0]), float(coords[1])) if isinstance(coords, (list, tuple)) and len(coords) >= 2 \
            and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2]) else None
        stored.append((f, p, start, end, point))
    out = []
    for cand in events:
        cand = dict(cand)
        start = _day(cand.get("start"))
        best = None
        for f, p, s_start, s_end, point in stored:
            if start is None or p["kind"] != cand.get("kind"):
                continue
            if not (s_start - timedelta(days=1) <= start <= s_end + timedelta(days=1)):
                continue
            same, km = _same_place(cand, p, point)
            if not same:
                continue
            gap = 0 if s_start <= start <= s_end else 1
            rank = (gap, km)
            if best is None or rank < best[0]:
                best = (rank, f, p, s_start)
        cand["existing"] = {"status": "new"} if best is None else _against(cand, *best[1:])
        out.append(cand)
    return out


def _against(cand: Mapping, feature: Mapping, props: Mapping, s_start: date) -> dict[str, Any]:
    changes = {k: [props.get(k, 0) or 0, cand[k]] for k in _COUNTS
               if cand.get(k) is not None and cand[k] != (props.get(k, 0) or 0)}
    summary = f"{props.get('kind')} at {props.get('place')} ({props.get('region')}), {props.get('start')}"
    if changes:
        said = ", ".join(f"{old} → {new} {COUNT_WORDS[k]}" for k, (old, new) in changes.items())
        text = f"{said} at {props.get('place')}, {_when(s_start)}"
        return {"status": "update", "id": str(feature.get("id")), "summary": summary, "changes": changes,
                "text": text}
    return {"status": "duplicate", "id": str(feature.get("id")), "summary": summary, "changes": {},
            "text": f"possibly the same as {feature.get('id')}: {summary}"}
