"""The add / edit form: a Feature's starting values, and the Feature a filled form describes."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from geo.core.dates import parse_written_date
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, COUNT_FIELDS, Problem, Scope
from geo.intake.readers import build_feature, check_feature

FORM_LABEL = "the form"


def form_values(feature: Mapping | None) -> dict:
    """The form's starting values for an event Feature (defaults for a new event when None).

    Dates come back as :class:`datetime.date`, counts as ints, ``sources`` as a list of
    ``{name, url, published}`` with ``published`` a date (or None).
    """
    props = dict((feature or {}).get("properties") or {})
    coords = ((feature or {}).get("geometry") or {}).get("coordinates") or [None, None]

    def day(value: Any) -> date | None:
        parsed = parse_written_date(value) if isinstance(value, str) else None
        return date.fromisoformat(parsed) if parsed else None

    return {
        "kind": props.get("kind", "blockade"), "start": day(props.get("start")), "end": day(props.get("end")),
        "place": props.get("place", ""), "region": props.get("region"), "road": props.get("road", ""),
        "km": props.get("km"), "fatalities": props.get("fatalities", 0), "injured": props.get("injured", 0),
        "detained": props.get("detained", 0), "geo_precision": props.get("geo_precision", 1),
        "time_precision": props.get("time_precision", 1), "status": props.get("status", "reported"),
        "description": props.get("description", ""), "lon": coords[0], "lat": coords[1],
        "sources": [{"name": s.get("name", ""), "url": s.get("url", ""), "published": day(s.get("published"))}
                    for s in props.get("sources") or [] if isinstance(s, Mapping)],
    }


#: What the event form shows: the properties of :func:`form_values` (and the point).
FORM_PROPERTIES = frozenset(form_values(None)) - {"lon", "lat"}
#: What the form shows of each source.
FORM_SOURCE_KEYS = frozenset({"name", "url", "published"})


def keep_unshown(original: Mapping, feature: dict) -> dict:
    """``feature`` with what the form does not show carried over from ``original``: properties
    such as ``description_es``, and a source's ``note`` when the source (same link) is kept.

    Without this, saving any change from the form would silently drop them.
    """
    before = (original or {}).get("properties") or {}
    props = feature.setdefault("properties", {})
    for key, value in before.items():
        if key not in FORM_PROPERTIES and key not in props:
            props[key] = value
    by_url = {str(s.get("url")): s for s in before.get("sources") or [] if isinstance(s, Mapping)}
    for source in props.get("sources") or []:
        old = by_url.get(str(source.get("url")))
        if old is not None:
            for key, value in old.items():
                if key not in FORM_SOURCE_KEYS and key not in source:
                    source[key] = value
    return feature


def feature_from_form(values: Mapping[str, Any], sources: Sequence[Mapping[str, Any]],
                      event_id: str | None = None, scope: Scope = ANYWHERE,
                      original: Mapping | None = None) -> tuple[dict, list[Problem]]:
    """Build and check the event a form describes.

    Counts of zero are left out (the contract's default), as are empty fields. At least one
    source with an http(s) URL is required. Given the ``original`` event being edited, what the
    form does not show is kept (:func:`keep_unshown`).

    Returns
    -------
    feature : dict
    problems : list of Problem
        Empty when the event can be saved.
    """
    cleaned = dict(values)
    for name in COUNT_FIELDS:
        if cleaned.get(name) in (0, "0"):
            cleaned[name] = None
    cleaned["id"] = event_id
    feature, problems, bad = build_feature(cleaned, sources, FORM_LABEL, event_id or "new event", scope)
    if original is not None:
        keep_unshown(original, feature)
    if not feature["properties"].get("sources"):
        problems.append(Problem(FORM_LABEL, event_id or "new event", "sources",
                                N_("a source is required: the publisher, the link (http/https) and the date")))
        bad.add("sources")
    return feature, problems + check_feature(feature, FORM_LABEL, event_id or "new event", bad, scope=scope)
