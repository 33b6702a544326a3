"""The library's problem and error messages in the reader's language.

``geo`` writes its problems in English (the command line prints them as they are, and tests
read them). The editing pages show them translated: each message the pages can show is listed
here as a template with named fields, in the words ``geo`` uses; a message is matched against
the templates, and the matching template's translation is filled with the same values. A
message that matches no template (a new one, or one reworded in ``geo``) is shown in English,
as it is: never lost. ``tests/unit/ui`` checks that every template still matches what ``geo``
produces for bad input.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from geo.core.i18n import N_, Translator, translator
from geo.store.editor import describe_entry
from ui import i18n

#: The messages of geo's checks and of the editor, with their values as named fields.
TEMPLATES: tuple[str, ...] = (
    # geo.core.model (every event's fields)
    N_("is required"),
    N_("is required (a region of the dataset)"),
    N_("{value} is not a date (YYYY-MM-DD)"),
    N_("is required (one of {choices})"),
    N_("must be a whole number >= 0, got {value}"),
    N_("{value} is more than the {limit} accepted for one event"),
    N_("is required (the publisher)"),
    N_("is required (an http(s) link to the report)"),
    N_("{value} is not an http(s) URL"),
    N_("is required (YYYY-MM-DD)"),
    N_("must be a Point, got {value}"),
    N_("coordinates must be [lon, lat], got {value}"),
    N_("[{lon}, {lat}] lies outside the dataset's area (lon and lat look swapped)"),
    N_("[{lon}, {lat}] lies outside the dataset's area"),
    N_("{value} is not one of the dataset's regions"),
    N_("{value} is not one of {choices}"),
    N_("must be a non-empty string, got {value}"),
    N_("is {length} characters long; at most {limit} are accepted"),
    N_("is required (a unique, stable string)"),
    N_("is used by more than one feature"),
    N_("{end} is before start {start}"),
    N_("{day} is outside the days accepted ({first} to {last})"),
    N_("{end} is {days} days after start {start}; at most {limit} are accepted"),
    N_("must be a number >= 0, got {value}"),
    N_("{value} is more than the {limit} km accepted for a kilometre post"),
    # geo.intake (forms, imports, duplicates)
    N_("a source is required: the publisher, the link (http/https) and the date"),
    N_("must be a whole number, got {value}"),
    N_("must be a number, got {value}"),
    N_("must be a finite number, got {value}"),
    N_("{value} is not a date (YYYY-MM-DD, or '12 December 2022')"),
    N_("{value} is not a date (YYYY-MM-DD or '12 December 2022')"),
    N_("the location is required (lon and lat)"),
    N_("{event_type} / {sub_event_type} has no matching kind"),
    N_("{value} is not a date (2020-05-09, 9 May 2020, 9-May-20, an Excel day number or 09/05/2020)"),
    N_("no source: an ACLED row is cited by its event_id_cnty, and this one has none (publishers: {publishers}); "
       "give the event_id_cnty, or a link (http/https) in 'source' or 'notes'"),
    N_("{names} is not one of the dataset's regions (add the name to region_aliases in dataset.json)"),
    N_("repeats event {id} with another {column} ({value}, not {other})"),
    N_("{value} is not a JSON list"),
    N_("must be a list of publisher names"),
    N_("must be a list of actor names"),
    N_("must be a whole number of seconds since 1970, got {value}"),
    N_("is empty"),
    N_("holds no events"),
    N_("holds no rows"),
    N_("must be a GeoJSON FeatureCollection of events"),
    N_("must be a GeoJSON Feature"),
    N_("missing {columns} ({what} expected)"),
    N_("missing {columns} (the export's columns expected; name others with --map FIELD={noun} or give one "
       "value with --set FIELD=VALUE)"),
    N_("{field}={column}: the file has no {noun} {value} (it has: {names})"),
    N_("is a {kind}: only Points can be imported (an event happens at a place); reduce each shape to a point "
       "first, e.g. its centroid in a GIS"),
    N_("is missing: only Points can be imported (an event happens at a place); reduce each shape to a point "
       "first, e.g. its centroid in a GIS"),
    N_("missing {columns}"),
    N_("is not UTF-8 text ({reason} at byte {position})"),
    N_("invalid JSON at line {line} column {column}: {reason}"),
    N_("{id} is also used by {other}"),
    N_("{id} is already used by an event in the data"),
    N_("{id} was used by a retracted event (ids are never reused)"),
    N_("is already used by an event in the data"),
    N_("was used by a retracted event (ids are never reused)"),
    N_("is given to more than one new event"),
    # geo.store.editor (saving)
    N_("event {id} is no longer in the data (retracted meanwhile?)"),
    N_("event {id} is already in the data"),
    N_("event {id} was retracted by someone else meanwhile; nothing was saved"),
    N_("event {id} was changed by someone else meanwhile: {conflicts}. Reload it and make your change again."),
    N_("no change number {seq} in the change log"),
    N_("event {id} was retracted meanwhile"),
    N_("no event {id} in the data"),
    N_("a retraction needs a reason (e.g. 'duplicate of 2023-01-09-juliaca-clash')"),
    N_("event {id} is already retracted"),
    N_("event {id} is already gone: nothing to undo"),
    N_("change {seq} is already undone: event {id} holds its earlier values"),
    N_("{value} cannot be changed (ids are stable)"),
    N_("who must name the editor (it goes into the change log)"),
    # geo.store.counts (accepted counts)
    N_("{date} {metric} by {reporter} is already in the file (value {value}); edit the file to correct it"),
    N_("repeats an earlier new row"),
    # geo.places.geocode (the place search)
    N_("give a place name, e.g. 'Juliaca' or 'PE-3S km 1380'"),
    N_("{road} km {km}: no corridors loaded, so kilometre posts cannot be placed"),
)
_FIELD = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for template in TEMPLATES:
        parts, pos = [], 0
        for m in _FIELD.finditer(template):
            parts.append(re.escape(template[pos:m.start()]))
            parts.append(f"(?P<{m.group(1)}>.+?)")
            pos = m.end()
        parts.append(re.escape(template[pos:]))
        out.append((re.compile("".join(parts), re.S), template))
    return tuple(out)


def translate_message(message: str, lang: str | Translator | None = None) -> str:
    """``message`` (English, from geo) in the reader's language, or as it is when no template matches."""
    t = translator(lang)
    if t.lang == "en":
        return message
    for pattern, template in _patterns():
        m = pattern.fullmatch(message)
        if m:
            return t.gettext(template).format(**m.groupdict())
    return message


def problem_text(message: str) -> str:
    """A problem or error message of geo in the session's language."""
    return translate_message(message, i18n.translator())


def entry_text(entry: Mapping) -> str:
    """What a change-log entry changed, in the session's language (:func:`geo.store.editor.describe_entry`)."""
    return describe_entry(entry, i18n.translator())
