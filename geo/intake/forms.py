"""The add / edit form: a Feature's starting values, and the Feature a filled form describes."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from geo.core.dates import parse_written_date
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, COUNT_FIELDS, Problem, Scope
from geo.intake.extract.text import guess_language
from geo.intake.readers import build_feature, check_feature

FORM_LABEL = "the form"
DESCRIPTION_PREFIX = "description_"
PLACE_PREFIX = "place_"


def description_key(props: Mapping | None, lang: str | None = None, home: str | None = None) -> str:
    """The property the form's description is, for a reader of ``lang`` (CONTRACT.md).

    ``description_<lang>`` when the event has it; ``description`` when that is in the reader's
    language (another ``description_*`` says it is in another one, or its words do not say it
    is in another language); ``description_<lang>`` when ``description`` is in another language.
    An event with no description at all gets ``description`` when ``lang`` is ``home`` (the
    dataset's language), else ``description_<lang>``. No ``lang``: ``description``.

    >>> description_key({"description": "Road blocked at the bridge by the strikers.", "description_es": "Vía"}, "es")
    'description_es'
    >>> description_key({"description": "The road was blocked by the strikers at the bridge."}, "es")
    'description_es'
    >>> description_key({"description": "Road blocked.", "description_es": "Vía bloqueada."}, "en")
    'description'
    >>> description_key({}, "en", home="es"), description_key({}, "es", home="es")
    ('description_en', 'description')
    """
    if not lang:
        return "description"
    own = DESCRIPTION_PREFIX + lang
    props = props or {}
    if props.get(own):
        return own
    plain = props.get("description")
    others = [k for k, v in props.items() if k.startswith(DESCRIPTION_PREFIX) and k != own and v]
    if plain:
        if others:
            return "description"
        return "description" if guess_language(str(plain)) in (None, lang) else own
    if others or (home and lang != home):
        return own
    return "description"


def description_reference(feature: Mapping | None, lang: str | None = None,
                          home: str | None = None) -> tuple[str, str] | None:
    """``(text, language code)`` of the event's description in another language, to show beside
    a form whose description (in ``lang``) is still empty, so the editor can translate it; None
    when the form already shows one or there is none."""
    props = (feature or {}).get("properties") or {}
    key = description_key(props, lang, home)
    if props.get(key):
        return None
    for other in ("description", *sorted(k for k in props if k.startswith(DESCRIPTION_PREFIX))):
        if other != key and props.get(other):
            code = other[len(DESCRIPTION_PREFIX):] if other != "description" else \
                (guess_language(str(props[other])) or "")
            return str(props[other]), code
    return None


def form_values(feature: Mapping | None, lang: str | None = None, home: str | None = None) -> dict:
    """The form's starting values for an event Feature (defaults for a new event when None).

    The description is the one in the reader's language ``lang`` (:func:`description_key`;
    ``home`` is the dataset's language), empty when the event has none in that language.

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
        "description": props.get(description_key(props, lang, home), ""), "lon": coords[0], "lat": coords[1],
        "sources": [{"name": s.get("name", ""), "url": s.get("url", ""), "published": day(s.get("published"))}
                    for s in props.get("sources") or [] if isinstance(s, Mapping)],
    }


#: What the event form shows: the properties of :func:`form_values` (and the point).
FORM_PROPERTIES = frozenset(form_values(None)) - {"lon", "lat"}
#: What the form shows of each source.
FORM_SOURCE_KEYS = frozenset({"name", "url", "published"})


def keep_unshown(original: Mapping, feature: dict, shown: frozenset = FORM_PROPERTIES) -> dict:
    """``feature`` with what the form does not show (not in ``shown``) carried over from
    ``original``: properties such as ``description_es`` or ``place_es``, and a source's ``note``
    when the source (same link) is kept.

    Without this, saving any change from the form would silently drop them.
    """
    before = (original or {}).get("properties") or {}
    props = feature.setdefault("properties", {})
    for key, value in before.items():
        if key not in shown and key not in props:
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
                      original: Mapping | None = None, lang: str | None = None,
                      home: str | None = None) -> tuple[dict, list[Problem]]:
    """Build and check the event a form describes.

    Counts of zero are left out (the contract's default), as are empty fields. At least one
    source with an http(s) URL is required. Given the ``original`` event being edited, what the
    form does not show is kept (:func:`keep_unshown`). The form's description is saved as the
    reader's language's (:func:`description_key` for ``lang``, ``home`` the dataset's language),
    so a correction in Spanish reaches Spanish readers and leaves the English text as it was.
    A changed ``place`` drops the original's ``place_<lang>`` labels (they named the old place).

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
    key = description_key((original or {}).get("properties"), lang, home)
    props = feature.setdefault("properties", {})
    if key != "description" and "description" in props:
        props[key] = props.pop("description")
        bad = {key if name == "description" else name for name in bad}
    if original is not None:
        shown = (FORM_PROPERTIES - {"description"}) | {key}
        before = original.get("properties") or {}
        if before.get("place") != props.get("place"):  # its labels in other languages named the old place
            shown |= {k for k in before if k.startswith(PLACE_PREFIX)}
        keep_unshown(original, feature, frozenset(shown))
    if not feature["properties"].get("sources"):
        problems.append(Problem(FORM_LABEL, event_id or "new event", "sources",
                                N_("a source is required: the publisher, the link (http/https) and the date")))
        bad.add("sources")
    return feature, problems + check_feature(feature, FORM_LABEL, event_id or "new event", bad, scope=scope)
